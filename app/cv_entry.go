package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// cvEntryPage is the form of one entry of Mit CV's folds: new
// (?fold=erhvervserfaring) or edited (?id=), where it can also be deleted
// after a confirmation. Periods are typed MM/ÅÅÅÅ, with "Nuværende" for a
// job or an education still going on; the form is judged by shared's
// rules here and again on the server, and keeps what was typed. A
// caseworker gets no form.
type cvEntryPage struct {
	app.Compo
	load pageLoad
	cv   shared.CV
	sess shared.Session

	id    int64 // 0: a new entry
	in    shared.CVEntryInput
	state formState

	confirming bool
	deleting   bool
}

func newCVEntryPage() *cvEntryPage { return &cvEntryPage{} }

func (p *cvEntryPage) OnMount(ctx app.Context) { ctx.ObserveState(stateSession, &p.sess) }

func (p *cvEntryPage) OnNav(ctx app.Context) {
	p.id, p.state, p.confirming, p.deleting = 0, formState{}, false, false
	q := ctx.Page().URL().Query()
	p.in = shared.CVEntryInput{Section: shared.CVExperience}
	if s := shared.CVSection(q.Get("fold")); s.Valid() {
		p.in.Section = s
	}
	if q.Get("id") == "" {
		p.load = pageLoad{st: loaded}
		return
	}
	id, err := strconv.ParseInt(q.Get("id"), 10, 64)
	if err != nil {
		p.load = pageLoad{st: loadingErr, err: shared.ErrCVEntryNotFound()}
		return
	}
	p.id = id
	fetchThen(ctx, &p.load, api.CV, &p.cv, func(ctx app.Context) {
		for _, s := range shared.CVSections {
			for _, e := range p.cv.Entries(shared.CVSection(s.Value)) {
				if e.ID == id {
					p.in = e.CVEntryInput
					return
				}
			}
		}
		p.load = pageLoad{st: loadingErr, err: shared.ErrCVEntryNotFound()}
	})
}

func (p *cvEntryPage) heading() string {
	if p.id != 0 {
		return "Redigér " + map[shared.CVSection]string{shared.CVExperience: "erhvervserfaring",
			shared.CVEducation: "uddannelse, kursus eller certificering", shared.CVQualification: "kvalifikation"}[p.in.Section]
	}
	return cvAddLabel[p.in.Section]
}

func (p *cvEntryPage) Render() app.UI {
	return newShell().Title(p.heading()).Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Jobsøgning", "Mit CV"),
		app.P().Body(app.A().ID("cv-back").Href(pathCV).Text("← Tilbage til Mit CV")),
		app.H1().Text(p.heading()),
		app.If(!p.sess.Actor.MayWrite() && p.sess.Actor.CitizenID != 0 && !app.IsServer, func() app.UI {
			return ui.InfoAlert("Du kan se borgerens CV, men ikke ændre det.")
		}).Else(func() app.UI {
			return p.load.view(ui.Waiting("Henter formularen …"), p.renderForm)
		}),
	)
}

// Element ids of the form.
const (
	idCVTitle = "cv-title"
	idCVSave  = "cv-save"
)

func (p *cvEntryPage) renderForm() app.UI {
	in := &p.in
	ferr := p.state.ferr
	text := func(id, label, hint, field string, dst *string) app.UI {
		return ui.Field(id).Label(label).Hint(hint).Value(*dst).Error(ferr.field(field)).
			OnInput(func(ctx app.Context, e app.Event) { *dst = ui.InputValue(ctx) })
	}
	labels := map[shared.CVSection][3]string{
		shared.CVExperience:    {"Stilling *", "Arbejdsgiver *", "Ansvar / arbejdsopgaver / resultater"},
		shared.CVEducation:     {"Uddannelse, kursus eller certificering *", "Uddannelsessted", "Beskrivelse"},
		shared.CVQualification: {"Kvalifikation *", "", "Beskrivelse"},
	}[in.Section]
	body := []app.UI{ferr.summary(), app.P().Class("form-hint").Text("Felter markeret med * skal udfyldes."),
		text(idCVTitle, labels[0], "", shared.FieldCVTitle, &in.Title)}
	if in.Section != shared.CVQualification {
		body = append(body,
			text("cv-organisation", labels[1], "", shared.FieldCVOrganisation, &in.Organisation),
			app.Div().Class("jobnet-cv-period-fields").Body(
				text("cv-from", "Fra (MM/ÅÅÅÅ) *", "Fx 03/2019", shared.FieldCVFrom, &in.From),
				ui.Slot("jobnet-cv-to", !in.Ongoing, func() app.UI {
					return text("cv-to", "Til (MM/ÅÅÅÅ) *", "Fx 12/2023", shared.FieldCVTo, &in.To)
				}),
			),
			app.Div().Class("form-group-checkbox").Body(
				app.Input().Type("checkbox").ID("cv-ongoing").Class("form-checkbox").Checked(in.Ongoing).
					OnChange(func(ctx app.Context, e app.Event) { in.Ongoing = ctx.JSSrc().Get("checked").Bool() }),
				app.Label().Class("form-label").For("cv-ongoing").Text(shared.CVOngoingLabel+" (jeg er her stadig)"),
			),
		)
	}
	body = append(body,
		ui.Field("cv-description").Label(labels[2]).Type("textarea").Rows(5).Value(in.Description).Error(ferr.field("description")).
			OnInput(func(ctx app.Context, e app.Event) { in.Description = ui.InputValue(ctx) }),
		app.Div().Class("jobnet-joblog-buttons").Body(
			app.Button().Type("submit").ID(idCVSave).Class("button button-primary").Disabled(p.state.busy).Text("Gem"),
			app.A().ID("cv-cancel").Class("button button-secondary").Href(pathCV).Text("Annuller"),
			app.If(p.id != 0, func() app.UI {
				return app.Button().Type("button").ID("cv-delete").Class("button button-tertiary").
					OnClick(func(ctx app.Context, e app.Event) { p.confirming = true; ui.FocusSoon(ctx, "cv-confirm-cancel") }).
					Body(ui.Icon("delete", ""), app.Text("Slet"))
			}),
		),
		ui.Slot("jobnet-cv-confirm", p.confirming, func() app.UI {
			return app.Div().ID("cv-confirm").Class("alert alert-warning").Role("group").Aria("labelledby", "cv-confirm-title").Body(
				ui.Icon("warning", "alert-icon"),
				app.Div().Class("alert-body").Body(
					app.H2().ID("cv-confirm-title").Class("alert-heading h4").Text("Vil du slette \""+in.Title+"\" fra dit CV?"),
					app.Div().Class("jobnet-joblog-buttons").Body(
						app.Button().Type("button").ID("cv-confirm-delete").Class("button button-primary").Disabled(p.deleting).
							OnClick(p.delete).Text("Ja, slet"),
						app.Button().Type("button").ID("cv-confirm-cancel").Class("button button-secondary").
							OnClick(func(ctx app.Context, e app.Event) { p.confirming = false; ui.FocusByID("cv-delete") }).Text("Annuller"),
					),
				),
			)
		}),
	)
	return app.Form().ID("cv-entry-form").Attr("novalidate", true).Aria("label", p.heading()).OnSubmit(p.submit).Body(body...)
}

func (p *cvEntryPage) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	today := shared.DateOf(api.Now())
	err := p.in.Normalized(today).Check(today)
	submitChecked(ctx, &p.state, err, api.CVEntrySave{ID: p.id, In: p.in}, api.SaveCVEntry, func(ctx app.Context, _ shared.CVEntry) {
		ctx.Navigate(pathCV + "?gemt=1")
	})
}

func (p *cvEntryPage) delete(ctx app.Context, e app.Event) {
	if p.deleting {
		return
	}
	p.deleting = true
	id := p.id
	ctx.Async(func() {
		err := api.DeleteCVEntry(ctx, id)
		ctx.Dispatch(func(ctx app.Context) {
			p.deleting = false
			if err != nil {
				p.confirming, p.state.ferr = false, asFormError(err)
				return
			}
			ctx.Navigate(pathCV + "?slettet=1")
		})
	})
}
