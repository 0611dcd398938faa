package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"mime"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// asset is one file served from memory: a static file under /web/ or one
// that go-app generates (app.js, wasm_exec.js …), with its compressed forms.
type asset struct {
	contentType string
	modTime     time.Time
	hash        string    // of the uncompressed content: the ETag
	body        [3][]byte // by coding; nil where the coding does not apply
}

// variant is the asset's body in the coding the request accepts, and the
// coding used (identity when the asset is not compressible).
func (a *asset) variant(c coding) ([]byte, coding) {
	if b := a.body[c]; b != nil {
		return b, c
	}
	return a.body[identity], identity
}

func newAsset(contentType string, modTime time.Time, content []byte) *asset {
	sum := sha256.Sum256(content)
	a := &asset{contentType: contentType, modTime: modTime, hash: hex.EncodeToString(sum[:])[:16]}
	a.body[identity] = content
	return a
}

// compressWith fills in the compressed bodies, at a level for brotli.
func (a *asset) compressWith(brotliLevel int) {
	if !compressible(a.contentType) {
		return
	}
	for _, c := range []coding{br, gz} {
		a.body[c] = c.compress(a.body[identity], brotliLevel)
	}
}

// contentTypes names the types of the files Jobnet serves; Go's own table
// lacks the fonts and the web manifest, and the host's /etc/mime.types
// differs between machines.
var contentTypes = map[string]string{
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".woff2":       "font/woff2",
	".woff":        "font/woff",
	".ttf":         "font/ttf",
	".eot":         "application/vnd.ms-fontobject",
	".wasm":        "application/wasm",
	".txt":         "text/plain; charset=utf-8",
	".html":        "text/html; charset=utf-8",
	".xml":         "application/xml",
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// compressible reports whether a response of the type is worth
// compressing: text and WebAssembly. Images and fonts other than SVG are
// compressed already.
func compressible(contentType string) bool {
	t, _, _ := strings.Cut(contentType, ";")
	t = strings.TrimSpace(strings.ToLower(t))
	switch {
	case strings.HasPrefix(t, "text/"),
		t == "application/javascript", t == "application/json", t == "application/manifest+json",
		t == "application/xml", t == "image/svg+xml", t == "application/wasm":
		return true
	}
	return false
}

// Precompressible reports whether cmd/precompress writes .br and .gz
// siblings for the file: the compressible static files. app.wasm is
// precompressed by its own build step, at its own level.
func Precompressible(name string) bool {
	return compressible(contentType(name)) && !isSibling(name) && path.Base(filepath.ToSlash(name)) != appWasm
}

// isSibling reports whether the file is a precompressed copy of another.
func isSibling(name string) bool {
	return strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz")
}

// appWasm is the WebAssembly app in the web folder. It is served from disk
// (18 MB), not from memory, and versioned by its own hash.
const appWasm = "app.wasm"

// staticFiles is what the web folder held when the server started, in
// memory, keyed by the path under /web/ ("dkfds/css/dkfds.min.css"), and
// the version of them all: the URLs of the page carry it, so that a
// browser may keep them for a year.
type staticFiles struct {
	files   map[string]*asset
	version string
}

// loadStatic reads the web folder except app.wasm. A compressible file
// gets its .br and .gz siblings from the build when they are there and
// hold the file's current content; otherwise it is compressed now, at the
// fast level, and the log says which sibling was missing or stale.
//
// One version covers every file rather than one hash per file, because
// the stylesheets name fonts and icons by relative URLs: under
// /v/<version>/web/ those resolve to the same version without rewriting
// the CSS, so the build-time siblings stay valid. The files change
// together anyway (a DKFDS update, a jobnet.css edit) and seldom.
func loadStatic(dir string, log *slog.Logger) (*staticFiles, error) {
	st := &staticFiles{files: map[string]*asset{}}
	var stale []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == appWasm || isSibling(rel) || !d.Type().IsRegular() {
			return nil
		}
		content, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		a := newAsset(contentType(rel), info.ModTime(), content)
		if compressible(a.contentType) {
			for _, c := range []coding{br, gz} {
				b, err := readSibling(p, c, content)
				if err != nil {
					stale = append(stale, rel+c.ext()+" ("+err.Error()+")")
					b = c.compress(content, dynamicBrotliLevel)
				}
				a.body[c] = b
			}
		}
		st.files[rel] = a
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(stale) > 0 {
		log.Warn("static files compressed at start; make build precompresses them", "files", stale)
	}
	st.version = st.hashAll()
	return st, nil
}

// readSibling returns the build's compressed copy of a file if it decodes
// to the file's content: decoding a few hundred kilobytes of styles takes
// milliseconds and rules out serving an edited file's old content.
func readSibling(p string, c coding, content []byte) ([]byte, error) {
	b, err := os.ReadFile(p + c.ext())
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("missing")
		}
		return nil, err
	}
	plain, err := c.decompress(b)
	if err != nil {
		return nil, fmt.Errorf("unreadable: %w", err)
	}
	if !bytes.Equal(plain, content) {
		return nil, fmt.Errorf("stale")
	}
	return b, nil
}

// hashAll is the version of the static files: a hash of their paths and
// contents.
func (st *staticFiles) hashAll() string {
	names := make([]string, 0, len(st.files))
	for name := range st.files {
		names = append(names, name)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, name := range names {
		fmt.Fprintf(h, "%s\x00%s\n", name, st.files[name].hash)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// fileVersion is the SHA-256 of a file, shortened; for app.wasm it is the
// app's version (go-app's Handler.Version), which changes exactly when the
// app does, so restarting the server is not an "update" for the browsers.
func fileVersion(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}
