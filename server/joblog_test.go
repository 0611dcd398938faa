package server

import (
	"bytes"
	"testing"

	"jobnet/server/ingestv1"
	"jobnet/shared"
)

// joblogs is the list for the query.
func (c *client) joblogs(q shared.JoblogQuery) shared.JoblogList {
	c.env.tb.Helper()
	path := shared.APIJoblogs + "?"
	for k, v := range q.Params() {
		path += k + "=" + v + "&"
	}
	var l shared.JoblogList
	c.decode(c.do("GET", path, nil), 200, &l)
	return l
}

func apiJoblog(title, company string) shared.JoblogInput {
	return shared.JoblogInput{Kind: shared.JoblogJob, Title: title, WorkingTime: shared.FullTimeJob, Company: company,
		Postcode: "2300", FoundVia: "jobnet", ApplyVia: "skriftlig"}
}

// TestJoblogAPI: Mads creates, lists, changes the status from the list,
// edits and deletes his logs; a refusal comes at its field; the jobcenter
// and the a-kasse read the list and the log as he does and change nothing.
func TestJoblogAPI(t *testing.T) {
	env := newTestEnv(t)
	mads := env.client()
	mads.loginCitizen("mads")

	var l shared.Joblog
	mads.decode(mads.do("POST", shared.APIJoblogs, apiJoblog("Rørlægger ZXAPI", "VVS Hansen")), 200, &l)
	today := shared.DateOf(env.clock.Now())
	if l.ID == 0 || l.City != "København S" || *l.Deadline != today.AddDays(5) || l.Status != shared.JoblogNotApplied || l.OriginText() != "Oprettet i Jobnet" {
		t.Fatalf("created %+v", l)
	}
	part := apiJoblog("Kok ZXAPI", "Kantinen")
	part.WorkingTime = shared.PartTimeJob
	if r := mads.do("POST", shared.APIJoblogs, part); r.status != 400 || r.err().FieldMessage(shared.FieldJoblogWeeklyHours) == "" {
		t.Errorf("Deltid without hours: %d %s", r.status, r.body)
	}
	part.WeeklyHours = ptr(20)
	var k shared.Joblog
	mads.decode(mads.do("POST", shared.APIJoblogs, part), 200, &k)

	mine := shared.JoblogQuery{Q: "zxapi"}
	if got := mads.joblogs(mine); len(got.Logs) != 2 || got.Logs[0].ID != k.ID || got.Counts.NotApplied != 2 {
		t.Errorf("list %+v", got)
	}
	var changed shared.Joblog
	mads.decode(mads.do("PUT", shared.JoblogStatusPath(l.ID), shared.JoblogStatusChange{Status: shared.JoblogInterview}), 200, &changed)
	if changed.Status != shared.JoblogInterview {
		t.Errorf("status %q", changed.Status)
	}
	interview := mine
	interview.Status = shared.JoblogInterview
	if got := mads.joblogs(interview); len(got.Logs) != 1 || got.Logs[0].ID != l.ID || got.Counts.All != 2 || got.Counts.Interview != 1 {
		t.Errorf("Samtale: %+v", got)
	}
	if r := mads.do("PUT", shared.JoblogStatusPath(l.ID), shared.JoblogStatusChange{Status: "ansat"}); r.status != 400 {
		t.Errorf("unknown status: %d", r.status)
	}
	edit := apiJoblog("Rørlægger ZXAPI", "VVS Hansen")
	edit.Closed, edit.Status = true, shared.JoblogApplied
	mads.decode(mads.do("PUT", shared.JoblogPath(l.ID), edit), 200, &changed)
	if got := mads.joblogs(mine); len(got.Logs) != 1 {
		t.Errorf("afsluttede hidden: %+v", got)
	}
	mine.Closed = true
	if got := mads.joblogs(mine); len(got.Logs) != 2 || got.Logs[1].ID != l.ID {
		t.Errorf("afsluttede last: %+v", got)
	}
	if r := mads.do("GET", shared.APIJoblogs+"?from=2027-13-01", nil); r.status != 400 {
		t.Errorf("bad date: %d", r.status)
	}

	// The caseworkers read it as Mads does and change nothing.
	listPath := shared.APIJoblogs + "?q=zxapi&closed=true"
	for _, cw := range []string{"nina", "berit"} {
		m := env.mirror(cw, cprMads)
		for _, path := range []string{listPath, shared.JoblogPath(l.ID)} {
			if r := m.do("GET", path, nil); r.status != 200 || !bytes.Equal(r.body, mads.do("GET", path, nil).body) {
				t.Errorf("%s reads %s: %d %s", cw, path, r.status, r.body)
			}
		}
		for _, w := range []struct {
			method, path string
			body         any
		}{
			{"POST", shared.APIJoblogs, part},
			{"PUT", shared.JoblogPath(l.ID), edit},
			{"PUT", shared.JoblogStatusPath(l.ID), shared.JoblogStatusChange{Status: shared.JoblogApplied}},
			{"DELETE", shared.JoblogPath(l.ID), nil},
		} {
			if r := m.do(w.method, w.path, w.body); r.status != 403 || r.err().Message != shared.MsgReadOnly {
				t.Errorf("%s: %s %s answered %d %s", cw, w.method, w.path, r.status, r.body)
			}
		}
	}

	// Another citizen does not find it.
	louise := env.client()
	louise.loginCitizen("louise")
	if r := louise.do("GET", shared.JoblogPath(l.ID), nil); r.status != 404 {
		t.Errorf("Louise reads Mads' log: %d", r.status)
	}
	if r := louise.do("DELETE", shared.JoblogPath(l.ID), nil); r.status != 404 {
		t.Errorf("Louise deletes Mads' log: %d", r.status)
	}

	mads.decode(mads.do("DELETE", shared.JoblogPath(l.ID), nil), 200, nil)
	if r := mads.do("GET", shared.JoblogPath(l.ID), nil); r.status != 404 {
		t.Errorf("deleted log: %d", r.status)
	}
}

// TestIngestJoblog: the a-kasse creates a log for its member, a retry
// changes nothing, a new message with the same log id updates it, the
// origin shows, and the delete removes it; a citizen not the sender's is
// refused.
func TestIngestJoblog(t *testing.T) {
	env := newTestEnv(t)
	const akToken, jcToken = "Bearer demo-token-det-faglige-hus", "Bearer demo-token-jobcenter-koebenhavn"
	c := env.client()
	post := func(path string, body any, auth string) response {
		return c.do("POST", path, body, "Authorization", auth)
	}
	in := ingestv1.Joblog{MessageID: "jl-1", CPR: cprMads, LogID: "ak-log-7", Kind: shared.JoblogJob, Title: "Smed ZXING",
		WorkingTime: shared.FullTimeJob, Company: "Stål A/S", Postcode: "8000", Status: shared.JoblogApplied, FoundVia: "jobnet", ApplyVia: "skriftlig"}
	var rec ingestv1.Receipt
	c.decode(post("/api/ingest/v1/joblogs", in, akToken), 200, &rec)
	if rec.Duplicate {
		t.Errorf("first message a duplicate")
	}
	c.decode(post("/api/ingest/v1/joblogs", in, akToken), 200, &rec)
	if !rec.Duplicate {
		t.Errorf("retry not a duplicate")
	}
	mads := env.client()
	mads.loginCitizen("mads")
	q := shared.JoblogQuery{Q: "zxing"}
	got := mads.joblogs(q)
	if len(got.Logs) != 1 || got.Logs[0].OriginText() != "Oprettet af Det Faglige Hus A-kasse" || got.Logs[0].Place != "8000 Aarhus C" {
		t.Fatalf("ingested: %+v", got)
	}
	in.MessageID, in.Status = "jl-2", shared.JoblogInterview
	c.decode(post("/api/ingest/v1/joblogs", in, akToken), 200, &rec)
	if got = mads.joblogs(q); len(got.Logs) != 1 || got.Logs[0].Status != shared.JoblogInterview {
		t.Errorf("updated: %+v", got)
	}
	// The jobcenter's log of the same id is another log.
	in.MessageID = "jl-3"
	c.decode(post("/api/ingest/v1/joblogs", in, jcToken), 200, &rec)
	if got = mads.joblogs(q); len(got.Logs) != 2 {
		t.Errorf("the jobcenter's own: %+v", got)
	}
	bad := in
	bad.MessageID, bad.PlaceUnknown = "jl-4", true
	if r := post("/api/ingest/v1/joblogs", bad, akToken); r.status != 400 || r.err().FieldMessage(shared.FieldJoblogArea) == "" {
		t.Errorf("no area: %d %s", r.status, r.body)
	}
	louise := in
	louise.MessageID, louise.CPR = "jl-5", cprLouise
	if r := post("/api/ingest/v1/joblogs", louise, akToken); r.status != 403 {
		t.Errorf("not the a-kasse's member: %d %s", r.status, r.body)
	}
	c.decode(post("/api/ingest/v1/joblogs/delete", ingestv1.JoblogDeletion{MessageID: "jl-6", CPR: cprMads, LogID: "ak-log-7"}, akToken), 200, &rec)
	if got = mads.joblogs(q); len(got.Logs) != 1 || got.Logs[0].Origin != "Jobcenter København" {
		t.Errorf("after the a-kasse's delete: %+v", got)
	}
	if r := post("/api/ingest/v1/joblogs/delete", ingestv1.JoblogDeletion{MessageID: "jl-7", CPR: cprMads, LogID: "ak-log-7"}, akToken); r.status != 404 {
		t.Errorf("deleted twice: %d", r.status)
	}
}
