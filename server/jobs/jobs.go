// Package jobs runs Jobnet's work outside requests with River
// (github.com/riverqueue/river) on the same PostgreSQL database: jobs are
// rows, so a job is enqueued in the same transaction as the change that
// causes it (EnqueueTx) and exists exactly when the change does; a job
// survives a restart, and one server of many (River's elected leader)
// schedules the periodic ones.
//
// Its users are the retention rules of SPEC E2 (retention.go), the
// outbox's mails (mail.go) and the job agents (jobagents.go). Jobs
// never run on behalf of a caseworker's mirror session: a mirror session
// reads through a read-only transaction (storage.ReadOnly), in which
// PostgreSQL refuses the insert of a job.
//
// `make run` works jobs in the server's own process; `jobnet -worker=only`
// runs a process that only works jobs, and `-worker=off` one that only
// serves, for when they are scaled apart.
package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/uptrace/bun"

	"jobnet/server/findjob"
	"jobnet/server/mail"
	"jobnet/server/sms"
	"jobnet/server/storage"
)

// Config says what this process does with jobs.
type Config struct {
	// Work: this process works jobs and schedules the periodic ones. A
	// process that does not can still enqueue.
	Work bool
	// Now is the clock the jobs judge time by; tests pin it.
	Now func() time.Time
	// IdleTimeout is the sessions' idle timeout (retention of sessions).
	IdleTimeout time.Duration
	// RetentionEvery is how often the retention rules run (default 1 h).
	RetentionEvery time.Duration
	// RetentionDryRun makes the retention jobs count and log what they
	// would delete, and delete nothing.
	RetentionDryRun bool
	// PollEvery is how often a worker looks for new jobs (River's default
	// 1 s; database/sql has no LISTEN, so River polls).
	PollEvery time.Duration
	// Mail sends the outbox's mails (the sendMail worker). A process that
	// works jobs is given one: cmd/jobnet passes the SMTP server of
	// JOBNET_SMTP_URL, or the in-process sink of `make run`.
	Mail mail.Sender
	// SMS sends the SMS outbox's SMS through NemSMS's seam (the sendSMS
	// worker); cmd/jobnet passes the demo's sink (server/sms). nil: a
	// NemSMS that knows no number, so no SMS is sent.
	SMS sms.Provider
	// PublicURL is where people reach the portal, for the links in the
	// job agents' mails.
	PublicURL string
	// addWorkers lets this package's tests add workers of their own.
	addWorkers func(*river.Workers)
	// retryPolicy lets this package's tests retry at once.
	retryPolicy river.ClientRetryPolicy
}

// Jobs is the queue: it enqueues, and with Config.Work it works.
type Jobs struct {
	client *river.Client[*sql.Tx]
	work   bool
}

// New builds the queue on db; Start starts working when Config.Work. The
// workers read and write through a store of their own, which enqueues on
// this queue (a job agent's run puts its mails in the outbox).
func New(db *bun.DB, log *slog.Logger, cfg Config) (*Jobs, error) {
	j := &Jobs{work: cfg.Work}
	store := storage.New(db, j)
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.RetentionEvery <= 0 {
		cfg.RetentionEvery = time.Hour
	}
	// River's own news (started, job counts) is not the operator's: its
	// warnings and errors are.
	riverLog := slog.New(atLeast{slog.LevelWarn, log.Handler()}).With("component", "river")
	rc := &river.Config{Logger: riverLog, FetchPollInterval: cfg.PollEvery, RetryPolicy: cfg.retryPolicy}
	if cfg.Work {
		workers := river.NewWorkers()
		river.AddWorker(workers, &retentionWorker{store: store, log: log, now: cfg.Now, idle: cfg.IdleTimeout, dryRun: cfg.RetentionDryRun})
		if cfg.Mail != nil {
			river.AddWorker(workers, &sendMailWorker{store: store, sender: cfg.Mail, log: log, now: cfg.Now})
		}
		// Any change may enqueue an SMS (a citizen's campaign by SMS), so
		// its worker is always there; without a provider it has NemSMS's
		// answer to a number it does not know, and sends nothing.
		provider := cfg.SMS
		if provider == nil {
			provider = sms.NewDemoSink()
		}
		river.AddWorker(workers, &sendSMSWorker{store: store, sms: provider, log: log, now: cfg.Now})
		ix, err := findjob.Default()
		if err != nil {
			return nil, err
		}
		copenhagen, err := time.LoadLocation("Europe/Copenhagen")
		if err != nil {
			return nil, err
		}
		river.AddWorker(workers, &jobAgentsWorker{store: store, index: ix, log: log, now: cfg.Now, loc: copenhagen, publicURL: cfg.PublicURL})
		rc.PeriodicJobs = append(rc.PeriodicJobs, river.NewPeriodicJob(dailyAt{hour: storage.JobAgentRunHour, loc: copenhagen},
			func() (river.JobArgs, *river.InsertOpts) { return JobAgentsArgs{}, nil }, &river.PeriodicJobOpts{RunOnStart: true}))
		river.AddWorker(workers, &meetingRemindersWorker{store: store, log: log, now: cfg.Now, loc: copenhagen, publicURL: cfg.PublicURL})
		rc.PeriodicJobs = append(rc.PeriodicJobs, river.NewPeriodicJob(dailyAt{hour: storage.MeetingReminderHour, loc: copenhagen},
			func() (river.JobArgs, *river.InsertOpts) { return MeetingRemindersArgs{}, nil }, &river.PeriodicJobOpts{RunOnStart: true}))
		river.AddWorker(workers, &behaviourExportsWorker{store: store, log: log, now: cfg.Now})
		rc.PeriodicJobs = append(rc.PeriodicJobs, river.NewPeriodicJob(river.PeriodicInterval(BehaviourExportEvery),
			func() (river.JobArgs, *river.InsertOpts) { return BehaviourExportsArgs{}, nil }, &river.PeriodicJobOpts{RunOnStart: true}))
		river.AddWorker(workers, &raskmeldingerWorker{store: store, log: log, now: cfg.Now, loc: copenhagen})
		rc.PeriodicJobs = append(rc.PeriodicJobs, river.NewPeriodicJob(dailyAt{hour: RaskmeldingRunHour, loc: copenhagen},
			func() (river.JobArgs, *river.InsertOpts) { return RaskmeldingerArgs{}, nil }, &river.PeriodicJobOpts{RunOnStart: true}))
		river.AddWorker(workers, &enrolmentChangesWorker{store: store, log: log, now: cfg.Now, loc: copenhagen})
		rc.PeriodicJobs = append(rc.PeriodicJobs, river.NewPeriodicJob(dailyAt{hour: EnrolmentChangesHour, loc: copenhagen},
			func() (river.JobArgs, *river.InsertOpts) { return EnrolmentChangesArgs{}, nil }, &river.PeriodicJobOpts{RunOnStart: true}))
		if cfg.addWorkers != nil {
			cfg.addWorkers(workers)
		}
		rc.Workers = workers
		rc.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: 4}}
		for _, r := range storage.RetentionRules(cfg.IdleTimeout) {
			args := RetentionArgs{Rule: r.Name}
			rc.PeriodicJobs = append(rc.PeriodicJobs, river.NewPeriodicJob(river.PeriodicInterval(cfg.RetentionEvery),
				func() (river.JobArgs, *river.InsertOpts) {
					return args, &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByPeriod: cfg.RetentionEvery}}
				}, &river.PeriodicJobOpts{RunOnStart: true}))
		}
	}
	client, err := river.NewClient(riverdatabasesql.New(db.DB), rc)
	if err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	}
	j.client = client
	return j, nil
}

// Start starts working jobs, when this process works them.
func (j *Jobs) Start(ctx context.Context) error {
	if !j.work {
		return nil
	}
	return j.client.Start(ctx)
}

// Stop lets running jobs finish (until ctx ends) and stops working.
func (j *Jobs) Stop(ctx context.Context) error {
	if !j.work {
		return nil
	}
	return j.client.Stop(ctx)
}

// EnqueueTx puts job in the queue within tx: it is worked once tx
// commits, and never if tx rolls back (storage.Enqueuer).
func (j *Jobs) EnqueueTx(ctx context.Context, tx bun.Tx, job storage.Job) error {
	_, err := j.client.InsertTx(ctx, tx.Tx, job, insertOpts(job))
	return err
}

// atLeast passes on the records of level min and above.
type atLeast struct {
	min slog.Level
	slog.Handler
}

func (h atLeast) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= h.min && h.Handler.Enabled(ctx, l)
}

func (h atLeast) WithAttrs(as []slog.Attr) slog.Handler {
	return atLeast{h.min, h.Handler.WithAttrs(as)}
}
func (h atLeast) WithGroup(name string) slog.Handler {
	return atLeast{h.min, h.Handler.WithGroup(name)}
}
