package api

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Preloaded answers. For a page that shows a citizen's data (Min plan and
// the others of server/site's list), the server answers the page's first
// GETs itself, through the same API routes and role policy, and sends the
// answers with the page: go-app prerenders the page with its data, so a
// phone shows the plan at once rather than when app.wasm has arrived and
// asked, and the app, once it runs, starts from the same answers (no
// waiting text, no shift). A preloaded answer serves once; later loads ask
// the server.

// PreloadElementID is the id of the <script type="application/json"> in the
// page's head that carries a Preload.
const PreloadElementID = "jobnet-preload"

// PreloadParam is the query parameter by which the server tells its own
// prerender which request's answers are the page's (go-app gives a page
// component its URL and nothing else of the request).
const PreloadParam = "jobnet-preload"

// Preload is what a page carries: the answers by GET path, for the page
// they were made for.
type Preload struct {
	Page    string                     `json:"page"`
	Answers map[string]json.RawMessage `json:"answers"`
}

// errNotPreloaded: the answer was not preloaded, and the call may not ask
// the server.
var errNotPreloaded = errors.New("not preloaded")

type preloadOnlyKey struct{}

// PreloadOnly is a context for a call that takes a preloaded answer or
// fails at once, without asking the server: a page tries it first, to
// draw its data in its first render.
func PreloadOnly(ctx app.Context) context.Context {
	return context.WithValue(ctx, preloadOnlyKey{}, ctx.Page().URL().Query().Get(PreloadParam))
}

// preloaded is the answer to GET path when the call may take only a
// preloaded answer (only: under PreloadOnly, and always while the server
// prerenders); found reports whether there is one.
func preloaded(ctx context.Context, method, path string) (body []byte, found, only bool) {
	key, only := ctx.Value(preloadOnlyKey{}).(string)
	if !only && !app.IsServer {
		return nil, false, false
	}
	if method != "GET" {
		return nil, false, true
	}
	body, found = takePreloaded(key, path)
	return body, found, true
}

// The server's side: while it prerenders a page, its answers come from the
// source it set, by the request's key.
var (
	serverMu     sync.RWMutex
	serverSource func(key, path string) ([]byte, bool)
	serverNow    func() time.Time
)

// ServeFrom is set by the server once: source gives a prerender's
// preloaded answer by the request's key and the GET path, now is the
// server's clock, which Now follows while prerendering.
func ServeFrom(source func(key, path string) ([]byte, bool), now func() time.Time) {
	serverMu.Lock()
	defer serverMu.Unlock()
	serverSource, serverNow = source, now
}
