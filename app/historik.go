package app

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// historikPage is Historik (SPEC D12; 003 «Jobnet Historik»; 000 5.7,
// Billede 27): one accordion per kind of registration, in the screenshot's
// order, each showing its first ten rows in alternating lines and "Vis
// flere" for the rest; coming registrations are listed too and marked
// "Kommende". Login is open when the page opens (it was the page's only
// fold, and what a citizen told that a caseworker looked comes for); the
// others are folded. An a-kasse caseworker gets the server's "Du har ikke
// adgang til siden" (SPEC K4).
type historikPage struct {
	app.Compo
	load pageLoad
	data historikData
	sess shared.Session
	open map[shared.HistoryAccordion]bool
	// more counts each accordion's "Vis flere".
	more map[shared.HistoryAccordion]int
}

// historikData is what the page shows: Login and the other accordions,
// two answers the server preloads with the page.
type historikData struct {
	Logins  []shared.LoginEntry
	History shared.History
}

func loadHistorik(ctx context.Context) (historikData, error) {
	logins, err := api.LoginHistory(ctx)
	if err != nil {
		return historikData{}, err
	}
	h, err := api.History(ctx)
	return historikData{Logins: logins, History: h}, err
}

func newHistorikPage() *historikPage {
	return &historikPage{open: map[shared.HistoryAccordion]bool{shared.HistoryLogins: true}, more: map[shared.HistoryAccordion]int{}}
}

func (p *historikPage) OnMount(ctx app.Context) { ctx.ObserveState(stateSession, &p.sess) }

func (p *historikPage) OnNav(ctx app.Context) {
	fetchInto(ctx, &p.load, loadHistorik, &p.data)
}

func (p *historikPage) Render() app.UI {
	return newShell().Title("Historik").Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Planer og aftaler", "Historik"),
		app.H1().Text("Historik"),
		p.load.view(ui.Waiting("Henter historik …"), func() app.UI {
			folds := p.folds()
			return app.Div().Class("jobnet-historik").Body(
				app.P().Class("jobnet-historik-intro").Text(shared.HistoryIntro),
				app.Ul().Class("accordion").Body(app.Range(folds).Slice(func(i int) app.UI { return p.renderFold(folds[i]) })),
			)
		}),
	)
}

// historikFold is one accordion: its title, what it holds, its table's
// columns and rows.
type historikFold struct {
	id           shared.HistoryAccordion
	title, intro string
	empty        string
	cols         []string
	rows         []historikRow
	tableClass   string
}

// historikRow is a row's cells; upcoming marks a registration ahead.
type historikRow struct {
	cells    []app.UI
	upcoming bool
}

func (p *historikPage) folds() []historikFold {
	h, today := p.data.History, shared.DateOf(api.Now())
	mirror := p.sess.Actor.Role != "" && p.sess.Actor.Role != shared.RoleCitizen
	absences := func(as []shared.Absence, withKind bool) []historikRow {
		rows := make([]historikRow, len(as))
		for i, a := range as {
			var cells []app.UI
			if withKind {
				cells = append(cells, app.Text(a.Kind.Label()))
			}
			cells = append(cells, app.Text(a.Period.From.DanishShort()), app.Text(historikTo(a.Period)),
				app.Text(historikRegistrant(a.RegisteredBy, a.ClosedBy, mirror)), app.Text(a.Text))
			rows[i] = historikRow{cells: cells, upcoming: shared.HistoryUpcoming(a.Period, today)}
		}
		return rows
	}
	absenceCols := []string{"Fra", "Til", "Registreret af", "Kommentar"}
	withKind := append([]string{"Type"}, absenceCols...)
	three := "de seneste 3 år og de kommende"

	plans := make([]historikRow, len(h.Plans))
	for i, v := range h.Plans {
		label := "Tidligere plan"
		if v.Current {
			label = "Gældende plan"
		}
		plans[i] = historikRow{cells: []app.UI{
			app.Text(danishDateTime(v.Published)), app.Text(v.OrgName),
			app.A().ID("plan-version-"+strconv.FormatInt(v.ID, 10)).Href(shared.HistoryPlanPagePath(v.ID)).Body(
				app.Text(label), app.Span().Class("sr-only").Text(" udgivet "+danishDateTime(v.Published))),
		}}
	}
	meetings := make([]historikRow, len(h.Meetings))
	for i, m := range h.Meetings {
		meetings[i] = historikRow{cells: []app.UI{
			app.Text(danishDateTime(m.Start)),
			app.A().ID("held-meeting-" + strconv.FormatInt(m.ID, 10)).Href(shared.HistoryMeetingPagePath(m.ID)).Text(cmpOrString(m.Type, "Møde")),
			app.Text(m.Form), app.Text(m.OrgName),
		}}
	}
	logins := make([]historikRow, len(p.data.Logins))
	for i, r := range p.data.Logins {
		who := r.Name
		if !r.Caseworker {
			who += " (dig selv)"
		}
		logins[i] = historikRow{cells: []app.UI{app.Text(danishDateTime(r.At)), app.Text(who), app.Text(r.Organisation)}}
	}
	enrolments := make([]historikRow, len(h.Enrolments))
	for i, e := range h.Enrolments {
		enrolments[i] = historikRow{cells: []app.UI{
			app.Text(e.Period.From.DanishShort()), app.Text(historikTo(e.Period)), app.Text(e.Benefit.Label()),
			app.Text(shared.EnrolmentStatusLabel(e)),
		}, upcoming: shared.HistoryUpcoming(e.Period, today)}
	}
	searchability := make([]historikRow, len(h.CVSearchability))
	for i, c := range h.CVSearchability {
		searchability[i] = historikRow{cells: []app.UI{app.Text(danishDateTime(c.At)), app.Text(c.Label())}}
	}
	occupations := make([]historikRow, len(h.SoughtOccupations))
	for i, o := range h.SoughtOccupations {
		title := o.Title
		if o.Alias != "" && o.Alias != o.Title {
			title += " (" + o.Alias + ")"
		}
		occupations[i] = historikRow{cells: []app.UI{app.Text(danishDateTime(o.At)), app.Text(title), app.Text(shared.OccupationChangeLabel(o.Change))}}
	}

	return []historikFold{
		{id: shared.HistoryPlans, title: "Planer", intro: "Her kan du se alle dine tidligere planer i Min plan. Vælg en plan for at se den, som den så ud.",
			empty: "Du har ingen planer.", cols: []string{"Udgivet", "Udgivet af", "Plan"}, rows: plans},
		{id: shared.HistoryMeetings, title: "Møder", intro: "Her kan du se alle dine afholdte møder. Vælg et møde for at se deltagere, tidspunkt, mødeform og aftaler.",
			empty: "Du har ingen afholdte møder.", cols: []string{"Tidspunkt", "Møde", "Mødeform", "Med"}, rows: meetings},
		{id: shared.HistoryLogins, title: "Login", intro: "Her kan du se, hvornår du og sagsbehandlere har været logget ind på dit Jobnet de seneste 3 måneder.",
			empty: "Der er ingen login de seneste 3 måneder.", cols: []string{"Tidspunkt", "Hvem", "Organisation"}, rows: logins,
			tableClass: "jobnet-login-history"},
		{id: shared.HistoryEnrolments, title: "Ledighedsstatusser", intro: "Her kan du se, hvornår du ved tilmeldinger har været registreret som ledig, " + three + ".",
			empty: "Du har ingen ledighedsstatusser " + three + ".", cols: []string{"Fra", "Til", "Ydelse", "Status"}, rows: enrolments},
		{id: shared.HistorySickness, title: "Sygdomsregistreringer", intro: "Her kan du se dine syge- og raskmeldinger, og hvem der har registreret dem, " + three + ".",
			empty: "Du har ingen sygdomsregistreringer " + three + ".", cols: withKind, rows: absences(h.Sickness, true)},
		{id: shared.HistoryHolidays, title: "Ferieregistreringer", intro: "Her kan du se din registrerede ferie " + three + ".",
			empty: "Du har ingen ferieregistreringer " + three + ".", cols: absenceCols, rows: absences(h.Holidays, false)},
		{id: shared.HistoryTemporaryWork, title: "Midlertidigt arbejde", intro: "Her kan du se perioder med midlertidigt arbejde " + three + ".",
			empty: "Du har intet midlertidigt arbejde " + three + ".", cols: absenceCols, rows: absences(h.TemporaryWork, false)},
		{id: shared.HistoryCVSearchability, title: "CV-søgbarhed", intro: "Her kan du se, hvornår dit CV har været søgbart for arbejdsgivere, de seneste 3 år.",
			empty: "Dit CV's søgbarhed er ikke ændret de seneste 3 år.", cols: []string{"Tidspunkt", "Dit CV blev"}, rows: searchability},
		{id: shared.HistorySoughtOccupations, title: "Søgt job som", intro: "Her kan du se de seneste 3 års tilføjelser og fjernelser i Jeg søger job som.",
			empty: "Du har ikke tilføjet eller fjernet stillinger de seneste 3 år.", cols: []string{"Tidspunkt", "Stilling", "Ændring"}, rows: occupations},
		{id: shared.HistoryOtherAbsences, title: "Andre fravær og fritagelser", intro: "Her kan du se fravær og fritagelser, der ikke er sygdom eller ferie, " + three + ".",
			empty: "Du har ingen andre fravær eller fritagelser " + three + ".", cols: withKind, rows: absences(h.OtherAbsences, true)},
	}
}

func (p *historikPage) renderFold(f historikFold) app.UI {
	id := string(f.id)
	open := p.open[f.id]
	return app.Li().Body(
		app.H2().Body(app.Button().Type("button").Class("accordion-button").ID(id+"-button").
			Aria("expanded", boolString(open)).Aria("controls", id+"-content").
			OnClick(func(ctx app.Context, e app.Event) { p.open[f.id] = !open }).
			Body(app.Span().Class("accordion-title").Text(f.title))),
		app.Div().ID(id+"-content").Class("accordion-content").Aria("hidden", boolString(!open)).Body(
			app.P().Text(f.intro),
			app.If(len(f.rows) == 0, func() app.UI { return app.P().Class("jobnet-historik-empty").Text(f.empty) }).
				Else(func() app.UI { return p.renderTable(f) }),
		),
	)
}

func (p *historikPage) renderTable(f historikFold) app.UI {
	id := string(f.id)
	shown := shared.HistoryShown(len(f.rows), p.more[f.id])
	rows := f.rows[:shown]
	// The wrapper scrolls sideways on a phone; keyboard users scroll it
	// once it can take the focus (WCAG 2.1.1), and it needs a name then.
	return app.Div().Body(
		app.Div().Class("table--responsive-scroll").TabIndex(0).Role("region").Aria("label", f.title).Body(
			app.Table().Class("table table--zebra jobnet-history-table "+f.tableClass).ID(id+"-table").Body(
				app.Caption().Class("sr-only").Text(f.title),
				app.THead().Body(app.Tr().Body(app.Range(f.cols).Slice(func(i int) app.UI { return app.Th().Scope("col").Text(f.cols[i]) }))),
				app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI {
					r := rows[i]
					tr := app.Tr().ID(id + "-row-" + strconv.Itoa(i)).Body(app.Range(r.cells).Slice(func(j int) app.UI {
						if j == 0 && r.upcoming {
							return app.Td().Body(r.cells[j], app.Span().Class("jobnet-history-upcoming").Text(" Kommende"))
						}
						return app.Td().Body(r.cells[j])
					}))
					// "Vis flere" moves the focus to the first row it shows.
					if i >= shared.HistoryFirstRows {
						tr = tr.TabIndex(-1)
					}
					return tr
				})),
			),
		),
		app.P().Class("jobnet-history-count").Aria("live", "polite").ID(id+"-count").
			Text("Viser "+strconv.Itoa(shown)+" af "+strconv.Itoa(len(f.rows))+"."),
		app.If(shown < len(f.rows), func() app.UI {
			return app.Button().Type("button").ID(id+"-more").Class("button button-tertiary jobnet-history-more").
				OnClick(func(ctx app.Context, e app.Event) {
					p.more[f.id]++
					// The button is gone when the rest is shown: go-app
					// would drop its deferred focus.
					focusAfterRender(id + "-row-" + strconv.Itoa(shown))
				}).Body(app.Text("Vis flere"), app.Span().Class("sr-only").Text(" "+f.title))
		}),
	)
}

// historikTo is a period's end as Historik shows it.
func historikTo(p shared.Period) string {
	if p.To.IsZero() {
		return "Ikke fastsat"
	}
	return p.To.DanishShort()
}

// historikRegistrant is who registered a registration, and who ended it
// early when another did: "Borger selv, sagsbehandler eller system" (003
// «Jobnet Historik»), as the viewer reads it (shared.RegistrantLabel).
func historikRegistrant(by, closedBy shared.Registrant, mirror bool) string {
	s := shared.RegistrantLabel(by, mirror)
	if closedBy != "" && closedBy != by {
		s += ", afsluttet af " + strings.ToLower(shared.RegistrantLabel(closedBy, mirror))
	}
	return s
}

func cmpOrString(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// danishDateTime formats a time as "22.11.2026 kl. 09:15" in the browser's zone.
func danishDateTime(t time.Time) string {
	return t.Local().Format("02.01.2006") + " kl. " + t.Local().Format("15:04")
}
