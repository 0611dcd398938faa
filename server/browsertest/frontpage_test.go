package browsertest

import (
	"strings"
	"testing"
)

// testFrontPage: Mads's Forside has, in the sources' order, STAR's
// banner, two forsidekort, Vigtig information, his one primary action and automatch;
// an automatch ad opens its page and the primary action Find Job with his
// occupation. Mette, fleksjobvisiteret, gets the fleksjob variant and the
// e-guide. The a-kasse sees Mads's front page as he does. axe-core is
// clean on each.
func testFrontPage(t *testing.T, tb *tab) {
	tb.loginCitizen("mads", "Mads Kristensen")
	tb.waitUntil("two forsidekort", `document.querySelectorAll(".jobnet-forsidekort-card").length === 2`)
	tb.waitText(".jobnet-banner", "Nyt på forsiden")
	order := eval[[]string](tb, "read the order of the front page", `[...document.querySelectorAll(
		".jobnet-banner, .jobnet-forsidekort, .jobnet-vigtig, .jobnet-primary, .jobnet-automatch, .jobnet-tabs")].map(e => e.className.split(" ").find(c => c.startsWith("jobnet-")))`)
	if strings.Join(order, " ") != "jobnet-banner jobnet-forsidekort jobnet-vigtig jobnet-primary jobnet-automatch jobnet-tabs" {
		t.Errorf("the front page's order is %v", order)
	}
	tb.waitText(".jobnet-primary a", "Find job som Rørlægger")
	tb.waitText("#automatch-heading", "Jobforslag til dig")
	tb.waitText(".jobnet-automatch-group h3", "Jobforslag inden for dit fag")
	tb.screenshot("forside-automatch")
	tb.checkA11y("/ (forsidekort, primary action, automatch)")

	title := eval[string](tb, "read the first internal suggestion", `document.querySelector('.jobnet-automatch a[href^="/job/"]').textContent`)
	tb.click(`.jobnet-automatch a[href^="/job/"]`)
	tb.waitUntil("the ad's page opens", `location.pathname.startsWith("/job/")`)
	tb.waitText("h1", title)
	tb.open("/")
	tb.waitText(".jobnet-primary a", "Find job som Rørlægger")
	tb.click(".jobnet-primary a")
	tb.waitPath("/find-job")
	// The demo's banner is the front page's only.
	tb.waitUntil("Find Job has loaded", `document.getElementById("findjob-count") !== null`)
	if n := eval[int](tb, "look for the banner", `document.querySelectorAll(".jobnet-banner").length`); n != 0 {
		t.Errorf("the banner, not marked for sub-pages, shows on Find Job")
	}
	if q := eval[string](tb, "read the search", `new URLSearchParams(location.search).get("q")`); q != "Rørlægger" {
		t.Errorf("the primary action searches %q", q)
	}
	tb.open("/")
	tb.waitText("h1.jobnet-welcome", "Velkommen Mads Kristensen")
	tb.clickButton("Log ud")
	tb.waitPath("/log-ind")

	tb.loginCitizen("mette", "Mette Lauridsen")
	tb.waitText(".jobnet-primary h2", "Læs om fleksjob")
	tb.waitText(".jobnet-automatch-group h3", "Fleksjob - der passer til de job, du har valgt under Jeg søger job som")
	if n := eval[int](tb, "count the cards", `document.querySelectorAll(".jobnet-forsidekort-card").length`); n != 0 {
		t.Errorf("Mette, fleksjobvisiteret, has %d forsidekort; they are for LAB 01 and LAB 02", n)
	}
	tb.checkA11y("/ (fleksjob)")
	tb.clickButton("Log ud")
	tb.waitPath("/log-ind")

	tb.loginCaseworker("berit")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.waitText(".jobnet-automatch-group h3", "Jobforslag inden for dit fag")
	tb.waitText(".jobnet-primary a", "Find job som Rørlægger")
	// Mads's dagpengekort notice shows, without the citizen's "Jeg har
	// sendt dem".
	tb.waitText("#vigtig-content", "dagpengekort")
	if n := eval[int](tb, "look for the citizen's button", `[...document.querySelectorAll("#vigtig-content button")].filter(b => b.textContent.includes("Jeg har sendt dem")).length`); n != 0 {
		t.Errorf("the mirroring caseworker is offered %d \"Jeg har sendt dem\"", n)
	}
	tb.checkA11y("/ (a-kasse mirroring)")
}
