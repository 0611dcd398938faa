package jobs

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"jobnet/server/dbtest"
	"jobnet/server/demo"
	"jobnet/server/servertest"
	"jobnet/server/storage"
	"jobnet/shared"
)

// TestHistorikRetention: the retention job, on the test clock, deletes
// Historik's registrations three years after their last day and its
// moments three years after they happened (SPEC D12, E2). The demo's
// Historik of Mads, seeded three years less 60 days ago, keeps what ended
// within the three years — the raskmelding of 58 days before the seed,
// two days inside, and the holiday then ahead — and loses the rest; every
// plan version and held meeting stays ("alle"). Only Mads' rows count.
func TestHistorikRetention(t *testing.T) {
	db := dbtest.MustOpenDB(t)
	ctx := context.Background()
	store := storage.New(db, nil)
	now := servertest.Now
	seeded := now.AddDate(-3, 0, 60)
	if err := demo.Seed(ctx, store, seeded); err != nil {
		t.Fatal(err)
	}
	mads, err := store.CitizenByCPR(ctx, demo.HistorikCitizen)
	if err != nil {
		t.Fatal(err)
	}
	c := store.Citizen(mads.ID)
	count := func(q string) int {
		t.Helper()
		var n int
		if err := db.NewRaw(q, mads.ID).Scan(ctx, &n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	plans, meetings := count(`SELECT count(*) FROM plan_versions WHERE citizen_id = ?`), count(`SELECT count(*) FROM meetings WHERE citizen_id = ?`)
	if plans == 0 || meetings == 0 {
		t.Fatalf("the demo gave Mads %d plans and %d meetings", plans, meetings)
	}
	w := &retentionWorker{store: store, log: slog.New(slog.NewTextHandler(io.Discard, nil)), now: func() time.Time { return now }, idle: 20 * time.Minute}
	for _, r := range storage.RetentionRules(20 * time.Minute) {
		if err := w.Work(ctx, &river.Job[RetentionArgs]{Args: RetentionArgs{Rule: r.Name}}); err != nil {
			t.Fatal(err)
		}
	}
	today := shared.DateOf(now)
	as, err := c.Absences(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if !shared.HistoryKept(a.Period, today) {
			t.Errorf("an absence past three years is left: %+v", a)
		}
	}
	var kept []string
	for _, a := range as {
		kept = append(kept, string(a.Kind)+" "+a.Text)
	}
	if want := []string{"ferie Vinterferie med familien", "sygdom "}; !slices.Equal(kept, want) {
		t.Errorf("absences left %q, want %q", kept, want)
	}
	// His current enrolment is open, so kept; the earlier one ended 481
	// days before the seed, so went.
	if n := count(`SELECT count(*) FROM enrolments WHERE citizen_id = ? AND to_date IS NOT NULL`); n != 0 {
		t.Errorf("%d ended enrolments left, want none (the demo's ended 481 days before the seed)", n)
	}
	if n := count(`SELECT count(*) FROM enrolments WHERE citizen_id = ? AND to_date IS NULL`); n != 1 {
		t.Errorf("%d open enrolments, want his current one", n)
	}
	var old int
	if err := db.NewRaw(`SELECT count(*) FROM cv_searchability_history WHERE citizen_id = ? AND at < ?`, mads.ID, now.AddDate(-3, 0, 0)).Scan(ctx, &old); err != nil || old != 0 {
		t.Errorf("%d søgbarhed changes past three years left (%v)", old, err)
	}
	if got := count(`SELECT count(*) FROM plan_versions WHERE citizen_id = ?`); got != plans {
		t.Errorf("plans: %d left of %d", got, plans)
	}
	if got := count(`SELECT count(*) FROM meetings WHERE citizen_id = ?`); got != meetings {
		t.Errorf("meetings: %d left of %d", got, meetings)
	}
}
