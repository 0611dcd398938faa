package demo

import (
	"context"
	"fmt"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

// demoMeeting is one of a demo citizen's meetings: on the weekday days
// from today (negative: past), at hh:mm in Danish time, for minutes.
type demoMeeting struct {
	org        string
	days       int
	hh, mm     int
	minutes    int
	in         storage.MeetingIn // OriginID, Start and End are set by meetingsOf
	invitation bool
}

// Places of the demo's meetings.
const (
	placeJobcenterKbh = "Jobcenter København, Kalvebod Brygge 45, 1560 København V"
	placeDFH          = "Det Faglige Hus, Vester Farimagsgade 1, 1606 København V"
)

// MeetingInvitationCitizen is the demo citizen with a call-in to
// acknowledge after login (the invitation modal): Henrik, whom no other
// browser test logs in as, so the modal stands in nobody's way.
const MeetingInvitationCitizen = "140271-3579"

// demoMeetings are the demo's meetings (issue 13) by CPR number: Mads has
// a coming jobsamtale at the jobcenter (002 Bilag 3's entry), a
// rådighedssamtale by phone with his a-kasse (which Berit sees), one the
// jobcenter cancelled and one held three weeks ago; Jonas a CV-samtale
// with the a-kasse; Henrik a call-in he has not yet acknowledged.
var demoMeetings = map[string][]demoMeeting{
	"120385-1231": {
		{org: "jc-101", days: 6, hh: 13, mm: 30, minutes: 30, in: storage.MeetingIn{TypeCode: "JOBSAMTALE", Type: "Jobsamtale",
			Form: shared.FormFremmoede, Place: placeJobcenterKbh, Caseworker: "Nina Pettersen", Text: "Du skal tage FVU-testen.",
			Status: shared.MeetingPlanned}},
		{org: "ak-dfh", days: 13, hh: 10, mm: 0, minutes: 45, in: storage.MeetingIn{TypeCode: "RAADIGHED", Type: "Rådighedssamtale",
			Form: shared.FormTelefonisk, Phone: "20 12 34 56", Caseworker: "Berit Hansen",
			Text: "Vi ringer til dig. Hav din Joblog klar, så vi kan tale om din jobsøgning.", Status: shared.MeetingPlanned}},
		{org: "jc-101", days: 3, hh: 9, mm: 0, minutes: 90, in: storage.MeetingIn{TypeCode: "INFOMOEDE", Type: "Informationsmøde om jobrotation",
			Form: shared.FormFremmoede, Place: placeJobcenterKbh, Caseworker: "Nina Pettersen",
			Text: "Mødet er aflyst. Du får en ny indkaldelse.", Status: shared.MeetingCancelled}},
		{org: "jc-101", days: -21, hh: 13, mm: 30, minutes: 30, in: storage.MeetingIn{TypeCode: "JOBSAMTALE", Type: "Jobsamtale",
			Form: shared.FormFremmoede, Place: placeJobcenterKbh, Caseworker: "Nina Pettersen", Status: shared.MeetingHeld,
			Participants: "Mads Kristensen, Nina Pettersen (sagsbehandler)",
			Agreements:   "Du søger mindst fem job om ugen som rørlægger og skriver dem i din Joblog. Du tager FVU-testen inden næste samtale."}},
	},
	"250899-1357": {
		{org: "ak-dfh", days: 4, hh: 11, mm: 0, minutes: 60, in: storage.MeetingIn{TypeCode: "CVSAMTALE", Type: "CV-samtale",
			Form: shared.FormFremmoede, Place: placeDFH, Caseworker: "Berit Hansen", Text: "Tag dit CV med.", Status: shared.MeetingPlanned}},
	},
	MeetingInvitationCitizen: {
		{org: "jc-101", days: 8, hh: 10, mm: 0, minutes: 45, invitation: true, in: storage.MeetingIn{TypeCode: "RESSOURCE",
			Type: "Opfølgning på ressourceforløb", Form: shared.FormFremmoede, Place: placeJobcenterKbh, Caseworker: "Nina Pettersen",
			Text: "Vi skal tale om, hvordan det går i dit ressourceforløb, og om de næste skridt.", Status: shared.MeetingPlanned}},
	},
}

// workday is the day days from today, moved on to Monday from a weekend
// (back to Friday for a past day), so that no demo meeting is on a
// Saturday or a Sunday.
func workday(today shared.Date, days int) shared.Date {
	d := today.AddDays(days)
	for wd := weekday(d); wd == time.Saturday || wd == time.Sunday; wd = weekday(d) {
		if days < 0 {
			d = d.AddDays(-1)
		} else {
			d = d.AddDays(1)
		}
	}
	return d
}

// meetingsOf are the citizen's demo meetings on the day of now (in now's
// location): a pure function of the day.
func meetingsOf(cpr string, now time.Time) []storage.MeetingIn {
	today := shared.DateOf(now)
	var out []storage.MeetingIn
	for i, m := range demoMeetings[cpr] {
		d := workday(today, m.days)
		in := m.in
		in.OriginID = fmt.Sprintf("demo-%s-%d", cpr, i)
		in.Start = time.Date(d.Year, d.Month, d.Day, m.hh, m.mm, 0, 0, now.Location())
		in.End = in.Start.Add(time.Duration(m.minutes) * time.Minute)
		in.Invitation = m.invitation
		out = append(out, in)
	}
	return out
}

// seedMeetings gives the demo citizens their meetings, once: a citizen
// with any meeting keeps what is there.
func seedMeetings(ctx context.Context, store *storage.Store, now time.Time) error {
	for cpr, ms := range demoMeetings {
		who, err := store.CitizenByCPR(ctx, shared.CPR(cpr))
		if err != nil {
			return err
		}
		c := store.Citizen(who.ID)
		have, err := c.MeetingsBetween(ctx, time.Time{}, time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			return err
		}
		if len(have) > 0 {
			continue
		}
		for i, in := range meetingsOf(cpr, now) {
			if err := c.IngestMeeting(ctx, ms[i].org, in, now); err != nil {
				return err
			}
		}
	}
	return nil
}
