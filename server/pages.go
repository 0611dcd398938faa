package server

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	webapp "jobnet/app"
)

var registerRoutes sync.Once

// pagesHandler serves the go-app pages (prerendered on the server), the
// precompressed app.wasm and the other files under /web/.
func (s *Server) pagesHandler() (http.Handler, error) {
	registerRoutes.Do(webapp.RegisterRoutes)
	wasmPath := filepath.Join(s.cfg.WebDir, "app.wasm")
	fi, err := os.Stat(wasmPath)
	if err != nil {
		return nil, err
	}
	version, err := BuildVersion(s.cfg.WebDir)
	if err != nil {
		return nil, err
	}
	h := &app.Handler{
		Name:            "Jobnet",
		ShortName:       "Jobnet",
		Title:           "Jobnet",
		Description:     "Jobnet – din indgang til jobsøgning, planer og aftaler med jobcenter og a-kasse.",
		Lang:            "da",
		LoadingLabel:    "Jobnet indlæses … {progress}%",
		BackgroundColor: "#ffffff",
		ThemeColor:      "#004993",
		Icon: app.Icon{
			Default:  "/web/icons/jobnet-192.png",
			Large:    "/web/icons/jobnet-512.png",
			SVG:      "/web/icons/jobnet.svg",
			Maskable: "/web/icons/jobnet-512.png",
		},
		Styles: []string{"/web/dkfds/css/dkfds.min.css", "/web/jobnet.css"},
		// The public counters demo works offline once visited (SPEC: PWA).
		CacheableResources: []string{webapp.PathDemoCounters, "/web/dkfds/img/all-svg-icons.svg",
			"/web/dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-Regular.woff2",
			"/web/dkfds/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-SemiBold.woff2"},
		Version:           version,
		WasmContentLength: strconv.FormatInt(fi.Size(), 10),
	}
	// LocalDir serves /web/x from WebDir/web/x; strip the prefix instead so
	// WebDir is the folder of the static files themselves.
	h.Resources = webResources{dir: s.cfg.WebDir}
	wasm := &precompressed{path: wasmPath, contentType: "application/wasm"}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/web/app.wasm":
			wasm.ServeHTTP(w, r)
		case strings.HasPrefix(r.URL.Path, "/web/"):
			w.Header().Set("Cache-Control", "no-cache")
			http.StripPrefix("/web/", http.FileServer(http.Dir(s.cfg.WebDir))).ServeHTTP(w, r)
		default:
			h.ServeHTTP(w, r)
		}
	}), nil
}

// webResources resolves /web/ paths for go-app; the files themselves are
// served by pagesHandler.
type webResources struct{ dir string }

func (webResources) Resolve(location string) string { return location }

// precompressed serves a file built together with its .br and .gz siblings,
// choosing by Accept-Encoding. go-app's handler does not compress.
type precompressed struct {
	path        string
	contentType string
}

func (p *precompressed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", p.contentType)
	h.Set("Vary", "Accept-Encoding")
	h.Set("Cache-Control", "no-cache")
	accept := r.Header.Get("Accept-Encoding")
	for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !acceptsEncoding(accept, enc.token) {
			continue
		}
		if f, err := os.Open(p.path + enc.ext); err == nil {
			defer f.Close()
			fi, err := f.Stat()
			if err != nil {
				break
			}
			h.Set("Content-Encoding", enc.token)
			http.ServeContent(w, r, "", fi.ModTime(), f)
			return
		}
	}
	f, err := os.Open(p.path)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		http.NotFound(w, r)
		return
	}
	http.ServeContent(w, r, "", fi.ModTime(), f)
}

// acceptsEncoding reports whether the Accept-Encoding header lists token
// with a non-zero quality.
func acceptsEncoding(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), token) {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}
