package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"jobnet/server/storage"
	"jobnet/shared"
)

// RaskmeldingerArgs applies the raskmeldinger given for a day ahead
// (storage.ApplyRaskmeldinger): every day just after midnight, Danish
// time, and when a worker starts (a run missed while no worker ran
// catches up; one already done ends nothing twice).
type RaskmeldingerArgs struct{}

// Kind names the job for River.
func (RaskmeldingerArgs) Kind() string { return "fravaer_raskmeldinger" }

// RaskmeldingRunHour is the hour of the daily run: the first of the day,
// so that the citizen is well on the whole of the day they gave.
const RaskmeldingRunHour = 0

type raskmeldingerWorker struct {
	river.WorkerDefaults[RaskmeldingerArgs]
	store *storage.Store
	log   *slog.Logger
	now   func() time.Time
	loc   *time.Location
}

func (w *raskmeldingerWorker) Work(ctx context.Context, job *river.Job[RaskmeldingerArgs]) error {
	now := w.now().In(w.loc)
	n, err := w.store.ApplyRaskmeldinger(ctx, shared.DateOf(now), now)
	if err != nil {
		w.log.Warn("raskmeldinger: failed; River tries again", "ended", n, "err", err)
		return err
	}
	w.log.Info("raskmeldinger: run", "ended", n)
	return nil
}
