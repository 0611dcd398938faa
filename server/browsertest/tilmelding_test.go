package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"jobnet/shared"
)

// testEnrolment: Pete (afmeldt, a member of an a-kasse) enrols by
// keyboard: an empty submit puts a message at each fieldset; kontanthjælp
// offers no "ikke ledig", so a status that does not fit is asked again
// while the chosen ydelse stays chosen; enrolled for dagpenge, the receipt
// says "Husk"; he afmelder from a day past the 30 days (refused at the
// field, the reason kept), then from 10 days ahead, and takes it back.
// Berit, Mads' a-kasse, sees the page and is refused the afmelding in the
// sources' words (000 5.5). axe-core checks every state.
func testEnrolment(t *testing.T, tb *tab) {
	tb.loginCitizen("pete", "Pete Adam-Janusz")
	tb.open(shared.PageEnrolment)
	tb.waitText("#tilmelding-status", "Ikke tilmeldt som ledig")
	tb.waitText("#tilmelding-benefit", "Kontanthjælp/Introduktionsydelse")
	tb.waitText("#tilmelding-benefit", shared.HintDagpengeMember)
	tb.checkA11y(shared.PageEnrolment)
	tb.screenshot("tilmelding")

	tb.do("submit empty by keyboard", chromedp.Focus(chromedp.CSS("#tilmelding-enrol-submit")), chromedp.KeyEvent(kb.Enter))
	tb.waitText("#tilmelding-benefit", shared.MsgEnrolChooseBenefit)
	tb.waitText("#tilmelding-ledighed", shared.MsgEnrolChooseLedighed)
	tb.checkA11y(shared.PageEnrolment + " (errors)")

	tb.do("dagpenge, ikke ledig", chromedp.Focus(chromedp.CSS("#tilmelding-benefit-dagpenge")), chromedp.KeyEvent(" "),
		chromedp.Focus(chromedp.CSS("#tilmelding-ledighed-ikke")), chromedp.KeyEvent(" "))
	tb.do("kontanthjælp", chromedp.Focus(chromedp.CSS("#tilmelding-benefit-kontanthjaelp")), chromedp.KeyEvent(" "))
	tb.waitGone("#tilmelding-ledighed-ikke")
	tb.do("submit", chromedp.Focus(chromedp.CSS("#tilmelding-enrol-submit")), chromedp.KeyEvent(kb.Enter))
	tb.waitText("#tilmelding-ledighed", shared.MsgEnrolChooseLedighed)
	tb.waitUntil("kontanthjælp still chosen", `document.getElementById("tilmelding-benefit-kontanthjaelp").checked`)

	tb.do("dagpenge, helt ledig", chromedp.Focus(chromedp.CSS("#tilmelding-benefit-dagpenge")), chromedp.KeyEvent(" "),
		chromedp.Focus(chromedp.CSS("#tilmelding-ledighed-helt")), chromedp.KeyEvent(" "),
		chromedp.Focus(chromedp.CSS("#tilmelding-enrol-submit")), chromedp.KeyEvent(kb.Enter))
	tb.waitText("#tilmelding-receipt", "Husk: Du skal sende din ledighedserklæring og dit dagpengekort til a-kassen.")
	tb.waitText("#tilmelding-jobcenter-text", "informationsmøde")
	tb.waitText("#tilmelding-status", "Tilmeldt som ledig")
	tb.waitUntil("the focus on the status", `document.activeElement && document.activeElement.id === "tilmelding-status-heading"`)
	tb.checkA11y(shared.PageEnrolment + " (receipt)")
	tb.screenshot("tilmelding-kvittering")

	// The afmelding: 31 days ahead is refused at the field; the reason
	// chosen by keyboard stays.
	today := shared.DateOf(clock())
	tb.do("the reason by keyboard", chromedp.Focus(chromedp.CSS("#tilmelding-reason")), chromedp.KeyEvent(kb.ArrowDown))
	tb.waitUntil("a reason chosen", `document.getElementById("tilmelding-reason").value === "arbejde"`)
	tb.setDate("tilmelding-from", today.AddDays(31))
	tb.do("afmeld", chromedp.Focus(chromedp.CSS("#tilmelding-dereg-submit")), chromedp.KeyEvent(kb.Enter))
	tb.waitText("#tilmelding-from-error", shared.MsgDeregisterFromRange)
	tb.waitUntil("the reason kept", `document.getElementById("tilmelding-reason").value === "arbejde"`)
	tb.checkA11y(shared.PageEnrolment + " (afmelding error)")
	tb.setDate("tilmelding-from", today.AddDays(10))
	tb.do("afmeld", chromedp.Focus(chromedp.CSS("#tilmelding-dereg-submit")), chromedp.KeyEvent(kb.Enter))
	tb.waitText("#tilmelding-status", "Afmeldt fra:")
	tb.waitText("#tilmelding-status", today.AddDays(10).Danish())
	tb.waitText("#tilmelding-withdraw", "Indtil da kan du fortryde den.")
	tb.checkA11y(shared.PageEnrolment + " (afmelding waiting)")
	tb.screenshot("tilmelding-afmeldt")
	tb.do("fortryd", chromedp.Focus(chromedp.CSS("#tilmelding-withdraw-submit")), chromedp.KeyEvent(kb.Enter))
	tb.waitText(".jobnet-form-success", "Din afmelding er fortrudt")
	tb.waitGone("#tilmelding-withdraw")
	tb.waitText("#tilmelding-dereg", "Afmeld dig som ledig")

	// Berit, Mads' a-kasse: the page, and the refusal at the button.
	tb.clickButton("Log ud")
	tb.waitPath("/log-ind")
	tb.loginCaseworker("berit")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.open(shared.PageEnrolment)
	tb.waitText("#tilmelding-status", "Tilmeldt som ledig")
	tb.waitText("#tilmelding-status", "Dagpenge")
	tb.do("the reason", chromedp.Focus(chromedp.CSS("#tilmelding-reason")), chromedp.KeyEvent(kb.ArrowDown))
	tb.setDate("tilmelding-from", today.AddDays(3))
	tb.do("afmeld", chromedp.Focus(chromedp.CSS("#tilmelding-dereg-submit")), chromedp.KeyEvent(kb.Enter))
	tb.waitText("#tilmelding-dereg .jobnet-form-summary", shared.MsgAKasseCannotRegister)
	tb.checkA11y(shared.PageEnrolment + " (a-kasse)")
}
