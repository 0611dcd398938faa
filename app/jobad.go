package app

import (
	"context"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// jobAdPage is an internal ad's page (FEATURES.md 1.1: "den interne
// jobdetaljeside, hvor jobbets detaljer kan ses i helhed"), opened in a
// new tab from Find Job. It shows everything the ad has. "Opret joblog"
// waits for Joblog and is not shown until it exists.
type jobAdPage struct {
	app.Compo
	load pageLoad
	ad   shared.JobAdView
}

func newJobAdPage() *jobAdPage { return &jobAdPage{} }

func (p *jobAdPage) OnNav(ctx app.Context) {
	id, err := strconv.ParseInt(strings.TrimPrefix(ctx.Page().URL().Path, pathJobAd), 10, 64)
	if err != nil {
		p.load = pageLoad{st: loadingErr, err: shared.Errorf(shared.ENotFound, "Jobannoncen findes ikke.")}
		return
	}
	fetchInto(ctx, &p.load, func(c context.Context) (shared.JobAdView, error) { return api.JobAd(c, id) }, &p.ad)
}

func (p *jobAdPage) Render() app.UI {
	title := "Jobannonce"
	if p.load.st == loaded {
		title = p.ad.Title
	}
	return newShell().Title(title).Access(forAnyone).Body(
		ui.Breadcrumb(pathForside, "Find job", "Jobannonce"),
		p.load.view(ui.Waiting("Henter jobannoncen …"), func() app.UI { return p.renderAd() }),
	)
}

func (p *jobAdPage) renderAd() app.UI {
	a := p.ad
	start := map[shared.StartKind]string{shared.StartSnarest: "Snarest", shared.StartByAgreeing: "Efter aftale"}[a.StartKind]
	if a.StartKind == shared.StartDate {
		start = a.Start.Danish()
	}
	worktime := shared.OptionLabel(shared.WorkingTimeOptions, string(a.WorkingTime))
	if a.HoursPerWeek > 0 {
		worktime += ", " + shared.FormatHours(a.HoursPerWeek) + " timer om ugen"
	}
	fact := func(term, value string) []app.UI {
		if value == "" {
			return nil
		}
		return []app.UI{app.Dt().Text(term), app.Dd().Text(value)}
	}
	place := [][]app.UI{fact("Land", a.Employer.Country)} // abroad
	if a.Municipality != "" {
		place = [][]app.UI{fact("Adresse", strings.TrimPrefix(a.Employer.Address+", "+a.Place(), ", ")),
			fact("Område", a.Municipality+" Kommune · "+a.Area)}
	}
	var facts []app.UI
	for _, f := range append(append([][]app.UI{fact("Arbejdsgiver", a.Employer.Name)}, place...),
		fact("Stilling", a.OccupationTitle),
		fact("Ansøgningsfrist", a.DeadlineText()),
		fact("Tiltrædelse", start),
		fact("Arbejdstid", worktime),
		fact("Ansættelsesvilkår", shared.OptionLabel(shared.TermsOptions, string(a.Terms))),
		fact("Ansættelsens varighed", shared.OptionLabel(shared.DurationOptions, string(a.Duration))),
		fact("Oprettet", shared.DateOf(a.Published).Danish()),
	) {
		facts = append(facts, f...)
	}
	paras := paragraphs(a.Description)
	return app.Div().Class("jobnet-jobad").Body(
		app.H1().ID("jobad-title").Text(a.Title),
		app.Div().Class("jobnet-jobad-tags").Body(
			app.If(a.Hotjob, func() app.UI { return app.Span().Class("jobnet-tag").Text("Hotjob") }),
			app.If(a.Terms == shared.TermsFleksjob, func() app.UI { return app.Span().Class("jobnet-tag").Text("Fleksjob") }),
			app.If(a.WorkInDenmark, func() app.UI { return app.Span().Class("jobnet-tag").Text("Work in Denmark") }),
		),
		app.Dl().ID("jobad-facts").Class("jobnet-jobad-facts").Body(facts...),
		app.H2().Class("h3").Text("Om jobbet"),
		app.Div().ID("jobad-description").Class("jobnet-jobad-description").Body(
			app.Range(paras).Slice(func(i int) app.UI { return app.P().Text(paras[i]) }),
		),
	)
}

// paragraphs splits a description at its blank lines.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
