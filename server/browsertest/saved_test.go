package browsertest

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jobnet/server/demo"
	"jobnet/server/ingestv1"
	"jobnet/shared"
)

// Find Job for a logged-in citizen (issue 11).

// clickWithText clicks the first element matching the selector whose text
// content holds text (a screen reader's text too: innerText would break
// the line before a visually hidden span).
func clickWithText(sel, text string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`(() => {
		const el = [...document.querySelectorAll(` + js(sel) + `)].find(e => e.textContent.includes(` + js(text) + `));
		if (!el) throw new Error("nothing to click");
		el.click();
	})()`)
}

// firstInternalAd is the id of the first internal ad in Find Job's list.
func (tb *tab) firstInternalAd() string {
	tb.t.Helper()
	href := eval[string](tb, "find an internal ad",
		`([...document.querySelectorAll("#findjob-list h3 a")].find(a => a.getAttribute("href").startsWith("/job/")) || {getAttribute: () => ""}).getAttribute("href")`)
	if href == "" {
		tb.t.Fatal("no internal ad on the page")
	}
	return strings.TrimPrefix(href, "/job/")
}

// testSavedJobs: a citizen saves an ad with "Gem job" and finds it in "Se
// gemte job", opens an ad and sees "Set" on its teaser, saves a search
// that one click runs again, and sees a saved ad that was withdrawn as
// "Udløbet"; axe-core checks each state. The scenario changes Mads' data,
// so each width has a portal of its own.
func testSavedJobs(t *testing.T, tb *tab) {
	tb.loginCitizen("mads", "Mads Kristensen")
	tb.open("/find-job?q=lagermedarbejder")
	count := tb.findJobCount()
	tb.waitText("#saved-searches", demo.SavedSearchName) // the demo's
	id := tb.firstInternalAd()
	save := "#job-" + id + "-save"
	tb.waitUntil("the marks are there", `!!document.querySelector(`+js(save)+`)`)
	if got := tb.attr(save, "aria-pressed"); got != "false" {
		t.Fatalf("Gem job is pressed=%q before it was pressed", got)
	}
	title := eval[string](tb, "read the ad's title", `document.querySelector("#findjob-list a[href='/job/`+id+`']").firstChild.textContent`)
	tb.click(save)
	tb.waitUntil("the ad is saved", `document.querySelector(`+js(save)+`).getAttribute("aria-pressed") === "true"`)
	tb.checkA11y("/find-job (citizen, an ad saved)")
	tb.screenshot("findjob-saved")

	// "Se gemte job" lists it, beside the demo's two.
	tb.click("#findjob-saved-jobs")
	tb.waitPath("/gemte-job")
	tb.waitText("#saved-job-"+id, title)
	if n := eval[int](tb, "count the favourites", `document.querySelectorAll("#saved-jobs > li").length`); n != 3 {
		t.Errorf("%d favourites, want the demo's two and this one", n)
	}
	tb.checkA11y("/gemte-job")
	tb.screenshot("saved-jobs")

	// Opening the ad marks it "Set" on its teaser, from the server.
	if strings.Contains(tb.text("#findjob-list"), "Set") {
		t.Log("(a teaser was already seen)")
	}
	tb.open("/job/" + id)
	tb.waitText("#jobad-title", "")
	tb.waitUntil("Gem job is pressed on the ad's page", `document.querySelector(`+js(save)+`)?.getAttribute("aria-pressed") === "true"`)
	tb.open("/find-job?q=lagermedarbejder")
	tb.waitText("#job-"+id+"-seen", "Set")
	tb.checkA11y("/find-job (citizen, an ad seen)")

	// "Gem søgning": named by default with the criteria, renamed, saved.
	tb.click("#save-search")
	tb.waitUntil("the name is suggested", `document.getElementById("save-search-name")?.value === "lagermedarbejder"`)
	tb.checkA11y("/find-job (Gem søgning)")
	tb.clearInput("#save-search-name")
	tb.typeInto("#save-search-name", "Lager i hele landet")
	tb.click("#save-search-submit")
	tb.waitText("#saved-searches", "Lager i hele landet")
	tb.waitText(".jobnet-form-success", "Søgningen er gemt")

	// One click runs it again, from Find Job's start.
	tb.open("/find-job")
	tb.waitText("#findjob-count", " job")
	tb.waitText("#saved-searches", "Lager i hele landet")
	tb.do("run the saved search", clickWithText("#saved-searches a", "Lager i hele landet"))
	tb.waitUntil("the search is in the address", `new URLSearchParams(location.search).get("q") === "lagermedarbejder"`)
	tb.waitUntil("the search has run", `(document.getElementById("findjob-count")?.innerText ?? "").startsWith("`+strconv.Itoa(count)+` ")`)

	// The demo's saved search is deleted.
	tb.do("delete the demo's search", clickWithText("#saved-searches button", "Slet "+demo.SavedSearchName))
	tb.waitText(".jobnet-form-success", "er slettet")
	if strings.Contains(tb.text("#saved-searches"), demo.SavedSearchName) {
		t.Errorf("the deleted search is still listed")
	}

	// An ad taken off Find Job stays among the saved, "Udløbet", until
	// the citizen removes it.
	ad := ingestv1.JobAd{SenderID: "browser-udloeber", Title: "Rørlægger til Zebrahuset", OccupationID: 708,
		Description:  "En kort opgave i Valby.",
		Employer:     ingestv1.Employer{Name: "Zebrahuset ApS", Address: "Gammel Køge Landevej 1", Postcode: "2500"},
		DeadlineKind: shared.DeadlineSnarest, StartKind: shared.StartSnarest,
		WorkingTime: shared.FullTimeJob, Terms: shared.TermsOrdinary, Duration: shared.DurationPermanent}
	tb.portal.ingest(t, "/api/ingest/v1/jobads", ad)
	tb.open("/find-job?q=Zebrahuset")
	tb.waitText("#findjob-list", "Rørlægger til Zebrahuset")
	id = tb.firstInternalAd()
	save = "#job-" + id + "-save"
	tb.waitUntil("the marks are there", `!!document.querySelector(`+js(save)+`)`)
	tb.click(save)
	tb.waitUntil("the ad is saved", `document.querySelector(`+js(save)+`).getAttribute("aria-pressed") === "true"`)
	tb.portal.ingest(t, "/api/ingest/v1/jobads/withdraw", ingestv1.JobAdWithdrawal{SenderID: ad.SenderID})
	tb.open("/gemte-job")
	tb.waitText("#saved-job-"+id+"-expired", "Udløbet")
	if n := eval[int](tb, "look for the expired ad's link", `document.querySelectorAll("#saved-job-`+id+` a").length`); n != 0 {
		t.Errorf("the expired ad still links to its page")
	}
	tb.checkA11y("/gemte-job (an ad expired)")
	tb.click("#saved-job-" + id + "-remove")
	tb.waitGone("#saved-job-" + id)
	tb.waitText(".jobnet-form-success", "er fjernet fra dine gemte job")
}

// testSavedJobsMirror: the jobcenter sees the citizen's saved searches,
// favourites and marks without a control to change them, and Min Plan's
// "Find job" at a jobmål opens Find Job with its occupation.
func testSavedJobsMirror(t *testing.T, tb *tab) {
	tb.loginCaseworker("nina")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.open("/find-job")
	tb.waitText("#saved-searches", demo.SavedSearchName)
	tb.waitText("#findjob-list", "Ansøgningsfrist")
	if n := eval[int](tb, "look for controls", `document.querySelectorAll("#save-search, .jobnet-save-job, .jobnet-saved-search-delete").length`); n != 0 {
		t.Errorf("the mirror shows %d controls that change the citizen's data", n)
	}
	tb.checkA11y("/find-job (mirror)")
	tb.click("#findjob-saved-jobs")
	tb.waitPath("/gemte-job")
	tb.waitUntil("the demo's favourites", `document.querySelectorAll("#saved-jobs > li").length === 2`)
	if n := eval[int](tb, "look for Fjern", `document.querySelectorAll(".jobnet-saved-job-remove").length`); n != 0 {
		t.Errorf("the mirror shows %d Fjern buttons", n)
	}
	tb.checkA11y("/gemte-job (mirror)")

	tb.open("/min-plan")
	tb.waitUntil("Find job at the jobmål", `document.getElementById("goal-0-findjob")?.textContent.startsWith("Find job som Rørlægger") === true`)
	tb.click("#goal-0-findjob")
	tb.waitPath("/find-job")
	tb.waitUntil("the jobmål is the search", `new URLSearchParams(location.search).get("q") === "Rørlægger"`)
	tb.waitText("#findjob-count", " job")
}
