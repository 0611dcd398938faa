package server

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"jobnet/server/ingestv1"
	"jobnet/server/storage"
	"jobnet/shared"
)

const (
	cprHenrik        = "140271-3579"
	screeningJC      = "Bearer demo-token-jobcenter-koebenhavn"
	screeningAKasse  = "Bearer demo-token-det-faglige-hus"
	pathScreenings   = "/api/ingest/v1/screenings"
	pathScreeningOut = "/api/ingest/v1/screenings/withdraw"
	pathScreeningIn  = "/api/ingest/v1/screening-answers"
)

func aScreening(msg, cpr, id string, kind shared.ScreeningKind) ingestv1.Screening {
	return ingestv1.Screening{MessageID: msg, CPR: cpr, ScreeningID: id, Kind: kind, Questions: shared.ScreeningSet(kind)}
}

// kontanthjaelpAnswers answer every question of the kontanthjælp set.
func kontanthjaelpAnswers() map[string][]string {
	a := shared.ScreeningSourceAnswers()
	delete(a, "opsagt")
	delete(a, "vidst-ledig")
	return a
}

// TestScreeningIngestion: a jobcenter publishes, retries, replaces and
// withdraws screenings; the ingestion's refusals; the case system collects
// the answers (SPEC C5, F).
func TestScreeningIngestion(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	send := func(path string, body any, token string) response {
		return c.do("POST", path, body, "Authorization", token)
	}
	var rc ingestv1.Receipt
	s1 := aScreening("sc-1", cprHenrik, "henrik-1", shared.ScreeningKontanthjaelp)
	c.decode(send(pathScreenings, s1, screeningJC), 200, &rc)
	if rc.Duplicate {
		t.Fatal("first message reported as duplicate")
	}
	// Idempotent on the message id; the same id with another body is a conflict.
	c.decode(send(pathScreenings, s1, screeningJC), 200, &rc)
	if !rc.Duplicate {
		t.Error("a retry was not reported as duplicate")
	}
	other := s1
	other.Kind, other.Questions = shared.ScreeningDagpenge, shared.ScreeningSet(shared.ScreeningDagpenge)
	if r := send(pathScreenings, other, screeningJC); r.status != 409 {
		t.Errorf("same message id, other body: %d %s", r.status, r.body)
	}
	// The same screening id in a new message with the same content changes nothing.
	again := s1
	again.MessageID = "sc-1b"
	c.decode(send(pathScreenings, again, screeningJC), 200, &rc)

	for _, tc := range []struct {
		name   string
		body   ingestv1.Screening
		token  string
		status int
		field  string
	}{
		{"ErrAKasseSends", aScreening("sc-x1", cprMads, "x1", shared.ScreeningDagpenge), screeningAKasse, 403, ""},
		{"ErrNotOwnCitizen", aScreening("sc-x2", cprLouise, "x2", shared.ScreeningKontanthjaelp), screeningJC, 403, ""},
		{"ErrUnknownKind", aScreening("sc-x3", cprHenrik, "x3", "sygedagpenge"), screeningJC, 400, "kind"},
		{"ErrNoQuestions", ingestv1.Screening{MessageID: "sc-x4", CPR: cprHenrik, ScreeningID: "x4", Kind: shared.ScreeningDagpenge}, screeningJC, 400, "questions"},
		{"ErrOneOption", func() ingestv1.Screening {
			s := aScreening("sc-x5", cprHenrik, "x5", shared.ScreeningDagpenge)
			s.Questions[0].Options = s.Questions[0].Options[:1]
			return s
		}(), screeningJC, 400, "questions[0].options"},
		{"ErrUnknownCitizen", aScreening("sc-x6", "010101-1234", "x6", shared.ScreeningDagpenge), screeningJC, 404, "cpr"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := send(pathScreenings, tc.body, tc.token)
			if r.status != tc.status || tc.field != "" && r.err().FieldMessage(tc.field) == "" {
				t.Errorf("%d %s, want %d with a message at %q", r.status, r.body, tc.status, tc.field)
			}
		})
	}

	henrik := env.client()
	henrik.loginCitizen("henrik")
	var ov shared.Overview
	ov = shared.Overview{}
	henrik.decode(henrik.do("GET", shared.APIOverview, nil), 200, &ov)
	if ov.Features.Forberedelsesskema != shared.ScreeningKontanthjaelp {
		t.Errorf("menu: %+v", ov.Features)
	}
	var page shared.ScreeningPage
	page = shared.ScreeningPage{}
	henrik.decode(henrik.do("GET", shared.APIScreening, nil), 200, &page)
	if page.Screening == nil || page.Screening.Kind != shared.ScreeningKontanthjaelp || len(page.Screening.Questions) != 6 || page.Screening.Answered != nil {
		t.Fatalf("page: %+v", page.Screening)
	}
	first := page.Screening.ID

	// A new screening replaces the unanswered one: it is gone.
	c.decode(send(pathScreenings, aScreening("sc-2", cprHenrik, "henrik-2", shared.ScreeningDagpenge), screeningJC), 200, nil)
	page = shared.ScreeningPage{}
	henrik.decode(henrik.do("GET", shared.APIScreening, nil), 200, &page)
	if page.Screening == nil || page.Screening.ID == first || page.Screening.Kind != shared.ScreeningDagpenge {
		t.Fatalf("after a new screening: %+v", page.Screening)
	}
	if r := send(pathScreeningOut, ingestv1.ScreeningWithdrawal{MessageID: "sc-w1", CPR: cprHenrik, ScreeningID: "henrik-1"}, screeningJC); r.status != 404 {
		t.Errorf("the replaced screening is still there: %d %s", r.status, r.body)
	}

	// Answered: the same id with other questions is a conflict.
	in := shared.ScreeningAnswerInput{ScreeningID: page.Screening.ID, Answers: shared.ScreeningSourceAnswers()}
	henrik.decode(henrik.do("POST", shared.APIScreening, in), 200, &page)
	changed := aScreening("sc-3", cprHenrik, "henrik-2", shared.ScreeningKontanthjaelp)
	if r := send(pathScreenings, changed, screeningJC); r.status != 409 {
		t.Errorf("changing an answered screening: %d %s", r.status, r.body)
	}

	// Collected once settled, by the jobcenter only, after the last seq.
	var got []ingestv1.ScreeningAnswer
	c.decode(c.do("GET", pathScreeningIn, nil, "Authorization", screeningJC), 200, &got)
	if len(got) != 1 || got[0].CPR != cprMads {
		t.Fatalf("Henrik's collected before it settled, or Mads' demo answer missing: %+v", got)
	}
	env.clock.Advance(3 * time.Second)
	c.decode(c.do("GET", pathScreeningIn, nil, "Authorization", screeningJC), 200, &got)
	// Mads' demo answer comes first: it was given five days ago.
	if len(got) != 2 || got[1].CPR != cprHenrik || got[1].ScreeningID != "henrik-2" || got[1].Kind != shared.ScreeningDagpenge ||
		len(got[1].Answers["hvordan-soeger"]) != 4 || got[0].CPR != cprMads {
		t.Fatalf("collected: %+v", got)
	}
	c.decode(c.do("GET", pathScreeningIn+"?after="+strconv.FormatInt(got[1].Seq, 10), nil, "Authorization", screeningJC), 200, &got)
	if len(got) != 0 {
		t.Errorf("after the last: %+v", got)
	}
	if r := c.do("GET", pathScreeningIn+"?after=x", nil, "Authorization", screeningJC); r.status != 400 {
		t.Errorf("bad after: %d", r.status)
	}
	if r := c.do("GET", pathScreeningIn, nil, "Authorization", screeningAKasse); r.status != 403 {
		t.Errorf("an a-kasse collects: %d", r.status)
	}

	// A new screening after an answered one: only the new one is shown;
	// the answer stays for the case system. Withdrawn, it is gone.
	c.decode(send(pathScreenings, aScreening("sc-4", cprHenrik, "henrik-3", shared.ScreeningKontanthjaelp), screeningJC), 200, nil)
	page = shared.ScreeningPage{}
	henrik.decode(henrik.do("GET", shared.APIScreening, nil), 200, &page)
	if page.Screening == nil || page.Screening.Answered != nil || page.Screening.Kind != shared.ScreeningKontanthjaelp {
		t.Fatalf("after a new screening: %+v", page.Screening)
	}
	c.decode(send(pathScreeningOut, ingestv1.ScreeningWithdrawal{MessageID: "sc-w2", CPR: cprHenrik, ScreeningID: "henrik-3"}, screeningJC), 200, nil)
	c.decode(send(pathScreeningOut, ingestv1.ScreeningWithdrawal{MessageID: "sc-w3", CPR: cprHenrik, ScreeningID: "henrik-2"}, screeningJC), 200, nil)
	page = shared.ScreeningPage{}
	henrik.decode(henrik.do("GET", shared.APIScreening, nil), 200, &page)
	ov = shared.Overview{}
	henrik.decode(henrik.do("GET", shared.APIOverview, nil), 200, &ov)
	if page.Screening != nil || ov.Features.Forberedelsesskema != "" {
		t.Errorf("after withdrawal: %+v, menu %q", page.Screening, ov.Features.Forberedelsesskema)
	}
	if r := henrik.do("POST", shared.APIScreening, in); r.status != 404 {
		t.Errorf("answer without a screening: %d %s", r.status, r.body)
	}
}

// TestScreeningAnswer: the citizen's answer is judged at its fields, kept
// whole when refused, taken once; the receipt and its PDF.
func TestScreeningAnswer(t *testing.T) {
	env := newTestEnv(t)
	jonas := env.client()
	jonas.loginCitizen("jonas") // demo: a dagpenge screening waiting
	var page shared.ScreeningPage
	jonas.decode(jonas.do("GET", shared.APIScreening, nil), 200, &page)
	if page.Screening == nil || page.Screening.Answered != nil || len(page.Screening.Questions) != 8 {
		t.Fatalf("demo screening: %+v", page.Screening)
	}
	if r := jonas.do("GET", shared.APIScreeningPDF, nil); r.status != 404 {
		t.Errorf("a receipt before the answer: %d", r.status)
	}
	answers := shared.ScreeningSourceAnswers()
	delete(answers, "opsagt")
	answers["hvor-hurtigt"] = []string{"hvor-hurtigt-a", "hvor-hurtigt-b"}
	r := jonas.do("POST", shared.APIScreening, shared.ScreeningAnswerInput{ScreeningID: page.Screening.ID, Answers: answers})
	if r.status != 400 || r.err().FieldMessage("answers.opsagt") != shared.MsgScreeningChooseOne ||
		r.err().FieldMessage("answers.hvor-hurtigt") != shared.MsgScreeningOnlyOne || len(r.err().Fields) != 2 {
		t.Fatalf("bad answer: %d %s", r.status, r.body)
	}
	if r := jonas.do("POST", shared.APIScreening, shared.ScreeningAnswerInput{ScreeningID: page.Screening.ID + 1000, Answers: shared.ScreeningSourceAnswers()}); r.status != 409 {
		t.Errorf("answer to another screening: %d %s", r.status, r.body)
	}
	if r := jonas.do("POST", shared.APIScreening, map[string]any{"screening_id": "x"}); r.status != 400 {
		t.Errorf("unreadable answer: %d %s", r.status, r.body)
	}
	in := shared.ScreeningAnswerInput{ScreeningID: page.Screening.ID, Answers: shared.ScreeningSourceAnswers()}
	jonas.decode(jonas.do("POST", shared.APIScreening, in), 200, &page)
	if page.Screening.Answered == nil || page.ShownUntil != shared.DateOf(env.clock.Now()).AddDays(90) || page.CPR != "250899-XXXX" || page.Name != "Jonas Madsen" {
		t.Fatalf("receipt: %+v", page)
	}
	if r := jonas.do("POST", shared.APIScreening, in); r.status != 409 {
		t.Errorf("answered twice: %d %s", r.status, r.body)
	}
	r = jonas.do("GET", shared.APIScreeningPDF, nil)
	if r.status != 200 || r.header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("pdf: %d %s", r.status, r.body)
	}
	text := strings.Join(strings.Fields(pdfText(t, r.body)), " ")
	for _, want := range append([]string{"Kvittering - forberedelsesskema", "Dato: " + shared.DateOf(env.clock.Now()).Danish(), "Navn: Jonas Madsen",
		"CPR-nummer: 250899-XXXX", shared.ScreeningAnswersHeading, "1: Hvad er den højeste uddannelse, du har gennemført?",
		"TAMU, produktionsskole, kombinationsprojekt", "Bruger sociale medier (Facebook, LinkedIn mv.)"}, shared.ScreeningReceiptTexts[0]) {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "250899-1357") {
		t.Error("the PDF holds the whole CPR number")
	}
}

// TestScreeningRoles: the jobcenter sees everything read-only; the
// a-kasse only the current dagpenge screening — never a kontanthjælp one
// (000_…txt 4.6); no caseworker answers.
func TestScreeningRoles(t *testing.T) {
	env := newTestEnv(t)
	in := shared.ScreeningAnswerInput{ScreeningID: 1, Answers: shared.ScreeningSourceAnswers()}
	// Mads answered a dagpenge screening five days ago (demo).
	for _, cw := range []string{"nina", "berit"} {
		m := env.mirror(cw, cprMads)
		var page shared.ScreeningPage
		m.decode(m.do("GET", shared.APIScreening, nil), 200, &page)
		if page.Screening == nil || page.Screening.Answered == nil || page.Screening.Kind != shared.ScreeningDagpenge {
			t.Errorf("%s sees %+v", cw, page.Screening)
		}
		var ov shared.Overview
		m.decode(m.do("GET", shared.APIOverview, nil), 200, &ov)
		if ov.Features.Forberedelsesskema != shared.ScreeningDagpenge {
			t.Errorf("%s's menu: %+v", cw, ov.Features)
		}
		if r := m.do("GET", shared.APIScreeningPDF, nil); r.status != 200 || !strings.Contains(pdfText(t, r.body), "Jeg er blevet opsagt") {
			t.Errorf("%s's PDF: %d", cw, r.status)
		}
		if r := m.do("POST", shared.APIScreening, in); r.status != 403 || r.err().Message != shared.MsgReadOnly {
			t.Errorf("%s answers: %d %s", cw, r.status, r.body)
		}
	}

	// The jobcenter replaces it with a kontanthjælp screening, which Mads
	// answers: the a-kasse sees none of it.
	c := env.client()
	kh := aScreening("sc-kh", cprMads, "mads-kh", shared.ScreeningKontanthjaelp)
	kh.Questions[0].Text = "KONTANTHJAELP-SPOERGSMAAL " + kh.Questions[0].Text
	c.decode(c.do("POST", pathScreenings, kh, "Authorization", screeningJC), 200, nil)
	mads := env.client()
	mads.loginCitizen("mads")
	var page shared.ScreeningPage
	mads.decode(mads.do("GET", shared.APIScreening, nil), 200, &page)
	mads.decode(mads.do("POST", shared.APIScreening, shared.ScreeningAnswerInput{ScreeningID: page.Screening.ID, Answers: kontanthjaelpAnswers()}), 200, &page)

	nina := env.mirror("nina", cprMads)
	if r := nina.do("GET", shared.APIScreening, nil); r.status != 200 || !strings.Contains(string(r.body), "KONTANTHJAELP-SPOERGSMAAL") {
		t.Errorf("the jobcenter does not see the kontanthjælp screening: %d %s", r.status, r.body)
	}
	berit := env.mirror("berit", cprMads)
	for _, p := range []string{shared.APIScreening, shared.APIOverview, shared.APIScreeningPDF, "/forberedelsesskema", "/"} {
		r := berit.do("GET", p, nil, "X-Jobnet-Path", "/")
		body := string(r.body)
		if r.header.Get("Content-Type") == "application/pdf" {
			body = pdfText(t, r.body)
		}
		if strings.Contains(body, "KONTANTHJAELP-SPOERGSMAAL") || strings.Contains(body, `"kontanthjaelp"`) ||
			strings.Contains(body, "mads-kh") || r.status >= 500 {
			t.Errorf("the a-kasse got the kontanthjælp screening in GET %s: %d %s", p, r.status, body)
		}
	}
	var ak shared.ScreeningPage
	berit.decode(berit.do("GET", shared.APIScreening, nil), 200, &ak)
	var ov shared.Overview
	berit.decode(berit.do("GET", shared.APIOverview, nil), 200, &ov)
	if ak.Screening != nil || ov.Features.Forberedelsesskema != "" {
		t.Errorf("a-kasse: %+v, menu %q", ak.Screening, ov.Features.Forberedelsesskema)
	}
	if r := berit.do("GET", shared.APIScreeningPDF, nil); r.status != 404 {
		t.Errorf("a-kasse PDF: %d", r.status)
	}
	if r := berit.do("POST", shared.APIScreening, in); r.status != 403 || r.err().Message != shared.MsgReadOnly {
		t.Errorf("a-kasse answers: %d %s", r.status, r.body)
	}
}

// TestScreeningRetention: an answer is shown through the 90th day after
// the day it was given, then gone from the page and the menu, and the
// retention job deletes it (SPEC E2; 003_…txt).
func TestScreeningRetention(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	var rule storage.RetentionRule
	for _, r := range storage.RetentionRules(20 * time.Minute) {
		if r.Name == "screenings" {
			rule = r
		}
	}
	if rule.Name == "" {
		t.Fatal("no retention rule for screenings")
	}
	jonas := env.client()
	jonas.loginCitizen("jonas")
	var page shared.ScreeningPage
	jonas.decode(jonas.do("GET", shared.APIScreening, nil), 200, &page)
	jonas.decode(jonas.do("POST", shared.APIScreening, shared.ScreeningAnswerInput{ScreeningID: page.Screening.ID, Answers: shared.ScreeningSourceAnswers()}), 200, nil)
	answered := env.clock.Now() // 5 January 2027, 10:00

	// Late on the answer's day + N, the test clock's days.
	for _, tc := range []struct {
		day     int
		shown   bool
		deleted int // rows the job deletes that day (Mads' demo answer is 5 days older)
	}{
		{85, true, 0}, {86, true, 1}, {89, true, 0}, {90, true, 0}, {91, false, 1}, {92, false, 0},
	} {
		at := time.Date(answered.Year(), answered.Month(), answered.Day()+tc.day, 23, 30, 0, 0, answered.Location())
		env.clock.Advance(at.Sub(env.clock.Now()))
		c := env.client()
		c.loginCitizen("jonas")
		page = shared.ScreeningPage{}
		c.decode(c.do("GET", shared.APIScreening, nil), 200, &page)
		var ov shared.Overview
		c.decode(c.do("GET", shared.APIOverview, nil), 200, &ov)
		if got := page.Screening != nil; got != tc.shown || (ov.Features.Forberedelsesskema != "") != tc.shown {
			t.Errorf("day %d: shown %v, menu %q, want %v", tc.day, got, ov.Features.Forberedelsesskema, tc.shown)
		}
		if n, err := env.store.DeleteExpired(ctx, rule, env.clock.Now(), 100); err != nil || n != tc.deleted {
			t.Errorf("day %d: retention deleted %d (%v), want %d", tc.day, n, err, tc.deleted)
		}
	}
}
