package server

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"jobnet/server/ingestv1"
	"jobnet/shared"
)

const cprEmil, cprJonas = "150307-4455", "250899-1357"

// The uddannelsespålæg's answers: saved, sent, judged against the current
// step, refused in mirror mode, collected by the case system.
func TestEducationAnswer(t *testing.T) {
	env := newTestEnv(t)
	emil := env.client()
	emil.loginCitizen("emil") // demo: step 3 with two agreed places

	// Save without sending: nothing reaches the case system yet.
	save := shared.EducationAnswer{Step: 3, Places: []shared.EducationPlace{{Name: "EUC Lillebælt", Applied: true, Answer: shared.AnswerPending}}}
	var st shared.EducationState
	emil.decode(emil.do("POST", "/api/plan/education", save), 200, &st)
	if st.SentAt != nil || len(st.Answer.Places) != 1 {
		t.Fatalf("saved: %+v", st)
	}
	var view shared.PlanView
	emil.decode(emil.do("GET", "/api/plan", nil), 200, &view)
	if view.Education == nil || view.Education.Answer.Places[0].Name != "EUC Lillebælt" || view.Education.SentAt != nil {
		t.Fatalf("plan view's education: %+v", view.Education)
	}
	c := env.client()
	const jc = "Bearer demo-token-jobcenter-koebenhavn"
	var sent []ingestv1.EducationAnswerSent
	c.decode(c.do("GET", "/api/ingest/v1/education-answers", nil, "Authorization", jc), 200, &sent)
	if len(sent) != 0 {
		t.Fatalf("saved only, yet collected: %+v", sent)
	}

	// Bad input: field messages, 400, nothing stored.
	bad := shared.EducationAnswer{Step: 3, Places: []shared.EducationPlace{{Name: "Et andet sted"}}}
	r := emil.do("POST", "/api/plan/education/send", bad)
	if r.status != 400 || r.err().FieldMessage("places[0].name") == "" || r.err().FieldMessage("places") == "" {
		t.Errorf("bad answer: %d %s", r.status, r.body)
	}
	if r := emil.do("POST", "/api/plan/education", shared.EducationAnswer{Step: 2}); r.status != 409 {
		t.Errorf("answer to a step that is not current: %d %s", r.status, r.body)
	}

	// Send: the jobcenter collects it once it has settled.
	send := save
	send.Places = append(send.Places, shared.EducationPlace{Name: "VUC Vestsjælland-Syd", Applied: true, Answer: shared.AnswerAdmitted})
	emil.decode(emil.do("POST", "/api/plan/education/send", send), 200, &st)
	if st.SentAt == nil || !st.SentAt.Equal(st.SavedAt) || st.Sent == nil || len(st.Sent.Places) != 2 || st.Unsent() {
		t.Fatalf("sent: %+v", st)
	}
	c.decode(c.do("GET", "/api/ingest/v1/education-answers", nil, "Authorization", jc), 200, &sent)
	if len(sent) != 0 {
		t.Fatalf("collected before it settled: %+v", sent)
	}
	env.clock.Advance(3 * time.Second)
	c.decode(c.do("GET", "/api/ingest/v1/education-answers", nil, "Authorization", jc), 200, &sent)
	if len(sent) != 1 || sent[0].CPR != cprEmil || len(sent[0].Answer.Places) != 2 || sent[0].Answer.Places[1].Answer != shared.AnswerAdmitted || strings.Contains(string(mustJSON(t, sent)), `"send"`) {
		t.Fatalf("collected: %+v", sent)
	}
	after := fmt.Sprint(sent[0].Seq)
	c.decode(c.do("GET", "/api/ingest/v1/education-answers?after="+after, nil, "Authorization", jc), 200, &sent)
	if len(sent) != 0 {
		t.Errorf("after the last one: %+v", sent)
	}
	if r := c.do("GET", "/api/ingest/v1/education-answers?after=i-går", nil, "Authorization", jc); r.status != 400 {
		t.Errorf("bad after: %d", r.status)
	}
	if r := c.do("GET", "/api/ingest/v1/education-answers", nil, "Authorization", "Bearer demo-token-det-faglige-hus"); r.status != 403 {
		t.Errorf("an a-kasse collects answers: %d %s", r.status, r.body)
	}

	// Gem after sending: the caseworker keeps what was sent.
	draft := send
	draft.Places = append([]shared.EducationPlace{}, send.Places...)
	draft.Places[1].Answer = shared.AnswerWaiting
	env.clock.Advance(time.Minute)
	emil.decode(emil.do("POST", "/api/plan/education", draft), 200, &st)
	if !st.Unsent() || st.Sent.Places[1].Answer != shared.AnswerAdmitted || st.Answer.Places[1].Answer != shared.AnswerWaiting {
		t.Errorf("saved after sending: %+v", st)
	}
	env.clock.Advance(3 * time.Second)
	c.decode(c.do("GET", "/api/ingest/v1/education-answers?after="+after, nil, "Authorization", jc), 200, &sent)
	if len(sent) != 0 {
		t.Errorf("a saved draft was collected: %+v", sent)
	}

	// Mirror: the jobcenter sees the answer; the write is refused.
	emil.decode(emil.do("POST", "/api/plan/education/send", send), 200, &st) // sent again
	nina := env.mirror("nina", cprEmil)
	nina.decode(nina.do("GET", "/api/plan", nil), 200, &view)
	if view.Education == nil || view.Education.SentAt == nil {
		t.Errorf("jobcenter sees %+v", view.Education)
	}
	if r := nina.do("POST", "/api/plan/education/send", send); r.status != 403 || r.err().Message != shared.MsgReadOnly {
		t.Errorf("mirror write: %d %s", r.status, r.body)
	}

	// Jonas is at step 2: proposing places, then the a-kasse sees the answer.
	jonas := env.client()
	jonas.loginCitizen("jonas")
	places := shared.EducationAnswer{Step: 2, Places: []shared.EducationPlace{{Goal: "Tømrer", Name: "EUC Syd"}}, Reason: "Tæt på, hvor jeg bor."}
	jonas.decode(jonas.do("POST", "/api/plan/education/send", places), 200, &st)
	draft2 := places
	draft2.Reason = "UDKAST-MARKER"
	jonas.decode(jonas.do("POST", "/api/plan/education", draft2), 200, &st)
	berit := env.mirror("berit", cprJonas)
	var ak shared.AKassePlanView
	r = berit.do("GET", "/api/plan", nil)
	berit.decode(r, 200, &ak)
	if ak.Education == nil || ak.Education.Sent.Reason != places.Reason || strings.Contains(string(r.body), "UDKAST-MARKER") {
		t.Errorf("a-kasse sees %s", r.body)
	}
	if r := berit.do("POST", "/api/plan/education/send", places); r.status != 403 || r.err().Message != shared.MsgReadOnly {
		t.Errorf("a-kasse mirror write: %d %s", r.status, r.body)
	}
}
