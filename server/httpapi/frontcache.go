package httpapi

import (
	"sync"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

// frontNudges are the front page's costly parts: automatch and the facts
// of the forsidekort. The sources compute both at login ("bliver
// automatchet ved logon", "Ved logon initialiseres kortene"), so they are
// computed at a session's first front page and kept for the session: a
// return to the front page then reads only the notifications, which must
// be fresh.
type frontNudges struct {
	facts storage.FrontFacts
	match shared.Automatch
	fleks bool
}

// frontEntry is a session's nudges, of the citizen it showed: a
// caseworker who mirrors another citizen gets theirs anew.
type frontEntry struct {
	citizen int64
	n       frontNudges
	made    time.Time // by the process's monotonic clock
}

// frontCache holds each session's front nudges for as long as a session
// can stay idle. What changes them — the citizen's "Jeg søger job som",
// a case system's news about the citizen — drops the citizen's entries.
type frontCache struct {
	mu      sync.Mutex
	ttl     time.Duration
	entries map[string]frontEntry // by session token hash
}

func newFrontCache(ttl time.Duration) *frontCache {
	return &frontCache{ttl: ttl, entries: map[string]frontEntry{}}
}

// get returns the session's nudges for the citizen, or computes and keeps
// them. Two first requests at once may both compute; either result is
// right.
func (c *frontCache) get(hash []byte, citizen int64, compute func() (frontNudges, error)) (frontNudges, error) {
	k := string(hash)
	c.mu.Lock()
	e, ok := c.entries[k]
	c.mu.Unlock()
	if ok && e.citizen == citizen && time.Since(e.made) < c.ttl {
		return e.n, nil
	}
	n, err := compute()
	if err != nil {
		return frontNudges{}, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) > 100_000 { // bound memory: drop what has gone stale
		for k, e := range c.entries {
			if time.Since(e.made) >= c.ttl {
				delete(c.entries, k)
			}
		}
	}
	c.entries[k] = frontEntry{citizen: citizen, n: n, made: time.Now()}
	return n, nil
}

// forgetSession drops a session that ended.
func (c *frontCache) forgetSession(hash []byte) {
	c.mu.Lock()
	delete(c.entries, string(hash))
	c.mu.Unlock()
}

// forgetCitizen drops every session's nudges of the citizen.
func (c *frontCache) forgetCitizen(id int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.entries {
		if e.citizen == id {
			delete(c.entries, k)
		}
	}
}
