package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// demoCountersPage is the public simulator with built-in example members: no
// login and no network — the figures live in the app, and the service worker
// keeps the page for offline use, in the installed PWA too.
type demoCountersPage struct {
	app.Compo
	example int
}

func newDemoCountersPage() *demoCountersPage { return &demoCountersPage{} }

type demoMember struct {
	name     string
	counters func(today shared.Date) shared.Counters
}

func demoDagpenge(ins shared.Insurance, used, ext, karens, gen float64) func(shared.Date) shared.Counters {
	return func(today shared.Date) shared.Counters {
		return shared.Counters{Dagpenge: &shared.DagpengeCounters{AsOf: shared.StatementDate(today), Insurance: ins,
			Indplacering: today.AddDays(-300), HoursUsed: used, ExtensionWorkHours: ext, KarensWorkHours: karens,
			KarensPeriodEnd: today.AddDays(40), GenoptjeningWorkHours: gen}}
	}
}

var demoMembers = []demoMember{
	{"Fuldtidsforsikret", demoDagpenge(shared.FullTime, 1409, 765, 76, 765)},
	{"Deltidsforsikret", demoDagpenge(shared.PartTime, 900, 300, 40, 500)},
	{"Tæt på karens", demoDagpenge(shared.FullTime, 2100, 420, 140, 420)},
	{"Tæt på maksimal forlængelse", demoDagpenge(shared.FullTime, 3000, 950, 12, 950)},
	{"Supplerende dagpenge tæt på loftet", func(today shared.Date) shared.Counters {
		c := demoDagpenge(shared.FullTime, 1200, 500, 60, 800)(today)
		var weeks []shared.Date
		for i := 0; i < 29; i++ {
			weeks = append(weeks, today.AddDays(-7*(i*3+1)))
		}
		c.Supplerende = &shared.SupplerendeCounters{AsOf: shared.StatementDate(today), Insurance: shared.FullTime, UsedWeeks: weeks,
			Reports: []shared.WorkReport{{Kind: shared.ReportMonthly, Start: today.AddMonths(-3), Hours: 150}}}
		return c
	}},
}

func (p *demoCountersPage) Render() app.UI {
	c := demoMembers[p.example].counters(shared.DateOf(api.Now()))
	return newShell().Title("Prøv dagpengetællerne").Access(forAnyone).Body(
		app.H1().Text("Prøv dagpengetællerne"),
		app.P().Text("Her kan du prøve tællerne med eksempler på medlemmer. Siden virker også uden internet, når du har besøgt den én gang. Dine egne tal ser du, når du logger ind."),
		app.Div().Class("form-group").Body(
			app.Label().Class("form-label").For("demo-member").Text("Eksempel"),
			app.Select().ID("demo-member").Class("form-select").OnChange(func(ctx app.Context, e app.Event) {
				for i, m := range demoMembers {
					if m.name == ui.InputValue(ctx) {
						p.example = i
					}
				}
			}).Body(app.Range(demoMembers).Slice(func(i int) app.UI {
				return app.Option().Value(demoMembers[i].name).Selected(i == p.example).Text(demoMembers[i].name)
			})),
		),
		app.H2().Text("Dagpengetællere"),
		newDagpengeCounters().Data(*c.Dagpenge),
		app.If(c.Supplerende != nil, func() app.UI {
			return app.Div().Body(
				app.H2().Text("Tællere for supplerende dagpenge"),
				newSupplerendeCounters().Data(*c.Supplerende),
			)
		}),
	)
}
