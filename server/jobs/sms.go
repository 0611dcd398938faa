package jobs

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"jobnet/server/sms"
	"jobnet/server/storage"
)

// sendSMSWorker sends an SMS outbox row through NemSMS's seam
// (storage.SendFromSMSOutbox: once, sent_at in the same transaction). A
// number NemSMS does not know is refused for good; anything else is
// retried with River's backoff, as a mail.
type sendSMSWorker struct {
	river.WorkerDefaults[storage.SendSMSJob]
	store *storage.Store
	sms   sms.Provider
	log   *slog.Logger
	now   func() time.Time
}

func (w *sendSMSWorker) Work(ctx context.Context, job *river.Job[storage.SendSMSJob]) error {
	id := job.Args.OutboxID
	err := w.store.SendFromSMSOutbox(ctx, id, w.now, w.sms.Send)
	log := w.log.With("sms_outbox", id, "attempt", job.Attempt)
	switch {
	case err == nil:
		return nil
	case storage.IsNotFound(err):
		log.Info("sms: the outbox row is gone; nothing to send")
		return river.JobCancel(err)
	case errors.Is(err, sms.ErrNotVerified):
		log.Warn("sms: NemSMS does not know the number; not sent", "err", err)
		return river.JobCancel(err)
	case job.Attempt >= job.MaxAttempts:
		log.Error("sms: not sent; no attempts left", "err", err)
	default:
		log.Warn("sms: not sent; River tries again", "err", err)
	}
	return err
}
