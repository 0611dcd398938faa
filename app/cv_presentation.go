package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// presentationPage is the Præsentations-CV (SPEC C4; 000_…txt 4.5; fields
// this project's, shared/cv_presentation.go): a headline and four texts in
// the citizen's own words, saved, and a PDF to hand over. It is never
// searchable, which the page says. The jobcenter reads it without the
// form; the a-kasse gets the server's "Ingen adgang" (000_…txt Billede 10).
type presentationPage struct {
	app.Compo
	load  pageLoad
	page  shared.PresentationCVPage
	sess  shared.Session
	in    shared.PresentationCV
	state formState
	saved bool
}

func newPresentationPage() *presentationPage { return &presentationPage{} }

func (p *presentationPage) OnMount(ctx app.Context) { ctx.ObserveState(stateSession, &p.sess) }

func (p *presentationPage) OnNav(ctx app.Context) {
	p.state, p.saved = formState{}, false
	fetchThen(ctx, &p.load, api.PresentationCV, &p.page, func(ctx app.Context) { p.in = p.page.CV })
}

func (p *presentationPage) Render() app.UI {
	return newShell().Title("Præsentations-CV").Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Jobsøgning", "Præsentations-CV"),
		app.H1().Text("Præsentations-CV"),
		p.load.view(ui.Waiting("Henter dit Præsentations-CV …"), func() app.UI {
			return app.Div().ID("presentation").Body(
				app.P().Text("Her kan du lave et CV med dine egne ord, som du kan printe og give til en arbejdsgiver. "+
					"Dette CV kan du udfylde efter aftale med din sagsbehandler."),
				app.P().ID("presentation-not-searchable").Text("Arbejdsgivere kan ikke søge i dit Præsentations-CV. Det er kun Mit CV, der kan gøres søgbart."),
				app.If(p.page.Saved, func() app.UI {
					return app.Div().Class("jobnet-cv-actions d-print-none").Body(
						app.A().ID("presentation-pdf").Class("button button-secondary").Href(shared.APIPresentationCVPDF).
							Attr("download", "praesentations-cv.pdf").Text("Hent som PDF"),
					)
				}),
				app.If(p.sess.Actor.MayWrite() || app.IsServer || p.sess.Actor.CitizenID == 0, p.renderForm).Else(p.renderRead),
			)
		}),
	)
}

// renderRead is the Præsentations-CV as the jobcenter reads it.
func (p *presentationPage) renderRead() app.UI {
	if !p.page.Saved {
		return app.P().ID("presentation-none").Text("Borgeren har ikke udfyldt et Præsentations-CV.")
	}
	var body []app.UI
	if p.page.CV.Headline != "" {
		body = append(body, app.P().Class("font-lead").Text(p.page.CV.Headline))
	}
	for _, s := range p.page.CV.Sections() {
		if s.Text != "" {
			body = append(body, app.H2().Class("h3").Text(s.Title), app.P().Class("jobnet-presentation-text").Text(s.Text))
		}
	}
	return app.Article().ID("presentation-read").Body(body...)
}

func (p *presentationPage) renderForm() app.UI {
	in := &p.in
	ferr := p.state.ferr
	area := func(id, label, hint, field string, rows int, dst *string) app.UI {
		return ui.Field(id).Label(label).Hint(hint).Type("textarea").Rows(rows).Value(*dst).Error(ferr.field(field)).
			OnInput(func(ctx app.Context, e app.Event) { *dst = ui.InputValue(ctx); p.saved = false })
	}
	return app.Form().ID("presentation-form").Attr("novalidate", true).Aria("label", "Præsentations-CV").OnSubmit(p.submit).Body(
		ferr.summary(),
		ui.Slot("jobnet-form-success", p.saved, func() app.UI { return ui.SuccessAlert("Dit Præsentations-CV er gemt.") }),
		app.P().Class("form-hint").Text("Felter markeret med * skal udfyldes."),
		ui.Field("presentation-headline").Label("Overskrift").Hint("En linje om dig, fx \"Stabil køkkenmedhjælper, der gerne tager fat\"").
			Value(in.Headline).Error(ferr.field(shared.FieldPresentationHeadline)).
			OnInput(func(ctx app.Context, e app.Event) { in.Headline = ui.InputValue(ctx); p.saved = false }),
		area("presentation-about", "Om mig *", "Hvem er du, og hvad er vigtigt for dig?", shared.FieldPresentationAbout, 5, &in.About),
		area("presentation-good-at", "Det er jeg god til", "Fx opgaver, du klarer godt, eller det andre siger om dig", "good_at", 4, &in.GoodAt),
		area("presentation-wish-for", "Det vil jeg gerne arbejde med", "", "wish_for", 4, &in.WishFor),
		area("presentation-experiences", "Mine erfaringer", "Job, praktik, frivilligt arbejde eller andet – med dine egne ord", "experiences", 6, &in.Experiences),
		app.Div().Class("form-group-checkbox").Body(
			app.Input().Type("checkbox").ID("presentation-contact").Class("form-checkbox").Checked(in.IncludeContact).
				OnChange(func(ctx app.Context, e app.Event) {
					in.IncludeContact = ctx.JSSrc().Get("checked").Bool()
					p.saved = false
				}),
			app.Label().Class("form-label").For("presentation-contact").Text("Vis min telefon og e-mail fra Mit CV på mit Præsentations-CV"),
		),
		app.Button().Type("submit").ID("presentation-save").Class("button button-primary").Disabled(p.state.busy).Text("Gem"),
	)
}

func (p *presentationPage) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.saved = false
	submitChecked(ctx, &p.state, p.in.Normalized().Check(), p.in, api.SavePresentationCV, func(ctx app.Context, page shared.PresentationCVPage) {
		p.page, p.in, p.saved = page, page.CV, true
	})
}
