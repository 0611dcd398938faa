package browsertest

import (
	"regexp"
	"testing"

	"github.com/chromedp/chromedp"
)

// testSessionCountdown runs on a portal whose idle timeout is 16 s: the
// countdown shows after 8 s without a request, "Forbliv logget ind" puts it
// away, and at 0 the app signs off. A new login returns to the page the
// citizen was on; after an explicit "Log ud" it lands on the Forside.
func testSessionCountdown(t *testing.T, tb *tab) {
	// A citizen per width: the return after a sign-off follows the
	// account's last session, and the widths run at the same time.
	user, name := "mads", "Mads Kristensen"
	if tb.w.mobile {
		user, name = "sofie", "Sofie Lund Nielsen"
	}
	tb.loginCitizen(user, name)
	tb.openCard(1, "Historik", "/historik")
	tb.waitText("table.jobnet-login-history", name)

	// A keyboard user's focus stays where it was when the countdown comes.
	tb.do("focus the Login accordion", chromedp.Focus(chromedp.CSS("#login-button")))
	tb.waitCountdown()
	if got := eval[string](tb, "read the focus", `document.activeElement ? document.activeElement.id : ""`); got != "login-button" {
		t.Errorf("the countdown took the focus from the Login accordion to %q", got)
	}
	tb.checkA11y("the session countdown on /historik")
	tb.clickButton("Forbliv logget ind")
	tb.waitGone("div.jobnet-countdown")
	if tb.text("#main-content h1") != "Historik" {
		t.Errorf("after Forbliv logget ind the page is no longer Historik")
	}

	tb.waitCountdown()
	tb.waitPath("/log-ind")
	tb.waitText("div.alert-info", "Du er blevet logget automatisk ud")
	if q := eval[string](tb, "read the query", `location.search`); q != "?udlobet=1" {
		t.Errorf("the automatic sign-off went to /log-ind%s, want ?udlobet=1", q)
	}

	tb.login("#login-form", user)
	tb.waitPath("/historik")
	tb.waitText("table.jobnet-login-history", name)

	tb.clickButton("Log ud")
	tb.waitPath("/log-ind")
	tb.login("#login-form", user)
	tb.waitPath("/")
	tb.waitText("h1.jobnet-welcome", "Velkommen "+name)
}

var countdownTime = regexp.MustCompile(`^0:0[0-8]$`)

// waitCountdown waits for the countdown dialog and checks what it says.
func (tb *tab) waitCountdown() {
	tb.t.Helper()
	tb.waitText("div.jobnet-countdown", "Du bliver snart logget ud")
	if role := eval[string](tb, "read the role", `document.querySelector("div.jobnet-countdown").getAttribute("role")`); role != "alertdialog" {
		tb.t.Errorf("the countdown has role %q, want alertdialog", role)
	}
	if left := tb.text("span.jobnet-countdown-time"); !countdownTime.MatchString(left) {
		tb.t.Errorf("the countdown shows %q, want at most 0:08 left", left)
	}
	if why := tb.inView("div.jobnet-countdown button"); why != "" {
		tb.t.Errorf("Forbliv logget ind is not visible at once: %s", why)
	}
}
