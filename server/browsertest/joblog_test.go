package browsertest

import (
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"

	"jobnet/server/ingestv1"
	"jobnet/shared"
)

// testJoblog: Mads opens Joblog from the Forside, starts a log about a
// job, is told at the fields what is missing (Deltid without hours too),
// keeps what he typed, sees the city filled from the postcode and saves;
// the log shows on the list, whose status he changes there, and the
// status filter finds it under Søgt and not under Ikke søgt. He opens it
// and deletes it after the confirmation. Nina sees the list without a
// control to change it. axe-core checks the list, the form and the
// confirmation. The scenario changes Mads' data, so each width has a
// portal of its own. First, "Opret joblog" on an ad's page opens the form
// filled from the ad, the deadline left for the default as the ad says
// "Snarest".
func testJoblog(t *testing.T, tb *tab) {
	const title = "Browsertester hos Testfirma"
	ad := ingestv1.JobAd{SenderID: "browser-joblog", Title: "Blikkenslager til Joblogtest", OccupationID: 708,
		Description: "Vi søger en blikkenslager.", Employer: ingestv1.Employer{Name: "Joblog VVS ApS", Address: "Vestergade 2", Postcode: "8000"},
		DeadlineKind: shared.DeadlineSnarest, StartKind: shared.StartSnarest,
		WorkingTime: shared.FullTimeJob, Terms: shared.TermsOrdinary, Duration: shared.DurationPermanent}
	tb.portal.ingest(t, "/api/ingest/v1/jobads", ad)
	tb.loginCitizen("mads", "Mads Kristensen")
	tb.open("/find-job?q=" + url.QueryEscape(ad.Title))
	tb.waitText("#findjob-list", ad.Title)
	href := eval[string](tb, "find the ad", `[...document.querySelectorAll("#findjob-list a")].find(a => a.getAttribute("href").startsWith("/job/")).getAttribute("href")`)
	tb.open(href)
	tb.waitText("#jobad-title", ad.Title)
	tb.click("#jobad-joblog")
	tb.waitPath("/joblog/ny-jobsoegning")
	tb.waitUntil("the form is filled from the ad", `!!document.getElementById("joblog-title") && document.getElementById("joblog-title").value === `+js(ad.Title)+`
		&& document.getElementById("joblog-company").value === "Joblog VVS ApS" && document.getElementById("joblog-city").value === "Aarhus C"
		&& document.getElementById("joblog-deadline").value === ""`)
	tb.click("#joblog-cancel")
	tb.waitPath("/joblog")
	tb.open("/")
	tb.openCard(0, "Joblog", "/joblog")
	tb.waitText("h1", "Joblog")
	tb.waitText("#joblog-logs-heading", "Dine logs")
	tb.waitText(".jobnet-joblog-logs", "Sorteret efter ændringsdato")
	tb.waitText(`label[for="joblog-status-all"]`, "Alle Logs (")
	tb.checkA11y("/joblog")
	tb.screenshot("joblog")

	tb.click("#joblog-new-job")
	tb.waitPath("/joblog/ny-jobsoegning")
	tb.waitText("h1", "Log om jobsøgning")
	tb.waitUntil("the form is drawn", `!!document.getElementById("joblog-form")`)
	tb.checkA11y("/joblog/ny-jobsoegning")

	// Nothing filled in: the messages at the fields.
	tb.clickButton("Gem log")
	tb.waitText("#joblog-title-error", "Skriv stillingen eller arbejdsområdet.")
	tb.waitText("#joblog-working-time-error", "Vælg fuldtid eller deltid.")
	tb.waitText("#joblog-found-via-error", "Vælg, hvordan du fandt jobbet.")
	tb.waitText("#joblog-apply-via-error", "Vælg, hvordan du søger jobbet.")
	tb.checkA11y("/joblog/ny-jobsoegning (errors)")
	tb.screenshot("joblog-form-errors")

	tb.typeInto("#joblog-title", title)
	// Chosen by the input's own click: the title's suggestions, which may
	// arrive late on a loaded machine, can lie over the radios, where a
	// click at the label's place would land on them.
	tb.do("choose Deltid", chromedp.Evaluate[chromedp.Void](`document.getElementById("joblog-working-time-deltid").click()`))
	tb.waitUntil("Deltid is chosen", `document.getElementById("joblog-working-time-deltid").checked`)
	tb.typeInto("#joblog-company", "Testfirma ApS")
	tb.typeInto("#joblog-postcode", "8000")
	tb.waitUntil("the city is filled from the postcode", `document.getElementById("joblog-city").value === "Aarhus C"`)
	for id, value := range map[string]string{"joblog-found-via": "netvaerk", "joblog-apply-via": "telefon"} {
		tb.do("choose "+value, chromedp.Evaluate[chromedp.Void](`(el => { el.value = "`+value+`"; el.dispatchEvent(new Event("change", {bubbles: true})); })(document.getElementById("`+id+`"))`))
	}
	tb.clickButton("Gem log")
	tb.waitText("#joblog-weekly-hours-error", "Skriv det ugentlige timeantal, når jobbet er på deltid.")
	if got := tb.value("#joblog-title"); got != title {
		t.Errorf("after the message the title holds %q", got)
	}
	tb.typeInto("#joblog-weekly-hours", "20")
	tb.clickButton("Gem log")
	tb.waitPath("/joblog/log")
	tb.waitText("div.alert-success", "Loggen er gemt.")
	tb.waitText("#joblog-view", "8000 Aarhus C")
	tb.waitText("#joblog-view", "Deltid, 20 timer om ugen")
	tb.waitText("#joblog-origin", "Oprettet i Jobnet")

	// On the list: the status changed there, then the status filter.
	tb.click("#joblog-back")
	tb.waitPath("/joblog")
	tb.waitText("#joblog-list", title)
	item := eval[string](tb, "find the log", `[...document.querySelectorAll("#joblog-list > li")].find(li => li.innerText.includes(`+js(title)+`)).id`)
	tb.do("change the status to Søgt", chromedp.Evaluate[chromedp.Void](`(el => { el.value = "soegt"; el.dispatchEvent(new Event("change", {bubbles: true})); })(document.getElementById("`+item+`-status"))`))
	tb.waitText("div.alert-success", `Status for "`+title+`" er ændret til Søgt.`)
	tb.click(`label[for="joblog-status-soegt"]`)
	tb.waitText("#joblog-list", title)
	tb.click(`label[for="joblog-status-ikke_soegt"]`)
	tb.waitText(`label[for="joblog-status-ikke_soegt"]`, "Ikke søgt (")
	tb.waitUntil("the log is not under Ikke søgt", `!!document.getElementById("joblog-list") && !document.getElementById("joblog-list").innerText.includes(`+js(title)+`)`)
	tb.checkA11y("/joblog (Ikke søgt)")
	tb.click(`label[for="joblog-status-all"]`)
	tb.waitText("#joblog-list", title)

	// Deleted from its own view, after the confirmation.
	tb.click("#" + item + "-open")
	tb.waitPath("/joblog/log")
	tb.waitText("#joblog-view-heading", title)
	tb.click("#joblog-delete")
	tb.waitText("#joblog-confirm", "Vil du slette loggen?")
	tb.waitUntil("the focus is in the confirmation", `document.activeElement && document.activeElement.id === "joblog-confirm-cancel"`)
	tb.checkA11y("/joblog/log (confirm delete)")
	tb.screenshot("joblog-confirm")
	tb.clickButton("Ja, slet loggen")
	tb.waitPath("/joblog")
	tb.waitText("div.alert-success", "Loggen er slettet.")
	tb.waitUntil("the log is gone", `!!document.getElementById("joblog-list") && !document.getElementById("joblog-list").innerText.includes(`+js(title)+`)`)

	// Log om anden aktivitet: what and when; then its form again by
	// "Redigér", holding what was saved.
	tb.click("#joblog-new-activity")
	tb.waitPath("/joblog/ny-aktivitet")
	tb.waitText("h1", "Log om anden aktivitet")
	tb.waitUntil("the form is drawn", `!!document.getElementById("joblog-form")`)
	tb.clickButton("Gem log")
	tb.waitText("#joblog-date-error", "Vælg datoen for aktiviteten.")
	tb.checkA11y("/joblog/ny-aktivitet (errors)")
	tb.typeInto("#joblog-title", "Kaffemøde hos Testfirma")
	tb.do("choose the date", chromedp.Evaluate[chromedp.Void](`(el => { el.value = "2026-01-15"; el.dispatchEvent(new Event("input", {bubbles: true})); })(document.getElementById("joblog-date"))`))
	tb.clickButton("Gem log")
	tb.waitPath("/joblog/log")
	tb.waitText("#joblog-view", "Log om anden aktivitet")
	tb.waitText("#joblog-view", "15.01.2026")
	tb.click("#joblog-edit")
	tb.waitPath("/joblog/rediger")
	tb.waitUntil("the form holds the log", `!!document.getElementById("joblog-title") && document.getElementById("joblog-title").value === "Kaffemøde hos Testfirma"
		&& document.getElementById("joblog-date").value === "2026-01-15"`)
	tb.checkA11y("/joblog/rediger")
	tb.click("#joblog-cancel")
	tb.waitPath("/joblog/log")

	// Nina reads the list without the controls.
	tb.clickButton("Log ud")
	tb.waitPath("/log-ind")
	tb.loginCaseworker("nina")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.openCard(0, "Joblog", "/joblog")
	tb.waitText("#joblog-logs-heading", "Dine logs")
	for _, sel := range []string{"#joblog-new-job", "#joblog-new-activity", "#joblog-list select"} {
		if n := eval[int](tb, "look for "+sel, `document.querySelectorAll("`+sel+`").length`); n != 0 {
			t.Errorf("the mirror shows %d of %s", n, sel)
		}
	}
	tb.checkA11y("/joblog (mirror)")
}
