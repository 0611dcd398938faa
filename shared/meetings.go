package shared

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Møder and selvbooking (SPEC D4, F, K4; FEATURES.md 5.1–5.2; 003
// «Kontaktforløb (møder og frister)», «Frister», «Tilmelding (eller
// raskmelding) som straksbookingramt»; 001 «Mine aftaler»; 000 5.2 and
// Billede 16–18). The case systems publish meetings, online offers with
// their times, deadlines and invitations (server/ingestv1); the citizen
// sees them under "Møder", books in up to four steps, rebooks ("ombook")
// and cancels ("meld afbud"). migrations/022_meetings holds the tables.

// MeetingStatus is where a meeting stands in its case system.
type MeetingStatus string

const (
	MeetingPlanned   MeetingStatus = "planned"
	MeetingHeld      MeetingStatus = "held"
	MeetingCancelled MeetingStatus = "cancelled"
)

// Mødeform values seen in the sources: "Telefonisk" [000 Billede 16],
// "Personligt fremmøde" [002 Bilag 3]. Video is this project's addition,
// as jobcentres hold video meetings; the case system may send any text.
const (
	FormTelefonisk = "Telefonisk"
	FormFremmoede  = "Personligt fremmøde"
	FormVideo      = "Video"
)

// Meeting is one of the citizen's meetings with a jobcenter or an a-kasse.
type Meeting struct {
	ID       int64   `json:"id"`
	Org      string  `json:"org"`
	OrgKind  OrgKind `json:"org_kind"`
	OrgName  string  `json:"org_name"`
	TypeCode string  `json:"type_code,omitempty"`
	// Type is the meeting type's name, as the case system calls it.
	Type  string    `json:"type"`
	Form  string    `json:"form"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	// Place is the address of a meeting in person; Phone the number the
	// caseworker calls, for a meeting by phone (either may be empty).
	Place      string `json:"place,omitempty"`
	Phone      string `json:"phone,omitempty"`
	Caseworker string `json:"caseworker,omitempty"`
	Text       string `json:"text,omitempty"`
	// Status and, for a cancelled meeting, who cancelled it.
	Status      MeetingStatus `json:"status"`
	CancelledBy string        `json:"cancelled_by,omitempty"` // "citizen" or "org"
	// Participants and Agreements are a held meeting's ("mødedetaljer
	// såsom deltagere, tidspunkt, mødeform og aftaler indgået" [003
	// «Historik»]).
	Participants string `json:"participants,omitempty"`
	Agreements   string `json:"agreements,omitempty"`
	// Invited marks a call-in the citizen has not yet acknowledged with OK.
	Invited bool `json:"invited,omitempty"`
	// Booked marks a meeting booked in Jobnet: the citizen may rebook it
	// or cancel it ("Ombook", "Meld afbud").
	Booked bool `json:"booked,omitempty"`
	// Version grows on every change (the calendar feed's SEQUENCE).
	Version int `json:"version"`
}

// MeetingOfOrg is the meeting's heading by who holds it: "Aftale med
// jobcenter" [002 Bilag 3], "Aftale med a-kasse".
func MeetingOfOrg(k OrgKind) string {
	if k == OrgAKasse {
		return "Aftale med a-kasse"
	}
	return "Aftale med jobcenter"
}

// MeetingWhen is the meeting's time as the list shows it: "Tirsdag den 10.
// dec. 2019, kl. 13:30-14:00" [002 Bilag 3]. Times are in loc
// (Europe/Copenhagen).
func MeetingWhen(start, end time.Time, loc *time.Location) string {
	s, e := start.In(loc), end.In(loc)
	d := DateOf(s)
	day := danishWeekdays[s.Weekday()]
	return fmt.Sprintf("%s den %d. %s %d, kl. %s-%s", strings.ToUpper(day[:1])+day[1:], d.Day, danishMonthsShort[d.Month-1], d.Year,
		s.Format("15:04"), e.Format("15:04"))
}

// MeetingShown reports whether the Møder list shows the meeting on now:
// "Der vises kun samtaler med en samtaledato d.d. eller fremtidig.
// Samtaler med historisk mødetidspunkt, hvor jobcentret endnu ikke har
// fået registreret en afsluttende status vises skal ikke" [001]. So: a
// meeting of today or later that is not held; a cancellation shows until
// its day when the organisation cancelled it (the citizen must learn of
// it), and not when the citizen cancelled it (they know).
func MeetingShown(m Meeting, now time.Time, loc *time.Location) bool {
	if DateOf(m.Start.In(loc)).Before(DateOf(now.In(loc))) {
		return false
	}
	switch m.Status {
	case MeetingHeld:
		return false
	case MeetingCancelled:
		return m.CancelledBy == "org"
	}
	return true
}

// MeetingsNote is the note under the list: the letter, not the page, is
// the legally binding call-in [001].
const MeetingsNote = "Visningen erstatter ikke indkaldelse pr. brev, som er det juridisk bindende dokument. " +
	"Manglende visning af en indkaldelse er således ikke gyldig grund til at undlade fremmøde."

// Deadline is a booking deadline ("frist"): by Due the citizen must book
// a meeting of one of TypeCodes.
type Deadline struct {
	ID        int64    `json:"id"`
	Org       string   `json:"org"`
	Due       Date     `json:"due"`
	TypeCodes []string `json:"type_codes"`
	// Met is the meeting that met it, 0 while open.
	Met int64 `json:"met,omitempty"`
}

// Open reports whether the deadline still asks for a booking.
func (d Deadline) Open() bool { return d.Met == 0 }

// Straksbooking reports whether a citizen with this deadline is
// "straksbookingramt" on today: the deadline passed without a booking, so
// at re-enrolment or raskmelding they must book a jobsamtale at once [003
// «Tilmelding (eller raskmelding) som straksbookingramt»].
func (d Deadline) Straksbooking(today Date) bool { return d.Open() && d.Due.Before(today) }

// Meetings is the Møder page: the meetings shown (MeetingShown), the
// earliest open deadline, and whether the citizen has the duties of a
// dagpengemodtager ("Dine pligter …" shows for them only [003 «Frister»]).
type Meetings struct {
	Meetings []Meeting `json:"meetings"`
	Deadline *Deadline `json:"deadline,omitempty"`
	Duties   bool      `json:"duties,omitempty"`
}

// MeetingOffer is an online offer the citizen may book.
type MeetingOffer struct {
	ID          int64  `json:"id"`
	Org         string `json:"org"`
	TypeCode    string `json:"type_code"`
	Type        string `json:"type"`
	Description string `json:"description,omitempty"`
	Minutes     int    `json:"minutes"`
	Form        string `json:"form"`
	// ChooseCaseworker: the citizen picks the caseworker or team (step 2).
	ChooseCaseworker bool `json:"choose_caseworker,omitempty"`
	// MeetsDeadline: booking it meets the citizen's open deadline.
	MeetsDeadline bool `json:"meets_deadline,omitempty"`
}

// OfferAudience is who may book an offer: kontaktgrupper (empty: all) and
// an age range (0: no bound).
type OfferAudience struct {
	Kontaktgrupper []int
	AgeMin, AgeMax int
}

// Admits reports whether a citizen in kontaktgruppe kg and of age may
// book the offer ("målrettet borgeren ... på baggrund af samtaletypen,
// borgers alder mv." [003]).
func (a OfferAudience) Admits(kg, age int) bool {
	if len(a.Kontaktgrupper) > 0 && !slices.Contains(a.Kontaktgrupper, kg) {
		return false
	}
	return (a.AgeMin == 0 || age >= a.AgeMin) && (a.AgeMax == 0 || age <= a.AgeMax)
}

// AgeOn is the age in whole years of someone born on birth, on day.
func AgeOn(birth, day Date) int {
	age := day.Year - birth.Year
	if day.Month < birth.Month || day.Month == birth.Month && day.Day < birth.Day {
		age--
	}
	return age
}

// SplitByDeadline parts the offers into the two tabs of the booking flow
// with a deadline: "Den ene fane rummer de fristindfriende onlinetilbud.
// Den anden fane rummer de øvrige tilbud" [003 «Frister»], and marks the
// first group MeetsDeadline. Without an open deadline every offer is in
// other.
func SplitByDeadline(offers []MeetingOffer, d *Deadline) (meets, other []MeetingOffer) {
	for _, o := range offers {
		if d != nil && d.Open() && slices.Contains(d.TypeCodes, o.TypeCode) {
			o.MeetsDeadline = true
			meets = append(meets, o)
		} else {
			other = append(other, o)
		}
	}
	return meets, other
}

// The tab labels are not in the sources; these say what the tabs hold.
const (
	TabMeetsDeadline = "Møder der overholder din frist"
	TabOtherOffers   = "Andre møder"
)

// MeetingSlot is one bookable time of an offer.
type MeetingSlot struct {
	ID         int64     `json:"id"`
	Caseworker string    `json:"caseworker"`
	Start      time.Time `json:"start"`
}

// BookingStep is one step of "Book et møde" [003, 000 Billede 16–18].
type BookingStep int

const (
	StepType       BookingStep = 1 // "Jeg vil gerne have et møde om"
	StepCaseworker BookingStep = 2 // "Jeg vil gerne have et møde med"
	StepTime       BookingStep = 3 // "Jeg ønsker et mødetidspunkt"
	StepRights     BookingStep = 4 // "Rettigheder og pligter"
)

// Heading is the step's heading.
func (s BookingStep) Heading() string {
	switch s {
	case StepType:
		return "Jeg vil gerne have et møde om"
	case StepCaseworker:
		return "Jeg vil gerne have et møde med"
	case StepTime:
		return "Jeg ønsker et mødetidspunkt"
	case StepRights:
		return "Rettigheder og pligter"
	}
	return ""
}

// BookingSteps are the steps for an offer: "et flow på 1-3/4 trin, alt
// afhængig af om borger selv har lov at vælge sagsbehandler på
// onlinetilbuddet" [003]. Before an offer is chosen, all four may come.
func BookingSteps(o *MeetingOffer) []BookingStep {
	if o != nil && !o.ChooseCaseworker {
		return []BookingStep{StepType, StepTime, StepRights}
	}
	return []BookingStep{StepType, StepCaseworker, StepTime, StepRights}
}

// StepDone is the sentence a done step collapses to: Jeg vil gerne have et
// møde om "Møde 2767"; Jeg vil gerne have et møde med Sagsbehandler 5882;
// Jeg ønsker et møde fredag den 22. maj 2020 kl. 11:00 [003].
func StepDone(s BookingStep, o MeetingOffer, slot MeetingSlot, loc *time.Location) string {
	switch s {
	case StepType:
		return fmt.Sprintf("Jeg vil gerne have et møde om “%s”", o.Type)
	case StepCaseworker:
		return "Jeg vil gerne have et møde med " + slot.Caseworker
	case StepTime:
		t := slot.Start.In(loc)
		return fmt.Sprintf("Jeg ønsker et møde %s kl. %s", DateOf(t).DanishLong(), t.Format("15:04"))
	}
	return ""
}

// RightsSection is one part of the rights-and-duties text, e.g. "Vær
// opmærksom på" with its text [003].
type RightsSection struct {
	Heading string `json:"heading" validate:"required,max=200"`
	Text    string `json:"text" validate:"required,max=4000"`
}

// BookingOffers is what the booking flow starts from: the offers the
// citizen may book (split in two tabs when Deadline is open), and, when
// rebooking, the meeting being replaced.
type BookingOffers struct {
	Offers   []MeetingOffer `json:"offers"`
	Deadline *Deadline      `json:"deadline,omitempty"`
	Rebook   *Meeting       `json:"rebook,omitempty"`
}

// OfferSlots are an offer's free times, the soonest first, with the rights
// text for the citizen's kontaktgruppe and the offer's meeting type.
type OfferSlots struct {
	Offer  MeetingOffer    `json:"offer"`
	Slots  []MeetingSlot   `json:"slots"`
	Rights []RightsSection `json:"rights"`
}

// BookingInput books a slot ("BOOK MØDET"), replacing Rebook when set
// ("Ombook"). Read must be ticked: "Jeg har læst rettigheder og pligter".
type BookingInput struct {
	SlotID int64 `json:"slot_id"`
	Rebook int64 `json:"rebook,omitempty"`
	Read   bool  `json:"read"`
}

// Check validates the input, with Danish messages at the fields.
func (in BookingInput) Check() error {
	var fe []FieldError
	if in.SlotID <= 0 {
		fe = append(fe, FieldError{Field: "slot_id", Message: "Vælg et mødetidspunkt."})
	}
	if !in.Read {
		fe = append(fe, FieldError{Field: "read", Message: "Du skal bekræfte, at du har læst rettigheder og pligter."})
	}
	if len(fe) > 0 {
		return &Error{Code: EInvalid, Message: defaultMessages[EInvalid], Fields: fe}
	}
	return nil
}

// BookingReceipt is the receipt after a booking, a rebooking or an
// accepted invitation: the meeting and the organisation's receipt text
// ("kvitteringstekst jf. DFDGs response" [003]).
type BookingReceipt struct {
	Meeting Meeting `json:"meeting"`
	Text    string  `json:"text"`
}

// SlotTaken answers a lost race for a slot: the database refused the
// second booking; the citizen gets the next free times of the same offer.
type SlotTaken struct {
	Message string        `json:"message"`
	Next    []MeetingSlot `json:"next"`
}

// ErrSlotTaken is the message of a lost race.
const ErrSlotTaken = "Tidspunktet er desværre netop blevet booket af en anden. Vælg et andet tidspunkt."

// ErrAKasseBooking is what the a-kasse gets at "BOOK MØDET" [000 Billede 18].
const ErrAKasseBooking = "Du har ikke rettigheder til at foretage denne handling"

// API paths of Møder and selvbooking.
const (
	APIMeetings      = "/api/meetings"                  // GET: the Møder page
	APIMeeting       = "/api/meetings/{id}"             // GET: one meeting (a held meeting's page)
	APIMeetingCancel = "/api/meetings/{id}/cancel"      // POST: meld afbud
	APIMeetingAccept = "/api/meetings/{id}/accept"      // POST: OK to an invitation
	APIBookingOffers = "/api/booking/offers"            // GET ?rebook=id: the offers
	APIBookingSlots  = "/api/booking/offers/{id}/slots" // GET: an offer's free times and rights text
	APIBooking       = "/api/booking"                   // POST BookingInput: book or rebook
	PageMeetings     = "/moeder"                        // "Møder"
	PageBookMeeting  = "/moeder/book"                   // "Book et møde" (?ombook=id)
	PageMeeting      = "/moeder/moede"                  // ?id=: a meeting's page
)

// MeetingPath is the API path of one meeting.
func MeetingPath(id int64) string { return fmt.Sprintf("/api/meetings/%d", id) }
