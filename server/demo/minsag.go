package demo

import (
	"context"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

// Min sag til teamet (SPEC D13): Henrik Poulsen, in a ressourceforløb, has
// a case before the rehabiliteringsteam ("personer, som skal have deres
// sag behandlet i rehabiliteringsteamet, og som er i gang med et
// ressourceforløb", 000 3). It was opened 30 days ago, the team meets in
// 21 days, and he is in the preparatory part: he wrote two of the CV to
// the team's texts 10 days ago and has not answered Min situation yet, so
// `make run` shows both forms. The team's recommendation comes through the
// ingestion API (README, "Min sag til teamet"). Every day is relative to
// now, so the case holds on every day of the year.
const (
	HenrikCPR        = "140271-3579"
	HenrikRehabCase  = "demo-rehab-henrik"
	henrikRehabTeam  = 21
	henrikRehabOpen  = -30
	henrikRehabSaved = -10
)

// HenrikRehabCV is what Henrik wrote to the team.
var HenrikRehabCV = shared.RehabCV{
	Resources: "Jeg har arbejdet 12 år i køkken og kantine og er god til at lave mad til mange. Jeg kan lide at have faste opgaver og kolleger omkring mig.",
	Wishes:    "Jeg vil gerne tilbage til et køkken, gerne på nedsat tid i starten.",
}

// seedRehabCases gives Henrik his case once (storage.SeedRehabCase).
func seedRehabCases(ctx context.Context, store *storage.Store, now time.Time) error {
	who, err := store.CitizenByCPR(ctx, HenrikCPR)
	if err != nil {
		return err
	}
	today := shared.DateOf(now)
	return store.SeedRehabCase(ctx, who.ID, who.Jobcenter, storage.RehabCaseIn{OriginID: HenrikRehabCase,
		Opened: today.AddDays(henrikRehabOpen), TeamMeeting: today.AddDays(henrikRehabTeam)},
		HenrikRehabCV, now.AddDate(0, 0, henrikRehabSaved), now)
}
