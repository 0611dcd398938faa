package app

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// jobSeekingPage is "Jeg søger job som" (SPEC C2; 000_…txt Billede 7): the
// occupations the citizen seeks work as, each with "Redigér", "TILFØJ JOB
// +" with suggestions from the third character over titles and aliases,
// and "Ansættelsesbetingelser" with its own "Redigér". An occupation with
// live ads within 50 km of home gets a "Find job" button to Find Job's
// search [003: "så fremkommer en knap, der ved klik udfører søgningen på
// Find Job"]. Every form is judged by shared's rules here and again on the
// server, and keeps what was typed. A caseworker sees the page without
// its controls (002_…txt 3.1: "du kan ikke redigere i jobmålene").
type jobSeekingPage struct {
	app.Compo
	load pageLoad
	data shared.JobSeeking
	sess shared.Session

	// "TILFØJ JOB +": the occupation as typed, as chosen (addForm's
	// OccupationID and Alias) and the suggestions for what is typed.
	adding      bool
	addText     string
	addForm     shared.OccupationForm
	suggestions shared.Suggestions
	add         formState

	// "Redigér" of one occupation (its id; 0 for none).
	editing  int
	editForm shared.OccupationForm
	edit     formState

	// "Redigér" of Ansættelsesbetingelser.
	editingConditions bool
	conditions        shared.EmploymentConditions
	cond              formState

	done string // the last change, said
}

func newJobSeekingPage() *jobSeekingPage { return &jobSeekingPage{} }

func (p *jobSeekingPage) OnMount(ctx app.Context) {
	ctx.ObserveState(stateSession, &p.sess)
}

func (p *jobSeekingPage) OnNav(ctx app.Context) {
	p.adding, p.editing, p.editingConditions, p.done = false, 0, false, ""
	fetchInto(ctx, &p.load, api.JobSeeking, &p.data)
}

// mayWrite: only the citizen changes the list; the server refuses
// caseworkers in any case.
func (p *jobSeekingPage) mayWrite() bool { return p.sess.Actor.MayWrite() }

// today is the server's day.
func (p *jobSeekingPage) today() shared.Date { return shared.DateOf(api.Now()) }

// Element ids.
const (
	idAddButton      = "seeking-add"
	idOccupation     = "seeking-occupation"
	idConditionsEdit = "conditions-edit"
)

func editButtonID(occupationID int) string { return fmt.Sprintf("seeking-%d-edit", occupationID) }

func (p *jobSeekingPage) Render() app.UI {
	return newShell().Title("Jeg søger job som").Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Jobsøgning", "Jeg søger job som"),
		app.H1().Text("Jeg søger job som"),
		app.P().Text("Her skal du skrive de typer job, du søger. Det er vigtigt, at du vælger job, som du umiddelbart kan varetage - det vil sige stillinger, hvor du har den rigtige uddannelse, erhvervserfaring eller på anden måde de faglige kvalifikationer, der skal bruges i jobbet."),
		app.P().Text("Når du har tilføjet de jobtyper, som du søger, sker der tre ting:"),
		app.Ul().Body(
			app.Li().Text("Arbejdsgiverne kan finde dit CV ved at søge på de job du har angivet"),
			app.Li().Text("Når arbejdsgiverne ser dit CV, så ser de også hvad du søger job som, samt dine ansættelsesbetingelser"),
			app.Li().Text("På forsiden foreslår Jobnet dig de jobannoncer, der passer til dig ud fra de jobtyper, du har valgt"),
		),
		p.load.view(ui.Waiting("Henter dine job …"), p.renderPage),
	)
}

func (p *jobSeekingPage) renderPage() app.UI {
	write := p.mayWrite()
	return app.Div().Class("jobnet-seeking").Body(
		ui.Slot("jobnet-form-success", p.done != "", func() app.UI { return ui.SuccessAlert(p.done) }),
		app.Section().Aria("labelledby", "seeking-heading").Body(
			app.H2().ID("seeking-heading").Text("Hvad søger jeg som?"),
			app.If(p.data.MustKeepOne, func() app.UI {
				return app.P().Class("jobnet-seeking-duty").Text("Du har pligt til at være aktivt jobsøgende og skal altid have mindst ét job her.")
			}),
			app.If(len(p.data.Occupations) == 0, func() app.UI {
				return app.P().Class("jobnet-seeking-empty").Text("Du har ikke tilføjet nogen job endnu.")
			}),
			app.Ul().Class("jobnet-seeking-list").Body(
				app.Range(p.data.Occupations).Slice(func(i int) app.UI { return p.renderOccupation(p.data.Occupations[i], write) }),
			),
			app.If(write, p.renderAdd),
		),
		p.renderConditions(write),
	)
}

// renderOccupation is one entry: its name (with the alias it was chosen
// by), "Redigér", whether it is udgået, its details or their form, and
// "Find job".
func (p *jobSeekingPage) renderOccupation(o shared.SoughtOccupation, write bool) app.UI {
	id := fmt.Sprintf("seeking-%d", o.OccupationID)
	editing := write && p.editing == o.OccupationID
	return app.Li().ID(id).Class("jobnet-seeking-item").Body(
		app.Div().Class("jobnet-seeking-head").Body(
			app.H3().ID(id+"-title").Class("h4").Text(o.Label()),
			app.If(write, func() app.UI {
				return app.Button().Type("button").ID(editButtonID(o.OccupationID)).Class("button button-unstyled jobnet-seeking-edit").
					Aria("expanded", strconv.FormatBool(editing)).Aria("controls", id+"-details").
					OnClick(p.openEdit(o), app.EventScope(strconv.Itoa(o.OccupationID))).Body(
					ui.Icon("edit", ""), app.Text("Redigér"), app.Span().Class("sr-only").Text(" "+o.Label()))
			}),
		),
		ui.Slot("jobnet-seeking-discontinued", o.Discontinued, func() app.UI {
			text := "Stillingen er udgået og kan ikke længere bruges, når du tilmelder dig."
			if o.ReplacedBy != nil {
				text += " Den er erstattet af " + o.ReplacedBy.Title + "."
			}
			return app.Div().Class("alert alert-warning").Body(
				ui.Icon("warning", "alert-icon"),
				app.Div().Class("alert-body").Body(app.P().Class("alert-text").Body(app.Strong().Text("Udgået: "), app.Text(text))),
			)
		}),
		app.Div().ID(id+"-details").Body(
			app.If(editing, p.renderEditForm).Else(func() app.UI { return occupationDetails(o) }),
		),
		ui.Slot("jobnet-seeking-findjob", o.NearbyAds > 0 && p.data.HomePostcode != "", func() app.UI {
			return app.A().Class("button button-secondary jobnet-seeking-findjob").Href(findJobHref(o, p.data.HomePostcode)).Body(
				app.Text("Find job"), app.Span().Class("sr-only").Text(fmt.Sprintf(" som %s inden for %d km", o.Title, shared.FindJobRadiusKm)))
		}),
	)
}

// occupationDetails is "Uddannet", "Erfaring" and "Sidst arbejdet i
// faget" as Billede 7 shows them.
func occupationDetails(o shared.SoughtOccupation) app.UI {
	educated, experience := "Nej", "Ikke angivet"
	if o.Educated {
		educated = "Ja"
	}
	if o.Experience != nil {
		experience = o.Experience.Text()
	}
	details := []app.UI{detail("Uddannet:", educated), detail("Erfaring:", experience)}
	if o.Experience != nil {
		details = append(details, detail("Sidst arbejdet i faget:", strconv.Itoa(o.Experience.LastWorked)))
	}
	return app.Dl().Class("jobnet-seeking-details").Body(details...)
}

// detail is one term of a description list with its value.
func detail(term, value string) app.UI {
	return app.Div().Class("jobnet-seeking-detail").Body(app.Dt().Text(term), app.Dd().Text(value))
}

// findJobHref is Find Job's search for the occupation's title within
// 50 km of home, saying where it was started from (003_…txt
// «Jobsøgningsdata»: "Find Job startet fra … Jeg søger job som").
func findJobHref(o shared.SoughtOccupation, home string) string {
	return findJobSearchHref(shared.JobSearch{Q: o.Title, Postcode: home, Km: shared.FindJobRadiusKm, From: "jeg-soeger-job-som"})
}

// renderAdd is "TILFØJ JOB +" and, opened, its form.
func (p *jobSeekingPage) renderAdd() app.UI {
	full := len(p.data.Occupations) >= shared.MaxSoughtOccupations
	btn := app.Button().Type("button").ID(idAddButton).Class("button button-tertiary jobnet-seeking-add").
		Aria("expanded", strconv.FormatBool(p.adding)).Aria("controls", "seeking-add-form").OnClick(p.openAdd).
		Body(app.Text("TILFØJ JOB"), ui.Icon("plus", ""))
	if full {
		btn = btn.Aria("disabled", "true").Aria("describedby", idAddButton+"-limit")
	}
	return app.Div().Class("jobnet-seeking-adding").Body(
		btn,
		app.Span().ID(idAddButton+"-limit").Class("form-hint").Body(app.If(full, func() app.UI {
			return app.Text(fmt.Sprintf("Du kan højst have %d job.", shared.MaxSoughtOccupations))
		})),
		ui.Slot("jobnet-seeking-add-slot", p.adding, func() app.UI {
			options := make([]string, len(p.suggestions))
			for i, s := range p.suggestions {
				options[i] = s.Label
			}
			return app.Form().ID("seeking-add-form").Class("jobnet-seeking-form").Attr("novalidate", true).
				Aria("label", "Tilføj job").OnSubmit(p.submitAdd).Body(
				p.add.ferr.summary(),
				ui.Combobox(idOccupation).Label("Stilling").Hint("Skriv mindst 3 bogstaver, og vælg stillingen på listen.").
					Value(p.addText).Options(options).Error(p.add.ferr.field(shared.FieldOccupation)).
					OnInput(p.typed).OnChoose(p.chose),
				p.detailFields("seeking-add", &p.addForm, p.add.ferr),
				app.Div().Class("jobnet-seeking-actions").Body(
					app.Button().Type("submit").ID("seeking-add-save").Class("button button-primary").Disabled(p.add.busy).Text("Tilføj"),
					app.Button().Type("button").Class("button button-secondary").OnClick(p.cancelAdd).Text("Annuller"),
				),
			)
		}),
	)
}

// detailFields are the fields of an occupation's details, with ids
// beginning with prefix, writing to form.
func (p *jobSeekingPage) detailFields(prefix string, form *shared.OccupationForm, ferr formError) app.UI {
	radio := func(value, label string) app.UI {
		id := prefix + "-educated-" + value
		return app.Div().Class("form-group-radio").Body(
			app.Input().Type("radio").ID(id).Name(prefix+"-educated").Class("form-radio").Value(value).
				Checked(form.Educated == value).OnChange(func(ctx app.Context, e app.Event) { form.Educated = value }),
			app.Label().Class("form-label").For(id).Text(label),
		)
	}
	number := func(id, label, field string, dst *string) app.UI {
		return ui.Field(id).Label(label).InputMode("numeric").Value(*dst).Error(ferr.field(field)).
			OnInput(func(ctx app.Context, e app.Event) { *dst = ui.InputValue(ctx) })
	}
	return app.Div().Body(
		ui.Fieldset(prefix+"-educated").Legend("Uddannet").Error(ferr.field(shared.FieldEducated)).Body(
			radio("ja", "Ja"), radio("nej", "Nej"),
		),
		ui.Fieldset(prefix+"-experience").Legend("Erfaring").Body(
			app.P().Class("form-hint").Text("Har du erfaring fra faget, så skriv hvor mange år og måneder og hvilket år, du sidst arbejdede i faget."),
			app.Div().Class("jobnet-seeking-numbers").Body(
				number(prefix+"-years", "År", shared.FieldExperienceYears, &form.Years),
				number(prefix+"-months", "Måneder", shared.FieldExperienceMonths, &form.Months),
			),
			number(prefix+"-last-worked", "Sidst arbejdet i faget (årstal)", shared.FieldLastWorked, &form.LastWorked),
		),
	)
}

func (p *jobSeekingPage) openAdd(ctx app.Context, e app.Event) {
	if len(p.data.Occupations) >= shared.MaxSoughtOccupations {
		return
	}
	if !p.adding {
		p.adding, p.editing, p.done = true, 0, ""
		p.addText, p.addForm, p.suggestions, p.add = "", shared.OccupationForm{}, nil, formState{}
	}
	ui.FocusSoon(ctx, idOccupation)
}

func (p *jobSeekingPage) cancelAdd(ctx app.Context, e app.Event) {
	ui.FocusByID(idAddButton)
	p.adding = false
}

// typed asks for the suggestions of what is typed, from the third
// character; an answer for text typed before is dropped. Typing forgets
// the occupation chosen.
func (p *jobSeekingPage) typed(ctx app.Context, text string) {
	p.addText, p.addForm.OccupationID, p.addForm.Alias = text, 0, ""
	if len([]rune(strings.TrimSpace(text))) < shared.SuggestMinChars {
		p.suggestions = nil
		return
	}
	ctx.Async(func() {
		s, err := api.SuggestOccupations(ctx, text)
		ctx.Dispatch(func(app.Context) {
			if err == nil && text == p.addText {
				p.suggestions = s
			}
		})
	})
}

// chose takes suggestion i: its occupation, and the alias of an alias
// suggestion ("Vælger borger Fiskekok, så vælges implicit Kok").
func (p *jobSeekingPage) chose(ctx app.Context, i int) {
	if i >= len(p.suggestions) {
		return
	}
	s := p.suggestions[i]
	id, err := strconv.Atoi(s.Value)
	if err != nil {
		return
	}
	p.addText, p.addForm.OccupationID, p.addForm.Alias = s.Label, id, ""
	if s.Kind == shared.SuggestAlias {
		p.addForm.Alias = shared.AliasOfLabel(s.Label)
	}
	p.suggestions = nil
}

func (p *jobSeekingPage) submitAdd(ctx app.Context, e app.Event) {
	e.PreventDefault()
	in, err := p.addForm.Input(p.today())
	if err == nil {
		err = p.data.CheckAdd(in, p.today())
	}
	p.done = ""
	label := p.addText
	submitChecked(ctx, &p.add, err, in, api.AddSoughtOccupation, func(ctx app.Context, js shared.JobSeeking) {
		ui.FocusByID(idAddButton)
		p.data, p.adding, p.done = js, false, label+" er tilføjet."
	})
}

// openEdit opens the occupation's "Redigér", or closes it.
func (p *jobSeekingPage) openEdit(o shared.SoughtOccupation) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.done = ""
		if p.editing == o.OccupationID {
			p.editing = 0
			return
		}
		p.editing, p.adding, p.editForm, p.edit = o.OccupationID, false, shared.OccupationFormOf(o), formState{}
		ui.FocusSoon(ctx, "seeking-edit-educated-"+p.editForm.Educated)
	}
}

// editedOccupation is the occupation whose "Redigér" is open.
func (p *jobSeekingPage) editedOccupation() (shared.SoughtOccupation, bool) {
	for _, o := range p.data.Occupations {
		if o.OccupationID == p.editing {
			return o, true
		}
	}
	return shared.SoughtOccupation{}, false
}

func (p *jobSeekingPage) renderEditForm() app.UI {
	o, _ := p.editedOccupation()
	removeErr := p.edit.ferr.field(shared.FieldOccupation)
	remove := app.Button().Type("button").ID("seeking-edit-remove").Class("button button-secondary jobnet-seeking-remove").
		Disabled(p.edit.busy).OnClick(p.remove).Body(ui.Icon("delete", ""), app.Text("Fjern"), app.Span().Class("sr-only").Text(" "+o.Label()))
	if removeErr != "" {
		remove = remove.Aria("describedby", "seeking-edit-remove-error")
	}
	return app.Form().ID("seeking-edit-form").Class("jobnet-seeking-form").Attr("novalidate", true).
		Aria("label", "Redigér "+o.Label()).OnSubmit(p.submitEdit).Body(
		p.edit.ferr.summary(),
		p.detailFields("seeking-edit", &p.editForm, p.edit.ferr),
		app.Div().Class(ui.FormGroupClass(removeErr)).Body(ui.FieldError("seeking-edit-remove", removeErr)),
		app.Div().Class("jobnet-seeking-actions").Body(
			app.Button().Type("submit").ID("seeking-edit-save").Class("button button-primary").Disabled(p.edit.busy).Text("Gem"),
			app.Button().Type("button").Class("button button-secondary").OnClick(p.cancelEdit).Text("Annuller"),
			remove,
		),
	)
}

func (p *jobSeekingPage) cancelEdit(ctx app.Context, e app.Event) {
	ui.FocusByID(editButtonID(p.editing))
	p.editing = 0
}

func (p *jobSeekingPage) submitEdit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	o, ok := p.editedOccupation()
	if !ok {
		return
	}
	in, err := p.editForm.Input(p.today())
	p.done = ""
	submitChecked(ctx, &p.edit, err, in, api.UpdateSoughtOccupation, func(ctx app.Context, js shared.JobSeeking) {
		ui.FocusByID(editButtonID(o.OccupationID))
		p.data, p.editing, p.done = js, 0, "Dine oplysninger om "+o.Label()+" er gemt."
	})
}

// remove removes the occupation whose "Redigér" is open; the last one
// stays for a citizen with a duty to seek work, with the message at
// "Fjern".
func (p *jobSeekingPage) remove(ctx app.Context, e app.Event) {
	o, ok := p.editedOccupation()
	if !ok {
		return
	}
	p.done = ""
	submitChecked(ctx, &p.edit, p.data.CheckRemove(), o.OccupationID, api.RemoveSoughtOccupation, func(ctx app.Context, js shared.JobSeeking) {
		ui.FocusByID(idAddButton)
		p.data, p.editing, p.done = js, 0, o.Label()+" er fjernet."
	})
}

// renderConditions is "Ansættelsesbetingelser" with its "Redigér".
func (p *jobSeekingPage) renderConditions(write bool) app.UI {
	editing := write && p.editingConditions
	return app.Section().Class("jobnet-seeking-conditions").Aria("labelledby", "conditions-heading").Body(
		app.Div().Class("jobnet-seeking-head").Body(
			app.H2().ID("conditions-heading").Text("Ansættelsesbetingelser"),
			app.If(write, func() app.UI {
				return app.Button().Type("button").ID(idConditionsEdit).Class("button button-unstyled jobnet-seeking-edit").
					Aria("expanded", strconv.FormatBool(editing)).Aria("controls", "conditions-details").OnClick(p.openConditions).Body(
					ui.Icon("edit", ""), app.Text("Redigér"), app.Span().Class("sr-only").Text(" ansættelsesbetingelser"))
			}),
		),
		app.Div().ID("conditions-details").Body(
			app.If(editing, p.renderConditionsForm).Else(func() app.UI {
				workingTime, start := "Ikke angivet", "Ikke angivet"
				if c := p.data.Conditions; c != nil {
					workingTime, start = shared.OptionLabel(shared.WorkingTimeOptions, string(c.WorkingTime)), c.StartText()
				}
				return app.Dl().Class("jobnet-seeking-details").Body(
					detail("Ugentlig arbejdstid:", workingTime), detail("Ansættelsesstart:", start))
			}),
		),
	)
}

func (p *jobSeekingPage) openConditions(ctx app.Context, e app.Event) {
	p.done = ""
	if p.editingConditions {
		p.editingConditions = false
		return
	}
	p.editingConditions, p.conditions, p.cond = true, shared.EmploymentConditions{}, formState{}
	if c := p.data.Conditions; c != nil {
		p.conditions = *c
	}
	ui.FocusSoon(ctx, "conditions-working-time-"+string(shared.FullTimeJob))
}

func (p *jobSeekingPage) renderConditionsForm() app.UI {
	c := &p.conditions
	checkbox := func(id, label string, dst *bool) app.UI {
		return app.Div().Class("form-group-checkbox").Body(
			app.Input().Type("checkbox").ID(id).Class("form-checkbox").Checked(*dst).
				OnChange(func(ctx app.Context, e app.Event) { *dst = ctx.JSSrc().Get("checked").Bool() }),
			app.Label().Class("form-label").For(id).Text(label),
		)
	}
	return app.Form().ID("conditions-form").Class("jobnet-seeking-form").Attr("novalidate", true).
		Aria("label", "Redigér ansættelsesbetingelser").OnSubmit(p.submitConditions).Body(
		p.cond.ferr.summary(),
		ui.Fieldset("conditions-working-time").Legend("Ugentlig arbejdstid").Error(p.cond.ferr.field(shared.FieldWorkingTime)).Body(
			app.Range(shared.WorkingTimeOptions).Slice(func(i int) app.UI {
				o := shared.WorkingTimeOptions[i]
				id := "conditions-working-time-" + o.Value
				return app.Div().Class("form-group-radio").Body(
					app.Input().Type("radio").ID(id).Name("conditions-working-time").Class("form-radio").Value(o.Value).
						Checked(string(c.WorkingTime) == o.Value).
						OnChange(func(ctx app.Context, e app.Event) { c.WorkingTime = shared.WorkingTime(o.Value) }),
					app.Label().Class("form-label").For(id).Text(o.Label),
				)
			}),
		),
		ui.Fieldset("conditions-start").Legend("Ansættelsesstart").Error(p.cond.ferr.field(shared.FieldStart)).Body(
			app.P().Class("form-hint").Text("Du kan vælge begge."),
			checkbox("conditions-start-asap", "Hurtigst muligt", &c.StartASAP),
			checkbox("conditions-start-agreement", "Efter aftale", &c.StartByAgreement),
		),
		app.Div().Class("jobnet-seeking-actions").Body(
			app.Button().Type("submit").ID("conditions-save").Class("button button-primary").Disabled(p.cond.busy).Text("Gem"),
			app.Button().Type("button").Class("button button-secondary").OnClick(func(ctx app.Context, e app.Event) {
				ui.FocusByID(idConditionsEdit)
				p.editingConditions = false
			}).Text("Annuller"),
		),
	)
}

func (p *jobSeekingPage) submitConditions(ctx app.Context, e app.Event) {
	e.PreventDefault()
	in := p.conditions
	p.done = ""
	submitChecked(ctx, &p.cond, in.Check(), in, api.SaveEmploymentConditions, func(ctx app.Context, js shared.JobSeeking) {
		ui.FocusByID(idConditionsEdit)
		p.data, p.editingConditions, p.done = js, false, "Dine ansættelsesbetingelser er gemt."
	})
}
