package storage_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

var copenhagen = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		panic(err)
	}
	return loc
}()

// TestCalendarMonth: the month's query places the logs by the same rule
// as shared.JoblogCalendarDay (the deadline, an activity's date, else the
// day made in Danish time: a log made at 00:30 on 1 January is January's),
// reads the current plan only, and says whether a feed exists.
func TestCalendarMonth(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	dec := shared.YearMonth{Year: 2026, Month: time.December}
	day := func(s string) *shared.Date { d := shared.MustDate(s); return &d }

	job := aJoblog("Lagerarbejder", "Lager A/S", shared.JoblogApplied)
	job.Deadline = day("2026-12-15")
	if _, err := c.CreateJoblog(ctx, job, now); err != nil {
		t.Fatal(err)
	}
	lateDeadline := aJoblog("Kok", "Kantinen", "")
	lateDeadline.Deadline = day("2027-01-02")
	if _, err := c.CreateJoblog(ctx, lateDeadline, time.Date(2026, 12, 20, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateJoblog(ctx, shared.JoblogInput{Kind: shared.JoblogActivity, Title: "Jobmesse", Date: day("2026-12-01")}, now); err != nil {
		t.Fatal(err)
	}
	// Logs without their date (written before the form required one, or
	// by a case system): placed on the day made, in Danish time.
	for _, at := range []time.Time{time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC), time.Date(2026, 12, 31, 22, 30, 0, 0, time.UTC)} {
		if _, err := db.NewRaw(`INSERT INTO joblogs (citizen_id, kind, search, log, created_at, updated_at)
			VALUES (?, 'anden_aktivitet', '', '{"kind":"anden_aktivitet","title":"Udateret"}', ?, ?)`, c.ID(), at, at).Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
	old := shared.Plan{VersionID: "v1", Type: shared.PlanJob, Items: []shared.PlanItem{
		{ID: "gammel", Kind: "kursus", Title: "Gammelt kursus", Period: shared.Period{From: *day("2026-12-02"), To: *day("2026-12-02")}}}}
	cur := shared.Plan{VersionID: "v2", Type: shared.PlanJob, Items: []shared.PlanItem{
		{ID: "m1", Kind: "aftale_jobcenter", Title: "Jobsamtale", Period: shared.Period{From: *day("2026-12-03"), To: *day("2026-12-03")}},
		{ID: "p1", Kind: "virksomhedspraktik", Title: "Praktik", Period: shared.Period{From: *day("2026-11-20"), To: *day("2026-12-18")}}}}
	for i, p := range []shared.Plan{old, cur} {
		if err := c.PublishPlan(ctx, "jc-1", p, now.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}

	ids := func(m shared.CalendarMonth) []string {
		var out []string
		for _, e := range m.Entries {
			out = append(out, e.ID+"@"+e.Date.String())
		}
		return out
	}
	d, err := c.CalendarMonth(ctx, dec, copenhagen)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Joblogs) != 3 {
		t.Errorf("the query sent %d logs, want December's 3: %+v", len(d.Joblogs), d.Joblogs)
	}
	got := ids(d.ForCitizen())
	want := []string{"joblog-3@2026-12-01", "aftale-m1@2026-12-03", "joblog-1@2026-12-15", "indsats-p1-slut@2026-12-18", "joblog-5@2026-12-31"}
	if !slices.Equal(got, want) {
		t.Errorf("December: %v, want %v", got, want)
	}
	if d.Feed.Active {
		t.Error("no feed yet")
	}
	jan, err := c.CalendarMonth(ctx, dec.Add(1), copenhagen)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(jan.ForCitizen()), []string{"joblog-4@2027-01-01", "joblog-2@2027-01-02"}; !slices.Equal(got, want) {
		t.Errorf("January: %v, want %v", got, want)
	}
	// Read again (the plan from the cache): the same.
	again, err := c.CalendarMonth(ctx, dec, copenhagen)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(again.ForCitizen()), want) {
		t.Errorf("again: %v", ids(again.ForCitizen()))
	}

	// The feed: shown once, only its hash kept; a new one replaces the old;
	// revoked, it is not found.
	s := storage.New(db, nil)
	secret, err := c.CreateCalendarFeed(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	if owner, err := s.CalendarFeedCitizen(ctx, secret); err != nil || owner.ID() != c.ID() {
		t.Fatalf("feed of %v, %v", owner.ID(), err)
	}
	var stored int
	if err := db.NewRaw(`SELECT count(*) FROM calendar_feeds WHERE secret_hash = ?`, []byte(secret)).Scan(ctx, &stored); err != nil || stored != 0 {
		t.Errorf("the secret itself is stored (%d, %v)", stored, err)
	}
	if d, _ := c.CalendarMonth(ctx, dec, copenhagen); d.Feed != (shared.CalendarFeedState{Active: true, Created: shared.DateOf(now.In(copenhagen))}) {
		t.Errorf("feed state %+v", d.Feed)
	}
	second, err := c.CreateCalendarFeed(ctx, now)
	if err != nil || second == secret {
		t.Fatalf("a new secret: %v", err)
	}
	if _, err := s.CalendarFeedCitizen(ctx, secret); !storage.IsNotFound(err) {
		t.Errorf("the replaced secret: %v", err)
	}
	if err := c.RevokeCalendarFeed(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CalendarFeedCitizen(ctx, second); !storage.IsNotFound(err) {
		t.Errorf("the revoked secret: %v", err)
	}
	if err := c.RevokeCalendarFeed(ctx); err != nil {
		t.Errorf("revoking nothing: %v", err)
	}
}

// TestCalendarFeedItems: SEQUENCE counts the versions that changed what
// the feed shows of an item, and only those.
func TestCalendarFeedItems(t *testing.T) {
	ctx := context.Background()
	_, c := oneCitizen(t)
	item := shared.PlanItem{ID: "p1", Kind: "kursus", Title: "Kursus", Period: shared.Period{From: shared.MustDate("2027-02-01"), To: shared.MustDate("2027-02-05")}}
	other := shared.PlanItem{ID: "p2", Kind: "mentor", Title: "Mentor", Period: shared.Period{From: shared.MustDate("2027-03-01")}}
	publish := func(at time.Time, items ...shared.PlanItem) {
		t.Helper()
		if err := c.PublishPlan(ctx, "jc-1", shared.Plan{VersionID: at.String(), Type: shared.PlanJob, Items: items}, at); err != nil {
			t.Fatal(err)
		}
	}
	feed := func() map[string]storage.FeedItem {
		t.Helper()
		items, err := c.CalendarFeedItems(ctx)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]storage.FeedItem{}
		for _, it := range items {
			out[it.Item.ID] = it
		}
		return out
	}
	if len(feed()) != 0 {
		t.Fatal("no plan, no items")
	}
	t1, t2, t3, t4 := now, now.Add(time.Hour), now.Add(2*time.Hour), now.Add(3*time.Hour)
	publish(t1, item, other)
	if f := feed(); f["p1"].Sequence != 0 || !f["p1"].Changed.Equal(t1) || f["p2"].Sequence != 0 {
		t.Errorf("first version: %+v", f)
	}
	moved := item
	moved.Period.To = shared.MustDate("2027-02-12")
	publish(t2, moved, other)
	if f := feed(); f["p1"].Sequence != 1 || !f["p1"].Changed.Equal(t2) || f["p2"].Sequence != 0 || !f["p2"].Changed.Equal(t1) {
		t.Errorf("moved: %+v", f)
	}
	// A status is not in the feed: no new sequence.
	withStatus := moved
	withStatus.Statuses = []shared.PlanStatus{{Date: shared.MustDate("2027-01-05"), Text: "Godt i gang"}}
	publish(t3, withStatus, other)
	if f := feed(); f["p1"].Sequence != 1 || !f["p1"].Changed.Equal(t2) {
		t.Errorf("status only: %+v", f["p1"])
	}
	// Moved back: still a change, the sequence never goes down.
	publish(t4, item)
	f := feed()
	if f["p1"].Sequence != 2 || !f["p1"].Changed.Equal(t4) {
		t.Errorf("moved back: %+v", f["p1"])
	}
	if _, ok := f["p2"]; ok {
		t.Error("an item gone from the plan is gone from the feed")
	}
}

// TestCalendarMeetings: the month's meetings by their day in Danish time
// (00:30 on 1 December is December's, 00:30 on 1 January is not), the
// deadlines due in the month that are not withdrawn; the feed's deadlines
// are the open ones, each version raised by a change only.
func TestCalendarMeetings(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.NewRaw(q, args...).Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
	meeting := func(origin string, start time.Time, status string, cancelledBy any) {
		exec(`INSERT INTO meetings (citizen_id, org, origin_id, type_name, form, starts_at, ends_at, status, cancelled_by, updated_at)
			VALUES (?, 'jc-1', ?, 'Jobsamtale', 'Telefonisk', ?, ?, ?, ?, ?)`, c.ID(), origin, start, start.Add(30*time.Minute), status, cancelledBy, now)
	}
	meeting("m1", time.Date(2026, 11, 30, 23, 30, 0, 0, time.UTC), "planned", nil) // 1 Dec 00:30
	meeting("m2", time.Date(2026, 12, 31, 23, 30, 0, 0, time.UTC), "planned", nil) // 1 Jan 00:30
	meeting("m3", time.Date(2026, 12, 10, 9, 0, 0, 0, time.UTC), "cancelled", "org")
	meeting("m4", time.Date(2026, 12, 11, 9, 0, 0, 0, time.UTC), "cancelled", "citizen")
	deadline := func(origin, due string, withdrawn bool) {
		exec(`INSERT INTO meeting_deadlines (citizen_id, org, origin_id, due, type_codes, withdrawn) VALUES (?, 'jc-1', ?, ?, '{JS}', ?)`,
			c.ID(), origin, due, withdrawn)
	}
	deadline("d1", "2026-12-20", false)
	deadline("d2", "2026-12-21", true)
	deadline("d3", "2027-01-05", false)

	d, err := c.CalendarMonth(ctx, shared.YearMonth{Year: 2026, Month: time.December}, copenhagen)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range d.ForCitizen().Entries {
		got = append(got, e.Text()+"@"+e.Date.String())
	}
	want := []string{"Møde: Jobsamtale@2026-12-01", "Møde: Jobsamtale (aflyst)@2026-12-10", "Frist: Frist for at booke et møde@2026-12-20"}
	if !slices.Equal(got, want) {
		t.Errorf("%v, want %v", got, want)
	}
	if len(d.Meetings) != 3 || d.Meetings[0].OrgKind != shared.OrgJobcenter || d.Meetings[0].Start.Location() != copenhagen {
		t.Errorf("meetings read: %+v", d.Meetings)
	}

	feed := func() map[string]int {
		t.Helper()
		f, err := c.CalendarFeed(ctx, now.AddDate(-1, 0, 0), now.AddDate(1, 0, 0))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, dl := range f.Deadlines {
			out[dl.Due.String()] = dl.Version
		}
		if len(f.Meetings) != 4 {
			t.Errorf("the feed has %d meetings, want all 4", len(f.Meetings))
		}
		return out
	}
	if got := feed(); len(got) != 2 || got["2026-12-20"] != 1 || got["2027-01-05"] != 1 {
		t.Errorf("deadlines %v", got)
	}
	exec(`UPDATE meeting_deadlines SET due = '2026-12-22' WHERE origin_id = 'd1'`)
	exec(`UPDATE meeting_deadlines SET due = '2027-01-05' WHERE origin_id = 'd3'`) // no change
	if got := feed(); got["2026-12-22"] != 2 || got["2027-01-05"] != 1 {
		t.Errorf("after a change: %v", got)
	}
}
