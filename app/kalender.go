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

// kalenderPage is "Planer og aftaler → Kalender" (SPEC D5; 000 5.3,
// Billede 19): "Kalender <måned> <år>" with "<" ">", the filters Møder,
// Joblog, Indsatser (and Fravær once absences have a source), a month
// Monday first with week numbers, today marked. Entries show type, title
// and date only; the details stay in Min Plan and the Joblog. On a phone
// the month is a list by day (the grid and the list are both drawn; the
// style sheet shows one). The month is in the address (?maaned=2026-12),
// so back, forward and reload keep it, and the server preloads it.
//
// Below, the citizen's private calendar address (iCalendar): made, shown
// once (only its hash is kept), replaced and deleted by the citizen. The
// jobcenter sees whether there is one; the a-kasse nothing of it.
type kalenderPage struct {
	app.Compo
	load   pageLoad
	maaned string // as the address has it: "" is this month
	month  shared.CalendarMonth
	sess   shared.Session
	// off are the filters the citizen unticked: all are ticked by default.
	off map[shared.CalendarFilter]bool
	// made is the address just made, shown until the page is left.
	made    *shared.CalendarFeedCreated
	feedErr string
	notice  string // what the last action did, read out
	copied  bool
	busy    bool
}

func newKalenderPage() *kalenderPage { return &kalenderPage{} }

func (p *kalenderPage) OnMount(ctx app.Context) { ctx.ObserveState(stateSession, &p.sess) }

func (p *kalenderPage) OnNav(ctx app.Context) {
	p.maaned = ctx.Page().URL().Query().Get(shared.CalendarMonthParam)
	p.made, p.feedErr, p.notice, p.copied = nil, "", "", false
	m := p.maaned
	fetchInto(ctx, &p.load, func(c context.Context) (shared.CalendarMonth, error) { return api.Calendar(c, m) }, &p.month)
}

func (p *kalenderPage) Render() app.UI {
	title := "Kalender"
	if p.load.st == loaded {
		title += " " + p.month.Month.Danish()
	}
	return newShell().Title("Kalender").Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Planer og aftaler", "Kalender"),
		app.Div().Class("jobnet-cal-head").Body(
			app.H1().ID("kalender-heading").Text(title),
			app.If(p.load.st == loaded, p.renderNav),
		),
		p.load.view(ui.Waiting("Henter din kalender …"), func() app.UI {
			return app.Div().Class("jobnet-kalender").Body(
				p.renderFilters(),
				p.renderGrid(),
				p.renderList(),
				p.renderFeed(),
			)
		}),
		// A month the address names wrongly: the way back to this one.
		app.If(p.load.st == loadingErr && p.maaned != "", func() app.UI {
			return app.P().Body(app.A().ID("kalender-denne").Href(pathKalender).Text("Vis denne måned"))
		}),
	)
}

// kalenderHref is the page of a month.
func kalenderHref(m shared.YearMonth) string {
	return pathKalender + "?" + shared.CalendarMonthParam + "=" + m.String()
}

// renderNav is "<" ">": links, so that the browser's back and forward
// and a reload keep the month; their names say which month they lead to.
func (p *kalenderPage) renderNav() app.UI {
	prev, next := p.month.Month.Add(-1), p.month.Month.Add(1)
	return app.Nav().Class("jobnet-cal-nav").Aria("label", "Skift måned").Body(
		app.A().ID("kalender-forrige").Class("button button-secondary").Href(kalenderHref(prev)).
			Aria("label", "Forrige måned, "+strings.ToLower(prev.Danish())).Text("<"),
		app.A().ID("kalender-naeste").Class("button button-secondary").Href(kalenderHref(next)).
			Aria("label", "Næste måned, "+strings.ToLower(next.Danish())).Text(">"),
	)
}

func filterID(f shared.CalendarFilter) string { return "kalender-filter-" + string(f) }

// renderFilters are the checkboxes of the sources there are.
func (p *kalenderPage) renderFilters() app.UI {
	return app.FieldSet().Class("jobnet-cal-filters").Body(
		app.Legend().Class("sr-only").Text("Vis i kalenderen"),
		app.Range(p.month.Filters).Slice(func(i int) app.UI {
			f := p.month.Filters[i]
			return app.Div().Class("form-group-checkbox").Body(
				app.Input().Type("checkbox").ID(filterID(f)).Class("form-checkbox").Checked(!p.off[f]).
					OnChange(func(ctx app.Context, e app.Event) {
						if p.off == nil {
							p.off = map[shared.CalendarFilter]bool{}
						}
						p.off[f] = !ctx.JSSrc().Get("checked").Bool()
					}),
				app.Label().Class("form-label").For(filterID(f)).Text(f.Label()),
			)
		}),
	)
}

// shown are the month's entries under the ticked filters.
func (p *kalenderPage) shown() []shared.CalendarEntry {
	ticked := map[shared.CalendarFilter]bool{}
	for _, f := range shared.CalendarFilterOrder {
		ticked[f] = !p.off[f]
	}
	return shared.FilterCalendar(p.month.Entries, ticked)
}

func (p *kalenderPage) today() shared.Date { return shared.DateOf(api.Now()) }

// renderGrid is the month as a table, Monday first, each row headed by
// its week number (Billede 19: "UGE 15").
func (p *kalenderPage) renderGrid() app.UI {
	byDay := map[shared.Date][]shared.CalendarEntry{}
	for _, e := range p.shown() {
		byDay[e.Date] = append(byDay[e.Date], e)
	}
	today := p.today()
	weeks := shared.MonthGrid(p.month.Month)
	return app.Table().ID("kalender-maaned").Class("jobnet-cal-grid").Body(
		app.Caption().Class("sr-only").Text("Kalender "+p.month.Month.Danish()),
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Body(app.Span().Class("sr-only").Text("Uge")),
			app.Range(shared.CalendarWeekdays[:]).Slice(func(i int) app.UI {
				return app.Th().Scope("col").Text(shared.CalendarWeekdays[i])
			}),
		)),
		app.TBody().Body(app.Range(weeks).Slice(func(w int) app.UI {
			week := weeks[w]
			return app.Tr().Body(
				app.Th().Scope("row").Class("jobnet-cal-week").Text("UGE "+strconv.Itoa(week.Number)),
				app.Range(week.Days[:]).Slice(func(i int) app.UI {
					return p.renderDay(week.Days[i], today, byDay[week.Days[i]])
				}),
			)
		})),
	)
}

func (p *kalenderPage) renderDay(d, today shared.Date, entries []shared.CalendarEntry) app.UI {
	if shared.YearMonthOf(d) != p.month.Month {
		return app.Td().Class("jobnet-cal-day jobnet-cal-other").Body(
			app.Span().Class("jobnet-cal-date").Aria("hidden", "true").Text(strconv.Itoa(d.Day) + "."),
		)
	}
	td := app.Td().ID("kalender-dag-" + d.String()).Class("jobnet-cal-day")
	if d == today {
		td = td.Class("jobnet-cal-today").Aria("current", "date")
	}
	return td.Body(
		app.Span().Class("jobnet-cal-date").Body(
			app.Text(strconv.Itoa(d.Day)+"."),
			app.If(d == today, func() app.UI { return app.Span().Class("sr-only").Text(" (i dag)") }),
		),
		app.If(len(entries) > 0, func() app.UI { return entryList(entries) }),
	)
}

// entryList is a day's entries: type and title (the day is the date).
func entryList(entries []shared.CalendarEntry) app.UI {
	return app.Ul().Class("unstyled-list jobnet-cal-entries").Body(app.Range(entries).Slice(func(i int) app.UI {
		e := entries[i]
		return app.Li().Class("jobnet-cal-entry jobnet-cal-"+string(e.Kind)).DataSet("entry", e.ID).Body(
			app.Span().Class("jobnet-cal-type").Text(e.Kind.Label()+": "),
			app.Span().Class("jobnet-cal-title").Text(strings.TrimPrefix(e.Text(), e.Kind.Label()+": ")),
		)
	}))
}

// renderList is the phone's view: the days with entries, in order.
func (p *kalenderPage) renderList() app.UI {
	days := shared.EntriesByDay(p.shown())
	today := p.today()
	return app.Div().ID("kalender-liste").Class("jobnet-cal-list").Body(
		app.If(len(days) == 0, func() app.UI {
			return app.P().Text("Der er intet i kalenderen i " + strings.ToLower(p.month.Month.Danish()) + ".")
		}).Else(func() app.UI {
			return app.Ol().Class("unstyled-list").Aria("label", "Kalender "+p.month.Month.Danish()).Body(app.Range(days).Slice(func(i int) app.UI {
				d := days[i][0].Date
				head := app.H2().Class("h5 jobnet-cal-list-day").Text(capitalise(d.DanishLong()))
				li := app.Li().ID("kalender-listedag-" + d.String()).Class("jobnet-cal-list-item")
				if d == today {
					li = li.Class("jobnet-cal-today").Aria("current", "date")
				}
				return li.Body(head, entryList(days[i]))
			}))
		}),
	)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// renderFeed is the private calendar address: the citizen's to make and
// delete; the jobcenter sees whether there is one; the a-kasse is told
// nothing of it (its answer has no feed).
func (p *kalenderPage) renderFeed() app.UI {
	switch p.sess.Actor.Role {
	case shared.RoleAKasse, "": // the a-kasse; or whose page it is is not known yet
		return nil
	case shared.RoleJobcenter:
		text := "Borgeren har ingen privat kalenderadresse."
		if p.month.Feed.Active {
			text = "Borgeren har en privat kalenderadresse, lavet " + p.month.Feed.Created.DanishShort() + "."
		}
		return app.Section().ID("kalender-abonnement").Class("jobnet-cal-feed").Aria("labelledby", "kalender-abonnement-heading").Body(
			app.H2().ID("kalender-abonnement-heading").Text("Kalender på din telefon"),
			app.P().ID("kalender-abonnement-status").Text(text),
		)
	}
	// The citizen's own.
	return app.Section().ID("kalender-abonnement").Class("jobnet-cal-feed").Aria("labelledby", "kalender-abonnement-heading").Body(
		app.H2().ID("kalender-abonnement-heading").Text("Kalender på din telefon"),
		app.P().Text("Med en privat adresse kan kalenderen på din telefon eller computer vise dine møder, frister og indsatser fra Jobnet og holde sig opdateret. Dine logs kommer ikke med."),
		app.P().Text("Giv ikke adressen til andre: den, der har den, kan se dine aftaler."),
		ui.ErrorSlot("jobnet-cal-feed-error", p.feedErr),
		app.P().ID("kalender-abonnement-besked").Class("jobnet-cal-notice").Role("status").Text(p.notice),
		app.If(p.made != nil, p.renderMade).
			ElseIf(p.month.Feed.Active, func() app.UI {
				return app.Div().Body(
					app.P().ID("kalender-abonnement-status").Text("Du har en privat kalenderadresse, lavet "+p.month.Feed.Created.DanishShort()+". Af hensyn til din sikkerhed kan den ikke vises igen; lav en ny, hvis du skal bruge den."),
					app.Div().Class("jobnet-cal-feed-actions").Body(
						app.Button().Type("button").ID("kalender-ny-adresse").Class("button button-secondary").Disabled(p.busy).
							OnClick(p.create).Text("Lav en ny adresse"),
						app.Button().Type("button").ID("kalender-slet-adresse").Class("button button-tertiary").Disabled(p.busy).
							OnClick(p.revoke).Text("Slet adressen"),
					),
				)
			}).
			Else(func() app.UI {
				return app.Button().Type("button").ID("kalender-lav-adresse").Class("button button-primary").Disabled(p.busy).
					OnClick(p.create).Text("Lav en privat kalenderadresse")
			}),
	)
}

// feedURL is the address the phone subscribes to.
func feedURL(path string) string {
	if app.IsServer {
		return path
	}
	return app.Window().Get("location").Get("origin").String() + path
}

// renderMade shows the new address, this once, with a copy button.
func (p *kalenderPage) renderMade() app.UI {
	u := feedURL(p.made.Path)
	return app.Div().ID("kalender-ny").Class("jobnet-cal-feed-made").Body(
		app.Div().Class("form-group").Body(
			app.Label().Class("form-label").For("kalender-adresse").Text("Din private kalenderadresse"),
			app.Span().ID("kalender-adresse-hint").Class("form-hint").
				Text("Adressen vises kun nu. Kopiér den, og tilføj den som abonnement i din kalender (fx \"Tilføj kalender fra URL\")."),
			app.Input().Type("text").ID("kalender-adresse").Class("form-input input-width-xl").ReadOnly(true).Value(u).
				Aria("describedby", "kalender-adresse-hint").
				OnFocus(func(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") }),
		),
		app.Div().Class("jobnet-cal-feed-actions").Body(
			app.Button().Type("button").ID("kalender-kopier").Class("button button-secondary").
				OnClick(func(ctx app.Context, e app.Event) {
					if nav := app.Window().Get("navigator"); nav.Truthy() && nav.Get("clipboard").Truthy() {
						nav.Get("clipboard").Call("writeText", u)
					}
					p.copied = true
				}).Text("Kopiér adressen"),
			app.Button().Type("button").ID("kalender-slet-adresse").Class("button button-tertiary").Disabled(p.busy).
				OnClick(p.revoke).Text("Slet adressen"),
		),
		app.P().Class("jobnet-cal-copied").Aria("live", "polite").Text(map[bool]string{true: "Adressen er kopieret.", false: ""}[p.copied]),
	)
}

func (p *kalenderPage) create(ctx app.Context, e app.Event) {
	p.busy, p.feedErr, p.notice, p.copied = true, "", "", false
	replaced := p.month.Feed.Active
	ctx.Async(func() {
		made, err := api.CreateCalendarFeed(ctx)
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = false
			if err != nil {
				p.feedErr = shared.ErrorMessageOf(err)
				return
			}
			p.made, p.month.Feed = &made, made.CalendarFeedState
			p.notice = "Din private kalenderadresse er lavet."
			if replaced {
				p.notice += " Den adresse, du havde før, virker ikke længere."
			}
			ui.FocusSoon(ctx, "kalender-adresse")
		})
	})
}

func (p *kalenderPage) revoke(ctx app.Context, e app.Event) {
	p.busy, p.feedErr, p.notice, p.copied = true, "", "", false
	ctx.Async(func() {
		err := api.RevokeCalendarFeed(ctx)
		ctx.Dispatch(func(ctx app.Context) {
			p.busy = false
			if err != nil {
				p.feedErr = shared.ErrorMessageOf(err)
				return
			}
			p.made, p.month.Feed = nil, shared.CalendarFeedState{}
			p.notice = "Adressen er slettet. Kalendere, der bruger den, får ikke flere opdateringer fra Jobnet."
			ui.FocusSoon(ctx, "kalender-lav-adresse")
		})
	})
}
