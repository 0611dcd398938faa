package api

import (
	"sync"

	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Now is "now" as the server tells it: the browser's clock, moved by how far
// it was from the Date of the server's latest answer. The server decides
// what day it is (a device's clock may be wrong, and the tests pin the
// server's); before any answer, the browser's clock is all there is (the
// public demo offline). It is used for display only ("today" for the
// current target group and the timeline); the server decides everything
// that matters.
// While the server prerenders a page, Now is the server's clock.
func Now() time.Time {
	if app.IsServer {
		serverMu.RLock()
		now := serverNow
		serverMu.RUnlock()
		if now != nil {
			return now()
		}
	}
	return time.Now().Add(time.Duration(serverOffset.Load()))
}

// serverOffset is the server's clock minus the browser's, in nanoseconds.
var serverOffset atomic.Int64

// httpDate is the layout of an HTTP Date header (net/http's TimeFormat).
const httpDate = "Mon, 02 Jan 2006 15:04:05 GMT"

// followServerClock takes the offset from an answer's Date header. The
// header has whole seconds: an offset within a second of the last one is
// kept, so that the clock does not jitter.
func followServerClock(date string) {
	t, err := time.Parse(httpDate, date)
	if err != nil {
		return
	}
	off := t.Sub(time.Now())
	if d := off - time.Duration(serverOffset.Load()); d > time.Second || d < -time.Second {
		serverOffset.Store(int64(off))
	}
}

// lastActivity is when the server last saw a signed-in request; the session
// countdown runs from it.
var (
	activityMu   sync.Mutex
	lastActivity time.Time
)

func touchActivity() {
	activityMu.Lock()
	lastActivity = time.Now()
	activityMu.Unlock()
}

// SinceActivity is how long ago the server last accepted a request, which
// keeps the session alive: the session countdown runs from it.
func SinceActivity() time.Duration {
	activityMu.Lock()
	defer activityMu.Unlock()
	return time.Since(lastActivity)
}
