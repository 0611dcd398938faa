package shared

import "time"

// Overview is the front page's data about the citizen (SPEC B2–B7): who
// they are, their enrolment and target group, their forløb, the
// notifications for "Vigtig information", the two forsidekort, the primary
// action and automatch.
type Overview struct {
	Name          string          `json:"name"`
	Enrolment     EnrolmentStatus `json:"enrolment"`
	Forloeb       []Forloeb       `json:"forloeb"`
	Notifications []Notification  `json:"notifications"`
	Features      Features        `json:"features"`
	Cards         []Card          `json:"cards"`
	Primary       PrimaryAction   `json:"primary"`
	Automatch     Automatch       `json:"automatch"`
	// MessageCount is how many messages came in the last MessageCountDays
	// days, for the Min beskedbakke card [003].
	MessageCount int `json:"message_count"`
	// Unread are the unread messages, for "Vigtig information"'s notice
	// (AddMessageNotice); the a-kasse's projection judges the notice again
	// from its view of them. Never sent.
	Unread []Message `json:"-"`
	// Nudges are the facts the cards and the primary action were judged
	// by: the a-kasse's projection judges them again with the forløb it
	// may see. Never sent.
	Nudges Nudges `json:"-"`
}

// Nudges are the facts of the front page's nudges, and the day and the
// login (Seed) they were judged on.
type Nudges struct {
	Cards   CardFacts
	Primary PrimaryFacts // Kontaktgruppe and DutyToSeekWork come from the forløb
	Seed    uint64
	Today   Date
	// FleksjobAutomatch: automatch used the fleksjobvisiterede's variant.
	FleksjobAutomatch bool
}

// Judge fills the cards and the primary action from the nudges' facts and
// the current forløb among fs.
func (o *Overview) Judge(fs []Forloeb) {
	n := o.Nudges
	group, kg := "", 0
	if cur, ok := CurrentForloeb(fs, n.Today); ok {
		kg = cur.Kontaktgruppe
		if g, ok := KontaktgruppeByNumber(kg); ok {
			group = g.Maalgruppe
		}
	}
	o.Cards = Cards(group, n.Cards, n.Seed)
	if o.Cards == nil {
		o.Cards = []Card{}
	}
	pf := n.Primary
	pf.Kontaktgruppe, pf.DutyToSeekWork = kg, HasDutyToSeekWork(fs, n.Today)
	o.Primary = PrimaryActionOf(pf)
}

// IsFleksjobvisiteret reports whether today's forløb is the
// fleksjobvisiterede's, who get automatch's fleksjob variant.
func IsFleksjobvisiteret(fs []Forloeb, today Date) bool {
	cur, ok := CurrentForloeb(fs, today)
	return ok && cur.Kontaktgruppe == KontaktgruppeFleksjob
}

// Features are the menu items that depend on the citizen's data: a card is
// shown only when the data that feeds its page exists.
type Features struct {
	Dagpengetaellere bool `json:"dagpengetaellere"`
	Supplerende      bool `json:"supplerende"`
	Timer225         bool `json:"timer225"`
	// Forberedelsesskema is the kind of the screening shown, "" for none:
	// the menu item appears only "når der er en aktiv screening" [003],
	// and goes with the answer after 90 days [000 4.6].
	Forberedelsesskema ScreeningKind `json:"forberedelsesskema,omitempty"`
	// MinSag: the citizen has an open case to the rehabiliteringsteam, whose
	// menu item "Min sag til teamet" then shows [003] (minsag.go). The
	// a-kasse's projection drops it: it sees the item greyed out for every
	// member, which tells nothing (projectFeatures).
	MinSag bool `json:"min_sag,omitempty"`
}

// Notification is one entry in "Vigtig information".
type Notification struct {
	ID      int64            `json:"id"`
	Kind    NotificationKind `json:"kind"`
	Title   string           `json:"title"`
	Text    string           `json:"text"`
	Created time.Time        `json:"created"`
	// Tone is how urgently it speaks, when more than informs: the booking
	// deadline's sharpens as the deadline nears (FristNotification).
	Tone Tone `json:"tone,omitempty"`
}

// NotificationKind names what a notification is about (SPEC B3).
type NotificationKind string

const (
	NotifyDagpengekort    NotificationKind = "dagpengekort"  // send ledighedserklæring and dagpengekort
	NotifyJoblog          NotificationKind = "joblog"        // register job-search activities
	NotifyMessage         NotificationKind = "message"       // a new message
	NotifyPlan            NotificationKind = "plan"          // a new or changed plan
	NotifyBookingFrist    NotificationKind = "booking_frist" // a booking deadline
	NotifySygemelding     NotificationKind = "sygemelding"   // registered as sick
	NotifyUdgaaetStilling NotificationKind = "udgaaet_stilling"
)

// LoginEntry is one row of Historik → Login (SPEC D12, K3): the citizen's own
// logins and every caseworker's mirror access.
type LoginEntry struct {
	At           time.Time `json:"at"`
	Name         string    `json:"name"`
	Organisation string    `json:"organisation,omitempty"`
	Caseworker   bool      `json:"caseworker"`
}

// LoginHistoryMonths is how far back Historik → Login reaches (SPEC D12).
const LoginHistoryMonths = 3

// MsgNoAccessHistory is what an a-kasse caseworker sees instead of the
// citizen's Historik (000_…txt).
const MsgNoAccessHistory = "Du har ikke adgang til siden: /CV/Citizen/History"

// AddMessageNotice puts the notice of the unread messages in "Vigtig
// information", in its order.
func (o *Overview) AddMessageNotice() {
	unread := make([]UnreadMessage, 0, len(o.Unread))
	for _, m := range o.Unread {
		unread = append(unread, UnreadMessage{Subject: m.Subject, Sent: m.Sent})
	}
	o.Notifications = withMessageNotice(o.Notifications, unread)
}

// withMessageNotice is ns with its message notice replaced by the one of
// unread, in the front page's order. The notice of messages is judged
// from the Beskedbakke only, never stored: a stored one would tell the
// a-kasse a subject its letter secrecy hides, so one is dropped.
func withMessageNotice(ns []Notification, unread []UnreadMessage) []Notification {
	out := make([]Notification, 0, len(ns)+1)
	for _, n := range ns {
		if n.Kind != NotifyMessage {
			out = append(out, n)
		}
	}
	if n, ok := MessageNotification(unread); ok {
		out = append(out, n)
	}
	return OrderNotifications(out)
}
