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
// new tab from Find Job. It shows everything the ad has, and for the
// citizen "Opret joblog", a new log filled from the ad.
type jobAdPage struct {
	app.Compo
	load pageLoad
	ad   shared.JobAdView
	widk bool // opened from Work in Denmark's instance: English
	// A logged-in citizen's "Gem job" (findjob_saved.go).
	sess  shared.Session
	marks jobMarks
}

func newJobAdPage() *jobAdPage { return &jobAdPage{} }

func (p *jobAdPage) OnMount(ctx app.Context) {
	ctx.ObserveState(stateSession, &p.sess).OnChange(func() { p.loadMarks(ctx) })
}

// loadMarks asks whether the shown citizen has saved the ad.
func (p *jobAdPage) loadMarks(ctx app.Context) {
	if p.load.st == loaded && !p.widk {
		p.marks.load(ctx, p.sess, []int64{p.ad.ID})
	}
}

func (p *jobAdPage) OnNav(ctx app.Context) {
	p.widk = strings.EqualFold(ctx.Page().URL().Query().Get("WIDK"), "true")
	id, err := strconv.ParseInt(strings.TrimPrefix(ctx.Page().URL().Path, pathJobAd), 10, 64)
	if err != nil {
		p.load = pageLoad{st: loadingErr, err: shared.Errorf(shared.ENotFound, "Jobannoncen findes ikke.")}
		return
	}
	fetchThen(ctx, &p.load, func(c context.Context) (shared.JobAdView, error) { return api.JobAd(c, id) }, &p.ad, p.loadMarks)
}

func (p *jobAdPage) Render() app.UI {
	title := p.t("Jobannonce", "Job ad")
	if p.load.st == loaded {
		title = p.ad.Title
	}
	return newShell().Title(title).Access(forAnyone).WIDK(p.widk).Body(
		app.If(!p.widk, func() app.UI { return ui.Breadcrumb(pathForside, "Find job", "Jobannonce") }),
		p.load.view(ui.Waiting(p.t("Henter jobannoncen …", "Fetching the ad …")), func() app.UI { return p.renderAd() }),
	)
}

// t is the text in the page's language.
func (p *jobAdPage) t(da, en string) string {
	if p.widk {
		return en
	}
	return da
}

func (p *jobAdPage) renderAd() app.UI {
	a := p.ad
	start := map[shared.StartKind]string{shared.StartSnarest: p.t("Snarest", "As soon as possible"),
		shared.StartByAgreeing: p.t("Efter aftale", "By agreement")}[a.StartKind]
	if a.StartKind == shared.StartDate {
		start = a.Start.Danish()
	}
	worktime := p.option(shared.WorkingTimeOptions, string(a.WorkingTime))
	if a.HoursPerWeek > 0 {
		worktime += ", " + shared.FormatHours(a.HoursPerWeek) + p.t(" timer om ugen", " hours a week")
	}
	deadline := a.DeadlineText()
	if p.widk && a.DeadlineKind != shared.DeadlineDate {
		deadline = map[shared.DeadlineKind]string{shared.DeadlineSnarest: "As soon as possible", shared.DeadlineUnstated: "Not stated"}[a.DeadlineKind]
	}
	fact := func(term, value string) []app.UI {
		if value == "" {
			return nil
		}
		return []app.UI{app.Dt().Text(term), app.Dd().Text(value)}
	}
	place := [][]app.UI{fact(p.t("Land", "Country"), a.Employer.Country)} // abroad
	if a.Municipality != "" {
		place = [][]app.UI{fact(p.t("Adresse", "Address"), strings.TrimPrefix(a.Employer.Address+", "+a.Place(), ", ")),
			fact(p.t("Område", "Area"), a.Municipality+p.t(" Kommune · ", " Municipality · ")+a.Area)}
	}
	var facts []app.UI
	for _, f := range append(append([][]app.UI{fact(p.t("Arbejdsgiver", "Employer"), a.Employer.Name)}, place...),
		fact(p.t("Stilling", "Occupation"), a.OccupationTitle),
		fact(p.t("Ansøgningsfrist", "Apply by"), deadline),
		fact(p.t("Tiltrædelse", "Start"), start),
		fact(p.t("Arbejdstid", "Hours of work"), worktime),
		fact(p.t("Ansættelsesvilkår", "Terms"), p.option(shared.TermsOptions, string(a.Terms))),
		fact(p.t("Ansættelsens varighed", "Duration"), p.option(shared.DurationOptions, string(a.Duration))),
		fact(p.t("Oprettet", "Posted"), shared.DateOf(a.Published).Danish()),
	) {
		facts = append(facts, f...)
	}
	paras := paragraphs(a.Description)
	return app.Div().Class("jobnet-jobad").Body(
		app.H1().ID("jobad-title").Text(a.Title),
		app.Div().Class("jobnet-jobad-tags").Body(
			app.If(a.Hotjob && !p.widk, func() app.UI { return app.Span().Class("jobnet-tag").Text("Hotjob") }),
			app.If(a.Terms == shared.TermsFleksjob && !p.widk, func() app.UI { return app.Span().Class("jobnet-tag").Text("Fleksjob") }),
			app.If(a.WorkInDenmark, func() app.UI { return app.Span().Class("jobnet-tag").Text("Work in Denmark") }),
		),
		app.If(p.sess.Actor.CitizenID != 0 && !p.widk, func() app.UI {
			return app.Div().Class("jobnet-jobad-mine").Body(
				p.marks.render(p.sess, a.ID, a.Title, false),
				ui.ErrorSlot("jobnet-job-marks-error", p.marks.err),
				app.A().ID("jobad-saved-jobs").Href(pathSavedJobs).Text("Se gemte job"),
				app.If(p.sess.Actor.MayWrite(), func() app.UI {
					return app.A().ID("jobad-joblog").Href(joblogFromAdPath(a.ID)).Text("Opret joblog")
				}),
			)
		}),
		app.Dl().ID("jobad-facts").Class("jobnet-jobad-facts").Body(facts...),
		app.H2().Class("h3").Text(p.t("Om jobbet", "About the job")),
		app.Div().ID("jobad-description").Class("jobnet-jobad-description").Body(
			app.Range(paras).Slice(func(i int) app.UI { return app.P().Text(paras[i]) }),
		),
	)
}

// option is a closed list's label in the page's language.
func (p *jobAdPage) option(opts []shared.Option, v string) string {
	return shared.OptionText(opts, v, p.widk)
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
