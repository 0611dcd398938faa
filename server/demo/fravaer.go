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
//   - Mads has a holiday 40 days ahead he reported three days ago (the
//     a-kasse sees it), and from his sygedagpenge forløb more than a year
//     ago a sygemelding and a pasning af eget barn the jobcenter
//     registered: history, which the a-kasse never sees.
//   - Louise has midlertidigt arbejde from in three days for two weeks.
//
// The jobcenter's are ingested (registered by "sagsbehandler").
type demoAbsence struct {
	cpr        string
	kind       shared.AbsenceKind
	from, to   int // to < from: open-ended
	comment    string
	registered int // days from today
	caseworker bool
}

var demoAbsences = []demoAbsence{
	{cpr: "090688-1122", kind: shared.AbsenceSygdom, from: -5, to: -6, registered: -5},
	{cpr: "120385-1231", kind: shared.AbsenceFerie, from: 40, to: 46, comment: "Sommerhus på Fanø", registered: -3},
	{cpr: "120385-1231", kind: shared.AbsenceSygdom, from: -470, to: -461, registered: -470, caseworker: true},
	{cpr: "120385-1231", kind: shared.AbsencePasningAfBarn, from: -420, to: -400, comment: "Barnet er sygt", registered: -421, caseworker: true},
	{cpr: "030792-2468", kind: shared.AbsenceMidlertidigtArbejde, from: 3, to: 16, comment: "Vikar på Holte Bibliotek", registered: -1},
}

// seedAbsences gives each citizen of demoAbsences theirs, once: a
// citizen with absences already (a later run, or one who has registered
// some) is left as they are.
func seedAbsences(ctx context.Context, store *storage.Store, now time.Time) error {
	today := shared.DateOf(now)
	done := map[string]bool{}
	for i, d := range demoAbsences {
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
		if d.caseworker {
			err = c.IngestAbsence(ctx, "jc-101", storage.AbsenceIn{OriginID: "demo-fravaer-" + d.cpr + "-" + string(rune('a'+i)),
				Kind: d.kind, Period: p, Comment: d.comment}, now.AddDate(0, 0, d.registered))
		} else {
			err = c.SeedAbsence(ctx, shared.Absence{Kind: d.kind, Period: p, Text: d.comment,
				RegisteredBy: shared.RegisteredByCitizen, RegisteredAt: now.AddDate(0, 0, d.registered)})
		}
		if err != nil {
			return err
		}
	}
	return nil
}
