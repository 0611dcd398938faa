package server

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"jobnet/server/demo"
	"jobnet/server/ingestv1"
	"jobnet/server/servertest"
	"jobnet/shared"
)

const (
	pathRehabCases   = "/api/ingest/v1/rehab-cases"
	pathRehabRecs    = "/api/ingest/v1/rehab-recommendations"
	pathRehabPrepOut = "/api/ingest/v1/rehab-preparations"
)

// minSituationAnswers answer every question of Min situation.
func minSituationAnswers() map[string][]string {
	return map[string][]string{"helbred": {"helbred-c"}, "timer": {"timer-b"}, "fylder": {"fylder-a", "fylder-d"},
		"hjaelp": {"hjaelp-a", "hjaelp-c"}, "fremtid": {"fremtid-b"}}
}

// TestMinSag: Henrik's case from the demo in the preparatory part; his
// CV to the team and Min situation, with the messages at the field; the
// jobcenter's recommendation, after which nothing changes; its PDF; the
// case system's collection of what he prepared; the case closed (SPEC D13;
// 003 «Min sag til teamet»). The clock is the test's.
func TestMinSag(t *testing.T) {
	env := newTestEnv(t)
	jc := env.client()
	send := func(path string, body any, token string) response {
		return jc.do("POST", path, body, "Authorization", token)
	}
	today := shared.DateOf(env.clock.Now().In(servertest.Copenhagen))

	henrik := env.client()
	henrik.loginCitizen("henrik")
	var ov shared.Overview
	henrik.decode(henrik.do("GET", shared.APIOverview, nil), 200, &ov)
	if !ov.Features.MinSag {
		t.Error("Henrik's front page has no Min sag til teamet")
	}
	louise := env.client()
	louise.loginCitizen("louise")
	ov = shared.Overview{}
	louise.decode(louise.do("GET", shared.APIOverview, nil), 200, &ov)
	if ov.Features.MinSag {
		t.Error("Louise, without a case, has Min sag til teamet")
	}
	var lp shared.MinSagPage
	louise.decode(louise.do("GET", shared.APIMinSag, nil), 200, &lp)
	if lp.Case != nil || len(lp.Items) != 0 {
		t.Errorf("Louise's page: %+v", lp)
	}
	if r := louise.do("PUT", shared.APIMinSagCV, shared.RehabCV{Resources: "x"}); r.status != 404 || r.err().Message != shared.MsgNoRehabCase {
		t.Errorf("Louise saves a CV to the team: %d %s", r.status, r.body)
	}

	var page shared.MinSagPage
	henrik.decode(henrik.do("GET", shared.APIMinSag, nil), 200, &page)
	c := page.Case
	if c == nil || c.Status() != shared.RehabForberedelse || c.CV != demo.HenrikRehabCV || c.CVSaved == nil ||
		c.SituationSaved != nil || c.TeamMeeting.IsZero() || len(page.Questions) != len(shared.MinSituationQuestions()) {
		t.Fatalf("Henrik's case: %+v", c)
	}
	if len(page.FromCV) != 1 || page.FromCV[0].Title != "Køkkenmedhjælper" || page.FromCV[0].Period == "" {
		t.Errorf("Mit CV's part: %+v", page.FromCV)
	}
	if len(page.Items) != 2 || page.Items[0].Anchor != shared.MinSagAnchorCV {
		t.Errorf("items %+v", page.Items)
	}

	// The CV to the team: the messages at the field; a save trims.
	for _, tc := range []struct {
		name  string
		cv    shared.RehabCV
		field string
		msg   string
	}{
		{"ErrEmpty", shared.RehabCV{Wishes: "   "}, "resources", shared.MsgRehabCVEmpty},
		{"ErrTooLong", shared.RehabCV{Resources: "ok", Challenges: strings.Repeat("ø", 2001)}, "challenges", "Må højst være 2000 tegn."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := henrik.do("PUT", shared.APIMinSagCV, tc.cv)
			if r.status != 400 || r.err().FieldMessage(tc.field) != tc.msg {
				t.Errorf("%d %s, want 400 with %q at %s", r.status, r.body, tc.msg, tc.field)
			}
		})
	}
	cv := shared.RehabCV{Resources: "  Jeg laver god mad.\r\n", Challenges: "Min ryg kan ikke tåle tunge løft.", Wishes: "Køkken"}
	henrik.decode(henrik.do("PUT", shared.APIMinSagCV, cv), 200, &page)
	if page.Case.CV != cv.Normalized() || page.Case.CV.Resources != "Jeg laver god mad." {
		t.Errorf("saved CV %+v", page.Case.CV)
	}

	// Min situation.
	missing := minSituationAnswers()
	delete(missing, "fylder")
	if r := henrik.do("PUT", shared.APIMinSagSituation, shared.MinSituation{Answers: missing}); r.status != 400 ||
		r.err().FieldMessage("answers.fylder") != shared.MsgScreeningChooseSome {
		t.Errorf("a question unanswered: %d %s", r.status, r.body)
	}
	sit := shared.MinSituation{Answers: minSituationAnswers(), Comment: "Jeg sover dårligt om natten."}
	henrik.decode(henrik.do("PUT", shared.APIMinSagSituation, sit), 200, &page)
	if page.Case.SituationSaved == nil || page.Case.Situation.Comment != sit.Comment || len(page.Case.Situation.Answers["fylder"]) != 2 {
		t.Errorf("saved situation %+v", page.Case.Situation)
	}

	// The jobcenter reads it, changes nothing.
	nina := env.mirror("nina", cprHenrik)
	var seen shared.MinSagPage
	nina.decode(nina.do("GET", shared.APIMinSag, nil), 200, &seen)
	if seen.Case == nil || seen.Case.Situation.Comment != sit.Comment {
		t.Errorf("Nina sees %+v", seen.Case)
	}
	if r := nina.do("PUT", shared.APIMinSagCV, cv); r.status != 403 || r.err().Message != shared.MsgReadOnly {
		t.Errorf("Nina writes the CV to the team: %d %s", r.status, r.body)
	}

	// The case system collects what Henrik prepared, each case once with
	// its last save; the a-kasse is refused.
	env.clock.Advance(3 * time.Second)
	var preps []ingestv1.RehabPreparation
	jc.decode(jc.do("GET", pathRehabPrepOut, nil, "Authorization", screeningJC), 200, &preps)
	if len(preps) != 1 || preps[0].CaseID != demo.HenrikRehabCase || preps[0].CV != cv.Normalized() ||
		preps[0].SituationComment != sit.Comment || preps[0].CPR != cprHenrik {
		t.Fatalf("collected %+v", preps)
	}
	jc.decode(jc.do("GET", pathRehabPrepOut+"?after="+strconv.FormatInt(preps[0].Seq, 10), nil, "Authorization", screeningJC), 200, &preps)
	if len(preps) != 0 {
		t.Errorf("after the last seq: %+v", preps)
	}
	if r := jc.do("GET", pathRehabPrepOut, nil, "Authorization", screeningAKasse); r.status != 403 {
		t.Errorf("the a-kasse collects: %d", r.status)
	}

	// The recommendation: the ingestion's refusals, then the jobcenter's.
	rec := ingestv1.RehabRecommendation{MessageID: "rr-1", CPR: cprHenrik, CaseID: demo.HenrikRehabCase,
		Outcome: shared.RehabRessourceforloeb, DecidedOn: today, Team: "Rehabiliteringsteamet i København",
		Text: "Teamet vurderer, at Henrik kan udvikle sin arbejdsevne i et ressourceforløb på to år."}
	for _, tc := range []struct {
		name   string
		body   ingestv1.RehabRecommendation
		token  string
		status int
		field  string
	}{
		{"ErrAKasseSends", rec, screeningAKasse, 403, ""},
		{"ErrUnknownOutcome", func() ingestv1.RehabRecommendation { r := rec; r.MessageID, r.Outcome = "rr-x1", "pension"; return r }(), screeningJC, 400, "outcome"},
		{"ErrUnknownCase", func() ingestv1.RehabRecommendation { r := rec; r.MessageID, r.CaseID = "rr-x2", "nope"; return r }(), screeningJC, 404, "case_id"},
		{"ErrNoTeam", func() ingestv1.RehabRecommendation { r := rec; r.MessageID, r.Team = "rr-x3", ""; return r }(), screeningJC, 400, "team"},
		{"ErrNoDate", func() ingestv1.RehabRecommendation {
			r := rec
			r.MessageID, r.DecidedOn = "rr-x4", shared.Date{}
			return r
		}(), screeningJC, 400, "decided_on"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := send(pathRehabRecs, tc.body, tc.token)
			if r.status != tc.status || tc.field != "" && r.err().FieldMessage(tc.field) == "" {
				t.Errorf("%d %s, want %d with a message at %q", r.status, r.body, tc.status, tc.field)
			}
		})
	}
	var rc ingestv1.Receipt
	jc.decode(send(pathRehabRecs, rec, screeningJC), 200, &rc)
	jc.decode(send(pathRehabRecs, rec, screeningJC), 200, &rc)
	if !rc.Duplicate {
		t.Error("a retry was not reported as duplicate")
	}
	page = shared.MinSagPage{}
	henrik.decode(henrik.do("GET", shared.APIMinSag, nil), 200, &page)
	if page.Case.Status() != shared.RehabIndstillet || page.Case.Recommendation.Outcome != shared.RehabRessourceforloeb ||
		page.Items[0].Anchor != shared.MinSagAnchorIndstilling {
		t.Fatalf("after the recommendation: %+v %+v", page.Case.Recommendation, page.Items)
	}
	if r := henrik.do("PUT", shared.APIMinSagCV, cv); r.status != 409 || r.err().Message != shared.MsgRehabDecided {
		t.Errorf("a CV after the recommendation: %d %s", r.status, r.body)
	}
	if r := henrik.do("PUT", shared.APIMinSagSituation, sit); r.status != 409 {
		t.Errorf("Min situation after the recommendation: %d %s", r.status, r.body)
	}
	r := henrik.do("GET", shared.APIMinSagPDF, nil)
	if r.status != 200 || r.header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("PDF: %d %s", r.status, r.header.Get("Content-Type"))
	}
	text := pdfText(t, r.body)
	for _, want := range []string{"Rehabiliteringsteamets indstilling", "Henrik Poulsen", "140271-XXXX", "Indstilling: Ressourceforløb",
		"Rehabiliteringsteamet i København", today.Danish(), "ressourceforløb på to år"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}

	// Closed yesterday: no page, no menu item.
	jc.decode(send(pathRehabCases, ingestv1.RehabCase{MessageID: "rc-close", CPR: cprHenrik, CaseID: demo.HenrikRehabCase,
		OpenedOn: today.AddDays(-30), ClosedOn: today.AddDays(-1)}, screeningJC), 200, nil)
	page = shared.MinSagPage{}
	henrik.decode(henrik.do("GET", shared.APIMinSag, nil), 200, &page)
	if page.Case != nil {
		t.Errorf("a closed case shows: %+v", page.Case)
	}
	ov = shared.Overview{}
	henrik.decode(henrik.do("GET", shared.APIOverview, nil), 200, &ov)
	if ov.Features.MinSag {
		t.Error("the menu item stays after the case closed")
	}
	if r := henrik.do("GET", shared.APIMinSagPDF, nil); r.status != 404 {
		t.Errorf("the PDF of a closed case: %d", r.status)
	}
	// The store still holds the closed case whole (for the export).
	who, err := env.store.CitizenByCPR(context.Background(), cprHenrik)
	if err != nil {
		t.Fatal(err)
	}
	all, err := env.store.Citizen(who.ID).RehabCases(context.Background(), servertest.Copenhagen)
	if err != nil || len(all) != 1 || all[0].Recommendation == nil || all[0].Situation.Comment != sit.Comment || all[0].CV != cv.Normalized() {
		t.Errorf("RehabCases: %+v %v", all, err)
	}
}

// TestMinSagIngestion: the case's refusals, and a new case in the
// preparatory part for a citizen of the sender's (SPEC D13, F).
func TestMinSagIngestion(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	today := shared.DateOf(env.clock.Now().In(servertest.Copenhagen))
	aCase := func(msg, cpr, id string) ingestv1.RehabCase {
		return ingestv1.RehabCase{MessageID: msg, CPR: cpr, CaseID: id, OpenedOn: today, TeamMeetingOn: today.AddDays(30)}
	}
	for _, tc := range []struct {
		name   string
		body   ingestv1.RehabCase
		token  string
		status int
		field  string
	}{
		{"ErrAKasseSends", aCase("rc-x1", cprMads, "x1"), screeningAKasse, 403, ""},
		{"ErrNotOwnCitizen", aCase("rc-x2", cprLouise, "x2"), screeningJC, 403, ""},
		{"ErrNoOpened", ingestv1.RehabCase{MessageID: "rc-x3", CPR: cprMads, CaseID: "x3"}, screeningJC, 400, "opened_on"},
		{"ErrClosedBeforeOpened", func() ingestv1.RehabCase {
			r := aCase("rc-x4", cprMads, "x4")
			r.ClosedOn = today.AddDays(-1)
			return r
		}(), screeningJC, 400, "closed_on"},
		{"ErrTeamBeforeOpened", func() ingestv1.RehabCase {
			r := aCase("rc-x7", cprMads, "x7")
			r.TeamMeetingOn = today.AddDays(-1)
			return r
		}(), screeningJC, 400, "team_meeting_on"},
		{"ErrUnknownCitizen", aCase("rc-x5", "010101-1234", "x5"), screeningJC, 404, "cpr"},
		// Henrik's case id for Mads.
		{"ErrCaseOfAnother", aCase("rc-x6", cprMads, demo.HenrikRehabCase), screeningJC, 409, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.do("POST", pathRehabCases, tc.body, "Authorization", tc.token)
			if r.status != tc.status || tc.field != "" && r.err().FieldMessage(tc.field) == "" {
				t.Errorf("%d %s, want %d with a message at %q", r.status, r.body, tc.status, tc.field)
			}
		})
	}
	c.decode(c.do("POST", pathRehabCases, aCase("rc-1", cprMads, "mads-1"), "Authorization", screeningJC), 200, nil)
	mads := env.client()
	mads.loginCitizen("mads")
	var page shared.MinSagPage
	mads.decode(mads.do("GET", shared.APIMinSag, nil), 200, &page)
	if page.Case == nil || page.Case.Opened != today || page.Case.TeamMeeting != today.AddDays(30) || page.Case.Status() != shared.RehabForberedelse {
		t.Fatalf("Mads' new case: %+v", page.Case)
	}
	// Berit, his a-kasse: refused the page and its PDF; the front page
	// tells nothing (000 3: greyed out, whatever the case).
	berit := env.mirror("berit", cprMads)
	for _, p := range []string{shared.APIMinSag, shared.APIMinSagPDF} {
		if r := berit.do("GET", p, nil); r.status != 403 || r.err().Message != shared.MsgNoAccessMinSag {
			t.Errorf("Berit GET %s: %d %s", p, r.status, r.body)
		}
	}
	if r := berit.do("PUT", shared.APIMinSagCV, shared.RehabCV{Resources: "x"}); r.status != 403 {
		t.Errorf("Berit writes: %d %s", r.status, r.body)
	}
	var aov map[string]any
	berit.decode(berit.do("GET", shared.APIOverview, nil), 200, &aov)
	if f, _ := aov["features"].(map[string]any); f["min_sag"] != nil {
		t.Errorf("the a-kasse's front page tells of the case: %v", f)
	}
}
