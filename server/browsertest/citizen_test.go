package browsertest

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// testCitizenLogin: Mads logs in and gets his Forside from the app; his name
// and "Log ud" are on screen without opening a menu, also on a phone; the
// tabs switch by click and by arrow key; "Log ud" ends the session.
func testCitizenLogin(t *testing.T, tb *tab) {
	tb.loginCitizen("mads", "Mads Kristensen")

	// The header comes with the session, which loads beside the overview.
	tb.waitText("a.jobnet-user-name", "Mads Kristensen") // the way to Brugerprofil (003)
	if got := tb.text("button.jobnet-logout"); got != "Log ud" {
		t.Errorf("the log-out button says %q, want Log ud", got)
	}
	for _, sel := range []string{"a.jobnet-user-name", "button.jobnet-logout"} {
		if why := tb.inView(sel); why != "" {
			t.Errorf("%s is not visible at once on the Forside: %s", sel, why)
		}
	}
	if over := eval[int](tb, "measure the page width", `document.documentElement.scrollWidth - innerWidth`); over > 0 {
		t.Errorf("the Forside is %d px wider than the %d px viewport, so it scrolls sideways", over, tb.w.width)
	}
	tb.waitText("#jobnet-enrolment", "Tilmeldt som ledig")
	tb.waitText("#jobnet-targetgroup", "Dagpengemodtager")
	tb.screenshot("forside")

	// "Vigtig information" starts open and folds.
	// The count is the notifications shown. (Mads' count is 2 or 3: the
	// plan notice goes once another scenario on this portal opens his plan.)
	tb.waitUntil("Vigtig information counts its notifications", `document.getElementById("vigtig-button").innerText.trim() ===
		"Vigtig information (" + document.querySelectorAll("#vigtig-content .jobnet-notification").length + ")"
		&& document.querySelectorAll("#vigtig-content .jobnet-notification").length >= 2`)
	tb.waitUntil("Vigtig information is open", `document.getElementById("vigtig-button").getAttribute("aria-expanded") === "true"
		&& document.getElementById("vigtig-content").offsetHeight > 0`)
	tb.click("#vigtig-button")
	tb.waitUntil("Vigtig information folds", `document.getElementById("vigtig-button").getAttribute("aria-expanded") === "false"
		&& document.getElementById("vigtig-content").offsetHeight === 0`)

	// Tabs by click.
	tb.waitTab(0, "Job i Europa", "/job-i-europa")
	tb.click("#tab-1")
	tb.waitTab(1, "Historik", "/historik")
	tb.click("#tab-0")
	tb.waitTab(0, "Job i Europa", "/job-i-europa")

	// Tabs by keyboard: the arrow keys move the selection and the focus,
	// and wrap around (WAI-ARIA tabs).
	tb.do("focus the first tab", chromedp.Focus(chromedp.CSS("#tab-0")))
	tb.do("press ArrowRight", chromedp.KeyEvent(kb.ArrowRight))
	tb.waitTab(1, "Historik", "/historik")
	tb.waitUntil("the focus follows to the second tab", `document.activeElement.id === "tab-1"`)
	tb.do("press ArrowRight", chromedp.KeyEvent(kb.ArrowRight))
	tb.waitTab(0, "Job i Europa", "/job-i-europa")
	tb.waitUntil("the focus wraps to the first tab", `document.activeElement.id === "tab-0"`)

	tb.clickButton("Log ud")
	tb.waitPath("/log-ind")
	tb.waitText("#login-form", "Log ind")
	// The session is gone on the server too: the Forside sends us back. (The
	// Forside may redirect before a poll sees "/", so watch the history grow.)
	before := eval[int](tb, "read the history's length", `history.length`)
	tb.click("a.jobnet-logo")
	tb.waitUntil("the Forside sends us back to the login", fmt.Sprintf(`history.length >= %d && location.pathname === "/log-ind"`, before+2))
}

// waitTab waits until tab i is the selected one and shows its card, and
// the other tab's panel is hidden.
func (tb *tab) waitTab(i int, card, href string) {
	tb.t.Helper()
	other := 1 - i
	tb.waitUntil(fmt.Sprintf("tab %d is selected and shows %s", i, card), fmt.Sprintf(`(() => {
		const tab = document.getElementById("tab-%[1]d"), other = document.getElementById("tab-%[2]d");
		const panel = document.getElementById("panel-%[1]d"), otherPanel = document.getElementById("panel-%[2]d");
		const link = panel && panel.querySelector(%[3]s);
		return tab.getAttribute("aria-selected") === "true" && other.getAttribute("aria-selected") === "false"
			&& tab.tabIndex === 0 && other.tabIndex === -1
			&& panel.offsetHeight > 0 && otherPanel.offsetHeight === 0
			&& !!link && link.offsetHeight > 0 && link.innerText.includes(%[4]s);
	})()`, i, other, js(`a[href="`+href+`"]`), js(card)))
}

// testLoginValidation: the app judges the form before sending it and shows
// the message at each field; what was typed stays. A wrong password gets the
// server's answer in an alert.
func testLoginValidation(t *testing.T, tb *tab) {
	tb.open("/log-ind")
	tb.clickButton("Log ind")
	tb.waitText("#username-error", "Feltet skal udfyldes.")
	tb.waitText("#password-error", "Feltet skal udfyldes.")
	for _, id := range []string{"username", "password"} {
		got := eval[string](tb, "read aria-describedby", `document.getElementById(`+js(id)+`).getAttribute("aria-describedby") || ""`)
		if got != id+"-error" {
			t.Errorf("#%s has aria-describedby %q, want %q", id, got, id+"-error")
		}
	}
	if path := eval[string](tb, "read the address", `location.pathname + location.search`); path != "/log-ind" {
		t.Errorf("an empty submit went to %s; the app should have stopped it", path)
	}

	tb.typeInto("#username", "mads")
	tb.clickButton("Log ind")
	tb.waitGone("#username-error")
	tb.waitText("#password-error", "Feltet skal udfyldes.")
	if got := tb.value("#username"); got != "mads" {
		t.Errorf("after the field messages the username field holds %q, want mads", got)
	}

	tb.typeInto("#password", "forkert-adgangskode")
	tb.clickButton("Log ind")
	tb.waitText("div.alert.alert-error", "Brugernavn eller adgangskode er forkert.")
	tb.waitGone("#password-error")
	if got := tb.value("#username"); got != "mads" {
		t.Errorf("after the refusal the username field holds %q, want mads", got)
	}
	if path := eval[string](tb, "read the address", `location.pathname`); path != "/log-ind" {
		t.Errorf("a wrong password went to %s", path)
	}
}
