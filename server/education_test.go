package server

import (
	"testing"

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
	var sent []shared.EducationSent
	c.decode(c.do("GET", "/api/ingest/v1/education-answers", nil, "Authorization", jc), 200, &sent)
	if len(sent) != 0 {
		t.Fatalf("saved only, yet collected: %+v", sent)
	}

	// Bad input: field messages, 400, nothing stored.
	bad := shared.EducationAnswer{Step: 3, Places: []shared.EducationPlace{{Name: "Et andet sted"}}, Send: true}
	r := emil.do("POST", "/api/plan/education", bad)
	if r.status != 400 || r.err().FieldMessage("places[0].name") == "" || r.err().FieldMessage("places") == "" {
		t.Errorf("bad answer: %d %s", r.status, r.body)
	}
	if r := emil.do("POST", "/api/plan/education", shared.EducationAnswer{Step: 2}); r.status != 409 {
		t.Errorf("answer to a step that is not current: %d %s", r.status, r.body)
	}

	// Send: the jobcenter collects it.
	send := save
	send.Places = append(send.Places, shared.EducationPlace{Name: "VUC Vestsjælland-Syd", Applied: true, Answer: shared.AnswerAdmitted})
	send.Send = true
	emil.decode(emil.do("POST", "/api/plan/education", send), 200, &st)
	if st.SentAt == nil || !st.SentAt.Equal(st.SavedAt) {
		t.Fatalf("sent: %+v", st)
	}
	c.decode(c.do("GET", "/api/ingest/v1/education-answers", nil, "Authorization", jc), 200, &sent)
	if len(sent) != 1 || sent[0].CPR != cprEmil || len(sent[0].Answer.Places) != 2 || sent[0].Answer.Places[1].Answer != shared.AnswerAdmitted {
		t.Fatalf("collected: %+v", sent)
	}
	c.decode(c.do("GET", "/api/ingest/v1/education-answers?since="+sent[0].SentAt.Format("2006-01-02T15:04:05.999999999Z07:00"), nil, "Authorization", jc), 200, &sent)
	if len(sent) != 0 {
		t.Errorf("since the last one: %+v", sent)
	}
	if r := c.do("GET", "/api/ingest/v1/education-answers?since=i-går", nil, "Authorization", jc); r.status != 400 {
		t.Errorf("bad since: %d", r.status)
	}
	var akSent []shared.EducationSent // Emil is no member of Det Faglige Hus
	c.decode(c.do("GET", "/api/ingest/v1/education-answers", nil, "Authorization", "Bearer demo-token-det-faglige-hus"), 200, &akSent)
	if len(akSent) != 0 {
		t.Errorf("an a-kasse collects another's answers: %+v", akSent)
	}

	// Mirror: the jobcenter sees the answer; the write is refused.
	nina := env.mirror("nina", cprEmil)
	nina.decode(nina.do("GET", "/api/plan", nil), 200, &view)
	if view.Education == nil || view.Education.SentAt == nil {
		t.Errorf("jobcenter sees %+v", view.Education)
	}
	if r := nina.do("POST", "/api/plan/education", send); r.status != 403 || r.err().Message != shared.MsgReadOnly {
		t.Errorf("mirror write: %d %s", r.status, r.body)
	}

	// Jonas is at step 2: proposing places, then the a-kasse sees the answer.
	jonas := env.client()
	jonas.loginCitizen("jonas")
	places := shared.EducationAnswer{Step: 2, Places: []shared.EducationPlace{{Goal: "Tømrer", Name: "EUC Syd"}}, Reason: "Tæt på, hvor jeg bor.", Send: true}
	jonas.decode(jonas.do("POST", "/api/plan/education", places), 200, &st)
	berit := env.mirror("berit", cprJonas)
	var ak shared.AKassePlanView
	berit.decode(berit.do("GET", "/api/plan", nil), 200, &ak)
	if ak.Education == nil || ak.Education.Answer.Reason != places.Reason {
		t.Errorf("a-kasse sees %+v", ak.Education)
	}
	if r := berit.do("POST", "/api/plan/education", places); r.status != 403 || r.err().Message != shared.MsgReadOnly {
		t.Errorf("a-kasse mirror write: %d %s", r.status, r.body)
	}
}
