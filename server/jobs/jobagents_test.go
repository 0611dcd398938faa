package jobs

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/uptrace/bun"

	"jobnet/server/dbtest"
	"jobnet/server/findjob"
	"jobnet/server/jobadgen"
	"jobnet/server/servertest"
	"jobnet/server/storage"
	"jobnet/shared"
)

// agentEnv is a database with a queue that works no jobs (the mails stay
// in the outbox, where the tests read them), the taxonomy and an ad
// generator.
type agentEnv struct {
	t     *testing.T
	db    *bun.DB
	store *storage.Store
	ix    *findjob.Index
	gen   *jobadgen.Generator
	n     int
}

func newAgentEnv(t *testing.T) *agentEnv {
	t.Helper()
	db := dbtest.MustOpenDB(t)
	q, err := New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{Work: false})
	if err != nil {
		t.Fatal(err)
	}
	ix, err := findjob.Default()
	if err != nil {
		t.Fatal(err)
	}
	return &agentEnv{t: t, db: db, store: storage.New(db, q), ix: ix, gen: jobadgen.New(ix, servertest.Now, 11)}
}

// ad publishes an ad with title at published.
func (e *agentEnv) ad(title string, published time.Time, widk bool) {
	e.t.Helper()
	e.n++
	p := e.gen.Ad(e.n)
	p.Ad.Title, p.Ad.Published, p.Ad.WorkInDenmark, p.Ad.ExternalURL = title, published, widk, ""
	placed, err := e.ix.Place(p.Ad)
	if err != nil {
		e.t.Fatal(err)
	}
	if _, _, err := e.store.PutJobAd(context.Background(), "jc-101", placed, published); err != nil {
		e.t.Fatal(err)
	}
}

// citizen makes a citizen and returns its id.
func (e *agentEnv) citizen(cpr string) int64 {
	e.t.Helper()
	var id int64
	if err := e.db.NewRaw("INSERT INTO citizens (cpr, name) VALUES (?, 'Borger') RETURNING id", cpr).
		Scan(context.Background(), &id); err != nil {
		e.t.Fatal(err)
	}
	return id
}

// agent makes a citizen's agent of the free text q at created.
func (e *agentEnv) agent(citizen int64, q, frequency, email string, created time.Time) {
	e.t.Helper()
	in := shared.JobAgentInput{Name: "Agent " + q, Search: shared.JobSearch{Q: q}.Query().Encode(), Frequency: frequency, Email: email}
	s, err := in.Check()
	if err != nil {
		e.t.Fatal(err)
	}
	if err := e.store.Citizen(citizen).CreateJobAgent(context.Background(), in, s, created); err != nil {
		e.t.Fatal(err)
	}
}

func (e *agentEnv) run(now time.Time) JobAgentRun {
	e.t.Helper()
	r, err := RunJobAgents(context.Background(), e.store, e.ix, "https://jobnet.test", now.In(servertest.Copenhagen))
	if err != nil {
		e.t.Fatal(err)
	}
	return r
}

// mails are the outbox's agent mails to the address, oldest first.
func (e *agentEnv) mails(to string) []storage.OutboxMail {
	e.t.Helper()
	all, err := e.store.Outbox(context.Background(), 10000)
	if err != nil {
		e.t.Fatal(err)
	}
	var out []storage.OutboxMail
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].To == to {
			out = append(out, all[i])
		}
	}
	return out
}

// TestJobAgentNewAdsOnly: a run mails the ads of the agent's search
// published since it was made, and the next run only those since the
// last mail; an old ad, an ad of another search and a day without new ads
// mail nothing. The mail has the ads' links, "see all" and the unsubscribe
// link; a run again in the same period does nothing.
func TestJobAgentNewAdsOnly(t *testing.T) {
	e := newAgentEnv(t)
	now := servertest.Now // Tuesday 5 January 2027, 10:00
	created := now.Add(-24 * time.Hour)
	mads := e.citizen("010101-1111")
	e.ad("Zebrapasser gammel", created.Add(-time.Hour), false)
	e.agent(mads, "zebrapasser", shared.JobAgentDaily, "mads@example.dk", created)
	e.ad("Zebrapasser første", created.Add(time.Hour), false)
	e.ad("Giraffodrer", created.Add(2*time.Hour), false)

	if r := e.run(now); r.Due != 1 || r.Mailed != 1 {
		t.Fatalf("first run: %+v", r)
	}
	m := e.mails("mads@example.dk")
	if len(m) != 1 {
		t.Fatalf("%d mails after the first run", len(m))
	}
	first := m[0]
	if first.Kind != "job-agent" || first.Subject != "1 nyt job: Agent zebrapasser" || !strings.Contains(first.Text, "Zebrapasser første") ||
		strings.Contains(first.Text, "gammel") || strings.Contains(first.Text, "Giraffodrer") {
		t.Errorf("the first mail: %q\n%s", first.Subject, first.Text)
	}
	if !strings.Contains(first.Text, "https://jobnet.test/job/") || !strings.Contains(first.HTML, `href="https://jobnet.test/find-job?q=zebrapasser&amp;v=1"`) ||
		!strings.HasPrefix(first.UnsubscribeURL, "https://jobnet.test/api/v1/jobagents/unsubscribe?token=") || first.CitizenID != mads {
		t.Errorf("links: unsubscribe %q, citizen %d\n%s\n%s", first.UnsubscribeURL, first.CitizenID, first.Text, first.HTML)
	}
	if r := e.run(now.Add(time.Hour)); r.Due != 0 || r.Mailed != 0 {
		t.Errorf("a second run on the same day: %+v", r)
	}

	e.ad("Zebrapasser anden", now.Add(time.Hour), false)
	if r := e.run(now.Add(24 * time.Hour)); r.Mailed != 1 {
		t.Fatalf("the next day: %+v", r)
	}
	m = e.mails("mads@example.dk")
	if len(m) != 2 || !strings.Contains(m[1].Text, "Zebrapasser anden") || strings.Contains(m[1].Text, "Zebrapasser første") {
		t.Fatalf("the second mail lists the new ad only: %d mails\n%s", len(m), m[len(m)-1].Text)
	}
	if r := e.run(now.Add(48 * time.Hour)); r.Due != 1 || r.Mailed != 0 {
		t.Errorf("a day without new ads: %+v", r)
	}
	if n := len(e.mails("mads@example.dk")); n != 2 {
		t.Errorf("%d mails after a day without new ads", n)
	}
	var lastRun time.Time
	if err := e.db.NewRaw("SELECT last_run_at FROM job_agents").Scan(context.Background(), &lastRun); err != nil || !lastRun.Equal(now.Add(48*time.Hour)) {
		t.Errorf("last run %v (%v)", lastRun, err)
	}
}

// TestJobAgentDailyAndWeekly: over eight days with a new ad every day, a
// daily agent mails every morning and a weekly one (made on a Monday) on
// the next Monday, with the week's ads; runs before 06:00 belong to the
// day before.
func TestJobAgentDailyAndWeekly(t *testing.T) {
	e := newAgentEnv(t)
	monday := time.Date(2027, 1, 4, 9, 0, 0, 0, servertest.Copenhagen)
	c := e.citizen("010101-2222")
	e.agent(c, "okapipasser", shared.JobAgentDaily, "daglig@example.dk", monday)
	e.agent(c, "okapipasser", shared.JobAgentWeekly, "ugentlig@example.dk", monday)
	for day := 1; day <= 8; day++ { // Tuesday 5 … Tuesday 12 January
		morning := monday.AddDate(0, 0, day).Add(-3 * time.Hour) // 06:00
		e.ad(fmt.Sprintf("Okapipasser %d", day), morning.Add(-2*time.Hour), false)
		e.run(morning.Add(-time.Minute)) // 05:59: still the day before's run, done
		e.run(morning)
		e.run(morning.Add(5 * time.Hour))
		if n := len(e.mails("daglig@example.dk")); n != day {
			t.Errorf("day %d: the daily agent has sent %d mails", day, n)
		}
		weekly := 0
		if day >= 7 { // Monday 11 January
			weekly = 1
		}
		if n := len(e.mails("ugentlig@example.dk")); n != weekly {
			t.Errorf("day %d: the weekly agent has sent %d mails, want %d", day, n, weekly)
		}
	}
	w := e.mails("ugentlig@example.dk")[0]
	if w.Subject != "7 nye job: Agent okapipasser" || !strings.Contains(w.Text, "Okapipasser 1\n") || !strings.Contains(w.Text, "Okapipasser 7\n") {
		t.Errorf("the weekly mail: %q\n%s", w.Subject, w.Text)
	}
}

// TestJobAgentRetryWithoutDuplicates: a run that fails for one agent
// returns the error (River tries again) after doing the others; the retry
// does the failed one and mails none of the others again. Two runs at
// once mail each agent once.
func TestJobAgentRetryWithoutDuplicates(t *testing.T) {
	e := newAgentEnv(t)
	now := servertest.Now
	created := now.Add(-24 * time.Hour)
	c := e.citizen("010101-3333")
	for i := range 6 {
		e.agent(c, "tapirpasser", shared.JobAgentDaily, fmt.Sprintf("a%d@example.dk", i), created)
	}
	e.ad("Tapirpasser", created.Add(time.Hour), false)
	ctx := context.Background()
	// One agent's search cannot be read: its run fails.
	if _, err := e.db.NewRaw("UPDATE job_agents SET search = '%zz' WHERE email = 'a3@example.dk'").Exec(ctx); err != nil {
		t.Fatal(err)
	}
	w := &jobAgentsWorker{store: e.store, index: e.ix, log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		now: func() time.Time { return now }, loc: servertest.Copenhagen, publicURL: "https://jobnet.test"}
	if err := w.Work(ctx, &river.Job[JobAgentsArgs]{}); err == nil {
		t.Fatal("the run with a broken agent succeeded")
	}
	for i := range 6 {
		want := 1
		if i == 3 {
			want = 0
		}
		if n := len(e.mails(fmt.Sprintf("a%d@example.dk", i))); n != want {
			t.Errorf("agent %d: %d mails after the failed run, want %d", i, n, want)
		}
	}
	if _, err := e.db.NewRaw("UPDATE job_agents SET search = 'q=tapirpasser&v=1' WHERE email = 'a3@example.dk'").Exec(ctx); err != nil {
		t.Fatal(err)
	}
	if err := w.Work(ctx, &river.Job[JobAgentsArgs]{}); err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		if n := len(e.mails(fmt.Sprintf("a%d@example.dk", i))); n != 1 {
			t.Errorf("agent %d: %d mails after the retry", i, n)
		}
	}

	// Two runs at once, the next day, over every agent.
	e.ad("Tapirpasser igen", now.Add(time.Hour), false)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { e.run(now.Add(24 * time.Hour)) })
	}
	wg.Wait()
	for i := range 6 {
		if n := len(e.mails(fmt.Sprintf("a%d@example.dk", i))); n != 2 {
			t.Errorf("agent %d: %d mails after two runs at once, want 2", i, n)
		}
	}
}

// TestJobAgentAnonymousConfirmation: an agent made without a login gets
// the confirmation mail (in English for Work in Denmark) and no agent
// mail until the link is followed; then it mails its new ads, in
// English, with links in Work in Denmark's look. Unconfirmed agents go
// after a week.
func TestJobAgentAnonymousConfirmation(t *testing.T) {
	e := newAgentEnv(t)
	ctx := context.Background()
	now := servertest.Now
	created := now.Add(-24 * time.Hour)
	in := shared.JobAgentInput{Name: "Zebu keeper", Search: "q=zebupasser&WIDK=true", Frequency: shared.JobAgentDaily, Email: "visitor@example.com"}
	q, err := in.Check()
	if err != nil {
		t.Fatal(err)
	}
	if err := e.store.CreateAnonymousJobAgent(ctx, in, q, "https://jobnet.test", created); err != nil {
		t.Fatal(err)
	}
	e.ad("Zebupasser", created.Add(time.Hour), true)
	e.ad("Zebupasser not WIDK", created.Add(time.Hour), false)
	m := e.mails("visitor@example.com")
	if len(m) != 1 || m[0].Kind != "job-agent-confirm" || m[0].Lang != "en" || m[0].Subject != "Confirm your job agent: Zebu keeper" {
		t.Fatalf("the confirmation mail: %+v", m)
	}
	if r := e.run(now); r.Due != 0 || len(e.mails("visitor@example.com")) != 1 {
		t.Fatalf("an unconfirmed agent ran: %+v", r)
	}
	_, link, _ := strings.Cut(m[0].Text, "the job agent starts: ")
	link, _, _ = strings.Cut(link, "\n")
	if !strings.HasSuffix(link, "&WIDK=true") {
		t.Errorf("the link %q does not say it is Work in Denmark's", link)
	}
	_, token, _ := strings.Cut(strings.TrimSuffix(link, "&WIDK=true"), "token=")
	if lang, err := e.store.ConfirmJobAgent(ctx, token, now); err != nil || lang != "en" {
		t.Fatalf("confirm: %q %v", lang, err)
	}
	if _, err := e.store.ConfirmJobAgent(ctx, token, now); !storage.IsNotFound(err) {
		t.Errorf("a used link confirmed again: %v", err)
	}
	if r := e.run(now); r.Mailed != 1 {
		t.Fatalf("the confirmed agent's run: %+v", r)
	}
	m = e.mails("visitor@example.com")
	if len(m) != 2 || m[1].Lang != "en" || m[1].Subject != "1 new job: Zebu keeper" || strings.Contains(m[1].Text, "not WIDK") ||
		!strings.Contains(m[1].Text, "?WIDK=true") || !strings.HasSuffix(m[1].UnsubscribeURL, "&WIDK=true") {
		t.Errorf("the English agent mail: %q\n%s", m[1].Subject, m[1].Text)
	}

	// A second, never confirmed, goes after a week.
	if err := e.store.CreateAnonymousJobAgent(ctx, in, q, "https://jobnet.test", now.AddDate(0, 0, -8)); err != nil {
		t.Fatal(err)
	}
	w := &retentionWorker{store: e.store, log: slog.New(slog.NewTextHandler(io.Discard, nil)), now: func() time.Time { return now }}
	if err := w.Work(ctx, &river.Job[RetentionArgs]{Args: RetentionArgs{Rule: "job_agents_unconfirmed"}}); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, e.db, "SELECT count(*) FROM job_agents"); n != 1 {
		t.Errorf("%d agents after retention, want the confirmed one", n)
	}
}

// TestJobAgentLimits: ten agents a citizen, five anonymous ones an
// address, with the message at the field.
func TestJobAgentLimits(t *testing.T) {
	e := newAgentEnv(t)
	ctx := context.Background()
	c := e.citizen("010101-4444")
	for range shared.JobAgentMaxPerCitizen {
		e.agent(c, "kok", shared.JobAgentWeekly, "c@example.dk", servertest.Now)
	}
	in := shared.JobAgentInput{Name: "Kok", Search: "q=kok", Frequency: shared.JobAgentDaily, Email: "c@example.dk"}
	q, _ := in.Check()
	err := e.store.Citizen(c).CreateJobAgent(ctx, in, q, servertest.Now)
	if shared.ErrorCodeOf(err) != shared.EConflict || !strings.Contains(err.(*shared.Error).FieldMessage("name"), "højst have 10") {
		t.Errorf("the eleventh agent: %v", err)
	}
	for i := range shared.JobAgentMaxPerEmail + 1 {
		in.Email = "Anon@example.dk"
		if i%2 == 0 {
			in.Email = "anon@example.dk"
		}
		err := e.store.CreateAnonymousJobAgent(ctx, in, q, "https://jobnet.test", servertest.Now)
		if i < shared.JobAgentMaxPerEmail && err != nil {
			t.Fatal(err)
		}
		if i == shared.JobAgentMaxPerEmail && (shared.ErrorCodeOf(err) != shared.EConflict || err.(*shared.Error).FieldMessage("email") == "") {
			t.Errorf("the sixth anonymous agent of an address: %v", err)
		}
	}
}

// TestJobAgentsWorkedByTheQueue: a worker's start runs the due agents and
// its own workers send their mails — the agents' run enqueues the mail on
// the very queue that works it (a store without one cannot).
func TestJobAgentsWorkedByTheQueue(t *testing.T) {
	e := newAgentEnv(t)
	now := servertest.Now
	mads := e.citizen("010101-1111")
	e.agent(mads, "zebrapasser", shared.JobAgentDaily, "mads@example.dk", now.Add(-48*time.Hour))
	e.ad("Zebrapasser søges", now.Add(-time.Hour), false)
	sink := startSink(t)
	newQueue(t, e.db, mailConfig(t, sink))
	waitFor(t, "the agent's mail", func() bool { return len(sink.Received()) == 1 })
	if m := sink.Received()[0]; m.Subject != "1 nyt job: Agent zebrapasser" {
		t.Errorf("the mail: %q", m.Subject)
	}
}
