package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"jobnet/server/storage"
)

// MeetingRemindersArgs mails the reminders of the meetings two days ahead
// (storage.RemindMeetings): every day at storage.MeetingReminderHour,
// Danish time, and when a worker starts (a run missed while no worker ran
// catches up that day's; one already done sends nothing again).
type MeetingRemindersArgs struct{}

// Kind names the job for River.
func (MeetingRemindersArgs) Kind() string { return "meeting_reminders" }

type meetingRemindersWorker struct {
	river.WorkerDefaults[MeetingRemindersArgs]
	store     *storage.Store
	log       *slog.Logger
	now       func() time.Time
	loc       *time.Location
	publicURL string
}

func (w *meetingRemindersWorker) Work(ctx context.Context, job *river.Job[MeetingRemindersArgs]) error {
	n, err := w.store.RemindMeetings(ctx, w.publicURL, w.now().In(w.loc))
	if err != nil {
		// The reminders sent are marked; River's retry does the rest.
		w.log.Warn("meeting reminders: failed; River tries again", "mailed", n, "err", err)
		return err
	}
	w.log.Info("meeting reminders: run", "mailed", n)
	return nil
}
