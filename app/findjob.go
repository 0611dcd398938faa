package app

import (
	"context"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// findJobPage is Find Job (SPEC C1, C7; FEATURES.md 1.1–1.2): anyone,
// logged in or not, searches every ad. Its address is the whole search
// (shared.JobSearch): every choice navigates to the new address, so a
// search can be shared and the back button goes back a choice, and the
// page draws whatever address it is at. With WIDK=true it is Work in
// Denmark's instance: English, its ads only, fewer filters, its own logo.
type findJobPage struct {
	app.Compo

	q    shared.JobSearch // the address's search
	load pageLoad
	res  shared.JobSearchResult

	text    string // the free text as typed
	textErr string // the free text's error, at the field
	suggest suggestState
	// postcode and km as typed in Geografi, until they are searched.
	postcodeText, kmText string
	postcodeErr          string
	// filtersOpen unfolds the filters on a phone, where they start folded
	// so that the ads come first (from 768 px they are always shown).
	filtersOpen bool

	// A logged-in citizen's (findjob_saved.go): the session, the marks of
	// the ads shown, the saved searches.
	sess  shared.Session
	marks jobMarks
	mine  savedSearches
}

func newFindJobPage() *findJobPage { return &findJobPage{} }

func (p *findJobPage) OnMount(ctx app.Context) {
	ctx.ObserveState(stateSession, &p.sess).OnChange(func() { p.loadMine(ctx) })
}

// OnNav reads the search from the address and runs it. Values the page
// does not know are dropped (the API would refuse them).
func (p *findJobPage) OnNav(ctx app.Context) {
	q, _ := shared.ParseJobSearch(ctx.Page().URL().Query())
	p.q, p.text, p.textErr = q, q.Q, shared.JobSearchTextError(q.Q, q.WIDK)
	p.postcodeText, p.kmText, p.postcodeErr = q.Postcode, "", ""
	if q.Km > 0 {
		p.kmText = strconv.Itoa(q.Km)
	}
	p.suggest.close()
	p.mine.open, p.mine.done = false, ""
	fetchThen(ctx, &p.load, func(c context.Context) (shared.JobSearchResult, error) { return api.SearchJobs(c, q) }, &p.res, p.loadMine)
}

// search goes to the address of q, from its first page. The origin of the
// page's first search ("fra") is not carried on: it is recorded once.
func (p *findJobPage) search(ctx app.Context, q shared.JobSearch) {
	q.Page, q.From = 1, ""
	u := *ctx.Page().URL()
	u.RawQuery = q.Query().Encode()
	ctx.NavigateTo(&u)
}

func (p *findJobPage) en() bool { return p.q.WIDK }

// filtersClass folds the filters on a phone until they are opened.
func (p *findJobPage) filtersClass() string {
	if p.filtersOpen {
		return ""
	}
	return "jobnet-filters-folded"
}

// t is the text in the instance's language: Danish, or English for Work
// in Denmark (whose English labels the sources give only in part; the
// others are this project's).
func (p *findJobPage) t(da, en string) string {
	if p.en() {
		return en
	}
	return da
}

func (p *findJobPage) Render() app.UI {
	title := p.t("Find job", "Find a job in Denmark")
	return newShell().Title(title).Access(forAnyone).WIDK(p.en()).Body(
		app.If(!p.en(), func() app.UI { return ui.Breadcrumb(pathForside, "Jobsøgning", "Find job") }),
		app.H1().Text(title),
		p.renderSearchForm(),
		p.renderMine(),
		ui.ErrorSlot("jobnet-job-marks-error", p.marks.err),
		newJobAgentBox().Search(p.q),
		app.Div().Class("row jobnet-findjob").Body(
			app.Div().Class("col-12 col-md-4 jobnet-findjob-filters").Body(
				app.Button().Type("button").ID("findjob-filters-toggle").Class("button button-secondary jobnet-filters-toggle").
					Aria("expanded", boolString(p.filtersOpen)).Aria("controls", "findjob-filters").
					OnClick(func(ctx app.Context, e app.Event) { p.filtersOpen = !p.filtersOpen }).
					Text(p.t("Afgræns søgningen", "Narrow the search")),
				app.Div().ID("findjob-filters").Class(p.filtersClass()).Body(p.renderFilters()),
			),
			app.Section().Class("col-12 col-md-8 jobnet-findjob-results").Aria("labelledby", "findjob-count").Body(p.renderResults()),
		),
	)
}

// renderResults is the count, the list or map switch, and the ads.
func (p *findJobPage) renderResults() app.UI {
	return p.load.view(ui.Waiting(p.t("Søger …", "Searching …")), func() app.UI {
		r := p.res
		count := strconv.Itoa(r.Total) + p.t(" job", " jobs")
		if r.Total == 1 {
			count = p.t("1 job", "1 job")
		}
		return app.Div().Body(
			app.Div().Class("jobnet-findjob-bar").Body(
				app.H2().ID("findjob-count").Class("h3").Aria("live", "polite").Text(count),
				p.renderViewSwitch(),
			),
			app.If(p.q.Map, func() app.UI {
				return adMap(r.Ads, r.WithoutPlace, p.en())
			}).Else(func() app.UI {
				return app.Div().Body(
					app.If(len(r.Ads) == 0, func() app.UI {
						return app.P().ID("findjob-none").Text(p.t("Ingen job passer til din søgning. Prøv med færre valg.",
							"No jobs match your search. Try with fewer choices."))
					}),
					app.Ul().ID("findjob-list").Class("unstyled-list jobnet-teasers").Body(
						app.Range(r.Ads).Slice(func(i int) app.UI { return p.renderTeaser(r.Ads[i]) }),
					),
					p.renderPager(),
				)
			}),
		)
	})
}

// renderViewSwitch is "Vis som liste" / "Vis på kort": two links to the
// same search, the current one marked.
func (p *findJobPage) renderViewSwitch() app.UI {
	link := func(id, label string, toMap bool) app.UI {
		q := p.q
		q.Map, q.Page, q.From = toMap, 1, ""
		a := app.A().ID(id).Class("button button-secondary jobnet-view-switch").Href(findJobSearchHref(q)).Text(label)
		if p.q.Map == toMap {
			a = a.Aria("current", "true")
		}
		return a
	}
	return app.Div().Class("jobnet-view-switches").Body(
		link("findjob-as-list", p.t("Vis som liste", "Show as list"), false),
		link("findjob-as-map", p.t("Vis på kort", "Show on map"), true),
	)
}

// renderTeaser is one ad in the list: an internal ad opens its page in a
// new tab, an external one its source (FEATURES.md 1.1).
func (p *findJobPage) renderTeaser(a shared.JobAdView) app.UI {
	href, rel := jobAdHref(a, p.en()), "noopener"
	return app.Li().Class("jobnet-teaser").Body(
		app.H3().Class("h4 jobnet-teaser-title").Body(
			app.A().Href(href).Target("_blank").Rel(rel).OnClick(p.opened(a)).Body(
				app.Text(a.Title),
				app.Span().Class("sr-only").Text(p.t(" (åbner i et nyt vindue)", " (opens in a new window)")),
			),
		),
		app.P().Class("jobnet-teaser-meta").Body(
			app.Strong().Text(a.Employer.Name), app.Text(" · "+a.Place()),
		),
		app.P().Class("jobnet-teaser-facts").Body(
			app.Text(p.t("Ansøgningsfrist: ", "Apply by: ")+p.deadline(a)+" · "+p.t("Oprettet ", "Posted ")+shared.DateOf(a.Published).Danish()),
			app.If(a.External(), func() app.UI {
				return app.Span().Class("jobnet-teaser-source").Text(" · " + p.t("Ekstern annonce", "External ad"))
			}),
			app.If(a.Hotjob && !p.en(), func() app.UI { return app.Span().Class("jobnet-tag").Text("Hotjob") }),
		),
		app.If(p.citizenShown(), func() app.UI {
			return app.Div().Class("jobnet-teaser-mine").Body(
				p.marks.render(p.sess, a.ID, a.Title, true),
				// "Opret joblog" as on the ad's page (jobad.go): the
				// citizen's own Find Job only, never a mirroring
				// caseworker's, who may not write.
				app.If(p.sess.Actor.MayWrite(), func() app.UI {
					return app.A().ID("job-"+strconv.FormatInt(a.ID, 10)+"-joblog").Class("jobnet-teaser-joblog").
						Href(joblogFromAdPath(a.ID)).Body(app.Text("Opret joblog"), app.Span().Class("sr-only").Text(": "+a.Title))
				}),
			)
		}),
	)
}

func (p *findJobPage) deadline(a shared.JobAdView) string {
	if !p.en() {
		return a.DeadlineText()
	}
	switch a.DeadlineKind {
	case shared.DeadlineDate:
		return a.Deadline.Danish()
	case shared.DeadlineSnarest:
		return "As soon as possible"
	}
	return "Not stated"
}

// opened marks the ad "Set" on its teaser and reports an external ad's
// opening as behaviour data (which also marks it seen on the server): its
// own page is not Jobnet's, so the server does not see it (an internal
// ad's page asks the server, which records it). A caseworker's is never
// reported.
func (p *findJobPage) opened(a shared.JobAdView) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		sess := p.sess
		if !sess.Actor.MayWrite() {
			return
		}
		p.marks.opened(a.ID)
		if !a.External() {
			return
		}
		ev := shared.BehaviourEvent{Kind: shared.BehaviourFindJobOpen, View: strconv.FormatInt(a.ID, 10)}
		ctx.Async(func() { _ = api.RecordBehaviour(ctx, ev) })
	}
}

// jobAdHref is where an ad opens: its source, or its page on Jobnet (in
// Work in Denmark's look from its instance).
func jobAdHref(a shared.JobAdView, widk bool) string {
	if widk && !a.External() {
		return jobAdPath(a.ID) + "?WIDK=true"
	}
	return adHref(a.ID, a.ExternalURL)
}

// adHref is where an ad opens in Jobnet's look: its source when it is
// external, else its page.
func adHref(id int64, externalURL string) string {
	if externalURL != "" {
		return externalURL
	}
	return jobAdPath(id)
}

func jobAdPath(id int64) string { return pathJobAd + strconv.FormatInt(id, 10) }

// renderPager is the pages: previous, "Side n af m", next, as links to
// the same search.
func (p *findJobPage) renderPager() app.UI {
	r := p.res
	if r.Pages <= 1 {
		return nil
	}
	page := func(n int) string {
		q := p.q
		q.Page, q.From = n, ""
		return findJobSearchHref(q)
	}
	last := min(r.Pages, shared.JobSearchMaxPage)
	return app.Nav().Class("jobnet-pager").Aria("label", p.t("Sider", "Pages")).Body(
		app.If(r.Page > 1, func() app.UI {
			return app.A().ID("findjob-prev").Class("button button-secondary").Href(page(r.Page - 1)).Text(p.t("Forrige", "Previous"))
		}),
		app.Span().Class("jobnet-pager-at").Text(p.t("Side ", "Page ")+strconv.Itoa(r.Page)+p.t(" af ", " of ")+strconv.Itoa(last)),
		app.If(r.Page < last, func() app.UI {
			return app.A().ID("findjob-next").Class("button button-secondary").Href(page(r.Page + 1)).Text(p.t("Næste", "Next"))
		}),
	)
}
