package httpapi

import (
	"sync"
	"time"

	"jobnet/server/storage"
)

// liveness is what this process has seen of sessions since it last wrote
// them down: each one's last request and page. A request only touches
// memory; the writer (API.writeDown) writes the changes in one statement
// every FlushEvery. The idle timeout judges a session by the later of the
// stored time and this one, so it is exact for the requests this process
// served and at most FlushEvery late for another process's.
type liveness struct {
	mu      sync.Mutex
	entries map[string]*liveEntry // by token hash
}

type liveEntry struct {
	lastSeen time.Time
	path     string
	// version counts changes, so that a write that raced a request does
	// not mark the newer change written.
	version, written uint64
}

func newLiveness() *liveness { return &liveness{entries: map[string]*liveEntry{}} }

// seen is the session's last request and page: the later of what is
// stored and what this process saw.
func (l *liveness) seen(hash []byte, stored time.Time, storedPath string) (time.Time, string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e, ok := l.entries[string(hash)]; ok && e.lastSeen.After(stored) {
		return e.lastSeen, e.path
	}
	return stored, storedPath
}

// touch records a request at now. path is the page the app says it is on
// ("" when it does not say); touch reports whether that is a page newly
// opened, judged against currentPath, the session's page before it. Of
// concurrent requests from one new page, exactly one reports it.
func (l *liveness) touch(hash []byte, now time.Time, path, currentPath string) (opened bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.entries[string(hash)]
	if !ok {
		e = &liveEntry{path: currentPath}
		l.entries[string(hash)] = e
	}
	if now.After(e.lastSeen) {
		e.lastSeen = now
	}
	if path != "" && path != e.path {
		e.path, opened = path, true
	}
	e.version++
	return opened
}

// forget drops a session that has ended.
func (l *liveness) forget(hash []byte) {
	l.mu.Lock()
	delete(l.entries, string(hash))
	l.mu.Unlock()
}

// pending lists the sessions changed since they were last written down,
// and forgets sessions idle for longer than idle (what they were is
// written, and they have expired).
func (l *liveness) pending(now time.Time, idle time.Duration) ([]storage.SessionTouch, []uint64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var touches []storage.SessionTouch
	var versions []uint64
	for h, e := range l.entries {
		if e.version == e.written {
			if now.Sub(e.lastSeen) > idle {
				delete(l.entries, h)
			}
			continue
		}
		touches = append(touches, storage.SessionTouch{TokenHash: []byte(h), LastSeen: e.lastSeen, LastPath: e.path})
		versions = append(versions, e.version)
	}
	return touches, versions
}

// markWritten records that the touches, as pending returned them, are
// stored.
func (l *liveness) markWritten(touches []storage.SessionTouch, versions []uint64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, t := range touches {
		if e, ok := l.entries[string(t.TokenHash)]; ok && e.written < versions[i] {
			e.written = versions[i]
		}
	}
}
