package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"jobnet/server/storage"
)

// BehaviourExportsArgs writes the pending anonymised exports of the
// Jobsøgningsdata (SPEC E1, storage.RunBehaviourExports): every
// BehaviourExportEvery and when a worker starts. STAR's request only
// records the period, so that a request never waits for the file and a
// process without a queue (the tests', a serving-only one) can take it.
type BehaviourExportsArgs struct{}

// Kind names the job for River.
func (BehaviourExportsArgs) Kind() string { return "behaviour_exports" }

// BehaviourExportEvery is how often pending exports are looked for.
const BehaviourExportEvery = 5 * time.Minute

type behaviourExportsWorker struct {
	river.WorkerDefaults[BehaviourExportsArgs]
	store *storage.Store
	log   *slog.Logger
	now   func() time.Time
}

func (w *behaviourExportsWorker) Work(ctx context.Context, job *river.Job[BehaviourExportsArgs]) error {
	start := time.Now()
	n, err := w.store.RunBehaviourExports(ctx, w.now())
	if err != nil {
		// Each export is written in its own transaction; River's retry
		// writes the rest.
		w.log.Warn("behaviour exports: failed; River tries again", "written", n, "err", err)
		return err
	}
	if n > 0 {
		w.log.Info("behaviour exports: written", "exports", n, "took", time.Since(start))
	}
	return nil
}
