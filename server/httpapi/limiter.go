package httpapi

import (
	"sync"
	"time"
)

// loginLimiter counts failed logins per key (client address, username) in a
// fixed window and refuses further attempts once a key reaches the limit.
// It lives in memory: Jobnet runs as one process per database here; several
// instances would need the counts in PostgreSQL.
type loginLimiter struct {
	mu     sync.Mutex
	limit  int
	window time.Duration
	counts map[string]*failCount
}

type failCount struct {
	n     int
	start time.Time
}

func newLoginLimiter(limit int, window time.Duration) *loginLimiter {
	return &loginLimiter{limit: limit, window: window, counts: map[string]*failCount{}}
}

// allowed reports whether every key is still under the limit.
func (l *loginLimiter) allowed(now time.Time, keys ...string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range keys {
		if c, ok := l.counts[k]; ok && now.Sub(c.start) < l.window && c.n >= l.limit {
			return false
		}
	}
	return true
}

// fail records a failed attempt for each key.
func (l *loginLimiter) fail(now time.Time, keys ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.counts) > 100_000 { // bound memory under a spray of usernames
		for k, c := range l.counts {
			if now.Sub(c.start) >= l.window {
				delete(l.counts, k)
			}
		}
	}
	for _, k := range keys {
		c, ok := l.counts[k]
		if !ok || now.Sub(c.start) >= l.window {
			c = &failCount{start: now}
			l.counts[k] = c
		}
		c.n++
	}
}

// reset forgets a key after a successful login.
func (l *loginLimiter) reset(keys ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range keys {
		delete(l.counts, k)
	}
}
