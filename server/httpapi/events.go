package httpapi

import (
	"context"
	"sync"
	"time"

	"jobnet/server/storage"
)

// Behaviour data (SPEC E1, 003_…txt "Jobsøgningsdata"): what citizens do,
// stored per session for a later anonymised export. The kinds are the
// sources' names where they have one ("Dagpengetællere startet").
const (
	eventLogin      = "Login"
	eventLogout     = "Logout"
	eventExpired    = "Automatisk logget ud"
	eventPage       = "Side åbnet" // detail: the page's path
	eventMinPlan    = "Min plan åbnet"
	eventSimulation = "Simulering brugt" // detail: the counters page
	eventCardsShown = "Forsidekort vist" // detail: the kinds, in their order
)

// maxBufferedEvents bounds the buffer between writes: past it, a request
// that records an event asks the writer to write now rather than wait.
const maxBufferedEvents = 1000

// eventLog buffers behaviour events in memory; the API's writer stores them
// in one statement every FlushEvery, and on Close, so a request never
// waits for one and a clean shutdown loses none.
type eventLog struct {
	store *storage.Store
	mu    sync.Mutex
	buf   []storage.Event
	// writing serialises flushes, so that events reach the table in the
	// order they happened.
	writing sync.Mutex
	// full asks the writer to write now: the buffer has reached
	// maxBufferedEvents.
	full chan struct{}
}

func newEventLog(store *storage.Store) *eventLog {
	return &eventLog{store: store, full: make(chan struct{}, 1)}
}

// record notes one behaviour event of a session: of a citizen's own
// session only (session.citizensOwn, SPEC K5). Callers need not check the
// role.
func (l *eventLog) record(sess *session, kind, detail string, at time.Time) {
	if !sess.citizensOwn() {
		return
	}
	l.mu.Lock()
	l.buf = append(l.buf, storage.Event{SessionHash: sess.tokenHash, CitizenID: sess.actor.CitizenID, Kind: kind, Detail: detail, At: at})
	full := len(l.buf) >= maxBufferedEvents
	l.mu.Unlock()
	if full {
		select {
		case l.full <- struct{}{}:
		default: // the writer has been asked already
		}
	}
}

// flush stores the buffered events; those it could not store stay buffered,
// ahead of any recorded meanwhile.
func (l *eventLog) flush(ctx context.Context) error {
	l.writing.Lock()
	defer l.writing.Unlock()
	l.mu.Lock()
	batch := l.buf
	l.buf = nil
	l.mu.Unlock()
	if err := l.store.InsertEvents(ctx, batch); err != nil {
		l.mu.Lock()
		l.buf = append(batch, l.buf...)
		l.mu.Unlock()
		return err
	}
	return nil
}
