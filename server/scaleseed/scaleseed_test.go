package scaleseed

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/uptrace/bun"

	"jobnet/server"
	"jobnet/server/dbtest"
	"jobnet/server/findjob"
	"jobnet/server/servertest"
	"jobnet/server/storage"
	"jobnet/shared"
)

func TestMain(m *testing.M) {
	checkEvery = 1 // every log judged
	dbtest.Main(m)
}

const (
	testCitizens = 2000
	testAds      = 1000
)

// TestSeed builds a small data set, checks each stage's rows, builds it
// again (nothing doubles), and reads the pages of a generated citizen
// through the real server.
func TestSeed(t *testing.T) {
	ctx := context.Background()
	db := dbtest.MustOpenDB(t)
	store := storage.New(db, nil)
	ix, err := findjob.Default()
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Citizens: testCitizens, Ads: testAds, Seed: 15, Now: servertest.Now, Index: ix, Workers: 2}
	first, err := Run(ctx, db, store, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != len(StageNames()) {
		t.Fatalf("%d stages ran, want %d", len(first), len(StageNames()))
	}
	for _, r := range first {
		if r.Skipped || r.Rows == 0 {
			t.Errorf("first run: stage %s skipped %v with %d rows", r.Stage, r.Skipped, r.Rows)
		}
	}
	counts := tableCounts(t, db)
	// What each table must hold per citizen, at least and at most.
	want := map[string][2]int{
		"citizens": {testCitizens, testCitizens}, "citizen_accounts": {testCitizens, testCitizens},
		"forloeb": {testCitizens, 2 * testCitizens}, "enrolments": {testCitizens / 5, testCitizens},
		"plan_versions": {testCitizens, testCitizens}, "counters": {testCitizens / 5, testCitizens},
		"joblogs": {3 * testCitizens, 41 * testCitizens}, "messages": {testCitizens, 8 * testCitizens},
		"meetings": {testCitizens, 4 * testCitizens}, "sessions": {testCitizens, 4 * testCitizens},
		"login_events": {testCitizens, 4 * testCitizens}, "absences": {1, testCitizens},
		"meeting_offers": {90, 98}, "meeting_slots": {90 * 60, 98 * 200}, "job_ads": {testAds, testAds},
	}
	for table, w := range want {
		if n := counts[table]; n < w[0] || n > w[1] {
			t.Errorf("%s: %d rows, want %d–%d", table, n, w[0], w[1])
		}
	}
	// The stages' own counts add up to the tables'.
	var recorded int
	if err := db.NewRaw(`SELECT sum(rows) FROM scale_seed_stages WHERE stage NOT IN ('organisations')`).Scan(ctx, &recorded); err != nil {
		t.Fatal(err)
	}
	sum := 0
	for table := range want {
		if table != "meeting_offers" {
			sum += counts[table]
		}
	}
	if recorded != sum+counts["meeting_offers"] {
		t.Errorf("the stages recorded %d rows, the tables hold %d", recorded, sum+counts["meeting_offers"])
	}

	// The plans are compressed with lz4 where PostgreSQL has it.
	var lz4, pglz int
	if err := db.NewRaw(`SELECT count(*) FILTER (WHERE pg_column_compression(data) = 'lz4'),
		count(*) FILTER (WHERE pg_column_compression(data) = 'pglz') FROM plan_versions`).Scan(ctx, &lz4, &pglz); err != nil {
		t.Fatal(err)
	}
	if pglz > 0 && lz4 == 0 {
		t.Logf("PostgreSQL without lz4: %d plans compressed with pglz", pglz)
	} else if lz4 == 0 || pglz > 0 {
		t.Errorf("plans compressed: %d with lz4, %d with pglz", lz4, pglz)
	}

	// Every table seeded has its statistics (ANALYZE in its stage).
	var unanalyzed []string
	if err := db.NewRaw(`SELECT relname FROM pg_stat_user_tables WHERE relname IN (?) AND last_analyze IS NULL`,
		bun.In(slices.Collect(maps.Keys(want)))).Scan(ctx, &unanalyzed); err != nil {
		t.Fatal(err)
	}
	if len(unanalyzed) > 0 {
		t.Errorf("not analyzed: %v", unanalyzed)
	}

	// Every CPR number passes shared's validator, as is.
	var cprs []string
	if err := db.NewSelect().Table("citizens").Column("cpr").Scan(ctx, &cprs); err != nil {
		t.Fatal(err)
	}
	for _, c := range cprs {
		if p, err := shared.ParseCPR(c); err != nil || string(p) != c {
			t.Errorf("CPR %s: %v", c, err)
		}
	}

	second, err := Run(ctx, db, store, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range second {
		if !r.Skipped {
			t.Errorf("second run: stage %s ran again", r.Stage)
		}
	}
	if again := tableCounts(t, db); !equal(again, counts) {
		t.Errorf("second run changed the counts:\n%v\nwas\n%v", again, counts)
	}
	other := cfg
	other.Citizens++
	if _, err := Run(ctx, db, store, other); err == nil || !strings.Contains(err.Error(), "data set of size") {
		t.Errorf("a run of another size on the data set: %v", err)
	}

	readPages(t, db, store)
}

// A stage that fails leaves nothing: its transaction rolls back, and the
// next run does it whole.
func TestStageRollsBack(t *testing.T) {
	ctx := context.Background()
	db := dbtest.MustOpenDB(t)
	store := storage.New(db, nil)
	ix, err := findjob.Default()
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Citizens: 50, Ads: 0, Seed: 15, Now: servertest.Now, Index: ix}
	places, err := store.JoblogPlaces(ctx)
	if err != nil {
		t.Fatal(err)
	}
	g, err := newGenerator(cfg, shared.DateOf(cfg.Now), places)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := runStage(ctx, db, g, "organisations", cfg.Citizens, func(ctx context.Context, tx pgx.Tx) (int64, error) {
		return seedOrganisations(ctx, tx, g)
	}); err != nil {
		t.Fatal(err)
	}
	_, err = runStage(ctx, db, g, "citizens", cfg.Citizens, func(ctx context.Context, tx pgx.Tx) (int64, error) {
		if _, err := seedCitizens(ctx, tx, g); err != nil {
			return 0, err
		}
		return 0, errInterrupted
	})
	if !errors.Is(err, errInterrupted) {
		t.Fatalf("stage: %v", err)
	}
	if n := tableCounts(t, db)["citizens"]; n != 0 {
		t.Fatalf("%d citizens left by the failed stage", n)
	}
	if _, err := Run(ctx, db, store, cfg); err != nil {
		t.Fatal(err)
	}
	if n := tableCounts(t, db)["citizens"]; n != cfg.Citizens {
		t.Fatalf("%d citizens after the rerun, want %d", n, cfg.Citizens)
	}
}

func tableCounts(t *testing.T, db *bun.DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"citizens", "citizen_accounts", "forloeb", "enrolments", "plan_versions", "counters", "joblogs",
		"messages", "meetings", "sessions", "login_events", "absences", "meeting_offers", "meeting_slots", "job_ads"} {
		n, err := db.NewSelect().Table(table).Count(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		out[table] = int(n)
	}
	return out
}

func equal(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// readPages logs in as a generated dagpengemodtager with the shared
// password and reads the front page, Min Plan, the counters, the Joblog
// and the calendar's month: each answers 200 and decodes.
func readPages(t *testing.T, db *bun.DB, store *storage.Store) {
	g, err := newGenerator(Config{Seed: 15, Now: servertest.Now}, shared.DateOf(servertest.Now), shared.JoblogPlaces{Postcodes: allPostcodes(t, store)})
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	for !g.person(i).dagpenge() {
		i++
	}
	srv, err := server.New(store, slog.New(slog.NewTextHandler(io.Discard, nil)), server.Config{IdleTimeout: 20 * time.Minute,
		WebDir: servertest.WebDir(t), Location: servertest.Copenhagen, Now: func() time.Time { return servertest.Now }, PublicRate: -1})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(func() {
		ts.Close()
		_ = srv.Close(context.Background())
	})
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	do := func(method, path, body string, v any) {
		t.Helper()
		req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
		if body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("%s %s: %d %s", method, path, resp.StatusCode, b)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s %s: decode: %v: %s", method, path, err, b)
		}
	}
	login, _ := json.Marshal(shared.LoginRequest{Username: Username(i), Password: Password})
	var session shared.Session
	do("POST", shared.APILogin, string(login), &session)

	var overview shared.Overview
	do("GET", shared.APIOverview, "", &overview)
	if overview.Name != g.person(i).name || len(overview.Forloeb) == 0 {
		t.Errorf("overview: %s with %d forløb, want %s", overview.Name, len(overview.Forloeb), g.person(i).name)
	}
	var plan shared.PlanView
	do("GET", shared.APIPlan, "", &plan)
	if plan.Plan == nil || len(plan.Plan.Items) < 5 {
		t.Errorf("Min Plan: %+v", plan.Plan)
	}
	var counters shared.Counters
	do("GET", shared.APICounters+"?view=dagpenge", "", &counters)
	if counters.Dagpenge == nil {
		t.Error("a dagpengemodtager without dagpenge counters")
	}
	var logs shared.JoblogList
	do("GET", shared.APIJoblogs, "", &logs)
	if len(logs.Logs) < 3 {
		t.Errorf("Joblog: %d logs, want at least 3", len(logs.Logs))
	}
	var month shared.CalendarMonth
	do("GET", shared.APICalendar, "", &month)
	if len(month.Entries) == 0 {
		t.Error("the calendar's month is empty")
	}
}

func allPostcodes(t *testing.T, store *storage.Store) map[string]string {
	p, err := store.JoblogPlaces(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return p.Postcodes
}

var errInterrupted = errors.New("interrupted")
