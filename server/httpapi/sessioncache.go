package httpapi

import (
	"sync"
	"time"

	"jobnet/server/storage"
)

// sessionTTL is how long a session as read from the database serves this
// process's requests before it is read again. A page fires several calls
// at once (the session, its data), and each would otherwise read the same
// session: with the cache, most requests make one query instead of two.
// What changes a session in this process forgets it at once (log in and
// out, choosing whom to mirror, a case system's news about the citizen);
// a change made through another process is seen within sessionTTL. The
// idle timeout does not depend on it (liveness), nor does the mirror
// access check, which runs on every request against the cached citizen.
const sessionTTL = 2 * time.Second

// sessionCache holds sessions as read from the database, by token hash.
type sessionCache struct {
	mu      sync.Mutex
	entries map[string]cachedSession
}

type cachedSession struct {
	rec  storage.Session
	read time.Time // by the process's monotonic clock, not the server's (tests pin that)
}

func newSessionCache() *sessionCache { return &sessionCache{entries: map[string]cachedSession{}} }

// get returns the session read less than sessionTTL ago.
func (c *sessionCache) get(hash []byte) (storage.Session, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[string(hash)]
	if !ok || time.Since(e.read) >= sessionTTL {
		return storage.Session{}, false
	}
	return e.rec, true
}

func (c *sessionCache) put(rec storage.Session) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) > 100_000 { // bound memory: drop what has gone stale
		for h, e := range c.entries {
			if time.Since(e.read) >= sessionTTL {
				delete(c.entries, h)
			}
		}
	}
	c.entries[string(rec.TokenHash)] = cachedSession{rec: rec, read: time.Now()}
}

// forget drops a session that changed.
func (c *sessionCache) forget(hash []byte) {
	c.mu.Lock()
	delete(c.entries, string(hash))
	c.mu.Unlock()
}

// forgetCitizen drops every session that shows the citizen, whose data in
// it (name, forløb) changed.
func (c *sessionCache) forgetCitizen(id int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for h, e := range c.entries {
		if e.rec.Citizen != nil && e.rec.Citizen.ID == id {
			delete(c.entries, h)
		}
	}
}
