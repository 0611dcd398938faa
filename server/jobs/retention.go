package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"jobnet/server/storage"
)

// RetentionArgs runs one retention rule (storage.RetentionRules, SPEC E2).
type RetentionArgs struct {
	Rule string `json:"rule"`
}

// Kind names the job for River.
func (RetentionArgs) Kind() string { return "retention" }

// retentionBatch bounds each delete, so that no statement holds its locks
// for long.
const retentionBatch = 5000

// retentionWorker deletes what a rule says is past its period. It first
// counts and logs the figure (in a dry run, only that); deleting what is
// already deleted deletes nothing, so a job that runs twice, or is retried
// after a crash, does no harm.
type retentionWorker struct {
	river.WorkerDefaults[RetentionArgs]
	store  *storage.Store
	log    *slog.Logger
	now    func() time.Time
	idle   time.Duration
	dryRun bool
}

func (w *retentionWorker) Work(ctx context.Context, job *river.Job[RetentionArgs]) error {
	var rule *storage.RetentionRule
	for _, r := range storage.RetentionRules(w.idle) {
		if r.Name == job.Args.Rule {
			rule = &r
		}
	}
	if rule == nil {
		return river.JobCancel(fmt.Errorf("no retention rule %q", job.Args.Rule))
	}
	now := w.now()
	n, err := w.store.CountExpired(ctx, *rule, now)
	if err != nil {
		return err
	}
	log := w.log.With("rule", rule.Name, "older_than", rule.Cutoff(now).Format(time.RFC3339))
	if w.dryRun {
		log.Info("retention (dry run): would delete", "rows", n)
		return nil
	}
	log.Info("retention: past their period", "rows", n)
	if n == 0 {
		return nil
	}
	deleted := 0
	for {
		d, err := w.store.DeleteExpired(ctx, *rule, now, retentionBatch)
		deleted += d
		if err != nil {
			return err
		}
		if d < retentionBatch {
			break
		}
	}
	log.Info("retention: deleted", "rows", deleted)
	return nil
}
