package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"jobnet/server/ingestv1"
	"jobnet/shared"
)

// testJobSeeking: Mads opens "Jeg søger job som" from the Forside, adds
// Tømrer by keyboard through the suggestions (three letters, arrow down,
// Enter) and Kontorassistent by its alias, is told at the field that he
// has Rørlægger already and that "tolv" is no number (keeping what he
// typed), corrects it, removes Tømrer and changes his Ansættelsesbetingelser.
// Rørlægger, with an ad 6 km from his home, has "Find job", which opens
// Find Job's search with that ad. Nina then sees the same page without a control to change it.
// axe-core checks every state. The scenario changes Mads' data, so each
// width has a portal of its own.
func testJobSeeking(t *testing.T, tb *tab) {
	ad := ingestv1.JobAd{SenderID: "browser-roerlaegger", Title: "Rørlægger til servicebiler", OccupationID: 708,
		Description:  "Vi søger en rørlægger til service i Valby og omegn.",
		Employer:     ingestv1.Employer{Name: "Valby VVS ApS", Address: "Gammel Køge Landevej 1", Postcode: "2500"},
		DeadlineKind: shared.DeadlineSnarest, StartKind: shared.StartSnarest,
		WorkingTime: shared.FullTimeJob, Terms: shared.TermsOrdinary, Duration: shared.DurationPermanent}
	tb.portal.ingest(t, "/api/ingest/v1/jobads", ad)

	tb.loginCitizen("mads", "Mads Kristensen")
	tb.openCard(0, "Jeg søger job som", "/jeg-soeger-job-som")
	tb.waitText("h1", "Jeg søger job som")
	tb.waitText("#seeking-708-title", "Rørlægger")
	tb.waitText(".jobnet-seeking-conditions", "Hurtigst muligt, Efter aftale")
	tb.waitText("#seeking-add", "TILFØJ JOB")
	tb.checkA11y("/jeg-soeger-job-som")
	tb.screenshot("jobseeking")

	// "Find job": Find Job's search for the title within 50 km of home,
	// from "Jeg søger job som".
	href := tb.attr("#seeking-708 a.jobnet-seeking-findjob", "href")
	for _, part := range []string{"/find-job?", "q=R%C3%B8rl%C3%A6gger", "postnr=2300", "km=50", "fra=jeg-soeger-job-som"} {
		if !strings.Contains(href, part) {
			t.Errorf("Find job's link %q has no %q", href, part)
		}
	}
	tb.click("#seeking-708 a.jobnet-seeking-findjob")
	tb.waitPath("/find-job")
	tb.waitText("#findjob-list", "Rørlægger til servicebiler")
	tb.do("go back", chromedp.NavigateBack())
	tb.waitPath("/jeg-soeger-job-som")
	tb.waitText("#seeking-708-title", "Rørlægger")

	// By keyboard through the suggestions.
	tb.click("#seeking-add")
	tb.waitUntil("the occupation field has the focus", `document.activeElement && document.activeElement.id === "seeking-occupation"`)
	tb.chooseSuggestion("tøm", "Tømrer", true)
	tb.click(`label[for="seeking-add-educated-ja"]`)
	tb.clickButton("Tilføj")
	tb.waitText("div.alert-success", "Tømrer er tilføjet.")
	tb.waitText("#seeking-691-title", "Tømrer")
	tb.waitUntil("the focus is back on TILFØJ JOB", `document.activeElement && document.activeElement.id === "seeking-add"`)

	// By an alias: shown as "Occupation (alias)".
	tb.click("#seeking-add")
	tb.chooseSuggestion("kontorf", "Kontorassistent (kontorfunktionær)", false)
	tb.click(`label[for="seeking-add-educated-nej"]`)
	tb.typeInto("#seeking-add-years", "12")
	tb.typeInto("#seeking-add-months", "3")
	tb.typeInto("#seeking-add-last-worked", "2008")
	tb.clickButton("Tilføj")
	tb.waitText("#seeking-530-title", "Kontorassistent (kontorfunktionær)")
	tb.waitText("#seeking-530", "12 år og 3 måneder")
	tb.waitText("#seeking-530", "2008")
	tb.checkA11y("/jeg-soeger-job-som (added)")

	// The same occupation again: the message at the field.
	tb.click("#seeking-add")
	tb.chooseSuggestion("rør", "Rørlægger", false)
	tb.click(`label[for="seeking-add-educated-ja"]`)
	tb.clickButton("Tilføj")
	tb.waitText("#seeking-occupation-error", "Du har allerede valgt Rørlægger. En stilling kan kun vælges én gang.")
	if got := tb.attr("#seeking-occupation", "aria-describedby"); !strings.Contains(got, "seeking-occupation-error") {
		t.Errorf("the occupation field is not described by its message: %q", got)
	}
	tb.checkA11y("/jeg-soeger-job-som (the same occupation twice)")
	tb.clickButton("Annuller")

	// Bad experience: the message at the field, the text kept.
	tb.click("#seeking-530-edit")
	tb.waitUntil("the edit form is open", `!!document.getElementById("seeking-edit-form")`)
	if got := tb.value("#seeking-edit-years"); got != "12" {
		t.Errorf("Redigér starts with %q years, want 12", got)
	}
	tb.clearInput("#seeking-edit-years")
	tb.typeInto("#seeking-edit-years", "tolv")
	tb.clearInput("#seeking-edit-last-worked")
	tb.typeInto("#seeking-edit-last-worked", "2030")
	tb.clickButton("Gem")
	tb.waitText("#seeking-edit-years-error", "Skriv et helt tal.")
	tb.waitText("#seeking-edit-last-worked-error", "Må højst være 2027.")
	if got := tb.value("#seeking-edit-years"); got != "tolv" {
		t.Errorf("after the message the field holds %q, want what was typed", got)
	}
	tb.checkA11y("/jeg-soeger-job-som (bad experience)")
	tb.screenshot("jobseeking-bad-experience")
	tb.clearInput("#seeking-edit-years")
	tb.typeInto("#seeking-edit-years", "11")
	tb.clearInput("#seeking-edit-last-worked")
	tb.typeInto("#seeking-edit-last-worked", "2009")
	tb.clickButton("Gem")
	tb.waitText("div.alert-success", "Dine oplysninger om Kontorassistent (kontorfunktionær) er gemt.")
	tb.waitText("#seeking-530", "11 år og 3 måneder")
	tb.waitText("#seeking-530", "2009")

	// Removed.
	tb.click("#seeking-691-edit")
	tb.waitUntil("the edit form is open", `!!document.getElementById("seeking-edit-remove")`)
	tb.click("#seeking-edit-remove")
	tb.waitText("div.alert-success", "Tømrer er fjernet.")
	tb.waitGone("#seeking-691")

	// Ansættelsesbetingelser.
	tb.click("#conditions-edit")
	tb.click(`label[for="conditions-working-time-deltid"]`)
	tb.click(`label[for="conditions-start-asap"]`)
	tb.checkA11y("/jeg-soeger-job-som (Ansættelsesbetingelser)")
	tb.clickButton("Gem")
	tb.waitText("div.alert-success", "Dine ansættelsesbetingelser er gemt.")
	tb.waitText(".jobnet-seeking-conditions", "Deltid")
	if got := tb.text(".jobnet-seeking-conditions"); strings.Contains(got, "Hurtigst muligt") {
		t.Errorf("Ansættelsesbetingelser still say Hurtigst muligt: %q", got)
	}

	// Nina sees it as Mads does, without the controls.
	tb.clickButton("Log ud")
	tb.waitPath("/log-ind")
	tb.loginCaseworker("nina")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.openCard(0, "Jeg søger job som", "/jeg-soeger-job-som")
	tb.waitText("#seeking-530-title", "Kontorassistent (kontorfunktionær)")
	tb.waitText("#seeking-708-title", "Rørlægger")
	tb.waitText(".jobnet-seeking-conditions", "Deltid")
	for _, sel := range []string{"#seeking-add", ".jobnet-seeking-edit", "#conditions-edit", "form"} {
		if n := eval[int](tb, "look for "+sel, `document.querySelectorAll("#main-content `+sel+`").length`); n != 0 {
			t.Errorf("the mirror shows %d of %s", n, sel)
		}
	}
	if n := eval[int](tb, "look for Find job", `document.querySelectorAll("#seeking-708 a.jobnet-seeking-findjob").length`); n != 1 {
		t.Errorf("the mirror shows %d Find job buttons for Rørlægger", n)
	}
	tb.checkA11y("/jeg-soeger-job-som (mirror)")
	tb.screenshot("jobseeking-mirror")
}

// chooseSuggestion types into the occupation field and chooses the
// suggestion label by keyboard: arrow down to it, Enter. first: it must be
// the first suggestion.
func (tb *tab) chooseSuggestion(typed, label string, first bool) {
	tb.t.Helper()
	tb.typeInto("#seeking-occupation", typed)
	options := `[...document.querySelectorAll("#seeking-occupation-listbox [role=option]")]`
	tb.waitUntil("the suggestions show "+label, `!document.getElementById("seeking-occupation-listbox").hidden
		&& document.getElementById("seeking-occupation").getAttribute("aria-expanded") === "true"
		&& `+options+`.some(o => o.innerText.trim() === `+js(label)+`)`)
	at := eval[int](tb, "find "+label, options+`.findIndex(o => o.innerText.trim() === `+js(label)+`)`)
	if first && at != 0 {
		tb.t.Errorf("%q is suggestion %d for %q, want the first", label, at, typed)
	}
	tb.arrowTo("#seeking-occupation", label)
	tb.checkA11y("/jeg-soeger-job-som (suggestions)")
	tb.screenshot("jobseeking-suggestions")
	tb.do("press Enter", chromedp.KeyEvent(kb.Enter))
	tb.waitUntil(label+" is chosen", `document.getElementById("seeking-occupation").value === `+js(label)+`
		&& document.getElementById("seeking-occupation-listbox").hidden && !!document.getElementById("seeking-add-form")`)
}
