package browsertest

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/input"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// testCountersCitizen: Mads opens Dagpengetællere from the front page, moves
// through the carousel by mouse and keyboard, tries 51 more hours and reads
// the updated texts, meets the message for bad input with the last valid
// state kept, and resets (SPEC D9, the source's 765 h and 76 of 148 h).
func testCountersCitizen(t *testing.T, tb *tab) {
	tb.loginCitizen("mads", "Mads Kristensen")
	tb.openCard(1, "Dagpengetællere", "/dagpengetaellere")
	tb.waitText("#slide-text", "Du har arbejdet 765 timer. Det giver 1.530 timers forlængelse.")
	tb.waitText("#slide-title", "1 års forlængelse")
	tb.waitText("#hourglass-text", "Du har brugt 1.409 af 5.378 timer med dagpenge.")

	tb.click(".jobnet-carousel-next")
	tb.waitText("#slide-title", "Karens")
	tb.waitText("#slide-text", "Der mangler 72 timer.")
	tb.do("focus the carousel", chromedp.Focus(chromedp.CSS(".jobnet-carousel")), chromedp.KeyEvent(kb.ArrowRight))
	tb.waitText("#slide-title", "2-årig genoptjening")
	tb.do("arrow left", chromedp.KeyEvent(kb.ArrowLeft), chromedp.KeyEvent(kb.ArrowLeft))
	tb.waitText("#slide-title", "1 års forlængelse")
	tb.click(".jobnet-carousel-prev")
	tb.waitText("#slide-title", "2-årig genoptjening")
	tb.click(".jobnet-dot[aria-label='1 års forlængelse']")
	tb.waitText("#slide-title", "1 års forlængelse")
	if tb.w.mobile {
		tb.swipe(".jobnet-slide", -150)
		tb.waitText("#slide-title", "Karens")
		tb.swipe(".jobnet-slide", 150)
		tb.waitText("#slide-title", "1 års forlængelse")
	}

	tb.click("#sim-toggle")
	tb.typeInto("#sim-hours", "51")
	tb.waitText("#slide-text", "Det giver 1.632 timers forlængelse.")
	tb.waitText("#slide-text", "Før: 1.530 timers forlængelse")
	tb.waitText("#hourglass-text", "af 5.480 timer")
	tb.click(".jobnet-carousel-next")
	tb.waitText("#slide-text", "Der mangler 21 timer.")
	// Its first use is reported once as behaviour data (SPEC E1).
	tb.waitUntil("the simulation is reported", behaviourReports+` === 1`)
	tb.checkA11y("/dagpengetaellere with the simulator open")
	tb.screenshot("dagpengetaellere-simulation")

	// Bad input: the message at the field, and the last valid state stays.
	tb.clearInput("#sim-hours")
	tb.typeInto("#sim-hours", "-5")
	tb.waitText("#sim-hours-error", "Antal timer kan ikke være negativt.")
	tb.waitText("#slide-text", "Der mangler 72 timer.") // "" parsed as 0 on the way
	tb.clearInput("#sim-hours")
	tb.typeInto("#sim-hours", "51")
	tb.waitText("#slide-text", "Der mangler 21 timer.")
	tb.typeInto("#sim-hours", "x")
	tb.waitText("#sim-hours-error", "Skriv antal timer som et tal")
	tb.waitText("#slide-text", "Der mangler 21 timer.")
	if v := tb.value("#sim-hours"); v != "51x" {
		t.Errorf("the field holds %q, want what was typed", v)
	}

	tb.click("#sim-reset")
	tb.waitText("#slide-text", "Der mangler 72 timer.")
	tb.waitGone("#sim-hours-error")

	// How long one keystroke takes to reach the text: the app recomputes
	// every gauge and go-app updates the page.
	ms := eval[float64](tb, "time one keystroke", `new Promise(done => {
		const el = document.getElementById("sim-hours");
		const t0 = performance.now();
		el.value = "100";
		el.dispatchEvent(new Event("input", {bubbles: true}));
		const check = () => document.getElementById("slide-text").innerText.includes("Der mangler 0 timer") ||
			document.getElementById("slide-text").innerText.includes("undgår karens")
			? done(performance.now() - t0) : requestAnimationFrame(check);
		check();
	})`)
	t.Logf("one keystroke to updated gauges: %.1f ms (%s)", ms, tb.w.name)
}

// testCountersProjection: "Hvornår slutter min dagpengeperiode?" for Mads
// (issue 16). His statement of Friday 11 December 2026: 1,409 hours used,
// 765 hours of work (1,530 hours of forlængelse), indplaceret 25 February
// 2026, karens period to 9 February 2027 with 76 hours.
//   - Full dagpenge: 3,848 + 1,530 − 1,409 = 3,969 hours / 7.4 = 536.4, so
//     537 weekdays from Monday 14 December = 107 weeks (to Monday 1
//     January 2029) and 2 days: Tuesday 2 January 2029.
//   - 15 hours a week (3 a weekday): the forlængelse fills after
//     (1,924 − 1,530) / 6 = 65.7, so 66 weekdays: Monday 15 March 2027;
//     genoptjening after (1,924 − 765) / 3 = 386.3, so 387 weekdays:
//     Tuesday 6 June 2028; the hours would outlast the reference period
//     (24 February 2029 moved by 1,924 / 7.4 = 260 weekdays): Friday
//     22 February 2030. Karens: 76 + 42 weekdays × 3 = 202 by 9 February.
func testCountersProjection(t *testing.T, tb *tab) {
	tb.loginCitizen("mads", "Mads Kristensen")
	tb.openCard(1, "Dagpengetællere", "/dagpengetaellere")
	tb.waitText("#projection-full", "Får du fulde dagpenge fra 12.12.2026, er din sidste dag med dagpenge tirsdag den 02.01.2029.")
	tb.waitText("#projection-text", "Sidste dag med dagpenge: tirsdag den 02.01.2029.")
	tb.waitText("#projection-text", "Perioden, der slutter 09.02.2027: 76 timer – du får karens")

	tb.typeInto("#projection-hours", "15")
	tb.waitText("#projection-text", "Sidste dag med dagpenge: fredag den 22.02.2030 i stedet for tirsdag den 02.01.2029.")
	tb.waitText("#projection-text", "Du når den 15.03.2027.")
	tb.waitText("#projection-text", "den 06.06.2028.")
	tb.waitText("#projection-text", "Perioden, der slutter 09.02.2027: 202 timer – du undgår karens.")
	if n := eval[int](tb, "count the timeline's marks", `document.querySelectorAll(".jobnet-projection-timeline circle, .jobnet-projection-timeline rect, .jobnet-projection-timeline path").length`); n < 3 {
		t.Errorf("the timeline has %d marks", n)
	}
	tb.waitUntil("the projection is reported as a simulation", behaviourReports+` === 1`)
	tb.checkA11y("/dagpengetaellere with a projection")
	tb.screenshot("dagpengetaellere-projection")

	// Bad input: the message at the field, the last valid projection and
	// what was typed kept.
	tb.typeInto("#projection-hours", "0")
	tb.waitText("#projection-hours-error", "Skriv højst 80 timer om ugen.")
	tb.waitText("#projection-text", "fredag den 22.02.2030")
	if v := tb.value("#projection-hours"); v != "150" {
		t.Errorf("the field holds %q, want what was typed", v)
	}
	tb.checkA11y("/dagpengetaellere with a message at the projection's field")
	tb.typeInto("#projection-hours", "x")
	tb.waitText("#projection-hours-error", "Skriv antal timer som et tal")
	tb.clearInput("#projection-hours")
	tb.waitGone("#projection-hours-error")
	tb.waitText("#projection-text", "Sidste dag med dagpenge: tirsdag den 02.01.2029.")

	// One keystroke to the new text: the projection and go-app's update.
	ms := eval[float64](tb, "time one keystroke", `new Promise(done => {
		const el = document.getElementById("projection-hours");
		const t0 = performance.now();
		el.value = "20";
		el.dispatchEvent(new Event("input", {bubbles: true}));
		const check = () => document.getElementById("projection-text").innerText.includes("i stedet for")
			? done(performance.now() - t0) : requestAnimationFrame(check);
		check();
	})`)
	t.Logf("one keystroke to an updated projection: %.1f ms (%s)", ms, tb.w.name)
}

// testCountersSupplerende: Jonas' forbrugslineal moves in time and old weeks
// fall out (SPEC D10).
func testCountersSupplerende(t *testing.T, tb *tab) {
	tb.loginCitizen("jonas", "Jonas Madsen")
	tb.openCard(1, "Tællere for supplerende dagpenge", "/supplerende-dagpenge")
	tb.waitText("#supplerende-text", "Du har brugt 28 af 30 uger med supplerende dagpenge")
	tb.waitText("#supplerende-text", "Dine arbejdstimer de seneste 12 måneder giver 4 ugers forlængelse")
	tb.click("#ruler-toggle")
	tb.waitText(".jobnet-ruler-summary", "I dag: 28 af 30 uger brugt, 2 uger tilbage.")
	tb.click("#ruler-forward")
	tb.waitText(".jobnet-ruler-summary", "Om 4 uger")
	tb.screenshot("supplerende-4-weeks")
	tb.do("move the slider to 104 weeks", chromedp.Evaluate[chromedp.Void](`(el => {
		el.value = "104"; el.dispatchEvent(new Event("input", {bubbles: true}));
	})(document.getElementById("ruler-weeks"))`))
	tb.waitText(".jobnet-ruler-summary", "0 af 30 uger brugt, 30 uger tilbage.")
	tb.screenshot("supplerende-104-weeks")
	tb.checkA11y("/supplerende-dagpenge with forbrugslinealen")
	tb.click("#ruler-today")
	tb.waitText(".jobnet-ruler-summary", "I dag: 28 af 30 uger brugt")
}

// testCountersCaseworker: a caseworker beside the member can simulate; it
// writes nothing, so nothing is refused (SPEC K2 does not apply).
func testCountersCaseworker(t *testing.T, tb *tab) {
	tb.loginCaseworker("berit")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.openCard(1, "Dagpengetællere", "/dagpengetaellere")
	tb.waitText("#slide-text", "Det giver 1.530 timers forlængelse.")
	tb.click("#sim-toggle")
	tb.typeInto("#sim-hours", "51")
	tb.waitText("#slide-text", "Det giver 1.632 timers forlængelse.")
	tb.typeInto("#projection-hours", "15")
	tb.waitText("#projection-text", "fredag den 22.02.2030 i stedet for tirsdag den 02.01.2029")
	if n := eval[int](tb, "look for errors", `document.querySelectorAll(".alert-error").length`); n != 0 {
		t.Errorf("the simulation showed %d error(s)", n)
	}
	tb.typeInto("#sim-hours", "0")
	if n := eval[int](tb, "count the behaviour reports", behaviourReports); n != 0 {
		t.Errorf("a caseworker's simulation was reported %d time(s) as behaviour data (SPEC K5)", n)
	}
}

// behaviourReports counts the page's calls of POST /api/behaviour.
const behaviourReports = `performance.getEntriesByType("resource").filter(e => e.name.endsWith("/api/behaviour")).length`

// testCountersDemoOffline: the public demo works without login, and after
// the first visit without network too (SPEC: PWA, D9).
func testCountersDemoOffline(t *testing.T, tb *tab) {
	tb.open("/demo/dagpengetaellere")
	tb.waitText("#slide-text", "Det giver 1.530 timers forlængelse.")
	tb.do("choose another example", chromedp.Evaluate[chromedp.Void](`(el => {
		el.value = "Tæt på maksimal forlængelse"; el.dispatchEvent(new Event("change", {bubbles: true}));
	})(document.getElementById("demo-member"))`))
	tb.waitText("#slide-text", "Arbejder du 12 timer mere")
	tb.checkA11y("/demo/dagpengetaellere")

	tb.waitUntil("wait for the service worker to keep the page",
		`navigator.serviceWorker.ready.then(r => !!r.active).then(ok => ok && caches.match("/demo/dagpengetaellere")).then(r => !!r)`)
	tb.portal.close()
	tb.do("reload offline", chromedp.Reload())
	tb.waitApp()
	if !eval[bool](tb, "check that the network is gone", `fetch("/healthz", {cache: "no-store"}).then(() => false, () => true)`) {
		t.Fatal("the server still answers: the page was not reloaded offline")
	}
	tb.waitText("#slide-text", "Det giver 1.530 timers forlængelse.")
	tb.click("#sim-toggle")
	tb.typeInto("#sim-hours", "51")
	tb.waitText("#slide-text", "Det giver 1.632 timers forlængelse.")
	tb.typeInto("#projection-hours", "15")
	tb.waitText("#projection-text", "i stedet for")
	tb.waitText("#projection-text", "du undgår karens")
}

// testCounters225: Louise (kontanthjælp, høj ydelse) sees the 225-hour rule
// (SPEC D11).
func testCounters225(t *testing.T, tb *tab) {
	tb.loginCitizen("louise", "Louise Holm")
	tb.openCard(1, "225 timers reglen", "/225-timers-reglen")
	tb.waitText("#timer225-text", "Du har arbejdet 150 af 225 timer inden for de seneste 12 kalendermåneder.")
	tb.waitText("#timer225-text", "Du skal arbejde 75 timer mere inden for 12 måneder for at beholde din nuværende ydelse.")
	tb.checkA11y("/225-timers-reglen")
}

// swipe drags a finger horizontally by dx pixels across the element's middle.
func (tb *tab) swipe(sel string, dx float64) {
	tb.t.Helper()
	r := eval[struct{ X, Y float64 }](tb, "find "+sel, `(r => ({X: r.left + r.width / 2, Y: r.top + r.height / 2}))(document.querySelector(`+js(sel)+`).getBoundingClientRect())`)
	touch := func(typ input.DispatchTouchEventType, points ...*input.TouchPoint) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			if points == nil {
				points = []*input.TouchPoint{}
			}
			_, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: points})
			return err
		})
	}
	tb.do("swipe "+sel,
		touch(input.DispatchTouchEventTypeTouchStart, &input.TouchPoint{X: r.X - dx/2, Y: r.Y}),
		touch(input.DispatchTouchEventTypeTouchMove, &input.TouchPoint{X: r.X, Y: r.Y}),
		touch(input.DispatchTouchEventTypeTouchMove, &input.TouchPoint{X: r.X + dx/2, Y: r.Y}),
		touch(input.DispatchTouchEventTypeTouchEnd))
}
