package browsertest

import "testing"

// The accessibility scenarios visit every page in the states a person
// meets it in and run axe-core on each (see checkA11y); the countdown is
// checked in testSessionCountdown.

func testAccessibilityAnonymous(t *testing.T, tb *tab) {
	tb.open("/log-ind")
	tb.checkA11y("/log-ind")
	tb.clickButton("Log ind")
	tb.waitText("#username-error", "Feltet skal udfyldes.")
	tb.checkA11y("/log-ind with field errors")

	// On through the links, inside the app: a page load costs seconds.
	tb.click(`#main-content a[href="/sagsbehandleradgang"]`)
	tb.waitPath("/sagsbehandleradgang")
	tb.waitText("h1", "Sagsbehandleradgang til Jobnet")
	tb.checkA11y("/sagsbehandleradgang (login)")

	// The logo leads to the Forside, which sends a visitor to /log-ind.
	tb.click("a.jobnet-logo")
	tb.waitPath("/log-ind")
	tb.click(`#main-content a[href="/opret-bruger"]`)
	tb.waitPath("/opret-bruger")
	tb.waitText("h1", "Opret bruger på Jobnet")
	tb.checkA11y("/opret-bruger")
	tb.clickButton("Opret bruger")
	tb.waitText("#name-error", "Feltet skal udfyldes.")
	tb.waitText("#accept_privacy-error", "")
	tb.checkA11y("/opret-bruger with field errors")
}

func testAccessibilityCitizen(t *testing.T, tb *tab) {
	tb.loginCitizen("louise", "Louise Holm")
	tb.checkA11y("/ (citizen)")

	tb.openCard(1, "Historik", "/historik")
	tb.waitText("table.jobnet-login-history", "Louise Holm")
	tb.checkA11y("/historik")

	tb.click("nav a.breadcrumbs__link")
	tb.waitPath("/")
	tb.waitText("h1.jobnet-welcome", "Velkommen Louise Holm")
	tb.openCard(0, "Job i Europa", "/job-i-europa")
	tb.waitText("#eures-form", "Gem")
	tb.checkA11y("/job-i-europa")
	tb.click("#eures-visible")
	tb.click("#eures-save")
	tb.waitText("div.alert-success", "Dit valg er gemt.")
	tb.checkA11y("/job-i-europa (saved)")
}

func testAccessibilityCaseworker(t *testing.T, tb *tab) {
	tb.loginCaseworker("nina")
	tb.checkA11y("/sagsbehandleradgang (CPR)")
	tb.mirror(cprLouise)
	tb.waitRefusal("Borgeren er ikke tilknyttet dit jobcenter.")
	tb.checkA11y("/sagsbehandleradgang (CPR refused)")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.checkA11y("/ (mirror)")

	// The a-kasse's Historik: refused.
	tb.clickButton("Log ud")
	tb.waitPath("/sagsbehandleradgang")
	tb.waitText("h1", "Sagsbehandleradgang til Jobnet")
	tb.login("#caseworker-login-form", "berit")
	tb.waitText("h1", "Se Jobnet som borgeren ser det")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.openCard(1, "Historik", "/historik")
	tb.waitText("div.alert-error", "Du har ikke adgang til siden")
	tb.checkA11y("/historik (a-kasse, no access)")
}
