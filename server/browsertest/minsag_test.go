package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"jobnet/server/demo"
	"jobnet/server/ingestv1"
	"jobnet/shared"
)

// testMinSag: Min sag til teamet (SPEC D13). Nina, mirroring Henrik, opens
// the menu item and reads his case without a form. Berit, Mads' a-kasse,
// finds the item greyed out with its refusal, and the page refused. Henrik
// opens it from the front page's third tab by keyboard, empties his CV to
// the team and is told at the first field, writes again and saves; answers
// Min situation but one question, is told at it and keeps every answer and
// his comment, answers it and saves. The jobcenter then sends the team's
// recommendation: the page shows it first, the forms are gone, and the PDF
// downloads. axe checks each state. The scenario changes Henrik's case, so
// each width has a portal of its own.
func testMinSag(t *testing.T, tb *tab) {
	const page = shared.PageMinSag
	tb.loginCaseworker("nina")
	tb.mirror(demo.HenrikCPR)
	tb.waitMirrorOf("Henrik Poulsen")
	tb.openCard(2, "Min sag til teamet", page)
	tb.waitText("#minsag-cv-read", "køkken og kantine")
	tb.waitText("#minsag-from-cv", "Erhvervserfaring: Køkkenmedhjælper, Kantinen på Rådhuset")
	tb.waitText("#minsag-situation-none", "Min situation er ikke besvaret.")
	if n := eval[int](tb, "look for forms", `document.querySelectorAll("#minsag form, #minsag textarea, #minsag input").length`); n != 0 {
		t.Errorf("the mirror offers %d forms or inputs", n)
	}
	tb.checkA11y(page + " (jobcenter)")
	tb.clickButton("Log ud")
	tb.waitPath("/sagsbehandleradgang")

	tb.loginCaseworker("berit")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.click("#tab-2")
	tb.waitText("#panel-2 #minsag-withheld", shared.MsgNoAccessMinSag)
	if c := tb.attr("#tab-2", "class"); !strings.Contains(c, "jobnet-tab-withheld") {
		t.Errorf("the a-kasse's menu item is not greyed out: class %q", c)
	}
	tb.checkA11y("/ (a-kasse, Min sag greyed out)")
	tb.open(page)
	tb.waitText("main", shared.MsgNoAccessMinSag)
	tb.clickButton("Log ud")
	tb.waitPath("/sagsbehandleradgang")

	tb.loginCitizen("henrik", "Henrik Poulsen")
	// The demo's call-in greets him first: "Luk" leaves it for next time.
	tb.waitUntil("the call-in is open", `!!document.getElementById("invitation-later")`)
	tb.click("#invitation-later")
	tb.waitGone("#invitation-later")
	// The third tab by keyboard: Tab to the selected first one, End to the
	// last, Tab to its card, Enter.
	tb.tabTo("#tab-0")
	tb.press(kb.End)
	tb.waitUntil("the third tab is selected", `document.getElementById("tab-2").getAttribute("aria-selected") === "true" && document.activeElement.id === "tab-2"`)
	tb.tabTo(`#panel-2 a[href="` + page + `"]`)
	tb.press(kb.Enter)
	tb.waitPath(page)
	tb.waitUntil("the forms are drawn", `!!document.getElementById("minsag-cv-form") && !!document.getElementById("minsag-situation-form")`)
	if v := tb.value("#minsag-resources"); !strings.Contains(v, "køkken og kantine") {
		t.Errorf("the saved text is not in the form: %q", v)
	}
	tb.waitText("#minsag-cv-saved", "Senest gemt")
	tb.checkA11y(page)
	tb.screenshot("minsag-form")

	// The CV to the team: nothing written is the message at the first field.
	tb.clearInput("#minsag-resources")
	tb.clearInput("#minsag-wishes")
	tb.clickButton("Gem CV til teamet")
	tb.waitText("#minsag-resources-error", shared.MsgRehabCVEmpty)
	tb.checkA11y(page + " (CV errors)")
	tb.typeInto("#minsag-challenges", "Min ryg kan ikke tåle tunge løft.")
	tb.clickButton("Gem CV til teamet")
	tb.waitText("#minsag-cv-form", "Dit CV til teamet er gemt.")
	if v := tb.value("#minsag-challenges"); v != "Min ryg kan ikke tåle tunge løft." {
		t.Errorf("after saving, the text is %q", v)
	}

	// Min situation: every question but "fylder".
	choose := func(id string) {
		tb.do("choose "+id, chromedp.Evaluate[chromedp.Void](`document.getElementById("minsag-`+id+`").click()`))
	}
	for _, o := range []string{"helbred-c", "timer-b", "hjaelp-a", "hjaelp-c", "fremtid-b"} {
		choose(o)
	}
	tb.typeInto("#minsag-comment", "Jeg sover dårligt om natten.")
	tb.clickButton("Gem min situation")
	tb.waitText("#minsag-fylder-error", shared.MsgScreeningChooseSome)
	if n := eval[int](tb, "count the messages", `document.querySelectorAll("#minsag-situation-form .form-error-message").length`); n != 1 {
		t.Errorf("%d messages, want 1 (at fylder)", n)
	}
	for _, o := range []string{"helbred-c", "timer-b", "hjaelp-a", "hjaelp-c", "fremtid-b"} {
		if !eval[bool](tb, "is "+o+" still chosen", `document.getElementById("minsag-`+o+`").checked`) {
			t.Errorf("after the message, %s is no longer chosen", o)
		}
	}
	if v := tb.value("#minsag-comment"); v != "Jeg sover dårligt om natten." {
		t.Errorf("after the message, the comment is %q", v)
	}
	tb.checkA11y(page + " (Min situation errors)")
	choose("fylder-a")
	tb.clickButton("Gem min situation")
	tb.waitText("#minsag-situation-form", "Dine svar om din situation er gemt.")
	tb.waitText("#minsag-situation-saved", "Senest gemt")

	// The team's recommendation arrives.
	tb.portal.ingest(t, "/api/ingest/v1/rehab-recommendations", ingestv1.RehabRecommendation{MessageID: "bt-rr-" + tb.w.name,
		CPR: demo.HenrikCPR, CaseID: demo.HenrikRehabCase, Outcome: shared.RehabRessourceforloeb,
		DecidedOn: shared.DateOf(clock()), Team: "Rehabiliteringsteamet i København",
		Text: "Teamet vurderer, at du kan udvikle din arbejdsevne i et ressourceforløb."})
	tb.open(page)
	tb.waitText("#minsag-outcome", "Ressourceforløb")
	tb.waitText("#minsag-explanation", "Min plan")
	if href := tb.attr("#minsag-plan-link", "href"); href != "/min-plan" {
		t.Errorf("the way to the plan that follows: %q", href)
	}
	tb.waitText("#minsag-cv-read", "Min ryg kan ikke tåle tunge løft.")
	tb.waitText("#minsag-situation-read", "Mit fysiske helbred")
	if n := eval[int](tb, "look for forms", `document.querySelectorAll("#minsag form").length`); n != 0 {
		t.Errorf("%d forms after the recommendation", n)
	}
	if first := eval[string](tb, "the first point", `document.querySelector(".jobnet-minsag-items a").textContent`); first != "Teamets indstilling" {
		t.Errorf("the first point is %q", first)
	}
	tb.checkA11y(page + " (indstilling)")
	tb.screenshot("minsag-indstilling")
	pdf := pdfText(t, tb.download("#minsag-pdf", "indstilling-fra-rehabiliteringsteamet.pdf"))
	for _, want := range []string{"Rehabiliteringsteamets indstilling", "Indstilling: Ressourceforløb", "140271-XXXX", "ressourceforløb."} {
		if !strings.Contains(pdf, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, pdf)
		}
	}
}
