package shared

import (
	"fmt"
	"slices"
	"time"
)

// The Møder page, a meeting's page, meld afbud and invitations (SPEC D4;
// FEATURES.md 5.2; 003 «Kontaktforløb (møder og frister)»; 001 «Mine
// aftaler»; 002 Bilag 3; 000 5.2). meetings.go holds the contract shared
// with the booking flow; this file the rules and words of the pages that
// show meetings.

// MeetingsIntro is the Møder page's intro: "Under "Planer og aftaler" →
// "Møder" kan borger se kommende mødeaktiviteter og booke nye møder" [003].
const MeetingsIntro = "Her kan du se dine kommende møder med jobcentret og a-kassen og booke et nyt møde."

// MeetingsCardText is the card under "Planer og aftaler" [000 Billede 12].
const MeetingsCardText = "Her kan du booke næste samtale med en jobkonsulent."

// The element "Dine pligter …" shows for dagpengemodtagere only [003
// «Frister»]; the sources name it and not its words. These are the
// project's, from the consequence the same section states
// ("Dagpengemodtagerne afmeldes når frist ikke overholdes, og de mister
// således deres dagpenge til de atter er tilmeldt, og har indfriet deres
// frist via straksbooking ved tilmelding").
const (
	DutiesHeading = "Dine pligter som dagpengemodtager"
	DutiesText    = "Du skal selv booke dine samtaler med jobcentret, inden fristen udløber, og du skal deltage i dem. " +
		"Overholder du ikke en frist, bliver du afmeldt som ledig, og du kan ikke få dagpenge, " +
		"før du har tilmeldt dig igen og booket en samtale."
)

// HasMeetingDuties reports whether the Møder page shows "Dine pligter …":
// for a dagpengemodtager today, which a dimittend on dagpenge is too
// (kontaktgruppe 1, or 8 with tilmeldekategori 5, as the a-kasse's access).
func HasMeetingDuties(fs []Forloeb, today Date) bool {
	cur, ok := CurrentForloeb(fs, today)
	return ok && cur.IsDagpengeOrDimittend()
}

// DeadlineText is the deadline box's text on today: the date by which to
// book, or, once it has passed, that the citizen must book now.
func DeadlineText(d Deadline, today Date) string {
	if d.Due.Before(today) {
		return fmt.Sprintf("Din frist for at booke et møde var %s. Du skal booke et møde nu.", d.Due.DanishWithWeekday())
	}
	return fmt.Sprintf("Du skal booke et møde senest %s.", d.Due.DanishWithWeekday())
}

// MayCancel reports whether the citizen may meld afbud to the meeting at
// now: a meeting they booked in Jobnet ("Book, ombook eller meld afbud"
// [004]) that is still planned and has not begun. A call-in from the case
// system is cancelled with the caseworker, as its letter says. The sources
// set no notice period; this project allows afbud until the meeting's
// start, for a citizen who falls ill on the morning must be able to say so,
// and the case system collects the afbud at once (meeting-events).
func MayCancel(m Meeting, now time.Time) bool {
	return m.Booked && m.Status == MeetingPlanned && now.Before(m.Start)
}

// MeetingStateText is how the list marks a meeting that will not be held:
// "Aflyst", and by whom.
func MeetingStateText(m Meeting) string {
	if m.Status != MeetingCancelled {
		return ""
	}
	if m.CancelledBy == "citizen" {
		return "Aflyst – du har meldt afbud"
	}
	if m.OrgKind == OrgAKasse {
		return "Aflyst af a-kassen"
	}
	return "Aflyst af jobcentret"
}

// CaseworkerLine is the caseworker as the list writes it: "Nina Pettersen
// (sagsbehandler)" [002 Bilag 3].
func CaseworkerLine(name string) string {
	if name == "" {
		return ""
	}
	return name + " (sagsbehandler)"
}

// InvitationReceiptText is the receipt of an accepted call-in when the
// organisation gave none: the sources say only that "mødekvittering vises
// i en ny modal" [003]; a meeting booked from an online offer uses the
// offer's receipt text instead.
const InvitationReceiptText = "Tak. Du har bekræftet, at du har set indkaldelsen. Mødet står under Møder. " +
	"Kan du ikke komme, skal du kontakte den, der har indkaldt dig, hurtigst muligt."

// InvitationHeading is the invitation modal's heading.
const InvitationHeading = "Du er indkaldt til et møde"

// Errors of meld afbud and the invitation.
func ErrMeetingNotFound() error { return Errorf(ENotFound, "Mødet findes ikke.") }

const (
	MsgCancelNotBooked = "Du kan kun melde afbud til møder, du selv har booket på Jobnet. Kontakt den, der har indkaldt dig."
	MsgCancelDone      = "Mødet er allerede aflyst."
	MsgCancelStarted   = "Mødet er begyndt eller afholdt, så du kan ikke længere melde afbud."
	MsgNotInvitation   = "Mødet er ikke en indkaldelse, der skal bekræftes."
)

// MeetingCancelPath and MeetingAcceptPath are the API paths of meld afbud
// and of OK to an invitation.
func MeetingCancelPath(id int64) string { return fmt.Sprintf("/api/meetings/%d/cancel", id) }
func MeetingAcceptPath(id int64) string { return fmt.Sprintf("/api/meetings/%d/accept", id) }

// MeetingPagePath is the page of one meeting.
func MeetingPagePath(id int64) string { return fmt.Sprintf("%s?id=%d", PageMeeting, id) }

// ---- The a-kasse's view (SPEC K4; 000 5.2) ----

// The a-kasse sees "planlagte samtaler i a-kassen ... under møder, i
// kalenderen og i tidslinjen" [000 5.2]: its own meetings with the
// member, not the jobcenter's (their contents are the jobcenter's
// contact with the citizen). The booking deadline it sees, whoever set
// it, with "Dine pligter …": the a-kasse "kan se medlemmets muligheder og
// guide et medlem, som måtte være usikker på selvbooking" [000 5.2], and a
// dagpengemodtager who misses the deadline is afmeldt and loses the
// dagpenge the a-kasse pays [003 «Frister»]. A deadline is a date and
// meeting types, no content of a meeting. So "Vigtig information"'s notice
// of it reaches the a-kasse too.

// AKasseMeeting is a Meeting as the a-kasse sees one of its own meetings:
// the same JSON shape.
type AKasseMeeting struct {
	ID           int64         `json:"id"`
	Org          string        `json:"org"`
	OrgKind      OrgKind       `json:"org_kind"`
	OrgName      string        `json:"org_name"`
	TypeCode     string        `json:"type_code,omitempty"`
	Type         string        `json:"type"`
	Form         string        `json:"form"`
	Start        time.Time     `json:"start"`
	End          time.Time     `json:"end"`
	Place        string        `json:"place,omitempty"`
	Phone        string        `json:"phone,omitempty"`
	Caseworker   string        `json:"caseworker,omitempty"`
	Text         string        `json:"text,omitempty"`
	Status       MeetingStatus `json:"status"`
	CancelledBy  string        `json:"cancelled_by,omitempty"`
	Participants string        `json:"participants,omitempty"`
	Agreements   string        `json:"agreements,omitempty"`
	Invited      bool          `json:"invited,omitempty"`
	Booked       bool          `json:"booked,omitempty"`
	Version      int           `json:"version"`
}

// AKasseMeetings is the a-kasse's Møder page: its own meetings, the
// deadline and the duties.
type AKasseMeetings struct {
	Meetings []AKasseMeeting `json:"meetings"`
	Deadline *Deadline       `json:"deadline,omitempty"`
	Duties   bool            `json:"duties,omitempty"`
}

func (AKasseMeeting) akasseView()  {}
func (AKasseMeetings) akasseView() {}

// AKasseSeesMeeting reports whether the a-kasse with the code akasse sees
// the meeting: its own only ("" sees none).
func AKasseSeesMeeting(m Meeting, akasse string) bool { return akasse != "" && m.Org == akasse }

// ProjectMeetingForAKasse is one meeting as the a-kasse sees it, false
// when it is not the a-kasse's (then it does not exist for it).
func ProjectMeetingForAKasse(m Meeting, akasse string) (AKasseMeeting, bool) {
	if !AKasseSeesMeeting(m, akasse) {
		return AKasseMeeting{}, false
	}
	return AKasseMeeting{ID: m.ID, Org: m.Org, OrgKind: m.OrgKind, OrgName: m.OrgName, TypeCode: m.TypeCode, Type: m.Type,
		Form: m.Form, Start: m.Start, End: m.End, Place: m.Place, Phone: m.Phone, Caseworker: m.Caseworker, Text: m.Text,
		Status: m.Status, CancelledBy: m.CancelledBy, Participants: m.Participants, Agreements: m.Agreements,
		Invited: m.Invited, Booked: m.Booked, Version: m.Version}, true
}

// ProjectMeetingsForAKasse is the Møder page as the a-kasse with the code
// akasse sees it.
func ProjectMeetingsForAKasse(ms Meetings, akasse string) AKasseMeetings {
	out := AKasseMeetings{Meetings: []AKasseMeeting{}, Duties: ms.Duties}
	for _, m := range ms.Meetings {
		if a, ok := ProjectMeetingForAKasse(m, akasse); ok {
			out.Meetings = append(out.Meetings, a)
		}
	}
	if ms.Deadline != nil && akasse != "" {
		d := *ms.Deadline
		d.TypeCodes = slices.Clone(d.TypeCodes)
		out.Deadline = &d
	}
	return out
}
