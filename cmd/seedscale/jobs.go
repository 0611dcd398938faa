package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/uptrace/bun"

	"jobnet/server/storage"
	"jobnet/shared"
)

// retentionBatch is the retention job's batch (server/jobs).
const retentionBatch = 5000

// timeJobs runs the daily scheduled jobs over the data set as their
// workers run them — the raskmeldinger, the enrolment changes, and every
// retention rule (count, then delete in batches) — three times each,
// beside a primary-key SELECT through the same pool, and prints each run's
// time and work. The first run of a retention rule deletes the data set's
// backlog; the later runs are a day's cost with nothing new due.
func timeJobs(ctx context.Context, db *bun.DB, store *storage.Store, now time.Time, out io.Writer) error {
	today := shared.DateOf(now)
	type job struct {
		name string
		run  func() (string, error)
	}
	jobs := []job{
		{"floor: primary-key SELECT", func() (string, error) {
			var name string
			return "", db.NewRaw(`SELECT name FROM citizens WHERE id = (SELECT max(id) / 2 FROM citizens)`).Scan(ctx, &name)
		}},
		{"fravaer_raskmeldinger", func() (string, error) {
			n, err := store.ApplyRaskmeldinger(ctx, today, now)
			return fmt.Sprintf("%d ended", n), err
		}},
		{"enrolment_changes", func() (string, error) {
			c, err := store.ApplyEnrolmentChanges(ctx, now)
			return fmt.Sprintf("%d deregistered, %d lapsed, %d switched", c.Deregistered, c.Lapsed, c.Switched), err
		}},
	}
	for _, r := range storage.RetentionRules(20 * time.Minute) {
		jobs = append(jobs, job{"retention " + r.Name, func() (string, error) {
			n, err := store.CountExpired(ctx, r, now)
			if err != nil || n == 0 {
				return "nothing due", err
			}
			deleted := 0
			for {
				d, err := store.DeleteExpired(ctx, r, now, retentionBatch)
				deleted += d
				if err != nil || d < retentionBatch {
					return fmt.Sprintf("%d deleted", deleted), err
				}
			}
		}})
	}
	fmt.Fprintf(out, "\n%-36s %10s %10s %10s  %s\n", "daily job", "run 1", "run 2", "run 3", "work of run 1")
	for _, j := range jobs {
		var took []string
		var first string
		for i := range 3 {
			start := time.Now()
			work, err := j.run()
			if err != nil {
				return fmt.Errorf("%s: %w", j.name, err)
			}
			took = append(took, fmt.Sprintf("%.1f ms", float64(time.Since(start).Microseconds())/1000))
			if i == 0 {
				first = work
			}
		}
		fmt.Fprintf(out, "%-36s %10s %10s %10s  %s\n", j.name, took[0], took[1], took[2], first)
	}
	return nil
}
