package shared

import (
	"fmt"
	"strings"
	"time"
)

// Min beskedbakke (SPEC D6, B3; FEATURES.md 5.4; 003 «Beskedbakke», 000
// 5.4 and Billede 20–21). The case systems of the jobcentres, the
// a-kasser and STAR send messages to one citizen or to a group
// (server/ingestv1.Message); the citizen reads them, and answers those
// marked "Kan besvares" — once, for "Borger kan altså ikke selv initiere
// dialog via beskedbakken" [003]. Opening a message marks it read, by the
// citizen's own session only (K2).

// Limits the sources leave open, decided here: a subject fits one line of
// the list, a body is a letter (a few pages), a reply a few paragraphs.
const (
	MessageSubjectMax = 200
	MessageBodyMax    = 10000
	MessageReplyMax   = 4000
	// MessageGroupMax is the largest group one ingestion request may address.
	MessageGroupMax = 1000
	// MessageCountDays is the running window of the count on the Min
	// beskedbakke card: "hvor mange beskeder man har haft pr. løbende 30
	// dage" [003].
	MessageCountDays = 30
	// MessageRetentionYears is how long a message is kept after it was
	// sent (server/storage/retention.go).
	MessageRetentionYears = 3
)

// MessageReply is the citizen's answer to a "Kan besvares" message.
type MessageReply struct {
	Text string    `json:"text"`
	Sent time.Time `json:"sent"`
	// Attachments are the files sent with it (message_attachments.go);
	// Pending is how many more the citizen announced and has not sent,
	// while the answer waits for them (0 once it is ready for the sender).
	Attachments []MessageAttachment `json:"attachments,omitempty"`
	Pending     int                 `json:"pending,omitempty"`
}

// Messages is the Beskedbakke, the newest first.
type Messages struct {
	Messages []Message `json:"messages"`
}

// AKasseMessages is the a-kasse's view of the Beskedbakke (projectMessages).
type AKasseMessages struct {
	Messages []AKasseMessage `json:"messages"`
}

func (AKasseMessages) akasseView() {}

// ProjectMessagesForAKasse is the a-kasse's (code akasse) view of the
// Beskedbakke.
func ProjectMessagesForAKasse(m Messages, akasse string) AKasseMessages {
	return AKasseMessages{Messages: ProjectForAKasse(CitizenData{Messages: m.Messages, AKasse: akasse}).Messages}
}

// MessageFrom is a message's title by its sender's kind of organisation,
// as the list and the message show it: "Besked fra jobcenter", "Besked fra
// Styrelsen for arbejdsmarked og rekruttering" [000 Billede 20–21]. The
// sources show no a-kasse's message; "Besked fra a-kassen" follows the
// jobcenter's. STAR's name is written as the authority writes it.
func MessageFrom(k OrgKind) string {
	switch k {
	case OrgAKasse:
		return "Besked fra a-kassen"
	case OrgSTAR:
		return "Besked fra Styrelsen for Arbejdsmarked og Rekruttering"
	}
	return "Besked fra jobcenter"
}

// MessageEmployer is an employer writing to a citizen, by its CVR number
// and name: employers find citizens in the CV bank and write through Jobnet
// for virksomheder, which STAR runs, so their messages come from STAR's
// system [000 5.4: "potentielle arbejdsgivere"].
type MessageEmployer struct {
	CVR  string `json:"cvr" validate:"required,len=8,numeric"`
	Name string `json:"name" validate:"required,max=200"`
}

// MsgFromEmployer is an employer's message's title.
const MsgFromEmployer = "Besked fra arbejdsgiver"

// From is the message's title in the list and on its page: by its
// sender's kind (MessageFrom), or an employer's.
func (m Message) From() string {
	if m.Employer != nil {
		return MsgFromEmployer
	}
	return MessageFrom(m.SenderKind)
}

// SentBy is the message's "Fra:" line: the sender, and for an employer's
// message the employer's name.
func (m Message) SentBy() string {
	if m.Employer != nil {
		return m.Sender + ", " + m.Employer.Name
	}
	return m.Sender
}

// MessageCountSince is where the card's running window of
// MessageCountDays days up to now begins: a message counts when it was
// sent after it and not after now (storage.FrontPage counts them).
func MessageCountSince(now time.Time) time.Time { return now.AddDate(0, 0, -MessageCountDays) }

// UnreadMessage is what the front page's notification says of an unread
// message: its subject ("" when the viewer may not see it) and when it
// came.
type UnreadMessage struct {
	Subject string
	Sent    time.Time
}

// MessageNotification is "Vigtig information"'s notice of unread messages
// ["Du har fået en ny besked: Titel" [000]; "Når borger får en besked i
// beskedbakken, kommer der en notifikation herom på forsiden" [003]]:
// one notice, not one per message, so that a group message from STAR
// does not push the other notices away; it names the subject when there
// is one unread message, and the count when there are more. It lasts
// while a message is unread, so it needs no "done": opening the messages
// is what ends it. False when none is unread.
func MessageNotification(unread []UnreadMessage) (Notification, bool) {
	if len(unread) == 0 {
		return Notification{}, false
	}
	newest := unread[0].Sent
	for _, u := range unread[1:] {
		if u.Sent.After(newest) {
			newest = u.Sent
		}
	}
	n := Notification{Kind: NotifyMessage, Created: newest}
	switch {
	case len(unread) > 1:
		n.Title = fmt.Sprintf("Du har fået %d nye beskeder", len(unread))
		n.Text = "Læs dem i Min beskedbakke."
	case unread[0].Subject != "":
		n.Title = "Du har fået en ny besked: " + unread[0].Subject
		n.Text = "Læs den i Min beskedbakke."
	default:
		n.Title = "Du har fået en ny besked"
		n.Text = "Læs den i Min beskedbakke."
	}
	return n, true
}

// FieldMessageReply is the reply form's one field.
const FieldMessageReply = "text"

// MessageReplyInput is the citizen's answer as typed.
type MessageReplyInput struct {
	Text string `json:"text" validate:"max=4000"`
	// Files is how many files the citizen will send with the answer, each
	// after it in a call of its own (message_attachments.go).
	Files int `json:"files,omitempty" validate:"min=0,max=5"`
}

// Normalized trims the answer: blank lines around it say nothing.
func (in MessageReplyInput) Normalized() MessageReplyInput {
	in.Text = strings.TrimSpace(in.Text)
	return in
}

// Check judges a normalized answer, in the browser and on the server: it
// must say something, within MessageReplyMax characters.
func (in MessageReplyInput) Check() error {
	c, err := checking(in)
	if err != nil {
		return err
	}
	if in.Text == "" {
		c.add(FieldMessageReply, "Skriv dit svar, før du sender det.")
	}
	return c.err()
}

// ErrMessageNotFound answers a message the citizen does not have.
func ErrMessageNotFound() error { return Errorf(ENotFound, "Beskeden findes ikke.") }

// ErrMessageNotAnswerable answers a reply to a message not marked "Kan
// besvares".
func ErrMessageNotAnswerable() error { return Errorf(EInvalid, "Beskeden kan ikke besvares.") }

// ErrMessageAnswered answers a second reply: the citizen answers once.
func ErrMessageAnswered() error { return Errorf(EConflict, "Du har allerede besvaret beskeden.") }

// The Beskedbakke's API.
const (
	APIMessages     = "/api/messages"
	APIMessageRead  = "/api/messages/{id}/read"
	APIMessageReply = "/api/messages/{id}/reply"
)

// MessageReadPath is APIMessageRead for one message.
func MessageReadPath(id string) string { return APIMessages + "/" + id + "/read" }

// MessageReplyPath is APIMessageReply for one message.
func MessageReplyPath(id string) string { return APIMessages + "/" + id + "/reply" }
