package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

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
	p.formState.submit(ctx, "POST", "/api/register", p.in, nil, func(ctx app.Context) {
		ctx.Navigate(pathForside)
	})
}

func (p *registerPage) Render() app.UI {
	set := func(dst *string) app.EventHandler {
		return func(ctx app.Context, e app.Event) { *dst = inputValue(ctx) }
	}
	privacyErr := p.ferr.field("accept_privacy")
	return newShell().Title("Opret bruger").Access(forAnyone).Body(
		app.Div().Class("row").Body(app.Div().Class("col-12 col-md-10 col-lg-8").Body(
			app.H1().Text("Opret bruger på Jobnet"),
			p.ferr.summary(),
			app.Form().ID("register-form").NoValidate(true).OnSubmit(p.submit).Body(
				field{id: "name", label: "Navn", autocomplete: "name", value: p.in.Name, errMsg: p.ferr.field("name"), onInput: set(&p.in.Name)}.render(),
				field{id: "cpr", label: "CPR-nummer", hint: "Skriv det som DDMMÅÅ-XXXX.", value: p.in.CPR, errMsg: p.ferr.field("cpr"), onInput: set(&p.in.CPR)}.render(),
				field{id: "username", label: "Brugernavn", hint: "Mindst 3 tegn: bogstaver, tal, punktum, bindestreg og understregning.", autocomplete: "username",
					value: p.in.Username, errMsg: p.ferr.field("username"), onInput: set(&p.in.Username)}.render(),
				field{id: "password", label: "Adgangskode", hint: "Mindst 10 tegn.", kind: "password", autocomplete: "new-password",
					value: p.in.Password, errMsg: p.ferr.field("password"), onInput: set(&p.in.Password)}.render(),
				field{id: "password_repeat", label: "Gentag adgangskode", kind: "password", autocomplete: "new-password",
					value: p.in.PasswordRepeat, errMsg: p.ferr.field("password_repeat"), onInput: set(&p.in.PasswordRepeat)}.render(),
				app.H2().Class("h3").Text("Politik om persondata"),
				app.P().Text("Jobnet behandler dine personoplysninger for at kunne hjælpe dig med jobsøgning og for at vise dig de planer, aftaler og ydelser, som jobcenter og a-kasse registrerer om dig. Oplysningerne deles kun med de myndigheder, der har hjemmel til det. Du kan til enhver tid se, hvem der har været logget ind på dit Jobnet, under Historik."),
				app.Div().Class(formGroupClass(privacyErr)).Body(
					fieldError("accept_privacy", privacyErr),
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
