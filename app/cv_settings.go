package app

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// cvSettingsPage is the form of Mit CV's own information: the contact data
// employers reach the citizen by, whether the CV is søgbart (only with
// contact data, 003 «Personlige oplysninger»), the link (e.g. LinkedIn),
// languages with their level and driving licence categories (these two
// NOT IN THE SOURCES; shared/cv.go). A caseworker gets no form.
type cvSettingsPage struct {
	app.Compo
	load  pageLoad
	cv    shared.CV
	sess  shared.Session
	in    shared.CVSettings
	state formState
}

func newCVSettingsPage() *cvSettingsPage { return &cvSettingsPage{} }

func (p *cvSettingsPage) OnMount(ctx app.Context) { ctx.ObserveState(stateSession, &p.sess) }

func (p *cvSettingsPage) OnNav(ctx app.Context) {
	p.state = formState{}
	fetchThen(ctx, &p.load, api.CV, &p.cv, func(ctx app.Context) {
		p.in = p.cv.CVSettings
		p.in.Languages = slices.Clone(p.in.Languages)
		if len(p.in.Languages) == 0 {
			p.in.Languages = []shared.CVLanguage{{}}
		}
		p.in.Licences = slices.Clone(p.in.Licences)
		if ctx.Page().URL().Fragment == "cv-link" && !app.IsServer {
			ui.FocusSoon(ctx, "cv-link") // "TILFØJ LINK →" on Mit CV
		}
	})
}

const pageCVSettingsTitle = "Kontakt, søgbarhed, link, sprog og kørekort"

func (p *cvSettingsPage) Render() app.UI {
	return newShell().Title(pageCVSettingsTitle).Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Jobsøgning", "Mit CV"),
		app.P().Body(app.A().ID("cv-back").Href(pathCV).Text("← Tilbage til Mit CV")),
		app.H1().Text(pageCVSettingsTitle),
		app.If(!p.sess.Actor.MayWrite() && p.sess.Actor.CitizenID != 0 && !app.IsServer, func() app.UI {
			return ui.InfoAlert("Du kan se borgerens CV, men ikke ændre det.")
		}).Else(func() app.UI {
			return p.load.view(ui.Waiting("Henter formularen …"), p.renderForm)
		}),
	)
}

func (p *cvSettingsPage) renderForm() app.UI {
	in := &p.in
	ferr := p.state.ferr
	text := func(id, label, hint, field, typ, autocomplete string, dst *string) app.UI {
		return ui.Field(id).Label(label).Hint(hint).Type(typ).Autocomplete(autocomplete).Value(*dst).Error(ferr.field(field)).
			OnInput(func(ctx app.Context, e app.Event) { *dst = ui.InputValue(ctx) })
	}
	searchMsg := ferr.field(shared.FieldCVSearchable)
	return app.Form().ID("cv-settings-form").Attr("novalidate", true).Aria("label", pageCVSettingsTitle).OnSubmit(p.submit).Body(
		ferr.summary(),
		app.Section().Aria("labelledby", "cv-contact-heading").Body(
			app.H2().ID("cv-contact-heading").Class("h3").Text("Kontaktoplysninger til arbejdsgivere"),
			app.P().Text("Dit CV kan kun gøres søgbart, når arbejdsgivere kan kontakte dig."),
			app.If(p.cv.ContactRequired, func() app.UI {
				return app.P().ID("cv-contact-required").Text("Du er tilmeldt som ledig, så du skal angive mindst én af dem: telefon eller e-mail.")
			}),
			text("cv-phone", "Telefon", "8 cifre, fx 12 34 56 78", shared.FieldCVPhone, "tel", "tel", &in.Phone),
			text("cv-email", "E-mail", "", shared.FieldCVEmail, "email", "email", &in.Email),
			app.Div().Class(ui.FormGroupClass(searchMsg)).Body(
				ui.FieldError("cv-searchable", searchMsg),
				app.Div().Class("form-group-checkbox").Body(
					app.Input().Type("checkbox").ID("cv-searchable").Class("form-checkbox").Checked(in.Searchable).
						Aria("describedby", describedBy(searchMsg != "", "cv-searchable-error")).
						OnChange(func(ctx app.Context, e app.Event) { in.Searchable = ctx.JSSrc().Get("checked").Bool() }),
					app.Label().Class("form-label").For("cv-searchable").Text("Mit CV må være søgbart for arbejdsgivere"),
				),
			),
		),
		app.Section().Aria("labelledby", "cv-link-heading").Body(
			app.H2().ID("cv-link-heading").Class("h3").Text("Link"),
			text("cv-link", "Link til fx din LinkedIn profil eller dit portfolio", "Begynder med https://", shared.FieldCVLink, "url", "url", &in.Link),
		),
		p.renderLanguages(),
		p.renderLicences(),
		app.Div().Class("jobnet-joblog-buttons").Body(
			app.Button().Type("submit").ID("cv-settings-save").Class("button button-primary").Disabled(p.state.busy).Text("Gem"),
			app.A().ID("cv-settings-cancel").Class("button button-secondary").Href(pathCV).Text("Annuller"),
		),
	)
}

func describedBy(show bool, id string) string {
	if show {
		return id
	}
	return ""
}

// renderLanguages is "Sprog": a row per language with its level.
func (p *cvSettingsPage) renderLanguages() app.UI {
	in := &p.in
	ferr := p.state.ferr
	return app.Section().Aria("labelledby", "cv-languages-heading").Body(
		app.H2().ID("cv-languages-heading").Class("h3").Text("Sprog"),
		app.Range(in.Languages).Slice(func(i int) app.UI {
			id := "cv-language-" + strconv.Itoa(i)
			levelMsg := ferr.field(fmt.Sprintf("languages[%d].level", i))
			sel := app.Select().ID(id+"-level").Class("form-select").
				OnChange(func(ctx app.Context, e app.Event) { in.Languages[i].Level = ui.InputValue(ctx) }).Body(
				app.Option().Value("").Selected(in.Languages[i].Level == "").Text("Vælg niveau"),
				app.Range(shared.CVLanguageLevels).Slice(func(j int) app.UI {
					o := shared.CVLanguageLevels[j]
					return app.Option().Value(o.Value).Selected(in.Languages[i].Level == o.Value).Text(o.Label)
				}),
			)
			if levelMsg != "" {
				sel = sel.Aria("describedby", id+"-level-error").Aria("invalid", "true")
			}
			return app.Div().ID(id).Class("jobnet-cv-language").Body(
				ui.Field(id+"-name").Label(fmt.Sprintf("Sprog %d", i+1)).Value(in.Languages[i].Language).
					Error(ferr.field(fmt.Sprintf("languages[%d].language", i))).
					OnInput(func(ctx app.Context, e app.Event) { in.Languages[i].Language = ui.InputValue(ctx) }),
				app.Div().Class(ui.FormGroupClass(levelMsg)).Body(
					app.Label().Class("form-label").For(id+"-level").Text(fmt.Sprintf("Niveau for sprog %d", i+1)),
					ui.FieldError(id+"-level", levelMsg),
					sel,
				),
				app.Button().Type("button").ID(id+"-remove").Class("button button-tertiary").
					OnClick(func(ctx app.Context, e app.Event) {
						in.Languages = slices.Delete(in.Languages, i, i+1)
						ui.FocusSoon(ctx, "cv-language-add")
					}).Text(fmt.Sprintf("Fjern sprog %d", i+1)),
			)
		}),
		app.Button().Type("button").ID("cv-language-add").Class("button button-secondary").Disabled(len(in.Languages) >= shared.CVMaxLanguages).
			OnClick(func(ctx app.Context, e app.Event) {
				in.Languages = append(in.Languages, shared.CVLanguage{})
				ui.FocusSoon(ctx, "cv-language-"+strconv.Itoa(len(in.Languages)-1)+"-name")
			}).Body(ui.Icon("plus", ""), app.Text("Tilføj sprog")),
	)
}

// renderLicences is "Kørekort": a checkbox per category.
func (p *cvSettingsPage) renderLicences() app.UI {
	in := &p.in
	return ui.Fieldset("cv-licences").Legend("Kørekort").Error(p.state.ferr.field(shared.FieldCVLicences)).Body(
		app.Range(shared.CVLicenceCategories).Slice(func(i int) app.UI {
			o := shared.CVLicenceCategories[i]
			id := "cv-licence-" + o.Value
			return app.Div().Class("form-group-checkbox").Body(
				app.Input().Type("checkbox").ID(id).Class("form-checkbox").Checked(slices.Contains(in.Licences, o.Value)).
					OnChange(func(ctx app.Context, e app.Event) {
						in.Licences = slices.DeleteFunc(in.Licences, func(v string) bool { return v == o.Value })
						if ctx.JSSrc().Get("checked").Bool() {
							in.Licences = append(in.Licences, o.Value)
						}
					}),
				app.Label().Class("form-label").For(id).Text(o.Label),
			)
		}),
	)
}

func (p *cvSettingsPage) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	err := p.in.Normalized().Check(p.cv.Enrolment())
	submitChecked(ctx, &p.state, err, p.in, api.SaveCVSettings, func(ctx app.Context, _ shared.CV) {
		ctx.Navigate(pathCV + "?gemt=1")
	})
}
