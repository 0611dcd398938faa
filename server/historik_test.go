package server

import (
	"context"
	"slices"
	"testing"
	"time"

	"jobnet/shared"
)

// TestHistorik: Historik's accordions through the API as each role reads
// them (SPEC D12, K4), on the pinned clock: a registration the citizen's
// features wrote (absences and an enrolment put in as Fravær and Til- og
// afmelding write them), a second plan version, whose first is then an
// earlier one with its own page, and the CV's søgbarhed changed twice by
// the citizen, at the clock's moments. The jobcenter reads the same; the
// a-kasse gets "Du har ikke adgang til siden: /CV/Citizen/History" from
// both routes; another citizen's plan version is not found. Only this
// test's rows are counted: the demo's arrive too.
func TestHistorik(t *testing.T) {
	env := newTestEnv(t)
	today := shared.DateOf(env.clock.Now())
	mads := env.client()
	mads.loginCitizen("mads")
	who, err := env.store.CitizenByCPR(context.Background(), cprMads)
	if err != nil {
		t.Fatal(err)
	}
	id := who.ID
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := env.db.ExecContext(context.Background(), q, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec(`INSERT INTO absences (citizen_id, kind, from_date, to_date, comment, registered_by, closed_by) VALUES
		(?, 'sygdom', ?, ?, 'HIST-syg', 'borger', 'sagsbehandler'),
		(?, 'ferie', ?, ?, 'HIST-ferie', 'borger', NULL),
		(?, 'fritaget_selvbooking', ?, NULL, 'HIST-fritaget', 'sagsbehandler', NULL),
		(?, 'ferie', ?, ?, 'HIST-gammel', 'borger', NULL)`,
		id, today.AddDays(-20).String(), today.AddDays(-15).String(),
		id, today.AddDays(30).String(), today.AddDays(34).String(),
		id, today.AddDays(-3).String(),
		id, today.AddMonths(-40).String(), today.AddMonths(-37).AddDays(-1).String())
	exec(`INSERT INTO enrolments (citizen_id, benefit, ledighed, uden_ydelse, state, from_date, registered_by) VALUES
		(?, 'dagpenge', 'delvis', true, 'effektueret', ?, 'borger')`, id, today.AddDays(-100).String())

	const jc = "Bearer demo-token-jobcenter-koebenhavn"
	ingest := env.client()
	for _, v := range []string{"historik-1", "historik-2"} {
		p := testPlan(v, today)
		p.Description = "Beskrivelse " + v
		ingest.decode(ingest.do("POST", "/api/ingest/v1/plan", p, "Authorization", jc), 200, nil)
		env.clock.Advance(time.Minute)
	}
	first := env.clock.Now()
	// The demo's CV of Mads is søgbart: not søgbart, the same again (no
	// change to record), then søgbart.
	mads.decode(mads.do("PUT", shared.APICVSettings, shared.CVSettings{Searchable: false, Email: "mads@example.dk"}), 200, nil)
	env.clock.Advance(5 * time.Minute)
	mads.decode(mads.do("PUT", shared.APICVSettings, shared.CVSettings{Searchable: false, Email: "mads@example.dk"}), 200, nil)
	env.clock.Advance(5 * time.Minute)
	mads.decode(mads.do("PUT", shared.APICVSettings, shared.CVSettings{Searchable: true, Email: "mads@example.dk"}), 200, nil)

	var h shared.History
	mads.decode(mads.do("GET", shared.APIHistory, nil), 200, &h)
	comments := func(as []shared.Absence) (out []string) {
		for _, a := range as {
			if len(a.Text) > 5 && a.Text[:5] == "HIST-" {
				out = append(out, a.Text)
			}
		}
		return out
	}
	for name, tc := range map[string]struct{ got, want []string }{
		"Sygdomsregistreringer":       {comments(h.Sickness), []string{"HIST-syg"}},
		"Ferieregistreringer":         {comments(h.Holidays), []string{"HIST-ferie"}}, // not the one past three years
		"Andre fravær og fritagelser": {comments(h.OtherAbsences), []string{"HIST-fritaget"}},
	} {
		if !slices.Equal(tc.got, tc.want) {
			t.Errorf("%s: %q, want %q", name, tc.got, tc.want)
		}
	}
	for _, a := range h.Sickness {
		if a.Text == "HIST-syg" && (a.RegisteredBy != shared.RegisteredByCitizen || a.ClosedBy != shared.RegisteredByCaseworker) {
			t.Errorf("who registered the sygdom: %+v", a)
		}
	}
	if !slices.ContainsFunc(h.Enrolments, func(e shared.Enrolment) bool { return e.UdenYdelse && e.Ledighed == shared.LedighedDelvis }) {
		t.Errorf("ledighedsstatusser %+v", h.Enrolments)
	}
	if len(h.CVSearchability) < 2 || !h.CVSearchability[0].Searchable || h.CVSearchability[1].Searchable ||
		!h.CVSearchability[1].At.Equal(first) || !h.CVSearchability[0].At.Equal(first.Add(10*time.Minute)) {
		t.Errorf("CV-søgbarhed %+v, want not søgbart at %v and søgbart ten minutes later", h.CVSearchability, first)
	}
	if len(h.Plans) < 2 || !h.Plans[0].Current || h.Plans[1].Current || h.Plans[0].OrgName != "Jobcenter København" {
		t.Fatalf("plans %+v", h.Plans)
	}
	var earlier shared.PlanVersion
	mads.decode(mads.do("GET", shared.HistoryPlanVersionPath(h.Plans[1].ID), nil), 200, &earlier)
	if earlier.Plan.Description != "Beskrivelse historik-1" || earlier.Current || earlier.Plan.VersionID != "historik-1" {
		t.Errorf("the earlier version %+v", earlier)
	}

	// The jobcenter reads it as the citizen does; the a-kasse is refused.
	var jcView shared.History
	nina := env.mirror("nina", cprMads)
	nina.decode(nina.do("GET", shared.APIHistory, nil), 200, &jcView)
	if !slices.Equal(comments(jcView.Sickness), []string{"HIST-syg"}) || len(jcView.Plans) != len(h.Plans) {
		t.Errorf("the jobcenter's Historik %+v", jcView)
	}
	nina.decode(nina.do("GET", shared.HistoryPlanVersionPath(h.Plans[1].ID), nil), 200, nil)
	berit := env.mirror("berit", cprMads)
	for _, path := range []string{shared.APIHistory, shared.HistoryPlanVersionPath(h.Plans[1].ID)} {
		if r := berit.do("GET", path, nil); r.status != 403 || r.err().Message != shared.MsgNoAccessHistory {
			t.Errorf("the a-kasse's %s: %d %s", path, r.status, r.body)
		}
	}

	// Another citizen's version, and an id that is none, are not found.
	louise := env.client()
	louise.loginCitizen("louise")
	for _, path := range []string{shared.HistoryPlanVersionPath(h.Plans[1].ID), "/api/history/plans/abc", "/api/history/plans/0"} {
		if r := louise.do("GET", path, nil); r.status != 404 || r.err().Code != shared.ENotFound {
			t.Errorf("%s as Louise: %d %s", path, r.status, r.body)
		}
	}
}
