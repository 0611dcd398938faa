package app

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/ui"
	"jobnet/shared"
)

// findJobMap is Find Job's "Vis på kort" (issue 10): the ads as markers on
// a map of Denmark, grouped where they crowd, and the same ads as a list
// of links.
//
// The outlines are a static drawing, web/kort/danmark.svg (cmd/genmap),
// shown with <use> so that they cost app.wasm nothing and their lines stay
// thin when the map zooms. The markers are HTML links and buttons laid over
// it, where shared.MapXY puts the ads, in percent of the view. So they are
// reached by Tab from north to south, work with Enter and Space like any
// link or button, wear DKFDS's focus ring, and keep their size in pixels
// at any zoom and on any screen.
//
// A marker of one ad is a link that opens the ad as the list does. A
// marker of several is a button: it zooms in to them or, when zooming
// cannot part them (ads share their postcode's centre), lists them alone.
// The list shows the ads in view.
type findJobMap struct {
	app.Compo

	IAds          []shared.JobAdView
	IWithoutPlace int
	IEnglish      bool // Work in Denmark's instance

	view    shared.MapRect // what the map shows; the zero value is all of Denmark
	picked  []int64        // the ads (indexes in IAds) of a group that zooming cannot part
	widthPx float64        // the map's width on screen, once measured
}

const (
	// mapMaxAds is the most ads the map draws (issue 10).
	mapMaxAds = 500
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

func newFindJobMap() *findJobMap { return &findJobMap{} }

// Ads sets the ads to show; the map draws the first 500.
func (m *findJobMap) Ads(ads []shared.JobAdView) *findJobMap {
	m.IAds = ads
	return m
}

// English writes the map's texts in English (Work in Denmark).
func (m *findJobMap) English(v bool) *findJobMap {
	m.IEnglish = v
	return m
}

// WithoutPlace says how many more ads the search found that have no
// position (the server sends only those with one).
func (m *findJobMap) WithoutPlace(n int) *findJobMap {
	m.IWithoutPlace = n
	return m
}

func (m *findJobMap) OnMount(ctx app.Context)  { m.measure() }
func (m *findJobMap) OnResize(ctx app.Context) { m.measure() }

// OnUpdate: other ads (a new search) start on all of Denmark.
func (m *findJobMap) OnUpdate(ctx app.Context) {
	m.view, m.picked = shared.MapRect{}, nil
}

// measure reads the map's width on screen, which sets how close markers
// may be in map units.
func (m *findJobMap) measure() {
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
// makes it again: the same ads, view and width give the same groups.
type mapLayout struct {
	ads      []shared.JobAdView // the first mapMaxAds
	view     shared.MapRect
	cell     float64           // how close markers may be, in map units
	inView   []shared.MapPoint // the ads in view, by index in ads (the ID)
	groups   []shared.MapCluster
	picked   []int64 // the findJobMap's
	unplaced int     // ads with no position on the map
	en       bool    // English
}

// tr is the Danish text, or the English one in Work in Denmark.
func tr(en bool, da, english string) string {
	if en {
		return english
	}
	return da
}

func (m *findJobMap) layout() mapLayout {
	l := mapLayout{ads: m.IAds[:min(len(m.IAds), mapMaxAds)], view: m.view, picked: m.picked, en: m.IEnglish}
	if l.view == (shared.MapRect{}) {
		l.view = shared.WholeMap
	}
	l.cell = mapMarkerPx * l.view.W / cmp.Or(m.widthPx, mapPhoneWidthPx)
	for i, ad := range l.ads {
		if ad.Lat == nil || ad.Lon == nil {
			l.unplaced++
			continue
		}
		x, y := shared.MapXY(*ad.Lat, *ad.Lon)
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

// points are the ads' positions.
func (l mapLayout) points(ids []int64) []shared.MapPoint {
	pts := make([]shared.MapPoint, 0, len(ids))
	for _, id := range ids {
		if k, ok := slices.BinarySearchFunc(l.inView, id, func(p shared.MapPoint, id int64) int { return cmp.Compare(p.ID, id) }); ok {
			pts = append(pts, l.inView[k])
		}
	}
	return pts
}

// area says where ads are: their place if they share one ("8000 Aarhus
// C"), else the area of the municipality most of them are in
// ("Aarhus-området").
func (l mapLayout) area(ids []int64) string {
	place := l.ads[ids[0]].Place()
	same := true
	count := map[string]int{}
	for _, id := range ids {
		ad := l.ads[id]
		same = same && ad.Place() == place
		if ad.Municipality != "" {
			count[ad.Municipality]++
		}
	}
	if same {
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

// listed are the ads the list shows: a picked group's, or those in view.
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
		return fmt.Sprintf(tr(l.en, "Listen viser de %d job i %s.", "The list shows the %d jobs in %s."), len(l.picked), l.area(l.picked))
	case len(l.inView) == 0:
		return tr(l.en, "Der er ingen job at vise på kortet.", "There are no jobs to show on the map.")
	case l.view == shared.WholeMap:
		return fmt.Sprintf(tr(l.en, "Kortet viser %d job i hele Danmark.", "The map shows %d jobs in all of Denmark."), len(l.inView))
	}
	return fmt.Sprintf(tr(l.en, "Kortet viser %d job i %s.", "The map shows %d jobs in %s."), len(l.inView), l.area(l.listed()))
}

// notes say which ads the map leaves out.
func (m *findJobMap) notes(l mapLayout) string {
	s := ""
	if n := l.unplaced + m.IWithoutPlace; n > 0 {
		s = fmt.Sprintf(tr(m.IEnglish, "%d job uden adresse vises ikke på kortet.", "%d jobs without an address are not on the map."), n)
	}
	if len(m.IAds) > mapMaxAds {
		s += fmt.Sprintf(tr(m.IEnglish, " Kortet viser de første %d af %d job.", " The map shows the first %d of %d jobs."), mapMaxAds, len(m.IAds))
	}
	return s
}

// onMapClick handles a click on a group's button: it zooms in to the
// group or, when that would not part it, lists its ads alone. One handler
// on the map serves every button: buttons come and go as the map zooms,
// the map stays, so the focus can be moved once the new markers are drawn.
// A click on an ad's link is left to the link.
func (m *findJobMap) onMapClick(ctx app.Context, e app.Event) {
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
func (m *findJobMap) showWhole(ctx app.Context, e app.Event) {
	m.view, m.picked = shared.MapRect{}, nil
	ui.FocusSoon(ctx, mapMarkerID(0))
}

// showAll lists every ad in view again after a group's.
func (m *findJobMap) showAll(ctx app.Context, e app.Event) {
	m.picked = nil
	ui.FocusSoon(ctx, mapHeadingID)
}

func (m *findJobMap) Render() app.UI {
	l := m.layout()
	listed := l.listed()
	heading := fmt.Sprintf(tr(l.en, "Job på kortet (%d)", "Jobs on the map (%d)"), len(listed))
	if l.picked != nil {
		heading = fmt.Sprintf(tr(l.en, "Job i %s (%d)", "Jobs in %s (%d)"), l.area(l.picked), len(l.picked))
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
	all := app.Button().Type("button").Class("button button-tertiary").OnClick(m.showAll).Text(tr(l.en, "Vis alle job på kortet", "Show all jobs on the map"))
	if l.picked == nil {
		all = all.Hidden(true)
	}
	return app.Div().Class("jobnet-map").Body(
		app.P().Class("jobnet-map-hint").Body(
			app.Span().ID(mapHintID).Text(tr(l.en, "Et tal er en gruppe af job: vælg den for at zoome ind eller se dens job.",
				"A number is a group of jobs: choose it to zoom in or see its jobs.")),
			app.Text(tr(l.en, " En nål er ét job og åbner annoncen i et nyt vindue.", " A pin is one job and opens the ad in a new window.")),
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
					Role("group").Aria("label", tr(l.en, "Kort over job", "Map of jobs")).OnClick(m.onMapClick).Body(
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
					app.Range(listed).Slice(func(k int) app.UI { return l.listItem(l.ads[listed[k]]) }),
				),
			),
		),
	)
}

// marker is group i: an ad's link or a group's button, centred where the
// ads are (a pin's tip, by the CSS).
func (l mapLayout) marker(i int) app.UI {
	g := l.groups[i]
	left, top := pct((g.X-l.view.X)/l.view.W), pct((g.Y-l.view.Y)/l.view.H)
	if len(g.IDs) == 1 {
		ad := l.ads[g.IDs[0]]
		// The same text as name and tooltip, so it is read out once.
		label := ad.Title + ", " + ad.Employer.Name + ", " + ad.Place() + l.newTab()
		return mapAdLink(ad, l.en).ID(mapMarkerID(i)).Class("jobnet-map-pin").
			Style("left", left).Style("top", top).Aria("label", label).Title(label)
	}
	btn := app.Button().Type("button").ID(mapMarkerID(i)).Class("jobnet-map-group").DataSet("group", i)
	if slices.Equal(g.IDs, l.picked) {
		btn = btn.Class("jobnet-map-picked").Aria("current", "true")
	}
	return btn.Style("left", left).Style("top", top).
		Aria("label", fmt.Sprintf(tr(l.en, "%d job i %s", "%d jobs in %s"), len(g.IDs), l.area(g.IDs))).Aria("describedby", mapHintID).
		Text(strconv.Itoa(len(g.IDs)))
}

// newTab tells a screen reader where the ads open.
func (l mapLayout) newTab() string {
	return tr(l.en, " (åbner i et nyt vindue)", " (opens in a new window)")
}

// listItem is an ad in the list: its title, which links to it, its
// employer and its place.
func (l mapLayout) listItem(ad shared.JobAdView) app.UI {
	return app.Li().Body(
		mapAdLink(ad, l.en).Body(
			app.Text(ad.Title),
			app.Span().Class("sr-only").Text(l.newTab()),
			ui.Icon("open-in-new", "jobnet-map-newtab"),
		),
		app.Span().Class("jobnet-map-where").Text(ad.Employer.Name+" · "+ad.Place()),
	)
}

// mapAdLink opens an ad in a new tab as Find Job's list does: a Jobnet ad
// at its page, an external one at its source.
func mapAdLink(ad shared.JobAdView, en bool) app.HTMLA {
	return app.A().Href(jobAdHref(ad, en)).Target("_blank").Rel("noopener")
}
