package app

import (
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// screeningPage is "Forberedelsesskema" (SPEC C5; 003_…txt, 000_…txt 4.6):
// the current screening's questions, answered once, then the receipt,
// "Kvittering - forberedelsesskema", with "Hent som Pdf" and the fold
// "Dine svar på forberedelsesskemaet". Without a screening shown (none, or
// its 90 days are over) it says so. A caseworker sees the questions with
// the inputs disabled and no "Send", which the server refuses anyway (SPEC
// K2); the server sends the a-kasse only the current dagpenge screening.
type screeningPage struct {
	app.Compo
	load    pageLoad
	page    shared.ScreeningPage
	sess    shared.Session
	answers map[string][]string
	form    formState
	// open: the fold of the answers on the receipt.
	open bool
}

func newScreeningPage() *screeningPage { return &screeningPage{} }

func (p *screeningPage) OnMount(ctx app.Context) { ctx.ObserveState(stateSession, &p.sess) }

func (p *screeningPage) OnNav(ctx app.Context) {
	p.answers = map[string][]string{}
	fetchInto(ctx, &p.load, api.Screening, &p.page)
}

func (p *screeningPage) send(ctx app.Context, e app.Event) {
	e.PreventDefault()
	s := p.page.Screening
	if s == nil {
		return
	}
	in := shared.ScreeningAnswerInput{ScreeningID: s.ID, Answers: p.answers}
	submitChecked(ctx, &p.form, in.Check(s.Questions), in, api.AnswerScreening, func(ctx app.Context, out shared.ScreeningPage) {
		p.page, p.open = out, true
		ui.FocusSoon(ctx, "screening-receipt-heading")
	})
}

func (p *screeningPage) Render() app.UI {
	return newShell().Title("Forberedelsesskema").Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Jobsøgning", "Forberedelsesskema"),
		p.load.view(ui.Waiting("Henter …"), func() app.UI {
			s := p.page.Screening
			switch {
			case s == nil:
				return app.Div().Body(
					app.H1().Text("Forberedelsesskema"),
					app.P().ID("screening-none").Text("Du har ikke noget forberedelsesskema at udfylde lige nu."),
				)
			case s.Answered != nil:
				return p.receipt(*s)
			}
			return p.questions(*s)
		}),
	)
}

// questions is the form: a fieldset per question, radio buttons or check
// boxes, each with its message.
func (p *screeningPage) questions(s shared.Screening) app.UI {
	ferr := p.form.ferr
	write := p.sess.Actor.MayWrite()
	return app.Div().Body(
		app.H1().Text("Forberedelsesskema"),
		app.P().Text("Besvar spørgsmål om din jobsøgning, så jobkonsulenten bedre kan rådgive dig. Det er frivilligt at udfylde skemaet; du kan kun sende det én gang."),
		app.If(!write, func() app.UI {
			return app.P().ID("screening-unanswered").Text("Borgeren har ikke udfyldt forberedelsesskemaet endnu.")
		}),
		app.Form().ID("screening-form").OnSubmit(p.send).Body(
			ferr.summary(),
			app.Range(s.Questions).Slice(func(i int) app.UI {
				q := s.Questions[i]
				legend := q.Text
				if q.Required {
					legend += " *"
				}
				return ui.Fieldset("screening-" + q.ID).Legend(strconv.Itoa(i+1) + ": " + legend).
					Error(ferr.field(shared.ScreeningAnswerField(q.ID))).Body(
					app.Range(q.Options).Slice(func(j int) app.UI { return p.option(q, q.Options[j], !write) }),
				)
			}),
			app.If(write, func() app.UI {
				return app.Div().Body(
					app.P().Class("form-hint").Text("Felter markeret med * skal udfyldes."),
					app.Button().Type("submit").ID("screening-send").Class("button button-primary").Disabled(p.form.busy).Text("Send"),
				)
			}),
		),
	)
}

func (p *screeningPage) option(q shared.ScreeningQuestion, o shared.ScreeningOption, disabled bool) app.UI {
	id := "screening-" + o.ID
	chosen := slices.Contains(p.answers[q.ID], o.ID)
	if q.Multiple {
		return app.Div().Class("form-group-checkbox").Body(
			app.Input().Type("checkbox").ID(id).Name("screening-"+q.ID).Class("form-checkbox").Value(o.ID).Checked(chosen).Disabled(disabled).
				OnChange(func(ctx app.Context, e app.Event) {
					cur := slices.DeleteFunc(slices.Clone(p.answers[q.ID]), func(v string) bool { return v == o.ID })
					if ctx.JSSrc().Get("checked").Bool() {
						cur = append(cur, o.ID)
					}
					p.answers[q.ID] = cur
				}),
			app.Label().Class("form-label").For(id).Text(o.Text),
		)
	}
	return app.Div().Class("form-group-radio").Body(
		app.Input().Type("radio").ID(id).Name("screening-"+q.ID).Class("form-radio").Value(o.ID).Checked(chosen).Disabled(disabled).
			OnChange(func(ctx app.Context, e app.Event) { p.answers[q.ID] = []string{o.ID} }),
		app.Label().Class("form-label").For(id).Text(o.Text),
	)
}

// receipt is "Kvittering - forberedelsesskema" (000_…txt Billede 11).
func (p *screeningPage) receipt(s shared.Screening) app.UI {
	return app.Div().Body(
		app.Div().Class("jobnet-receipt-head").Body(
			app.H1().ID("screening-receipt-heading").TabIndex(-1).Text("Kvittering - forberedelsesskema"),
			app.A().ID("screening-pdf").Class("button button-secondary").Href(shared.APIScreeningPDF).
				Attr("download", "forberedelsesskema-kvittering.pdf").Text("Hent som Pdf"),
		),
		app.Dl().Class("jobnet-receipt-facts").Body(
			app.Dt().Text("Dato:"), app.Dd().Text(shared.DateOf(*s.Answered).Danish()),
			app.Dt().Text("Navn:"), app.Dd().Text(p.page.Name),
			app.Dt().Text("CPR-nummer:"), app.Dd().Text(p.page.CPR),
		),
		app.Range(shared.ScreeningReceiptTexts).Slice(func(i int) app.UI { return app.P().Text(shared.ScreeningReceiptTexts[i]) }),
		app.P().Class("form-hint").Text("Kvitteringen kan ses her til og med "+p.page.ShownUntil.Danish()+"."),
		app.Ul().Class("accordion").Body(app.Li().Body(
			app.H2().Body(app.Button().Type("button").Class("accordion-button").ID("screening-answers-toggle").
				Aria("expanded", boolString(p.open)).Aria("controls", "screening-answers").
				OnClick(func(ctx app.Context, e app.Event) { p.open = !p.open }).Body(
				app.Span().Class("accordion-title").Text(shared.ScreeningAnswersHeading),
			)),
			app.Div().ID("screening-answers").Class("accordion-content").Aria("hidden", boolString(!p.open)).Body(
				app.Dl().Class("jobnet-receipt-answers").Body(
					app.Range(s.Questions).Slice(func(i int) app.UI {
						q := s.Questions[i]
						chosen := s.ChosenTexts(q)
						return app.Div().Body(
							app.Dt().Text(strconv.Itoa(i+1)+": "+q.Text),
							app.Dd().Body(app.If(len(chosen) == 0, func() app.UI { return app.Text("Ikke besvaret") }).
								ElseIf(len(chosen) == 1, func() app.UI { return app.Text(chosen[0]) }).
								Else(func() app.UI {
									return app.Ul().Body(app.Range(chosen).Slice(func(k int) app.UI { return app.Li().Text(chosen[k]) }))
								})),
						)
					}),
				),
			),
		)),
	)
}
