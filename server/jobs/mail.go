package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"jobnet/server/mail"
	"jobnet/server/storage"
)

// mailAttempts caps the sends of one mail. River waits attempt⁴ seconds
// (and some jitter) between them, so the tenth try is about five hours
// after the first; then the job is discarded and the outbox row keeps its
// last error.
const mailAttempts = 10

// sendMailWorker sends an outbox row (storage.SendFromOutbox: the row
// locked, sent once, sent_at recorded in the same transaction). A send
// that fails is retried by River with its backoff; a refusal for good
// (5xx) or a row that is gone is not.
type sendMailWorker struct {
	river.WorkerDefaults[storage.SendMailJob]
	store  *storage.Store
	sender mail.Sender
	log    *slog.Logger
	now    func() time.Time
}

func (w *sendMailWorker) Work(ctx context.Context, job *river.Job[storage.SendMailJob]) error {
	id := job.Args.OutboxID
	err := w.store.SendFromOutbox(ctx, id, w.now, w.sender.Send)
	log := w.log.With("outbox", id, "attempt", job.Attempt)
	switch {
	case err == nil:
		return nil
	case storage.IsNotFound(err):
		log.Info("mail: the outbox row is gone; nothing to send")
		return river.JobCancel(err)
	case mail.Permanent(err):
		log.Error("mail: refused for good; not sent", "err", err)
		return river.JobCancel(err)
	case job.Attempt >= job.MaxAttempts:
		log.Error("mail: not sent; no attempts left", "err", err)
	default:
		log.Warn("mail: not sent; River tries again", "err", err)
	}
	return err
}

// insertOpts are the options a job of storage's is enqueued with.
func insertOpts(job storage.Job) *river.InsertOpts {
	if _, ok := job.(storage.SendMailJob); ok {
		return &river.InsertOpts{MaxAttempts: mailAttempts}
	}
	if _, ok := job.(storage.SendSMSJob); ok {
		return &river.InsertOpts{MaxAttempts: mailAttempts}
	}
	return nil
}
