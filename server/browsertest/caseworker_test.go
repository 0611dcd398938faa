package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"jobnet/shared"
)

// CPR numbers of the demo citizens.
const (
	cprMads   = "120385-1231" // dagpenge; Jobcenter København, Det Faglige Hus A-kasse
	cprJonas  = "250899-1357" // dagpenge with uddannelsespålæg at step 2; Jobcenter København
	cprLouise = "030792-2468" // Jobcenter Rudersdal, no a-kasse
	cprPete   = "090688-1122" // now sygedagpenge; member of the a-kasse
)

// testMirrorJobcenter: Nina from Jobcenter København sees Mads's Jobnet
// read-only, is refused when she tries to save, switches citizen and is
// told why she may not see Louise.
func testMirrorJobcenter(t *testing.T, tb *tab) {
	tb.loginCaseworker("nina")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.waitText("span.jobnet-user-name", "Nina Pettersen")
	tb.waitText("#mirror-withheld", "Du ser borgerens Jobnet, som borgeren selv ser det.")
	if n := eval[int](tb, "look for the fold", `document.querySelectorAll("#mirror-withheld-toggle").length`); n != 0 {
		t.Errorf("the jobcenter's banner has a fold of withheld data")
	}
	// The projection of the dagpengeperiode writes nothing: the jobcenter
	// uses it as the citizen does (issue 16).
	tb.openCard(1, "Dagpengetællere", "/dagpengetaellere")
	tb.typeInto("#projection-hours", "15")
	tb.waitText("#projection-text", "fredag den 22.02.2030 i stedet for tirsdag den 02.01.2029")
	tb.do("go back", chromedp.NavigateBack())
	tb.waitPath("/")

	tb.openCard(0, "Job i Europa", "/job-i-europa")
	tb.click("#eures-visible")
	tb.click("#eures-save")
	tb.waitText("div.alert-error", "Du har ikke rettigheder til at foretage denne handling")
	tb.screenshot("mirror-refused")
	if n := eval[int](tb, "look for a success message", `document.querySelectorAll(".alert-success").length`); n != 0 {
		t.Errorf("the refused save also shows %d success message(s)", n)
	}

	tb.clickButton("Skift til anden borger")
	tb.waitPath("/sagsbehandleradgang")
	tb.waitText("h1", "Se Jobnet som borgeren ser det")
	tb.waitGone("div.jobnet-mirror-banner")

	const reason = "Borgeren er ikke tilknyttet dit jobcenter."
	tb.mirror(cprLouise)
	tb.waitRefusal(reason)
}

// testMirrorAkasse: Berit from the a-kasse may see Mads, but not his
// Historik; Pete (now on sygedagpenge) and Louise (not a member) are
// refused with the reason.
func testMirrorAkasse(t *testing.T, tb *tab) {
	tb.loginCaseworker("berit")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.readWithheld()

	tb.openCard(1, "Historik", "/historik")
	tb.waitText("div.alert-error", "Du har ikke adgang til siden: /CV/Citizen/History")
	if n := eval[int](tb, "look for the login table", `document.querySelectorAll("table.jobnet-login-history").length`); n != 0 {
		t.Errorf("the a-kasse caseworker sees the login history")
	}

	tb.clickButton("Skift til anden borger")
	tb.waitPath("/sagsbehandleradgang")
	tb.mirror(cprPete)
	tb.waitRefusal("Borgeren har ikke et forløb som dagpengemodtager eller dimittend.")
	tb.mirror(cprLouise)
	tb.waitRefusal("Borgeren er ikke medlem af din a-kasse.")
}

// readWithheld opens the banner's fold by keyboard and reads what the
// a-kasse is not shown: every line of the policy the server enforces, in
// its order, with its reason (issue 16).
func (tb *tab) readWithheld() {
	tb.t.Helper()
	if got := tb.attr("#mirror-withheld-toggle", "aria-expanded"); got != "false" {
		tb.t.Errorf("the fold of withheld data is open by default (aria-expanded %q)", got)
	}
	if eval[bool](tb, "is the list shown", `document.getElementById("mirror-withheld").checkVisibility()`) {
		tb.t.Errorf("the list of withheld data is visible while folded")
	}
	tb.do("open the fold by keyboard", chromedp.Focus(chromedp.CSS("#mirror-withheld-toggle")), chromedp.KeyEvent(kb.Enter))
	tb.waitUntil("the fold opens", `document.getElementById("mirror-withheld-toggle").getAttribute("aria-expanded") === "true" && document.getElementById("mirror-withheld").checkVisibility()`)
	lines := eval[[]string](tb, "read the lines", `[...document.querySelectorAll("#mirror-withheld li")].map(li => li.innerText.trim())`)
	want := shared.WithheldFrom(shared.RoleAKasse)
	if len(lines) != len(want) {
		tb.t.Fatalf("the banner lists %d kinds, the policy %d: %q", len(lines), len(want), lines)
	}
	for i, w := range want {
		if lines[i] != w.What+": "+w.Why {
			tb.t.Errorf("line %d is %q, want %q", i+1, lines[i], w.What+": "+w.Why)
		}
	}
	tb.checkA11y("the a-kasse's mirror banner with the withheld data open")
	tb.screenshot("mirror-withheld")
	tb.click("#mirror-withheld-toggle")
	tb.waitUntil("the fold closes", `!document.getElementById("mirror-withheld").checkVisibility()`)
}

// waitMirrorOf waits for the Forside of a mirror session: the app's
// welcome, the banner naming the citizen and the read-only notice.
func (tb *tab) waitMirrorOf(name string) {
	tb.t.Helper()
	tb.waitPath("/")
	tb.waitText("h1.jobnet-welcome", "Velkommen "+name)
	tb.waitText("div.jobnet-mirror-banner", "På vegne af borger: "+name)
	tb.waitText("p.jobnet-readonly-notice", "Ændringer kan ikke gemmes")
	if why := tb.inView("div.jobnet-mirror-banner strong"); why != "" {
		tb.t.Errorf("the banner's citizen name is not visible at once: %s", why)
	}
}

// waitRefusal waits for a refused CPR number: the reason at the field and
// in the alert, and the caseworker still on the CPR form.
func (tb *tab) waitRefusal(reason string) {
	tb.t.Helper()
	tb.waitText("#cpr-error", reason)
	tb.waitText("div.alert-error", reason)
	if got := eval[string](tb, "read the address", `location.pathname`); got != "/sagsbehandleradgang" {
		tb.t.Errorf("after the refusal the page is %s, want /sagsbehandleradgang", got)
	}
	if n := eval[int](tb, "look for the banner", `document.querySelectorAll("div.jobnet-mirror-banner").length`); n != 0 {
		tb.t.Errorf("a refused citizen shows the mirror banner")
	}
}

// testLoginHistory: Historik → Login as each role (SPEC K3, D12). Nina's
// access to Mads is listed for her while she mirrors him and then for Mads
// himself, with her organisation; the a-kasse's refusal is in
// testMirrorAkasse.
func testLoginHistory(t *testing.T, tb *tab) {
	tb.loginCaseworker("nina")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.openCard(1, "Historik", "/historik")
	tb.waitText("table.jobnet-login-history", "Nina Pettersen")
	tb.waitText("table.jobnet-login-history", "Jobcenter København")
	tb.checkA11y("/historik (jobcenter)")

	tb.clickButton("Log ud")
	tb.waitPath("/sagsbehandleradgang")
	tb.loginCitizen("mads", "Mads Kristensen")
	tb.openCard(1, "Historik", "/historik")
	tb.waitText("table.jobnet-login-history", "Mads Kristensen (dig selv)")
	tb.waitText("table.jobnet-login-history", "Nina Pettersen")
	tb.waitText("table.jobnet-login-history", "Jobcenter København")
}
