package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// registerPage creates a citizen's account: username, password and
// acceptance of "Politik om persondata" (SPEC A1). With MitID the name and
// CPR number would come from the identity provider.
type registerPage struct {
	app.Compo
	formState
	in shared.RegisterRequest
}

func newRegisterPage() *registerPage { return &registerPage{} }

func (p *registerPage) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	submit(ctx, &p.formState, p.in, api.Register, func(ctx app.Context, _ shared.Session) {
		ctx.Navigate(pathForside)
	})
}

func (p *registerPage) Render() app.UI {
	set := func(dst *string) app.EventHandler {
		return func(ctx app.Context, e app.Event) { *dst = ui.InputValue(ctx) }
	}
	privacyErr := p.ferr.field("accept_privacy")
	return newShell().Title("Opret bruger").Access(forAnyone).Body(
		app.Div().Class("row").Body(app.Div().Class("col-12 col-md-10 col-lg-8").Body(
			app.H1().Text("Opret bruger på Jobnet"),
			p.ferr.summary(),
			app.Form().ID("register-form").NoValidate(true).OnSubmit(p.submit).Body(
				ui.Field("name").Label("Navn").Autocomplete("name").Value(p.in.Name).Error(p.ferr.field("name")).OnInput(set(&p.in.Name)),
				ui.Field("cpr").Label("CPR-nummer").Hint("Skriv det som DDMMÅÅ-XXXX.").Value(p.in.CPR).Error(p.ferr.field("cpr")).OnInput(set(&p.in.CPR)),
				ui.Field("username").Label("Brugernavn").Hint("Mindst 3 tegn: bogstaver, tal, punktum, bindestreg og understregning.").Autocomplete("username").
					Value(p.in.Username).Error(p.ferr.field("username")).OnInput(set(&p.in.Username)),
				ui.Field("password").Label("Adgangskode").Hint("Mindst 10 tegn.").Type("password").Autocomplete("new-password").
					Value(p.in.Password).Error(p.ferr.field("password")).OnInput(set(&p.in.Password)),
				ui.Field("password_repeat").Label("Gentag adgangskode").Type("password").Autocomplete("new-password").
					Value(p.in.PasswordRepeat).Error(p.ferr.field("password_repeat")).OnInput(set(&p.in.PasswordRepeat)),
				app.H2().Class("h3").Text("Politik om persondata"),
				app.P().Text("Jobnet behandler dine personoplysninger for at kunne hjælpe dig med jobsøgning og for at vise dig de planer, aftaler og ydelser, som jobcenter og a-kasse registrerer om dig. Oplysningerne deles kun med de myndigheder, der har hjemmel til det. Du kan til enhver tid se, hvem der har været logget ind på dit Jobnet, under Historik."),
				app.Div().Class(ui.FormGroupClass(privacyErr)).Body(
					ui.FieldError("accept_privacy", privacyErr),
					app.Div().Class("form-group-checkbox").Body(
						app.Input().Type("checkbox").ID("accept_privacy").Class("form-checkbox").Checked(p.in.AcceptPrivacy).
							Aria("invalid", privacyErr != "").Aria("describedby", "accept_privacy-error").
							OnChange(func(ctx app.Context, e app.Event) { p.in.AcceptPrivacy = ctx.JSSrc().Get("checked").Bool() }),
						app.Label().For("accept_privacy").Class("form-label").Text("Jeg har læst og accepterer Politik om persondata"),
					),
				),
				app.Button().Type("submit").Class("button button-primary").Disabled(p.busy).Text("Opret bruger"),
			),
		)),
	)
}
