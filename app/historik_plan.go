package app

import (
	"context"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// historikPlanPage is one published version of Min Plan (?id=), opened
// from Historik → Planer: "alle borgers tidligere "Min Plan"-planer" (003
// «Jobnet Historik»), shown as it was published and read-only. The
// elements are Min Plan's, in its order; the timeline is a list here (a
// version is read, not planned from), and the nudges, the change boxes
// and the uddannelsespålæg's answer belong to the current plan only. The
// a-kasse is refused it with Historik.
type historikPlanPage struct {
	app.Compo
	load pageLoad
	v    shared.PlanVersion
}

func newHistorikPlanPage() *historikPlanPage { return &historikPlanPage{} }

func (p *historikPlanPage) OnNav(ctx app.Context) {
	id := ctx.Page().URL().Query().Get("id")
	fetchInto(ctx, &p.load, func(c context.Context) (shared.PlanVersion, error) { return api.HistoryPlanVersion(c, id) }, &p.v)
}

func (p *historikPlanPage) Render() app.UI {
	return newShell().Title("Plan fra Historik").Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Planer og aftaler", "Historik"),
		app.P().Body(app.A().ID("historik-back").Href(pathHistorik).Text("← Tilbage til Historik")),
		p.load.view(app.Div().Body(app.H1().Text("Plan"), ui.Waiting("Henter planen …")), p.renderVersion),
	)
}

func (p *historikPlanPage) renderVersion() app.UI {
	v, pl := p.v, p.v.Plan
	heading := "Tidligere plan"
	if v.Current {
		heading = "Gældende plan"
	}
	description := "For at nå mit mål, har vi aftalt"
	if pl.Type == shared.PlanEducation {
		description = "Din sagsbehandlers kommentar til dig"
	}
	return app.Article().ID("plan-version").Class("jobnet-minplan jobnet-plan-version").Body(
		app.H1().ID("plan-version-heading").Text(heading),
		app.P().Class("jobnet-counters-meta").Text("Udgivet "+danishDateTime(v.Published)+" af "+v.OrgName+"."),
		app.If(v.Current, func() app.UI {
			return app.P().Body(app.Text("Det er den plan, du ser i "), app.A().ID("plan-version-minplan").Href(pathMinPlan).Text("Min plan"), app.Text("."))
		}),
		app.If(len(pl.JobGoals) > 0, func() app.UI {
			return section("Jobmål", app.Ul().Class("jobnet-goals").Body(app.Range(pl.JobGoals).Slice(func(i int) app.UI {
				g := pl.JobGoals[i]
				return app.Li().Body(app.Strong().Text(g.Title),
					app.If(g.AgreedWith != "", func() app.UI { return app.Span().Text(" · Aftalt med " + g.AgreedWith) }))
			})))
		}),
		app.If(len(pl.EducationGoals) > 0, func() app.UI {
			return section("Uddannelsesmål", app.Ol().Body(app.Range(pl.EducationGoals).Slice(func(i int) app.UI {
				return app.Li().Text(pl.EducationGoals[i].Title)
			})))
		}),
		app.If(pl.Description != "", func() app.UI { return section(description, app.P().Text(pl.Description)) }),
		app.If(pl.JobcenterAgreement != nil, func() app.UI { return agreement("Seneste aftale med jobcenter", pl.JobcenterAgreement) }),
		app.If(pl.AKasseAgreement != nil, func() app.UI { return agreement("Seneste aftale med a-kasse", pl.AKasseAgreement) }),
		app.If(len(pl.Items) > 0, func() app.UI {
			return section("Indsatser og aftaler", app.Div().Class("jobnet-plan-version-items").Body(app.Range(pl.Items).Slice(func(i int) app.UI {
				it := pl.Items[i]
				return app.Section().Class("jobnet-plan-version-item").Body(
					app.H3().Class("h4").Text(it.Heading()),
					app.P().Class("jobnet-counters-meta").Text(it.When()),
					itemDetails(it),
				)
			})))
		}),
	)
}
