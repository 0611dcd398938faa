package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
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
	tb.click("#popup-close")
	tb.waitGone("#item-popup")
	// By keyboard: Enter on the bar opens, Escape closes and gives the focus back.
	tb.do("focus the bar and press Enter", chromedp.Focus(chromedp.CSS("#bar-mads-lt")), chromedp.KeyEvent(kb.Enter))
	tb.waitText("#item-popup", "Svejsefabrikken")
	tb.waitUntil("the focus is in the pop-up", `document.activeElement.id === "popup-close"`)
	tb.do("press Escape", chromedp.KeyEvent(kb.Escape))
	tb.waitGone("#item-popup")
	tb.waitUntil("the focus is back on the bar", `document.activeElement.id === "bar-mads-lt"`)

	tb.click("#view-list")
	tb.click("#fold-out")
	tb.waitText(".jobnet-timeline-list", "Svejsefabrikken")
	tb.checkA11y("/min-plan (list, folded out)")
	if n := eval[int](tb, "check the PDF link", `document.querySelectorAll('a#plan-pdf[href="/api/plan/pdf"]').length`); n != 1 {
		t.Error("no Hent som PDF link")
	}
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
