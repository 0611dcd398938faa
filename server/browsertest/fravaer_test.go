package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"jobnet/shared"
)

// setDate sets a date field as its picker does, with the input event the
// app reads (a date field's keys depend on the browser's locale).
func (tb *tab) setDate(id string, d shared.Date) {
	tb.t.Helper()
	tb.waitUntil("the date field "+id, `!!document.getElementById(`+js(id)+`)`)
	tb.do("choose the date in "+id, chromedp.Evaluate[chromedp.Void](`(el => { el.value = `+js(d.String())+`; el.dispatchEvent(new Event("input", {bubbles: true})); })(document.getElementById(`+js(id)+`))`))
}

// testFravaer: Jonas, dagpengemodtager whose booking deadline passed
// three days ago, opens Fravær from "Planer og aftaler": "Aktuelt
// fravær" with the sources' texts; Meld ferie by keyboard with a holiday
// only 14 days ahead, refused at the field with the comment he typed
// kept, then 15 days ahead, registered and listed; Meld syg, then his
// front page's primary action "Meld dig rask", a raskmelding too far
// ahead refused at the field, then today, with the straksbooking step
// after the receipt (003). Midlertidigt arbejde is registered. axe-core
// checks every page and state. Each width has a portal of its own.
func testFravaer(t *testing.T, tb *tab) {
	today := shared.DateOf(clock())
	tb.loginCitizen("jonas", "Jonas Madsen")
	tb.openCard(1, "Fravær", shared.PageFravaer)
	tb.waitText("h1", shared.FravaerTitle)
	tb.waitText("#main-content", shared.FravaerIntro3)
	tb.waitText("#fravaer-none", shared.FravaerNone)
	tb.waitText("#fravaer-historik", "Gå til Historik")
	tb.waitText("#fravaer-services", "Meld ferie")
	tb.checkA11y(shared.PageFravaer)
	tb.screenshot("fravaer")

	// Meld ferie, by keyboard.
	tb.click("#fravaer-ferie-link")
	tb.waitPath(shared.PageFravaerFerie)
	tb.waitText("#main-content", shared.FerieMoreQ)
	tb.waitText(".jobnet-fravaer-husk", shared.FerieHusk2)
	tb.setDate("from", today.AddDays(shared.FerieNoticeDays))
	tb.setDate("to", today.AddDays(20))
	tb.typeInto("#comment", "Sommerhus i Blokhus")
	tb.do("send by keyboard", chromedp.Focus(chromedp.CSS("#ferie-send")), chromedp.KeyEvent(kb.Enter))
	tb.waitText("#from-error", shared.MsgFerieTooSoon)
	if v := tb.value("#comment"); v != "Sommerhus i Blokhus" {
		t.Errorf("the comment typed is %q after the error", v)
	}
	tb.checkA11y(shared.PageFravaerFerie + " (error)")
	tb.screenshot("fravaer-ferie-fejl")
	tb.setDate("from", today.AddDays(shared.FerieNoticeDays+1))
	tb.do("send by keyboard", chromedp.Focus(chromedp.CSS("#ferie-send")), chromedp.KeyEvent(kb.Enter))
	tb.waitText("#ferie-receipt", "er registreret")
	tb.waitGone("#from-error")
	tb.checkA11y(shared.PageFravaerFerie + " (receipt)")
	tb.click("#ferie-back")
	tb.waitPath(shared.PageFravaer)
	tb.waitText("#fravaer-liste", "Ferie")
	tb.waitText("#fravaer-liste", "Sommerhus i Blokhus")
	tb.waitText("#fravaer-liste", shared.AbsenceWhen(today.AddDays(shared.FerieNoticeDays+1)))

	// Midlertidigt arbejde: from yesterday is refused at the field.
	tb.click("#fravaer-arbejde-link")
	tb.waitPath(shared.PageFravaerArbejde)
	tb.setDate("from", today.AddDays(-1))
	tb.setDate("to", today.AddDays(3))
	tb.typeInto("#comment", "Vikar hos Tømrerfirmaet Hansen")
	tb.do("send by keyboard", chromedp.Focus(chromedp.CSS("#arbejde-send")), chromedp.KeyEvent(kb.Enter))
	tb.waitText("#from-error", shared.MsgNotBeforeToday)
	tb.checkA11y(shared.PageFravaerArbejde + " (error)")
	tb.setDate("from", today)
	tb.do("send by keyboard", chromedp.Focus(chromedp.CSS("#arbejde-send")), chromedp.KeyEvent(kb.Enter))
	tb.waitText("#arbejde-receipt", "er registreret")
	tb.click("#arbejde-back")
	tb.waitText("#fravaer-liste", "Midlertidigt arbejde")

	// Meld syg, then the front page's primary action is Meld dig rask.
	tb.click("#fravaer-syg-link")
	tb.waitPath(shared.PageFravaerSyg)
	tb.waitText("#syg-day", "Du melder dig syg fra i dag")
	tb.checkA11y(shared.PageFravaerSyg)
	tb.do("meld syg by keyboard", chromedp.Focus(chromedp.CSS("#syg-send")), chromedp.KeyEvent(kb.Enter))
	tb.waitText("#syg-receipt", "Du er meldt syg fra")
	tb.open("/")
	tb.waitText(".jobnet-primary", "Meld dig rask")
	tb.waitText(".jobnet-notifications", "Du er registreret som sygemeldt")
	tb.click(".jobnet-primary-link")
	tb.waitPath(shared.PageFravaerSyg)
	tb.waitText("#rask-sick-since", "Du er meldt syg fra")
	tb.waitText("#rask-straks-note", "skal du booke en jobsamtale")
	tb.setDate("day", today.AddDays(shared.SygRaskHorizonDays+1))
	tb.do("meld rask by keyboard", chromedp.Focus(chromedp.CSS("#rask-send")), chromedp.KeyEvent(kb.Enter))
	tb.waitText("#day-error", shared.MsgRaskTooFar)
	tb.checkA11y(shared.PageFravaerSyg + " (rask, error)")
	tb.screenshot("fravaer-rask-fejl")
	tb.setDate("day", today)
	tb.do("meld rask by keyboard", chromedp.Focus(chromedp.CSS("#rask-send")), chromedp.KeyEvent(kb.Enter))
	tb.waitText("#syg-receipt", "Du er meldt rask")
	// The straksbooking step: the booking flow for the passed deadline.
	tb.waitText("#rask-straks-heading", shared.StraksTitle)
	tb.waitText("#booking-straks", shared.StraksIntro)
	tb.checkA11y(shared.PageFravaerSyg + " (straksbooking)")
	tb.screenshot("fravaer-rask-straks")
}

// testFravaerAKasse: Berit mirrors Mads: his holiday, lawful on dagpenge,
// is on the list, the history of his sygedagpenge forløb is not; the
// Meld ferie form is there, and sending it is refused in the sources'
// words (000 5.5), the dates typed kept.
func testFravaerAKasse(t *testing.T, tb *tab) {
	today := shared.DateOf(clock())
	tb.loginCaseworker("berit")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.open(shared.PageFravaer)
	tb.waitText("#fravaer-liste", "Vinterferie med familien")
	// His past (Historik's demo): a holiday last summer, lawful on dagpenge
	// but over, and the sygemelding of his sygedagpenge forløb.
	if s := tb.text("#fravaer-liste"); strings.Contains(s, "Sommerferie") || strings.Contains(s, "operation i knæet") {
		t.Errorf("the a-kasse sees history: %q", s)
	}
	tb.checkA11y(shared.PageFravaer + " (a-kasse)")
	tb.open(shared.PageFravaerFerie)
	tb.waitText("#main-content", shared.FerieMoreQ)
	tb.setDate("from", today.AddDays(60))
	tb.setDate("to", today.AddDays(62))
	tb.do("send by keyboard", chromedp.Focus(chromedp.CSS("#ferie-send")), chromedp.KeyEvent(kb.Enter))
	tb.waitText(".jobnet-form-summary", shared.MsgAKasseCannotRegister)
	if v := tb.value("#from"); v != today.AddDays(60).String() {
		t.Errorf("the date typed is %q after the refusal", v)
	}
	tb.checkA11y(shared.PageFravaerFerie + " (a-kasse refused)")
}
