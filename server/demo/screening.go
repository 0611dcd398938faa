package demo

import (
	"context"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

// demoScreenings are the demo's Forberedelsesskemaer (SPEC C5), published
// by the citizen's jobcenter with the dagpenge set of 000_…txt 4.6: Mads
// answered his five days ago with the answers of the source's receipt
// (Billede 11), so his receipt shows and Berit, his a-kasse, sees it;
// Jonas has one waiting, so the menu item and the form show in `make run`.
// Every moment is relative to now.
var demoScreenings = []struct {
	cpr                       string
	publishedAgo, answeredAgo int // days; answeredAgo < 0: unanswered
}{
	{"120385-1231", 8, 5},
	{"250899-1357", 2, -1},
}

// seedScreenings gives each of them the screening once: a citizen with
// any screening keeps it (storage.SeedScreening).
func seedScreenings(ctx context.Context, store *storage.Store, now time.Time) error {
	for _, d := range demoScreenings {
		who, err := store.CitizenByCPR(ctx, shared.CPR(d.cpr))
		if err != nil {
			return err
		}
		var answers map[string][]string
		if d.answeredAgo >= 0 {
			answers = shared.ScreeningSourceAnswers()
		}
		err = store.SeedScreening(ctx, who.ID, who.Jobcenter, "demo-screening-"+d.cpr, shared.ScreeningDagpenge,
			shared.ScreeningSet(shared.ScreeningDagpenge), now.AddDate(0, 0, -d.publishedAgo), answers, now.AddDate(0, 0, -d.answeredAgo))
		if err != nil {
			return err
		}
	}
	return nil
}
