package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"jobnet/server/ingestv1"
	"jobnet/shared"
)

// testMinPlan: Mads opens Min plan: its elements in order, the timeline
// (desktop) or the list (phone, the default below 768 px), the window moved
// back and forth and back to today, an item's pop-up opened and closed by
// mouse and by keyboard, the list folded out and in (SPEC D1–D3).
func testMinPlan(t *testing.T, tb *tab) {
	tb.loginCitizen("mads", "Mads Kristensen")
	tb.openCard(1, "Min plan", "/min-plan")
	tb.waitText(".jobnet-minplan", "Rørlægger")
	tb.waitText(".jobnet-minplan", "For at nå mit mål, har vi aftalt")
	tb.waitText(".jobnet-minplan", "Seneste aftale med a-kasse")
	headings := eval[string](tb, "read the plan's headings", `[...document.querySelectorAll(".jobnet-plan-section h2, #timeline-heading")].map(h => h.innerText).join(" | ")`)
	if want := "Jobmål | For at nå mit mål, har vi aftalt | Seneste aftale med jobcenter | Seneste aftale med a-kasse | Indsatser og aftaler"; headings != want {
		t.Errorf("the plan's elements: %s, want %s", headings, want)
	}
	tb.waitText(".jobnet-nudges", "Gode råd til jobsøgningen")
	tb.waitText(".jobnet-nudges", "Følg din dagpengeret")

	if tb.w.mobile {
		tb.waitUntil("the list is the default on a phone", `document.getElementById("view-list").getAttribute("aria-pressed") === "true"`)
		tb.checkA11y("/min-plan (list)")
		tb.click("#fold-out")
		tb.waitUntil("fold all out", `[...document.querySelectorAll(".jobnet-timeline-list .accordion-content")].every(e => e.getAttribute("aria-hidden") === "false")`)
		tb.waitText(".jobnet-timeline-list", "Svejsefabrikken")
		tb.click("#fold-in")
		tb.waitUntil("fold all in", `[...document.querySelectorAll(".jobnet-timeline-list .accordion-content")].every(e => e.getAttribute("aria-hidden") === "true")`)
		return
	}

	tb.waitUntil("the timeline is the default on a desktop", `document.getElementById("view-timeline").getAttribute("aria-pressed") === "true"`)
	start := tb.text("#timeline-period")
	tb.click("#timeline-prev")
	tb.waitUntil("the window moves back", `document.getElementById("timeline-period").innerText !== `+js(start))
	back := tb.text("#timeline-period")
	tb.click("#timeline-next")
	tb.waitText("#timeline-period", start)
	tb.click("#timeline-next")
	tb.waitUntil("the window moves on", `![`+js(start)+`, `+js(back)+`].includes(document.getElementById("timeline-period").innerText)`)
	tb.click("#timeline-today")
	tb.waitText("#timeline-period", start)

	// By mouse: open, read, close with Luk.
	tb.click("#bar-mads-lt")
	tb.waitText("#item-popup", "Svejsefabrikken")
	tb.waitText("#item-popup", "Seneste status")
	tb.waitText("#item-popup", "Hvorfor")
	tb.checkA11y("/min-plan with the pop-up open")
	tb.click("#item-popup-close")
	tb.waitGone("#item-popup")
	// By keyboard: Enter on the bar opens, Escape closes and gives the focus back.
	tb.do("focus the bar and press Enter", chromedp.Focus(chromedp.CSS("#bar-mads-lt")), chromedp.KeyEvent(kb.Enter))
	tb.waitText("#item-popup", "Svejsefabrikken")
	tb.waitUntil("the focus is in the pop-up", `document.activeElement.id === "item-popup-close"`)
	tb.do("press Escape", chromedp.KeyEvent(kb.Escape))
	tb.waitGone("#item-popup")
	tb.waitUntil("the focus is back on the bar", `document.activeElement.id === "bar-mads-lt"`)

	tb.click("#view-list")
	tb.click("#fold-out")
	tb.waitText(".jobnet-timeline-list", "Svejsefabrikken")
	tb.checkA11y("/min-plan (list, folded out)")
	// "Hent som PDF": the browser saves the file; its text has the table
	// of contents and the goals, in Danish letters.
	text := pdfText(t, tb.download("#plan-pdf", "min-plan.pdf"))
	for _, want := range []string{"Indholdsfortegnelse", "Jobmål", "Rørlægger", "Løntilskud", "Svejsefabrikken", "Indsatser og aftaler"} {
		if !strings.Contains(text, want) {
			t.Errorf("the downloaded PDF lacks %q:\n%s", want, text)
		}
	}
	// The dagpenge nudge leads to the counters.
	tb.click(`.jobnet-nudges a[href="/dagpengetaellere"]`)
	tb.waitPath("/dagpengetaellere")
}

// testMinPlanChanges (a portal of its own per width): Mads' plan has a new
// version. The first visit shows what changed in the page; a later visit
// offers "Seneste ændringer", which opens the same list as a dialog, closed
// by keyboard with the focus back on the button.
func testMinPlanChanges(t *testing.T, tb *tab) {
	tb.loginCitizen("mads", "Mads Kristensen")
	tb.openCard(1, "Min plan", "/min-plan")
	tb.waitText("#plan-new-version", "Din plan er ændret")
	changes := tb.text("#plan-new-version .jobnet-changes")
	if n := eval[int](tb, "look for the button", `document.querySelectorAll("#plan-changes").length`); n != 0 {
		t.Error("\"Seneste ændringer\" is offered while the changes are shown in the page")
	}
	tb.click("nav a.breadcrumbs__link")
	tb.waitPath("/")
	tb.openCard(1, "Min plan", "/min-plan")
	tb.waitText(".jobnet-minplan", "Rørlægger")
	if n := eval[int](tb, "look for the changes box", `document.querySelectorAll("#plan-new-version").length`); n != 0 {
		t.Error("the changes are shown in the page on a later visit too")
	}
	tb.click("#plan-changes")
	tb.waitText("#changes-dialog", "Seneste ændringer i din plan")
	if got := tb.text("#changes-dialog .jobnet-changes"); got != changes {
		t.Errorf("the dialog lists %q, the first visit %q", got, changes)
	}
	tb.waitUntil("the focus is in the dialog", `document.activeElement.id === "changes-dialog-close"`)
	tb.checkA11y("/min-plan with Seneste ændringer open")
	tb.screenshot("plan-changes-dialog")
	tb.do("press Escape", chromedp.KeyEvent(kb.Escape))
	tb.waitGone("#changes-dialog")
	tb.waitUntil("the focus is back on the button", `document.activeElement.id === "plan-changes"`)
}

// testEducationOrder (a portal of its own per width, since Emil's answer is
// stored): at step 3 Emil reports his applications. A wrong answer gets a
// message at its field and keeps what he chose; then he sends, and the
// answer is there when he comes back (SPEC D1).
func testEducationOrder(t *testing.T, tb *tab) {
	tb.loginCitizen("emil", "Emil Sørensen")
	tb.openCard(1, "Min plan", "/min-plan")
	tb.waitText("#education-heading", "Søg ind på uddannelse(r)")
	tb.waitText("#education", "VUC Vestsjælland-Syd")
	tb.click("#edu-applied-0")
	tb.do("choose Optaget without having applied", chromedp.SetValue(chromedp.CSS("#edu-answer-1"), "optaget"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("edu-answer-1").dispatchEvent(new Event("change", {bubbles: true}))`))
	tb.click("#edu-send")
	tb.waitText("#edu-answer-1-error", "Du kan først have svar fra uddannelsesstedet, når du har sendt ansøgningen.")
	if tb.value("#edu-answer-1") != "optaget" || !eval[bool](tb, "read the checkbox", `document.getElementById("edu-applied-0").checked`) {
		t.Error("the form lost what Emil chose")
	}
	tb.checkA11y("/min-plan with an error in the education order")
	tb.click("#edu-applied-1")
	tb.click("#edu-send")
	tb.waitText(".jobnet-education-status", "Sendt til din sagsbehandler")
	tb.checkA11y("/min-plan after sending the education order")
	tb.screenshot("education-order")

	tb.click("nav a.breadcrumbs__link")
	tb.waitPath("/")
	tb.openCard(1, "Min plan", "/min-plan")
	tb.waitText(".jobnet-education-status", "Sendt til din sagsbehandler")
	if tb.value("#edu-answer-1") != "optaget" || !eval[bool](tb, "read the checkboxes", `document.getElementById("edu-applied-0").checked && document.getElementById("edu-applied-1").checked`) {
		t.Error("the sent answer is not shown on the next visit")
	}
}

// testEducationOrderMirror: Nina sees Jonas' step 2 with its buttons; she
// can type, and sending is refused with the read-only message at the end,
// her input kept (K2, picture 18 in 000_…txt).
func testEducationOrderMirror(t *testing.T, tb *tab) {
	tb.loginCaseworker("nina")
	tb.mirror(cprJonas)
	tb.waitMirrorOf("Jonas Madsen")
	tb.openCard(1, "Min plan", "/min-plan")
	tb.waitText("#education-heading", "Find uddannelsessted(er)")
	tb.waitText("#education", "1. prioriterede uddannelsesmål: Tømrer")
	tb.click("#edu-add-place-0")
	tb.waitUntil("the new field has the focus", `document.activeElement.id === "edu-place-0"`)
	tb.typeInto("#edu-place-0", "EUC Syd")
	tb.click("#edu-send")
	tb.waitText("#education-form .jobnet-form-summary", "Du har ikke rettigheder til at foretage denne handling")
	if got := tb.value("#edu-place-0"); got != "EUC Syd" {
		t.Errorf("the input is %q after the refusal", got)
	}
	tb.checkA11y("/min-plan (mirror) with the education order refused")
	tb.screenshot("education-order-mirror")
}

// testMinPlanAKasse: the a-kasse's view of Mads' plan lacks the
// hjælpemiddel and the sygedagpenge period's meeting (SPEC K4).
func testMinPlanAKasse(t *testing.T, tb *tab) {
	tb.loginCaseworker("berit")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.openCard(1, "Min plan", "/min-plan")
	tb.waitText(".jobnet-minplan", "Rørlægger")
	tb.click("#view-list")
	tb.click("#fold-out")
	tb.waitText(".jobnet-timeline-list", "Svejsefabrikken")
	if eval[bool](tb, "look for hidden items", `/Hæve-sænkebord|Sygeopfølgningssamtale|Hjælpemiddel/.test(document.body.innerText)`) {
		t.Error("the a-kasse sees hidden items")
	}
	tb.checkA11y("/min-plan (a-kasse)")
}

// testMinPlanNotices (a portal of its own per width, since it changes what
// the citizen has seen): the front page tells Louise of her plan; the
// first-plan box shows until "Vis ikke denne besked igen", for good.
func testMinPlanNotices(t *testing.T, tb *tab) {
	tb.loginCitizen("louise", "Louise Holm")
	tb.waitText("#vigtig-content", "Du har fået en plan")
	tb.click("#vigtig-content a.jobnet-notification-link")
	tb.waitPath("/min-plan")
	tb.waitText("#plan-first", "Du har fået en plan")
	tb.checkA11y("/min-plan with the first-plan box")
	tb.click("#plan-first-dismiss")
	tb.waitGone("#plan-first")
	tb.click("nav a.breadcrumbs__link")
	tb.waitPath("/")
	tb.waitText("h1.jobnet-welcome", "Velkommen Louise Holm")
	if eval[bool](tb, "look for the plan notice", `document.getElementById("vigtig-content").innerText.includes("Du har fået en plan")`) {
		t.Error("the front page still tells of the plan after it was opened")
	}
	tb.openCard(1, "Min plan", "/min-plan")
	tb.waitText(".jobnet-minplan", "Biblioteksassistent")
	if n := eval[int](tb, "look for the first-plan box", `document.querySelectorAll("#plan-first").length`); n != 0 {
		t.Error("the first-plan box came back after \"Vis ikke denne besked igen\"")
	}
}

// testEducationWishes (a portal of its own per width: it publishes a plan):
// Jonas' caseworker moves his uddannelsespålæg to step 1; he adds wishes, an
// empty one gets its message and removing it clears it, and he sends.
func testEducationWishes(t *testing.T, tb *tab) {
	today := shared.DateOf(clock())
	tb.portal.ingest(t, "/api/ingest/v1/plan", ingestv1.NewPlan(cprJonas, shared.Plan{
		VersionID: "browser-jonas-step1", Type: shared.PlanEducation,
		EducationGoals: []shared.EducationGoal{{Title: "Tømrer"}},
		EducationOrder: &shared.EducationOrder{Step: 1, Deadline: today.AddDays(10), Caseworker: "Nina Pettersen"},
	}))
	tb.loginCitizen("jonas", "Jonas Madsen")
	tb.openCard(1, "Min plan", "/min-plan")
	tb.waitText("#education-heading", "Vælg dine uddannelsesønsker")
	tb.click("#edu-add-wish")
	tb.waitUntil("the new field has the focus", `document.activeElement.id === "edu-wish-0"`)
	tb.typeInto("#edu-wish-0", "Tømrer")
	tb.click("#edu-add-wish")
	tb.waitUntil("the second field has the focus", `document.activeElement.id === "edu-wish-1"`)
	tb.typeInto("#edu-reason", "Jeg kan lide at arbejde med træ.")
	tb.click("#edu-send")
	tb.waitText("#edu-wish-1-error", "Feltet skal udfyldes.")
	if tb.value("#edu-wish-0") != "Tømrer" || tb.value("#edu-reason") != "Jeg kan lide at arbejde med træ." {
		t.Error("the form lost what Jonas typed")
	}
	tb.checkA11y("/min-plan with an empty education wish")
	tb.screenshot("education-wishes-error")
	tb.click("#edu-wish-1-remove")
	tb.waitGone("#edu-wish-1")
	tb.waitUntil("the focus is on Tilføj", `document.activeElement.id === "edu-add-wish"`)
	tb.click("#edu-send")
	tb.waitText(".jobnet-education-status", "Sendt til din sagsbehandler")
	if tb.value("#edu-wish-0") != "Tømrer" {
		t.Error("the sent wish is gone from the form")
	}
}
