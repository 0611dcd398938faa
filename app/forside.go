package app

import (
	"fmt"
	"slices"
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
		{"Joblog", "Angiv job du har søgt eller planlægger at søge", pathJoblog},
		{"Mit CV", "Angiv CV-oplysninger og lav et CV, som arbejdsgivere kan bruge til at finde dig.", pathCV},
		// Præsentations-CV: shown to every citizen (FEATURES.md 4.2: the
		// sources do not say to whom; the a-kasse's screenshot lists it for
		// a dagpenge member, and the card says it is filled "efter aftale
		// med din sagsbehandler"). The a-kasse meets "Ingen adgang" there.
		{"Præsentations-CV", "Dette CV kan du udfylde efter aftale med din sagsbehandler.", pathPresentation},
		{"Job i Europa", "Angiv om dit CV skal være synlig for arbejdsgivere i hele Europa.", pathEures},
	}
	screeningCard   = menuCard{"Forberedelsesskema", "Besvar spørgsmål om din jobsøgning, så jobkonsulenten bedre kan rådgive dig.", pathScreening}
	minPlanCard     = menuCard{"Min plan", "Her kan du se, hvilke aftaler du og dine jobkonsulenter har indgået.", pathMinPlan}
	moederCard      = menuCard{"Møder", shared.MeetingsCardText, shared.PageMeetings}
	kalenderCard    = menuCard{"Kalender", "Her kan du se dine kommende møder, jobs du har søgt, fravær mm.", pathKalender}
	beskedbakkeCard = menuCard{"Min beskedbakke", "Se beskeder fra dit jobcenter og dine jobkonsulenter.", pathBeskedbakke}
	historikCard    = menuCard{"Historik", "Se dine tidligere indsatser på Jobnet.", pathHistorik}
	// Fravær (SPEC D7): this project's card text; the sources show the
	// page, not its card.
	fravaerCard = menuCard{"Fravær", "Meld dig syg eller rask, meld ferie og registrer midlertidigt arbejde.", pathFravaer}
	// tilmeldingCard: Til- og afmelding (SPEC D8), before Historik.
	tilmeldingCard  = menuCard{"Til- og afmelding", "Tilmeld dig som ledig, eller afmeld dig.", pathTilmelding}
	dagpengeCard    = menuCard{"Dagpengetællere", "Følg med i dit dagpengeforbrug og muligheden for at forlænge din dagpengeperiode.", pathDagpenge}
	supplerendeCard = menuCard{"Tællere for supplerende dagpenge", "Følg med i dit forbrug af supplerende dagpenge.", pathSuppl}
	timer225Card    = menuCard{"225 timers reglen", "Se, hvor mange timer du har arbejdet de seneste 12 måneder.", pathTimer225}
)

// jobsoegningMenu lists "Jobsøgning" in the sources' order [000 Billede
// 4]; the Forberedelsesskema only while a screening is shown [003].
func jobsoegningMenu(f shared.Features) []menuCard {
	cards := slices.Clone(jobsoegningCards)
	if f.Forberedelsesskema != "" {
		at := slices.IndexFunc(cards, func(c menuCard) bool { return c.href == pathEures })
		cards = slices.Insert(cards, at, screeningCard)
	}
	return cards
}

// planerCards lists "Planer og aftaler" in the sources' order (Møder
// after Min plan [000 Billede 12]); the
// counters appear only for citizens with counter data (003_…txt). Min
// beskedbakke's card counts the messages of the last 30 days ["Af
// a-siden fremgår på Mine beskeder, hvor mange beskeder man har haft pr.
// løbende 30 dage" [003]].
func planerCards(f shared.Features, messages int) []menuCard {
	besked := beskedbakkeCard
	besked.text += " " + messageCountText(messages)
	// Møder and Kalender after Min plan [000 Billede 12].
	cards := []menuCard{minPlanCard, moederCard, kalenderCard, besked}
	if f.Dagpengetaellere {
		cards = append(cards, dagpengeCard)
	}
	if f.Supplerende {
		cards = append(cards, supplerendeCard)
	}
	if f.Timer225 {
		cards = append(cards, timer225Card)
	}
	return append(cards, fravaerCard, tilmeldingCard, historikCard)
}

// messageCountText is the card's count.
func messageCountText(n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("Ingen beskeder de seneste %d dage.", shared.MessageCountDays)
	case 1:
		return fmt.Sprintf("1 besked de seneste %d dage.", shared.MessageCountDays)
	}
	return fmt.Sprintf("%d beskeder de seneste %d dage.", n, shared.MessageCountDays)
}

// vigtigFoldedKey remembers for the session that "Vigtig information" was
// folded (SPEC B3: expanded at session start, stays folded once folded).
const vigtigFoldedKey = "jobnet.vigtigFolded"

// forside is the front page (SPEC B2–B7), in the sources' order: the two
// forsidekort, "Vigtig information", the primary action, automatch
// [003 «Forsiden»], then the menu of the two tabs, which the cards are
// seen before ["ses inden du vælger enten Jobsøgning eller Planer og
// aftaler", 000 4.1].
type forside struct {
	app.Compo
	load      pageLoad
	ov        shared.Overview
	sess      shared.Session
	folded    bool
	actionErr string
}

func newForside() *forside { return &forside{} }

func (p *forside) OnMount(ctx app.Context) { ctx.ObserveState(stateSession, &p.sess) }

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
	return newShell().Title("Forside").Access(forCitizenView).Front(true).Body(
		app.Div().Class("jobnet-forside").Body(
			p.load.view(app.Div().Body(
				app.H1().Text("Forside"),
				app.P().Class("jobnet-loading").Aria("live", "polite").Text("Henter dine oplysninger …"),
			), func() app.UI {
				return app.Div().Body(
					app.H1().ID("forside-heading").TabIndex(-1).Class("jobnet-welcome").Text("Velkommen "+p.ov.Name),
					p.renderStatus(),
					p.renderCards(),
					p.renderVigtig(),
					p.renderPrimary(),
					p.renderAutomatch(),
					p.renderTabs(),
				)
			}),
			// A call-in to acknowledge, first after login (invitation.go).
			newInvitationModal(),
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
							// A sharper tone is a coloured edge (DKFDS's
							// alert colours); the words say it too.
							return app.Li().Class("jobnet-notification").Class(toneClass(n.Tone)).Body(
								app.H3().Class("h5").Text(n.Title),
								app.P().Text(n.Text),
								p.renderNotificationAction(n),
							)
						}),
					)
				}),
			),
		),
	)
}

// renderNotificationAction is the notification's action: a link to its
// page, or "Jeg har sendt dem".
func (p *forside) renderNotificationAction(n shared.Notification) app.UI {
	a, ok := shared.ActionOf(n.Kind)
	switch {
	case !ok:
		return nil
	case a.Done && !p.sess.Actor.MayWrite():
		return nil // a caseworker sees the notice; marking it done is the citizen's
	case a.Done:
		return app.Button().Type("button").Class("button button-secondary").
			OnClick(p.markDone(n.ID), app.EventScope(strconv.FormatInt(n.ID, 10))).Text(a.Label)
	}
	return app.A().Class("jobnet-notification-link").Href(a.Page).Text(a.Label)
}

// renderCards are the two forsidekort (SPEC B2), when the citizen has any.
func (p *forside) renderCards() app.UI {
	cards := p.ov.Cards
	if len(cards) == 0 {
		return nil
	}
	return app.Section().Class("jobnet-forsidekort").Aria("labelledby", "forsidekort-heading").Body(
		app.H2().ID("forsidekort-heading").Class("sr-only").Text("Til dig"),
		app.Div().Class("row").Body(
			app.Range(cards).Slice(func(i int) app.UI {
				c := cards[i]
				return app.Div().Class("col-12 col-md-6 mb-5").Body(
					app.Div().Class("card jobnet-forsidekort-card").DataSet("kind", string(c.Kind)).Body(
						app.Div().Class("card-content").Body(
							app.P().Class("jobnet-forsidekort-kind").Text(string(c.Kind)),
							app.H3().Class("card-heading").Text(c.Title),
							app.P().Class("jobnet-forsidekort-text").Text(c.Text),
							cardLink(c),
						),
					),
				)
			}),
		),
	)
}

// cardLink is a card's link: to one of Jobnet's pages, or as nudgeLink.
func cardLink(c shared.Card) app.UI {
	if c.Page != "" {
		return app.A().Class("jobnet-forsidekort-link").Href(c.Page).Text(c.Link)
	}
	return nudgeLink(c.Link, c.Search, c.Href, "jobnet-forsidekort-link")
}

// nudgeLink is a nudge's link: Find Job with a search, or a public site.
func nudgeLink(label string, search *shared.JobSearch, href, class string) app.UI {
	if search != nil {
		return app.A().Class(class).Href(findJobSearchHref(*search)).Text(label)
	}
	return app.A().Class(class).Href(href).Rel("noopener").Body(
		app.Text(label), app.Span().Class("sr-only").Text(" (eksternt link)"),
	)
}

// findJobSearchHref opens Find Job with the search.
func findJobSearchHref(q shared.JobSearch) string { return pathFindJob + "?" + q.Query().Encode() }

// renderPrimary is the one primary action (SPEC B4).
func (p *forside) renderPrimary() app.UI {
	a := p.ov.Primary
	if a.Title == "" {
		return nil
	}
	var link app.UI
	if a.Page != "" {
		link = app.A().Class("button button-primary jobnet-primary-link").Href(a.Page).Text(a.Link)
	} else {
		link = nudgeLink(a.Link, a.Search, a.Href, "button button-primary jobnet-primary-link")
	}
	return app.Section().Class("jobnet-primary").Aria("labelledby", "primary-heading").Body(
		app.H2().ID("primary-heading").Class("h3").Text(a.Title),
		app.P().Text(a.Text),
		link,
	)
}

// renderAutomatch is the job suggestions (SPEC B5): each rule's heading
// and its ads; nothing for a citizen automatch does not run for.
func (p *forside) renderAutomatch() app.UI {
	m := p.ov.Automatch
	if !m.Active {
		return nil
	}
	return app.Section().Class("jobnet-automatch").Aria("labelledby", "automatch-heading").Body(
		app.H2().ID("automatch-heading").Class("h3").Text("Jobforslag til dig"),
		app.If(len(m.Groups) == 0, func() app.UI {
			return app.P().Text("Der er ingen job, der passer til dine jobønsker, i dit område lige nu. Se alle job under Find job.")
		}),
		app.Range(m.Groups).Slice(func(i int) app.UI {
			g := m.Groups[i]
			return app.Div().Class("jobnet-automatch-group").Body(
				app.H3().Class("h5").Text(g.Heading),
				app.Ul().Class("unstyled-list jobnet-automatch-ads").Body(
					app.Range(g.Ads).Slice(func(j int) app.UI { return automatchTeaser(g.Ads[j]) }),
				),
			)
		}),
	)
}

// automatchTeaser is one suggested ad: its title to its page (or its
// source), the employer, the place and when it was posted.
func automatchTeaser(a shared.AutomatchAd) app.UI {
	href := adHref(a.ID, a.ExternalURL)
	title := app.A().Href(href).Text(a.Title)
	if a.ExternalURL != "" {
		title = app.A().Href(href).Rel("noopener").Body(app.Text(a.Title), app.Span().Class("sr-only").Text(" (ekstern annonce)"))
	}
	meta := a.Employer
	if a.Place != "" {
		meta += " · " + a.Place
	}
	return app.Li().Class("jobnet-automatch-ad").Body(
		app.P().Class("jobnet-automatch-title").Body(title),
		app.P().Class("jobnet-automatch-meta").Text(meta+" · Oprettet "+shared.DateOf(a.Published).Danish()),
	)
}

// renderTabs is the front page's menu: "Jobsøgning" and "Planer og
// aftaler" as tabs of cards.
func (p *forside) renderTabs() app.UI {
	t := ui.Tabs().Class("jobnet-tabs").Label("Menu").
		Tab("Jobsøgning", cardMenu(jobsoegningMenu(p.ov.Features))).
		Tab("Planer og aftaler", cardMenu(planerCards(p.ov.Features, p.ov.MessageCount)))
	return withMinSagTab(t, p.ov.Features, p.sess.Actor.Role)
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

// toneClass is the class of a notification's tone, "" for a plain one.
func toneClass(t shared.Tone) string {
	if t == "" || t == shared.ToneInfo {
		return ""
	}
	return "jobnet-notification--" + string(t)
}
