package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ITabs is DKFDS tabs as WAI-ARIA tabs: a tab list whose selected tab
// alone is in the Tab order, arrow keys (wrapping), Home and End to move
// between the tabs, and one panel per tab, hidden unless its tab is
// selected. The tabs are tab-N and the panels panel-N (N from 0), after an
// optional IDPrefix. The selection is the widget's own and starts at the
// first tab.
type ITabs interface {
	app.UI

	// Class adds a class to the container. Multiple classes can be added by
	// successive calls.
	Class(v string) ITabs
	// Label names the tab list for screen readers.
	Label(v string) ITabs
	// IDPrefix is put before the ids of the tabs and the panels, for a
	// second Tabs on a page.
	IDPrefix(v string) ITabs
	// Tab adds a tab with its title and its panel's content.
	Tab(title string, panel ...app.UI) ITabs
	// TabWithClass is Tab with a class of its own on the tab's button
	// (e.g. a menu item greyed out for a caseworker's role).
	TabWithClass(title, class string, panel ...app.UI) ITabs
}

// Tabs is a tab list with its panels; add them with Tab.
func Tabs() ITabs { return &tabs{Iclass: "tab-container"} }

type tabs struct {
	app.Compo

	Iclass    string
	Ilabel    string
	IidPrefix string
	Ititles   []string
	Iclasses  []string
	Ipanels   [][]app.UI

	selected int
}

func (t *tabs) Class(v string) ITabs    { t.Iclass = app.AppendClass(t.Iclass, v); return t }
func (t *tabs) Label(v string) ITabs    { t.Ilabel = v; return t }
func (t *tabs) IDPrefix(v string) ITabs { t.IidPrefix = v; return t }

func (t *tabs) Tab(title string, panel ...app.UI) ITabs { return t.TabWithClass(title, "", panel...) }

func (t *tabs) TabWithClass(title, class string, panel ...app.UI) ITabs {
	t.Ititles = append(t.Ititles, title)
	t.Iclasses = append(t.Iclasses, app.AppendClass("tab-button", class))
	t.Ipanels = append(t.Ipanels, app.FilterUIElems(panel...))
	return t
}

func (t *tabs) tabID(i int) string   { return t.IidPrefix + "tab-" + strconv.Itoa(i) }
func (t *tabs) panelID(i int) string { return t.IidPrefix + "panel-" + strconv.Itoa(i) }

// OnUpdate keeps the selection on a tab that is there.
func (t *tabs) OnUpdate(ctx app.Context) {
	if t.selected >= len(t.Ititles) {
		t.selected = 0
	}
}

func (t *tabs) selectTab(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) { t.selected = i }
}

// onKeyDown moves between the tabs and takes the focus along.
func (t *tabs) onKeyDown(ctx app.Context, e app.Event) {
	i, ok := keyedTab(e.Get("key").String(), t.selected, len(t.Ititles))
	if !ok {
		return
	}
	e.PreventDefault()
	t.selected = i
	FocusSoon(ctx, t.tabID(i))
}

// keyedTab is the tab a key moves to from tab cur of n (WAI-ARIA tabs:
// the arrows wrap around), and whether the key moves at all.
func keyedTab(key string, cur, n int) (int, bool) {
	switch key {
	case "ArrowRight":
		return (cur + 1) % n, true
	case "ArrowLeft":
		return (cur + n - 1) % n, true
	case "Home":
		return 0, true
	case "End":
		return n - 1, true
	}
	return cur, false
}

func (t *tabs) Render() app.UI {
	return app.Div().Class(t.Iclass).Body(
		app.Div().Class("tab-list").Role("tablist").Aria("label", t.Ilabel).Body(
			app.Range(t.Ititles).Slice(func(i int) app.UI {
				selected := t.selected == i
				tabIndex := -1
				if selected {
					tabIndex = 0
				}
				return app.Button().Type("button").Class(t.Iclasses[i]).Role("tab").ID(t.tabID(i)).
					Aria("selected", strconv.FormatBool(selected)).Aria("controls", t.panelID(i)).
					TabIndex(tabIndex).OnClick(t.selectTab(i)).OnKeyDown(t.onKeyDown).Body(app.Span().Text(t.Ititles[i]))
			}),
		),
		app.Range(t.Ipanels).Slice(func(i int) app.UI {
			return app.Div().Class("tab-panel").Role("tabpanel").ID(t.panelID(i)).
				Aria("labelledby", t.tabID(i)).TabIndex(0).Hidden(t.selected != i).Body(t.Ipanels[i]...)
		}),
	)
}
