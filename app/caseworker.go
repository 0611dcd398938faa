package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// caseworkerPage is /sagsbehandleradgang: the caseworker's login and then
// "Se Jobnet som borgeren ser det", where the CPR number is typed (SPEC K1,
// texts from 000_…txt).
type caseworkerPage struct {
	app.Compo
	formState
	sess     shared.Session
	login    shared.LoginRequest
	mirror   shared.MirrorRequest
	timedOut bool
}

func newCaseworkerPage() *caseworkerPage { return &caseworkerPage{} }

func (p *caseworkerPage) OnMount(ctx app.Context) {
	ctx.ObserveState(stateSession, &p.sess)
}

func (p *caseworkerPage) OnNav(ctx app.Context) {
	p.timedOut = ctx.Page().URL().Query().Get("udlobet") == "1"
	p.ferr = formError{}
}

func (p *caseworkerPage) signedIn() bool { return p.sess.Actor.Role.IsCaseworker() }

func (p *caseworkerPage) submitLogin(ctx app.Context, e app.Event) {
	e.PreventDefault()
	submit(ctx, &p.formState, p.login, api.CaseworkerLogin, func(ctx app.Context, sess shared.Session) {
		p.login.Password = ""
		ctx.SetState(stateSession, sess)
		ctx.Navigate(pathCaseworker) // reload the shell with the new session
	})
}

func (p *caseworkerPage) submitCPR(ctx app.Context, e app.Event) {
	e.PreventDefault()
	submit(ctx, &p.formState, p.mirror, api.StartMirror, func(ctx app.Context, _ shared.Session) {
		ctx.Navigate(pathForside)
	})
}

func (p *caseworkerPage) Render() app.UI {
	return newShell().Title("Sagsbehandleradgang").Access(forAnyone).Body(
		app.Div().Class("row").Body(app.Div().Class("col-12 col-md-10 col-lg-8").Body(
			app.If(p.timedOut && !p.signedIn(), func() app.UI {
				return ui.InfoAlert("Du er blevet logget automatisk ud, fordi du ikke har været aktiv.")
			}),
			app.If(p.signedIn(), p.renderChooseCitizen).Else(p.renderLogin),
		)),
	)
}

func (p *caseworkerPage) renderLogin() app.UI {
	return app.Div().Body(
		app.H1().Text("Sagsbehandleradgang til Jobnet"),
		app.P().Text("Log ind som sagsbehandler i et jobcenter eller en a-kasse for at se en borgers Jobnet."),
		p.ferr.summary(),
		app.Form().ID("caseworker-login-form").NoValidate(true).OnSubmit(p.submitLogin).Body(
			ui.Field("username").Label("Brugernavn").Autocomplete("username").Value(p.login.Username).Error(p.ferr.field("username")).
				OnInput(func(ctx app.Context, e app.Event) { p.login.Username = ui.InputValue(ctx) }),
			ui.Field("password").Label("Adgangskode").Type("password").Autocomplete("current-password").Value(p.login.Password).
				Error(p.ferr.field("password")).OnInput(func(ctx app.Context, e app.Event) { p.login.Password = ui.InputValue(ctx) }),
			app.Button().Type("submit").Class("button button-primary").Disabled(p.busy).Text("Log ind"),
		),
	)
}

func (p *caseworkerPage) renderChooseCitizen() app.UI {
	return app.Div().Body(
		app.H1().Text("Se Jobnet som borgeren ser det"),
		app.P().Text("Der er tale om en læse-adgang. Ændringer kan ikke gemmes, og du kan som sagsbehandler ikke rette i borgerens oplysninger."),
		app.P().Text("Som sagsbehandler - særligt i en a-kasse - skal du være klar over, at på grund af reglerne om GDPR har du ikke et fuldt billede af Jobnet. Det skyldes, at der er oplysninger på borgerens Jobnet som du som sagsbehandler i Jobcenteret eller a-kassen ikke må tilgå."),
		p.ferr.summary(),
		app.Form().ID("mirror-form").NoValidate(true).OnSubmit(p.submitCPR).Body(
			ui.Field("cpr").Label("Indtast borgerens CPR-nummer").Hint("DDMMÅÅ-XXXX").Value(p.mirror.CPR).Error(p.ferr.field("cpr")).
				OnInput(func(ctx app.Context, e app.Event) { p.mirror.CPR = ui.InputValue(ctx) }),
			app.P().Body(app.Strong().Text("Obs: Borgeren kan se i sin historik på Jobnet, at du har været logget ind.")),
			app.Button().Type("submit").Class("button button-primary").Disabled(p.busy).Text("Log ind som denne borger"),
		),
	)
}
