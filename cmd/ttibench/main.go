// Command ttibench measures the time to interactive of Min Plan in
// headless Chromium against go-app v10's hello world, built and served the
// same way, in the same run (make bench-tti, issue 15): cold (a fresh
// browser context: no HTTP cache, no service worker) and warm (the same
// page again in that context), at 1280 and 375 px. The machine is shared
// and noisy: the ratio to the floor in the same run is what to read.
//
// Interactive means: go-app has removed its loader (app.wasm runs and has
// mounted the page) and the page's content is there — Min Plan's plan, the
// hello world's heading. A script added to every new document records the
// moment with performance.now(), from the navigation's start.
//
//	ttibench [-runs 5] [-jobnet bin/jobnet] [-web web] [-floor bin/floor.wasm]
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/internal/stats"
	"jobnet/internal/wasmfloor/hello"
	"jobnet/shared"
)

// The demo citizen whose Min Plan is measured (server/demo).
const (
	username = "mads"
	password = "jobnet-demo-2026"
)

type width struct {
	name          string
	width, height int64
	mobile        bool
}

var widths = []width{{"1280 px", 1280, 900, false}, {"375 px", 375, 812, true}}

// target is a page measured: where, the content that makes it
// interactive, and the cookie it needs.
type target struct {
	name, url, content string
	cookie             *http.Cookie
}

func main() {
	runs := flag.Int("runs", 5, "runs of each page, width and cache (the median is shown)")
	jobnet := flag.String("jobnet", "bin/jobnet", "the server (make build)")
	web := flag.String("web", "web", "the server's static files and app.wasm (make build)")
	floorWasm := flag.String("floor", "bin/floor.wasm", "go-app's hello world built as app.wasm is (make wasm-size)")
	out := flag.String("out", "results/tti.txt", "where the table is kept")
	flag.Parse()
	ctx := context.Background()
	if err := run(ctx, *runs, *jobnet, *web, *floorWasm, *out); err != nil {
		log.Fatal("ttibench: ", err)
	}
}

func run(ctx context.Context, runs int, jobnet, web, floorWasm, out string) error {
	floorURL, stopFloor, err := serveFloor(floorWasm)
	if err != nil {
		return err
	}
	defer stopFloor()
	base, stopJobnet, err := startJobnet(ctx, jobnet, web)
	if err != nil {
		return err
	}
	defer stopJobnet()
	cookie, err := login(base)
	if err != nil {
		return err
	}
	pages := []target{
		{"floor: hello world", floorURL + "/", "h1", nil},
		{"Min Plan", base + "/min-plan", ".jobnet-minplan", cookie},
	}

	browser, stopBrowser, err := startChromium(ctx)
	if err != nil {
		return err
	}
	defer stopBrowser()
	// times[page][width][warm] are the runs' times to interactive, in ms.
	times := map[string]map[string]map[bool][]float64{}
	for _, p := range pages {
		times[p.name] = map[string]map[bool][]float64{}
		for _, w := range widths {
			times[p.name][w.name] = map[bool][]float64{}
		}
	}
	// Runs alternate between the pages, so that the machine's drift hits
	// both alike.
	for range runs {
		for _, w := range widths {
			for _, p := range pages {
				cold, warm, err := measure(browser, p, w)
				if err != nil {
					return fmt.Errorf("%s at %s: %w", p.name, w.name, err)
				}
				times[p.name][w.name][false] = append(times[p.name][w.name][false], cold)
				times[p.name][w.name][true] = append(times[p.name][w.name][true], warm)
			}
		}
	}

	var t strings.Builder
	fmt.Fprintf(&t, "Time to interactive in headless Chromium, medians of %d runs (%s, %d cores)\n", runs, time.Now().UTC().Format("2006-01-02T15:04Z"), runtime.NumCPU())
	fmt.Fprintf(&t, "%-20s %-8s %10s %10s %11s %11s\n", "page", "width", "cold ms", "warm ms", "cold ratio", "warm ratio")
	for _, w := range widths {
		floor := times[pages[0].name][w.name]
		for _, p := range pages {
			m := times[p.name][w.name]
			fmt.Fprintf(&t, "%-20s %-8s %10.0f %10.0f %11.2f %11.2f\n", p.name, w.name, stats.Median(m[false]), stats.Median(m[true]),
				stats.Median(m[false])/stats.Median(floor[false]), stats.Median(m[true])/stats.Median(floor[true]))
		}
	}
	fmt.Fprintf(&t, "goal: Min Plan within 1.5 x the floor\n")
	fmt.Print(t.String())
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(out, []byte(t.String()), 0o644)
}

// ttiScript records, in every new document, the moment the page became
// interactive: go-app's loader gone and the content there.
const ttiScript = `(() => {
	const check = () => {
		if (window.__tti || document.getElementById("app-wasm-loader") || !document.querySelector(window.__ttiContent || "__none__")) return;
		window.__tti = performance.now();
	};
	new MutationObserver(check).observe(document, {childList: true, subtree: true, attributes: true});
})();`

// measure loads the page in a fresh browser context (cold) and then again
// in it (warm), and returns both times to interactive in ms.
func measure(browser context.Context, p target, w width) (cold, warm float64, err error) {
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, time.Minute)
	defer cancelTimeout()
	var opts []chromedp.EmulateViewportOption
	if w.mobile {
		opts = append(opts, chromedp.EmulateMobile)
	}
	script := fmt.Sprintf("window.__ttiContent = %q;\n%s", p.content, ttiScript)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(w.width, w.height, opts...)); err != nil {
		return 0, 0, err
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script}); err != nil {
		return 0, 0, err
	}
	if c := p.cookie; c != nil {
		httpOnly := true
		if _, err := chromedp.Call(ctx, network.SetCookie, network.SetCookieParams{Name: c.Name, Value: c.Value, URL: p.url, HTTPOnly: &httpOnly}); err != nil {
			return 0, 0, err
		}
	}
	load := func() (float64, error) {
		if err := chromedp.Do(ctx, chromedp.Navigate(p.url)); err != nil {
			return 0, err
		}
		return chromedp.Run(ctx, chromedp.Poll[float64](`window.__tti || null`, chromedp.WithPollingInterval(20*time.Millisecond)))
	}
	if cold, err = load(); err != nil {
		return 0, 0, err
	}
	// The service worker go-app registers has had the time to cache.
	time.Sleep(500 * time.Millisecond)
	warm, err = load()
	return cold, warm, err
}

func startChromium(ctx context.Context) (context.Context, func(), error) {
	exe, err := exec.LookPath("chromium")
	if err != nil {
		return nil, nil, errors.New("Debian's chromium is not installed (make chromium installs it)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	browser, cancel := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(browser); err != nil {
		cancel()
		cancelAlloc()
		return nil, nil, err
	}
	return browser, func() { cancel(); cancelAlloc() }, nil
}

// serveFloor serves go-app's hello world with go-app's own handler, its
// app.wasm compressed with brotli as make build compresses Jobnet's.
func serveFloor(wasm string) (string, func(), error) {
	raw, err := os.ReadFile(wasm)
	if err != nil {
		return "", nil, fmt.Errorf("%s (make wasm-size builds it): %w", wasm, err)
	}
	var br bytes.Buffer
	bw := brotli.NewWriterLevel(&br, 9)
	bw.Write(raw)
	bw.Close()
	hello.Route()
	// app.wasm from memory; go-app's handler serves the rest (the page,
	// app.js, wasm_exec.js, the service worker).
	h := &app.Handler{Name: "Hello", Title: "Hello", WasmContentLength: strconv.Itoa(len(raw))}
	mux := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/web/app.wasm" {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/wasm")
		body := raw
		if strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
			w.Header().Set("Content-Encoding", "br")
			body = br.Bytes()
		}
		w.Write(body)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

var servingAt = regexp.MustCompile(`Jobnet kører på (http\S+)`)

// startJobnet runs the server with the demo data on a private PostgreSQL in
// a temporary folder (PostgreSQL's user must be able to enter it), on a
// free port, and returns its address.
func startJobnet(ctx context.Context, bin, web string) (string, func(), error) {
	dir, err := os.MkdirTemp("", "jobnet-tti-")
	if err != nil {
		return "", nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		return "", nil, err
	}
	logPath := filepath.Join(dir, "server.log")
	lf, err := os.Create(logPath)
	if err != nil {
		return "", nil, err
	}
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "JOBNET_DATA_DIR="+filepath.Join(dir, "data"), "JOBNET_WEB_DIR="+web, "PORT=0")
	cmd.Stdout, cmd.Stderr = lf, lf
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	stop := func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
		lf.Close()
		os.RemoveAll(dir)
	}
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		b, _ := os.ReadFile(logPath)
		if m := servingAt.FindSubmatch(b); m != nil {
			return string(m[1]), stop, nil
		}
		if cmd.ProcessState != nil {
			break
		}
	}
	b, _ := os.ReadFile(logPath)
	stop()
	return "", nil, fmt.Errorf("the server did not start:\n%s", b)
}

// login signs the demo citizen in and returns the session's cookie.
func login(base string) (*http.Cookie, error) {
	body, _ := json.Marshal(shared.LoginRequest{Username: username, Password: password})
	resp, err := http.Post(base+shared.APILogin, "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return nil, fmt.Errorf("login: %d %s", resp.StatusCode, b)
	}
	for _, c := range resp.Cookies() {
		if c.Name == "jobnet_session" {
			return c, nil
		}
	}
	return nil, errors.New("login: no session cookie")
}
