package app

import (
	"context"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// periodService is one of Fravær's two self-services of a period: the
// same form (first and last day, a comment), each with its own words,
// rule and endpoint. The rules are the server's too, so an error shows at
// its field before the send.
type periodService struct {
	service    shared.SelfService
	id         string // the prefix of the page's ids
	title      string // the page's title, breadcrumb and form's name
	heading    string // its h1
	notAllowed string
	fromLabel  string
	fromHint   string
	toLabel    string
	comment    string // the comment's hint
	submit     string
	check      func(in shared.PeriodInput, today shared.Date, existing []shared.Absence) error
	send       func(context.Context, shared.PeriodInput) (shared.FravaerReceipt, error)
	receipt    func(a shared.Absence) string
	// intro and after are the texts above and below the form.
	intro, after func() []app.UI
}

// ferieService is Meld ferie (SPEC D7; 000 Billede 23) with the sources'
// texts: "mere end 14 dage" ahead (shared.FerieNoticeDays), the jobcenter
// and the a-kasse told, the "Husk" texts.
var ferieService = periodService{
	service: shared.ServiceFerie, id: "ferie", title: "Meld ferie", heading: shared.FerieTitle, notAllowed: shared.FerieNotAllowed,
	fromLabel: "Første feriedag *", fromHint: "Ferien skal begynde mere end 14 dage fra i dag.", toLabel: "Sidste feriedag *",
	comment: "Højst 500 tegn.", submit: "Meld ferie", check: shared.CheckFerie, send: api.MeldFerie,
	receipt: func(a shared.Absence) string {
		return "Din ferie fra " + shared.AbsenceWhen(a.Period.From) + " til " + shared.AbsenceWhen(a.Period.To) +
			" er registreret. Dit jobcenter får besked, og er du medlem af en a-kasse, får den også besked."
	},
	intro: func() []app.UI {
		return []app.UI{
			app.H2().Class("h4").Text(shared.FerieMoreQ), app.P().Text(shared.FerieMoreText),
			app.H2().Class("h4").Text(shared.FerieLessQ), app.P().Text(shared.FerieLessText),
		}
	},
	after: func() []app.UI {
		return []app.UI{app.Div().Class("jobnet-fravaer-husk").Body(
			app.H2().Class("h4").Text("Husk"),
			app.Ul().Body(app.Li().Text(shared.FerieHusk1), app.Li().Text(shared.FerieHusk2)),
		)}
	},
}

// arbejdeService is "Registrere midlertidigt arbejde" (001; SPEC D7): the
// period of the work from today, and a comment. The sources name no
// fields (FEATURES.md 6.1); the period is what Historik shows of it (003).
var arbejdeService = periodService{
	service: shared.ServiceArbejde, id: "arbejde", title: shared.ArbejdeTitle, heading: shared.ArbejdeTitle, notAllowed: shared.ArbejdeNotAllowed,
	fromLabel: "Første arbejdsdag *", fromHint: "Fra i dag eller senere.", toLabel: "Sidste arbejdsdag *",
	comment: "Fx arbejdsgiver og antal timer om ugen. Højst 500 tegn.", submit: "Registrer midlertidigt arbejde",
	check: shared.CheckArbejde, send: api.MeldArbejde,
	receipt: func(a shared.Absence) string {
		return "Dit midlertidige arbejde fra " + shared.AbsenceWhen(a.Period.From) + " til " + shared.AbsenceWhen(a.Period.To) + " er registreret."
	},
	intro: func() []app.UI { return []app.UI{app.P().Text(shared.ArbejdeIntro)} },
	after: func() []app.UI { return nil },
}

// periodServices by their id.
var periodServices = map[string]periodService{ferieService.id: ferieService, arbejdeService.id: arbejdeService}

// fravaerPeriodPage is the page of a periodService. The service's id is
// an exported field, so that go-app, which keeps a component of the same
// type across a navigation and updates only its exported fields, shows
// the service navigated to.
type fravaerPeriodPage struct {
	app.Compo
	Iservice string // periodService.id
	load     pageLoad
	p        shared.Fravaer
	form     shared.PeriodForm
	state    formState
	receipt  *shared.Absence
}

func newFravaerPeriodPage(svc periodService) *fravaerPeriodPage {
	return &fravaerPeriodPage{Iservice: svc.id}
}

func (p *fravaerPeriodPage) svc() periodService { return periodServices[p.Iservice] }

func (p *fravaerPeriodPage) OnNav(ctx app.Context) {
	p.receipt, p.state = nil, formState{}
	fetchInto(ctx, &p.load, api.Fravaer, &p.p)
}

func (p *fravaerPeriodPage) send(ctx app.Context, e app.Event) {
	e.PreventDefault()
	today := shared.DateOf(api.Now())
	in, err := p.form.Read(func(in shared.PeriodInput) error { return p.svc().check(in, today, p.p.Absences) })
	submitChecked(ctx, &p.state, err, in, p.svc().send, func(ctx app.Context, r shared.FravaerReceipt) {
		p.receipt, p.form = &r.Absence, shared.PeriodForm{}
		ui.FocusSoon(ctx, p.svc().id+"-receipt")
	})
}

func (p *fravaerPeriodPage) Render() app.UI {
	s := p.svc()
	body := []app.UI{
		ui.Breadcrumb(pathForside, "Planer og aftaler", s.title),
		app.P().Body(app.A().ID(s.id + "-back").Href(shared.PageFravaer).Text("← Tilbage til Aktuelt fravær")),
		app.H1().Text(s.heading),
	}
	body = append(body, s.intro()...)
	body = append(body, p.load.view(ui.Waiting("Henter …"), p.renderForm))
	return newShell().Title(s.title).Access(forCitizenView).Body(append(body, s.after()...)...)
}

func (p *fravaerPeriodPage) renderForm() app.UI {
	s := p.svc()
	if !p.p.Offers(s.service) {
		return app.Div().ID(s.id + "-not-allowed").Body(ui.InfoAlert(s.notAllowed))
	}
	f := p.state.ferr
	return app.Div().Body(
		ui.Slot("jobnet-form-success", p.receipt != nil, func() app.UI {
			return app.Div().ID(s.id + "-receipt").TabIndex(-1).Body(ui.SuccessAlert(s.receipt(*p.receipt)))
		}),
		app.Form().ID(s.id+"-form").Attr("novalidate", true).Aria("label", s.title).OnSubmit(p.send).Body(
			f.summary(),
			ui.Field("from").Label(s.fromLabel).Type("date").Value(p.form.From).Error(f.field("from")).Hint(s.fromHint).
				OnInput(func(ctx app.Context, e app.Event) { p.form.From = ui.InputValue(ctx) }),
			ui.Field("to").Label(s.toLabel).Type("date").Value(p.form.To).Error(f.field("to")).
				OnInput(func(ctx app.Context, e app.Event) { p.form.To = ui.InputValue(ctx) }),
			ui.Field("comment").Label("Kommentar").Rows(3).Value(p.form.Comment).Error(f.field("comment")).Hint(s.comment).
				OnInput(func(ctx app.Context, e app.Event) { p.form.Comment = ui.InputValue(ctx) }),
			app.Button().Type("submit").ID(s.id+"-send").Class("button button-primary").Disabled(p.state.busy).Text(s.submit),
		),
	)
}
