package browsertest

import (
	"testing"
	"time"

	"jobnet/server"
	"jobnet/server/journey"
	"jobnet/server/journey/journeytest"
)

// startJourneyPortal is a portal whose journey planner is the test's
// stand-in (journeytest): 85 minutes from Mads' home (2300) to Valby
// (2500), and no journey elsewhere.
func startJourneyPortal(t *testing.T) *portal {
	t.Helper()
	planner := journeytest.Start(t, func(from, to string) int {
		if from == "2300" && to == "2500" {
			return 85
		}
		return 0
	})
	return startPortalWith(t, 20*time.Minute, false, func(c *server.Config) {
		p, err := journey.FromEnv(func(string) string { return planner.URL })
		if err != nil {
			t.Fatal(err)
		}
		c.Journey = p
	})
}

// testJoblogTravel (issue 12): with a journey planner, Mads' log of a job
// in Valby shows "Rejsetid med offentlig transport" from his home
// postcode; his activity, which has no postcode, shows no such line; nor
// does a log the planner finds no journey to. Without a planner (every
// other portal) the line is never there: testJoblogMap checks it.
func testJoblogTravel(t *testing.T, tb *tab) {
	tb.loginCitizen("mads", "Mads Kristensen")
	tb.openCard(0, "Joblog", "/joblog")
	tb.waitText("#joblog-list", "Rørlægger")
	open := func(title string) {
		tb.t.Helper()
		tb.click("#" + eval[string](tb, "find the log "+title, `[...document.querySelectorAll("#joblog-list a")].find(a => a.innerText === `+js(title)+`).id`))
		tb.waitPath("/joblog/log")
		tb.waitText("#joblog-view-heading", title)
	}
	open("Rørlægger")
	tb.waitText("#joblog-travel", "Rejsetid med offentlig transport:")
	tb.waitText("#joblog-travel", "Ca. 1 t 25 min fra 2300 København S")
	tb.checkA11y("/joblog/log (with travel time)")
	tb.screenshot("joblog-travel")

	for _, title := range []string{"Jobmesse for bygge- og anlægsbranchen", "Servicemontør, VVS"} {
		tb.click("#joblog-back")
		tb.waitPath("/joblog")
		tb.waitText("#joblog-list", title)
		open(title)
		tb.noTravelLine()
	}
}

// noTravelLine: the log's view has no travel time, once its question, if
// the view asks one, is answered.
func (tb *tab) noTravelLine() {
	tb.t.Helper()
	tb.waitUntil("the travel time is answered or not asked", `!!document.getElementById("joblog-view") &&
		(document.getElementById("joblog-view").innerText.includes("Log om anden aktivitet") ||
		 performance.getEntriesByType("resource").some(e => e.name.endsWith("/travel") && e.responseEnd > 0))`)
	if n := eval[int](tb, "look for the travel time", `document.querySelectorAll("#joblog-travel").length`); n != 0 {
		tb.t.Errorf("the log shows a travel time")
	}
}
