package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// fravaerArbejdePage is "Registrere midlertidigt arbejde" (001; SPEC D7):
// the period of the work from today, and a comment. The sources name no
// fields (FEATURES.md 6.1); the period is what Historik shows of it (003).
type fravaerArbejdePage struct {
	app.Compo
	load    pageLoad
	p       shared.Fravaer
	form    shared.PeriodForm
	state   formState
	receipt *shared.Absence
}

func newFravaerArbejdePage() *fravaerArbejdePage { return &fravaerArbejdePage{} }

func (p *fravaerArbejdePage) OnNav(ctx app.Context) {
	p.receipt, p.state = nil, formState{}
	fetchInto(ctx, &p.load, api.Fravaer, &p.p)
}

func (p *fravaerArbejdePage) send(ctx app.Context, e app.Event) {
	e.PreventDefault()
	today := shared.DateOf(api.Now())
	in, err := p.form.Read(func(in shared.PeriodInput) error { return shared.CheckArbejde(in, today, p.p.Absences) })
	submitChecked(ctx, &p.state, err, in, api.MeldArbejde, func(ctx app.Context, r shared.FravaerReceipt) {
		p.receipt, p.form = &r.Absence, shared.PeriodForm{}
		ui.FocusSoon(ctx, "arbejde-receipt")
	})
}

func (p *fravaerArbejdePage) Render() app.UI {
	return newShell().Title(shared.ArbejdeTitle).Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Planer og aftaler", shared.ArbejdeTitle),
		app.P().Body(app.A().ID("arbejde-back").Href(shared.PageFravaer).Text("← Tilbage til Aktuelt fravær")),
		app.H1().Text(shared.ArbejdeTitle),
		app.P().Text(shared.ArbejdeIntro),
		p.load.view(ui.Waiting("Henter …"), p.renderForm),
	)
}

func (p *fravaerArbejdePage) renderForm() app.UI {
	if !p.p.Offers(shared.ServiceArbejde) {
		return app.Div().ID("arbejde-not-allowed").Body(ui.InfoAlert(shared.ArbejdeNotAllowed))
	}
	f := p.state.ferr
	return app.Div().Body(
		ui.Slot("jobnet-form-success", p.receipt != nil, func() app.UI {
			r := p.receipt
			return app.Div().ID("arbejde-receipt").TabIndex(-1).Body(ui.SuccessAlert("Dit midlertidige arbejde fra " +
				shared.AbsenceWhen(r.Period.From) + " til " + shared.AbsenceWhen(r.Period.To) + " er registreret."))
		}),
		app.Form().ID("arbejde-form").Attr("novalidate", true).Aria("label", shared.ArbejdeTitle).OnSubmit(p.send).Body(
			f.summary(),
			ui.Field("from").Label("Første arbejdsdag *").Type("date").Value(p.form.From).Error(f.field("from")).
				Hint("Fra i dag eller senere.").
				OnInput(func(ctx app.Context, e app.Event) { p.form.From = ui.InputValue(ctx) }),
			ui.Field("to").Label("Sidste arbejdsdag *").Type("date").Value(p.form.To).Error(f.field("to")).
				OnInput(func(ctx app.Context, e app.Event) { p.form.To = ui.InputValue(ctx) }),
			ui.Field("comment").Label("Kommentar").Rows(3).Value(p.form.Comment).Error(f.field("comment")).
				Hint("Fx arbejdsgiver og antal timer om ugen. Højst 500 tegn.").
				OnInput(func(ctx app.Context, e app.Event) { p.form.Comment = ui.InputValue(ctx) }),
			app.Button().Type("submit").ID("arbejde-send").Class("button button-primary").Disabled(p.state.busy).Text("Registrer midlertidigt arbejde"),
		),
	)
}
