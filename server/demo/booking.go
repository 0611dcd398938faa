package demo

import (
	"context"
	"fmt"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
	"jobnet/shared/workdays"
)

// Selvbooking's demo (issue 13, SPEC D4): the online offers of Jobcenter
// København and of Det Faglige Hus with times over the next three weeks
// (weekdays that are not public holidays), STAR's rights texts — the
// dagpenge example of the sources for kontaktgruppe 1 [FEATURES.md 5.2]
// and a general one — and two deadlines: Mads must book a jobsamtale
// within ten days (the flow shows the two tabs), and Jonas let his pass
// three days ago, so he is straksbookingramt (/moeder/book?straks=1).

// Demo type codes: the sources name no codes [FEATURES.md 5.1].
const (
	TypeJobsamtale = "jobsamtale"
	TypeInfo       = "informationsmoede"
	TypeCVSamtale  = "cv-samtale"
)

// demoOffer is an offer of the demo with the times it holds on a weekday:
// each caseworker at each of the day's times (hh:mm, Copenhagen time).
type demoOffer struct {
	org  string
	in   storage.OfferIn
	days []time.Weekday // nil: every weekday
	at   []string
	by   []string
}

var demoOffers = []demoOffer{
	{org: "jc-101", in: storage.OfferIn{OriginID: "demo-jobsamtale-telefon", TypeCode: TypeJobsamtale, TypeName: "Jobsamtale på telefon",
		Description: "En samtale med din jobkonsulent om din jobsøgning og dine næste skridt. Din jobkonsulent ringer til dig.",
		Minutes:     30, Form: shared.FormTelefonisk, Kontaktgrupper: []int{1, 2, 8},
		ReceiptText: "Tak for din booking. Din jobkonsulent ringer til dig på det telefonnummer, du har oplyst i Mit CV. Har du ikke oplyst et nummer, så ring til jobcentret inden mødet."},
		at: []string{"09:00", "09:30", "10:00", "10:30", "11:00", "13:00", "13:30"}, by: []string{"Nina Pettersen"}},
	{org: "jc-101", in: storage.OfferIn{OriginID: "demo-jobsamtale-fremmoede", TypeCode: TypeJobsamtale, TypeName: "Jobsamtale i jobcentret",
		Description: "En samtale i jobcentret om din jobsøgning. Du vælger selv, om du vil tale med din jobkonsulent eller med branchens team.",
		Minutes:     45, Form: shared.FormFremmoede, ChooseCaseworker: true, Place: "Jobcenter København, Gyldenløvesgade 15, 1600 København V",
		ReceiptText: "Tak for din booking. Mød op i jobcentrets reception 10 minutter før mødet, og tag gerne dit CV med."},
		days: []time.Weekday{time.Monday, time.Wednesday, time.Friday},
		at:   []string{"09:00", "10:00", "11:00", "13:00"}, by: []string{"Nina Pettersen", "Team Bygge og anlæg"}},
	{org: "jc-101", in: storage.OfferIn{OriginID: "demo-info-unge", TypeCode: TypeInfo, TypeName: "Informationsmøde for unge ledige",
		Description: "Et fællesmøde for ledige under 30 år om uddannelse, job og de tilbud, jobcentret har til dig.",
		Minutes:     90, Form: shared.FormFremmoede, AgeMax: 29, Place: "Jobcenter København, Gyldenløvesgade 15, 1600 København V"},
		days: []time.Weekday{time.Thursday}, at: []string{"13:00"}, by: []string{"Team Unge"}},
	{org: "ak-dfh", in: storage.OfferIn{OriginID: "demo-cv-samtale", TypeCode: TypeCVSamtale, TypeName: "CV-samtale i a-kassen",
		Description: "En samtale med en rådgiver i a-kassen om dit CV og din jobsøgning.",
		Minutes:     30, Form: shared.FormVideo, Kontaktgrupper: []int{1, 8},
		ReceiptText: "Tak for din booking. Du får et link til videomødet i din beskedbakke dagen før."},
		days: []time.Weekday{time.Tuesday, time.Thursday}, at: []string{"10:00", "14:00"}, by: []string{"Rådgiver Karen Mortensen"}},
}

// DemoRights are STAR's demo texts: kontaktgruppe 1's (the sources'
// dagpenge example, verbatim) and the general one (this project's).
var DemoRights = map[int][]shared.RightsSection{
	1: {
		{Heading: "Vær opmærksom på", Text: "Du har pligt til at deltage i samtalen. Ellers skal vi orientere din a-kasse."},
		{Heading: "Hvis du har spørgsmål", Text: "Hvis du har spørgsmål om dine dagpenge, skal du kontakte din a-kasse. Hvis du har andre spørgsmål, kan du finde mange svar på Jobnet. Ellers er du velkommen i Jobcentret."},
	},
	0: {
		{Heading: "Vær opmærksom på", Text: "Du skal deltage i mødet. Kan du ikke komme, skal du melde afbud eller ombooke mødet under Møder."},
		{Heading: "Hvis du har spørgsmål", Text: "Du kan finde mange svar på Jobnet. Ellers er du velkommen i Jobcentret."},
	},
}

// demoDeadline is a demo citizen's deadline, due days after today.
type demoDeadline struct {
	cpr string
	due int
}

// DemoDeadlines: Mads' in ten days; Jonas' three days ago.
var demoDeadlines = []demoDeadline{{"120385-1231", 10}, {"250899-1357", -3}}

// BookingDays are the days the demo's times fall on, from the day after
// today for three weeks: the days a jobcenter is open (shared/workdays:
// weekdays that are not Danish holidays, from rickar/cal's dk package,
// Grundlovsdag and the two eves included).
func BookingDays(today shared.Date) []shared.Date {
	var out []shared.Date
	for i := 1; i <= 21; i++ {
		d := today.AddDays(i)
		if workdays.Open(d) {
			out = append(out, d)
		}
	}
	return out
}

func weekday(d shared.Date) time.Weekday {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// BookingOffers are the demo's offers with their times on the day of now
// (in now's location, Europe/Copenhagen): a pure function of the day.
func BookingOffers(now time.Time) map[string][]storage.OfferIn {
	loc := now.Location()
	out := map[string][]storage.OfferIn{}
	days := BookingDays(shared.DateOf(now))
	for _, o := range demoOffers {
		in := o.in
		in.Slots = nil
		for _, d := range days {
			if o.days != nil && !containsWeekday(o.days, weekday(d)) {
				continue
			}
			for _, at := range o.at {
				var hh, mm int
				fmt.Sscanf(at, "%d:%d", &hh, &mm)
				start := time.Date(d.Year, time.Month(d.Month), d.Day, hh, mm, 0, 0, loc)
				for i, by := range o.by {
					in.Slots = append(in.Slots, storage.SlotIn{OriginID: fmt.Sprintf("%s-%s-%d", d, at, i), Caseworker: by, Start: start})
				}
			}
		}
		out[o.org] = append(out[o.org], in)
	}
	return out
}

func containsWeekday(ds []time.Weekday, d time.Weekday) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

// seedBooking publishes the demo's offers as the planner systems would on
// the day (again on every start: the times move with the days, a booked
// time stays), the rights texts, and the deadlines once: a citizen with
// a deadline keeps it.
func seedBooking(ctx context.Context, store *storage.Store, now time.Time) error {
	for org, offers := range BookingOffers(now) {
		for _, in := range offers {
			if err := store.PublishOffer(ctx, org, in); err != nil {
				return err
			}
		}
	}
	for kg, sections := range DemoRights {
		if err := store.PublishRights(ctx, kg, "", sections); err != nil {
			return err
		}
	}
	today := shared.DateOf(now)
	for _, d := range demoDeadlines {
		who, err := store.CitizenByCPR(ctx, shared.CPR(d.cpr))
		if err != nil {
			return err
		}
		c := store.Citizen(who.ID)
		have, err := c.Deadlines(ctx)
		if err != nil {
			return err
		}
		if len(have) > 0 {
			continue
		}
		if err := c.PutDeadline(ctx, "jc-101", "demo-frist-"+d.cpr, today.AddDays(d.due), []string{TypeJobsamtale}); err != nil {
			return err
		}
	}
	return nil
}
