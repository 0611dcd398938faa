package browsertest

import (
	"net/url"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"jobnet/server/ingestv1"
	"jobnet/shared"
)

// testJoblogFromTeaser (issue 12): "Opret joblog" on a Find Job teaser.
// Anonymous, the teaser has no such link. Mads reaches it by Tab alone,
// opens it with Enter, finds the form filled from the ad, types a contact,
// picks "Hvordan søger du jobbet" by typing, Tabs to "Gem log" and saves
// with Enter: every step by keyboard. A mirroring caseworker's teaser has
// no link either, as the ad's own page has none for her.
func testJoblogFromTeaser(t *testing.T, tb *tab) {
	ad := ingestv1.JobAd{SenderID: "browser-joblog-teaser", Title: "Tagdækker til Teasertest", OccupationID: 708,
		Description: "Vi søger en tagdækker.", Employer: ingestv1.Employer{Name: "Teaser Tag ApS", Address: "Søndergade 5", Postcode: "8000"},
		DeadlineKind: shared.DeadlineSnarest, StartKind: shared.StartSnarest,
		WorkingTime: shared.FullTimeJob, Terms: shared.TermsOrdinary, Duration: shared.DurationPermanent}
	tb.portal.ingest(t, "/api/ingest/v1/jobads", ad)
	search := "/find-job?q=" + url.QueryEscape(ad.Title)
	noLink := func(who string) {
		tb.t.Helper()
		tb.open(search)
		tb.waitText("#findjob-list", ad.Title)
		if n := eval[int](tb, "count the teasers' joblog links", `document.querySelectorAll(".jobnet-teaser-joblog").length`); n != 0 {
			t.Errorf("%s sees %d \"Opret joblog\" on the teasers", who, n)
		}
	}
	noLink("an anonymous visitor")

	tb.loginCitizen("mads", "Mads Kristensen")
	tb.open(search)
	tb.waitText("#findjob-list", ad.Title)
	tb.waitUntil("the teaser has Opret joblog", `!!document.querySelector("#findjob-list .jobnet-teaser-joblog")`)
	tb.checkA11y("/find-job (Opret joblog on the teasers)")
	link := "#" + eval[string](tb, "the teaser's link", `document.querySelector("#findjob-list .jobnet-teaser-joblog").id`)
	if name := eval[string](tb, "the link's name", `document.querySelector(`+js(link)+`).textContent`); name != "Opret joblog: "+ad.Title {
		t.Errorf("the link reads %q", name)
	}
	tb.tabTo(link)
	tb.press(kb.Enter)
	tb.waitPath("/joblog/ny-jobsoegning")
	tb.waitUntil("the form is filled from the ad", `!!document.getElementById("joblog-title") && document.getElementById("joblog-title").value === `+js(ad.Title)+`
		&& document.getElementById("joblog-company").value === "Teaser Tag ApS" && document.getElementById("joblog-city").value === "Aarhus C"`)
	tb.tabTo("#joblog-contact")
	tb.keys("Hanne Jensen")
	tb.tabTo("#joblog-apply-via")
	tb.keys("Tele") // a closed select picks the option its typed letters begin
	tb.waitUntil("Telefonisk henvendelse is chosen", `document.getElementById("joblog-apply-via").value === "telefon"`)
	tb.tabTo("#joblog-save")
	tb.press(kb.Enter)
	tb.waitPath("/joblog/log")
	tb.waitText("div.alert-success", "Loggen er gemt.")
	tb.waitText("#joblog-view-heading", ad.Title)
	tb.waitText("#joblog-view", "8000 Aarhus C")
	tb.waitText("#joblog-view", "Hanne Jensen")
	tb.waitText("#joblog-view", "Telefonisk henvendelse")

	tb.clickButton("Log ud")
	tb.waitPath("/log-ind")
	tb.loginCaseworker("nina")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	noLink("a mirroring caseworker")
}

// tabTo presses Tab until the element is focused, as a keyboard user
// moves through the page.
func (tb *tab) tabTo(sel string) {
	tb.t.Helper()
	for range 250 {
		tb.press(kb.Tab)
		if eval[bool](tb, "is "+sel+" focused", `!!document.activeElement && document.activeElement.matches(`+js(sel)+`)`) {
			return
		}
	}
	tb.t.Fatalf("Tab never reached %s (at %s)", sel, tb.where())
}

// press presses a key in the focused element.
func (tb *tab) press(key string) {
	tb.t.Helper()
	tb.do("press "+strconv.Quote(key), chromedp.KeyEvent(key))
}

// keys types text into the focused element, a key a character.
func (tb *tab) keys(text string) {
	tb.t.Helper()
	tb.do("type "+strconv.Quote(text), chromedp.KeyEvent(text))
}
