package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// euresPage is "Job i Europa" (SPEC C6): the citizen chooses whether the CV
// may be shown to employers in all of Europe through EURES. In a mirror
// session the button is there, and the server refuses with the read-only
// message (SPEC K2).
//
// Below the choice the page shows the CV it makes visible: Mit CV's number,
// status and folds, with the way to it. Decision (the sources are silent):
// the choice stands on its own, but employers in Europe find the CV only
// while it is søgbart, as employers in Denmark do; the page says so when it
// is not.
type euresPage struct {
	app.Compo
	load    pageLoad
	setting shared.EuresSetting
	form    formState
	saved   bool
	cvLoad  pageLoad
	cv      shared.CV
}

func newEuresPage() *euresPage { return &euresPage{} }

func (p *euresPage) OnNav(ctx app.Context) {
	fetchInto(ctx, &p.load, api.Eures, &p.setting)
	fetchInto(ctx, &p.cvLoad, api.CV, &p.cv)
}

func (p *euresPage) save(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.saved = false
	submit(ctx, &p.form, p.setting, api.SaveEures, func(app.Context, shared.EuresSetting) { p.saved = true })
}

func (p *euresPage) Render() app.UI {
	return newShell().Title("Job i Europa").Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Jobsøgning", "Job i Europa"),
		app.H1().Text("Job i Europa"),
		app.P().Text("Via EURES kan arbejdsgivere i hele EU/EØS og Schweiz finde dit CV, hvis du ønsker det. Du kan altid ændre dit valg."),
		p.load.view(ui.Waiting("Henter …"), func() app.UI {
			// The messages sit in wrappers that are always there, so that
			// the checkbox and the button keep their place (and the focus).
			return app.Form().ID("eures-form").OnSubmit(p.save).Body(
				p.form.ferr.summary(),
				ui.Slot("jobnet-form-success", p.saved, func() app.UI { return ui.SuccessAlert("Dit valg er gemt.") }),
				app.Div().Class("form-group").Body(app.Div().Class("form-group-checkbox").Body(
					app.Input().Type("checkbox").ID("eures-visible").Class("form-checkbox").Checked(p.setting.Visible).
						OnChange(func(ctx app.Context, e app.Event) {
							p.setting.Visible = ctx.JSSrc().Get("checked").Bool()
							p.saved = false
						}),
					app.Label().For("eures-visible").Class("form-label").Text("Mit CV må være synligt for arbejdsgivere i hele Europa"),
				)),
				app.Button().Type("submit").ID("eures-save").Class("button button-primary").Disabled(p.form.busy).Text("Gem"),
			)
		}),
		p.cvLoad.view(ui.Waiting("Henter dit CV …"), p.renderCV),
	)
}

// renderCV is the CV the choice makes visible.
func (p *euresPage) renderCV() app.UI {
	cv := p.cv
	var body []app.UI
	switch {
	case cv.Number == "":
		body = append(body, app.P().Text("Du har ikke udfyldt dit CV endnu. Udfyld Mit CV, så arbejdsgivere har noget at se."))
	default:
		folds := make([]app.UI, 0, len(shared.CVSections))
		for _, s := range shared.CVSections {
			folds = append(folds, app.Li().Text(fmt.Sprintf("%s (%d)", s.Label, len(cv.Entries(shared.CVSection(s.Value))))))
		}
		body = append(body,
			app.Dl().Class("jobnet-seeking-details").Body(detail("CV-nummer:", cv.Number), detail("Status:", cv.StatusText())),
			app.Ul().Body(folds...))
		if !cv.SearchableNow() {
			body = append(body, app.P().ID("eures-cv-not-searchable").
				Text("Arbejdsgivere i Europa kan først finde dit CV, når det er søgbart."))
		}
	}
	body = append(body, app.P().Body(app.A().ID("eures-cv-link").Href(pathCV).Text("Se og ret Mit CV")))
	return app.Section().ID("eures-cv").Class("jobnet-cv-status").Aria("labelledby", "eures-cv-heading").Body(
		append([]app.UI{app.H2().ID("eures-cv-heading").Class("h3").Text("Det CV, du gør synligt")}, body...)...)
}
