package app

import (
	"context"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// joblogViewPage is one log's own view: its sections, who made it, and for
// the citizen "Redigér" and "Slet" — delete only from here, after a
// confirmation [003: "Borger kan, fra visnings modus af den enkelte log,
// vælge selv at slette denne"]. A log about a job with a workplace
// postcode shows the travel time by public transport from the citizen's
// home postcode when Jobnet has a journey planner (server/journey), and
// no line at all otherwise.
type joblogViewPage struct {
	app.Compo
	load   pageLoad
	log    shared.Joblog
	travel shared.JoblogTravel
	sess   shared.Session

	confirming bool
	deleting   bool
	done       string
	failure    string
}

func newJoblogViewPage() *joblogViewPage { return &joblogViewPage{} }

func (p *joblogViewPage) OnMount(ctx app.Context) { ctx.ObserveState(stateSession, &p.sess) }

func (p *joblogViewPage) OnNav(ctx app.Context) {
	p.confirming, p.deleting, p.failure, p.done = false, false, "", ""
	if ctx.Page().URL().Query().Get("gemt") != "" {
		p.done = "Loggen er gemt."
	}
	id, err := strconv.ParseInt(ctx.Page().URL().Query().Get("id"), 10, 64)
	if err != nil {
		p.load = pageLoad{st: loadingErr, err: shared.ErrJoblogNotFound()}
		return
	}
	p.travel = shared.JoblogTravel{}
	fetchThen(ctx, &p.load, func(c context.Context) (shared.Joblog, error) { return api.Joblog(c, id) }, &p.log, p.loadTravel)
}

// loadTravel asks for the log's travel time; without an answer the line
// stays hidden, as without a planner.
func (p *joblogViewPage) loadTravel(ctx app.Context) {
	l := p.log
	if l.Kind != shared.JoblogJob || l.Postcode == "" || app.IsServer {
		return
	}
	ctx.Async(func() {
		t, err := api.JoblogTravel(ctx, l.ID)
		ctx.Dispatch(func(app.Context) {
			if err == nil && p.log.ID == l.ID {
				p.travel = t
			}
		})
	})
}

const idJoblogDelete = "joblog-delete"

func (p *joblogViewPage) Render() app.UI {
	title := "Log"
	if p.load.st == loaded {
		title = p.log.Title
	}
	return newShell().Title(title).Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Jobsøgning", "Joblog"),
		app.P().Body(app.A().ID("joblog-back").Href(pathJoblog).Text("← Tilbage til Joblog")),
		ui.Slot("jobnet-form-success", p.done != "", func() app.UI { return ui.SuccessAlert(p.done) }),
		ui.ErrorSlot("jobnet-joblog-error", p.failure),
		p.load.view(ui.Waiting("Henter loggen …"), p.renderLog),
	)
}

func (p *joblogViewPage) renderLog() app.UI {
	l := p.log
	write := p.sess.Actor.MayWrite()
	kind := "Log om jobsøgning"
	if l.Kind == shared.JoblogActivity {
		kind = "Log om anden aktivitet"
	}
	or := func(s string) string {
		if s == "" {
			return "Ikke angivet"
		}
		return s
	}
	date := func(d *shared.Date) string {
		if d == nil {
			return "Ikke angivet"
		}
		return d.Danish()
	}
	var sections []app.UI
	if l.Kind == shared.JoblogActivity {
		sections = append(sections, joblogSection("Om aktiviteten",
			detail("Hvad:", l.Title), detail("Dato:", date(l.Date)), detail("Sted:", or(l.Place)), detail("Beskrivelse:", or(l.Description))))
	} else {
		workingTime := shared.OptionLabel(shared.WorkingTimeOptions, string(l.WorkingTime))
		if l.WeeklyHours != nil {
			workingTime += ", " + strconv.Itoa(*l.WeeklyHours) + " timer om ugen"
		}
		sections = append(sections,
			joblogSection("Om jobbet", detail("Stilling/arbejdsområde:", l.Title), detail("Arbejdstid:", workingTime),
				detail("Ansøgningsfrist:", date(l.Deadline))),
			joblogSection("Om arbejdspladsen", detail("Virksomhed:", or(l.Company)), detail("Adresse:", or(l.Address)),
				detail("Postnummer og by / område:", or(l.PlaceText())),
				app.If(p.travel.Known, func() app.UI {
					return app.Div().ID("joblog-travel").Class("jobnet-seeking-detail").Body(
						app.Dt().Text("Rejsetid med offentlig transport:"), app.Dd().Text(p.travel.Text()))
				}),
				detail("Land:", or(l.Country)), detail("Kontaktperson:", or(l.Contact))),
			joblogSection("Om din jobsøgning", detail("Status:", shared.OptionLabel(shared.JoblogStatusOptions, string(l.Status))),
				detail("Hvordan fandt du jobbet:", shared.OptionLabel(shared.JoblogFoundViaOptions, l.FoundVia)),
				detail("Hvordan søger du jobbet:", shared.OptionLabel(shared.JoblogApplyViaOptions, l.ApplyVia))),
		)
	}
	closed := "Nej"
	if l.Closed {
		closed = "Ja"
	}
	return app.Article().ID("joblog-view").Class("jobnet-joblog-view").Body(
		app.P().Class("jobnet-joblog-kind").Text(kind),
		app.H1().ID("joblog-view-heading").Text(l.Title),
		app.P().ID("joblog-origin").Class("jobnet-joblog-changed").Text(l.OriginText()+" · ændret "+shared.DateOf(l.Updated).Danish()),
		app.Div().Body(sections...),
		renderDocumentLinks(l),
		app.Dl().Class("jobnet-seeking-details").Body(detail("Afsluttet:", closed)),
		app.If(write, func() app.UI {
			return app.Div().Class("jobnet-joblog-buttons").Body(
				app.A().ID("joblog-edit").Class("button button-primary").Href(joblogEditPath(l.ID)).Text("Redigér"),
				app.Button().Type("button").ID(idJoblogDelete).Class("button button-secondary").OnClick(p.askDelete).Body(
					ui.Icon("delete", ""), app.Text("Slet")),
			)
		}),
		// The confirmation is inline, not a dialog: the page's dialog keeps
		// the focus on its "Luk", and this one has two buttons.
		ui.Slot("jobnet-joblog-confirm", write && p.confirming, func() app.UI {
			return app.Div().ID("joblog-confirm").Class("alert alert-warning").Role("group").Aria("labelledby", "joblog-confirm-title").Body(
				ui.Icon("warning", "alert-icon"),
				app.Div().Class("alert-body").Body(
					app.H2().ID("joblog-confirm-title").Class("alert-heading h4").Text("Vil du slette loggen?"),
					app.P().Class("alert-text").Text("Loggen \""+l.Title+"\" bliver slettet, og du kan ikke fortryde det."),
					app.Div().Class("jobnet-joblog-buttons").Body(
						app.Button().Type("button").ID("joblog-confirm-delete").Class("button button-primary").Disabled(p.deleting).
							OnClick(p.delete).Text("Ja, slet loggen"),
						app.Button().Type("button").ID("joblog-confirm-cancel").Class("button button-secondary").
							OnClick(func(ctx app.Context, e app.Event) { p.closeConfirm(ctx) }).Text("Annuller"),
					),
				),
			)
		}),
	)
}

func joblogSection(heading string, details ...app.UI) app.UI {
	return app.Section().Body(app.H2().Class("h3").Text(heading), app.Dl().Class("jobnet-seeking-details").Body(details...))
}

func (p *joblogViewPage) askDelete(ctx app.Context, e app.Event) {
	p.confirming, p.failure = true, ""
	ui.FocusSoon(ctx, "joblog-confirm-cancel")
}

func (p *joblogViewPage) closeConfirm(ctx app.Context) {
	p.confirming = false
	ui.FocusByID(idJoblogDelete)
}

func (p *joblogViewPage) delete(ctx app.Context, e app.Event) {
	if p.deleting {
		return
	}
	p.deleting = true
	id := p.log.ID
	ctx.Async(func() {
		err := api.DeleteJoblog(ctx, id)
		ctx.Dispatch(func(ctx app.Context) {
			p.deleting = false
			if err != nil {
				p.confirming, p.failure = false, shared.ErrorMessageOf(err)
				return
			}
			ctx.Navigate(pathJoblog + "?slettet=1")
		})
	})
}
