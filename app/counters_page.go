package app

import (
	"context"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// counterKind selects which counters a counters page shows.
type counterKind int

const (
	kindDagpenge counterKind = iota
	kindSupplerende
	kindTimer225
)

var counterPageTitles = map[counterKind]string{
	kindDagpenge:    "Dagpengetællere",
	kindSupplerende: "Tællere for supplerende dagpenge",
	kindTimer225:    "225 timers reglen",
}

// counterViews name the page to the server, which records that the citizen
// opened it.
var counterViews = map[counterKind]string{
	kindDagpenge:    shared.CounterViewDagpenge,
	kindSupplerende: shared.CounterViewSupplerende,
	kindTimer225:    shared.CounterViewTimer225,
}

// countersPage shows one kind of the citizen's counters (SPEC D9–D11). The
// server sends the figures; the a-kasse's view lacks the 225-hour figures.
// Caseworkers may simulate too: it writes nothing.
type countersPage struct {
	app.Compo
	kind      counterKind
	load      pageLoad
	data      shared.Counters
	sess      shared.Session
	simulated bool // reported for this visit
}

// actionSimulated is raised by a simulator when it is used.
const actionSimulated = "simulated"

func (p *countersPage) OnMount(ctx app.Context) {
	ctx.ObserveState(stateSession, &p.sess)
	ctx.Handle(actionSimulated, p.onSimulated)
}

// onSimulated reports the first use of the simulator in a visit as
// behaviour data (SPEC E1) — for the citizen only: a caseworker's use is
// never recorded (K5), and the server would refuse it as a write. A failed
// report is not the person's concern and is not shown.
func (p *countersPage) onSimulated(ctx app.Context, a app.Action) {
	if p.simulated || !p.sess.Actor.MayWrite() {
		return
	}
	p.simulated = true
	ev := shared.BehaviourEvent{Kind: "simulation", View: counterViews[p.kind]}
	ctx.Async(func() { _ = api.RecordBehaviour(ctx, ev) })
}

func newCountersPage(k counterKind) *countersPage { return &countersPage{kind: k} }

func (p *countersPage) OnNav(ctx app.Context) {
	p.simulated = false
	view := counterViews[p.kind]
	fetchInto(ctx, &p.load, func(ctx context.Context) (shared.Counters, error) { return api.Counters(ctx, view) }, &p.data)
}

func (p *countersPage) Render() app.UI {
	title := counterPageTitles[p.kind]
	return newShell().Title(title).Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Planer og aftaler", title),
		app.H1().Text(title),
		p.load.view(ui.Waiting("Henter dine tællere …"), p.renderCounters),
	)
}

func (p *countersPage) renderCounters() app.UI {
	switch {
	case p.kind == kindDagpenge && p.data.Dagpenge != nil:
		return newDagpengeCounters().Data(*p.data.Dagpenge)
	case p.kind == kindSupplerende && p.data.Supplerende != nil:
		return newSupplerendeCounters().Data(*p.data.Supplerende)
	case p.kind == kindTimer225 && p.data.Hours225 != nil:
		return timer225View(*p.data.Hours225)
	}
	return ui.InfoAlert("Der er ingen tællere at vise. Tællerne vises, når din a-kasse eller dit jobcenter har sendt oplysningerne.")
}

// timer225View is the 225-hour rule (SPEC D11, 003_…txt): hours of ordinary
// work in the last 12 calendar months against 225, with the text for høj or
// lav ydelse.
func timer225View(c shared.Hours225Counters) app.UI {
	g := shared.Compute225(c, 0)
	var lead string
	switch {
	case g.Done && c.HighBenefit:
		lead = "Du har arbejdet nok timer til at beholde din nuværende ydelse."
	case g.Done:
		lead = "Du har arbejdet nok timer til at komme tilbage på din fulde ydelse. Kontakt dit jobcenter."
	case c.HighBenefit:
		lead = "Du skal arbejde " + hours(g.Remaining()) + " timer mere inden for 12 måneder for at beholde din nuværende ydelse."
	default:
		lead = "Du skal arbejde " + hours(g.Remaining()) + " timer mere for at komme tilbage på din fulde ydelse."
	}
	return app.Div().Class("jobnet-counters").Body(
		app.P().Class("jobnet-counters-meta").Text("Opgjort pr. "+c.AsOf.Danish()),
		speedometer("225 timers reglen", g, nil, "timer225-text"),
		app.Div().ID("timer225-text").Body(
			app.P().Class("jobnet-gauge-main").Text("Du har arbejdet "+hours(g.Worked)+" af "+hours(g.Max)+" timer inden for de seneste 12 kalendermåneder."),
			app.P().Text(lead),
			app.P().Text("Kun almindeligt ustøttet arbejde tæller med. Virksomhedspraktik og løntilskud tæller ikke med."),
		),
		app.P().Class("jobnet-counters-note").Text("Tallene kommer fra din kommune. Er du i tvivl, så kontakt dit jobcenter."),
	)
}
