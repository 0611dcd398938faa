package site

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"

	webapp "jobnet/app"
	"jobnet/app/api"
	"jobnet/shared"
)

// Preloading (app/api's preloaded answers): a page that shows a citizen's
// data comes with the answers of its first GETs, made by the API itself —
// the same routes, the same role policy and a-kasse projection — for the
// request's own session. go-app prerenders the page with them, so the
// citizen's plan is on the first screen at once, and the app starts from
// them. Such a page is the person's own: it is never stored (no-store, no
// ETag) and varies by cookie.

// preloads holds each prerender's answers while go-app renders the page,
// by the key the page URL carries (api.PreloadParam). One table for the
// process: the keys are random.
var preloads sync.Map // string → api.Preload

// preloaded is the answer a prerender takes for path, by its key.
func preloaded(key, path string) ([]byte, bool) {
	v, ok := preloads.Load(key)
	if !ok {
		return nil, false
	}
	b, ok := v.(api.Preload).Answers[path]
	return b, ok
}

// preloadPaths are the pages to preload and their API paths, the
// session's first.
var preloadPaths = func() map[string][]string {
	m := map[string][]string{}
	for page, paths := range webapp.PreloadPaths() {
		m[page] = append([]string{shared.APISession}, paths...)
	}
	return m
}()

// preload asks the API for the page's answers as the request's session. It
// answers nothing without a session, or when an answer is not a plain 200
// (the app then asks itself, and shows what it is told).
func (s *Site) preload(r *http.Request) (api.Preload, bool) {
	paths, ok := preloadPaths[r.URL.Path]
	if !ok || s.api == nil || r.Method != http.MethodGet {
		return api.Preload{}, false
	}
	if len(r.Cookies()) == 0 { // no session: nothing to preload
		return api.Preload{}, false
	}
	p := api.Preload{Page: r.URL.Path, Answers: map[string]json.RawMessage{}}
	for _, path := range paths {
		path = withPageParams(path, r.URL.Query())
		u, err := url.Parse(path)
		if err != nil {
			return api.Preload{}, false
		}
		sub := r.Clone(r.Context())
		sub.URL, sub.RequestURI, sub.Body = u, "", http.NoBody
		sub.Header = http.Header{"Cookie": r.Header.Values("Cookie")}
		// As the app would send it: the session records the page.
		sub.Header.Set("X-Jobnet-Path", r.URL.Path)
		rec := &bufferedResponse{header: http.Header{}}
		s.api.ServeHTTP(rec, sub)
		if rec.status != http.StatusOK || !strings.HasPrefix(rec.header.Get("Content-Type"), "application/json") {
			return api.Preload{}, false
		}
		p.Answers[path] = json.RawMessage(bytes.TrimSpace(rec.body.Bytes()))
	}
	return p, true
}

// pageParam is a placeholder for a parameter of the page's own address in
// an API path of PreloadPaths, as the path has it (query-escaped): the
// Kalender's month, "{maaned}".
var pageParam = regexp.MustCompile(`%7B([a-z]+)%7D`)

// withPageParams fills a path's placeholders from the page's parameters,
// escaped as the app escapes them when it asks the same path (a missing
// one is empty).
func withPageParams(path string, page url.Values) string {
	return pageParam.ReplaceAllStringFunc(path, func(m string) string {
		return url.QueryEscape(page.Get(pageParam.FindStringSubmatch(m)[1]))
	})
}

// renderPreloaded has go-app prerender the page with its answers, and puts
// the answers in the page's head for the app.
func (s *Site) renderPreloaded(rec *bufferedResponse, r *http.Request, p api.Preload) error {
	var raw [16]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return err
	}
	key := hex.EncodeToString(raw[:])
	preloads.Store(key, p)
	defer preloads.Delete(key)
	r = r.Clone(r.Context())
	q := r.URL.Query()
	q.Set(api.PreloadParam, key)
	r.URL.RawQuery = q.Encode()
	r.Header.Del("If-None-Match") // the page is the person's, not go-app's version
	s.pages.ServeHTTP(rec, r)
	if rec.status != http.StatusOK && rec.status != 0 {
		return nil
	}
	// json.Marshal escapes <, > and &, so the answers cannot close the
	// script element.
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	body := rec.body.Bytes()
	i := bytes.Index(body, []byte("</head>"))
	if i < 0 {
		return nil
	}
	var out bytes.Buffer
	out.Grow(len(body) + len(data) + 80)
	out.Write(body[:i])
	out.WriteString(`<script type="application/json" id="` + api.PreloadElementID + `">`)
	out.Write(data)
	out.WriteString(`</script>`)
	out.Write(body[i:])
	rec.body = out
	h := rec.header
	h.Del("ETag")
	h.Set("Cache-Control", "no-store")
	h.Add("Vary", "Cookie")
	return nil
}
