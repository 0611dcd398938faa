package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// educationStep is the uddannelsespålæg in Min Plan: only the current of
// four steps, by name and never by number (003_…txt "Uddannelseselementet";
// 002_…txt Bilag 1 and 3). In steps 1–3 the citizen saves along the way and
// sends to the caseworker; the answer is judged by shared's Check here and
// again on the server. In mirror mode the buttons are there and the server
// refuses with the read-only message, which the form shows (picture 18 in
// 000_…txt).
type educationStep struct {
	app.Compo
	IOrder *shared.EducationOrder
	IGoals []shared.EducationGoal
	IState *shared.EducationState

	draft shared.EducationAnswer
	state *shared.EducationState
	form  formState
	done  string // the last successful save, said in words
}

func newEducationStep() *educationStep { return &educationStep{} }

func (e *educationStep) Order(o *shared.EducationOrder) *educationStep { e.IOrder = o; return e }
func (e *educationStep) Goals(g []shared.EducationGoal) *educationStep { e.IGoals = g; return e }
func (e *educationStep) State(s *shared.EducationState) *educationStep { e.IState = s; return e }

// OnMount starts the draft from what was saved (for the a-kasse, which
// gets only what was sent: from that). In step 3 the places are always the
// ones agreed with the caseworker now, with what was saved about each.
func (e *educationStep) OnMount(ctx app.Context) {
	e.state = e.IState
	e.draft = shared.EducationAnswer{Step: e.IOrder.Step}
	switch {
	case e.state != nil && e.state.Answer.Step != 0:
		e.draft = e.state.Answer
	case e.state != nil && e.state.Sent != nil:
		e.draft = *e.state.Sent
	}
	if e.IOrder.Step == 3 {
		saved := e.draft.Places
		e.draft.Places = nil
		for _, name := range e.IOrder.Places {
			p := shared.EducationPlace{Name: name}
			if i := slices.IndexFunc(saved, func(s shared.EducationPlace) bool { return s.Name == name }); i >= 0 {
				p = saved[i]
			}
			e.draft.Places = append(e.draft.Places, p)
		}
	}
}

// edited forgets the last "Gemt"/"Sendt": it no longer tells the truth.
func (e *educationStep) edited() { e.done = "" }

// educationIntros say what each step asks; steps 2 and 3 in the words of
// 002_…txt Bilag 3, steps 1 and 4 in ours after them.
var educationIntros = []string{
	"Her skal du skrive, hvilke uddannelser du gerne vil tage. Du kan gemme dine ønsker undervejs. Når du er færdig, skal du sende ønskerne til din sagsbehandler, inden din frist udløber.",
	"Her skal du skrive, hvor du gerne vil tage din uddannelse. Du kan gemme dine ønsker undervejs. Når du er færdig, skal du sende ønskerne til din sagsbehandler, inden din frist udløber.",
	"Det næste skridt er, at du skal søge ind på den eller de uddannelser, som du og din sagsbehandler er blevet enige om. Det kan du ikke gøre her på Jobnet, men du skal gøre det inden fristen udløber. Fortæl her, hvor du har søgt, og hvad uddannelsesstedet har svaret.",
	"Din sagsbehandler har sendt en beskrivelse af dit uddannelsespålæg til dit kommende uddannelsessted.",
}

func (e *educationStep) Render() app.UI {
	o := e.IOrder
	step := max(1, min(4, o.Step))
	return app.Section().ID("education").Class("jobnet-plan-section jobnet-education").Aria("labelledby", "education-heading").Body(
		app.H2().ID("education-heading").Class("h3").Text(educationSteps[step-1]),
		app.Dl().Class("jobnet-education-meta").Body(
			app.Dt().Text("Frist"), app.Dd().Text(capitalize(o.Deadline.DanishWithWeekday())),
			app.Dt().Text("Sagsbehandler"), app.Dd().Text(o.Caseworker),
		),
		app.P().Text(educationIntros[step-1]),
		app.If(step < 4, e.renderForm),
	)
}

func (e *educationStep) renderForm() app.UI {
	send := "Send til sagsbehandler"
	if e.draft.Step == 3 {
		send = "Gem og send til sagsbehandler"
	}
	return app.Form().ID("education-form").Attr("novalidate", true).
		OnSubmit(func(ctx app.Context, ev app.Event) { ev.PreventDefault() }).Body(
		e.form.ferr.summary(),
		app.If(e.draft.Step == 1, e.renderWishes).
			ElseIf(e.draft.Step == 2, e.renderProposedPlaces).
			Else(e.renderApplications),
		app.If(e.draft.Step < 3, func() app.UI {
			label := "Derfor har jeg valgt disse uddannelser"
			if e.draft.Step == 2 {
				label = "Derfor har jeg valgt disse uddannelsessteder"
			}
			return ui.Field("edu-reason").Label(label).Rows(4).Value(e.draft.Reason).Error(e.form.ferr.field("reason")).
				OnInput(func(ctx app.Context, ev app.Event) {
					e.draft.Reason = ui.InputValue(ctx)
					e.edited()
				})
		}),
		app.Div().Class("jobnet-education-status").Aria("live", "polite").Body(
			app.If(e.done != "", func() app.UI { return ui.SuccessAlert(e.done) }).
				ElseIf(e.state != nil, func() app.UI { return app.P().Class("jobnet-counters-meta").Text(e.stateText()) }),
		),
		app.Div().Class("jobnet-plan-actions").Body(
			app.Button().Type("button").ID("edu-save").Class("button button-secondary").Disabled(e.form.busy).
				OnClick(e.save(false)).Text("Gem"),
			app.Button().Type("button").ID("edu-send").Class("button button-primary").Disabled(e.form.busy).
				OnClick(e.save(true)).Text(send),
		),
	)
}

func (e *educationStep) save(send bool) app.EventHandler {
	return func(ctx app.Context, ev app.Event) {
		in := e.draft
		e.done = ""
		submitChecked(ctx, &e.form, in.Check(e.IOrder, e.IGoals, send), in, func(ctx context.Context, in shared.EducationAnswer) (shared.EducationState, error) {
			return api.SaveEducation(ctx, in, send)
		}, func(ctx app.Context, st shared.EducationState) {
			e.state = &st
			e.done = "Gemt " + danishDateTime(st.SavedAt) + "."
			switch {
			case send:
				e.done = "Sendt til din sagsbehandler " + danishDateTime(*st.SentAt) + "."
			case st.SentAt != nil:
				e.done += " Ændringerne er ikke sendt til din sagsbehandler."
			}
		})
	}
}

// stateText says what was saved and sent before this visit's last save.
func (e *educationStep) stateText() string {
	st := e.state
	switch {
	case st.SentAt == nil:
		return "Gemt " + danishDateTime(st.SavedAt) + ". Ikke sendt endnu."
	case st.Answer.Step != 0 && st.Unsent():
		return "Sendt til din sagsbehandler " + danishDateTime(*st.SentAt) + ". Ændringer gemt " + danishDateTime(st.SavedAt) + " er ikke sendt."
	}
	return "Sendt til din sagsbehandler " + danishDateTime(*st.SentAt) + "."
}

// renderWishes is step 1: the educations the citizen proposes.
func (e *educationStep) renderWishes() app.UI {
	// The rows sit in a wrapper that is always there, so that "Tilføj"
	// keeps its place when the first row comes: go-app matches children by
	// position and drops the deferred focus of a button it replaced.
	return ui.Fieldset("edu-wishes").Legend("Dine uddannelsesønsker").Error(e.form.ferr.field("wishes")).Body(
		app.Div().Body(app.Range(e.draft.Wishes).Slice(func(i int) app.UI {
			id, label := fmt.Sprintf("edu-wish-%d", i), fmt.Sprintf("%d. uddannelsesønske", i+1)
			return e.row(id, label, "", "edu-add-wish", func() { e.draft.Wishes = append(e.draft.Wishes[:i:i], e.draft.Wishes[i+1:]...) },
				ui.Field(id).Label(label).Value(e.draft.Wishes[i].Title).Error(e.form.ferr.field(fmt.Sprintf("wishes[%d].title", i))).
					OnInput(func(ctx app.Context, ev app.Event) { e.draft.Wishes[i].Title = ui.InputValue(ctx); e.edited() }))
		})),
		ui.AddButton("edu-add-wish").Label("Tilføj uddannelsesønske").
			Limit(len(e.draft.Wishes) >= shared.EducationMaxWishes, fmt.Sprintf("Du kan højst have %d uddannelsesønsker.", shared.EducationMaxWishes)).
			OnAdd(func(ctx app.Context) {
				e.draft.Wishes = append(e.draft.Wishes, shared.EducationWish{})
				ui.FocusSoon(ctx, fmt.Sprintf("edu-wish-%d", len(e.draft.Wishes)-1))
			}),
	)
}

// renderProposedPlaces is step 2: per uddannelsesmål in priority order the
// places the citizen proposes, then places for no particular goal.
func (e *educationStep) renderProposedPlaces() app.UI {
	groups := make([]string, 0, len(e.IGoals)+1)
	for _, g := range e.IGoals {
		groups = append(groups, g.Title)
	}
	groups = append(groups, "")
	return ui.Fieldset("edu-places").Legend("Dine forslag til uddannelsessteder").Error(e.form.ferr.field("places")).Body(
		app.Range(groups).Slice(func(gi int) app.UI {
			goal := groups[gi]
			heading := "Andre uddannelsessteder"
			if goal != "" {
				heading = fmt.Sprintf("%d. prioriterede uddannelsesmål: %s", gi+1, goal)
			}
			var rows []app.UI
			n := 0
			for i, p := range e.draft.Places {
				if p.Goal != goal {
					continue
				}
				n++
				id, label := fmt.Sprintf("edu-place-%d", i), fmt.Sprintf("Uddannelsessted %d", n)
				errMsg := strings.TrimSpace(e.form.ferr.field(fmt.Sprintf("places[%d].name", i)) + " " + e.form.ferr.field(fmt.Sprintf("places[%d].goal", i)))
				rows = append(rows, e.row(id, label, heading, fmt.Sprintf("edu-add-place-%d", gi), func() { e.draft.Places = append(e.draft.Places[:i:i], e.draft.Places[i+1:]...) },
					ui.Field(id).Label(label).Value(p.Name).Error(errMsg).
						OnInput(func(ctx app.Context, ev app.Event) { e.draft.Places[i].Name = ui.InputValue(ctx); e.edited() })))
			}
			return app.Div().Class("jobnet-education-goal").Role("group").Aria("labelledby", fmt.Sprintf("edu-goal-%d", gi)).Body(
				app.H3().ID(fmt.Sprintf("edu-goal-%d", gi)).Class("h5").Text(heading),
				app.Div().Body(rows...),
				ui.AddButton(fmt.Sprintf("edu-add-place-%d", gi)).Label("Tilføj forslag til uddannelsessted").DescribedBy(fmt.Sprintf("edu-goal-%d", gi)).
					Limit(len(e.draft.Places) >= shared.EducationMaxPlaces, fmt.Sprintf("Du kan højst foreslå %d uddannelsessteder.", shared.EducationMaxPlaces)).
					OnAdd(func(ctx app.Context) {
						e.draft.Places = append(e.draft.Places, shared.EducationPlace{Goal: goal})
						ui.FocusSoon(ctx, fmt.Sprintf("edu-place-%d", len(e.draft.Places)-1))
					}),
			)
		}),
	)
}

// renderApplications is step 3: per agreed place, whether the application
// is sent and what the place answered.
func (e *educationStep) renderApplications() app.UI {
	return ui.Fieldset("edu-places").Legend("Dine ansøgninger").Error(e.form.ferr.field("places")).Body(
		app.If(len(e.IGoals) > 0, func() app.UI {
			return app.Ul().Class("jobnet-education-goals").Body(app.Range(e.IGoals).Slice(func(i int) app.UI {
				return app.Li().Text(fmt.Sprintf("%d. prioriterede uddannelsesmål: %s", i+1, e.IGoals[i].Title))
			}))
		}),
		app.Range(e.draft.Places).Slice(func(i int) app.UI {
			p := e.draft.Places[i]
			id := fmt.Sprintf("edu-answer-%d", i)
			answerErr := e.form.ferr.field(fmt.Sprintf("places[%d].answer", i))
			sel := app.Select().ID(id).Class("form-select").OnChange(func(ctx app.Context, ev app.Event) {
				e.draft.Places[i].Answer = shared.ApplicationAnswer(ui.InputValue(ctx))
				e.edited()
			}).Body(
				app.Option().Value("").Selected(p.Answer == "").Text("Vælg"),
				app.Range(shared.ApplicationAnswers).Slice(func(j int) app.UI {
					a := shared.ApplicationAnswers[j]
					return app.Option().Value(string(a)).Selected(p.Answer == a).Text(a.Label())
				}),
			)
			if answerErr != "" {
				sel = sel.Aria("invalid", "true").Aria("describedby", id+"-error")
			}
			return app.Div().Class("jobnet-education-place").Role("group").Aria("labelledby", fmt.Sprintf("edu-place-name-%d", i)).Body(
				app.H3().ID(fmt.Sprintf("edu-place-name-%d", i)).Class("h5").Text(p.Name),
				ui.FieldError(fmt.Sprintf("edu-place-%d", i), e.form.ferr.field(fmt.Sprintf("places[%d].name", i))),
				app.Div().Class("form-group-checkbox").Body(
					app.Input().Type("checkbox").ID(fmt.Sprintf("edu-applied-%d", i)).Class("form-checkbox").Checked(p.Applied).
						OnChange(func(ctx app.Context, ev app.Event) {
							e.draft.Places[i].Applied = ctx.JSSrc().Get("checked").Bool()
							e.edited()
						}),
					app.Label().Class("form-label").For(fmt.Sprintf("edu-applied-%d", i)).Text("Ja, jeg har sendt ansøgningen til uddannelsesstedet"),
				),
				app.Div().Class(ui.FormGroupClass(answerErr)).Body(
					app.Label().Class("form-label").For(id).Text("Svar fra uddannelsesstedet"),
					ui.FieldError(id, answerErr),
					sel,
				),
			)
		}),
	)
}

// row is one input (id, labelled label) of a list with its "Fjern" button,
// whose name says which input it removes (and, with group, in which
// group). Removing gives the focus to the list's "Tilføj" button (addID)
// first, while the row is still there: go-app drops deferred work of an
// element that is gone.
func (e *educationStep) row(id, label, group, addID string, remove func(), input ui.IField) app.UI {
	name := "Fjern " + strings.ToLower(label[:1]) + label[1:]
	if group != "" {
		name += " under " + group
	}
	return app.Div().Class("jobnet-education-row").Body(
		input,
		app.Button().Type("button").ID(id+"-remove").Class("button button-tertiary").Aria("label", name).
			OnClick(func(ctx app.Context, ev app.Event) {
				ui.FocusByID(addID)
				remove()
				e.form.ferr = formError{} // the messages' paths no longer match the rows
			}).Text("Fjern"),
	)
}
