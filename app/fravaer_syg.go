package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// fravaerSygPage is Meld syg/rask (SPEC D7; 001 "Syge- og raskmelding (kun
// fra dags dato)"): a citizen who is well reports sick from today; one who
// is sick reports well from today or a day up to 14 days ahead (the
// scheduled job applies it on its day). A straksbookingramt citizen books
// a jobsamtale as part of the raskmelding (003 «Tilmelding (eller
// raskmelding) som straksbookingramt»): the booking flow's straks step
// follows the receipt.
type fravaerSygPage struct {
	app.Compo
	load    pageLoad
	p       shared.Fravaer
	day     string // the raskmelding's day as typed (YYYY-MM-DD)
	state   formState
	receipt *shared.FravaerReceipt
	booked  bool
}

func newFravaerSygPage() *fravaerSygPage { return &fravaerSygPage{} }

func (p *fravaerSygPage) OnNav(ctx app.Context) {
	p.receipt, p.state, p.booked = nil, formState{}, false
	p.day = shared.DateOf(api.Now()).String()
	fetchInto(ctx, &p.load, api.Fravaer, &p.p)
}

func (p *fravaerSygPage) meldSyg(ctx app.Context, e app.Event) {
	e.PreventDefault()
	in := shared.DayInput{Day: shared.DateOf(api.Now())}
	submitChecked(ctx, &p.state, shared.CheckSyg(in, in.Day, p.p.Absences), in, api.MeldSyg, p.done)
}

func (p *fravaerSygPage) meldRask(ctx app.Context, e app.Event) {
	e.PreventDefault()
	today := shared.DateOf(api.Now())
	in := shared.DayInput{}
	var err error
	if d, perr := shared.ParseDate(p.day); perr == nil {
		in.Day = d
		_, err = shared.CheckRask(in, today, p.p.Absences)
	} else if p.day != "" {
		err = &shared.Error{Code: shared.EInvalid, Message: "Oplysningerne er ikke udfyldt korrekt.",
			Fields: []shared.FieldError{{Field: "day", Message: shared.MsgBadDate}}}
	} else {
		_, err = shared.CheckRask(in, today, p.p.Absences)
	}
	submitChecked(ctx, &p.state, err, in, api.MeldRask, p.done)
}

func (p *fravaerSygPage) done(ctx app.Context, r shared.FravaerReceipt) {
	p.receipt = &r
	ui.FocusSoon(ctx, "syg-receipt")
}

func (p *fravaerSygPage) Render() app.UI {
	return newShell().Title(shared.SygTitle).Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Planer og aftaler", shared.SygTitle),
		app.P().Body(app.A().ID("syg-back").Href(shared.PageFravaer).Text("← Tilbage til Aktuelt fravær")),
		app.H1().Text(shared.SygTitle),
		app.P().Text(shared.SygIntro),
		p.load.view(ui.Waiting("Henter …"), func() app.UI {
			switch {
			case p.receipt != nil:
				return p.renderReceipt()
			case !p.p.Offers(shared.ServiceSygRask):
				return app.Div().ID("syg-not-allowed").Body(ui.InfoAlert(shared.SygNotAllowed))
			case p.p.Sick != nil:
				return p.renderRask()
			}
			if s, ok := shared.SickOn(p.p.Absences, shared.DateOf(api.Now())); ok {
				return p.renderSickUntil(s)
			}
			return p.renderSyg()
		}),
	)
}

func (p *fravaerSygPage) renderSyg() app.UI {
	today := shared.DateOf(api.Now())
	return app.Form().ID("syg-form").Attr("novalidate", true).Aria("label", "Meld dig syg").OnSubmit(p.meldSyg).Body(
		p.state.ferr.summary(),
		app.H2().Class("h3").Text("Meld dig syg"),
		app.P().ID("syg-day").Text("Du melder dig syg fra i dag, "+shared.AbsenceWhen(today)+". Du kan ikke melde dig syg tilbage i tiden."),
		ui.FieldError("day", p.state.ferr.field("day")),
		app.Button().Type("submit").ID("syg-send").Class("button button-primary").Disabled(p.state.busy).Text("Meld dig syg"),
	)
}

func (p *fravaerSygPage) renderRask() app.UI {
	s := p.p.Sick
	f := p.state.ferr
	return app.Form().ID("rask-form").Attr("novalidate", true).Aria("label", "Meld dig rask").OnSubmit(p.meldRask).Body(
		f.summary(),
		app.H2().Class("h3").Text("Meld dig rask"),
		app.P().ID("rask-sick-since").Text("Du er meldt syg fra "+shared.AbsenceWhen(s.Period.From)+"."),
		ui.Field("day").Label("Jeg er rask fra og med *").Type("date").Value(p.day).Error(f.field("day")).
			Hint("I dag eller en dag inden for de næste 14 dage.").
			OnInput(func(ctx app.Context, e app.Event) { p.day = ui.InputValue(ctx) }),
		app.If(p.p.Straks, func() app.UI {
			return app.P().ID("rask-straks-note").Text("Din frist for at booke et møde er overskredet. Når du har meldt dig rask, skal du booke en jobsamtale.")
		}),
		app.Button().Type("submit").ID("rask-send").Class("button button-primary").Disabled(p.state.busy).Text("Meld dig rask"),
	)
}

func (p *fravaerSygPage) renderReceipt() app.UI {
	r := p.receipt
	a := r.Absence
	var text string
	switch {
	case a.Kind == shared.AbsenceSygdom && a.Period.To.IsZero() && a.RaskFra.IsZero():
		text = "Du er meldt syg fra " + shared.AbsenceWhen(a.Period.From) + ". Jobcentret har fået besked. Husk at melde dig rask her på Jobnet, når du er rask."
	case !a.RaskFra.IsZero():
		text = "Du er meldt rask fra " + shared.AbsenceWhen(a.RaskFra) + ". Jobcentret har fået besked."
	default:
		text = "Du er meldt rask. Din sidste sygedag er " + shared.AbsenceWhen(a.Period.To) + ". Jobcentret har fået besked."
	}
	return app.Div().Body(
		app.Div().ID("syg-receipt").TabIndex(-1).Body(ui.SuccessAlert(text)),
		app.If(r.Straks, func() app.UI {
			return app.Section().ID("rask-straks").Aria("labelledby", "rask-straks-heading").Body(
				app.H2().ID("rask-straks-heading").Class("h3").Text(shared.StraksTitle),
				app.If(p.booked, func() app.UI { return app.P().ID("rask-straks-done").Text("Du har booket din jobsamtale.") }),
				newBookingFlow().Straks(true).OnBooked(func(ctx app.Context, _ shared.BookingReceipt) { p.booked = true }),
			)
		}),
		app.P().Body(app.A().ID("syg-to-fravaer").Href(shared.PageFravaer).Text("Se dit fravær")),
	)
}

// renderSickUntil: the citizen is sick today and has told when they are
// well (a raskmelding ahead, or well from tomorrow): nothing to register.
func (p *fravaerSygPage) renderSickUntil(s shared.Absence) app.UI {
	text := "Du er meldt syg fra " + shared.AbsenceWhen(s.Period.From) + " og er registreret som sygemeldt resten af dagen."
	if !s.RaskFra.IsZero() {
		text = "Du er meldt syg fra " + shared.AbsenceWhen(s.Period.From) + " og har meldt dig rask fra " + shared.AbsenceWhen(s.RaskFra) + "."
	}
	return app.Div().ID("syg-until").Body(ui.InfoAlert(text))
}
