package app

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// historikPage is Historik with its Login accordion: the last three months
// of logins, the citizen's own and each caseworker's (SPEC D12, K3). The
// other accordions come with their features. An a-kasse caseworker gets the
// server's "Du har ikke adgang til siden" (SPEC K4).
type historikPage struct {
	app.Compo
	load pageLoad
	rows []shared.LoginEntry
	open bool
}

func newHistorikPage() *historikPage { return &historikPage{open: true} }

func (p *historikPage) OnNav(ctx app.Context) {
	fetchInto(ctx, &p.load, api.LoginHistory, &p.rows)
}

func (p *historikPage) Render() app.UI {
	return newShell().Title("Historik").Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Planer og aftaler", "Historik"),
		app.H1().Text("Historik"),
		p.load.view(ui.Waiting("Henter historik …"), func() app.UI {
			return app.Ul().Class("accordion").Body(app.Li().Body(
				app.H2().Body(app.Button().Type("button").Class("accordion-button").ID("login-button").
					Aria("expanded", boolString(p.open)).Aria("controls", "login-content").
					OnClick(func(ctx app.Context, e app.Event) { p.open = !p.open }).
					Body(app.Span().Class("accordion-title").Text("Login"))),
				app.Div().ID("login-content").Class("accordion-content").Aria("hidden", boolString(!p.open)).Body(
					app.P().Text("Her kan du se, hvornår du og sagsbehandlere har været logget ind på dit Jobnet de seneste 3 måneder."),
					app.If(len(p.rows) == 0, func() app.UI { return app.P().Text("Der er ingen login de seneste 3 måneder.") }).
						Else(func() app.UI { return p.renderTable() }),
				),
			))
		}),
	)
}

func (p *historikPage) renderTable() app.UI {
	// The wrapper scrolls sideways on a phone; keyboard users scroll it
	// once it can take the focus (WCAG 2.1.1), and it needs a name then.
	return app.Div().Class("table--responsive-scroll").TabIndex(0).Role("region").
		Aria("label", "Login de seneste 3 måneder").Body(app.Table().Class("table jobnet-login-history").Body(
		app.Caption().Class("sr-only").Text("Login de seneste 3 måneder"),
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text("Tidspunkt"),
			app.Th().Scope("col").Text("Hvem"),
			app.Th().Scope("col").Text("Organisation"),
		)),
		app.TBody().Body(app.Range(p.rows).Slice(func(i int) app.UI {
			r := p.rows[i]
			who := r.Name
			if !r.Caseworker {
				who += " (dig selv)"
			}
			return app.Tr().Body(
				app.Td().Text(danishDateTime(r.At)),
				app.Td().Text(who),
				app.Td().Text(r.Organisation),
			)
		})),
	))
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// danishDateTime formats a time as "22.11.2026 kl. 09:15" in the browser's zone.
func danishDateTime(t time.Time) string {
	return t.Local().Format("02.01.2006") + " kl. " + t.Local().Format("15:04")
}
