package site

import (
	"jobnet/shared"

	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	webapp "jobnet/app"
)

// realWebDir holds the static files of the repository: DKFDS, jobnet.css
// and the icons. The tests copy them, without app.wasm (make build writes
// it) and without precompressed copies, beside a stand-in app.wasm.
const realWebDir = "../../web"

// fakeWasm stands in for app.wasm; its siblings are real compressions of it.
var fakeWasm = bytes.Repeat([]byte("\x00asm fake app "), 1000)

// newWebDir copies the static files into a fresh folder.
func newWebDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := filepath.WalkDir(realWebDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(realWebDir, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		if rel == appWasm || isSibling(rel) || strings.HasPrefix(rel, appWasm+".") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, appWasm), fakeWasm)
	writeFile(t, filepath.Join(dir, appWasm+".br"), br.compress(fakeWasm, 9))
	writeFile(t, filepath.Join(dir, appWasm+".gz"), gz.compress(fakeWasm, 9))
	return dir
}

func writeFile(t *testing.T, p string, b []byte) {
	t.Helper()
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// startSite serves the folder; the log is kept for the test to read.
func startSite(t *testing.T, dir string) (*httptest.Server, *bytes.Buffer) {
	t.Helper()
	var logBuf bytes.Buffer
	s, err := New(dir, slog.New(slog.NewTextHandler(&logBuf, nil)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts, &logBuf
}

// response is what came back, with the body as sent and decoded.
type response struct {
	status  int
	header  http.Header
	raw     []byte // as sent
	decoded []byte // after undoing Content-Encoding
}

// transport does not ask for gzip on its own nor decode: the tests set
// Accept-Encoding themselves and look at what is sent.
var transport = &http.Transport{DisableCompression: true}

func get(t *testing.T, ts *httptest.Server, target, acceptEncoding string, header ...string) response {
	t.Helper()
	req, err := http.NewRequest("GET", ts.URL+target, nil)
	if err != nil {
		t.Fatal(err)
	}
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := transport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	r := response{status: resp.StatusCode, header: resp.Header, raw: raw, decoded: raw}
	switch ce := resp.Header.Get("Content-Encoding"); ce {
	case "br":
		r.decoded, err = br.decompress(raw)
	case "gzip":
		r.decoded, err = gz.decompress(raw)
	case "":
	default:
		t.Fatalf("GET %s: unexpected Content-Encoding %q", target, ce)
	}
	if err != nil {
		t.Fatalf("GET %s: the %s body does not decode: %v", target, resp.Header.Get("Content-Encoding"), err)
	}
	return r
}

func TestNegotiate(t *testing.T) {
	for _, tt := range []struct {
		name, accept string
		want         coding
	}{
		{"NoHeader", "", identity},
		{"Br", "br", br},
		{"Gzip", "gzip", gz},
		{"XGzip", "x-gzip", gz},
		{"BrowserList", "gzip, deflate, br, zstd", br},
		{"CaseInsensitive", "GZIP, BR", br},
		{"BrRefused", "br;q=0, gzip", gz},
		{"BrRefusedSpaces", "br ; q=0 , gzip", gz},
		{"BrRefusedLongZero", "br;q=0.000, gzip", gz},
		{"Weights", "br;q=0.5, gzip;q=0.8", gz},
		{"OnlyIdentity", "identity", identity},
		{"IdentityPreferred", "identity;q=1, br;q=0.5", identity},
		{"IdentityLower", "gzip;q=1.0, identity;q=0.5", gz},
		{"Star", "*", br},
		{"StarButBr", "br;q=0, *", gz},
		{"AllRefused", "br;q=0, gzip;q=0, identity;q=0", identity},
		{"StarRefused", "*;q=0", identity},
		{"OnlyUnknown", "deflate, zstd", identity},
		{"MalformedWeightIgnored", "br;q=abc, gzip", gz},
		{"WeightAboveOneIgnored", "br;q=2, gzip", gz},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := negotiate(tt.accept); got != tt.want {
				t.Errorf("negotiate(%q) = %s, want %s", tt.accept, got.token(), tt.want.token())
			}
		})
	}
}

func TestResolve(t *testing.T) {
	r := resolver{static: "s1", wasm: "w1"}
	for _, tt := range []struct{ in, want string }{
		{"/web/jobnet.css", "/v/s1/web/jobnet.css"},
		{"web/jobnet.css", "/v/s1/web/jobnet.css"},
		{"/web/dkfds/img/all-svg-icons.svg#chevron-right", "/v/s1/web/dkfds/img/all-svg-icons.svg#chevron-right"},
		{"/web", "/v/s1/web"},
		{"/web/app.wasm", "/v/w1/web/app.wasm"},
		{"/", "/"},
		{"", "/"},
		{"/app-worker.js", "/app-worker.js"},
		{"/min-plan", "/min-plan"},
		{"/webshop", "/webshop"},
		{"https://example.org/web/x.css", "https://example.org/web/x.css"},
	} {
		if got := r.Resolve(tt.in); got != tt.want {
			t.Errorf("Resolve(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// pageLinks are the URLs a prerendered page names in href and src.
func pageLinks(t *testing.T, page []byte) []string {
	t.Helper()
	var links []string
	for _, m := range regexp.MustCompile(`(?:href|src)="([^"]+)"`).FindAllSubmatch(page, -1) {
		u := string(m[1])
		if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") {
			links = append(links, strings.SplitN(u, "#", 2)[0])
		}
	}
	if len(links) == 0 {
		t.Fatal("the page names no URLs")
	}
	return links
}

// stylesheetLinks are the URLs a stylesheet names with url(), resolved
// against the stylesheet's own URL as a browser does.
func stylesheetLinks(t *testing.T, base string, css []byte) []string {
	t.Helper()
	b, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	var links []string
	for _, m := range regexp.MustCompile(`url\(\s*["']?([^"')]+)["']?\s*\)`).FindAllSubmatch(css, -1) {
		ref, err := url.Parse(string(m[1]))
		if err != nil || ref.Scheme == "data" {
			continue
		}
		u := b.ResolveReference(ref)
		u.Fragment = ""
		links = append(links, u.RequestURI())
	}
	return links
}

// crawl is every URL a browser may fetch from the site's pages: the pages,
// what they name, what their stylesheets name, go-app's files, the
// manifest's icons and the service worker's list.
func crawl(t *testing.T, ts *httptest.Server) []string {
	t.Helper()
	seen := map[string]bool{}
	var queue []string
	add := func(u ...string) {
		for _, u := range u {
			if !seen[u] {
				seen[u] = true
				queue = append(queue, u)
			}
		}
	}
	add(webapp.PagePaths()...)
	add("/app.js", "/wasm_exec.js", "/app.css", "/app-worker.js", "/manifest.webmanifest")
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		r := get(t, ts, u, "identity")
		if r.status != http.StatusOK {
			t.Errorf("GET %s: %d", u, r.status)
			continue
		}
		ct := r.header.Get("Content-Type")
		switch {
		case strings.HasPrefix(ct, "text/html"):
			add(pageLinks(t, r.decoded)...)
		case strings.HasPrefix(ct, "text/css"):
			add(stylesheetLinks(t, u, r.decoded)...)
		case u == "/manifest.webmanifest":
			var m struct{ Icons []struct{ Src string } }
			if err := json.Unmarshal(r.decoded, &m); err != nil {
				t.Fatalf("manifest: %v", err)
			}
			for _, i := range m.Icons {
				add(i.Src)
			}
		case u == "/app-worker.js":
			add(workerResources(t, r.decoded)...)
		case u == "/app.js":
			m := regexp.MustCompile(`"(/v/[0-9a-f]+/web/app\.wasm)"`).FindSubmatch(r.decoded)
			if m == nil {
				t.Fatal("app.js names no versioned app.wasm")
			}
			add(string(m[1]))
		}
	}
	return slices.Sorted(func(yield func(string) bool) {
		for u := range seen {
			if !yield(u) {
				return
			}
		}
	})
}

// workerResources is the list go-app's service worker caches at install.
func workerResources(t *testing.T, worker []byte) []string {
	t.Helper()
	m := regexp.MustCompile(`resourcesToCache = (\[.*?\]);`).FindSubmatch(worker)
	if m == nil {
		t.Fatal("app-worker.js has no resourcesToCache")
	}
	var list []string
	if err := json.Unmarshal(m[1], &list); err != nil {
		t.Fatal(err)
	}
	return list
}

// TestEveryTextResponseCompressed follows every URL the pages lead to and
// asks for each in br, gzip and uncompressed: a text response comes in
// the coding asked for and decodes to the same content; other files
// (fonts, PNG) come as they are. Every answer names its type and varies by
// Accept-Encoding where it can.
func TestEveryTextResponseCompressed(t *testing.T) {
	ts, _ := startSite(t, newWebDir(t))
	urls := crawl(t, ts)
	var sawWoff2, sawCSS, sawWasm, sawPage bool
	for _, u := range urls {
		plain := get(t, ts, u, "identity")
		ct := plain.header.Get("Content-Type")
		if ct == "" {
			t.Errorf("%s: no Content-Type", u)
		}
		if ce := plain.header.Get("Content-Encoding"); ce != "" {
			t.Errorf("%s with identity: Content-Encoding %q", u, ce)
		}
		text := compressible(ct)
		sawWoff2 = sawWoff2 || ct == "font/woff2"
		sawCSS = sawCSS || strings.HasPrefix(ct, "text/css")
		sawWasm = sawWasm || ct == "application/wasm"
		sawPage = sawPage || strings.HasPrefix(ct, "text/html")
		for _, tt := range []struct{ accept, want string }{
			{"br", "br"}, {"gzip", "gzip"}, {"gzip, deflate, br", "br"}, {"br;q=0, gzip", "gzip"}, {"br;q=0, gzip;q=0", ""},
		} {
			r := get(t, ts, u, tt.accept)
			want := tt.want
			if !text {
				want = ""
			}
			if got := r.header.Get("Content-Encoding"); got != want {
				t.Errorf("%s (%s) with Accept-Encoding %q: Content-Encoding %q, want %q", u, ct, tt.accept, got, want)
			}
			if !bytes.Equal(sameContent(ct, r.decoded), sameContent(ct, plain.decoded)) {
				t.Errorf("%s with Accept-Encoding %q: the content differs from the uncompressed one", u, tt.accept)
			}
			if got := r.header.Get("Content-Type"); got != ct {
				t.Errorf("%s with Accept-Encoding %q: Content-Type %q, uncompressed %q", u, tt.accept, got, ct)
			}
			if vary := r.header.Values("Vary"); text && !slices.Contains(vary, "Accept-Encoding") {
				t.Errorf("%s: Vary %q lacks Accept-Encoding", u, vary)
			}
		}
	}
	if !sawWoff2 || !sawCSS || !sawWasm || !sawPage {
		t.Errorf("the crawl missed a kind of file (woff2 %v, css %v, wasm %v, page %v): %v", sawWoff2, sawCSS, sawWasm, sawPage, urls)
	}
}

// htmlTag is a start tag as go-app writes it.
var htmlTag = regexp.MustCompile(`<([a-z][a-z0-9-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(/?)>`)

// sameContent is a response body to compare: go-app writes a tag's
// attributes in map order, so a page's bytes differ between two requests;
// sorted attributes make the same page compare equal.
func sameContent(contentType string, body []byte) []byte {
	if !strings.HasPrefix(contentType, "text/html") {
		return body
	}
	attr := regexp.MustCompile(`[^\s=>/]+(?:="[^"]*")?`)
	return htmlTag.ReplaceAllFunc(body, func(tag []byte) []byte {
		m := htmlTag.FindSubmatch(tag)
		attrs := attr.FindAll(m[2], -1)
		slices.SortFunc(attrs, bytes.Compare)
		return []byte("<" + string(m[1]) + " " + string(bytes.Join(attrs, []byte(" "))) + string(m[3]) + ">")
	})
}

// TestCaching: a URL that carries the current version of its file may be
// kept a year; a plain /web/ URL, an old version and what go-app names
// without a version (pages, app.js) are checked again every time.
func TestCaching(t *testing.T) {
	ts, _ := startSite(t, newWebDir(t))
	page := get(t, ts, "/log-ind", "br")
	var styles []string
	for _, u := range pageLinks(t, page.decoded) {
		if strings.HasSuffix(u, ".css") && strings.HasPrefix(u, "/v/") {
			styles = append(styles, u)
		}
	}
	if len(styles) != 2 {
		t.Fatalf("want dkfds.min.css and jobnet.css under a version, got %v", styles)
	}
	for _, u := range styles {
		if cc := get(t, ts, u, "br").header.Get("Cache-Control"); cc != cacheImmutable {
			t.Errorf("%s: Cache-Control %q, want %q", u, cc, cacheImmutable)
		}
		plain := "/web/" + strings.SplitN(u, "/web/", 2)[1]
		if cc := get(t, ts, plain, "br").header.Get("Cache-Control"); cc != cacheRevalidated {
			t.Errorf("%s: Cache-Control %q, want %q", plain, cc, cacheRevalidated)
		}
		old := "/v/0123456789abcdef/web/" + strings.SplitN(u, "/web/", 2)[1]
		if cc := get(t, ts, old, "br").header.Get("Cache-Control"); cc != cacheRevalidated {
			t.Errorf("%s (an old version): Cache-Control %q, want %q", old, cc, cacheRevalidated)
		}
	}
	for _, u := range []string{"/log-ind", "/demo/dagpengetaellere", "/app.js", "/wasm_exec.js", "/app-worker.js", "/manifest.webmanifest", "/web/app.wasm"} {
		if cc := get(t, ts, u, "br").header.Get("Cache-Control"); cc != cacheRevalidated {
			t.Errorf("%s: Cache-Control %q, want %q", u, cc, cacheRevalidated)
		}
	}
	if get(t, ts, "/web/no-such-file.css", "br").status != http.StatusNotFound {
		t.Error("a missing file is not a 404")
	}
}

// TestValidators: every coding has its own ETag, and a browser that has
// the content gets a 304, for a static file and for a page.
func TestValidators(t *testing.T) {
	ts, _ := startSite(t, newWebDir(t))
	for _, u := range []string{"/web/jobnet.css", "/log-ind", "/app.js"} {
		tags := map[string]string{}
		for _, accept := range []string{"br", "gzip", "identity"} {
			r := get(t, ts, u, accept)
			tag := r.header.Get("ETag")
			if tag == "" {
				t.Fatalf("%s (%s): no ETag", u, accept)
			}
			if prev, dup := tags[tag]; dup {
				t.Errorf("%s: %s and %s share the ETag %s", u, prev, accept, tag)
			}
			tags[tag] = accept
			again := get(t, ts, u, accept, "If-None-Match", tag)
			if again.status != http.StatusNotModified {
				t.Errorf("%s (%s) with If-None-Match %s: %d, want 304", u, accept, tag, again.status)
			}
			if got := again.header.Get("ETag"); got != tag {
				t.Errorf("%s (%s): the 304 names ETag %s, the 200 %s", u, accept, got, tag)
			}
		}
	}
}

// TestAppWasm: app.wasm comes precompressed from make build under the
// app's version, for a year, until it is rebuilt under the running server.
func TestAppWasm(t *testing.T) {
	dir := newWebDir(t)
	ts, _ := startSite(t, dir)
	appJS := get(t, ts, "/app.js", "br")
	m := regexp.MustCompile(`"(/v/([0-9a-f]+)/web/app\.wasm)"`).FindSubmatch(appJS.decoded)
	if m == nil {
		t.Fatal("app.js does not load app.wasm under a version")
	}
	wasmURL, version := string(m[1]), string(m[2])
	if v, _ := fileVersion(filepath.Join(dir, appWasm)); v != version {
		t.Errorf("app.wasm's version is %s, its hash %s", version, v)
	}
	if !bytes.Contains(appJS.decoded, []byte(`"GOAPP_VERSION":"`+version+`"`)) {
		t.Error("go-app's version is not the hash of app.wasm, so a restart would look like an update")
	}
	r := get(t, ts, wasmURL, "gzip, deflate, br")
	if r.header.Get("Content-Encoding") != "br" || !bytes.Equal(r.decoded, fakeWasm) ||
		r.header.Get("Content-Type") != "application/wasm" || r.header.Get("Cache-Control") != cacheImmutable {
		t.Errorf("app.wasm: %d %q %q %q", r.status, r.header.Get("Content-Encoding"), r.header.Get("Content-Type"), r.header.Get("Cache-Control"))
	}
	if !bytes.Equal(r.raw, br.compress(fakeWasm, 9)) {
		t.Error("app.wasm.br is not the file make build wrote")
	}

	// A rebuild while the server runs: the old version's URL must not be
	// kept for a year with the new content.
	writeFile(t, filepath.Join(dir, appWasm), append([]byte("\x00asm rebuilt"), fakeWasm...))
	if cc := get(t, ts, wasmURL, "br").header.Get("Cache-Control"); cc != cacheRevalidated {
		t.Errorf("app.wasm changed on disk: Cache-Control %q, want %q", cc, cacheRevalidated)
	}
}

// TestAppJSStartsAfterPaint: go-app's app.js starts the service worker and
// app.wasm once the page is drawn, not as soon as it runs.
func TestAppJSStartsAfterPaint(t *testing.T) {
	ts, _ := startSite(t, newWebDir(t))
	js := string(get(t, ts, "/app.js", "br").decoded)
	if !strings.Contains(js, appJSStartAfterPaint) {
		t.Errorf("app.js does not start after the first paint:\n%.600s", js)
	}
	if strings.Contains(js, appJSStart) {
		t.Error("app.js still starts app.wasm at once")
	}
	for _, f := range []string{"async function goappInitWebAssembly()", "async function goappInitServiceWorker()"} {
		if !strings.Contains(js, f) {
			t.Errorf("app.js lacks %s", f)
		}
	}
	if _, err := startAfterPaint([]byte("goappInitWebAssembly();\n")); err == nil {
		t.Error("startAfterPaint accepts a script that does not begin as go-app v10's")
	}
	// app.wasm goes straight to instantiateStreaming, not through a
	// counting JavaScript stream.
	if strings.Contains(js, "fetchWithProgress(\"") || !regexp.MustCompile(`instantiateStreaming\(\s*fetch\("[^"]*app\.wasm"\)`).MatchString(js) {
		t.Error("app.js does not stream app.wasm to the compiler")
	}
	if _, err := streamWasm([]byte("fetch(url)")); err == nil {
		t.Error("streamWasm accepts a script that does not fetch as go-app v10's")
	}
}

// TestAppJSStartsInSteps: app.js compiles app.wasm, has the warm-up worker
// run its initialisation, instantiates it and runs it, each step a task of
// its own, and leaves the loader to the app; the worker's script is
// served, and names the variable cmd/jobnet-wasm reads.
func TestAppJSStartsInSteps(t *testing.T) {
	ts, _ := startSite(t, newWebDir(t))
	js := string(get(t, ts, "/app.js", "br").decoded)
	for _, want := range []string{
		"let instantiateStreaming = jobnetInstantiate;",
		"await jobnetNextTask();\n    go.run(wasm.instance);",
		`new Worker("` + WarmupJS + `")`,
		"WebAssembly.compileStreaming(response)",
	} {
		if !strings.Contains(js, want) {
			t.Errorf("app.js lacks %q", want)
		}
	}
	if strings.Contains(js, appJSRun) {
		t.Error("app.js still removes the loader when go.run first returns, before the app has mounted the page")
	}
	worker := get(t, ts, WarmupJS, "br")
	if worker.status != http.StatusOK || !strings.HasPrefix(worker.header.Get("Content-Type"), "text/javascript") {
		t.Fatalf("%s: %d %q", WarmupJS, worker.status, worker.header.Get("Content-Type"))
	}
	for _, want := range []string{`importScripts("/wasm_exec.js")`, shared.AppWarmupEnv + `: "1"`, `postMessage("done")`} {
		if !strings.Contains(string(worker.decoded), want) {
			t.Errorf("%s lacks %q", WarmupJS, want)
		}
	}
	// The program reads the variable the worker sets.
	main, err := os.ReadFile(filepath.Join("..", "..", "cmd", "jobnet-wasm", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(main), `os.Getenv(shared.AppWarmupEnv)`) {
		t.Errorf("cmd/jobnet-wasm does not read %s", shared.AppWarmupEnv)
	}
	if _, err := startInSteps([]byte("go.run(wasm.instance);\n")); err == nil {
		t.Error("startInSteps accepts a script that does not run app.wasm as go-app v10's")
	}
}

// TestPrecompressedFiles: the build's .br and .gz are sent as they are
// when they hold the file; a stale one (the file edited after make build)
// is not sent, and the log says so.
func TestPrecompressedFiles(t *testing.T) {
	dir := newWebDir(t)
	css := []byte("/* current */ .jobnet-test { color: #004993; }\n")
	writeFile(t, filepath.Join(dir, "jobnet.css"), css)
	// Level 11 here, where the site compresses at level 5 itself: the
	// bytes tell which was sent.
	writeFile(t, filepath.Join(dir, "jobnet.css.br"), br.compress(css, BuildBrotliLevel))
	writeFile(t, filepath.Join(dir, "jobnet.css.gz"), gz.compress(css, 0))
	svg, err := os.ReadFile(filepath.Join(dir, "icons", "jobnet.svg"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "icons", "jobnet.svg.br"), br.compress([]byte("<svg>old</svg>"), BuildBrotliLevel))

	ts, logBuf := startSite(t, dir)
	r := get(t, ts, "/web/jobnet.css", "br")
	if !bytes.Equal(r.raw, br.compress(css, BuildBrotliLevel)) {
		t.Error("jobnet.css.br from the build was not sent")
	}
	r = get(t, ts, "/web/icons/jobnet.svg", "br")
	if !bytes.Equal(r.decoded, svg) {
		t.Errorf("a stale jobnet.svg.br was sent: %q", r.decoded)
	}
	if !strings.Contains(logBuf.String(), "icons/jobnet.svg.br (stale)") {
		t.Errorf("the log does not name the stale sibling: %s", logBuf)
	}
}

// TestPrecompressible: cmd/precompress writes siblings for exactly the
// static files the site compresses, and not for app.wasm, which has its
// own step, nor for the siblings themselves.
func TestPrecompressible(t *testing.T) {
	for name, want := range map[string]bool{
		"web/jobnet.css": true, "web/dkfds/css/dkfds.min.css": true, "web/dkfds/img/all-svg-icons.svg": true,
		"web/x.js": true, "web/x.json": true, "web/app.wasm": false, "web/jobnet.css.br": false,
		"web/jobnet.css.gz": false, "web/icons/jobnet-192.png": false,
		"web/dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-Regular.woff2": false,
	} {
		if got := Precompressible(name); got != want {
			t.Errorf("Precompressible(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestServiceWorkerAgreesWithPages: the service worker keeps the very URLs
// the pages name (with their versions), and each of them answers, or its
// install (cache.addAll) fails and the demo does not work offline.
func TestServiceWorkerAgreesWithPages(t *testing.T) {
	ts, _ := startSite(t, newWebDir(t))
	cached := workerResources(t, get(t, ts, "/app-worker.js", "br").decoded)
	page := get(t, ts, webapp.PathDemoCounters, "br")
	needed := 0
	for _, u := range pageLinks(t, page.decoded) {
		// What the demo needs offline: its styles and the icon sprite.
		if strings.HasSuffix(u, ".css") || strings.HasSuffix(u, "/all-svg-icons.svg") {
			needed++
			if !slices.Contains(cached, u) {
				t.Errorf("the demo names %s, which the service worker does not keep (it keeps %v)", u, cached)
			}
		}
	}
	if needed < 3 {
		t.Errorf("the demo names %d styles and sprites, want app.css, dkfds.min.css, jobnet.css and the sprite", needed)
	}
	for _, want := range []string{webapp.PathDemoCounters, "/app.js", "/wasm_exec.js", WarmupJS} {
		if !slices.Contains(cached, want) {
			t.Errorf("the service worker does not keep %s", want)
		}
	}
	for _, u := range cached {
		if r := get(t, ts, u, "br"); r.status != http.StatusOK {
			t.Errorf("the service worker keeps %s, which answers %d", u, r.status)
		}
	}
}

// TestBootingControls: the prerendered page's forms are aria-busy and
// every control is disabled and aria-busy, so that nothing is typed or
// sent before the app handles it.
func TestBootingControls(t *testing.T) {
	ts, _ := startSite(t, newWebDir(t))
	page := string(get(t, ts, "/log-ind", "br").decoded)
	forms := regexp.MustCompile(`<form\b[^>]*>`).FindAllString(page, -1)
	controls := regexp.MustCompile(`<(?:button|input|select|textarea)\b[^>]*>`).FindAllString(page, -1)
	if len(forms) == 0 || len(controls) < 3 {
		t.Fatalf("the login page has %d forms and %d controls", len(forms), len(controls))
	}
	for _, f := range forms {
		if !strings.Contains(f, `aria-busy="true"`) {
			t.Errorf("a form is not busy: %s", f)
		}
	}
	for _, c := range controls {
		if !regexp.MustCompile(`\sdisabled[\s>="]`).MatchString(c) || !strings.Contains(c, `aria-busy="true"`) {
			t.Errorf("a control is not disabled and busy: %s", c)
		}
	}
	if !strings.Contains(page, `<aside id="app-wasm-loader"`) && !strings.Contains(page, `id="app-wasm-loader"`) {
		t.Error("the page has no #app-wasm-loader, which go-app's app.js removes when the app runs")
	}
}

// TestPrerenderedBooleans: no prerendered page says a boolean attribute
// is "false", which HTML reads as true.
func TestPrerenderedBooleans(t *testing.T) {
	ts, _ := startSite(t, newWebDir(t))
	for _, p := range webapp.PagePaths() {
		page := get(t, ts, p, "br").decoded
		if m := falseBoolean.Find(page); m != nil {
			t.Errorf("%s has %s", p, m)
		}
	}
	demo := string(get(t, ts, webapp.PathDemoCounters, "br").decoded)
	if n := strings.Count(demo, "<option"); n < 2 || strings.Count(demo, "selected") != 1 {
		t.Errorf("the demo's example list has %d options and %d selected, want one", n, strings.Count(demo, "selected"))
	}
}

func TestDropFalseBooleans(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`<option selected="false" value="a">`, `<option value="a">`},
		{`<input type="checkbox" checked="false">`, `<input type="checkbox">`},
		{`<option selected="true">`, `<option selected="true">`},
		{`<div hidden="false" aria-hidden="false">`, `<div aria-hidden="false">`},
		{`<svg focusable="false">`, `<svg focusable="false">`},
		{`<p title="x disabled=\"false\"">`, `<p title="x disabled=\"false\"">`},
	} {
		if got := string(dropFalseBooleans([]byte(tt.in))); got != tt.want {
			t.Errorf("dropFalseBooleans(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestMarkBooting(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`<form id="f"><input type="text"><button>OK</button></form>`,
			`<form aria-busy="true" id="f"><input disabled aria-busy="true" type="text"><button disabled aria-busy="true">OK</button></form>`},
		{`<select name="s"><option>a</option></select><textarea></textarea>`,
			`<select disabled aria-busy="true" name="s"><option>a</option></select><textarea disabled aria-busy="true"></textarea>`},
		{`<input/>`, `<input disabled aria-busy="true"/>`},
		{`<p>&lt;button&gt; <buttons></p>`, `<p>&lt;button&gt; <buttons></p>`},
		{`<formation>`, `<formation>`},
	} {
		if got := string(markBooting([]byte(tt.in))); got != tt.want {
			t.Errorf("markBooting(%s)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

// TestWoff2: the fonts jobnet.css names are woff2, sent as font/woff2
// under a version, uncompressed (woff2 is compressed already).
func TestWoff2(t *testing.T) {
	ts, _ := startSite(t, newWebDir(t))
	var css string
	for _, u := range pageLinks(t, get(t, ts, "/log-ind", "br").decoded) {
		if strings.HasSuffix(u, "/jobnet.css") {
			css = u
		}
	}
	if css == "" {
		t.Fatal("the page does not link jobnet.css")
	}
	fonts := 0
	for _, u := range stylesheetLinks(t, css, get(t, ts, css, "br").decoded) {
		if !strings.Contains(u, "/fonts/") {
			continue
		}
		fonts++
		if !strings.HasSuffix(u, ".woff2") {
			t.Errorf("jobnet.css names a font that is not woff2: %s", u)
		}
		r := get(t, ts, u, "gzip, deflate, br")
		if r.status != http.StatusOK || r.header.Get("Content-Type") != "font/woff2" || r.header.Get("Content-Encoding") != "" ||
			r.header.Get("Cache-Control") != cacheImmutable || !bytes.HasPrefix(r.raw, []byte("wOF2")) {
			t.Errorf("%s: %d %q %q %q", u, r.status, r.header.Get("Content-Type"), r.header.Get("Content-Encoding"), r.header.Get("Cache-Control"))
		}
	}
	if fonts == 0 {
		t.Error("jobnet.css names no fonts")
	}
}
