// Package journeytest is a stand-in journey planner for tests only: an
// httptest server speaking server/journey's protocol, answering a travel
// time the test chooses and keeping what it was asked.
package journeytest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
)

// Planner is the stand-in.
type Planner struct {
	URL string
	// Minutes answers a question from one postcode to another; 0 answers
	// 502, as a planner that fails.
	Minutes func(from, to string) int

	mu    sync.Mutex
	asked []url.Values
}

// Start starts a stand-in that answers minutes, stopped with the test.
func Start(tb testing.TB, minutes func(from, to string) int) *Planner {
	tb.Helper()
	p := &Planner{Minutes: minutes}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		p.mu.Lock()
		p.asked = append(p.asked, q)
		p.mu.Unlock()
		m := p.Minutes(q.Get("from"), q.Get("to"))
		if m == 0 {
			http.Error(w, "no journey", http.StatusBadGateway)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]int{"minutes": m})
	}))
	tb.Cleanup(ts.Close)
	p.URL = ts.URL
	return p
}

// Asked are the questions so far, oldest first.
func (p *Planner) Asked() []url.Values {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]url.Values(nil), p.asked...)
}
