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

// timelineView is "Indsatser og aftaler" (SPEC D2): the timeline drawn from
// shared.LayoutTimeline, its window controls, the pop-up of an item, and the
// list view (the default below 768 px) with "Fold alle ud/ind".
type timelineView struct {
	app.Compo

	IItems []shared.PlanItem

	window   shared.Window
	ready    bool
	list     bool
	open     string          // the item shown in the pop-up
	expanded map[string]bool // items unfolded in the list
}

func newTimelineView() *timelineView { return &timelineView{} }

func (v *timelineView) Items(items []shared.PlanItem) *timelineView {
	v.IItems = items
	return v
}

func (v *timelineView) OnMount(ctx app.Context) {
	v.expanded = map[string]bool{}
	v.window = shared.WindowAround(shared.DateOf(api.Now()), 6)
	if app.IsClient {
		v.list = app.Window().Get("innerWidth").Int() < 768
	}
	v.ready = true
}

func (v *timelineView) today() shared.Date { return shared.DateOf(api.Now()) }

// earliest is where the window may reach back to: the first item of the
// plan, standing in for the first public benefit.
func (v *timelineView) earliest() shared.Date {
	var e shared.Date
	for _, it := range v.IItems {
		if e.IsZero() || it.Period.From.Before(e) {
			e = it.Period.From
		}
	}
	return e
}

func (v *timelineView) item(id string) (shared.PlanItem, bool) {
	for _, it := range v.IItems {
		if it.ID == id {
			return it, true
		}
	}
	return shared.PlanItem{}, false
}

func (v *timelineView) setMonths(ctx app.Context, e app.Event) {
	n, _ := strconv.Atoi(ui.InputValue(ctx))
	if slices.Contains(shared.TimelineMonths, n) {
		v.window = shared.WindowAround(v.today(), n)
	}
}

func (v *timelineView) openItem(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		v.open = id
		ui.OpenModal(ctx, "item-popup")
	}
}

// closePopup gives the focus back to the item's bar first, while the
// pop-up still exists: go-app drops a deferred call whose element (the
// pop-up that got the key) is gone by then.
func (v *timelineView) closePopup(ctx app.Context) {
	ui.FocusByID("bar-" + v.open)
	v.open = ""
}

func (v *timelineView) Render() app.UI {
	if !v.ready {
		return app.Div().Class("jobnet-timeline").Body(app.P().Text("Henter tidslinjen …"))
	}
	return app.Section().Class("jobnet-timeline").Aria("labelledby", "timeline-heading").Body(
		app.H2().ID("timeline-heading").Text("Indsatser og aftaler"),
		app.Div().Class("jobnet-timeline-views").Role("group").Aria("label", "Visning").Body(
			app.Button().Type("button").ID("view-timeline").Class("button button-secondary").Aria("pressed", boolString(!v.list)).
				OnClick(func(ctx app.Context, e app.Event) { v.list = false }).Text("Tidslinje"),
			app.Button().Type("button").ID("view-list").Class("button button-secondary").Aria("pressed", boolString(v.list)).
				OnClick(func(ctx app.Context, e app.Event) { v.list = true }).Text("Liste"),
		),
		app.If(v.list, v.renderList).Else(v.renderTimeline),
		// Always present, so the page keeps its places (go-app matches by position).
		ui.Slot("jobnet-popup-slot", v.open != "", v.renderPopup),
	)
}

func (v *timelineView) renderTimeline() app.UI {
	items := make([]shared.TimelineItem, 0, len(v.IItems))
	for _, it := range v.IItems {
		items = append(items, shared.TimelineItem{ID: it.ID, Kind: it.Kind, Period: it.Period})
	}
	l := shared.LayoutTimeline(items, v.window)
	w := v.window
	last := w.To().AddDays(-1)
	today := v.today()
	todayAt := -1.0
	if !today.Before(w.From) && today.Before(w.To()) {
		todayAt = float64(today.DaysSince(w.From)) / float64(w.To().DaysSince(w.From))
	}
	return app.Div().Body(
		app.Div().Class("jobnet-timeline-controls").Body(
			app.Button().Type("button").ID("timeline-prev").Class("button button-tertiary").Aria("label", "Forrige periode").
				OnClick(func(ctx app.Context, e app.Event) { v.window = v.window.Shift(-1, v.earliest()) }).Body(ui.Icon("chevron-left", "")),
			app.Span().ID("timeline-period").Class("jobnet-timeline-period").Aria("live", "polite").Text(w.From.Danish()+" – "+last.Danish()),
			app.Button().Type("button").ID("timeline-next").Class("button button-tertiary").Aria("label", "Næste periode").
				OnClick(func(ctx app.Context, e app.Event) { v.window = v.window.Shift(1, shared.Date{}) }).Body(ui.Icon("chevron-right", "")),
			app.Button().Type("button").ID("timeline-today").Class("button button-secondary").
				OnClick(func(ctx app.Context, e app.Event) { v.window = shared.WindowAround(today, v.window.Months) }).Text("Gå til i dag"),
			app.Label().For("timeline-months").Class("sr-only").Text("Periode"),
			app.Select().ID("timeline-months").Class("form-select jobnet-timeline-months").OnChange(v.setMonths).Body(
				app.Range(shared.TimelineMonths).Slice(func(i int) app.UI {
					n := shared.TimelineMonths[i]
					return app.Option().Value(strconv.Itoa(n)).Selected(n == w.Months).Text(fmt.Sprintf("%d måneder", n))
				}),
			),
		),
		app.P().Text("Klik på indholdet af din plan"),
		app.If(len(l.Rows) == 0, func() app.UI {
			return app.P().Class("jobnet-timeline-empty").Text("Der er ingen indsatser eller aftaler i perioden.")
		}),
		app.Div().Class("jobnet-timeline-grid").Body(
			app.Range(l.Rows).Slice(func(i int) app.UI { return v.renderRow(l.Rows[i], todayAt) }),
			app.Div().Class("jobnet-timeline-axis").Aria("hidden", "true").Body(
				app.Div().Class("jobnet-timeline-label"),
				app.Div().Class("jobnet-timeline-track").Body(
					app.Range(l.Ticks).Slice(func(i int) app.UI {
						t := l.Ticks[i]
						return app.Span().Class("jobnet-tick").Style("left", pct(t.At)).Body(
							app.Text(t.Label),
							app.If(t.Year != 0, func() app.UI { return app.Span().Class("jobnet-tick-year").Text(strconv.Itoa(t.Year)) }),
						)
					}),
				),
			),
		),
	)
}

func pct(f float64) string { return strconv.FormatFloat(f*100, 'f', 3, 64) + "%" }

func (v *timelineView) renderRow(r shared.TimelineRowLayout, todayAt float64) app.UI {
	title := r.Row.Title()
	return app.Div().Class("jobnet-timeline-row").Body(
		app.H3().Class("jobnet-timeline-label").Text(title),
		app.Div().Class("jobnet-timeline-track").Style("height", fmt.Sprintf("%.1frem", 3.6*float64(r.Lanes))).Body(
			app.If(todayAt >= 0, func() app.UI {
				return app.Span().Class("jobnet-today-line").Style("left", pct(todayAt)).Aria("hidden", "true")
			}),
			app.Range(r.Bars).Slice(func(i int) app.UI {
				b := r.Bars[i]
				it, _ := v.item(b.ID)
				class := "jobnet-bar"
				if r.Row == shared.RowAftaler {
					class += " jobnet-bar-aftale"
				}
				label := it.Heading() + ", " + it.When()
				if b.ClippedStart {
					class += " jobnet-bar-clip-start"
					label += ", begyndte før perioden"
				}
				if b.ClippedEnd {
					class += " jobnet-bar-clip-end"
					label += ", fortsætter efter perioden"
				}
				return app.Button().Type("button").ID("bar-"+b.ID).Class(class).Aria("label", label).Aria("haspopup", "dialog").
					Style("left", pct(b.Start)).Style("width", pct(b.End-b.Start)).Style("top", fmt.Sprintf("%.1frem", 3.6*float64(b.Lane))).
					OnClick(v.openItem(b.ID), app.EventScope(b.ID)).Body(app.Span().Class("jobnet-bar-text").Text(it.Heading()))
			}),
		),
	)
}

func itemDetails(it shared.PlanItem) app.UI {
	fields := it.PopupFields()
	return app.Dl().Class("jobnet-item-fields").Body(
		app.Range(fields).Slice(func(i int) app.UI {
			return app.Div().Body(app.Dt().Text(fields[i].Label), app.Dd().Text(fields[i].Value))
		}),
	)
}

func (v *timelineView) renderPopup() app.UI {
	it, ok := v.item(v.open)
	if !ok {
		return nil
	}
	return ui.Modal("item-popup").Title(it.Heading()).OnClose(v.closePopup).Body(itemDetails(it))
}

func (v *timelineView) renderList() app.UI {
	var items []shared.PlanItem
	for _, it := range v.IItems {
		if _, ok := shared.TimelineRowOf(it.Kind); ok {
			items = append(items, it)
		}
	}
	slices.SortStableFunc(items, func(a, b shared.PlanItem) int { return b.Period.From.Compare(a.Period.From) })
	setAll := func(open bool) app.EventHandler {
		return func(ctx app.Context, e app.Event) {
			for _, it := range items {
				v.expanded[it.ID] = open
			}
		}
	}
	return app.Div().Class("jobnet-timeline-list").Body(
		app.Div().Class("jobnet-list-bulk").Body(
			app.Button().Type("button").ID("fold-out").Class("button button-tertiary").OnClick(setAll(true)).Text("Fold alle ud"),
			app.Button().Type("button").ID("fold-in").Class("button button-tertiary").OnClick(setAll(false)).Text("Fold alle ind"),
		),
		app.Ul().Class("accordion").Body(app.Range(items).Slice(func(i int) app.UI {
			it := items[i]
			open := v.expanded[it.ID]
			return app.Li().Body(
				app.H3().Body(app.Button().Type("button").Class("accordion-button").ID("list-"+it.ID).
					Aria("expanded", boolString(open)).Aria("controls", "list-content-"+it.ID).
					OnClick(func(ctx app.Context, e app.Event) { v.expanded[it.ID] = !open }).Body(
					app.Span().Class("accordion-title").Text(it.Heading()),
					app.Span().Class("jobnet-list-when").Text(" · "+it.When()),
				)),
				app.Div().ID("list-content-"+it.ID).Class("accordion-content").Aria("hidden", boolString(!open)).Body(itemDetails(it)),
			)
		})),
	)
}
