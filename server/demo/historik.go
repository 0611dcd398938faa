package demo

import (
	"context"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

// Historik (SPEC D12): Mads' past registrations, as the days from today
// (the demo's forløb: sygedagpenge from day -480 to -321, dagpenge from
// -320). Every accordion has rows: his sygemelding in the sygedagpenge
// forløb, registered by the jobcenter (the seed's key), and a short one
// he reported himself and ended with a raskmelding; a holiday last
// summer and one to come (Historik shows the future too); a spell of
// midlertidigt arbejde; an exemption from selvbooking; his enrolment as
// ledig before the sickness, ended by it; and his CV's søgbarhed, off
// while he was sick. The current enrolment is Til- og afmelding's to give
// (its demo), so that there is one only. The held meeting, the plan
// versions, the logins and Søgt job som come from their own seeds.
// Ferie and holidays fall on any day: no weekday rule applies.

// HistorikCitizen is the demo citizen with a Historik in every accordion.
const HistorikCitizen = "120385-1231"

// historikKey marks Mads' seed as done (storage.HistorySeed).
const historikKey = "demo-historik-mads"

// HistorikSeed is Mads' past on the day today, registered at now.
func HistorikSeed(today shared.Date, now time.Time) storage.HistorySeed {
	d := today.AddDays
	at := func(days int) time.Time { return now.AddDate(0, 0, days) }
	period := func(from, to int) shared.Period { return shared.Period{From: d(from), To: d(to)} }
	return storage.HistorySeed{Org: "jc-101", Key: historikKey,
		Absences: []shared.Absence{
			{Kind: shared.AbsenceSygdom, Period: period(-480, -322), Text: "Sygemeldt efter operation i knæet.",
				RegisteredBy: shared.RegisteredByCaseworker, RegisteredAt: at(-480)},
			{Kind: shared.AbsenceSygdom, Period: period(-60, -58), RegisteredBy: shared.RegisteredByCitizen, RegisteredAt: at(-60),
				ClosedBy: shared.RegisteredByCitizen},
			{Kind: shared.AbsenceFerie, Period: period(-150, -146), Text: "Sommerferie", RegisteredBy: shared.RegisteredByCitizen, RegisteredAt: at(-180)},
			{Kind: shared.AbsenceFerie, Period: period(40, 44), Text: "Vinterferie med familien", RegisteredBy: shared.RegisteredByCitizen, RegisteredAt: at(-5)},
			{Kind: shared.AbsenceMidlertidigtArbejde, Period: period(-210, -190), Text: "Vikar hos VVS Hansen",
				RegisteredBy: shared.RegisteredByCitizen, RegisteredAt: at(-212)},
			{Kind: shared.AbsenceFritagetSelvbooking, Period: period(-300, -280), RegisteredBy: shared.RegisteredByCaseworker, RegisteredAt: at(-300)},
		},
		Enrolments: []shared.Enrolment{
			{Benefit: shared.BenefitDagpenge, Ledighed: shared.LedighedHelt, State: shared.EnrolmentEffective,
				Period: period(-700, -481), RegisteredBy: shared.RegisteredByCitizen, RegisteredAt: at(-700)},
		},
		CVSearchability: []shared.CVSearchabilityChange{
			{Searchable: true, At: at(-690)},
			{Searchable: false, At: at(-478)},
		},
	}
}

// seedHistorik gives Mads his Historik once.
func seedHistorik(ctx context.Context, store *storage.Store, now time.Time) error {
	who, err := store.CitizenByCPR(ctx, HistorikCitizen)
	if err != nil {
		return err
	}
	_, err = store.Citizen(who.ID).SeedHistory(ctx, HistorikSeed(shared.DateOf(now), now), now)
	return err
}
