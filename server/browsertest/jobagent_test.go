package browsertest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"jobnet/server/findjob"
	"jobnet/server/jobadgen"
	"jobnet/server/jobs"
)

// testJobAgent (issue 11): a citizen makes a job agent for the search on
// Find Job, with the name following the search and the message at the
// e-mail field; it is listed with "Slet". A new ad arrives, the morning's
// run comes, and the agent's mail — the ad and the unsubscribe link — is
// read on /dev/post. Anyone on Work in Denmark gets the form in English
// and is told to confirm by mail. A caseworker mirroring the citizen sees
// the agents and no controls.
func testJobAgent(t *testing.T, tb *tab) {
	tb.loginCitizen("mads", "Mads Kristensen")
	tb.open("/find-job?q=Zebrapasser")
	tb.waitText("#findjob-count", "0 job")
	tb.click("#jobagent-toggle")
	tb.waitUntil("the form opens", `!!document.getElementById("jobagent-form")`)
	if v := tb.value("#jobagent-name"); v != "Zebrapasser" {
		t.Errorf("the name reads %q, want the search's", v)
	}
	tb.typeInto("#jobagent-email", "mads@")
	tb.click("#jobagent-submit")
	tb.waitText("#jobagent-email-error", "Skriv en e-mailadresse som navn@eksempel.dk.")
	tb.checkA11y("/find-job with the job agent's form and an error")
	tb.screenshot("jobagent-form")
	tb.typeInto("#jobagent-email", "example.dk")
	tb.click("#jobagent-frequency-ugentlig")
	tb.click("#jobagent-frequency-daglig")
	tb.click("#jobagent-submit")
	tb.waitText("#jobagent-list", "Zebrapasser")
	tb.waitText("#jobagent-list", "Dagligt til mads@example.dk")
	tb.checkA11y("/find-job with the citizen's job agents")

	// A new ad, and tomorrow morning's run.
	ctx := context.Background()
	ix, err := findjob.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := jobadgen.New(ix, clock(), 77).Ad(900001)
	p.Ad.Title, p.Ad.ExternalURL, p.Ad.Published = "Zebrapasser i Zoo", "", clock()
	placed, err := ix.Place(p.Ad)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := tb.portal.store.PutJobAd(ctx, "jc-101", placed, clock()); err != nil {
		t.Fatal(err)
	}
	// The run mails every due agent: the demo's own (Louise's) is not
	// this test's.
	louise, err := tb.portal.store.CitizenByCPR(ctx, "030792-2468")
	if err != nil {
		t.Fatal(err)
	}
	theirs := tb.portal.store.Citizen(louise.ID)
	agents, err := theirs.JobAgents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range agents.Agents {
		if err := theirs.DeleteJobAgent(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
	}
	run, err := jobs.RunJobAgents(ctx, tb.portal.store, ix, tb.portal.url, clock().Add(24*time.Hour))
	if err != nil || run.Mailed != 1 {
		t.Fatalf("the run: %+v %v", run, err)
	}
	// The worker's start-up run may have mailed the demo's agent too:
	// this test reads its own mail.
	const subject = "1 nyt job: Zebrapasser"
	mailed := func() bool {
		for _, m := range tb.portal.post.Received() {
			if m.Subject == subject {
				return true
			}
		}
		return false
	}
	for deadline := time.Now().Add(stepTimeout); !mailed(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the agent's mail never left the outbox")
		}
	}
	tb.do("open /dev/post", chromedp.Navigate(tb.base+"/dev/post"))
	mine := `[...document.querySelectorAll("article")].find(a => a.querySelector("h2").textContent.includes(` + js(subject) + `))`
	tb.waitUntil("the agent's mail is on /dev/post", mine+` !== undefined`)
	text := eval[string](tb, "read the agent's mail", mine+`.querySelector("pre").textContent`)
	if !strings.Contains(text, "Zebrapasser i Zoo") || !strings.Contains(text, tb.portal.url+"/job/") {
		t.Errorf("the mail lacks the ad or its link:\n%s", text)
	}
	if all := eval[string](tb, "read the mail's headers", mine+`.textContent`); !strings.Contains(all, "/api/v1/jobagents/unsubscribe?token=") {
		t.Errorf("the mail has no unsubscribe link:\n%s", all)
	}
	tb.screenshot("jobagent-post")

	// Work in Denmark: in English, made without the login functions.
	tb.open("/find-job?WIDK=true&q=Zebra")
	tb.click("#jobagent-toggle")
	tb.waitText("label[for='jobagent-email']", "E-mail address")
	tb.typeInto("#jobagent-email", "visitor@example.com")
	tb.click("#jobagent-submit")
	tb.waitText(".jobnet-jobagent-done", "We have sent an e-mail to visitor@example.com")
	if n := eval[int](tb, "count the lists", `document.querySelectorAll("#jobagent-list").length`); n != 0 {
		t.Errorf("Work in Denmark shows the citizen's agents")
	}
	tb.checkA11y("/find-job?WIDK=true after making a job agent")

	// Nina mirrors Mads: his agents, without "Opret jobagent" or "Slet".
	tb.open("/")
	tb.clickButton("Log ud")
	tb.waitPath("/log-ind")
	tb.loginCaseworker("nina")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.open("/find-job")
	tb.waitText("#jobagent-list", "Zebrapasser")
	if n := eval[int](tb, "look for controls", `document.querySelectorAll("#jobagent-toggle, #jobagent-list button").length`); n != 0 {
		t.Errorf("a caseworker mirroring sees %d controls of the job agents", n)
	}
	tb.checkA11y("/find-job mirrored by the jobcenter")
}
