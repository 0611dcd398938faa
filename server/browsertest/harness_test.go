package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/uptrace/bun"

	"jobnet/server"
	"jobnet/server/dbtest"
	"jobnet/server/demo"
	"jobnet/server/jobs"
	"jobnet/server/mail"
	"jobnet/server/servertest"
	"jobnet/server/storage"
)

// webDir holds app.wasm (built by `make build`), the styles and the icons.
const webDir = "../../web"

// stepTimeout bounds every wait: a page that does not show what a step
// expects fails the test with a message instead of hanging it.
const stepTimeout = 20 * time.Second

// started is when this test process began; clock runs from the pinned
// moment servertest.Now as real time passes, so that the countdown's
// seconds are real and the day is always the same. The app follows the
// server's clock (app/api/clock.go), so the browser's day is that day too.
var started = time.Now()

func clock() time.Time { return servertest.Now.Add(time.Since(started)) }

// portal is the Jobnet server with the demo data, on a loopback port.
type portal struct {
	url   string
	close func() // stops the server: the network is gone for the tab
	store *storage.Store
	// post: with startPostPortal, the mail sink /dev/post shows, as in
	// `make run`; the portal's job queue sends its mails there.
	post *mail.Sink
}

func startPortal(t *testing.T, idle time.Duration) *portal {
	return startPortalWith(t, idle, false, nil)
}

// startPostPortal is a portal whose job queue works and sends its mails
// to a sink, which /dev/post shows.
func startPostPortal(t *testing.T, idle time.Duration) *portal {
	return startPortalWith(t, idle, true, nil)
}

// startPortalWith starts a portal; configure, when not nil, changes the
// server's configuration (a journey planner, for one).
func startPortalWith(t *testing.T, idle time.Duration, post bool, configure func(*server.Config)) *portal {
	t.Helper()
	db := dbtest.MustOpenDB(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	log := slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	var queue storage.Enqueuer
	var sink *mail.Sink
	if post {
		sink, queue = startMailQueue(t, db, log)
	}
	store := storage.New(db, queue)
	if err := demo.Seed(ctx, store, clock()); err != nil {
		t.Fatalf("seed demo data: %v", err)
	}
	cfg := server.Config{IdleTimeout: idle, WebDir: webDir, Now: clock, PublicRate: -1, Post: sink}
	if configure != nil {
		configure(&cfg)
	}
	srv, err := server.New(store, log, cfg)
	if err != nil {
		t.Fatalf("start server: %v", err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(func() {
		ts.Close()
		if err := srv.Close(context.Background()); err != nil {
			t.Errorf("close server: %v", err)
		}
	})
	return &portal{url: ts.URL, close: ts.Close, store: store, post: sink}
}

// startMailQueue starts a job queue that works jobs and sends mail to a
// sink of its own.
func startMailQueue(t *testing.T, db *bun.DB, log *slog.Logger) (*mail.Sink, *jobs.Jobs) {
	t.Helper()
	sink, err := mail.StartSink("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sink.Close() })
	sender, err := mail.NewSMTP(sink.URL(), "Jobnet <noreply@jobnet.local>", clock)
	if err != nil {
		t.Fatal(err)
	}
	queue, err := jobs.New(db, log, jobs.Config{Work: true, PollEvery: 100 * time.Millisecond, Now: clock, Mail: sender})
	if err != nil {
		t.Fatal(err)
	}
	if err := queue.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = queue.Stop(ctx)
	})
	return sink, queue
}

// ingest publishes as Jobcenter København's case system would.
func (p *portal) ingest(t *testing.T, path string, body any) {
	t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest("POST", p.url+path, bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer demo-token-jobcenter-koebenhavn")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(resp.Body)
		t.Fatalf("POST %s: %d %s", path, resp.StatusCode, msg)
	}
}

// browser is one headless Chromium for the whole package.
type browser struct {
	ctx context.Context // the browser's own context; tabs are its children
	axe string          // the source of axe-core
}

func startBrowser(t *testing.T) *browser {
	t.Helper()
	if _, err := os.Stat(filepath.Join(webDir, "app.wasm")); err != nil {
		t.Fatalf("the browser tests load the app from %s/app.wasm, which is missing: run make build first (%v)", webDir, err)
	}
	exe, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatalf("the browser tests need Debian's chromium, which is not installed (%v): `make test` installs it", err)
	}
	axe := loadAxe(t)

	// Without UserDataDir, chromedp starts Chromium with a fresh temporary
	// --user-data-dir and removes it when the browser stops.
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox, // Chromium refuses to run as root with its sandbox
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// The first run starts the browser; its context must be the one that
	// lives as long as the browser, so no timeout here.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium %s: %v", exe, err)
	}
	return &browser{ctx: ctx, axe: axe}
}

// loadAxe reads axe.min.js from $JOBNET_AXE (set by make test) or from
// what scripts/axe.sh installs.
func loadAxe(t *testing.T) string {
	t.Helper()
	path := os.Getenv("JOBNET_AXE")
	if path == "" {
		out, err := exec.Command("../../scripts/axe.sh").Output()
		if err != nil {
			var stderr string
			if ee, ok := err.(*exec.ExitError); ok {
				stderr = string(ee.Stderr)
			}
			t.Fatalf("JOBNET_AXE is not set and scripts/axe.sh failed: %v\n%s", err, stderr)
		}
		path = strings.TrimSpace(string(out))
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read axe-core: %v", err)
	}
	return string(src)
}

// tab is one page in its own browser context, at one width, on one portal.
type tab struct {
	t      *testing.T
	ctx    context.Context
	base   string
	portal *portal
	w      width
	axe    string

	mu      sync.Mutex
	console []string // errors the page logged, shown when the test fails
}

func (b *browser) newTab(t *testing.T, p *portal, w width) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	tb := &tab{t: t, ctx: ctx, base: p.url, w: w, axe: b.axe, portal: p}
	var opts []chromedp.EmulateViewportOption
	if w.mobile {
		opts = append(opts, chromedp.EmulateMobile)
	}
	// The first run opens the tab and ties it to ctx.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(w.width, w.height, opts...)); err != nil {
		t.Fatalf("open a tab at %dx%d: %v", w.width, w.height, err)
	}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				tb.mu.Lock()
				tb.console = append(tb.console, m.Text)
				tb.mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		tb.mu.Lock()
		defer tb.mu.Unlock()
		for _, m := range tb.console {
			t.Logf("browser console: %s", m)
		}
	})
	return tb
}

// do runs the steps within stepTimeout and ends the test if one fails,
// saying what the test was doing and where the page was.
func (tb *tab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tb.t.Fatalf("%s: %v\n%s", what, err, tb.where())
	}
}

// eval evaluates a JavaScript expression and decodes its value.
func eval[T any](tb *tab, what, expr string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("%s: %v\n%s", what, err, tb.where())
	}
	return v
}

// where describes the page for a failure message: its address and text.
func (tb *tab) where() string {
	ctx, cancel := context.WithTimeout(tb.ctx, 3*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`location.pathname + location.search + "\n--- page text ---\n" + (document.body ? document.body.innerText : "")`))
	if err != nil {
		return "(the page could not be read: " + err.Error() + ")"
	}
	const max = 3000
	if len(s) > max {
		s = s[:max] + " …"
	}
	return "at " + s
}

// js quotes a Go value as a JavaScript literal.
func js(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// waitUntil polls a JavaScript condition until it holds.
func (tb *tab) waitUntil(what, cond string) {
	tb.t.Helper()
	tb.do(what, chromedp.Poll[chromedp.Void](cond,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(stepTimeout)))
}

// open loads a page by its address, as typing it does, and waits until
// the WebAssembly app has taken over from the prerendered HTML: go-app
// removes its loader once the app has mounted the page and its handlers.
func (tb *tab) open(path string) {
	tb.t.Helper()
	tb.do("open "+path, chromedp.Navigate(tb.base+path))
	tb.waitApp()
}

func (tb *tab) waitApp() {
	tb.t.Helper()
	tb.waitUntil("wait for the app to load", `!document.getElementById("app-wasm-loader")`)
}

// waitPath waits for the app to show the page at path (without query).
func (tb *tab) waitPath(path string) {
	tb.t.Helper()
	tb.waitUntil("wait for the page "+path, `location.pathname === `+js(path))
}

// waitText waits until an element matching the CSS selector shows text
// containing want.
func (tb *tab) waitText(sel, want string) {
	tb.t.Helper()
	tb.waitUntil(fmt.Sprintf("wait for %q in %s", want, sel),
		`[...document.querySelectorAll(`+js(sel)+`)].some(e => e.innerText.includes(`+js(want)+`))`)
}

// waitGone waits until no element matches the CSS selector.
func (tb *tab) waitGone(sel string) {
	tb.t.Helper()
	tb.waitUntil("wait for "+sel+" to go", `!document.querySelector(`+js(sel)+`)`)
}

// text is the visible text of the first element matching the selector.
func (tb *tab) text(sel string) string {
	tb.t.Helper()
	return eval[string](tb, "read "+sel, `(document.querySelector(`+js(sel)+`) || {innerText: "(no `+sel+`)"}).innerText`)
}

// click clicks the element matching the CSS selector with the mouse, as a
// person does: Chromium scrolls it into view and clicks its middle.
func (tb *tab) click(sel string) {
	tb.t.Helper()
	tb.do("click "+sel, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
}

// clickButton clicks the button that says label.
func (tb *tab) clickButton(label string) {
	tb.t.Helper()
	xpath := `//button[normalize-space(.)=` + xpathString(label) + `]`
	tb.do("click the button "+label, chromedp.Click(chromedp.Search(xpath), chromedp.NodeVisible))
}

func xpathString(s string) string {
	if !strings.Contains(s, `"`) {
		return `"` + s + `"`
	}
	return `'` + s + `'`
}

// typeInto types text into an input with key events, so the app sees the
// same input events as from a keyboard.
func (tb *tab) typeInto(sel, text string) {
	tb.t.Helper()
	tb.do("type into "+sel, chromedp.SendKeys(chromedp.CSS(sel), text, chromedp.NodeVisible))
}

// clearInput empties an input as a person does, selecting its text and
// deleting it, so that the app sees an input event.
func (tb *tab) clearInput(sel string) {
	tb.t.Helper()
	tb.do("clear "+sel,
		chromedp.Evaluate[chromedp.Void](`(el => { el.focus(); el.select(); })(document.querySelector(`+js(sel)+`))`),
		chromedp.KeyEvent(kb.Backspace))
	if v := tb.value(sel); v != "" {
		tb.t.Fatalf("%s still holds %q after deleting its text", sel, v)
	}
}

// arrowTo presses ArrowDown in the focused combobox input until the
// option with the label (its .jobnet-suggestion-label's text, where it has
// one) is its active descendant, and fails when it never
// is. It reads the page between presses rather than counting them: a
// press may reach the app while a newer answer of suggestions replaces the
// list, and go-app draws on the next frame.
func (tb *tab) arrowTo(input, label string) {
	tb.t.Helper()
	active := `(() => {
		const id = document.querySelector(` + js(input) + `).getAttribute("aria-activedescendant");
		const o = id && document.getElementById(id);
		return o && o.getAttribute("aria-selected") === "true" ? (o.querySelector(".jobnet-suggestion-label") || o).innerText.trim() : "";
	})()`
	for range 40 {
		if eval[string](tb, "read the active suggestion", active) == strings.TrimSpace(label) {
			return
		}
		tb.do("press ArrowDown", chromedp.KeyEvent(kb.ArrowDown), chromedp.Sleep(150*time.Millisecond))
	}
	tb.t.Fatalf("%q never became the active suggestion of %s", label, input)
}

// attr is the attribute of the first element matching the selector.
func (tb *tab) attr(sel, name string) string {
	tb.t.Helper()
	return eval[string](tb, "read "+name+" of "+sel, `document.querySelector(`+js(sel)+`).getAttribute(`+js(name)+`) ?? ""`)
}

// value is what an input holds.
func (tb *tab) value(sel string) string {
	tb.t.Helper()
	return eval[string](tb, "read the value of "+sel, `document.querySelector(`+js(sel)+`).value`)
}

// inView reports why the element is not fully visible in the viewport and
// on top (not covered by another element), or "" when it is.
func (tb *tab) inView(sel string) string {
	tb.t.Helper()
	return eval[string](tb, "check that "+sel+" is visible", `(() => {
		const el = document.querySelector(`+js(sel)+`);
		if (!el) return "it is not on the page";
		const st = getComputedStyle(el);
		if (st.display === "none" || st.visibility !== "visible" || st.opacity === "0") return "it is hidden by its style";
		const r = el.getBoundingClientRect();
		if (r.width < 1 || r.height < 1) return "it has no size";
		if (r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight)
			return "it is outside the " + innerWidth + "x" + innerHeight + " viewport: " + JSON.stringify(r);
		const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		if (!hit || !(hit === el || el.contains(hit)))
			return "it is covered by " + (hit ? hit.outerHTML.slice(0, 120) : "nothing");
		return "";
	})()`)
}

// login signs in on a login form that is already showing.
func (tb *tab) login(form, username string) {
	tb.t.Helper()
	tb.typeInto(form+" #username", username)
	tb.typeInto(form+" #password", demo.Password)
	tb.click(form + ` button[type="submit"]`)
}

// loginCitizen opens /log-ind, signs in and waits for the Forside that
// only the app renders, after it has fetched /api/overview.
func (tb *tab) loginCitizen(username, name string) {
	tb.t.Helper()
	tb.open("/log-ind")
	tb.login("#login-form", username)
	tb.waitPath("/")
	tb.waitText("h1.jobnet-welcome", "Velkommen "+name)
}

// loginCaseworker signs in on /sagsbehandleradgang and waits for the
// CPR form.
func (tb *tab) loginCaseworker(username string) {
	tb.t.Helper()
	tb.open("/sagsbehandleradgang")
	tb.login("#caseworker-login-form", username)
	tb.waitText("h1", "Se Jobnet som borgeren ser det")
	tb.waitApp()
}

// mirror types a citizen's CPR number into the caseworker's form.
func (tb *tab) mirror(cpr string) {
	tb.t.Helper()
	tb.clearInput("#mirror-form #cpr")
	tb.typeInto("#mirror-form #cpr", cpr)
	tb.clickButton("Log ind som denne borger")
}

// openCard goes to a page through its card on the Forside, in the tab
// (0 or 1) that holds it: a navigation inside the app.
func (tb *tab) openCard(tabIndex int, title, path string) {
	tb.t.Helper()
	// The front page may draw itself again as its data and the session
	// arrive, and a click in that moment was once lost (CI): the tab is
	// clicked again, a second apart, until its panel shows. Choosing the
	// tab that is chosen changes nothing.
	tb.waitUntil("wait for the tab to open", fmt.Sprintf(`(() => {
		const panel = document.getElementById("panel-%[1]d"), tab = document.getElementById("tab-%[1]d");
		if (panel && !panel.hidden) return true;
		if (tab && !(Date.now() - (window.__jobnetTabClick || 0) < 1000)) {
			window.__jobnetTabClick = Date.now();
			tab.click();
		}
		return false;
	})()`, tabIndex))
	tb.do("open the card "+title, chromedp.Click(chromedp.Search(
		fmt.Sprintf(`//div[@id="panel-%d"]//a[@href=%s][.//h3[normalize-space(.)=%s]]`, tabIndex, xpathString(path), xpathString(title))),
		chromedp.NodeVisible))
	tb.waitPath(path)
}

// axeViolation is one rule axe-core found broken.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// checkA11y runs axe-core on the page as it is now and fails the test for
// every violation of WCAG 2.0/2.1 A and AA. axe is injected through the
// DevTools protocol: Runtime.evaluate is not bound by the page's CSP,
// which allows scripts from the portal only.
func (tb *tab) checkA11y(page string) {
	tb.t.Helper()
	if !eval[bool](tb, "look for axe", `typeof axe !== "undefined"`) {
		tb.do("inject axe-core", chromedp.Evaluate[chromedp.Void](tb.axe))
	}
	violations := eval[[]axeViolation](tb, "run axe-core on "+page, `axe.run(document, {
		runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"]},
	}).then(r => r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help,
		nodes: v.nodes.map(n => n.target.join(" ") + (n.failureSummary ? " — " + n.failureSummary.replace(/\s+/g, " ") : "")),
	})))`)
	for _, v := range violations {
		tb.t.Errorf("%s (%s): axe %s [%s]: %s", page, tb.w.name, v.ID, v.Impact, v.Help)
		for _, n := range v.Nodes {
			tb.t.Errorf("    %s", n)
		}
	}
}

// download clicks a link that downloads a file, lets the browser save it in
// a folder of the test (as a person's browser would) and returns the file.
func (tb *tab) download(sel, name string) []byte {
	tb.t.Helper()
	dir := tb.t.TempDir()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	_, err := chromedp.CallBrowser(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
		BrowserContextID: chromedp.FromContext(tb.ctx).BrowserContextID,
	})
	if err != nil {
		tb.t.Fatalf("allow downloads: %v", err)
	}
	tb.click(sel)
	path := filepath.Join(dir, name)
	for ctx.Err() == nil {
		// Chromium writes to a .crdownload file and renames it when done.
		if b, err := os.ReadFile(path); err == nil {
			return b
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	tb.t.Fatalf("no %s downloaded by %s (folder holds %v)\n%s", name, sel, entries, tb.where())
	return nil
}

// pdfText extracts a PDF's text with pdftotext (Debian's poppler-utils,
// which `make test` installs when missing).
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "file.pdf")
	if err := os.WriteFile(f, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (make test installs poppler-utils): %v", err)
	}
	return string(out)
}

// screenshot saves the page as <name>-<width>.png in the folder named by
// JOBNET_SCREENSHOTS, for a person to look at; without it, nothing is
// written. The tests do not compare images.
func (tb *tab) screenshot(name string) {
	tb.t.Helper()
	tb.screenshotWith(name, chromedp.FullScreenshot(100))
}

// screenshotOf is screenshot of the first element matching sel.
func (tb *tab) screenshotOf(name, sel string) {
	tb.t.Helper()
	tb.screenshotWith(name, chromedp.Screenshot(chromedp.CSS(sel), chromedp.NodeVisible))
}

func (tb *tab) screenshotWith(name string, shot chromedp.Action[[]byte]) {
	tb.t.Helper()
	dir := os.Getenv("JOBNET_SCREENSHOTS")
	if dir == "" {
		return
	}
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		tb.t.Fatalf("screenshot: %v", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.t.Fatal(err)
	}
	path := filepath.Join(dir, name+"-"+tb.w.name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
	tb.t.Logf("screenshot: %s", path)
}
