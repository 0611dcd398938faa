package app

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/ui"
	"jobnet/shared"
)

// jobnetMap is "Vis på kort" (issue 10 for Find Job, issue 12 for
// Joblog): things with a place — ads, logs — as markers on a map of
// Denmark, grouped where they crowd, and the same things as a list of
// links. What is shown comes as mapItems and the words that name them
// (mapWords); the map knows nothing of ads or logs.
//
// The outlines are a static drawing, web/kort/danmark.svg (cmd/genmap),
// shown with <use> so that they cost app.wasm nothing and their lines stay
// thin when the map zooms. The markers are HTML links and buttons laid over
// it, where shared.MapXY puts the items, in percent of the view. So they
// are reached by Tab from north to south, work with Enter and Space like
// any link or button, wear DKFDS's focus ring, and keep their size in
// pixels at any zoom and on any screen.
//
// A marker of one item is a link that opens it as the list does. A
// marker of several is a button: it zooms in to them or, when zooming
// cannot part them (items share their postcode's centre), lists them
// alone. The list shows the items in view.
type jobnetMap struct {
	app.Compo

	IItems    []mapItem
	IUnplaced int // more items, without a position, that are not sent
	IWords    mapWords

	view    shared.MapRect // what the map shows; the zero value is all of Denmark
	picked  []int64        // the items (indexes in IItems) of a group that zooming cannot part
	widthPx float64        // the map's width on screen, once measured
}

// mapItem is one thing on the map.
type mapItem struct {
	Title string
	// Detail is said after the title: the employer and "8000 Aarhus C",
	// shown with " · " between them, read with commas.
	Detail []string
	// Place is where it is, said of a group that shares it ("8000
	// Aarhus C"); Region names a group that does not ("Aarhus", said
	// "Aarhus-området"), "" when unknown.
	Place, Region string
	Href          string
	NewTab        bool // opens in a new window (an ad), said to a screen reader
	Lat, Lon      *float64
}

// mapWords name what a map shows, in its language.
type mapWords struct {
	en bool // English (Work in Denmark)
	// one and many are the noun: "job", "job"; "log", "logs".
	one, many string
	// pin says what a pin is and does: " En nål er ét job og åbner
	// annoncen i et nyt vindue."
	pin string
	// unplaced says how many are not on the map, for 1 and for more:
	// "%d job uden adresse vises ikke på kortet." (Data, not a func: go-app
	// compares a component's fields to see whether it changed, and two
	// funcs never compare equal.)
	unplaced [2]string
}

// n is the noun for a count.
func (w mapWords) n(count int) string {
	if count == 1 {
		return w.one
	}
	return w.many
}

const (
	// mapMaxItems is the most items the map draws (issue 10).
	mapMaxItems = 500
	// mapMarkerPx is how close two markers may be on screen: a group's
	// disc is 32 px wide and a pin stands 24 px tall on its point, so a
	// pin this far below a group's centre just clears the disc.
	mapMarkerPx = 40
	// mapMinViewWidth is the closest zoom: a 32nd of the map's width,
	// about 14 km, where the outlines (simplified to 400 m) still look
	// like coasts.
	mapMinViewWidth = shared.MapWidth / 32
	// mapPhoneWidthPx is the map's width until it is measured, and when
	// prerendered: on a 375 px phone, less the page's margins (2 × 16 px)
	// and the map's frame (2 × 16 px and its border). The narrowest, so
	// that markers never crowd.
	mapPhoneWidthPx = 309
	// mapDrawing is the drawing of Denmark in the static file.
	mapDrawing = "/web/kort/danmark.svg#danmark"
)

// The map's element ids: a page has one map.
const (
	mapCanvasID  = "jobnet-map-canvas"
	mapHintID    = "jobnet-map-hint"
	mapWholeID   = "jobnet-map-whole"
	mapHeadingID = "jobnet-map-heading"
)

func mapMarkerID(i int) string { return "jobnet-map-marker-" + strconv.Itoa(i) }

func newJobnetMap() *jobnetMap { return &jobnetMap{} }

// Items sets the items to show; the map draws the first 500.
func (m *jobnetMap) Items(items []mapItem) *jobnetMap {
	m.IItems = items
	return m
}

// Words sets the words that name the items.
func (m *jobnetMap) Words(w mapWords) *jobnetMap {
	m.IWords = w
	return m
}

// Unplaced says how many more items there are that have no position and
// were not given.
func (m *jobnetMap) Unplaced(n int) *jobnetMap {
	m.IUnplaced = n
	return m
}

func (m *jobnetMap) OnMount(ctx app.Context)  { m.measure() }
func (m *jobnetMap) OnResize(ctx app.Context) { m.measure() }

// OnUpdate: other items (a new search) start on all of Denmark.
func (m *jobnetMap) OnUpdate(ctx app.Context) {
	m.view, m.picked = shared.MapRect{}, nil
}

// measure reads the map's width on screen, which sets how close markers
// may be in map units.
func (m *jobnetMap) measure() {
	if !app.IsClient {
		return
	}
	if el := app.Window().GetElementByID(mapCanvasID); el.Truthy() {
		if w := el.Get("clientWidth").Float(); w > 0 {
			m.widthPx = w
		}
	}
}

// mapLayout is what one render of the map draws. The groups' handler
// makes it again: the same items, view and width give the same groups.
type mapLayout struct {
	items    []mapItem // the first mapMaxItems
	view     shared.MapRect
	cell     float64           // how close markers may be, in map units
	inView   []shared.MapPoint // the items in view, by index in items (the ID)
	groups   []shared.MapCluster
	picked   []int64 // the jobnetMap's
	unplaced int     // items with no position on the map
	w        mapWords
	en       bool // English
}

// tr is the Danish text, or the English one in Work in Denmark.
func tr(en bool, da, english string) string {
	if en {
		return english
	}
	return da
}

func (m *jobnetMap) layout() mapLayout {
	l := mapLayout{items: m.IItems[:min(len(m.IItems), mapMaxItems)], view: m.view, picked: m.picked, w: m.IWords, en: m.IWords.en}
	if l.view == (shared.MapRect{}) {
		l.view = shared.WholeMap
	}
	l.cell = mapMarkerPx * l.view.W / cmp.Or(m.widthPx, mapPhoneWidthPx)
	for i, it := range l.items {
		if it.Lat == nil || it.Lon == nil {
			l.unplaced++
			continue
		}
		x, y := shared.MapXY(*it.Lat, *it.Lon)
		switch {
		case !shared.WholeMap.Contains(x, y):
			l.unplaced++
		case l.view.Contains(x, y):
			l.inView = append(l.inView, shared.MapPoint{ID: int64(i), X: x, Y: y})
		}
	}
	l.groups = shared.ClusterMapPoints(l.inView, l.cell)
	return l
}

// points are the items' positions.
func (l mapLayout) points(ids []int64) []shared.MapPoint {
	pts := make([]shared.MapPoint, 0, len(ids))
	for _, id := range ids {
		if k, ok := slices.BinarySearchFunc(l.inView, id, func(p shared.MapPoint, id int64) int { return cmp.Compare(p.ID, id) }); ok {
			pts = append(pts, l.inView[k])
		}
	}
	return pts
}

// area says where items are: their place if they share one ("8000
// Aarhus C"), else the region most of them are in ("Aarhus-området").
func (l mapLayout) area(ids []int64) string {
	place := l.items[ids[0]].Place
	same := true
	count := map[string]int{}
	for _, id := range ids {
		it := l.items[id]
		same = same && it.Place == place
		if it.Region != "" {
			count[it.Region]++
		}
	}
	if same && place != "" {
		return place
	}
	best := ""
	for name, n := range count {
		if n > count[best] || n == count[best] && name < best {
			best = name
		}
	}
	if best == "" {
		return tr(l.en, "området", "the area")
	}
	return tr(l.en, best+"-området", "the "+best+" area")
}

// listed are the items the list shows: a picked group's, or those in view.
func (l mapLayout) listed() []int64 {
	if l.picked != nil {
		return l.picked
	}
	ids := make([]int64, len(l.inView))
	for k, p := range l.inView {
		ids[k] = p.ID
	}
	return ids
}

// status says what the map and the list show; it is read out when it
// changes.
func (l mapLayout) status() string {
	switch {
	case l.picked != nil:
		n := len(l.picked)
		return fmt.Sprintf(tr(l.en, "Listen viser de %d %s i %s.", "The list shows the %d %s in %s."), n, l.w.n(n), l.area(l.picked))
	case len(l.inView) == 0:
		return fmt.Sprintf(tr(l.en, "Der er ingen %s at vise på kortet.", "There are no %s to show on the map."), l.w.many)
	case l.view == shared.WholeMap:
		n := len(l.inView)
		return fmt.Sprintf(tr(l.en, "Kortet viser %d %s i hele Danmark.", "The map shows %d %s in all of Denmark."), n, l.w.n(n))
	}
	n := len(l.inView)
	return fmt.Sprintf(tr(l.en, "Kortet viser %d %s i %s.", "The map shows %d %s in %s."), n, l.w.n(n), l.area(l.listed()))
}

// notes say which items the map leaves out.
func (m *jobnetMap) notes(l mapLayout) string {
	s := ""
	if n := l.unplaced + m.IUnplaced; n > 0 {
		s = fmt.Sprintf(l.w.unplaced[min(n, 2)-1], n)
	}
	if len(m.IItems) > mapMaxItems {
		s += fmt.Sprintf(tr(l.en, " Kortet viser de første %d af %d %s.", " The map shows the first %d of %d %s."), mapMaxItems, len(m.IItems), l.w.many)
	}
	return s
}

// onMapClick handles a click on a group's button: it zooms in to the
// group or, when that would not part it, lists its items alone. One handler
// on the map serves every button: buttons come and go as the map zooms,
// the map stays, so the focus can be moved once the new markers are drawn.
// A click on an item's link is left to the link.
func (m *jobnetMap) onMapClick(ctx app.Context, e app.Event) {
	btn := e.Get("target").Call("closest", "[data-group]")
	if !btn.Truthy() {
		return
	}
	i, err := strconv.Atoi(btn.Get("dataset").Get("group").String())
	l := m.layout()
	if err != nil || i < 0 || i >= len(l.groups) {
		return
	}
	g := l.groups[i]
	view := shared.FitMapView(g.Bounds, mapMinViewWidth)
	if len(shared.ClusterMapPoints(l.points(g.IDs), l.cell*view.W/l.view.W)) > 1 {
		m.view, m.picked = view, nil
		ui.FocusSoon(ctx, mapMarkerID(0))
		return
	}
	m.picked = g.IDs
	ui.FocusSoon(ctx, mapHeadingID)
}

// showWhole zooms out to all of Denmark.
func (m *jobnetMap) showWhole(ctx app.Context, e app.Event) {
	m.view, m.picked = shared.MapRect{}, nil
	ui.FocusSoon(ctx, mapMarkerID(0))
}

// showAll lists every item in view again after a group's.
func (m *jobnetMap) showAll(ctx app.Context, e app.Event) {
	m.picked = nil
	ui.FocusSoon(ctx, mapHeadingID)
}

func (m *jobnetMap) Render() app.UI {
	l := m.layout()
	listed := l.listed()
	many := capitalized(l.w.many)
	heading := fmt.Sprintf(tr(l.en, "%s på kortet (%d)", "%s on the map (%d)"), many, len(listed))
	if l.picked != nil {
		heading = fmt.Sprintf(tr(l.en, "%s i %s (%d)", "%s in %s (%d)"), many, l.area(l.picked), len(l.picked))
	}
	// The buttons are always there, hidden when they do nothing, so that
	// the elements after them keep their places (go-app matches by
	// position) and a handler that hides its own button can still move
	// the focus.
	whole := app.Button().Type("button").ID(mapWholeID).Class("button button-secondary").OnClick(m.showWhole).
		Body(ui.Icon("zoom-out", ""), app.Text(tr(l.en, "Vis hele Danmark", "Show all of Denmark")))
	if l.view == shared.WholeMap {
		whole = whole.Hidden(true)
	}
	all := app.Button().Type("button").Class("button button-tertiary").OnClick(m.showAll).
		Text(fmt.Sprintf(tr(l.en, "Vis alle %s på kortet", "Show all %s on the map"), l.w.many))
	if l.picked == nil {
		all = all.Hidden(true)
	}
	return app.Div().Class("jobnet-map").Body(
		app.P().Class("jobnet-map-hint").Body(
			app.Span().ID(mapHintID).Text(fmt.Sprintf(tr(l.en, "Et tal er en gruppe af %s: vælg den for at zoome ind eller se dens %s.",
				"A number is a group of %s: choose it to zoom in or see its %s."), l.w.many, l.w.many)),
			app.Text(l.w.pin),
		),
		app.Div().Class("jobnet-map-tools").Body(
			app.P().Class("jobnet-map-status").Aria("live", "polite").Text(l.status()),
			whole,
		),
		app.P().Class("jobnet-map-notes").Text(m.notes(l)),
		app.Div().Class("jobnet-map-body").Body(
			app.Div().Class("jobnet-map-sea").Body(
				app.Div().ID(mapCanvasID).Class("jobnet-map-canvas").
					Style("aspect-ratio", fmt.Sprintf("%g / %g", shared.MapWidth, shared.MapHeight)).
					Role("group").Aria("label", fmt.Sprintf(tr(l.en, "Kort over %s", "Map of %s"), l.w.many)).OnClick(m.onMapClick).Body(
					app.Elem("svg").XMLNS(svgNS).Class("jobnet-map-land").Attr("viewBox", l.view.ViewBox()).
						Aria("hidden", "true").Attr("focusable", "false").Body(
						app.Elem("use").XMLNS(svgNS).Attr("href", mapDrawing),
					),
					app.Range(l.groups).Slice(l.marker),
				),
			),
			app.Div().Class("jobnet-map-text").Body(
				app.H3().ID(mapHeadingID).TabIndex(-1).Text(heading),
				all,
				app.Ul().Class("unstyled-list jobnet-map-list").Aria("labelledby", mapHeadingID).Body(
					app.Range(listed).Slice(func(k int) app.UI { return l.listItem(l.items[listed[k]]) }),
				),
			),
		),
	)
}

// marker is group i: an item's link or a group's button, centred where
// the items are (a pin's tip, by the CSS).
func (l mapLayout) marker(i int) app.UI {
	g := l.groups[i]
	left, top := pct((g.X-l.view.X)/l.view.W), pct((g.Y-l.view.Y)/l.view.H)
	if len(g.IDs) == 1 {
		it := l.items[g.IDs[0]]
		// The same text as name and tooltip, so it is read out once.
		label := strings.Join(append([]string{it.Title}, it.Detail...), ", ") + l.newTab(it)
		return mapItemLink(it).ID(mapMarkerID(i)).Class("jobnet-map-pin").
			Style("left", left).Style("top", top).Aria("label", label).Title(label)
	}
	btn := app.Button().Type("button").ID(mapMarkerID(i)).Class("jobnet-map-group").DataSet("group", i)
	if slices.Equal(g.IDs, l.picked) {
		btn = btn.Class("jobnet-map-picked").Aria("current", "true")
	}
	n := len(g.IDs)
	return btn.Style("left", left).Style("top", top).
		Aria("label", fmt.Sprintf(tr(l.en, "%d %s i %s", "%d %s in %s"), n, l.w.n(n), l.area(g.IDs))).Aria("describedby", mapHintID).
		Text(strconv.Itoa(n))
}

// newTab tells a screen reader where an item opens.
func (l mapLayout) newTab(it mapItem) string {
	if !it.NewTab {
		return ""
	}
	return tr(l.en, " (åbner i et nyt vindue)", " (opens in a new window)")
}

// listItem is an item in the list: its title, which links to it, and its
// detail.
func (l mapLayout) listItem(it mapItem) app.UI {
	return app.Li().Body(
		mapItemLink(it).Body(
			app.Text(it.Title),
			app.If(it.NewTab, func() app.UI {
				return app.Span().Body(app.Span().Class("sr-only").Text(l.newTab(it)), ui.Icon("open-in-new", "jobnet-map-newtab"))
			}),
		),
		app.Span().Class("jobnet-map-where").Text(strings.Join(it.Detail, " · ")),
	)
}

// mapItemLink opens an item, an ad in a new tab.
func mapItemLink(it mapItem) app.HTMLA {
	a := app.A().Href(it.Href)
	if it.NewTab {
		a = a.Target("_blank").Rel("noopener")
	}
	return a
}

// capitalized is s with its first letter in upper case.
func capitalized(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}
