package app

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// menuCard is one card in a front-page tab. Only built features are listed:
// a card is added here in the same change that builds its page.
type menuCard struct {
	title, text, href string
}

var (
	jobsoegningCards = []menuCard{
		{"Find job", "Søg blandt alle ledige job i Danmark.", pathFindJob + "?fra=menu"},
		{"Jeg søger job som", "Angiv stillinger, som du søger. Det vil forbedre dine jobforslag.", pathSeeking},
		{"Job i Europa", "Angiv om dit CV skal være synlig for arbejdsgivere i hele Europa.", pathEures},
	}
	minPlanCard     = menuCard{"Min plan", "Her kan du se, hvilke aftaler du og dine jobkonsulenter har indgået.", pathMinPlan}
	historikCard    = menuCard{"Historik", "Se dine tidligere indsatser på Jobnet.", pathHistorik}
	dagpengeCard    = menuCard{"Dagpengetællere", "Følg med i dit dagpengeforbrug og muligheden for at forlænge din dagpengeperiode.", pathDagpenge}
	supplerendeCard = menuCard{"Tællere for supplerende dagpenge", "Følg med i dit forbrug af supplerende dagpenge.", pathSuppl}
	timer225Card    = menuCard{"225 timers reglen", "Se, hvor mange timer du har arbejdet de seneste 12 måneder.", pathTimer225}
)

// planerCards lists "Planer og aftaler"; the counters appear only for
// citizens with counter data (003_…txt).
func planerCards(f shared.Features) []menuCard {
	cards := []menuCard{minPlanCard}
	if f.Dagpengetaellere {
		cards = append(cards, dagpengeCard)
	}
	if f.Supplerende {
		cards = append(cards, supplerendeCard)
	}
	if f.Timer225 {
		cards = append(cards, timer225Card)
	}
	return append(cards, historikCard)
}

// vigtigFoldedKey remembers for the session that "Vigtig information" was
// folded (SPEC B3: expanded at session start, stays folded once folded).
const vigtigFoldedKey = "jobnet.vigtigFolded"

// forside is the front page (SPEC B3, B6, B7).
type forside struct {
	app.Compo
	load      pageLoad
	ov        shared.Overview
	folded    bool
	actionErr string
}

func newForside() *forside { return &forside{} }

func (p *forside) OnNav(ctx app.Context) {
	if app.IsServer {
		return
	}
	ctx.SessionStorage().Get(vigtigFoldedKey, &p.folded)
	fetchInto(ctx, &p.load, api.Overview, &p.ov)
}

func (p *forside) toggleVigtig(ctx app.Context, e app.Event) {
	p.folded = !p.folded
	ctx.SessionStorage().Set(vigtigFoldedKey, p.folded)
}

func (p *forside) markDone(id int64) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.actionErr = ""
		ctx.Async(func() {
			err := api.MarkNotificationDone(ctx, id)
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil {
					p.actionErr = shared.ErrorMessageOf(err)
					return
				}
				kept := p.ov.Notifications[:0]
				for _, n := range p.ov.Notifications {
					if n.ID != id {
						kept = append(kept, n)
					}
				}
				p.ov.Notifications = kept
			})
		})
	}
}

func (p *forside) Render() app.UI {
	return newShell().Title("Forside").Access(forCitizenView).Body(
		app.Div().Class("jobnet-forside").Body(
			p.load.view(app.Div().Body(
				app.H1().Text("Forside"),
				app.P().Class("jobnet-loading").Aria("live", "polite").Text("Henter dine oplysninger …"),
			), func() app.UI {
				return app.Div().Body(
					app.H1().Class("jobnet-welcome").Text("Velkommen "+p.ov.Name),
					p.renderStatus(),
					p.renderVigtig(),
					p.renderTabs(),
				)
			}),
		),
	)
}

// renderStatus shows the enrolment status and current target group (SPEC B7).
func (p *forside) renderStatus() app.UI {
	cur, ok := shared.CurrentForloeb(p.ov.Forloeb, shared.DateOf(api.Now()))
	group := "Ingen aktuel målgruppe"
	if ok {
		group = cur.Label()
	}
	return app.Div().Class("jobnet-status").Body(
		app.P().Body(
			app.Strong().Text("Din status: "),
			app.Span().ID("jobnet-enrolment").Text(p.ov.Enrolment.Label()),
			app.Text(" · "),
			app.Span().ID("jobnet-targetgroup").Text(group),
		),
	)
}

func (p *forside) renderVigtig() app.UI {
	open := !p.folded
	return app.Ul().Class("accordion jobnet-vigtig").Body(
		app.Li().Body(
			app.H2().Body(
				app.Button().Type("button").Class("accordion-button").ID("vigtig-button").
					Aria("expanded", strconv.FormatBool(open)).Aria("controls", "vigtig-content").
					OnClick(p.toggleVigtig).Body(
					app.Span().Class("accordion-title").Text(fmt.Sprintf("Vigtig information (%d)", len(p.ov.Notifications))),
				),
			),
			app.Div().ID("vigtig-content").Class("accordion-content").Aria("hidden", strconv.FormatBool(!open)).Body(
				// Always present, so the list below keeps its place (see formError.summary).
				ui.ErrorSlot("jobnet-action-error", p.actionErr),
				app.If(len(p.ov.Notifications) == 0, func() app.UI {
					return app.P().Text("Du har ingen notifikationer lige nu.")
				}).Else(func() app.UI {
					return app.Ul().Class("unstyled-list jobnet-notifications").Body(
						app.Range(p.ov.Notifications).Slice(func(i int) app.UI {
							n := p.ov.Notifications[i]
							return app.Li().Class("jobnet-notification").Body(
								app.H3().Class("h5").Text(n.Title),
								app.P().Text(n.Text),
								app.If(n.Kind == shared.NotifyPlan, func() app.UI {
									return app.A().Class("jobnet-notification-link").Href(pathMinPlan).Text("Gå til Min plan")
								}),
								app.If(n.Kind == shared.NotifyDagpengekort, func() app.UI {
									return app.Button().Type("button").Class("button button-secondary").
										OnClick(p.markDone(n.ID), app.EventScope(n.ID)).Text("Jeg har sendt dem")
								}),
							)
						}),
					)
				}),
			),
		),
	)
}

// renderTabs is the front page's menu: "Jobsøgning" and "Planer og
// aftaler" as tabs of cards.
func (p *forside) renderTabs() app.UI {
	return ui.Tabs().Class("jobnet-tabs").Label("Menu").
		Tab("Jobsøgning", cardMenu(jobsoegningCards)).
		Tab("Planer og aftaler", cardMenu(planerCards(p.ov.Features)))
}

// cardMenu is a tab's cards, each a link to its page.
func cardMenu(cards []menuCard) app.UI {
	return app.Div().Class("row jobnet-cards").Body(
		app.Range(cards).Slice(func(j int) app.UI {
			c := cards[j]
			return app.Div().Class("col-12 col-md-6 col-lg-4 mb-5").Body(
				app.A().Class("card jobnet-card").Href(c.href).Body(
					app.Div().Class("card-content").Body(
						app.H3().Class("card-heading").Text(c.title),
						app.P().Text(c.text),
					),
				),
			)
		}),
	)
}
