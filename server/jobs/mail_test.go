package jobs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"github.com/uptrace/bun"

	"jobnet/server/dbtest"
	"jobnet/server/mail"
	"jobnet/server/servertest"
	"jobnet/server/storage"
)

// retryAtOnce retries a failed job 50 ms later, instead of River's
// attempt⁴ seconds.
type retryAtOnce struct{}

func (retryAtOnce) NextRetry(*rivertype.JobRow) time.Time {
	return time.Now().Add(50 * time.Millisecond)
}

// mailQueue is a queue that works jobs and sends its mails to a sink.
func mailQueue(t *testing.T, db *bun.DB, sink *mail.Sink) *Jobs {
	t.Helper()
	return newQueue(t, db, mailConfig(t, sink))
}

func mailConfig(t *testing.T, sink *mail.Sink) Config {
	t.Helper()
	sender, err := mail.NewSMTP(sink.URL(), "Jobnet <noreply@jobnet.local>", func() time.Time { return servertest.Now })
	if err != nil {
		t.Fatal(err)
	}
	return Config{Work: true, PollEvery: 100 * time.Millisecond, Now: func() time.Time { return servertest.Now },
		Mail: sender, retryPolicy: retryAtOnce{}}
}

func startSink(t *testing.T) *mail.Sink {
	t.Helper()
	sink, err := mail.StartSink("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sink.Close() })
	return sink
}

func letter(t *testing.T, to string) mail.Message {
	t.Helper()
	m, err := mail.Letter{Kind: mail.KindPlanChanged, Lang: mail.Danish, To: to,
		Data: mail.PlanChangedData{Name: "Mads", PlanURL: "http://jobnet.test/min-plan"}}.Message()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// waitFor polls until done reports true (15 s at most).
func waitFor(t *testing.T, what string, done func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !done() {
		if time.Now().After(deadline) {
			t.Fatalf("waited in vain for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func countRows(t *testing.T, db *bun.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A mail enqueued in a transaction that rolls back never leaves; one in a
// transaction that commits leaves once, with its outbox row's
// Message-ID, and the row records when.
func TestMailLeavesWithItsTransaction(t *testing.T) {
	db := dbtest.MustOpenDB(t)
	sink := startSink(t)
	store := storage.New(db, mailQueue(t, db, sink))
	ctx := context.Background()
	rollback := errors.New("the change failed")
	err := store.RunInTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if _, err := store.EnqueueMail(ctx, tx, letter(t, "rolled-back@example.dk"), servertest.Now); err != nil {
			return err
		}
		return rollback
	})
	if !errors.Is(err, rollback) {
		t.Fatal(err)
	}
	var id int64
	if err := store.RunInTx(ctx, func(ctx context.Context, tx bun.Tx) (err error) {
		id, err = store.EnqueueMail(ctx, tx, letter(t, "committed@example.dk"), servertest.Now)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the committed mail", func() bool { return len(sink.Received()) > 0 })
	waitFor(t, "sent_at", func() bool {
		return countRows(t, db, "SELECT count(*) FROM outbox WHERE id = ? AND sent_at = ? AND attempts = 1", id, servertest.Now) == 1
	})
	time.Sleep(300 * time.Millisecond) // six polls for a wrongly queued mail to show up
	got := sink.Received()
	if len(got) != 1 || got[0].MessageID != mail.MessageID(id) || got[0].To[0] != "committed@example.dk" {
		t.Fatalf("the sink got %d mails: %+v", len(got), got)
	}
	if n := countRows(t, db, "SELECT count(*) FROM outbox"); n != 1 {
		t.Errorf("%d outbox rows, want the committed one", n)
	}
	// Enqueued on the pool, the mail is the whole change: it gets a
	// transaction of its own, and leaves too.
	if _, err := store.EnqueueMail(ctx, db, letter(t, "alone@example.dk"), servertest.Now); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the mail enqueued on the pool", func() bool { return len(sink.Received()) == 2 })
}

// TestMailKilledMidBatch: 20 mails; the SMTP server refuses the first try
// of every third (451); the worker is killed (its jobs' contexts
// cancelled) while the batch is under way, and a new one started. Every
// mail arrives exactly once, by Message-ID, and every row is sent.
func TestMailKilledMidBatch(t *testing.T) {
	db := dbtest.MustOpenDB(t)
	sink := startSink(t)
	var mu sync.Mutex
	tries := map[string]int{}
	sink.Refuse(func(r mail.Received) error {
		time.Sleep(10 * time.Millisecond) // a server that takes its time, so the kill lands mid-batch
		mu.Lock()
		defer mu.Unlock()
		tries[r.MessageID]++
		var n int
		fmt.Sscanf(r.MessageID, "outbox-%d@", &n)
		if n%3 == 0 && tries[r.MessageID] == 1 {
			return errors.New("mailbox busy, try again")
		}
		return nil
	})
	first, err := New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), mailConfig(t, sink))
	if err != nil {
		t.Fatal(err)
	}
	store := storage.New(db, first)
	ctx := context.Background()
	const batch = 20
	ids := map[string]bool{}
	for i := range batch {
		id, err := store.EnqueueMail(ctx, db, letter(t, fmt.Sprintf("borger%d@example.dk", i)), servertest.Now)
		if err != nil {
			t.Fatal(err)
		}
		ids[mail.MessageID(id)] = true
	}
	if err := first.Start(ctx); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a few mails", func() bool { return len(sink.Received()) >= 4 })
	if err := first.client.StopAndCancel(ctx); err != nil {
		t.Fatal(err)
	}
	arrived := len(sink.Received())
	if arrived == batch {
		t.Fatalf("the kill came after the whole batch; it proves nothing")
	}
	mailQueue(t, db, sink)
	waitFor(t, "every mail sent", func() bool {
		return countRows(t, db, "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL") == batch
	})
	got := map[string]int{}
	for _, r := range sink.Received() {
		got[r.MessageID]++
	}
	for id := range ids {
		if got[id] != 1 {
			t.Errorf("%s arrived %d times", id, got[id])
		}
	}
	if len(got) != batch {
		t.Errorf("%d distinct mails arrived, want %d", len(got), batch)
	}
	if n := countRows(t, db, "SELECT count(*) FROM outbox WHERE attempts >= 2 AND last_error IS NULL"); n < batch/3 {
		t.Errorf("%d mails record a retry, want the %d refused once", n, batch/3)
	}
	t.Logf("%d of %d had arrived at the kill", arrived, batch)
}

// The one window for a second copy: the SMTP server accepted the mail
// and the process died before the outbox recorded it. The retry sends it
// again with the same Message-ID, so the receiver holds one mail.
func TestMailResentAfterCrashKeepsMessageID(t *testing.T) {
	db := dbtest.MustOpenDB(t)
	sink := startSink(t)
	cfg := mailConfig(t, sink)
	q, err := New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{Work: false})
	if err != nil {
		t.Fatal(err)
	}
	store := storage.New(db, q)
	ctx := context.Background()
	id, err := store.EnqueueMail(ctx, db, letter(t, "mads@example.dk"), servertest.Now)
	if err != nil {
		t.Fatal(err)
	}
	crash := errors.New("the process died")
	func() {
		defer func() {
			if r := recover(); r != crash {
				t.Fatalf("recovered %v", r)
			}
		}()
		_ = store.SendFromOutbox(ctx, id, cfg.Now, func(ctx context.Context, m mail.Message) error {
			if err := cfg.Mail.Send(ctx, m); err != nil {
				t.Fatal(err)
			}
			panic(crash) // after the SMTP server accepted, before the commit
		})
	}()
	if n := countRows(t, db, "SELECT count(*) FROM outbox WHERE sent_at IS NULL"); n != 1 {
		t.Fatal("the crashed send was recorded")
	}
	w := &sendMailWorker{store: store, sender: cfg.Mail, log: slog.New(slog.NewTextHandler(io.Discard, nil)), now: cfg.Now}
	for range 2 { // the retry, and a run too many: the second sends nothing
		if err := w.Work(ctx, &river.Job[storage.SendMailJob]{JobRow: &rivertype.JobRow{Attempt: 2, MaxAttempts: mailAttempts},
			Args: storage.SendMailJob{OutboxID: id}}); err != nil {
			t.Fatal(err)
		}
	}
	got := sink.Received()
	if len(got) != 2 || got[0].MessageID != mail.MessageID(id) || got[1].MessageID != got[0].MessageID {
		t.Fatalf("want the mail twice with one Message-ID: %d mails", len(got))
	}
	seen := map[string]bool{}
	for _, r := range got {
		seen[r.MessageID] = true
	}
	if len(seen) != 1 {
		t.Errorf("a receiver that drops duplicates by Message-ID holds %d mails", len(seen))
	}
}

var errPermanent = &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}

// A refusal for good (550) is not retried: the job is cancelled and the
// row keeps the error.
func TestMailRefusedForGood(t *testing.T) {
	db := dbtest.MustOpenDB(t)
	sink := startSink(t)
	sink.Refuse(func(mail.Received) error { return errPermanent })
	store := storage.New(db, mailQueue(t, db, sink))
	id, err := store.EnqueueMail(context.Background(), db, letter(t, "nobody@example.dk"), servertest.Now)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the job cancelled", func() bool {
		return countRows(t, db, "SELECT count(*) FROM river_job WHERE kind = 'send_mail' AND state = 'cancelled'") == 1
	})
	var attempts int
	var lastError string
	if err := db.QueryRowContext(context.Background(), "SELECT attempts, last_error FROM outbox WHERE id = ?", id).Scan(&attempts, &lastError); err != nil {
		t.Fatal(err)
	}
	if attempts != 1 || !strings.Contains(lastError, "550") {
		t.Errorf("attempts %d, last error %q; want one attempt and the 550", attempts, lastError)
	}
}

// The outbox is kept 30 days (storage.RetentionRules): the mail written a
// second before the cutoff goes, the one at the cutoff stays.
func TestMailRetention(t *testing.T) {
	db := dbtest.MustOpenDB(t)
	ctx := context.Background()
	q, err := New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{Work: false})
	if err != nil {
		t.Fatal(err)
	}
	store := storage.New(db, q)
	now := servertest.Now
	cutoff := now.AddDate(0, 0, -30)
	for _, at := range []time.Time{cutoff.Add(-time.Second), cutoff, now} {
		if _, err := store.EnqueueMail(ctx, db, letter(t, "mads@example.dk"), at); err != nil {
			t.Fatal(err)
		}
	}
	w := &retentionWorker{store: store, log: slog.New(slog.NewTextHandler(io.Discard, nil)), now: func() time.Time { return now }}
	if err := w.Work(ctx, &river.Job[RetentionArgs]{Args: RetentionArgs{Rule: "outbox"}}); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, db, "SELECT count(*) FROM outbox WHERE created_at >= ?", cutoff); n != 2 || countRows(t, db, "SELECT count(*) FROM outbox") != 2 {
		t.Errorf("the outbox after retention: want the mail at the cutoff and the recent one")
	}
}
