package jobs

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/riverqueue/river"

	"jobnet/server/findjob"
	"jobnet/server/storage"
	"jobnet/shared"
)

// JobAgentsArgs runs the job agents that are due (issue 11): every day at
// storage.JobAgentRunHour, Danish time, and when a worker starts (a run
// missed while no worker ran catches up; one already done does nothing).
type JobAgentsArgs struct{}

// Kind names the job for River.
func (JobAgentsArgs) Kind() string { return "job_agents" }

// jobAgentWorkers is how many agents a run does at once: each is a search
// and a short transaction, so a few keep the database busy without
// taking the requests' connections.
const jobAgentWorkers = 4

// dailyAt is River's schedule of a run every day at hour, in loc.
type dailyAt struct {
	hour int
	loc  *time.Location
}

func (d dailyAt) Next(current time.Time) time.Time {
	t := current.In(d.loc)
	next := time.Date(t.Year(), t.Month(), t.Day(), d.hour, 0, 0, 0, d.loc)
	if !next.After(t) {
		next = time.Date(t.Year(), t.Month(), t.Day()+1, d.hour, 0, 0, 0, d.loc)
	}
	return next
}

// jobAgentsWorker runs the due agents (RunJobAgents).
type jobAgentsWorker struct {
	river.WorkerDefaults[JobAgentsArgs]
	store     *storage.Store
	index     *findjob.Index
	log       *slog.Logger
	now       func() time.Time
	loc       *time.Location
	publicURL string
}

func (w *jobAgentsWorker) Work(ctx context.Context, job *river.Job[JobAgentsArgs]) error {
	run, err := RunJobAgents(ctx, w.store, w.index, w.publicURL, w.now().In(w.loc))
	log := w.log.With("day", run.Day.String(), "due", run.Due, "searches", run.Searches, "mailed", run.Mailed, "took", run.Took.Round(time.Millisecond))
	if err != nil {
		// The agents done are done; River's retry does the rest.
		log.Warn("job agents: some failed; River tries again", "failed", run.Failed, "err", err)
		return err
	}
	log.Info("job agents: run")
	return nil
}

// JobAgentRun is what a run did.
type JobAgentRun struct {
	Day      shared.Date
	Due      int // agents whose period was not done
	Searches int // distinct searches after distinct watermarks among them
	Mailed   int // of them, those with new ads
	Failed   int
	Took     time.Duration
}

// RunJobAgents does every agent due at now (Europe/Copenhagen): each in a
// transaction of its own (storage.MailJobAgent), jobAgentWorkers at once;
// agents of the same search after the same watermark share one search.
// Running it again in the same period, or after a failure, mails no agent
// twice; it returns the errors of the agents that failed.
func RunJobAgents(ctx context.Context, store *storage.Store, ix *findjob.Index, publicURL string, now time.Time) (JobAgentRun, error) {
	start := time.Now()
	day := storage.JobAgentRunDay(now)
	run := JobAgentRun{Day: day}
	due, err := store.DueJobAgents(ctx, day)
	if err != nil {
		return run, err
	}
	run.Due = len(due)
	// Agents that find the same new ads — the same search after the same
	// watermark — are searched for once. Agents of one search converge on
	// one watermark (the newest ad they have mailed), so in a steady state
	// a run does about one search per distinct search.
	groups := map[string][]storage.DueJobAgent{}
	var keys []string
	for _, a := range due {
		k := a.Search + "\x00" + a.SeenPublished.UTC().Format(time.RFC3339Nano) + "\x00" + strconv.FormatInt(a.SeenID, 10)
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], a)
	}
	run.Searches = len(keys)
	var (
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
	)
	fail := func(err error, n int) {
		mu.Lock()
		run.Failed += n
		errs = append(errs, err)
		mu.Unlock()
	}
	next := make(chan []storage.DueJobAgent)
	for range jobAgentWorkers {
		wg.Go(func() {
			for group := range next {
				found, err := store.NewAdsFor(ctx, ix, group[0], now)
				if err != nil {
					fail(err, len(group))
					continue
				}
				for _, a := range group {
					mailed, err := store.MailJobAgent(ctx, a, found, publicURL, now)
					if err != nil {
						fail(err, 1)
						continue
					}
					if mailed {
						mu.Lock()
						run.Mailed++
						mu.Unlock()
					}
				}
			}
		})
	}
	for _, k := range keys {
		if ctx.Err() != nil {
			break
		}
		next <- groups[k]
	}
	close(next)
	wg.Wait()
	run.Took = time.Since(start)
	if len(errs) > 3 {
		errs = errs[:3] // the first few say it
	}
	return run, errors.Join(append(errs, ctx.Err())...)
}
