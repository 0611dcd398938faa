package shared

import (
	"slices"
	"time"
)

// Selvbooking ("Book et møde", SPEC D4; FEATURES.md 5.2): the rules of
// the booking flow that meetings.go (the contract) leaves to the booking
// feature — which offers a citizen is shown, how far ahead, the rights
// text's fallbacks, when a booking meets a deadline, the straksbooking
// purpose and the a-kasse's view of the flow.

// How far ahead and how many times the flow offers. The sources are
// silent; a jobcenter plans its calendars some weeks ahead, and eight
// weeks hold every demo and realistic planner's times, while a list of
// more than 200 times of one offer is no help to anyone (the page shows
// them a few days at a time, BookingDaysShown).
const (
	BookingWindowDays = 56
	BookingSlotsMax   = 200
	// BookingDaysShown: the times step shows this many days, and "Vis
	// flere tider" the next as many.
	BookingDaysShown = 5
	// BookingNextMax: a lost race offers this many next free times.
	BookingNextMax = 6
)

// BookingWindow is the period the flow offers times in: after now (a
// time that has begun cannot be booked), for BookingWindowDays.
func BookingWindow(now time.Time) (from, to time.Time) {
	return now, now.AddDate(0, 0, BookingWindowDays)
}

// BookingAge is the citizen's age for an offer's age range, from the
// birth date of the CPR number.
func BookingAge(cpr CPR, today Date) int { return AgeOn(cpr.BirthDate(), today) }

// BookingKontaktgruppe is the kontaktgruppe an offer's audience is judged
// by: today's forløb's, 0 without one (such a citizen is admitted only to
// offers for every group).
func BookingKontaktgruppe(fs []Forloeb, today Date) int {
	if f, ok := CurrentForloeb(fs, today); ok {
		return f.Kontaktgruppe
	}
	return 0
}

// BookingOrgs are the organisations whose offers a citizen sees: the
// jobcenter's for everyone attached to one, and the a-kasse's for its
// members — a rådighedssamtale or a CV-samtale is booked with the a-kasse
// [002 3.3]. The sources show the jobcenter's only ("et møde med en
// sagsbehandler på dit jobcenter"); the a-kasse's are this project's
// reading of "samtaler i a-kassen" [000 5.2].
func BookingOrgs(c Citizen) []string {
	var orgs []string
	for _, o := range []string{c.Jobcenter, c.AKasse} {
		if o != "" {
			orgs = append(orgs, o)
		}
	}
	return orgs
}

// BookingDeadline is the deadline the flow works towards on today: for
// the ordinary flow, the earliest open deadline not yet passed (a passed
// one is no longer met by booking, but by straksbooking at re-enrolment or
// raskmelding [003]); for the straksbooking flow, the earliest open one
// that passed. deadlines come the earliest first (storage.Deadlines).
func BookingDeadline(deadlines []Deadline, today Date, straks bool) *Deadline {
	for _, d := range deadlines {
		if d.Open() && d.Straksbooking(today) == straks {
			return &d
		}
	}
	return nil
}

// StraksOffers are the offers of the straksbooking flow: those that meet
// the passed deadline ("indfri deres frist og booke en jobsamtale" [003]),
// marked MeetsDeadline. Which types are jobsamtaler is the deadline's
// TypeCodes: the case system names them.
func StraksOffers(offers []MeetingOffer, d *Deadline) []MeetingOffer {
	meets, _ := SplitByDeadline(offers, d)
	return meets
}

// MeetsDeadlineOn reports whether a booking of typeCode made on today meets
// the deadline: open, of one of its types, and booked on or before its due
// date — or after it in the straksbooking flow.
func MeetsDeadlineOn(d Deadline, typeCode string, today Date, straks bool) bool {
	if !d.Open() || !slices.Contains(d.TypeCodes, typeCode) {
		return false
	}
	return !today.After(d.Due) || straks && d.Straksbooking(today)
}

// RightsKeys are the keys the rights text is looked up by, the first found
// wins: the kontaktgruppe and the meeting type, the kontaktgruppe's text
// for every type, the type's text for every group, and STAR's general
// text (kontaktgruppe 0, type ""; migrations/022).
func RightsKeys(kg int, typeCode string) []RightsKey {
	return []RightsKey{{kg, typeCode}, {kg, ""}, {0, typeCode}, {0, ""}}
}

// RightsKey is one key of the rights texts.
type RightsKey struct {
	Kontaktgruppe int
	TypeCode      string
}

// DefaultRights is the rights text when STAR has published none, not even
// the general one: this project's wording, which promises nothing the
// sources do not.
var DefaultRights = []RightsSection{{Heading: "Vær opmærksom på",
	Text: "Du skal deltage i mødet på det tidspunkt, du booker. Kan du ikke komme, skal du melde afbud eller ombooke mødet under Møder."}}

// DefaultReceiptText is the receipt's text when the offer has none of its
// own ("kvitteringstekst jf. DFDGs response" [003]).
const DefaultReceiptText = "Dit møde er booket. Du kan se det under Møder, hvor du også kan ombooke det eller melde afbud."

// The booking flow's texts [FEATURES.md 5.2].
const (
	BookingTitle = "Book et møde"
	BookingIntro = "Her kan du booke et møde med en sagsbehandler på dit jobcenter. Hvis dit jobcenter tilbyder møder om forskellige jobrettede emner, har du også mulighed for at tilmelde dig her."
	BookingRead  = "Jeg har læst rettigheder og pligter"
	// The straksbooking step's heading and text: this project's wording
	// of 003 «Tilmelding (eller raskmelding) som straksbookingramt».
	StraksTitle = "Book en jobsamtale nu"
	StraksIntro = "Din frist for at booke et møde er overskredet. Du skal booke en jobsamtale nu for at overholde din frist."
	// NoOffers: none of the citizen's organisations offers anything now.
	BookingNoOffers = "Der er ingen møder, du kan booke online lige nu. Kontakt dit jobcenter, hvis du skal have et møde."
)

// Errors of the booking, each at its field where it has one.
var (
	// ErrOfferNotFound: an offer the citizen may not book behaves as one
	// that does not exist.
	ErrOfferNotFound = func() error { return Errorf(ENotFound, "Mødet kan ikke bookes. Vælg et andet møde.") }
	// ErrRebookNotFound: the meeting to rebook is not the citizen's, was
	// not booked in Jobnet, is over or cancelled.
	ErrRebookNotFound = func() error {
		return &Error{Code: ENotFound, Message: "Mødet, du vil ombooke, findes ikke eller kan ikke ombookes.",
			Fields: []FieldError{{Field: "rebook", Message: "Mødet kan ikke ombookes."}}}
	}
)

// ErrSlotGone is a lost time that no race explains: withdrawn by the
// case system, or begun, while the citizen chose.
const ErrSlotGone = "Tidspunktet kan ikke længere bookes. Vælg et andet tidspunkt."

// SlotDay is one day of an offer's times, as the times step groups them.
type SlotDay struct {
	Day   Date
	Slots []MeetingSlot
}

// SlotsByDay groups slots (the soonest first) by their day in loc.
func SlotsByDay(slots []MeetingSlot, loc *time.Location) []SlotDay {
	var out []SlotDay
	for _, s := range slots {
		d := DateOf(s.Start.In(loc))
		if n := len(out); n > 0 && out[n-1].Day == d {
			out[n-1].Slots = append(out[n-1].Slots, s)
			continue
		}
		out = append(out, SlotDay{Day: d, Slots: []MeetingSlot{s}})
	}
	return out
}

// Caseworkers are the distinct caseworkers or teams of the slots, in the
// order they first come (step 2's choices).
func Caseworkers(slots []MeetingSlot) []string {
	var out []string
	for _, s := range slots {
		if !slices.Contains(out, s.Caseworker) {
			out = append(out, s.Caseworker)
		}
	}
	return out
}

// SlotsOf are the slots of one caseworker ("" for all).
func SlotsOf(slots []MeetingSlot, caseworker string) []MeetingSlot {
	if caseworker == "" {
		return slots
	}
	var out []MeetingSlot
	for _, s := range slots {
		if s.Caseworker == caseworker {
			out = append(out, s)
		}
	}
	return out
}

// The a-kasse goes through the whole flow: it "kan se medlemmets
// muligheder" [000 5.2], so it gets the offers, their times and the rights
// text whole — they are the organisations' offers, not the member's data.
// Of the member's own it gets the deadline (a dagpenge duty, its concern)
// and the meeting being rebooked only when that is an a-kasse's meeting:
// "Du kan se planlagte samtaler i a-kassen" [000 5.2] says nothing of the
// jobcenter's.
func (OfferSlots) akasseView()          {}
func (AKasseBookingOffers) akasseView() {}

// AKasseBookingOffers is the a-kasse's view of BookingOffers.
type AKasseBookingOffers struct {
	Offers   []MeetingOffer `json:"offers"`
	Deadline *Deadline      `json:"deadline,omitempty"`
	Rebook   *Meeting       `json:"rebook,omitempty"`
	Straks   bool           `json:"straks,omitempty"`
}

// ProjectBookingOffersForAKasse is the a-kasse's view of the flow's start.
func ProjectBookingOffersForAKasse(b BookingOffers) AKasseBookingOffers {
	v := AKasseBookingOffers{Offers: b.Offers, Deadline: b.Deadline, Straks: b.Straks}
	if b.Rebook != nil && b.Rebook.OrgKind == OrgAKasse {
		v.Rebook = b.Rebook
	}
	return v
}
