package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// minPlanPage is "Planer og aftaler → Min plan" (SPEC D1–D3): the elements
// the citizen's plan holds, in the sources' order, the timeline, print and
// PDF. The server sends the a-kasse its projection; the page only greys the
// integration contract out for it.
type minPlanPage struct {
	app.Compo
	load        pageLoad
	view        shared.PlanView
	sess        shared.Session
	showChanges bool
	firstClosed bool   // the first-plan box closed for this visit
	boxErr      string // a refused "Vis ikke denne besked igen"
}

func newMinPlanPage() *minPlanPage { return &minPlanPage{} }

// goalSearch is Find Job's address for a jobmål: its occupation as the
// free text, started from Min Plan.
func goalSearch(g shared.JobGoal) string {
	return findJobSearchHref(shared.JobSearch{Q: g.Title, From: "min-plan"})
}

func (p *minPlanPage) OnMount(ctx app.Context) { ctx.ObserveState(stateSession, &p.sess) }

func (p *minPlanPage) OnNav(ctx app.Context) {
	fetchInto(ctx, &p.load, api.Plan, &p.view)
}

func (p *minPlanPage) Render() app.UI {
	return newShell().Title("Min plan").Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Planer og aftaler", "Min plan"),
		app.H1().Text("Min plan"),
		p.load.view(ui.Waiting("Henter din plan …"), func() app.UI {
			if p.view.Plan == nil {
				return ui.InfoAlert("Du har ingen plan endnu. Din plan bliver lavet sammen med din sagsbehandler i jobcentret eller a-kassen.")
			}
			return p.renderPlan()
		}),
	)
}

func (p *minPlanPage) renderPlan() app.UI {
	pl := p.view.Plan
	akasse := p.sess.Actor.Role == shared.RoleAKasse
	description := "For at nå mit mål, har vi aftalt"
	if pl.Type == shared.PlanEducation {
		description = "Din sagsbehandlers kommentar til dig"
	}
	return app.Div().Class("jobnet-minplan").Body(
		app.P().Class("jobnet-counters-meta").Text("Planen er senest ændret "+p.view.Published.Danish()+"."),
		app.Div().Class("jobnet-plan-actions d-print-none").Body(
			app.A().ID("plan-pdf").Class("button button-secondary").Href(shared.APIPlanPDF).Attr("download", "min-plan.pdf").Text("Hent som PDF"),
			app.Button().Type("button").ID("plan-print").Class("button button-tertiary").
				OnClick(func(ctx app.Context, e app.Event) { app.Window().Call("print") }).Text("Udskriv"),
			// On the first visit after a publication the changes are shown
			// in the page (below); later, on demand.
			app.If(len(p.view.Changes) > 0 && !p.view.NewVersion, func() app.UI {
				return app.Button().Type("button").ID("plan-changes").Class("button button-tertiary").Aria("haspopup", "dialog").
					OnClick(func(ctx app.Context, e app.Event) {
						p.showChanges = true
						ui.OpenModal(ctx, "changes-dialog")
					}).Text("Seneste ændringer")
			}),
		),
		app.Div().Class("jobnet-plan-notices").Body(
			app.If(p.view.FirstPlan && !p.firstClosed, p.renderFirstPlanBox).
				ElseIf(p.view.NewVersion && len(p.view.Changes) > 0, func() app.UI {
					return app.Div().ID("plan-new-version").Class("alert alert-info").Role("status").Body(
						ui.Icon("info", "alert-icon"),
						app.Div().Class("alert-body").Body(
							app.H2().Class("alert-heading h4").Text("Din plan er ændret"),
							app.P().Class("alert-text").Text("Følgende er ændret, siden du sidst så din plan:"),
							p.renderChanges(),
						),
					)
				}),
		),
		// "Seneste ændringer" on later visits: the same list as a dialog.
		ui.Slot("jobnet-changes-dialog", p.showChanges, func() app.UI {
			return ui.Modal("changes-dialog").Title("Seneste ændringer i din plan").OnClose(func(ctx app.Context) {
				ui.FocusByID("plan-changes")
				p.showChanges = false
			}).Body(app.P().Text("Følgende er ændret i den seneste udgave af din plan, udgivet "+p.view.Published.Danish()+":"), p.renderChanges())
		}),
		app.If(pl.IntegrationContract, func() app.UI { return contractBox(akasse) }),
		app.If(len(pl.JobGoals) > 0, func() app.UI {
			return section("Jobmål", app.Ul().Class("jobnet-goals").Body(app.Range(pl.JobGoals).Slice(func(i int) app.UI {
				g := pl.JobGoals[i]
				return app.Li().Body(app.Strong().Text(g.Title),
					app.If(g.AgreedWith != "", func() app.UI { return app.Span().Text(" · Aftalt med " + g.AgreedWith) }),
					// "FIND JOB →" after each jobmål (000 Billede 13): Find Job
					// with the occupation, not for a free-text jobfunktion.
					app.If(!g.Function, func() app.UI {
						return app.A().ID("goal-"+strconv.Itoa(i)+"-findjob").Class("jobnet-goal-findjob").Href(goalSearch(g)).Body(
							app.Span().Body(app.Text("Find job"), app.Span().Class("sr-only").Text(" som "+g.Title)), ui.Icon("arrow-forward", ""))
					}))
			})))
		}),
		app.If(len(pl.EducationGoals) > 0, func() app.UI {
			return section("Uddannelsesmål", app.Ol().Body(app.Range(pl.EducationGoals).Slice(func(i int) app.UI {
				return app.Li().Text(pl.EducationGoals[i].Title)
			})))
		}),
		app.If(pl.Description != "", func() app.UI { return section(description, app.P().Text(pl.Description)) }),
		app.If(pl.EducationOrder != nil, func() app.UI {
			return newEducationStep().Order(pl.EducationOrder).Goals(pl.EducationGoals).State(p.view.Education)
		}),
		app.If(pl.JobcenterAgreement != nil, func() app.UI { return agreement("Seneste aftale med jobcenter", pl.JobcenterAgreement) }),
		app.If(pl.AKasseAgreement != nil, func() app.UI { return agreement("Seneste aftale med a-kasse", pl.AKasseAgreement) }),
		newTimelineView().Items(pl.Items),
		// Under the timeline [002 Bilag 1]: "> Gå til kalender".
		app.P().Class("jobnet-plan-calendar-link d-print-none").Body(
			app.A().ID("plan-kalender").Class("function-link").Href(pathKalender).Text("Gå til kalender"),
		),
		app.If(len(p.view.Nudges) > 0, func() app.UI { return nudges(p.view.Nudges) }),
	)
}

// nudges are the nudging elements at the bottom of the plan (SPEC D1).
func nudges(ns []shared.PlanNudge) app.UI {
	return app.Section().Class("jobnet-nudges d-print-none").Aria("label", "Det kan du også").Body(
		app.Range(ns).Slice(func(i int) app.UI {
			n := ns[i]
			link := app.A().Class("function-link").Href(n.Href).Text(n.Link)
			return app.Div().Class("jobnet-nudge").Body(
				app.H2().Class("h4").Text(n.Title),
				app.P().Text(n.Text),
				app.P().Body(link, app.If(n.External, func() app.UI {
					return app.Span().Class("jobnet-counters-meta").Text(" (en anden hjemmeside)")
				})),
			)
		}),
	)
}

// renderFirstPlanBox welcomes the first plan; "Vis ikke denne besked igen"
// is remembered on the server, "Luk" only for this visit (SPEC D1).
func (p *minPlanPage) renderFirstPlanBox() app.UI {
	return app.Div().ID("plan-first").Class("alert alert-info").Role("status").Body(
		ui.Icon("info", "alert-icon"),
		app.Div().Class("alert-body").Body(
			app.H2().Class("alert-heading h4").Text("Du har fået en plan"),
			app.P().Class("alert-text").Text("Her kan du se dine mål og de indsatser og aftaler, du og din sagsbehandler har lavet. Planen bliver opdateret, når der sker ændringer."),
			ui.ErrorSlot("jobnet-box-error", p.boxErr),
			app.Button().Type("button").ID("plan-first-dismiss").Class("button button-secondary").OnClick(p.dismissFirst).Text("Vis ikke denne besked igen"),
			app.Button().Type("button").ID("plan-first-close").Class("button button-tertiary").
				OnClick(func(ctx app.Context, e app.Event) { p.firstClosed = true }).Text("Luk"),
		),
	)
}

func (p *minPlanPage) dismissFirst(ctx app.Context, e app.Event) {
	ctx.Async(func() {
		err := api.DismissFirstPlanBox(ctx)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.boxErr = shared.ErrorMessageOf(err)
				return
			}
			p.firstClosed = true
		})
	})
}

func (p *minPlanPage) renderChanges() app.UI {
	return app.Ul().Class("jobnet-changes").Body(app.Range(p.view.Changes).Slice(func(i int) app.UI {
		c := p.view.Changes[i]
		return app.Li().Text(c.Element + ": " + c.Title + " (" + string(c.Kind) + ")")
	}))
}

// educationSteps are the four steps of the uddannelsespålæg (003_…txt,
// 002_…txt Bilag 1).
var educationSteps = []string{
	"Vælg dine uddannelsesønsker",
	"Find uddannelsessted(er)",
	"Søg ind på uddannelse(r)",
	"Beskrivelse af dit uddannelsespålæg",
}

func section(title string, body app.UI) app.UI {
	return app.Section().Class("jobnet-plan-section").Body(app.H2().Class("h3").Text(title), body)
}

func agreement(title string, a *shared.Agreement) app.UI {
	return section(title, app.Div().Body(
		app.P().Text(a.Text),
		app.P().Class("jobnet-counters-meta").Text("Aftalt med "+a.AgreedWith+", den "+a.Date.Danish()),
	))
}

// contractBox is the integration contract on top of the plan, with its PDF;
// greyed out for the a-kasse (SPEC K4, 000_…txt).
func contractBox(akasse bool) app.UI {
	if akasse {
		return app.Div().Class("jobnet-contract jobnet-contract-disabled").Body(
			app.H2().Class("h3").Text("Plan inklusiv kontrakt"),
			app.P().Text(shared.MsgNoAccessIntegrationContract),
		)
	}
	return app.Div().Class("jobnet-contract").Body(
		app.H2().Class("h3").Text("Plan inklusiv kontrakt"),
		app.P().Text("Her kan du se din plan inklusiv din kontrakt efter integrationsloven. Du kan bl.a. se dit danskmål og hvornår du er blevet vejledt omkring din dansktilegnelse."),
		app.A().ID("contract-pdf").Class("button button-primary").Href(shared.APIPlanContractPDF).Attr("download", "min-plan-kontrakt.pdf").Text("Hent plan inklusiv kontrakt"),
	)
}
