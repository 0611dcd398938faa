package server

import (
	"context"
	"slices"
	"testing"
	"time"

	"jobnet/server/ingestv1"
	"jobnet/shared"
)

const (
	fravaerJC = "Bearer demo-token-jobcenter-koebenhavn"
	fravaerAK = "Bearer demo-token-det-faglige-hus"
	cprJonasF = "250899-1357"
)

func (c *client) fravaer() shared.Fravaer {
	c.env.tb.Helper()
	var p shared.Fravaer
	c.decode(c.do("GET", shared.APIFravaer, nil), 200, &p)
	return p
}

func absenceByKind(p shared.Fravaer, k shared.AbsenceKind) (shared.Absence, bool) {
	i := slices.IndexFunc(p.Absences, func(a shared.Absence) bool { return a.Kind == k })
	if i < 0 {
		return shared.Absence{}, false
	}
	return p.Absences[i], true
}

// absenceEvents collects the organisation's absence events for cpr, once
// they have settled (a feed sends an event two seconds old).
func absenceEvents(env *testEnv, auth, cpr string) []ingestv1.AbsenceEvent {
	env.tb.Helper()
	env.clock.Advance(3 * time.Second)
	c := env.client()
	var all []ingestv1.AbsenceEvent
	c.decode(c.do("GET", "/api/ingest/v1/absence-events", nil, "Authorization", auth), 200, &all)
	var out []ingestv1.AbsenceEvent
	for _, e := range all {
		if e.CPR == cpr {
			out = append(out, e)
		}
	}
	return out
}

// TestMeldFerie: the 14-day rule at the server on both sides of the edge,
// errors at the field with a 400, the holiday on "Aktuelt fravær", and
// both the jobcenter and the a-kasse told (000 Billede 23).
func TestMeldFerie(t *testing.T) {
	env := newTestEnv(t)
	jonas := env.client()
	jonas.loginCitizen("jonas")
	today := shared.DateOf(env.clock.Now())

	r := jonas.do("POST", shared.APIFravaerFerie, shared.PeriodInput{From: today.AddDays(14), To: today.AddDays(20)})
	if r.status != 400 || r.err().FieldMessage("from") != shared.MsgFerieTooSoon {
		t.Fatalf("14 days ahead: %d %s", r.status, r.body)
	}
	r = jonas.do("POST", shared.APIFravaerFerie, shared.PeriodInput{From: today.AddDays(30), To: today.AddDays(29)})
	if r.status != 400 || r.err().FieldMessage("to") != shared.MsgToBeforeFrom {
		t.Fatalf("to before from: %d %s", r.status, r.body)
	}
	if r := jonas.do("POST", shared.APIFravaerFerie, map[string]any{"from": "31-02-2027"}); r.status != 400 {
		t.Fatalf("a bad date: %d %s", r.status, r.body)
	}
	var rec shared.FravaerReceipt
	jonas.decode(jonas.do("POST", shared.APIFravaerFerie, shared.PeriodInput{From: today.AddDays(15), To: today.AddDays(21), Comment: " Sommerferie "}), 200, &rec)
	if rec.Absence.Kind != shared.AbsenceFerie || rec.Absence.Period.From != today.AddDays(15) || rec.Absence.Text != "Sommerferie" ||
		rec.Absence.RegisteredBy != shared.RegisteredByCitizen {
		t.Fatalf("receipt %+v", rec)
	}
	if a, ok := absenceByKind(jonas.fravaer(), shared.AbsenceFerie); !ok || a.ID != rec.Absence.ID {
		t.Fatalf("not on the page: %+v", jonas.fravaer())
	}
	// Overlapping the one registered: refused at the field.
	r = jonas.do("POST", shared.APIFravaerFerie, shared.PeriodInput{From: today.AddDays(20), To: today.AddDays(25)})
	if r.status != 400 || r.err().FieldMessage("from") != shared.MsgOverlapsFerie {
		t.Fatalf("overlap: %d %s", r.status, r.body)
	}
	for _, auth := range []string{fravaerJC, fravaerAK} {
		ev := absenceEvents(env, auth, cprJonasF)
		if len(ev) != 1 || ev[0].Event != "registered" || ev[0].Kind != string(shared.AbsenceFerie) || ev[0].AbsenceID != rec.Absence.ID ||
			ev[0].From != today.AddDays(15) || ev[0].To != today.AddDays(21) || ev[0].RegisteredBy != "borger" {
			t.Fatalf("%s's events: %+v", auth, ev)
		}
	}

	// Louise, jobparat kontanthjælpsmodtager, may not (001: "kun
	// dagpengemodtager"); the page does not offer it.
	louise := env.client()
	louise.loginCitizen("louise")
	if louise.fravaer().Offers(shared.ServiceFerie) {
		t.Error("Louise is offered Meld ferie")
	}
	if r := louise.do("POST", shared.APIFravaerFerie, shared.PeriodInput{From: today.AddDays(30), To: today.AddDays(31)}); r.status != 403 ||
		r.err().Message != shared.FerieNotAllowed {
		t.Fatalf("Louise's ferie: %d %s", r.status, r.body)
	}
}

// TestRegistrationRoles: the jobcenter reads the page whole and writes
// nothing; the a-kasse sees the current lawful absences only and is
// refused every registration in the sources' words (000 5.5).
func TestFravaerRoles(t *testing.T) {
	env := newTestEnv(t)
	today := shared.DateOf(env.clock.Now())
	mads := env.client()
	mads.loginCitizen("mads")
	own := mads.fravaer()
	// The demo (his Historik's): his holiday 40 days ahead; the rest is
	// history.
	if len(own.Absences) != 1 || own.Absences[0].Kind != shared.AbsenceFerie {
		t.Fatalf("Mads' page: %+v", own.Absences)
	}
	nina := env.mirror("nina", cprMads)
	if got := nina.fravaer(); len(got.Absences) != len(own.Absences) || got.Absences[0].Text != own.Absences[0].Text {
		t.Fatalf("the jobcenter's: %+v", got)
	}
	berit := env.mirror("berit", cprMads)
	var ak shared.AKasseFravaer
	berit.decode(berit.do("GET", shared.APIFravaer, nil), 200, &ak)
	if len(ak.Absences) != 1 || ak.Absences[0].Kind != shared.AbsenceFerie {
		t.Fatalf("the a-kasse's: %+v", ak)
	}
	posts := []struct {
		path string
		body any
	}{
		{shared.APIFravaerFerie, shared.PeriodInput{From: today.AddDays(60), To: today.AddDays(61)}},
		{shared.APIFravaerSyg, shared.DayInput{Day: today}},
		{shared.APIFravaerRask, shared.DayInput{Day: today}},
		{shared.APIFravaerArbejde, shared.PeriodInput{From: today, To: today.AddDays(3)}},
	}
	for _, p := range posts {
		if r := nina.do("POST", p.path, p.body); r.status != 403 || r.err().Message != shared.MsgReadOnly {
			t.Errorf("jobcenter %s: %d %s", p.path, r.status, r.body)
		}
		if r := berit.do("POST", p.path, p.body); r.status != 403 || r.err().Message != shared.MsgAKasseCannotRegister {
			t.Errorf("a-kasse %s: %d %s", p.path, r.status, r.body)
		}
	}
	if got := mads.fravaer(); len(got.Absences) != 1 {
		t.Fatalf("a caseworker's refused write changed the page: %+v", got.Absences)
	}
}

// TestSygRask: a sygemelding from today only (001), the front page's
// notice and primary action from it, a raskmelding today ending it at
// once, and one ahead applied by the scheduled job as "system" on its day
// (003 «Jobnet Historik»).
func TestSygRask(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	jonas := env.client()
	jonas.loginCitizen("jonas")
	today := shared.DateOf(env.clock.Now())

	if r := jonas.do("POST", shared.APIFravaerSyg, shared.DayInput{Day: today.AddDays(-1)}); r.status != 400 || r.err().FieldMessage("day") != shared.MsgSygToday {
		t.Fatalf("yesterday: %d %s", r.status, r.body)
	}
	if r := jonas.do("POST", shared.APIFravaerRask, shared.DayInput{Day: today}); r.status != 400 || r.err().FieldMessage("day") != shared.MsgNotSick {
		t.Fatalf("rask while well: %d %s", r.status, r.body)
	}
	var syg shared.FravaerReceipt
	jonas.decode(jonas.do("POST", shared.APIFravaerSyg, shared.DayInput{Day: today}), 200, &syg)
	if r := jonas.do("POST", shared.APIFravaerSyg, shared.DayInput{Day: today}); r.status != 400 || r.err().FieldMessage("day") != shared.MsgAlreadySick {
		t.Fatalf("twice: %d %s", r.status, r.body)
	}
	var o shared.Overview
	jonas.decode(jonas.do("GET", shared.APIOverview, nil), 200, &o)
	if o.Primary.Title != "Meld dig rask" || o.Primary.Page != shared.PageFravaerSyg {
		t.Errorf("primary action %+v", o.Primary)
	}
	if !slices.ContainsFunc(o.Notifications, func(n shared.Notification) bool { return n.Kind == shared.NotifySygemelding }) {
		t.Errorf("no sygemelding notice: %+v", o.Notifications)
	}
	page := jonas.fravaer()
	if page.Sick == nil || page.Sick.ID != syg.Absence.ID || !page.Straks {
		t.Fatalf("page %+v (Jonas' deadline passed three days ago: straksbookingramt)", page)
	}

	// Rask in three days: waits for the job; the receipt asks for the
	// straksbooking (Jonas is straksbookingramt).
	var rask shared.FravaerReceipt
	jonas.decode(jonas.do("POST", shared.APIFravaerRask, shared.DayInput{Day: today.AddDays(3)}), 200, &rask)
	if rask.Absence.RaskFra != today.AddDays(3) || !rask.Absence.Period.To.IsZero() || !rask.Straks {
		t.Fatalf("rask ahead: %+v", rask)
	}
	if r := jonas.do("POST", shared.APIFravaerSyg, shared.DayInput{Day: today}); r.status != 400 || r.err().FieldMessage("day") != shared.MsgAlreadySick {
		t.Fatalf("syg while the raskmelding waits: %d %s", r.status, r.body)
	}
	jonas.decode(jonas.do("GET", shared.APIOverview, nil), 200, &o)
	if o.Primary.Title == "Meld dig rask" {
		t.Error("still Meld dig rask after the raskmelding")
	}
	// The job on the day before changes nothing; on the day it ends the
	// sygemelding the day before, as system.
	if n, err := env.store.ApplyRaskmeldinger(ctx, today.AddDays(2), env.clock.Now()); err != nil || n != 0 {
		t.Fatalf("the day before: %d, %v", n, err)
	}
	env.clock.Advance(3 * 24 * time.Hour)
	at := env.clock.Now()
	if n, err := env.store.ApplyRaskmeldinger(ctx, today.AddDays(3), at); err != nil || n != 1 {
		t.Fatalf("on the day: %d, %v", n, err)
	}
	if n, _ := env.store.ApplyRaskmeldinger(ctx, today.AddDays(3), at); n != 0 {
		t.Fatal("a second run ended it again")
	}
	who, err := env.store.CitizenByCPR(ctx, cprJonasF)
	if err != nil {
		t.Fatal(err)
	}
	abs, err := env.store.Citizen(who.ID).Absences(ctx)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(abs, func(a shared.Absence) bool { return a.ID == syg.Absence.ID })
	if i < 0 || abs[i].Period.To != today.AddDays(2) || abs[i].ClosedBy != shared.RegisteredBySystem || !abs[i].RaskFra.IsZero() ||
		abs[i].RegisteredBy != shared.RegisteredByCitizen {
		t.Fatalf("after the job: %+v", abs)
	}
	var kinds []string
	for _, e := range absenceEvents(env, fravaerAK, cprJonasF) {
		kinds = append(kinds, e.Event)
	}
	if !slices.Equal(kinds, []string{"registered", "rask", "ended"}) {
		t.Fatalf("the a-kasse's events %v", kinds)
	}

	// Pete, sygemeldt by the demo eight days ago now, is well today: his
	// sygemelding ends yesterday.
	today = shared.DateOf(env.clock.Now()) // three days on
	pete := env.client()
	pete.loginCitizen("pete")
	pete.decode(pete.do("GET", shared.APIOverview, nil), 200, &o)
	if o.Primary.Title != "Meld dig rask" {
		t.Errorf("Pete's primary action %+v", o.Primary)
	}
	rask = shared.FravaerReceipt{} // decode fills only what is sent
	pete.decode(pete.do("POST", shared.APIFravaerRask, shared.DayInput{Day: today}), 200, &rask)
	if rask.Absence.Period.To != today.AddDays(-1) || rask.Absence.ClosedBy != shared.RegisteredByCitizen || rask.Straks {
		t.Fatalf("Pete's rask %+v", rask)
	}
	if got := pete.fravaer(); got.Sick != nil || len(got.Absences) != 0 {
		t.Fatalf("Pete's page after rask %+v", got)
	}
	// Sick and well the same day: "sygemeldt resten af dagen".
	pete.decode(pete.do("POST", shared.APIFravaerSyg, shared.DayInput{Day: today}), 200, nil)
	pete.decode(pete.do("POST", shared.APIFravaerRask, shared.DayInput{Day: today}), 200, &rask)
	pete.decode(pete.do("GET", shared.APIOverview, nil), 200, &o)
	if i := slices.IndexFunc(o.Notifications, func(n shared.Notification) bool { return n.Kind == shared.NotifySygemelding }); i < 0 ||
		o.Notifications[i].Text != "Du er registreret i jobcentret som sygemeldt resten af dagen." {
		t.Fatalf("rest of the day: %+v", o.Notifications)
	}
}

// TestMidlertidigtArbejde: from today, refused overlapping, the a-kasse
// told (lawful on dagpenge).
func TestMidlertidigtArbejde(t *testing.T) {
	env := newTestEnv(t)
	today := shared.DateOf(env.clock.Now())
	jonas := env.client()
	jonas.loginCitizen("jonas")
	if r := jonas.do("POST", shared.APIFravaerArbejde, shared.PeriodInput{From: today.AddDays(-1), To: today.AddDays(5)}); r.status != 400 ||
		r.err().FieldMessage("from") != shared.MsgNotBeforeToday {
		t.Fatalf("yesterday: %d %s", r.status, r.body)
	}
	jonas.decode(jonas.do("POST", shared.APIFravaerArbejde, shared.PeriodInput{From: today, To: today.AddDays(5), Comment: "Vikar"}), 200, nil)
	if r := jonas.do("POST", shared.APIFravaerArbejde, shared.PeriodInput{From: today.AddDays(5), To: today.AddDays(9)}); r.status != 400 ||
		r.err().FieldMessage("from") != shared.MsgOverlapsArbejde {
		t.Fatalf("overlap: %d %s", r.status, r.body)
	}
	if a, ok := absenceByKind(jonas.fravaer(), shared.AbsenceMidlertidigtArbejde); !ok || a.Text != "Vikar" {
		t.Fatalf("page %+v", jonas.fravaer())
	}
	if ev := absenceEvents(env, fravaerAK, cprJonasF); len(ev) != 1 || ev[0].Kind != string(shared.AbsenceMidlertidigtArbejde) {
		t.Fatalf("a-kasse events %+v", ev)
	}
}

// TestIngestAbsenceAndClosing: the jobcenter registers an absence (the
// a-kasse may not), by its own id; a kind not lawful on dagpenge is
// closed as "system" when the citizen becomes dagpengemodtager (000 5.5)
// and is then history; a lawful one stays.
func TestIngestAbsenceAndClosing(t *testing.T) {
	env := newTestEnv(t)
	today := shared.DateOf(env.clock.Now())
	c := env.client()
	post := func(in ingestv1.Absence, auth string) response {
		return c.do("POST", "/api/ingest/v1/absences", in, "Authorization", auth)
	}
	// Pete is on sygedagpenge (LAB 06).
	barn := ingestv1.Absence{MessageID: "abs-1", CPR: cprPete, AbsenceID: "jc-abs-1", Kind: string(shared.AbsencePasningAfBarn),
		From: today.AddDays(-10), To: today.AddDays(20), Comment: "Barnet er indlagt"}
	c.decode(post(barn, fravaerJC), 200, nil)
	ombud := ingestv1.Absence{MessageID: "abs-2", CPR: cprPete, AbsenceID: "jc-abs-2", Kind: string(shared.AbsenceBorgerligtOmbud),
		From: today.AddDays(-2), To: today.AddDays(30)}
	c.decode(post(ombud, fravaerJC), 200, nil)
	tests := []struct {
		name   string
		change func(*ingestv1.Absence)
		auth   string
		status int
		field  string
	}{
		{"ErrKind", func(a *ingestv1.Absence) { a.Kind = "fridag" }, fravaerJC, 400, "kind"},
		{"ErrNoFrom", func(a *ingestv1.Absence) { a.From = shared.Date{} }, fravaerJC, 400, "from"},
		{"ErrToBeforeFrom", func(a *ingestv1.Absence) { a.To = a.From.AddDays(-1) }, fravaerJC, 400, "to"},
		{"ErrAKasse", func(a *ingestv1.Absence) {}, fravaerAK, 403, ""},
		{"ErrOtherCitizensID", func(a *ingestv1.Absence) { a.CPR = cprMads }, fravaerJC, 409, ""},
		{"ErrDeleteUnknown", func(a *ingestv1.Absence) { a.AbsenceID, a.Delete = "nope", true }, fravaerJC, 404, ""},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bad := barn
			bad.MessageID = "abs-bad-" + string(rune('a'+i))
			tc.change(&bad)
			r := post(bad, tc.auth)
			if r.status != tc.status || tc.field != "" && r.err().FieldMessage(tc.field) == "" {
				t.Fatalf("%d %s", r.status, r.body)
			}
		})
	}
	pete := env.client()
	pete.loginCitizen("pete")
	p := pete.fravaer()
	if a, ok := absenceByKind(p, shared.AbsencePasningAfBarn); !ok || a.RegisteredBy != shared.RegisteredByCaseworker || a.Text != "Barnet er indlagt" {
		t.Fatalf("Pete's page %+v", p)
	}
	// Pete becomes dagpengemodtager from today.
	ingestTargetGroup(t, env, "tg-pete", cprPete, 1, 0, today)
	p = pete.fravaer()
	if _, ok := absenceByKind(p, shared.AbsencePasningAfBarn); ok {
		t.Fatalf("the pasning af eget barn not closed: %+v", p.Absences)
	}
	if _, ok := absenceByKind(p, shared.AbsenceBorgerligtOmbud); !ok {
		t.Fatalf("the borgerligt ombud closed: %+v", p.Absences)
	}
	who, _ := env.store.CitizenByCPR(context.Background(), cprPete)
	abs, _ := env.store.Citizen(who.ID).Absences(context.Background())
	i := slices.IndexFunc(abs, func(a shared.Absence) bool { return a.Kind == shared.AbsencePasningAfBarn })
	if i < 0 || abs[i].Period.To != today.AddDays(-1) || abs[i].ClosedBy != shared.RegisteredBySystem {
		t.Fatalf("closed: %+v", abs)
	}
	// Deleted by the jobcenter.
	c.decode(post(ingestv1.Absence{MessageID: "abs-3", CPR: cprPete, AbsenceID: "jc-abs-2", Delete: true}, fravaerJC), 200, nil)
	if _, ok := absenceByKind(pete.fravaer(), shared.AbsenceBorgerligtOmbud); ok {
		t.Fatal("not deleted")
	}
}

// TestFravaerInCalendar: the Kalender's Fravær source, the citizen's whole
// (the jobcenter's too), the a-kasse's only the current lawful ones: Mads'
// holiday, not the history of his sygedagpenge forløb (000 5.3, 5.5).
func TestFravaerInCalendar(t *testing.T) {
	env := newTestEnv(t)
	today := shared.DateOf(env.clock.Now())
	mads := env.client()
	mads.loginCitizen("mads")
	berit := env.mirror("berit", cprMads)
	kinds := func(c *client, day shared.Date) []string {
		var m struct {
			Entries []shared.CalendarEntry `json:"entries"`
		}
		c.decode(c.do("GET", shared.CalendarPath(shared.YearMonthOf(day).String()), nil), 200, &m)
		var out []string
		for _, e := range m.Entries {
			if e.Kind == shared.CalendarAbsence {
				out = append(out, e.Title)
			}
		}
		return out
	}
	// His exemption from selvbooking, 300 to 280 days ago, is history.
	ferie, barn := today.AddDays(40), today.AddDays(-290)
	if got := kinds(mads, ferie); !slices.Contains(got, "Ferie") {
		t.Errorf("Mads' holiday month: %v", got)
	}
	if got := kinds(berit, ferie); !slices.Contains(got, "Ferie") {
		t.Errorf("the a-kasse's holiday month: %v", got)
	}
	if got := kinds(mads, barn); !slices.Contains(got, shared.AbsenceFritagetSelvbooking.Label()) {
		t.Errorf("Mads' history: %v", got)
	}
	if got := kinds(berit, barn); len(got) != 0 {
		t.Errorf("the a-kasse sees history: %v", got)
	}
}
