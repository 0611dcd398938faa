package browsertest

import (
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// heldRequest is a request the browser has sent and the test holds back,
// through the DevTools protocol's Fetch domain, until it lets it go.
type heldRequest struct {
	tb     *tab
	paused chan fetch.RequestID
	stop   context.CancelFunc
	id     fetch.RequestID
}

// holdRequests makes the tab hold every request whose URL matches the
// pattern (Fetch.enable's wildcards).
func (tb *tab) holdRequests(pattern string) *heldRequest {
	tb.t.Helper()
	ctx, stop := context.WithCancel(tb.ctx)
	h := &heldRequest{tb: tb, paused: make(chan fetch.RequestID, 4), stop: stop}
	// Subscribe before enabling, so that no pause is missed.
	events := chromedp.Events(ctx, fetch.RequestPaused)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			h.paused <- ev.RequestID
		}
	}()
	tb.do("hold "+pattern, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{
			{URLPattern: pattern, RequestStage: fetch.RequestStageRequest},
		}})
		return err
	}))
	tb.t.Cleanup(stop)
	return h
}

// wait waits until the page has sent the request, which is now held.
func (h *heldRequest) wait(what string) {
	h.tb.t.Helper()
	select {
	case h.id = <-h.paused:
	case <-time.After(stepTimeout):
		h.tb.t.Fatalf("the page did not ask for %s\n%s", what, h.tb.where())
	}
}

// release lets the held request through and holds nothing more.
func (h *heldRequest) release() {
	h.tb.t.Helper()
	h.tb.do("let the request through", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		if _, err := chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: h.id}); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, fetch.Disable, cdp.Empty{})
		return err
	}))
	h.stop()
}

// rect is where an element is on the page, in CSS pixels from the top of
// the document.
type rect struct{ X, Y, Width, Height float64 }

// rects measures the elements matching the selectors.
func (tb *tab) rects(sels ...string) map[string]rect {
	tb.t.Helper()
	return eval[map[string]rect](tb, "measure the page", `(sels => Object.fromEntries(sels.map(s => {
		const el = document.querySelector(s);
		if (!el) return [s, {X: -1, Y: -1, Width: 0, Height: 0}];
		const r = el.getBoundingClientRect();
		return [s, {X: r.x + scrollX, Y: r.y + scrollY, Width: r.width, Height: r.height}];
	})))(`+js(sels)+`)`)
}

// sameRects fails the test for every element that moved or changed size.
func sameRects(t *testing.T, before, after map[string]rect) {
	t.Helper()
	for sel, b := range before {
		a := after[sel]
		if math.Abs(a.X-b.X) > 0.5 || math.Abs(a.Y-b.Y) > 0.5 || math.Abs(a.Width-b.Width) > 0.5 || math.Abs(a.Height-b.Height) > 0.5 {
			t.Errorf("%s moved when the app took over: %+v, before %+v", sel, a, b)
		}
	}
}

// busyControls lists the page's forms that are not aria-busy and controls
// that are not disabled and aria-busy; live lists those that still are.
const (
	notBusy = `[...document.querySelectorAll("form, button, input, select, textarea")].filter(el =>
		el.getAttribute("aria-busy") !== "true" || (el.tagName !== "FORM" && !el.disabled)).map(el => el.outerHTML.slice(0, 120))`
	stillBusy = `[...document.querySelectorAll("[aria-busy], :disabled")].filter(el =>
		el.getAttribute("aria-busy") === "true" || el.matches("input, button, select, textarea")).map(el => el.outerHTML.slice(0, 120))`
)

// testBootBeforeWasm: while app.wasm loads (here: held back by the test),
// the prerendered page is on screen and readable, under a slim progress
// bar that covers nothing, with its form and controls marked busy and
// disabled, so nothing typed is lost and no password goes into the
// address; axe-core finds nothing in that state. When the app runs, the
// controls are live and nothing on the page has moved. The fonts are
// woff2.
func testBootBeforeWasm(t *testing.T, tb *tab) {
	wasm := tb.holdRequests("*/app.wasm")
	tb.do("open /log-ind", chromedp.Navigate(tb.base+"/log-ind"))
	wasm.wait("app.wasm")
	// The app starts once the page is drawn (server/site's app.js).
	if !eval[bool](tb, "look for the first paint", `performance.getEntriesByName("first-contentful-paint").length === 1`) {
		t.Error("app.wasm was asked for before the page was drawn")
	}
	tb.waitUntil("wait for the fonts", `document.fonts.ready.then(() => true)`)

	if n := eval[int](tb, "look for the loader", `document.querySelectorAll("#app-wasm-loader").length`); n != 1 {
		t.Fatalf("want go-app's loader while app.wasm loads, found %d", n)
	}
	loader := eval[rect](tb, "measure the loader", `(r => ({X: r.x, Y: r.y, Width: r.width, Height: r.height}))(document.getElementById("app-wasm-loader").getBoundingClientRect())`)
	if loader.Height > 8 || loader.Y != 0 {
		t.Errorf("the loader is not a slim bar at the top: %+v", loader)
	}
	if pos := eval[string](tb, "read the loader's position", `getComputedStyle(document.getElementById("app-wasm-loader")).position`); pos != "fixed" {
		t.Errorf("the loader's position is %s: it would take space in the page", pos)
	}
	if got := tb.text("h1"); got != "Log ind på Jobnet" {
		t.Errorf("the heading says %q before the app runs", got)
	}
	for _, sel := range []string{"a.jobnet-logo", "h1", "#username", "#password", `#login-form button[type="submit"]`} {
		if why := tb.inView(sel); why != "" {
			t.Errorf("%s is not readable before the app runs: %s", sel, why)
		}
	}
	if bad := eval[[]string](tb, "find controls not marked busy", notBusy); len(bad) > 0 {
		t.Errorf("controls not disabled and aria-busy before the app runs: %q", bad)
	}
	tb.checkA11y("/log-ind before app.wasm has loaded")
	if n := eval[int](tb, "count the controls", `document.querySelectorAll("#login-form input, #login-form button").length`); n < 3 {
		t.Fatalf("the prerendered login form has %d controls", n)
	}
	before := tb.rects("a.jobnet-logo", "h1", "#username", "#password", `#login-form button[type="submit"]`, `#main-content a[href="/opret-bruger"]`)
	tb.screenshot("boot-log-ind")

	wasm.release()
	tb.waitApp()
	if busy := eval[[]string](tb, "find controls still busy", stillBusy); len(busy) > 0 {
		t.Errorf("controls still disabled or aria-busy after the app runs: %q", busy)
	}
	sameRects(t, before, tb.rects("a.jobnet-logo", "h1", "#username", "#password", `#login-form button[type="submit"]`, `#main-content a[href="/opret-bruger"]`))
	// Live: the app judges the empty form.
	tb.clickButton("Log ind")
	tb.waitText("#username-error", "Feltet skal udfyldes.")

	var fonts []string
	raw := eval[string](tb, "list the fonts loaded", `JSON.stringify(performance.getEntriesByType("resource").map(e => new URL(e.name).pathname).filter(p => /\.(woff2?|ttf|eot)$/.test(p)))`)
	if err := json.Unmarshal([]byte(raw), &fonts); err != nil {
		t.Fatal(err)
	}
	if len(fonts) == 0 {
		t.Error("the page loaded no fonts")
	}
	for _, f := range fonts {
		if !strings.HasSuffix(f, ".woff2") {
			t.Errorf("the page loaded %s, not a woff2", f)
		}
	}
}

// testBootDemo: the public counters demo is readable before app.wasm has
// loaded, and the app's render puts everything where the prerendered page
// had it.
func testBootDemo(t *testing.T, tb *tab) {
	wasm := tb.holdRequests("*/app.wasm")
	tb.do("open the demo", chromedp.Navigate(tb.base+"/demo/dagpengetaellere"))
	wasm.wait("app.wasm")
	tb.waitUntil("wait for the fonts", `document.fonts.ready.then(() => true)`)
	for _, sel := range []string{"h1", "#main-content p", "#demo-member"} {
		if why := tb.inView(sel); why != "" {
			t.Errorf("%s is not readable before the app runs: %s", sel, why)
		}
	}
	if bad := eval[[]string](tb, "find controls not marked busy", notBusy); len(bad) > 0 {
		t.Errorf("controls not disabled and aria-busy before the app runs: %q", bad)
	}
	tb.checkA11y("/demo/dagpengetaellere before app.wasm has loaded")
	sels := []string{"h1", "#main-content p", "#demo-member", ".jobnet-carousel", "footer"}
	before := tb.rects(sels...)
	example := tb.value("#demo-member")
	tb.screenshot("boot-demo")

	wasm.release()
	tb.waitApp()
	tb.waitText("#slide-text", "Det giver 1.530 timers forlængelse.")
	sameRects(t, before, tb.rects(sels...))
	if got := tb.value("#demo-member"); got != example {
		t.Errorf("the prerendered page showed the example %q, the app %q", example, got)
	}
	if busy := eval[[]string](tb, "find controls still busy", stillBusy); len(busy) > 0 {
		t.Errorf("controls still disabled or aria-busy after the app runs: %q", busy)
	}
}
