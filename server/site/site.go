// Package site serves what a browser loads besides the JSON API: the pages,
// which go-app prerenders on the server, go-app's generated files (app.js,
// wasm_exec.js, app.css, app-worker.js, the manifest) and the static files
// under /web/ (styles, fonts, icons, app.wasm).
//
// A phone sees the prerendered page at once: go-app's loader is restyled
// into a slim bar (web/jobnet.css), the controls that need the app are
// disabled and aria-busy until app.wasm runs, and app.js starts app.wasm
// only once the page has been drawn (boot.go). Every text response is
// sent with br or gzip as the browser accepts; the static files are
// compressed at build time (cmd/precompress) and their URLs carry a content
// hash, /v/<hash>/web/…, so that browsers keep them for a year.
package site

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	webapp "jobnet/app"
	"jobnet/app/api"
)

// Site is the http.Handler of everything that is not the API.
type Site struct {
	api       http.Handler // asked for the answers a page is preloaded with
	pages     *app.Handler
	static    *staticFiles
	wasm      wasmFile
	generated map[string]*generatedFile // by path: "/app.js" …
}

var registerRoutes sync.Once

// Options are what the pages need of the rest of the server.
type Options struct {
	// API answers the GETs a page that shows a citizen's data is
	// preloaded with (preload.go); nil preloads nothing.
	API http.Handler
	// Now is the server's clock, which the pages' prerender follows
	// (time.Now when nil). go-app's prerender has one clock per process:
	// the last Site made sets it.
	Now func() time.Time
}

// New reads the static files of webDir (app.wasm among them, built by make
// build) and sets up go-app's handler for the pages.
func New(webDir string, log *slog.Logger, opts Options) (*Site, error) {
	registerRoutes.Do(webapp.RegisterRoutes)
	if opts.Now == nil {
		opts.Now = time.Now
	}
	api.ServeFrom(preloaded, opts.Now)
	wasm, err := newWasmFile(filepath.Join(webDir, appWasm))
	if err != nil {
		return nil, err
	}
	static, err := loadStatic(webDir, log)
	if err != nil {
		return nil, err
	}
	s := &Site{api: opts.API, static: static, wasm: wasm}
	s.pages = &app.Handler{
		Name:            "Jobnet",
		ShortName:       "Jobnet",
		Title:           "Jobnet",
		Description:     "Jobnet – din indgang til jobsøgning, planer og aftaler med jobcenter og a-kasse.",
		Lang:            "da",
		LoadingLabel:    "Jobnet indlæses …", // no {progress}: app.wasm streams uncounted (streamWasm)
		BackgroundColor: "#ffffff",
		ThemeColor:      "#004993",
		Icon: app.Icon{
			Default:  "/web/icons/jobnet-192.png",
			Large:    "/web/icons/jobnet-512.png",
			SVG:      "/web/icons/jobnet.svg",
			Maskable: "/web/icons/jobnet-512.png",
		},
		Styles: []string{"/web/dkfds/css/dkfds.min.css", "/web/jobnet.css"},
		// The faces of the first screen (body text, headings and labels,
		// h1), which web/jobnet.css draws with font-display: block: the
		// browser fetches them beside the styles rather than after. A font
		// is fetched in CORS mode, so the preload must say crossorigin to
		// be used. go-app also has the service worker keep them.
		Fonts: []string{
			"/web/dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-Regular.woff2 crossorigin=anonymous",
			"/web/dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-SemiBold.woff2 crossorigin=anonymous",
			"/web/dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-Bold.woff2 crossorigin=anonymous",
		},
		// The public counters demo works offline once visited (SPEC: PWA).
		// go-app passes these through Resources, so the service worker
		// caches the same versioned URLs the pages name.
		CacheableResources: []string{webapp.PathDemoCounters, "/web/dkfds/img/all-svg-icons.svg", WarmupJS},
		Version:            wasm.version,
		WasmContentLength:  strconv.FormatInt(wasm.size, 10),
		Resources:          resolver{static: static.version, wasm: wasm.version},
	}
	s.generated = map[string]*generatedFile{}
	for _, p := range []string{"/app.js", "/wasm_exec.js", "/app.css", "/app-worker.js", "/manifest.webmanifest"} {
		rec := &bufferedResponse{header: http.Header{}}
		s.pages.ServeHTTP(rec, getRequest(p))
		if rec.status != http.StatusOK {
			return nil, fmt.Errorf("go-app answered %s with %d", p, rec.status)
		}
		content := rec.body.Bytes()
		if p == "/app.js" {
			if content, err = startAfterPaint(content); err != nil {
				return nil, err
			}
			if content, err = streamWasm(content); err != nil {
				return nil, err
			}
			if content, err = startInSteps(content); err != nil {
				return nil, err
			}
		}
		s.generated[p] = &generatedFile{asset: newAsset(rec.header.Get("Content-Type"), time.Time{}, content)}
	}
	s.generated[WarmupJS] = &generatedFile{asset: newAsset("text/javascript; charset=utf-8", time.Time{}, []byte(warmupWorkerJS))}
	// go-app's older names for the same files.
	s.generated["/goapp.js"] = s.generated["/app.js"]
	s.generated["/manifest.json"] = s.generated["/manifest.webmanifest"]
	return s, nil
}

// versionPrefix starts the URL of a static file that carries its version:
// /v/<version>/web/<path>. The version comes before /web/ so that
// go-app's client-side resolver, which only prefixes (it is given
// /v/<version>/web), names the same URLs as the prerendered pages.
const versionPrefix = "/v/"

// resolver is go-app's ResourceResolver: every /web/ URL go-app writes —
// in the pages (on the server and in the browser), in app.js and in the
// service worker's list — gets the version of the file it names.
type resolver struct{ static, wasm string }

func (r resolver) Resolve(location string) string {
	p := location
	if p == "web" || strings.HasPrefix(p, "web/") {
		p = "/" + p
	}
	switch {
	case p == "/web/"+appWasm:
		return versionPrefix + r.wasm + p
	case p == "/web" || strings.HasPrefix(p, "/web/"):
		return versionPrefix + r.static + p
	case p == "":
		return "/"
	}
	return location
}

func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if rest, ok := strings.CutPrefix(p, versionPrefix); ok {
		version, file, _ := strings.Cut(rest, "/")
		if name, ok := strings.CutPrefix(file, "web/"); ok {
			s.serveWeb(w, r, name, version)
			return
		}
		http.NotFound(w, r)
		return
	}
	if name, ok := strings.CutPrefix(p, "/web/"); ok {
		s.serveWeb(w, r, name, "")
		return
	}
	if g, ok := s.generated[p]; ok {
		s.serveGenerated(w, r, g)
		return
	}
	s.servePage(w, r)
}

// Cache-Control of a URL that names its content's version, and of one
// that does not (the browser asks again, and gets a 304 if unchanged).
const (
	cacheImmutable   = "public, max-age=31536000, immutable"
	cacheRevalidated = "no-cache"
)

// serveWeb serves a file of the web folder. Under a URL with the file's
// current version it may be kept for a year; under a plain /web/ URL, or
// an old version (a page from before a deploy), it is the current file,
// which the browser must check again.
func (s *Site) serveWeb(w http.ResponseWriter, r *http.Request, name, version string) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if name == appWasm {
		s.wasm.serve(w, r, version == s.wasm.version)
		return
	}
	a, ok := s.static.files[path.Clean("/" + name)[1:]]
	if !ok {
		http.NotFound(w, r)
		return
	}
	serveAsset(w, r, a, version == s.static.version)
}

// serveAsset sends an asset held in memory, compressed as the request
// accepts.
func serveAsset(w http.ResponseWriter, r *http.Request, a *asset, immutable bool) {
	body, c := a.variant(negotiate(r.Header.Get("Accept-Encoding")))
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	if compressible(a.contentType) {
		h.Add("Vary", "Accept-Encoding")
	}
	if c != identity {
		h.Set("Content-Encoding", c.token())
	}
	h.Set("ETag", etag(a.hash, c))
	h.Set("Cache-Control", cacheControl(immutable))
	http.ServeContent(w, r, "", a.modTime, bytes.NewReader(body))
}

func cacheControl(immutable bool) string {
	if immutable {
		return cacheImmutable
	}
	return cacheRevalidated
}

// etag is a strong validator of one coding of a content: the codings are
// different bytes, so they get different tags (as Apache does, by suffix).
func etag(hash string, c coding) string {
	if c == identity {
		return `"` + hash + `"`
	}
	return `"` + hash + "-" + c.token() + `"`
}

// wasmFile is app.wasm and the .br and .gz siblings make build writes
// beside it. It is served from disk; the siblings are trusted as built
// with it, being too big to check at every start.
type wasmFile struct {
	path    string
	version string // go-app's Handler.Version
	size    int64
	modTime time.Time
}

func newWasmFile(p string) (wasmFile, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return wasmFile{}, fmt.Errorf("%w (make build writes it)", err)
	}
	version, err := fileVersion(p)
	if err != nil {
		return wasmFile{}, err
	}
	return wasmFile{path: p, version: version, size: fi.Size(), modTime: fi.ModTime()}, nil
}

// unchanged reports whether app.wasm is still the file the version was
// computed from: a rebuild while the server runs must not be kept a year
// under the old version's URL.
func (f wasmFile) unchanged() bool {
	fi, err := os.Stat(f.path)
	return err == nil && fi.Size() == f.size && fi.ModTime().Equal(f.modTime)
}

func (f wasmFile) serve(w http.ResponseWriter, r *http.Request, current bool) {
	h := w.Header()
	h.Set("Content-Type", "application/wasm")
	h.Add("Vary", "Accept-Encoding")
	h.Set("Cache-Control", cacheControl(current && f.unchanged()))
	for _, c := range preferences(r.Header.Get("Accept-Encoding")) {
		file, err := os.Open(f.path + c.ext())
		if err != nil {
			continue // no sibling in this coding: the next preference
		}
		defer file.Close()
		fi, err := file.Stat()
		if err != nil {
			break
		}
		if c != identity {
			h.Set("Content-Encoding", c.token())
		}
		h.Set("ETag", etag(f.version, c))
		http.ServeContent(w, r, "", fi.ModTime(), file)
		return
	}
	http.NotFound(w, r)
}

// generatedFile is one of go-app's generated files. They are constant
// while the server runs; each is compressed once, when first asked for, so
// that a test server that never serves them never pays for brotli 11.
type generatedFile struct {
	asset *asset
	once  sync.Once
}

func (s *Site) serveGenerated(w http.ResponseWriter, r *http.Request, g *generatedFile) {
	g.once.Do(func() { g.asset.compressWith(BuildBrotliLevel) })
	// The page names these without a version, so browsers check them again.
	serveAsset(w, r, g.asset, false)
}

// getRequest is a plain GET of a path, for asking go-app's handler.
func getRequest(p string) *http.Request {
	r, _ := http.NewRequest(http.MethodGet, p, nil) // a path always parses
	return r
}

// servePage serves a page prerendered by go-app, with its controls marked
// as waiting for the app, compressed as the request accepts.
func (s *Site) servePage(w http.ResponseWriter, r *http.Request) {
	c := negotiate(r.Header.Get("Accept-Encoding"))
	// go-app answers If-None-Match against its version tag; the tag this
	// site sent named the coding too (see etag).
	if inm := r.Header.Get("If-None-Match"); c != identity && strings.HasSuffix(inm, "-"+c.token()+`"`) {
		r = r.Clone(r.Context())
		r.Header.Set("If-None-Match", strings.TrimSuffix(inm, "-"+c.token()+`"`)+`"`)
	}
	rec := &bufferedResponse{header: http.Header{}}
	if p, ok := s.preload(r); ok {
		if err := s.renderPreloaded(rec, r, p); err != nil {
			http.Error(w, "", http.StatusInternalServerError)
			return
		}
	} else {
		s.pages.ServeHTTP(rec, r)
	}
	if rec.status == 0 {
		rec.status = http.StatusOK // go-app wrote nothing: an empty page
	}

	h := w.Header()
	for k, v := range rec.header {
		h[k] = v
	}
	body := rec.body.Bytes()
	ct := h.Get("Content-Type")
	if rec.status == http.StatusOK && strings.HasPrefix(ct, "text/html") {
		body = markBooting(dropFalseBooleans(body))
	}
	// A 304 has no Content-Type; it stands for the page it validates.
	compress := rec.status == http.StatusOK && compressible(ct) && h.Get("Content-Encoding") == "" && c != identity
	notModified := rec.status == http.StatusNotModified
	if compressible(ct) || notModified {
		h.Add("Vary", "Accept-Encoding")
	}
	if compress {
		body = c.compress(body, dynamicBrotliLevel)
		h.Set("Content-Encoding", c.token())
	}
	if tag := h.Get("ETag"); (compress || notModified && c != identity) && strings.HasSuffix(tag, `"`) {
		h.Set("ETag", strings.TrimSuffix(tag, `"`)+"-"+c.token()+`"`)
	}
	if rec.status != http.StatusNotModified {
		h.Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(rec.status)
	_, _ = w.Write(body)
}

// bufferedResponse keeps what go-app's handler writes, to be marked and
// compressed before it is sent.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header { return b.header }

func (b *bufferedResponse) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	return b.body.Write(p)
}
