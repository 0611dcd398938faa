package app

import (
	"context"
	"fmt"
	"net/url"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// joblogPage is the Joblog list (SPEC C3; FEATURES.md 3; 000_…txt
// Billede 8), with the sources' labels in their order: "Tilføj ny log",
// "Se gemte job", "Søg i dine logs" with the change-date range and the
// free text, the status filter with its counts, "Afsluttede logs", and
// "Dine logs", sorted by the change date. The list's own action is the
// status change [003: "Borger kan udføre de hyppigst foretagne handlinger
// på selve listen"]. A caseworker filters and searches, which change
// nothing, and sees no control that would (000_…txt 4.4).
type joblogPage struct {
	app.Compo
	load pageLoad
	list shared.JoblogList
	sess shared.Session

	// The filter as typed (from, to as YYYY-MM-DD) and as last applied.
	q        string
	from, to string
	status   shared.JoblogStatus
	closed   bool
	ferr     formError
	asMap    bool // "Vis på kort" (joblog_map.go)

	done, failure string
}

func newJoblogPage() *joblogPage { return &joblogPage{} }

func (p *joblogPage) OnMount(ctx app.Context) { ctx.ObserveState(stateSession, &p.sess) }

// OnNav starts with the last month up to today (FEATURES.md 3: the
// screenshot's range is a month), all statuses, no afsluttede.
func (p *joblogPage) OnNav(ctx app.Context) {
	today := shared.DateOf(api.Now())
	p.q, p.status, p.closed, p.ferr, p.failure, p.asMap = "", "", false, formError{}, "", false
	p.from, p.to = today.AddMonths(-1).String(), today.String()
	p.done = ""
	if ctx.Page().URL().Query().Get("slettet") != "" {
		p.done = "Loggen er slettet."
	}
	p.reload(ctx)
}

// query is the filter as typed, judged: both dates are required.
func (p *joblogPage) query() (shared.JoblogQuery, error) {
	e := &shared.Error{Code: shared.EInvalid, Message: "Oplysningerne er ikke udfyldt korrekt."}
	params := map[string]string{"q": p.q, "status": string(p.status)}
	for _, d := range []struct{ field, value, label string }{{"from", p.from, "Fra dato"}, {"to", p.to, "Til dato"}} {
		if d.value == "" {
			e.Fields = append(e.Fields, shared.FieldError{Field: d.field, Message: "Vælg " + d.label + "."})
		}
		params[d.field] = d.value
	}
	if p.closed {
		params["closed"] = "true"
	}
	if len(e.Fields) > 0 {
		return shared.JoblogQuery{}, e
	}
	return shared.ParseJoblogQuery(func(k string) string { return params[k] })
}

func (p *joblogPage) reload(ctx app.Context) {
	q, err := p.query()
	if p.ferr = asFormError(err); err != nil {
		return
	}
	fetchInto(ctx, &p.load, func(c context.Context) (shared.JoblogList, error) { return api.Joblogs(c, q) }, &p.list)
}

// Element ids.
const (
	idJoblogNewJob      = "joblog-new-job"
	idJoblogNewActivity = "joblog-new-activity"
	idJoblogList        = "joblog-list"
	idJoblogHeading     = "joblog-heading"
)

func joblogItemID(id int64) string { return "joblog-" + strconv.FormatInt(id, 10) }

func (p *joblogPage) Render() app.UI {
	write := p.sess.Actor.MayWrite()
	return newShell().Title("Joblog").Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Jobsøgning", "Joblog"),
		app.H1().ID(idJoblogHeading).Attr("tabindex", "-1").Text("Joblog"),
		app.P().Text("Joblog hjælper dig med at holde styr på din jobsøgning. Her kan du skrive de job, du har søgt eller planlægger at søge, og andre ting, du gør for at komme i arbejde. Din sagsbehandler i jobcenteret og din a-kasse kan se dine logs."),
		ui.Slot("jobnet-form-success", p.done != "", func() app.UI { return ui.SuccessAlert(p.done) }),
		ui.ErrorSlot("jobnet-joblog-error", p.failure),
		app.If(write, func() app.UI {
			return app.Section().Class("jobnet-joblog-add").Aria("labelledby", "joblog-add-heading").Body(
				app.H2().ID("joblog-add-heading").Text("Tilføj ny log"),
				app.Div().Class("jobnet-joblog-buttons").Body(
					app.A().ID(idJoblogNewJob).Class("button button-primary").Href(pathJoblogNewJob).Text("LOG OM JOBSØGNING →"),
					app.A().ID(idJoblogNewActivity).Class("button button-secondary").Href(pathJoblogNewActivity).Text("LOG OM ANDEN AKTIVITET →"),
				),
			)
		}),
		app.P().Body(app.A().ID("joblog-saved-jobs").Href(pathSavedJobs).Text("Se gemte job")),
		p.renderSearch(),
		p.load.view(ui.Waiting("Henter dine logs …"), p.renderList),
	)
}

// renderSearch is "Søg i dine logs": the period, the free text, "SØG →";
// the status filter and "Afsluttede logs" apply at once.
func (p *joblogPage) renderSearch() app.UI {
	statusRadio := func(value shared.JoblogStatus, label string) app.UI {
		id := "joblog-status-all"
		if value != "" {
			id = "joblog-status-" + string(value)
		}
		return app.Div().Class("form-group-radio").Body(
			app.Input().Type("radio").ID(id).Name("joblog-status").Class("form-radio").Value(string(value)).
				Checked(p.status == value).OnChange(func(ctx app.Context, e app.Event) {
				p.status = value
				p.reload(ctx)
			}),
			app.Label().Class("form-label").For(id).Text(fmt.Sprintf("%s (%d)", label, p.list.Counts.Of(value))),
		)
	}
	return app.Section().Class("jobnet-joblog-search").Aria("labelledby", "joblog-search-heading").Body(
		app.H2().ID("joblog-search-heading").Text("Søg i dine logs"),
		app.Form().ID("joblog-search").Attr("novalidate", true).Aria("label", "Søg i dine logs").OnSubmit(p.submitSearch).Body(
			p.ferr.summary(),
			ui.Fieldset("joblog-period").Legend("Søg i logs som sidst er ændret i perioden").Body(
				app.Div().Class("jobnet-joblog-dates").Body(
					ui.Field("joblog-from").Label("Fra dato *").Type("date").Value(p.from).Error(p.ferr.field("from")).
						OnInput(func(ctx app.Context, e app.Event) { p.from = ui.InputValue(ctx) }),
					ui.Field("joblog-to").Label("Til dato *").Type("date").Value(p.to).Error(p.ferr.field("to")).
						OnInput(func(ctx app.Context, e app.Event) { p.to = ui.InputValue(ctx) }),
				),
			),
			ui.Field("joblog-q").Label("Fritekst").Hint("Skriv fx stilling, virksomhed eller kontaktoplysninger").Type("search").
				Value(p.q).Error(p.ferr.field("q")).OnInput(func(ctx app.Context, e app.Event) { p.q = ui.InputValue(ctx) }),
			app.Button().Type("submit").ID("joblog-search-submit").Class("button button-primary").Text("SØG →"),
		),
		ui.Fieldset("joblog-status").Legend("Filtrer ud fra loggens status").Body(
			statusRadio("", "Alle Logs"),
			app.Range(shared.JoblogStatusOptions).Slice(func(i int) app.UI {
				o := shared.JoblogStatusOptions[i]
				return statusRadio(shared.JoblogStatus(o.Value), o.Label)
			}),
		),
		ui.Fieldset("joblog-closed").Legend("Afsluttede logs").Body(
			app.Div().Class("form-group-checkbox").Body(
				app.Input().Type("checkbox").ID("joblog-closed-show").Class("form-checkbox").Checked(p.closed).
					OnChange(func(ctx app.Context, e app.Event) {
						p.closed = ctx.JSSrc().Get("checked").Bool()
						p.reload(ctx)
					}),
				app.Label().Class("form-label").For("joblog-closed-show").
					Text("Vis også logs, som er markeret som afsluttede (fremgår nederst på listen over dine logs)"),
			),
		),
	)
}

func (p *joblogPage) submitSearch(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.done = ""
	p.reload(ctx)
}

// renderList is "Dine logs".
func (p *joblogPage) renderList() app.UI {
	write := p.sess.Actor.MayWrite()
	return app.Section().Class("jobnet-joblog-logs").Aria("labelledby", "joblog-logs-heading").Body(
		app.H2().ID("joblog-logs-heading").Text("Dine logs"),
		app.P().Class("form-hint").Text("Sorteret efter ændringsdato"),
		app.Div().Class("jobnet-findjob-bar").Body(
			app.P().ID("joblog-count").Aria("live", "polite").Text(joblogCountText(len(p.list.Logs))),
			p.renderViewSwitch(),
		),
		app.If(p.asMap, func() app.UI { return joblogMap(p.list.Logs) }).Else(func() app.UI {
			return app.Ul().ID(idJoblogList).Class("unstyled-list jobnet-joblog-list").Body(
				app.Range(p.list.Logs).Slice(func(i int) app.UI { return p.renderItem(p.list.Logs[i], write) }),
			)
		}),
	)
}

func joblogCountText(n int) string {
	switch n {
	case 0:
		return "Ingen logs passer til din søgning."
	case 1:
		return "1 log"
	}
	return strconv.Itoa(n) + " logs"
}

// renderItem is one log: its title (to its view), where, its status —
// changed here by the citizen — and when it was changed.
func (p *joblogPage) renderItem(l shared.JoblogListItem, write bool) app.UI {
	id := joblogItemID(l.ID)
	kind := "Jobsøgning"
	if l.Kind == shared.JoblogActivity {
		kind = "Anden aktivitet"
	}
	meta := l.Company
	if place := l.Place; place != "" {
		if meta != "" {
			meta += " · "
		}
		meta += place
	}
	return app.Li().ID(id).Class("jobnet-joblog-item").Body(
		app.P().Class("jobnet-joblog-kind").Text(kind),
		app.H3().Class("h4 jobnet-joblog-title").Body(
			app.A().ID(id+"-open").Href(joblogViewPath(l.ID)).Text(l.Title),
			app.If(l.Closed, func() app.UI { return app.Span().Class("jobnet-tag").Text("Afsluttet") }),
			app.If(l.Documents > 0, func() app.UI { return joblogClip(l) }),
		),
		app.If(meta != "", func() app.UI { return app.P().Class("jobnet-joblog-meta").Text(meta) }),
		app.If(l.Kind == shared.JoblogJob, func() app.UI {
			if !write {
				return app.P().ID(id+"-status").Body(app.Text("Status: "), app.Strong().Text(shared.OptionLabel(shared.JoblogStatusOptions, string(l.Status))))
			}
			return app.Div().Class("form-group jobnet-joblog-status").Body(
				app.Label().Class("form-label").For(id+"-status").Body(app.Text("Status"), app.Span().Class("sr-only").Text(" for "+l.Title)),
				app.Select().ID(id+"-status").Class("form-select").OnChange(func(ctx app.Context, e app.Event) {
					p.setStatus(ctx, l, shared.JoblogStatus(ui.InputValue(ctx)))
				}, app.EventScope(id)).Body(
					app.Range(shared.JoblogStatusOptions).Slice(func(i int) app.UI {
						o := shared.JoblogStatusOptions[i]
						return app.Option().Value(o.Value).Selected(string(l.Status) == o.Value).Text(o.Label)
					}),
				),
			)
		}),
		app.P().Class("jobnet-joblog-changed").Text("Ændret "+shared.DateOf(l.Updated).Danish()+" · "+l.OriginText()),
	)
}

// setStatus changes a log's status from the list and reloads the list, so
// the counts follow.
func (p *joblogPage) setStatus(ctx app.Context, l shared.JoblogListItem, status shared.JoblogStatus) {
	p.done, p.failure = "", ""
	ctx.Async(func() {
		_, err := api.SetJoblogStatus(ctx, l.ID, status)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.failure = shared.ErrorMessageOf(err)
				return
			}
			p.done = fmt.Sprintf("Status for \"%s\" er ændret til %s.", l.Title, shared.OptionLabel(shared.JoblogStatusOptions, string(status)))
			p.reload(ctx)
		})
	})
}

// joblogViewPath is a log's own view.
func joblogViewPath(id int64) string {
	return pathJoblogView + "?" + url.Values{"id": {strconv.FormatInt(id, 10)}}.Encode()
}

// joblogFromAdPath is the form of a new log filled from a Find Job ad
// ("Opret joblog" on the ad's page and on its teaser).
func joblogFromAdPath(adID int64) string {
	return pathJoblogNewJob + "?" + url.Values{"annonce": {strconv.FormatInt(adID, 10)}}.Encode()
}

// joblogEditPath is a log's form.
func joblogEditPath(id int64) string {
	return pathJoblogEdit + "?" + url.Values{"id": {strconv.FormatInt(id, 10)}}.Encode()
}
