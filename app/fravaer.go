package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// fravaerPage is "Aktuelt fravær" (SPEC D7; 000 Billede 24): what the
// citizen has registered now and in the coming time, fritagelser too, in
// the list "Type, Fra, Til, Kommentar", with the self-services the
// citizen's target group may use (shared.SelfService.MayUse) and the way
// to Historik. The a-kasse sees the absences lawful on dagpenge only; the
// jobcenter all. Both see the self-services; the server refuses their
// registrations.
type fravaerPage struct {
	app.Compo
	load pageLoad
	p    shared.Fravaer
}

func newFravaerPage() *fravaerPage { return &fravaerPage{} }

func (p *fravaerPage) OnNav(ctx app.Context) { fetchInto(ctx, &p.load, api.Fravaer, &p.p) }

func (p *fravaerPage) Render() app.UI {
	return newShell().Title(shared.FravaerTitle).Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Planer og aftaler", shared.FravaerTitle),
		app.H1().Text(shared.FravaerTitle),
		app.P().Text(shared.FravaerIntro1+" når du bliver syg eller rask, skal holde ferie eller får midlertidigt arbejde."),
		app.P().Text(shared.FravaerIntro2),
		app.P().Text(shared.FravaerIntro3),
		p.load.view(ui.Waiting("Henter dit fravær …"), p.renderPage),
		app.P().ID("fravaer-historik").Body(
			app.Text(shared.FravaerToHist+". "),
			app.A().Href(pathHistorik).Text("Gå til Historik"),
		),
	)
}

func (p *fravaerPage) renderPage() app.UI {
	return app.Div().Body(
		p.renderServices(),
		app.H2().ID("fravaer-liste-heading").Class("h3").Text(shared.FravaerList),
		app.If(len(p.p.Absences) == 0, func() app.UI { return app.P().ID("fravaer-none").Text(shared.FravaerNone) }).
			Else(func() app.UI { return absenceTable("fravaer-liste", shared.FravaerList, p.p.Absences) }),
	)
}

// renderServices are the links to the self-services the citizen may use.
func (p *fravaerPage) renderServices() app.UI {
	var links []app.UI
	if p.p.Offers(shared.ServiceSygRask) {
		text := "Meld dig syg"
		if p.p.Sick != nil {
			text = "Meld dig rask"
		}
		links = append(links, app.Li().Body(app.A().ID("fravaer-syg-link").Href(shared.PageFravaerSyg).Text(text)))
	}
	if p.p.Offers(shared.ServiceFerie) {
		links = append(links, app.Li().Body(app.A().ID("fravaer-ferie-link").Href(shared.PageFravaerFerie).Text("Meld ferie")))
	}
	if p.p.Offers(shared.ServiceArbejde) {
		links = append(links, app.Li().Body(app.A().ID("fravaer-arbejde-link").Href(shared.PageFravaerArbejde).Text("Registrer midlertidigt arbejde")))
	}
	if len(links) == 0 {
		return app.P().ID("fravaer-no-services").Text("Du kan ikke registrere fravær her på Jobnet. Kontakt dit jobcenter, hvis der sker ændringer.")
	}
	return app.Nav().ID("fravaer-services").Aria("label", "Registrer fravær").Body(app.Ul().Class("jobnet-fravaer-services").Body(links...))
}

// absenceTable is the list of absences: "Type", "Fra", "Til", "Kommentar"
// (000 Billede 24). On a phone the table scrolls sideways in a region the
// keyboard can reach (as Historik's).
func absenceTable(id, caption string, abs []shared.Absence) app.UI {
	return app.Div().Class("table--responsive-scroll").TabIndex(0).Role("region").Aria("label", caption).Body(
		app.Table().ID(id).Class("table jobnet-fravaer-table").Body(
			app.Caption().Class("sr-only").Text(caption),
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Type"),
				app.Th().Scope("col").Text("Fra"),
				app.Th().Scope("col").Text("Til"),
				app.Th().Scope("col").Text("Kommentar"),
			)),
			app.TBody().Body(app.Range(abs).Slice(func(i int) app.UI {
				a := abs[i]
				to := shared.AbsenceWhen(a.Period.To)
				if a.Period.To.IsZero() && !a.RaskFra.IsZero() {
					to = "Rask fra " + shared.AbsenceWhen(a.RaskFra)
				}
				return app.Tr().ID("fravaer-"+a.ID).Body(
					app.Th().Scope("row").Text(a.Kind.Label()),
					app.Td().Text(shared.AbsenceWhen(a.Period.From)),
					app.Td().Text(to),
					app.Td().Text(a.Text),
				)
			})),
		))
}
