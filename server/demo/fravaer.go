package demo

import (
	"context"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

// Fravær (issue 14, SPEC D7): the demo's absences, days from today, so
// that they hold on every day of the year.
//   - Pete is sygemeldt since five days, by himself: his front page has
//     "Meld dig rask" as its primary action and the sygemelding notice.
//   - Mads' absences, past and coming, are his Historik's (historik.go:
//     one place, so that they never overlap): a holiday 40 days ahead he
//     reported five days ago (the a-kasse sees it), and the history of his
//     sygedagpenge forløb, which the a-kasse never sees.
//   - Louise has midlertidigt arbejde from in three days for two weeks.
//
// Each is the citizen's own registration ("Dig selv").
type demoAbsence struct {
	cpr        string
	kind       shared.AbsenceKind
	from, to   int // to < from: open-ended
	comment    string
	registered int // days from today
}

var demoAbsences = []demoAbsence{
	{cpr: "090688-1122", kind: shared.AbsenceSygdom, from: -5, to: -6, registered: -5},
	{cpr: "030792-2468", kind: shared.AbsenceMidlertidigtArbejde, from: 3, to: 16, comment: "Vikar på Holte Bibliotek", registered: -1},
}

// seedAbsences gives each citizen of demoAbsences theirs, once: a
// citizen with absences already (a later run, or one who has registered
// some) is left as they are.
func seedAbsences(ctx context.Context, store *storage.Store, now time.Time) error {
	today := shared.DateOf(now)
	done := map[string]bool{}
	for _, d := range demoAbsences {
		who, err := store.CitizenByCPR(ctx, shared.CPR(d.cpr))
		if err != nil {
			return err
		}
		c := store.Citizen(who.ID)
		if _, seen := done[d.cpr]; !seen {
			have, err := c.Absences(ctx)
			if err != nil {
				return err
			}
			done[d.cpr] = len(have) > 0
		}
		if done[d.cpr] {
			continue
		}
		p := shared.Period{From: today.AddDays(d.from)}
		if d.to >= d.from {
			p.To = today.AddDays(d.to)
		}
		if err := c.SeedAbsence(ctx, shared.Absence{Kind: d.kind, Period: p, Text: d.comment,
			RegisteredBy: shared.RegisteredByCitizen, RegisteredAt: now.AddDate(0, 0, d.registered)}); err != nil {
			return err
		}
	}
	return nil
}
