package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// fravaerFeriePage is Meld ferie (SPEC D7; 000 Billede 23) with the
// sources' texts: "mere end 14 dage" ahead (shared.FerieNoticeDays), the
// jobcenter and the a-kasse told, the "Husk" texts. The form is the
// period and a comment; the rules are the server's too
// (shared.CheckFerie), so an error shows at its field before the send.
type fravaerFeriePage struct {
	app.Compo
	load    pageLoad
	p       shared.Fravaer
	form    shared.PeriodForm
	state   formState
	receipt *shared.Absence
}

func newFravaerFeriePage() *fravaerFeriePage { return &fravaerFeriePage{} }

func (p *fravaerFeriePage) OnNav(ctx app.Context) {
	p.receipt, p.state = nil, formState{}
	fetchInto(ctx, &p.load, api.Fravaer, &p.p)
}

func (p *fravaerFeriePage) send(ctx app.Context, e app.Event) {
	e.PreventDefault()
	today := shared.DateOf(api.Now())
	in, err := p.form.Read(func(in shared.PeriodInput) error { return shared.CheckFerie(in, today, p.p.Absences) })
	submitChecked(ctx, &p.state, err, in, api.MeldFerie, func(ctx app.Context, r shared.FravaerReceipt) {
		p.receipt, p.form = &r.Absence, shared.PeriodForm{}
		ui.FocusSoon(ctx, "ferie-receipt")
	})
}

func (p *fravaerFeriePage) Render() app.UI {
	return newShell().Title("Meld ferie").Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Planer og aftaler", "Meld ferie"),
		app.P().Body(app.A().ID("ferie-back").Href(shared.PageFravaer).Text("← Tilbage til Aktuelt fravær")),
		app.H1().Text(shared.FerieTitle),
		app.H2().Class("h4").Text(shared.FerieMoreQ),
		app.P().Text(shared.FerieMoreText),
		app.H2().Class("h4").Text(shared.FerieLessQ),
		app.P().Text(shared.FerieLessText),
		p.load.view(ui.Waiting("Henter …"), p.renderForm),
		app.Div().Class("jobnet-fravaer-husk").Body(
			app.H2().Class("h4").Text("Husk"),
			app.Ul().Body(app.Li().Text(shared.FerieHusk1), app.Li().Text(shared.FerieHusk2)),
		),
	)
}

func (p *fravaerFeriePage) renderForm() app.UI {
	if !p.p.Offers(shared.ServiceFerie) {
		return app.Div().ID("ferie-not-allowed").Body(ui.InfoAlert(shared.FerieNotAllowed))
	}
	f := p.state.ferr
	return app.Div().Body(
		ui.Slot("jobnet-form-success", p.receipt != nil, func() app.UI {
			r := p.receipt
			return app.Div().ID("ferie-receipt").TabIndex(-1).Body(ui.SuccessAlert("Din ferie fra " + shared.AbsenceWhen(r.Period.From) +
				" til " + shared.AbsenceWhen(r.Period.To) + " er registreret. Dit jobcenter får besked, og er du medlem af en a-kasse, får den også besked."))
		}),
		app.Form().ID("ferie-form").Attr("novalidate", true).Aria("label", "Meld ferie").OnSubmit(p.send).Body(
			f.summary(),
			ui.Field("from").Label("Første feriedag *").Type("date").Value(p.form.From).Error(f.field("from")).
				Hint("Ferien skal begynde mere end 14 dage fra i dag.").
				OnInput(func(ctx app.Context, e app.Event) { p.form.From = ui.InputValue(ctx) }),
			ui.Field("to").Label("Sidste feriedag *").Type("date").Value(p.form.To).Error(f.field("to")).
				OnInput(func(ctx app.Context, e app.Event) { p.form.To = ui.InputValue(ctx) }),
			ui.Field("comment").Label("Kommentar").Rows(3).Value(p.form.Comment).Error(f.field("comment")).
				Hint("Højst 500 tegn.").
				OnInput(func(ctx app.Context, e app.Event) { p.form.Comment = ui.InputValue(ctx) }),
			app.Button().Type("submit").ID("ferie-send").Class("button button-primary").Disabled(p.state.busy).Text("Meld ferie"),
		),
	)
}
