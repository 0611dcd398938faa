package jobs

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"jobnet/server/dbtest"
	"jobnet/server/demo"
	"jobnet/server/servertest"
	"jobnet/server/storage"
	"jobnet/shared"
)

// The anonymised export of the Jobsøgningsdata (SPEC E1): the job writes
// each pending export with pseudonyms of its own, the period's events only,
// the time cut to the minute; retention deletes it after 30 days.
func TestBehaviourExport(t *testing.T) {
	db := dbtest.MustOpenDB(t)
	ctx := context.Background()
	store := storage.New(db, nil)
	now := servertest.Now
	if err := demo.Seed(ctx, store, now); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, cpr := range []string{"120385-1231", "030792-2468"} {
		c, err := store.CitizenByCPR(ctx, shared.CPR(cpr))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	from := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, 1, 0)
	// Our own events in March; the demo's lie elsewhere or are counted out
	// by their kind.
	events := []storage.Event{
		{SessionHash: []byte("session-a"), CitizenID: ids[0], Kind: "exporttest", Detail: "/minplan", At: from.Add(90*time.Minute + 17*time.Second)},
		{SessionHash: []byte("session-a"), CitizenID: ids[0], Kind: "exporttest", Detail: "/joblog", At: from.Add(91 * time.Minute)},
		{SessionHash: []byte("session-b"), CitizenID: ids[0], Kind: "exporttest", Detail: "/cv", At: from.Add(48 * time.Hour)},
		{SessionHash: []byte("session-c"), CitizenID: ids[1], Kind: "exporttest", Detail: "q=kok", At: to.Add(-time.Second)},
		{SessionHash: []byte("session-c"), CitizenID: ids[1], Kind: "exporttest", Detail: "outside", At: to},
		{SessionHash: []byte("session-c"), CitizenID: ids[1], Kind: "exporttest", Detail: "before", At: from.Add(-time.Second)},
	}
	if err := store.InsertEvents(ctx, events); err != nil {
		t.Fatal(err)
	}
	// The request is checked at its fields.
	for name, c := range map[string]struct {
		from, to time.Time
		field    string
	}{
		"NoPeriod":  {time.Time{}, to, "from"},
		"Backwards": {to, from, "to"},
		"TooLong":   {from, from.AddDate(0, 0, storage.BehaviourExportMaxDays+1), "to"},
	} {
		_, err := store.RequestBehaviourExport(ctx, "star", c.from, c.to, now)
		var e *shared.Error
		if !asError(err, &e) || e.Code != shared.EInvalid || e.FieldMessage(c.field) == "" {
			t.Errorf("%s: %v", name, err)
		}
	}
	first, err := store.RequestBehaviourExport(ctx, "star", from, to, now)
	if err != nil {
		t.Fatal(err)
	}
	second, err := store.RequestBehaviourExport(ctx, "star", from, to, now)
	if err != nil {
		t.Fatal(err)
	}
	if st, _, err := store.BehaviourExportFile(ctx, "star", first.ID); err != nil || st.Finished != nil {
		t.Fatalf("before the job: %+v %v", st, err)
	}
	if _, _, err := store.BehaviourExportFile(ctx, "jc-101", first.ID); !storage.IsNotFound(err) {
		t.Errorf("another organisation's request: %v", err)
	}

	w := &behaviourExportsWorker{store: store, log: slog.New(slog.NewTextHandler(io.Discard, nil)), now: func() time.Time { return now }}
	if err := w.Work(ctx, &river.Job[BehaviourExportsArgs]{}); err != nil {
		t.Fatal(err)
	}
	read := func(id int64) []storage.BehaviourExportRow {
		t.Helper()
		st, content, err := store.BehaviourExportFile(ctx, "star", id)
		if err != nil || st.Finished == nil || !st.Finished.Equal(now) {
			t.Fatalf("export %d: %+v %v", id, st, err)
		}
		var out []storage.BehaviourExportRow
		sc := bufio.NewScanner(bytes.NewReader(content))
		for sc.Scan() {
			var r storage.BehaviourExportRow
			dec := json.NewDecoder(strings.NewReader(sc.Text()))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&r); err != nil {
				t.Fatalf("line %q: %v", sc.Text(), err)
			}
			if r.Kind == "exporttest" {
				out = append(out, r)
			}
		}
		for _, secret := range []string{"session-a", "120385", `"citizen_id"`} {
			if bytes.Contains(content, []byte(secret)) {
				t.Errorf("the file holds %q", secret)
			}
		}
		return out
	}
	a := read(first.ID)
	if len(a) != 4 {
		t.Fatalf("%d of our events in the file, want the 4 in [from, to): %+v", len(a), a)
	}
	if a[0].Detail != "/minplan" || !a[0].At.Equal(from.Add(90*time.Minute)) || a[3].Detail != "q=kok" {
		t.Errorf("order or time: %+v", a)
	}
	// One citizen, one pseudonym; one session, one pseudonym.
	if a[0].Citizen != a[1].Citizen || a[0].Citizen != a[2].Citizen || a[0].Citizen == a[3].Citizen ||
		a[0].Session != a[1].Session || a[0].Session == a[2].Session ||
		!strings.HasPrefix(a[0].Citizen, "b-") || len(a[0].Citizen) != 18 || !strings.HasPrefix(a[0].Session, "s-") {
		t.Errorf("pseudonyms: %+v", a)
	}
	// Another export of the same period cannot be linked to the first.
	b := read(second.ID)
	if len(b) != 4 || b[0].Citizen == a[0].Citizen || b[0].Session == a[0].Session {
		t.Errorf("the second export's pseudonyms are the first's: %+v", b)
	}
	// A run with nothing pending writes nothing.
	if n, err := store.RunBehaviourExports(ctx, now); n != 0 || err != nil {
		t.Errorf("a run with nothing pending: %d %v", n, err)
	}

	// Retention: 30 days after the request.
	rw := &retentionWorker{store: store, log: slog.New(slog.NewTextHandler(io.Discard, nil)), idle: 20 * time.Minute,
		now: func() time.Time { return now.AddDate(0, 0, 30) }}
	job := &river.Job[RetentionArgs]{Args: RetentionArgs{Rule: "behaviour_exports"}}
	if err := rw.Work(ctx, job); err != nil {
		t.Fatal(err)
	}
	if _, _, err := store.BehaviourExportFile(ctx, "star", first.ID); err != nil {
		t.Errorf("deleted on its 30th day: %v", err)
	}
	rw.now = func() time.Time { return now.AddDate(0, 0, 30).Add(time.Second) }
	if err := rw.Work(ctx, job); err != nil {
		t.Fatal(err)
	}
	if _, _, err := store.BehaviourExportFile(ctx, "star", first.ID); !storage.IsNotFound(err) {
		t.Errorf("kept past 30 days: %v", err)
	}
}

func asError(err error, target **shared.Error) bool {
	e, ok := err.(*shared.Error)
	*target = e
	return ok
}

// TestPeriodicBehaviourExports: a worker process looks for pending exports
// on start, and writes them.
func TestPeriodicBehaviourExports(t *testing.T) {
	db := dbtest.MustOpenDB(t)
	ctx := context.Background()
	store := storage.New(db, nil)
	if err := demo.Seed(ctx, store, servertest.Now); err != nil {
		t.Fatal(err)
	}
	req, err := store.RequestBehaviourExport(ctx, "star", servertest.Now.AddDate(0, 0, -7), servertest.Now, servertest.Now)
	if err != nil {
		t.Fatal(err)
	}
	newQueue(t, db, Config{Work: true, PollEvery: 100 * time.Millisecond, Now: func() time.Time { return servertest.Now }, IdleTimeout: 20 * time.Minute})
	deadline := time.Now().Add(15 * time.Second)
	for {
		st, _, err := store.BehaviourExportFile(ctx, "star", req.ID)
		if err != nil {
			t.Fatal(err)
		}
		if st.Finished != nil {
			return
		}
		if time.Now().After(deadline) {
			var state, errs string
			_ = db.QueryRowContext(ctx, "SELECT state::text, coalesce(errors::text, '') FROM river_job WHERE kind = 'behaviour_exports' LIMIT 1").Scan(&state, &errs)
			t.Fatalf("the pending export was not written (job %q %s)", state, errs)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
