package server

import (
	"context"
	"strings"
	"testing"
	"time"

	"jobnet/server/ingestv1"
	"jobnet/server/servertest"
	"jobnet/shared"
)

// Til- og afmelding (SPEC D8) end to end, on the pinned clock
// (servertest.Now: Tuesday 5 January 2027, 10:00 Danish time).

// cprHenrik is screening_test.go's.

// enrolPage decodes an answer of the feature's routes into a fresh page (a
// decode into a used one keeps the fields the answer omits).
func (c *client) enrolPage(r response) shared.EnrolmentPage {
	c.env.tb.Helper()
	var p shared.EnrolmentPage
	c.decode(r, 200, &p)
	return p
}

func (c *client) enrolmentPage() shared.EnrolmentPage {
	c.env.tb.Helper()
	var p shared.EnrolmentPage
	p = c.enrolPage(c.do("GET", shared.APIEnrolment, nil))
	return p
}

// as logs username in anew: after the clock moved more than the idle
// timeout, the old session is gone.
func (e *testEnv) as(username string) *client {
	c := e.client()
	c.loginCitizen(username)
	return c
}

// events collects org's enrolment events after seq 0 (the clock moved past
// the feed's settling time first).
func (e *testEnv) enrolmentEvents(token string) []ingestv1.EnrolmentEvent {
	e.tb.Helper()
	e.clock.Advance(3 * time.Second)
	var out []ingestv1.EnrolmentEvent
	c := e.client()
	c.decode(c.do("GET", "/api/ingest/v1/enrolment-events?after=0", nil, "Authorization", token), 200, &out)
	return out
}

func eventsFor(evs []ingestv1.EnrolmentEvent, cpr string) []string {
	var kinds []string
	for _, e := range evs {
		if e.CPR == cpr {
			kinds = append(kinds, e.Kind+":"+string(e.Benefit))
		}
	}
	return kinds
}

// TestEnrolment: Henrik (afmeldt, no a-kasse) enrols for dagpenge and is
// enrolled uden ydelse (001); bad input is refused at its field; Mette,
// fleksjobvisiteret in match 1, cannot enrol; the jobcenter's mirror is
// read-only and the a-kasse is refused with the sources' words (000 5.5).
func TestEnrolment(t *testing.T) {
	env := newTestEnv(t)
	henrik := env.as("henrik")
	p := henrik.enrolmentPage()
	if p.Status != shared.EnrolmentAfmeldt || p.Blocked != "" || p.Current != nil || len(p.Options) != 4 ||
		p.Options[0].Hint != shared.HintDagpengeNonMember || p.LastFrom != shared.MustDate("2027-02-04") || len(p.Reasons) == 0 {
		t.Fatalf("Henrik's page %+v", p)
	}

	// Bad input: a Danish message at each field, 400.
	r := henrik.do("POST", shared.APIEnrolment, shared.EnrolRequest{})
	if r.status != 400 || r.err().FieldMessage("benefit") != shared.MsgEnrolChooseBenefit || r.err().FieldMessage("ledighed") == "" {
		t.Errorf("empty enrolment: %d %s", r.status, r.body)
	}
	r = henrik.do("POST", shared.APIEnrolment, shared.EnrolRequest{Benefit: shared.BenefitKontanthjaelp, Ledighed: shared.LedighedIkke})
	if r.status != 400 || r.err().FieldMessage("ledighed") != shared.MsgEnrolLedighedNot {
		t.Errorf("kontanthjælp ikke ledig: %d %s", r.status, r.body)
	}
	if r := henrik.do("POST", shared.APIEnrolment, `{"benefit":1}`); r.status != 400 {
		t.Errorf("malformed: %d %s", r.status, r.body)
	}

	// The caseworkers cannot enrol him.
	nina := env.mirror("nina", cprHenrik)
	if r := nina.do("POST", shared.APIEnrolment, shared.EnrolRequest{Benefit: shared.BenefitDagpenge, Ledighed: shared.LedighedHelt}); r.status != 403 || r.err().Message != shared.MsgReadOnly {
		t.Errorf("jobcenter's enrolment: %d %s", r.status, r.body)
	}
	berit := env.mirror("berit", cprMads)
	if r := berit.do("POST", shared.APIDeregistration, shared.DeregisterRequest{Reason: "arbejde", From: shared.MustDate("2027-01-06")}); r.status != 403 || r.err().Message != shared.MsgAKasseCannotRegister {
		t.Errorf("a-kasse's afmelding: %d %s", r.status, r.body)
	}

	var got shared.EnrolmentPage
	henrik.decode(henrik.do("POST", shared.APIEnrolment, shared.EnrolRequest{Benefit: shared.BenefitDagpenge, Ledighed: shared.LedighedHelt}), 200, &got)
	if got.Status != shared.EnrolmentTilmeldt || got.Current == nil || !got.Current.UdenYdelse || got.Current.State != shared.EnrolmentEffective ||
		got.Current.RegisteredBy != shared.RegisteredByCitizen || got.Current.Period.From != shared.DateOf(servertest.Now) {
		t.Fatalf("after enrolment %+v", got)
	}
	rc := got.Receipt
	if rc == nil || !rc.UdenYdelse || rc.DagpengeLinks || rc.Jobcenter == "" || !strings.Contains(strings.Join(rc.Lines, " "), "uden ydelse") ||
		!strings.Contains(rc.JobcenterText, "informationsmøde") {
		t.Errorf("receipt %+v", rc)
	}
	if got.Blocked != shared.MsgEnrolAlready {
		t.Errorf("blocked %q", got.Blocked)
	}
	// A second submit enrols nobody twice.
	if r := henrik.do("POST", shared.APIEnrolment, shared.EnrolRequest{Benefit: shared.BenefitDagpenge, Ledighed: shared.LedighedHelt}); r.status != 409 {
		t.Errorf("second enrolment: %d %s", r.status, r.body)
	}
	// His session and front page know at once.
	var ov shared.Overview
	henrik.decode(henrik.do("GET", shared.APIOverview, nil), 200, &ov)
	if ov.Enrolment != shared.EnrolmentTilmeldt {
		t.Errorf("front page status %q", ov.Enrolment)
	}
	// The jobcenter is told; Henrik has no a-kasse.
	if k := eventsFor(env.enrolmentEvents(jcToken), cprHenrik); len(k) != 1 || k[0] != "enrolled:dagpenge" {
		t.Errorf("jobcenter's events %v", k)
	}
	if k := eventsFor(env.enrolmentEvents(akToken), cprHenrik); len(k) != 0 {
		t.Errorf("a-kasse's events %v", k)
	}

	// Mette: "registreret i jobcentret, men ikke skal være tilmeldt" (001).
	mette := env.as("mette")
	if p := mette.enrolmentPage(); p.Blocked != shared.MsgEnrolNotToBeEnrolled {
		t.Errorf("Mette's page blocked %q", p.Blocked)
	}
	if r := mette.do("POST", shared.APIEnrolment, shared.EnrolRequest{Benefit: shared.BenefitIngen, Ledighed: shared.LedighedHelt}); r.status != 409 || r.err().Message != shared.MsgEnrolNotToBeEnrolled {
		t.Errorf("Mette's enrolment: %d %s", r.status, r.body)
	}
	// No folkeregisteradresse in Denmark.
	if _, err := env.db.NewRaw(`UPDATE citizens SET danish_address = false WHERE cpr = ?`, cprPete).Exec(context.Background()); err != nil {
		t.Fatal(err)
	}
	if p := env.as("pete").enrolmentPage(); p.Blocked != shared.MsgEnrolNoAddress {
		t.Errorf("Pete without address: %q", p.Blocked)
	}
	// The a-kasse sees Mads's dagpenge enrolment, not Louise's kontanthjælp.
	var ak shared.AKasseEnrolmentPage
	berit.decode(berit.do("GET", shared.APIEnrolment, nil), 200, &ak)
	if ak.Current == nil || ak.Current.Benefit != shared.BenefitDagpenge || strings.Contains(string(berit.do("GET", shared.APIEnrolment, nil).body), "receipt") {
		t.Errorf("a-kasse's view %+v", ak)
	}
}

// TestKontanthjaelpEnrolment: the flag waits for the jobcenter; not
// effectuated within 6 open days and the safety margin, it lapses silently
// by the daily job; effectuated through ingestion, the citizen is
// enrolled; match 2 or 3 must be a rejection (001).
func TestKontanthjaelpEnrolment(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	henrik := env.as("henrik")
	var p shared.EnrolmentPage
	p = henrik.enrolPage(henrik.do("POST", shared.APIEnrolment, shared.EnrolRequest{Benefit: shared.BenefitKontanthjaelp, Ledighed: shared.LedighedHelt}))
	// Tuesday 5 January 2027: the 6 open days end Wednesday 13 January.
	if p.Status != shared.EnrolmentAfmeldt || p.Current == nil || p.Current.State != shared.EnrolmentAwaiting || p.Receipt == nil ||
		p.Receipt.ShowUpOn != shared.MustDate("2027-01-06") || p.Receipt.ShowUpBy != shared.MustDate("2027-01-13") {
		t.Fatalf("awaiting %+v %+v", p.Current, p.Receipt)
	}
	// The lapse day is two open days later: 15 January.
	for _, tt := range []struct {
		day    string
		lapsed int
	}{{"2027-01-14", 0}, {"2027-01-15", 1}, {"2027-01-16", 0}} {
		d := shared.MustDate(tt.day)
		now := time.Date(d.Year, d.Month, d.Day, 0, 5, 0, 0, servertest.Copenhagen)
		n, err := env.store.ApplyEnrolmentChanges(ctx, now)
		if err != nil || n.Lapsed != tt.lapsed {
			t.Fatalf("%s: %+v %v", tt.day, n, err)
		}
	}
	ens, _ := env.store.Citizen(env.citizenID(cprHenrik)).Enrolments(ctx)
	if len(ens) != 1 || ens[0].State != shared.EnrolmentLapsed {
		t.Fatalf("after the lapse %+v", ens)
	}
	// The lapse's event is dated by the job's clock: collected once the
	// server's clock has reached it.
	env.clock.Advance(10*24*time.Hour + 15*time.Hour)
	if k := eventsFor(env.enrolmentEvents(jcToken), cprHenrik); strings.Join(k, ",") != "enrolled:kontanthjaelp,lapsed:kontanthjaelp" {
		t.Errorf("events %v", k)
	}

	// Enrolled again, and effectuated by the jobcenter.
	henrik = env.as("henrik")
	p = henrik.enrolPage(henrik.do("POST", shared.APIEnrolment, shared.EnrolRequest{Benefit: shared.BenefitKontanthjaelp, Ledighed: shared.LedighedDelvis}))
	sys := env.client()
	post := func(in ingestv1.EnrolmentDecision, token string) response {
		return sys.do("POST", "/api/ingest/v1/enrolment-decisions", in, "Authorization", token)
	}
	if r := post(ingestv1.EnrolmentDecision{MessageID: "d-1", CPR: cprHenrik, Decision: "effectuate", Matchgruppe: 2}, jcToken); r.status != 400 || r.err().FieldMessage("decision") == "" {
		t.Errorf("effectuate in match 2: %d %s", r.status, r.body)
	}
	if r := post(ingestv1.EnrolmentDecision{MessageID: "d-2", CPR: cprHenrik, Decision: "effectuate", Matchgruppe: 1}, akToken); r.status != 403 {
		t.Errorf("the a-kasse's decision: %d %s", r.status, r.body)
	}
	if r := post(ingestv1.EnrolmentDecision{MessageID: "d-3", CPR: cprHenrik, Decision: "maybe"}, jcToken); r.status != 400 {
		t.Errorf("unknown decision: %d %s", r.status, r.body)
	}
	sys.decode(post(ingestv1.EnrolmentDecision{MessageID: "d-4", CPR: cprHenrik, Decision: "effectuate", Matchgruppe: 1}, jcToken), 200, nil)
	if p := henrik.enrolmentPage(); p.Status != shared.EnrolmentTilmeldt || p.Current == nil || p.Current.State != shared.EnrolmentEffective {
		t.Errorf("effectuated %+v", p)
	}
	// Nothing waits any more.
	if r := post(ingestv1.EnrolmentDecision{MessageID: "d-5", CPR: cprHenrik, Decision: "reject"}, jcToken); r.status != 404 {
		t.Errorf("a second decision: %d %s", r.status, r.body)
	}
	if n, err := env.store.ApplyEnrolmentChanges(ctx, servertest.Now.AddDate(0, 0, 30)); err != nil || n.Lapsed != 0 {
		t.Errorf("an effectuated enrolment lapsed: %+v %v", n, err)
	}
}

// TestDeregistration: an afmelding needs a reason and a day from today up
// to 30 days ahead (003); one for a later day waits, can be withdrawn, and
// is applied by the daily job on its day; one from today holds at once;
// re-enrolment after a missed booking deadline asks for straksbooking.
func TestDeregistration(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	mads := env.as("mads")
	today := shared.DateOf(servertest.Now)
	for _, tt := range []struct {
		name  string
		in    shared.DeregisterRequest
		field string
	}{
		{"ErrDay31", shared.DeregisterRequest{Reason: "arbejde", From: today.AddDays(31)}, "from"},
		{"ErrYesterday", shared.DeregisterRequest{Reason: "arbejde", From: today.AddDays(-1)}, "from"},
		{"ErrNoReason", shared.DeregisterRequest{From: today.AddDays(3)}, "reason"},
	} {
		if r := mads.do("POST", shared.APIDeregistration, tt.in); r.status != 400 || r.err().FieldMessage(tt.field) == "" {
			t.Errorf("%s: %d %s", tt.name, r.status, r.body)
		}
	}
	var p shared.EnrolmentPage
	p = mads.enrolPage(mads.do("POST", shared.APIDeregistration, shared.DeregisterRequest{Reason: "arbejde", From: today.AddDays(30)}))
	if p.Status != shared.EnrolmentTilmeldt || p.DeregisterFrom != today.AddDays(30) || p.Current == nil || p.Current.EndReason != "arbejde" {
		t.Fatalf("pending afmelding %+v", p)
	}
	p = mads.enrolPage(mads.do("DELETE", shared.APIDeregistration, nil))
	if !p.DeregisterFrom.IsZero() || p.Current == nil || !p.Current.Period.To.IsZero() {
		t.Fatalf("withdrawn %+v", p)
	}
	if r := mads.do("DELETE", shared.APIDeregistration, nil); r.status != 409 {
		t.Errorf("nothing to withdraw: %d %s", r.status, r.body)
	}
	p = mads.enrolPage(mads.do("POST", shared.APIDeregistration, shared.DeregisterRequest{Reason: "uddannelse", From: today.AddDays(3)}))
	for _, tt := range []struct {
		days, deregistered int
	}{{2, 0}, {3, 1}, {4, 0}} {
		n, err := env.store.ApplyEnrolmentChanges(ctx, servertest.Now.AddDate(0, 0, tt.days))
		if err != nil || n.Deregistered != tt.deregistered {
			t.Fatalf("day +%d: %+v %v", tt.days, n, err)
		}
	}
	env.clock.Advance(3 * 24 * time.Hour)
	mads = env.as("mads")
	p = mads.enrolmentPage()
	if p.Status != shared.EnrolmentAfmeldt || p.Current != nil {
		t.Errorf("after its day %+v", p)
	}
	if r := mads.do("DELETE", shared.APIDeregistration, nil); r.status != 409 {
		t.Errorf("withdraw after its day: %d %s", r.status, r.body)
	}
	ens, _ := env.store.Citizen(env.citizenID(cprMads)).Enrolments(ctx)
	// The newest first; his earlier one (Historik's demo) stays as it was.
	if len(ens) != 2 || ens[0].Period.To != today.AddDays(2) || ens[0].EndReason != "uddannelse" || ens[1].EndReason != "" {
		t.Errorf("the ended enrolment %+v", ens)
	}
	// Mads is a dagpengemodtager: his a-kasse is told too.
	if k := eventsFor(env.enrolmentEvents(akToken), cprMads); strings.Join(k, ",") !=
		"deregistration_set:dagpenge,deregistration_withdrawn:dagpenge,deregistration_set:dagpenge,deregistered:dagpenge" {
		t.Errorf("a-kasse's events %v", k)
	}

	// Jonas afmelder from today, at once; his booking deadline passed 3
	// days ago, so at re-enrolment he must book a jobsamtale at once.
	jonas := env.as("jonas")
	p = jonas.enrolPage(jonas.do("POST", shared.APIDeregistration, shared.DeregisterRequest{Reason: "andet", From: shared.DateOf(env.clock.Now())}))
	if p.Status != shared.EnrolmentAfmeldt || p.Current != nil {
		t.Fatalf("Jonas afmeldt %+v", p)
	}
	p = jonas.enrolPage(jonas.do("POST", shared.APIEnrolment, shared.EnrolRequest{Benefit: shared.BenefitDagpenge, Ledighed: shared.LedighedHelt}))
	if p.Status != shared.EnrolmentTilmeldt || !p.Straksbooking || p.Current.UdenYdelse {
		t.Errorf("Jonas re-enrolled %+v", p)
	}
}

// TestDimittendSwitch: a dimittend enrolled uden ydelse switches to
// dagpenge when the a-kasse reports the dagpengeret, on its day (001);
// nothing changes for someone not enrolled as dimittend; only an a-kasse
// reports it.
func TestDimittendSwitch(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	sys := env.client()
	report := func(msg, cpr string, from shared.Date, token string) response {
		return sys.do("POST", "/api/ingest/v1/dagpengeret", ingestv1.Dagpengeret{MessageID: msg, CPR: cpr, From: from}, "Authorization", token)
	}
	today := shared.DateOf(servertest.Now)
	if r := report("m-0", cprSofie, today, jcToken); r.status != 403 {
		t.Errorf("the jobcenter's report: %d %s", r.status, r.body)
	}
	sys.decode(report("m-1", cprSofie, today.AddDays(5), akToken), 200, nil)
	sys.decode(report("m-2", cprMads, today, akToken), 200, nil) // Mads is on dagpenge already: nothing changes
	for _, tt := range []struct{ days, switched int }{{4, 0}, {5, 1}, {6, 0}} {
		n, err := env.store.ApplyEnrolmentChanges(ctx, servertest.Now.AddDate(0, 0, tt.days))
		if err != nil || n.Switched != tt.switched {
			t.Fatalf("day +%d: %+v %v", tt.days, n, err)
		}
	}
	ens, _ := env.store.Citizen(env.citizenID(cprSofie)).Enrolments(ctx)
	if len(ens) != 2 || ens[0].Benefit != shared.BenefitDagpenge || ens[0].UdenYdelse || ens[0].RegisteredBy != shared.RegisteredBySystem ||
		ens[0].Period.From != today.AddDays(5) || ens[1].Benefit != shared.BenefitDimittend || ens[1].Period.To != today.AddDays(4) {
		t.Errorf("Sofie's enrolments %+v", ens)
	}
	// Mads' current and his earlier one (Historik's demo), untouched.
	if ens, _ := env.store.Citizen(env.citizenID(cprMads)).Enrolments(ctx); len(ens) != 2 || !ens[0].Period.To.IsZero() {
		t.Errorf("Mads's enrolments %+v", ens)
	}
	env.clock.Advance(6 * 24 * time.Hour)
	if k := eventsFor(env.enrolmentEvents(akToken), cprSofie); strings.Join(k, ",") != "switched_to_dagpenge:dagpenge" {
		t.Errorf("a-kasse's events %v", k)
	}
}

// TestEnrolmentReceiptText: the jobcenter's own text, up to 1,500
// characters (001), on its citizens' receipts.
func TestEnrolmentReceiptText(t *testing.T) {
	env := newTestEnv(t)
	sys := env.client()
	post := func(in ingestv1.EnrolmentReceiptText, token string) response {
		return sys.do("POST", "/api/ingest/v1/enrolment-receipt-texts", in, "Authorization", token)
	}
	long := strings.Repeat("æ", shared.EnrolmentReceiptTextMax+1)
	if r := post(ingestv1.EnrolmentReceiptText{MessageID: "t-1", Benefit: shared.BenefitIngen, Text: long}, jcToken); r.status != 400 || r.err().FieldMessage("text") == "" {
		t.Errorf("1501 characters: %d %s", r.status, r.body)
	}
	if r := post(ingestv1.EnrolmentReceiptText{MessageID: "t-2", Benefit: shared.BenefitIngen, Text: "x"}, akToken); r.status != 403 {
		t.Errorf("the a-kasse's text: %d", r.status)
	}
	sys.decode(post(ingestv1.EnrolmentReceiptText{MessageID: "t-3", Benefit: shared.BenefitIngen, Text: long[:len(long)-2]}, jcToken), 200, nil)
	henrik := env.as("henrik")
	var p shared.EnrolmentPage
	p = henrik.enrolPage(henrik.do("POST", shared.APIEnrolment, shared.EnrolRequest{Benefit: shared.BenefitIngen, Ledighed: shared.LedighedHelt}))
	if p.Receipt == nil || len([]rune(p.Receipt.JobcenterText)) != shared.EnrolmentReceiptTextMax || !p.Current.UdenYdelse {
		t.Errorf("receipt %+v", p.Receipt)
	}
}

// TestEnrolmentNeedsJegSoegerJobSom: "Enhver tilmelding på Jobnet kræver
// angivelse af Jeg søger job som" (003): while one of the citizen's
// occupations is discontinued the page and the server refuse at the field
// "occupation" with the discontinued message; without any occupation, with
// the message that points to "Jeg søger job som".
func TestEnrolmentNeedsJegSoegerJobSom(t *testing.T) {
	env := newTestEnv(t)
	henrik := env.as("henrik")
	var js shared.JobSeeking
	henrik.decode(henrik.do("GET", shared.APIJobSeeking, nil), 200, &js)
	if len(js.Occupations) == 0 {
		t.Fatal("Henrik's demo seeks no occupation")
	}
	enrol := shared.EnrolRequest{Benefit: shared.BenefitIngen, Ledighed: shared.LedighedHelt}
	refused := func(msg string) {
		t.Helper()
		if p := henrik.enrolmentPage(); p.Blocked != msg || p.BlockedField != "occupation" {
			t.Errorf("page blocked %q at %q, want %q", p.Blocked, p.BlockedField, msg)
		}
		r := henrik.do("POST", shared.APIEnrolment, enrol)
		if r.status != 400 || r.err().FieldMessage("occupation") != msg {
			t.Errorf("enrolment: %d %s, want %q", r.status, r.body, msg)
		}
	}
	// The taxonomy discontinues one of his occupations (a new version).
	if _, err := env.db.NewRaw(`UPDATE occupations SET discontinued_since = since + 1 WHERE id = ?`,
		js.Occupations[0].OccupationID).Exec(context.Background()); err != nil {
		t.Fatal(err)
	}
	refused(shared.MsgEnrolDiscontinued)
	for _, o := range js.Occupations {
		henrik.decode(henrik.do("DELETE", shared.SoughtOccupationPath(o.OccupationID), nil), 200, nil)
	}
	refused(shared.MsgEnrolNeedsOccupation)
}
