package browsertest

import (
	"strings"
	"testing"
)

// testCV: Mads opens Mit CV from the Forside, sees its number, status and
// folds with their counts, follows the LinkedIn box's "Tilføj link →" to
// the link field and back, puts the box off with "Senere" (it stays away
// for the visit), adds a job whose start month is 13 — told at
// the field, what he typed kept — fixes it and finds it in the fold and in
// the downloaded PDF; he edits it into an ongoing job, and deletes a
// course after the confirmation. Removing his
// contact data is refused at the fields (he is enrolled, and the CV is
// søgbart). He fills in his Præsentations-CV, told first that "Om mig" is
// missing, and downloads its PDF. Job i Europa shows the CV it makes
// visible. Berit (a-kasse) sees Mit CV without its controls and "Ingen
// adgang" on the Præsentations-CV; Nina (jobcenter) reads it. axe-core
// checks every page and state.
// The scenario changes Mads' data, so each width has a portal of its own.
func testCV(t *testing.T, tb *tab) {
	tb.loginCitizen("mads", "Mads Kristensen")
	tb.openCard(0, "Mit CV", "/mit-cv")
	tb.waitText("h1", "Mit CV")
	tb.waitText("#cv-status", "CV-nummer:")
	tb.waitText("#cv-status", "Søgbart")
	tb.waitText("#cv-fold-erhvervserfaring-button", "Erhvervserfaring (2)")
	tb.waitText("#cv-fold-uddannelse-button", "Uddannelser, kurser og certificeringer (2)")
	tb.waitText("#cv-fold-kvalifikation-button", "Kvalifikationer (2)")
	tb.waitText("#cv-link-nudge", "Vil du tilføje et link til fx din LinkedIn profil?")
	tb.waitText("#cv-link-nudge", "Vis ikke denne besked igen")
	tb.checkA11y("/mit-cv")
	tb.screenshot("cv")

	// "Tilføj link →" opens the form at the link; "Senere" hides the box
	// for the visit.
	tb.click("#cv-link-add")
	tb.waitPath("/mit-cv/kontakt-og-sprog")
	tb.waitUntil("the focus is on the link", `document.activeElement && document.activeElement.id === "cv-link"`)
	tb.click("#cv-settings-cancel")
	tb.waitPath("/mit-cv")
	tb.waitText("#cv-link-nudge", "Vil du tilføje et link")
	tb.click("#cv-link-later")
	tb.waitGone("#cv-link-nudge")
	tb.open("/mit-cv")
	tb.waitText("#cv-fold-erhvervserfaring-button", "Erhvervserfaring (2)")
	if n := eval[int](tb, "look for the box", `document.querySelectorAll("#cv-link-nudge").length`); n != 0 {
		t.Errorf("the LinkedIn box is back in the same visit")
	}

	// A job with month 13: the message at the field, the text kept.
	tb.click("#cv-add-erhvervserfaring")
	tb.waitPath("/mit-cv/oplysning")
	tb.waitText("h1", "Tilføj erhvervserfaring")
	tb.waitUntil("the form is drawn", `!!document.getElementById("cv-entry-form")`)
	tb.checkA11y("/mit-cv/oplysning")
	tb.typeInto("#cv-title", "Lagermedarbejder")
	tb.typeInto("#cv-organisation", "Lager Syd A/S")
	tb.typeInto("#cv-from", "13/2019")
	tb.typeInto("#cv-to", "02/2021")
	tb.clickButton("Gem")
	tb.waitText("#cv-from-error", "Måneden skal være fra 01 til 12.")
	if got := tb.value("#cv-title"); got != "Lagermedarbejder" {
		t.Errorf("after the message the title holds %q", got)
	}
	if got := tb.value("#cv-from"); got != "13/2019" {
		t.Errorf("after the message the month holds %q", got)
	}
	tb.checkA11y("/mit-cv/oplysning (errors)")
	tb.screenshot("cv-entry-errors")
	tb.clearInput("#cv-from")
	tb.typeInto("#cv-from", "03/2019")
	tb.clickButton("Gem")
	tb.waitPath("/mit-cv")
	tb.waitText("div.alert-success", "Dit CV er gemt.")
	tb.waitText("#cv-fold-erhvervserfaring-button", "Erhvervserfaring (3)")
	tb.waitText("#cv-fold-erhvervserfaring", "Lagermedarbejder")
	tb.waitText("#cv-fold-erhvervserfaring", "03/2019 - 02/2021")

	// The PDF holds the entries.
	text := tb.downloadText("#cv-pdf", "mit-cv.pdf")
	for _, want := range []string{"Mads Kristensen", "CV-nummer:", "Erhvervserfaring (3)", "Lagermedarbejder", "03/2019 - 02/2021",
		"Arbejdsgiver: Lager Syd A/S", "Arbejdsgiver: Amager VVS & Blik ApS", "Kvalifikationer (2)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the downloaded CV lacks %q:\n%s", want, text)
		}
	}

	// Redigér: still there, so Nuværende.
	edit := eval[string](tb, "find the entry", `[...document.querySelectorAll("#cv-fold-erhvervserfaring article")].find(a => a.innerText.includes("Lagermedarbejder")).id`)
	tb.click("#" + edit + "-edit")
	tb.waitPath("/mit-cv/oplysning")
	tb.waitUntil("the form holds the entry", `!!document.getElementById("cv-title") && document.getElementById("cv-title").value === "Lagermedarbejder"`)
	tb.click("#cv-ongoing")
	tb.waitGone("#cv-to")
	tb.clickButton("Gem")
	tb.waitPath("/mit-cv")
	tb.waitText("#cv-fold-erhvervserfaring", "03/2019 - Nuværende")

	// Søgbart needs contact data, and Mads is enrolled.
	tb.click("#cv-settings-edit")
	tb.waitPath("/mit-cv/kontakt-og-sprog")
	tb.waitUntil("the form holds the phone", `!!document.getElementById("cv-phone") && document.getElementById("cv-phone").value === "20 45 67 89"`)
	tb.waitText("#cv-contact-required", "Du er tilmeldt som ledig")
	tb.checkA11y("/mit-cv/kontakt-og-sprog")
	tb.clearInput("#cv-phone")
	tb.clearInput("#cv-email")
	tb.clickButton("Gem")
	tb.waitText("#cv-phone-error", "Som tilmeldt ledig skal du give arbejdsgiverne mindst én måde at kontakte dig på")
	tb.waitText("#cv-searchable-error", "Dit CV kan kun gøres søgbart, når arbejdsgivere kan kontakte dig.")
	tb.checkA11y("/mit-cv/kontakt-og-sprog (errors)")
	tb.typeInto("#cv-phone", "20 45 67 89")
	tb.clickButton("Gem")
	tb.waitPath("/mit-cv")
	tb.waitText("#cv-other", "20 45 67 89")

	// Slet, from the entry's form, after the confirmation.
	course := eval[string](tb, "find the course", `[...document.querySelectorAll("#cv-fold-uddannelse article")].find(a => a.innerText.includes("energioptimering")).id`)
	tb.click("#" + course + "-edit")
	tb.waitUntil("the form holds the course", `!!document.getElementById("cv-title") && document.getElementById("cv-title").value.includes("energioptimering")`)
	tb.click("#cv-delete")
	tb.waitText("#cv-confirm", "Vil du slette")
	tb.waitUntil("the focus is in the confirmation", `document.activeElement && document.activeElement.id === "cv-confirm-cancel"`)
	tb.checkA11y("/mit-cv/oplysning (confirm delete)")
	tb.clickButton("Ja, slet")
	tb.waitPath("/mit-cv")
	tb.waitText("div.alert-success", "Oplysningen er slettet fra dit CV.")
	tb.waitText("#cv-fold-uddannelse-button", "Uddannelser, kurser og certificeringer (1)")

	// Job i Europa shows the CV it makes visible.
	tb.open("/job-i-europa")
	tb.waitText("#eures-cv", "Det CV, du gør synligt")
	tb.waitText("#eures-cv", "Erhvervserfaring (3)")
	tb.checkA11y("/job-i-europa (CV)")

	// Præsentations-CV.
	tb.open("/")
	tb.waitText("h1.jobnet-welcome", "Velkommen Mads Kristensen")
	tb.openCard(0, "Præsentations-CV", "/praesentations-cv")
	tb.waitUntil("the form is drawn", `!!document.getElementById("presentation-form")`)
	tb.checkA11y("/praesentations-cv")
	tb.typeInto("#presentation-headline", "Rørlægger med styr på tingene")
	tb.clickButton("Gem")
	tb.waitText("#presentation-about-error", "Skriv lidt om dig selv under \"Om mig\".")
	tb.checkA11y("/praesentations-cv (errors)")
	tb.typeInto("#presentation-about", "Jeg er rørlægger og holder af at løse problemer for folk.")
	tb.typeInto("#presentation-wish-for", "Service og renovering i København.")
	tb.click("#presentation-contact")
	tb.clickButton("Gem")
	tb.waitText("div.alert-success", "Dit Præsentations-CV er gemt.")
	tb.checkA11y("/praesentations-cv (saved)")
	tb.screenshot("presentation-cv")
	ptext := tb.downloadText("#presentation-pdf", "praesentations-cv.pdf")
	for _, want := range []string{"Mads Kristensen", "Rørlægger med styr på tingene", "Om mig", "holder af at løse problemer",
		"Det vil jeg gerne arbejde med", "20 45 67 89"} {
		if !strings.Contains(ptext, want) {
			t.Errorf("the downloaded Præsentations-CV lacks %q:\n%s", want, ptext)
		}
	}

	// Berit reads Mit CV without its controls; the Præsentations-CV is
	// "Ingen adgang".
	tb.clickButton("Log ud")
	tb.waitPath("/log-ind")
	tb.loginCaseworker("berit")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.openCard(0, "Mit CV", "/mit-cv")
	tb.waitText("#cv-fold-erhvervserfaring", "Lagermedarbejder")
	for _, sel := range []string{"#cv-add-erhvervserfaring", "#cv-settings-edit", "#cv-link-nudge", "#" + edit + "-edit"} {
		if n := eval[int](tb, "look for "+sel, `document.querySelectorAll("`+sel+`").length`); n != 0 {
			t.Errorf("the a-kasse's mirror shows %s", sel)
		}
	}
	tb.checkA11y("/mit-cv (a-kasse)")
	tb.open("/praesentations-cv")
	tb.waitText("main", "Ingen adgang")
	if n := eval[int](tb, "look for the form", `document.querySelectorAll("#presentation-form, #presentation-read").length`); n != 0 {
		t.Errorf("the a-kasse sees the Præsentations-CV")
	}
	tb.checkA11y("/praesentations-cv (a-kasse)")

	// Nina (jobcenter) reads the Præsentations-CV, without the form.
	tb.clickButton("Log ud")
	tb.waitPath("/sagsbehandleradgang")
	tb.loginCaseworker("nina")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.openCard(0, "Præsentations-CV", "/praesentations-cv")
	tb.waitText("#presentation-read", "holder af at løse problemer")
	if n := eval[int](tb, "look for the form", `document.querySelectorAll("#presentation-form").length`); n != 0 {
		t.Errorf("the jobcenter's mirror shows the form")
	}
	tb.checkA11y("/praesentations-cv (jobcenter)")
}

// downloadText is the text of the file a link downloads.
func (tb *tab) downloadText(sel, name string) string {
	tb.t.Helper()
	return pdfText(tb.t, tb.download(sel, name))
}
