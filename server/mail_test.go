package server

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"jobnet/server/dbtest"
	"jobnet/server/demo"
	"jobnet/server/jobs"
	"jobnet/server/mail"
	"jobnet/server/servertest"
	"jobnet/server/storage"
	"jobnet/shared"
)

// newMailEnv is newTestEnv with a job queue that sends its mails to an
// in-process sink, which /dev/post shows, as `make run` has it.
func newMailEnv(t *testing.T) (*testEnv, *mail.Sink) {
	t.Helper()
	db := dbtest.MustOpenDB(t)
	clock := servertest.NewClock()
	sink, err := mail.StartSink("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sink.Close() })
	sender, err := mail.NewSMTP(sink.URL(), "Jobnet <noreply@jobnet.local>", clock.Now)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	queue, err := jobs.New(db, log, jobs.Config{Work: true, PollEvery: 100 * time.Millisecond, Now: clock.Now, Mail: sender})
	if err != nil {
		t.Fatal(err)
	}
	// The demo first, as `make run` has it: the worker's start-up run
	// mails the demo's own job agent (testMail leaves it out).
	store := storage.New(db, queue)
	if err := demo.Seed(context.Background(), store, clock.Now()); err != nil {
		t.Fatal(err)
	}
	if err := queue.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = queue.Stop(ctx)
	})
	srv, err := New(store, log, Config{IdleTimeout: 20 * time.Minute, WebDir: servertest.WebDir(t), Location: servertest.Copenhagen,
		Now: clock.Now, PublicRate: -1, PublicURL: "https://jobnet.test", Post: sink})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(func() {
		ts.Close()
		_ = srv.Close(context.Background())
	})
	return &testEnv{tb: t, db: db, store: store, srv: srv, ts: ts, clock: clock}, sink
}

func waitForMail(t *testing.T, sink *mail.Sink, n int) []mail.Received {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if got := testMail(sink); len(got) >= n {
			return got
		}
	}
	t.Fatalf("%d mails arrived, want %d", len(testMail(sink)), n)
	return nil
}

// testMail is what the sink received, but the demo's own job agent's
// mail, which the worker's start-up run sends when it finds the demo in
// place.
func testMail(sink *mail.Sink) []mail.Received {
	var out []mail.Received
	for _, m := range sink.Received() {
		if !slices.Contains(m.To, demo.AgentEmail) {
			out = append(out, m)
		}
	}
	return out
}

// TestPlanChangeNoticeByMail (SPEC D1): a new plan version is mailed —
// "Din plan er ændret", with a link to Min Plan — to a citizen who
// subscribes to Møder og pligter, and to no one else; a re-sent version
// mails nothing.
func TestPlanChangeNoticeByMail(t *testing.T) {
	env, sink := newMailEnv(t)
	ctx := context.Background()
	mads, err := env.store.CitizenByCPR(ctx, cprMads)
	if err != nil {
		t.Fatal(err)
	}
	today := shared.DateOf(env.clock.Now())
	c := env.client()
	outbox := func() int {
		t.Helper()
		var n int
		if err := env.db.QueryRowContext(ctx, "SELECT count(*) FROM outbox WHERE kind = ?", mail.KindPlanChanged).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	publish := func(version string) {
		t.Helper()
		c.decode(c.do("POST", "/api/ingest/v1/plan", testPlan(version, today), "Authorization", "Bearer demo-token-jobcenter-koebenhavn"), 200, nil)
	}
	subscribe := func(campaign string) {
		t.Helper()
		// A campaign's mail goes to a confirmed address only (Brugerprofil).
		if err := env.store.Citizen(mads.ID).SetConfirmedEmail(ctx, "mads@example.dk", env.clock.Now()); err != nil {
			t.Fatal(err)
		}
		if err := env.store.Citizen(mads.ID).SetMailSubscription(ctx, campaign, "mads@example.dk"); err != nil {
			t.Fatal(err)
		}
	}

	publish("not-subscribed")
	subscribe(storage.CampaignGodeRaad)
	publish("other-campaign")
	if n := outbox(); n != 0 {
		t.Fatalf("%d mails without a subscription to Møder og pligter", n)
	}
	subscribe(storage.CampaignMoederOgPligter)
	publish("subscribed")
	publish("subscribed") // the same message again: a duplicate, no second mail
	if n := outbox(); n != 1 {
		t.Fatalf("%d mails, want one", n)
	}
	r := waitForMail(t, sink, 1)[0]
	if r.Subject != "Din plan er ændret" || strings.Join(r.To, ",") != "mads@example.dk" ||
		!strings.Contains(r.Text, "https://jobnet.test/min-plan") || !strings.Contains(r.HTML, `href="https://jobnet.test/min-plan"`) ||
		!strings.Contains(r.Text, "Hej "+mads.Name) {
		t.Errorf("not the change notice: %q to %v\n%s", r.Subject, r.To, r.Text)
	}
	var citizen int64
	if err := env.db.QueryRowContext(ctx, "SELECT citizen_id FROM outbox WHERE kind = ?", mail.KindPlanChanged).Scan(&citizen); err != nil || citizen != mads.ID {
		t.Errorf("the outbox row is about citizen %d (%v), want Mads", citizen, err)
	}
}

// TestMailDevPost: /dev/post shows the sink's mails, newest first, as a page
// of its own with the portal's stylesheet; without a sink it is not there.
func TestMailDevPost(t *testing.T) {
	env, sink := newMailEnv(t)
	ctx := context.Background()
	for i, subject := range []string{"Første <mail>", "Anden mail"} {
		m := mail.Message{To: "mads@example.dk", Subject: subject, Text: "Tekst " + subject, HTML: "<p>HTML " + subject + "</p>",
			Lang: mail.Danish, Kind: "test"}
		if _, err := env.store.EnqueueMail(ctx, env.db, m, env.clock.Now()); err != nil {
			t.Fatal(err)
		}
		waitForMail(t, sink, i+1)
	}
	r := env.client().do("GET", "/dev/post", nil)
	page := string(r.body)
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		t.Fatalf("/dev/post: %d %s", r.status, r.header.Get("Content-Type"))
	}
	for _, want := range []string{`<html lang="da">`, `<main `, `<h1>Post</h1>`, `href="/web/dkfds/css/dkfds.min.css"`,
		"Første &lt;mail&gt;", `<iframe sandbox="allow-popups`, `&lt;p&gt;HTML Anden mail&lt;/p&gt;"`, "Tekst Anden mail", "mads@example.dk"} {
		if !strings.Contains(page, want) {
			t.Errorf("/dev/post lacks %q", want)
		}
	}
	if strings.Index(page, "Anden mail") > strings.Index(page, "Første") {
		t.Error("/dev/post shows the oldest mail first")
	}
	if r := newTestEnv(t).client().do("GET", "/dev/post", nil); r.status != 404 {
		t.Errorf("/dev/post without the demo's sink: %d, want 404", r.status)
	}
}
