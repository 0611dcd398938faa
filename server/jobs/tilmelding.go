package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"jobnet/server/storage"
)

// EnrolmentChangesArgs applies what Til- og afmelding set for a later day
// (storage.ApplyEnrolmentChanges): afmeldinger on their day, kontanthjælp
// enrolments the jobcenter did not effectuate in time, and dimittender
// whose dagpengeret has come. Every day at EnrolmentChangesHour, Danish
// time, and when a worker starts (a run missed while no worker ran
// catches up; a second run on one day finds nothing).
type EnrolmentChangesArgs struct{}

// Kind names the job for River.
func (EnrolmentChangesArgs) Kind() string { return "enrolment_changes" }

// EnrolmentChangesHour is the hour of the daily run: just after midnight,
// so an afmelding holds from the first hour of its day, and before the
// front page's busy morning.
const EnrolmentChangesHour = 0

type enrolmentChangesWorker struct {
	river.WorkerDefaults[EnrolmentChangesArgs]
	store *storage.Store
	log   *slog.Logger
	now   func() time.Time
	loc   *time.Location
}

func (w *enrolmentChangesWorker) Work(ctx context.Context, job *river.Job[EnrolmentChangesArgs]) error {
	n, err := w.store.ApplyEnrolmentChanges(ctx, w.now().In(w.loc))
	if err != nil {
		// Each kind's changes commit on their own; River's retry does the rest.
		w.log.Warn("enrolment changes: failed; River tries again", "deregistered", n.Deregistered, "lapsed", n.Lapsed,
			"switched", n.Switched, "err", err)
		return err
	}
	w.log.Info("enrolment changes: run", "deregistered", n.Deregistered, "lapsed", n.Lapsed, "switched", n.Switched)
	return nil
}
