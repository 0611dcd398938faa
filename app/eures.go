package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/shared"
)

// euresPage is "Job i Europa" (SPEC C6): the citizen chooses whether the CV
// may be shown to employers in all of Europe through EURES. In a mirror
// session the button is there, and the server refuses with the read-only
// message (SPEC K2).
type euresPage struct {
	app.Compo
	st      status
	err     error
	setting shared.EuresSetting
	saveErr string
	saved   bool
	busy    bool
}

func newEuresPage() *euresPage { return &euresPage{} }

func (p *euresPage) OnNav(ctx app.Context) {
	if app.IsServer {
		return
	}
	p.st = loading
	ctx.Async(func() {
		var s shared.EuresSetting
		err := call(ctx, "GET", "/api/eures", nil, &s)
		ctx.Dispatch(func(ctx app.Context) {
			p.setting, p.err, p.st = s, err, loaded
			if err != nil {
				p.st = loadingErr
			}
		})
	})
}

func (p *euresPage) save(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.busy, p.saveErr, p.saved = true, "", false
	in := p.setting
	ctx.Async(func() {
		err := call(ctx, "PUT", "/api/eures", in, nil)
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = false
			if err != nil {
				p.saveErr = shared.ErrorMessageOf(err)
				return
			}
			p.saved = true
		})
	})
}

func (p *euresPage) Render() app.UI {
	return newShell().Title("Job i Europa").Access(forCitizenView).Body(
		breadcrumb("Jobsøgning", "Job i Europa"),
		app.H1().Text("Job i Europa"),
		app.P().Text("Via EURES kan arbejdsgivere i hele EU/EØS og Schweiz finde dit CV, hvis du ønsker det. Du kan altid ændre dit valg."),
		app.If(p.st == loadingErr, func() app.UI {
			return errorAlert(shared.ErrorMessageOf(p.err))
		}).ElseIf(p.st == loaded, func() app.UI {
			return app.Form().ID("eures-form").OnSubmit(p.save).Body(
				app.If(p.saveErr != "", func() app.UI { return errorAlert(p.saveErr) }),
				app.If(p.saved, func() app.UI { return successAlert("Dit valg er gemt.") }),
				app.Div().Class("form-group").Body(app.Div().Class("form-group-checkbox").Body(
					app.Input().Type("checkbox").ID("eures-visible").Class("form-checkbox").Checked(p.setting.Visible).
						OnChange(func(ctx app.Context, e app.Event) {
							p.setting.Visible = ctx.JSSrc().Get("checked").Bool()
							p.saved = false
						}),
					app.Label().For("eures-visible").Class("form-label").Text("Mit CV må være synligt for arbejdsgivere i hele Europa"),
				)),
				app.Button().Type("submit").ID("eures-save").Class("button button-primary").Disabled(p.busy).Text("Gem"),
			)
		}).Else(func() app.UI {
			return app.P().Aria("live", "polite").Text("Henter …")
		}),
	)
}
