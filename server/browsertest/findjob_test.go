package browsertest

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"jobnet/server/demo"
)

// findJobCount reads the number of ads the search found, once it has
// found them.
func (tb *tab) findJobCount() int {
	tb.t.Helper()
	tb.waitUntil("the search answers", `!!document.getElementById("findjob-count")`)
	s := tb.text("#findjob-count")
	n, err := strconv.Atoi(strings.Fields(s)[0])
	if err != nil {
		tb.t.Fatalf("the count reads %q", s)
	}
	return n
}

// testFindJob: anyone opens Find Job with every ad listed, searches with
// a suggestion chosen by keyboard, narrows with filters whose counts
// ignore their own choice, goes back a choice with the browser, sees the
// ads on the map, opens an ad's page, and meets a message at the postcode
// field (issue 10).
func testFindJob(t *testing.T, tb *tab) {
	tb.open("/find-job")
	tb.waitText("#findjob-count", strconv.Itoa(demo.AdCount())+" job")
	if n := eval[int](tb, "count the teasers", `document.querySelectorAll("#findjob-list > li").length`); n != 20 {
		t.Errorf("%d teasers on the first page", n)
	}
	tb.checkA11y("/find-job")
	tb.screenshot("findjob")

	// Suggestions from the third character, chosen by keyboard.
	tb.typeInto("#findjob-q", "lag")
	tb.waitUntil("the suggestions open", `document.getElementById("findjob-q").getAttribute("aria-expanded") === "true"`)
	tb.waitText("#findjob-suggestions", "Lagermedarbejder")
	tb.checkA11y("/find-job with suggestions")
	tb.screenshot("findjob-suggestions")
	tb.arrowTo("#findjob-q", "Lagermedarbejder")
	tb.do("press Enter", chromedp.KeyEvent(kb.Enter))
	tb.waitUntil("the search is in the address", `new URLSearchParams(location.search).get("q") === "Lagermedarbejder"`)
	tb.waitUntil("the result narrows", `(el => el && !el.innerText.startsWith("`+strconv.Itoa(demo.AdCount())+` "))(document.getElementById("findjob-count"))`)
	lager := tb.findJobCount()
	if lager == 0 || lager >= demo.AdCount() {
		t.Fatalf("Lagermedarbejder finds %d ads", lager)
	}

	// An area narrows; the other areas keep their counts.
	areaCount := func(code string) int {
		s := tb.text(`label[for='f-omraade-` + code + `'] .jobnet-facet-count`)
		n, _ := strconv.Atoi(strings.Trim(s, "()"))
		return n
	}
	if tb.w.mobile { // on a phone the filters start folded, under the count
		if got := tb.attr("#findjob-filters-toggle", "aria-expanded"); got != "false" {
			t.Errorf("the filters' fold is %q on a phone", got)
		}
		tb.click("#findjob-filters-toggle")
		tb.waitUntil("the filters unfold", `document.getElementById("f-omraade-fyn")?.checkVisibility() === true`)
	}
	fyn, nord := areaCount("fyn"), areaCount("nordjylland")
	tb.click("#f-omraade-fyn")
	tb.waitUntil("Fyn is in the address", `new URLSearchParams(location.search).get("omraade") === "fyn"`)
	tb.waitUntil("the result is Fyn's", `(document.getElementById("findjob-count")?.innerText ?? "").startsWith("`+strconv.Itoa(fyn)+` ")`)
	if got := areaCount("nordjylland"); got != nord {
		t.Errorf("Nordjylland's count changed from %d to %d when Fyn was chosen", nord, got)
	}
	if !eval[bool](tb, "read the checkbox", `document.getElementById("f-omraade-fyn").checked`) {
		t.Error("Fyn's checkbox is not checked")
	}
	tb.checkA11y("/find-job with a filter")

	// The back button takes the choice back.
	tb.do("go back", chromedp.NavigateBack())
	tb.waitUntil("the address is back", `!new URLSearchParams(location.search).has("omraade")`)
	tb.waitUntil("the result is back", `(document.getElementById("findjob-count")?.innerText ?? "").startsWith("`+strconv.Itoa(lager)+` ")`)

	// A bad postcode: the message at the field, the text kept.
	tb.typeInto("#f-postnr", "80a")
	tb.click("#f-radius-search")
	tb.waitText("#f-postnr-error", "Et postnummer har 4 cifre")
	if v := tb.value("#f-postnr"); v != "80a" {
		t.Errorf("the field holds %q", v)
	}
	tb.checkA11y("/find-job with a message at the postcode")
	tb.clearInput("#f-postnr")
	tb.typeInto("#f-postnr", "8000")
	tb.do("choose 50 km", chromedp.Evaluate[chromedp.Void](`(el => { el.value = "50"; el.dispatchEvent(new Event("change", {bubbles: true})); })(document.getElementById("f-km"))`))
	tb.click("#f-radius-search")
	tb.waitUntil("the circle is in the address", `new URLSearchParams(location.search).get("km") === "50"`)

	if n := tb.findJobCount(); n > lager {
		t.Errorf("50 km round Aarhus finds %d ads, more than all %d", n, lager)
	}

	// The map, of all ads.
	tb.open("/find-job")
	tb.waitText("#findjob-count", " job")
	tb.click("#findjob-as-map")
	tb.waitUntil("the map is drawn", `!!document.getElementById("jobnet-map-canvas")`)
	tb.waitUntil("the map has markers", `document.querySelectorAll(".jobnet-map-pin, .jobnet-map-group").length > 0`)
	tb.checkA11y("/find-job on the map")
	tb.screenshotOf("findjob-map", ".jobnet-map")

	// An internal ad's page shows everything it has.
	tb.click("#findjob-as-list")
	tb.waitUntil("the list is back", `!!document.getElementById("findjob-list")`)
	href := eval[string](tb, "find an internal ad", `([...document.querySelectorAll("#findjob-list a")].find(a => a.getAttribute("href").startsWith("/job/")) || {getAttribute: () => ""}).getAttribute("href")`)
	if href == "" {
		tb.open("/find-job")
		tb.waitText("#findjob-count", " job")
		href = eval[string](tb, "find an internal ad", `[...document.querySelectorAll("#findjob-list a")].find(a => a.getAttribute("href").startsWith("/job/")).getAttribute("href")`)
	}
	if target := eval[string](tb, "read the link's target", `document.querySelector('#findjob-list a[href="`+href+`"]').target`); target != "_blank" {
		t.Errorf("an ad opens in %q, not a new tab", target)
	}
	tb.open(href)
	tb.waitUntil("the ad is shown", `!!document.getElementById("jobad-facts")`)
	for _, term := range []string{"Arbejdsgiver", "Ansøgningsfrist", "Tiltrædelse", "Arbejdstid", "Ansættelsesvilkår", "Ansættelsens varighed"} {
		tb.waitText("#jobad-facts", term)
	}
	if n := eval[int](tb, "look for Opret joblog", `[...document.querySelectorAll("a, button")].filter(e => e.innerText.includes("Opret joblog")).length`); n != 0 {
		t.Error(`"Opret joblog" is shown before Joblog exists`)
	}
	tb.checkA11y("an ad's page")
	tb.screenshot("jobad")
}

// testFindJobWIDK: Work in Denmark's instance is English, shows its ads
// only and leaves out Arbejdsområde, abroad, Ansættelsesvilkår, the hours
// and the login (FEATURES.md 1.2).
func testFindJobWIDK(t *testing.T, tb *tab) {
	tb.open("/find-job?WIDK=true")
	tb.waitText("h1", "Find a job in Denmark")
	tb.waitText("#findjob-count", " jobs")
	if n := tb.findJobCount(); n == 0 || n >= demo.AdCount() {
		t.Errorf("Work in Denmark shows %d ads", n)
	}
	if lang := eval[string](tb, "read the language", `document.querySelector(".jobnet-shell").lang`); lang != "en" {
		t.Errorf("lang %q", lang)
	}
	for _, gone := range []string{"#f-arbejdsomraade", "#f-vilkaar", "#f-udland-1", "#f-timer-min", ".breadcrumbs", ".jobnet-logout"} {
		if n := eval[int](tb, "look for "+gone, `document.querySelectorAll(`+js(gone)+`).length`); n != 0 {
			t.Errorf("Work in Denmark has %s", gone)
		}
	}
	tb.waitText("#f-geografi legend", "Location")
	tb.waitText("#f-arbejdstid legend", "Hours of work")
	tb.waitText(".jobnet-widk-logo", "Work in Denmark")
	tb.typeInto("#findjob-q", "aar")
	tb.waitUntil("the suggestions open", `document.getElementById("findjob-q").getAttribute("aria-expanded") === "true"`)
	if n := eval[int](tb, "count non-place suggestions", `[...document.querySelectorAll("#findjob-suggestions .jobnet-suggestion-kind")].filter(k => !["Town", "Postcode"].includes(k.innerText)).length`); n != 0 {
		t.Errorf("Work in Denmark suggests %d things that are not places", n)
	}
	tb.checkA11y("/find-job?WIDK=true")
	tb.screenshot("findjob-widk")

	// Its internal ads open in its look, in English.
	tb.do("close the suggestions", chromedp.KeyEvent(kb.Escape))
	href := eval[string](tb, "find an internal ad", `([...document.querySelectorAll("#findjob-list a")].find(a => a.getAttribute("href").startsWith("/job/")) || {getAttribute: () => ""}).getAttribute("href")`)
	if !strings.HasSuffix(href, "?WIDK=true") {
		t.Fatalf("an internal ad links to %q", href)
	}
	tb.open(href)
	tb.waitText("#jobad-facts", "Employer")
	tb.waitText("#jobad-facts", "Hours of work")
	tb.waitText(".jobnet-widk-logo", "Work in Denmark")
	tb.checkA11y("an ad's page in Work in Denmark")

	// The map speaks English too.
	tb.open("/find-job?WIDK=true&visning=kort")
	tb.waitText(".jobnet-map-status", "The map shows")
}
