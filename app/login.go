package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// loginPage is the citizen's login with username and password (SPEC A1).
// MitID would plug in beside it through the server's login seam.
type loginPage struct {
	app.Compo
	formState
	in       shared.LoginRequest
	timedOut bool
}

func newLoginPage() *loginPage { return &loginPage{} }

func (p *loginPage) OnNav(ctx app.Context) {
	p.timedOut = ctx.Page().URL().Query().Get("udlobet") == "1"
}

func (p *loginPage) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	submit(ctx, &p.formState, p.in, api.Login, func(ctx app.Context, sess shared.Session) {
		p.in.Password = ""
		target := pathForside
		if sess.ReturnTo != "" {
			target = sess.ReturnTo
		}
		ctx.Navigate(target)
	})
}

func (p *loginPage) Render() app.UI {
	return newShell().Title("Log ind").Access(forAnyone).Body(
		app.Div().Class("row").Body(app.Div().Class("col-12 col-md-8 col-lg-6").Body(
			app.H1().Text("Log ind på Jobnet"),
			app.If(p.timedOut, func() app.UI {
				return ui.InfoAlert("Du er blevet logget automatisk ud, fordi du ikke har været aktiv. Log ind igen for at fortsætte, hvor du slap.")
			}),
			p.ferr.summary(),
			app.Form().ID("login-form").NoValidate(true).OnSubmit(p.submit).Body(
				ui.Field("username").Label("Brugernavn").Autocomplete("username").Value(p.in.Username).
					Error(p.ferr.field("username")).OnInput(func(ctx app.Context, e app.Event) { p.in.Username = ui.InputValue(ctx) }),
				ui.Field("password").Label("Adgangskode").Type("password").Autocomplete("current-password").Value(p.in.Password).
					Error(p.ferr.field("password")).OnInput(func(ctx app.Context, e app.Event) { p.in.Password = ui.InputValue(ctx) }),
				app.Button().Type("submit").Class("button button-primary").Disabled(p.busy).Text("Log ind"),
			),
			app.P().Class("mt-6").Body(
				app.Text("Har du ikke en bruger? "),
				app.A().Href(pathRegister).Text("Opret bruger"),
			),
			app.P().Body(
				app.Text("Er du sagsbehandler? "),
				app.A().Href(pathCaseworker).Text("Sagsbehandleradgang til Jobnet"),
			),
		)),
	)
}
