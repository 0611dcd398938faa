package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// testJoblogMap (issue 12): "Vis på kort" on Mads' Joblog shows the listed
// logs under the same filters: his three logs with a postcode on the map,
// the activity (no postcode) counted below it; with "Afsluttede logs" the
// closed log with only an area is counted too. By keyboard alone he
// reaches a marker, opens a group with Enter until a pin is focused, and
// opens the log with Enter. Nina, mirroring, sees the same map. axe-core
// checks the map at both widths.
func testJoblogMap(t *testing.T, tb *tab) {
	tb.loginCitizen("mads", "Mads Kristensen")
	// Through the Forside, as the app then knows the server's day (the
	// test's is pinned) before the page picks its default period.
	tb.openCard(0, "Joblog", "/joblog")
	tb.waitText("#joblog-logs-heading", "Dine logs")
	tb.waitText("#joblog-count", "4 logs")
	tb.click("#joblog-as-map")
	tb.waitUntil("the map is drawn", `!!document.getElementById("jobnet-map-canvas")`)
	tb.waitText(".jobnet-map-status", "Kortet viser 3 logs i hele Danmark.")
	tb.waitText(".jobnet-map-notes", "1 log uden postnummer vises ikke på kortet.")
	if got := tb.attr("#joblog-as-map", "aria-pressed"); got != "true" {
		t.Errorf("Vis på kort is pressed %q", got)
	}
	tb.waitText(".jobnet-map-list", "Servicemontør, VVS")
	tb.checkA11y("/joblog on the map")
	tb.screenshotOf("joblog-map", ".jobnet-joblog-logs")

	// The same filters: afsluttede too adds the log with only an area.
	tb.click(`label[for="joblog-closed-show"]`)
	tb.waitText("#joblog-count", "5 logs")
	tb.waitText(".jobnet-map-notes", "2 logs uden postnummer vises ikke på kortet.")
	tb.waitText(".jobnet-map-status", "Kortet viser 3 logs i hele Danmark.")

	// A marker by keyboard: a group zooms in (and takes the focus to the
	// first marker), a pin opens its log.
	tb.tabTo(".jobnet-map-pin, .jobnet-map-group")
	for range 5 {
		if eval[bool](tb, "is a pin focused", `document.activeElement.matches(".jobnet-map-pin")`) {
			break
		}
		// The group's button keeps the focus until the map has redrawn: wait
		// for the new view (or the group's list), else the next Enter may
		// land on the pin the focus moves to meanwhile.
		view := eval[string](tb, "the map's view", `document.querySelector(".jobnet-map-land").getAttribute("viewBox")`)
		tb.press(kb.Enter)
		tb.waitUntil("a marker has the focus", `!!document.activeElement && (document.activeElement.id === "jobnet-map-heading" || `+
			`(document.querySelector(".jobnet-map-land").getAttribute("viewBox") !== `+js(view)+` && document.activeElement.id === "jobnet-map-marker-0"))`)
		if eval[bool](tb, "is the heading focused", `document.activeElement.id === "jobnet-map-heading"`) {
			// A group zooming cannot part: its logs listed alone.
			tb.tabTo(".jobnet-map-list a")
			break
		}
	}
	title := eval[string](tb, "the focused log", `document.activeElement.getAttribute("aria-label") || document.activeElement.innerText`)
	tb.press(kb.Enter)
	tb.waitPath("/joblog/log")
	tb.waitUntil("the log opens", `!!document.getElementById("joblog-view-heading") && `+js(title)+`.startsWith(document.getElementById("joblog-view-heading").innerText)`)
	// No journey planner on this portal: no travel time.
	tb.noTravelLine()

	// Nina sees the same map, read-only.
	tb.clickButton("Log ud")
	tb.waitPath("/log-ind")
	tb.loginCaseworker("nina")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.openCard(0, "Joblog", "/joblog")
	tb.waitText("#joblog-count", "4 logs")
	tb.click("#joblog-as-map")
	tb.waitText(".jobnet-map-status", "Kortet viser 3 logs i hele Danmark.")
	tb.checkA11y("/joblog on the map (mirror)")
}
