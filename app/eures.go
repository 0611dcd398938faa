package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// euresPage is "Job i Europa" (SPEC C6): the citizen chooses whether the CV
// may be shown to employers in all of Europe through EURES. In a mirror
// session the button is there, and the server refuses with the read-only
// message (SPEC K2).
type euresPage struct {
	app.Compo
	load    pageLoad
	setting shared.EuresSetting
	form    formState
	saved   bool
}

func newEuresPage() *euresPage { return &euresPage{} }

func (p *euresPage) OnNav(ctx app.Context) {
	fetchInto(ctx, &p.load, api.Eures, &p.setting)
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
	)
}
