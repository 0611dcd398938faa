package storage_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"jobnet/server/dbtest"
	"jobnet/server/storage"
	"jobnet/shared"
)

// BenchmarkCalendarMonth (issue 13: "Calendar month for a citizen with a
// year of everything: p99 ≤ 10 ms"): one month of the Kalender — the
// month's one statement and the placing of its entries — for a citizen
// with a year of everything: a plan of 150 items over the year (a weekly
// agreement, interventions, krav til jobsøgning), 1,300 logs (five a
// working day), 104 meetings (two a week, every eighth cancelled), 12
// booking deadlines and a feed; beside another citizen with the same.
// Reports p50 and p99 beside the mean, and the same of a floor: a
// primary-key SELECT through the same pool in the same loop.
// go test ./server/storage -run '^$' -bench CalendarMonth
func BenchmarkCalendarMonth(b *testing.B) {
	ctx := context.Background()
	db := dbtest.MustOpenDB(b)
	s := storage.New(db, nil)
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		b.Fatal(err)
	}
	start := shared.DateOf(now.AddDate(-1, 0, 0))
	var cs []storage.Citizen
	for i, cpr := range []string{"010203-1234", "010203-1235"} {
		if err := s.Seed(ctx, storage.Seed{Organisations: []shared.Organisation{{Code: "jc-1", Kind: shared.OrgJobcenter, Name: "Jobcenter"}},
			Citizens: []storage.SeedCitizen{{CPR: cpr, Name: fmt.Sprint("Test ", i), Jobcenter: "jc-1", Enrolment: shared.EnrolmentTilmeldt}}}, now); err != nil {
			b.Fatal(err)
		}
		who, err := s.CitizenByCPR(ctx, shared.CPR(cpr))
		if err != nil {
			b.Fatal(err)
		}
		c := s.Citizen(who.ID)
		cs = append(cs, c)
		p := shared.Plan{VersionID: "v1", Type: shared.PlanJob}
		p.Items = append(p.Items, shared.PlanItem{ID: "krav", Kind: "krav_til_jobsoegning", Title: "Krav til jobsøgning", Period: shared.Period{From: start}})
		kinds := []shared.ItemKind{"virksomhedspraktik", "loentilskud", "kursus", "uddannelse", "mentor", "sundhedsindsats"}
		for w := range 52 {
			d := start.AddDays(7 * w)
			p.Items = append(p.Items, shared.PlanItem{ID: fmt.Sprint("m", w), Kind: "aftale_jobcenter", Title: "Jobsamtale", Period: shared.Period{From: d, To: d}})
		}
		for j := range 97 {
			from := start.AddDays(j * 4)
			p.Items = append(p.Items, shared.PlanItem{ID: fmt.Sprint("i", j), Kind: kinds[j%len(kinds)], Title: fmt.Sprint("Indsats ", j),
				Period: shared.Period{From: from, To: from.AddDays(10 + j%40)}})
		}
		for v := range 3 { // published thrice: the feed's history
			p.VersionID = fmt.Sprint(cpr, "-v", v)
			if err := c.PublishPlan(ctx, "jc-1", p, now.AddDate(0, 0, v-3)); err != nil {
				b.Fatal(err)
			}
		}
		for d := range 365 {
			day := start.AddDays(d)
			if day.Weekday() >= 5 {
				continue
			}
			for k := range 5 {
				in := aJoblog(fmt.Sprintf("Stilling %d-%d", d, k), "Firma", shared.JoblogApplied)
				deadline := day.AddDays(k * 3)
				in.Deadline = &deadline
				if _, err := c.CreateJoblog(ctx, in, timeOfDay(day, loc)); err != nil {
					b.Fatal(err)
				}
			}
		}
		for w := range 104 {
			at := timeOfDay(start.AddDays(w*7/2), loc).Add(10 * time.Hour)
			status, by := "planned", any(nil)
			if w%8 == 0 {
				status, by = "cancelled", "org"
			}
			if _, err := db.NewRaw(`INSERT INTO meetings (citizen_id, org, origin_id, type_name, form, starts_at, ends_at, status, cancelled_by, updated_at)
				VALUES (?, 'jc-1', ?, 'Jobsamtale', 'Telefonisk', ?, ?, ?, ?, ?)`, c.ID(), fmt.Sprint(cpr, "-m", w), at, at.Add(30*time.Minute),
				status, by, now).Exec(ctx); err != nil {
				b.Fatal(err)
			}
		}
		for m := range 12 {
			if _, err := db.NewRaw(`INSERT INTO meeting_deadlines (citizen_id, org, origin_id, due, type_codes) VALUES (?, 'jc-1', ?, ?, '{JS}')`,
				c.ID(), fmt.Sprint(cpr, "-f", m), start.AddMonths(m).AddDays(14).String()).Exec(ctx); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := c.CreateCalendarFeed(ctx, now); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := db.ExecContext(ctx, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	month := shared.YearMonthOf(start.AddMonths(6))
	var citizenID int64 = cs[0].ID()
	var took, floor []time.Duration
	entries := 0
	for b.Loop() {
		t0 := time.Now()
		d, err := cs[0].CalendarMonth(ctx, month, loc)
		if err != nil {
			b.Fatal(err)
		}
		m := d.ForCitizen()
		took = append(took, time.Since(t0))
		entries = len(m.Entries)
		t0 = time.Now()
		var id int64
		if err := db.DB.QueryRowContext(ctx, "SELECT id FROM citizens WHERE id = $1", pgx.QueryExecModeCacheStatement, citizenID).Scan(&id); err != nil {
			b.Fatal(err)
		}
		floor = append(floor, time.Since(t0))
	}
	if entries < 100 {
		b.Fatalf("the month has %d entries: not a year of everything", entries)
	}
	b.ReportMetric(float64(entries), "entries")
	reportBesideFloor(b, took, floor)
}

func timeOfDay(d shared.Date, loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 9, 0, 0, 0, loc)
}
