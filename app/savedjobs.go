package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// savedJobsPage is "Se gemte job" (issue 11; FEATURES.md 1.1 "favoritjob",
// 000 Billede 8): the citizen's favourites, the newest first. An ad taken
// off Find Job stays, marked "Udløbet", without its link. The citizen
// removes a favourite with "Fjern"; a caseworker sees the list without it.
type savedJobsPage struct {
	app.Compo
	load pageLoad
	list shared.SavedJobs
	sess shared.Session

	done, failure string // the last change, said
}

func newSavedJobsPage() *savedJobsPage { return &savedJobsPage{} }

func (p *savedJobsPage) OnMount(ctx app.Context) { ctx.ObserveState(stateSession, &p.sess) }

func (p *savedJobsPage) OnNav(ctx app.Context) {
	p.done, p.failure = "", ""
	fetchInto(ctx, &p.load, api.SavedJobs, &p.list)
}

func (p *savedJobsPage) Render() app.UI {
	return newShell().Title("Gemte job").Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Jobsøgning", "Gemte job"),
		app.H1().ID("saved-jobs-heading").Attr("tabindex", "-1").Text("Gemte job"),
		app.P().Body(
			app.Text("Her er de job, du har gemt på "),
			app.A().ID("saved-jobs-findjob").Href(pathFindJob).Text("Find job"),
			app.Text(". Et job, der ikke længere er slået op, bliver stående som udløbet, til du fjerner det."),
		),
		ui.Slot("jobnet-form-success", p.done != "", func() app.UI { return ui.SuccessAlert(p.done) }),
		ui.ErrorSlot("jobnet-saved-jobs-error", p.failure),
		p.load.view(ui.Waiting("Henter dine gemte job …"), p.renderList),
	)
}

func (p *savedJobsPage) renderList() app.UI {
	if len(p.list) == 0 {
		return app.P().ID("saved-jobs-none").Text("Du har ikke gemt nogen job endnu.")
	}
	write := p.sess.Actor.MayWrite()
	return app.Ul().ID("saved-jobs").Class("unstyled-list jobnet-teasers").Body(
		app.Range(p.list).Slice(func(i int) app.UI {
			j := p.list[i]
			id := "saved-job-" + strconv.FormatInt(j.AdID, 10)
			return app.Li().ID(id).Class("jobnet-teaser").Body(
				app.H2().Class("h4 jobnet-teaser-title").Body(
					app.If(j.Expired, func() app.UI { return app.Text(j.Title) }).Else(func() app.UI {
						return app.A().Href(savedJobHref(j)).Target("_blank").Rel("noopener").Body(
							app.Text(j.Title), app.Span().Class("sr-only").Text(" (åbner i et nyt vindue)"))
					}),
					app.If(j.Expired, func() app.UI {
						return app.Span().ID(id + "-expired").Class("jobnet-tag jobnet-tag-expired").Text("Udløbet")
					}),
				),
				app.P().Class("jobnet-teaser-meta").Body(app.Strong().Text(j.Employer), app.Text(" · "+j.Place)),
				app.P().Class("jobnet-teaser-facts").Text("Gemt "+shared.DateOf(j.SavedAt).Danish()),
				app.If(write, func() app.UI {
					return app.Button().Type("button").ID(id+"-remove").Class("button button-unstyled jobnet-saved-job-remove").
						OnClick(func(ctx app.Context, e app.Event) { p.remove(ctx, j) }, app.EventScope(id)).Body(
						ui.Icon("delete", ""), app.Span().Body(app.Text("Fjern"), app.Span().Class("sr-only").Text(" "+j.Title)))
				}),
			)
		}),
	)
}

// savedJobHref is where a favourite opens: its source, or its page.
func savedJobHref(j shared.SavedJob) string { return adHref(j.AdID, j.ExternalURL) }

func (p *savedJobsPage) remove(ctx app.Context, j shared.SavedJob) {
	ctx.Async(func() {
		list, err := api.SaveJob(ctx, j.AdID, false)
		ctx.Dispatch(func(app.Context) {
			if err != nil {
				p.failure = shared.ErrorMessageOf(err)
				return
			}
			p.list, p.failure, p.done = list, "", "\""+j.Title+"\" er fjernet fra dine gemte job."
			ui.FocusSoon(ctx, "saved-jobs-heading")
		})
	})
}
