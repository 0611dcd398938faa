package server

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"
	"time"

	"jobnet/server/demo"
	"jobnet/server/findjob"
	"jobnet/server/jobadgen"
	"jobnet/server/jobs"
	"jobnet/server/servertest"
	"jobnet/shared"
)

// TestJobAgentCitizenAndMirror: a citizen makes, lists and deletes agents
// with Danish field messages for bad input; the jobcenter and the a-kasse,
// mirroring, see the list and every write is refused with the read-only
// message, the anonymous create too.
func TestJobAgentCitizenAndMirror(t *testing.T) {
	env := newTestEnv(t)
	mads := env.client()
	mads.loginCitizen("mads")
	r := mads.do("POST", shared.APIJobAgents, shared.JobAgentInput{Search: "q=kok", Frequency: "maanedlig", Email: "mads@"})
	if r.status != 400 || r.err().FieldMessage("name") != "Skriv et navn til jobagenten." ||
		r.err().FieldMessage("frequency") != "Vælg dagligt eller ugentligt." || r.err().FieldMessage("email") == "" {
		t.Errorf("bad input: %d %s", r.status, r.body)
	}
	in := shared.JobAgentInput{Name: "Kok i Aarhus", Search: "q=kok&postnr=8000&side=3&fra=jeg-soeger-job-som", Frequency: shared.JobAgentWeekly, Email: "mads@example.dk"}
	var created shared.JobAgentCreated
	mads.decode(mads.do("POST", shared.APIJobAgents, in), 200, &created)
	if created.Confirm || len(created.Agents.Agents) != 1 || created.Agents.Agents[0].Search != "postnr=8000&q=kok&v=1" {
		t.Fatalf("created: %+v", created)
	}
	id := created.Agents.Agents[0].ID
	for _, cw := range []string{"nina", "berit"} {
		m := env.mirror(cw, cprMads)
		var list shared.JobAgents
		m.decode(m.do("GET", shared.APIJobAgents, nil), 200, &list)
		if len(list.Agents) != 1 || list.Agents[0].Name != "Kok i Aarhus" {
			t.Errorf("%s sees %+v", cw, list)
		}
		for _, w := range []struct{ method, path string }{
			{"POST", shared.APIJobAgents}, {"DELETE", shared.JobAgentPath(id)}, {"POST", shared.APIPublicJobAgents},
		} {
			if r := m.do(w.method, w.path, in); r.status != 403 || r.err().Message != shared.MsgReadOnly {
				t.Errorf("%s %s %s: %d %s", cw, w.method, w.path, r.status, r.body)
			}
		}
	}
	var list shared.JobAgents
	mads.decode(mads.do("DELETE", shared.JobAgentPath(id), nil), 200, &list)
	if len(list.Agents) != 0 {
		t.Errorf("after delete: %+v", list)
	}
	if r := mads.do("DELETE", shared.JobAgentPath(id), nil); r.status != 404 {
		t.Errorf("deleting again: %d", r.status)
	}
	// Nothing a caseworker does with agents is behaviour data; nor is a
	// citizen's agent (the API records none).
	env.flush()
	var n int
	if err := env.db.QueryRowContext(context.Background(), "SELECT count(*) FROM behaviour_events WHERE kind ILIKE '%agent%'").Scan(&n); err != nil || n != 0 {
		t.Errorf("%d behaviour events about agents (%v)", n, err)
	}
}

// TestJobAgentMailLinks: an agent made on Work in Denmark without a login
// (English messages for bad input) is confirmed by its mail's link; the
// run's mail arrives with the unsubscribe headers and shows on /dev/post;
// one click (RFC 8058's POST) unsubscribes it with no login, and the link
// then says so. A Danish agent's link shows the agent and a button, and
// only the button unsubscribes: "Du er afmeldt". A link only fetched (as
// a mail scanner does) changes nothing.
func TestJobAgentMailLinks(t *testing.T) {
	env, sink := newMailEnv(t)
	ctx := context.Background()
	anon := env.client()
	r := anon.do("POST", shared.APIPublicJobAgents, shared.JobAgentInput{Name: "Cooks", Search: "q=kok&WIDK=true", Frequency: shared.JobAgentDaily, Email: "not an address"})
	if r.status != 400 || r.err().FieldMessage("email") != "Enter an e-mail address like name@example.com." || r.err().Message != "The job agent could not be created." {
		t.Errorf("bad input on Work in Denmark: %d %s", r.status, r.body)
	}
	var created shared.JobAgentCreated
	anon.decode(anon.do("POST", shared.APIPublicJobAgents, shared.JobAgentInput{Name: "Yak keepers", Search: "q=yakpasser&WIDK=true",
		Frequency: shared.JobAgentDaily, Email: "visitor@example.com"}), 200, &created)
	if !created.Confirm {
		t.Errorf("an anonymous agent is confirmed by mail: %+v", created)
	}
	confirm := waitForMail(t, sink, 1)[0]
	if confirm.Subject != "Confirm your job agent: Yak keepers" || confirm.Header.Get("List-Unsubscribe") != "" ||
		!strings.Contains(confirm.Header.Get("From"), "no-reply@workindenmark.dk") {
		t.Errorf("the confirmation mail: %q %v", confirm.Subject, confirm.Header)
	}
	link := between(confirm.Text, "the job agent starts: ", "\n")
	if !strings.HasPrefix(link, "https://jobnet.test/api/v1/jobagents/confirm?token=") {
		t.Fatalf("the confirmation link %q", link)
	}
	page := anon.do("GET", strings.TrimPrefix(link, "https://jobnet.test"), nil)
	if page.status != 200 || !strings.Contains(string(page.body), "<h1>Confirm your job agent</h1>") || !strings.Contains(string(page.body), `lang="en"`) ||
		!strings.Contains(string(page.body), "“Yak keepers”") {
		t.Errorf("the confirmation link's page: %d %s", page.status, page.body)
	}
	var confirmed int
	if err := env.db.QueryRowContext(ctx, "SELECT count(*) FROM job_agents WHERE confirmed_at IS NOT NULL AND email = 'visitor@example.com'").Scan(&confirmed); err != nil || confirmed != 0 {
		t.Errorf("fetching the link confirmed the agent (%v)", err)
	}
	page = pressButton(t, anon, page)
	if page.status != 200 || !strings.Contains(string(page.body), "<h1>Your job agent is confirmed</h1>") {
		t.Errorf("the confirmation: %d %s", page.status, page.body)
	}
	if again := anon.do("GET", strings.TrimPrefix(link, "https://jobnet.test"), nil); again.status != 404 || strings.Contains(string(again.body), "<form") {
		t.Errorf("the confirmation link twice: %d %s", again.status, again.body)
	}

	ix, err := findjob.Default()
	if err != nil {
		t.Fatal(err)
	}
	now := env.clock.Now()
	// The run mails every due agent: the demo's own (Louise's) is not
	// this test's.
	if _, err := env.db.ExecContext(ctx, "DELETE FROM job_agents WHERE email = ?", demo.AgentEmail); err != nil {
		t.Fatal(err)
	}
	p := jobadgen.New(ix, now, 5).Ad(1)
	p.Ad.Title, p.Ad.WorkInDenmark, p.Ad.ExternalURL, p.Ad.Published = "Yakpasser", true, "", now.Add(time.Hour)
	placed, err := ix.Place(p.Ad)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := env.store.PutJobAd(ctx, "jc-101", placed, now); err != nil {
		t.Fatal(err)
	}
	run, err := jobs.RunJobAgents(ctx, env.store, ix, "https://jobnet.test", now.Add(24*time.Hour).In(servertest.Copenhagen))
	if err != nil || run.Mailed != 1 {
		t.Fatalf("the run: %+v %v", run, err)
	}
	m := waitForMail(t, sink, 2)[1]
	unsubscribe := strings.Trim(m.Header.Get("List-Unsubscribe"), "<>")
	if m.Subject != "1 new job: Yak keepers" || !strings.Contains(m.Text, "Yakpasser") || m.Header.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" ||
		m.From != "no-reply@workindenmark.dk" ||
		!strings.HasPrefix(unsubscribe, "https://jobnet.test/api/v1/jobagents/unsubscribe?token=") {
		t.Fatalf("the agent mail: %q %v\n%s", m.Subject, m.Header, m.Text)
	}
	post := env.client().do("GET", "/dev/post", nil)
	if !strings.Contains(string(post.body), "1 new job: Yak keepers") {
		t.Errorf("/dev/post does not show the agent mail")
	}
	path := strings.TrimPrefix(unsubscribe, "https://jobnet.test")
	oneClick := env.client().do("POST", path, "List-Unsubscribe=One-Click", "Content-Type", "application/x-www-form-urlencoded")
	if oneClick.status != 200 || strings.Contains(string(oneClick.body), "<html") {
		t.Errorf("one-click unsubscribe: %d %s", oneClick.status, oneClick.body)
	}
	var n int
	if err := env.db.QueryRowContext(ctx, "SELECT count(*) FROM job_agents").Scan(&n); err != nil || n != 0 {
		t.Errorf("%d agents after unsubscribing (%v)", n, err)
	}
	if again := env.client().do("GET", path, nil); again.status != 404 || !strings.Contains(string(again.body), "The job agent does not exist") {
		t.Errorf("the link again: %d %s", again.status, again.body)
	}

	// A citizen's Danish agent, unsubscribed by a person following the link.
	mads := env.client()
	mads.loginCitizen("mads")
	mads.decode(mads.do("POST", shared.APIJobAgents, shared.JobAgentInput{Name: "Yak", Search: "q=yakpasser", Frequency: shared.JobAgentDaily,
		Email: "mads@example.dk"}), 200, nil)
	p = jobadgen.New(ix, now, 6).Ad(2)
	p.Ad.Title, p.Ad.ExternalURL, p.Ad.Published = "Yakpasser to", "", now.Add(2*time.Hour)
	if placed, err = ix.Place(p.Ad); err != nil {
		t.Fatal(err)
	}
	if _, _, err := env.store.PutJobAd(ctx, "jc-101", placed, now); err != nil {
		t.Fatal(err)
	}
	if run, err := jobs.RunJobAgents(ctx, env.store, ix, "https://jobnet.test", now.Add(24*time.Hour).In(servertest.Copenhagen)); err != nil || run.Mailed != 1 {
		t.Fatalf("the run: %+v %v", run, err)
	}
	m = waitForMail(t, sink, 3)[2]
	u, err := url.Parse(strings.Trim(m.Header.Get("List-Unsubscribe"), "<>"))
	if err != nil {
		t.Fatal(err)
	}
	page = env.client().do("GET", u.RequestURI(), nil)
	if page.status != 200 || !strings.Contains(string(page.body), "<h1>Afmeld jobagenten</h1>") || !strings.Contains(string(page.body), "«Yak»") {
		t.Errorf("the Danish unsubscribe link's page: %d %s", page.status, page.body)
	}
	var list shared.JobAgents
	mads.decode(mads.do("GET", shared.APIJobAgents, nil), 200, &list)
	if len(list.Agents) != 1 {
		t.Errorf("fetching the unsubscribe link deleted the agent: %+v", list)
	}
	page = pressButton(t, env.client(), page)
	if page.status != 200 || !strings.Contains(string(page.body), "<h1>Du er afmeldt</h1>") {
		t.Errorf("the Danish unsubscribe page: %d %s", page.status, page.body)
	}
	mads.decode(mads.do("GET", shared.APIJobAgents, nil), 200, &list)
	if len(list.Agents) != 0 {
		t.Errorf("the citizen still has %+v", list)
	}
}

// pressButton submits a notice page's one form, as a browser does.
func pressButton(t *testing.T, c *client, page response) response {
	t.Helper()
	action := html.UnescapeString(between(string(page.body), `<form method="post" action="`, `"`))
	if !strings.HasPrefix(action, "/api/") {
		t.Fatalf("no form on the page: %s", page.body)
	}
	return c.do("POST", action, "", "Content-Type", "application/x-www-form-urlencoded")
}

func between(s, from, to string) string {
	_, after, _ := strings.Cut(s, from)
	before, _, _ := strings.Cut(after, to)
	return strings.TrimSpace(before)
}
