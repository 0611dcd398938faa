package httpapi

import (
	_ "embed"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/rs/cors"
	"golang.org/x/time/rate"

	"jobnet/shared"
)

// The public API (issue 10): Find Job's search, suggestions and ads as
// documented JSON under /api/v1/, described by an OpenAPI 3 document,
// open to other sites for reading (CORS for GET) and rate-limited per
// client address, so that one client cannot take the search from the
// others.

//go:embed openapi.json
var openAPIDocument []byte

// handleOpenAPI: GET /api/v1/openapi.json.
func handleOpenAPI(req *sessionRequest) (shared.APIDocument, error) {
	req.w.Header().Set("Cache-Control", "public, max-age=3600")
	return shared.APIDocument(openAPIDocument), nil
}

// publicCORS lets any site read the public API with GET, without cookies.
var publicCORS = cors.New(cors.Options{
	AllowedOrigins: []string{"*"},
	AllowedMethods: []string{http.MethodGet, http.MethodHead},
	MaxAge:         3600,
})

// PublicRate is the public API's default limit per client address:
// generous for a person (each keystroke of the free text asks for
// suggestions) and for a site that shows Find Job's counts, and short of
// what a scraper would take.
const (
	PublicRate  = 20 // requests a second
	PublicBurst = 60
)

// clientLimiter keeps a token bucket per client address; buckets unused
// for ten minutes are dropped as new ones come.
type clientLimiter struct {
	mu      sync.Mutex
	limit   rate.Limit
	burst   int
	clients map[string]*clientBucket
	swept   time.Time
}

type clientBucket struct {
	l    *rate.Limiter
	seen time.Time
}

func newClientLimiter(perSecond float64, burst int) *clientLimiter {
	return &clientLimiter{limit: rate.Limit(perSecond), burst: burst, clients: map[string]*clientBucket{}}
}

// allow reports whether the client may make a request now.
func (c *clientLimiter) allow(client string, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if now.Sub(c.swept) > 10*time.Minute {
		for k, b := range c.clients {
			if now.Sub(b.seen) > 10*time.Minute {
				delete(c.clients, k)
			}
		}
		c.swept = now
	}
	b, ok := c.clients[client]
	if !ok {
		b = &clientBucket{l: rate.NewLimiter(c.limit, c.burst)}
		c.clients[client] = b
	}
	b.seen = now
	return b.l.AllowN(now, 1)
}

// public wraps a route of the public API with CORS and the rate limit.
// The limit is on the client's address as the server sees it: behind a
// proxy, that is the proxy's, and the proxy should limit instead.
func (a *API) public(h http.Handler) http.Handler {
	if a.cfg.PublicRate < 0 {
		return publicCORS.Handler(h)
	}
	return publicCORS.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client := r.RemoteAddr
		if i := strings.LastIndexByte(client, ':'); i > 0 {
			client = client[:i]
		}
		if !a.publicLimit.allow(client, time.Now()) {
			w.Header().Set("Retry-After", "1")
			writeJSON(w, http.StatusTooManyRequests, shared.Errorf(shared.ETooManyRequests,
				"For mange forespørgsler fra din adresse. Vent et øjeblik, og prøv igen."))
			return
		}
		h.ServeHTTP(w, r)
	}))
}
