package storage_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

// TestHistory: Historik's accordions read back what each feature wrote
// (SPEC D12): every plan version, the newest marked; held meetings only;
// the CV's søgbarhed changes as the trigger of migration 033 records them
// (a save that leaves it as it was records nothing); absences in their
// accordions and enrolments, three years back from their end and the
// coming ones too; another citizen's plan version is not found.
func TestHistory(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	s := storage.New(db, nil)

	for i, v := range []string{"v1", "v2", "v3"} {
		p := shared.Plan{VersionID: v, Description: "Plan " + v}
		if err := c.PublishPlan(ctx, "jc-1", p, now.AddDate(0, -3+i, 0)); err != nil {
			t.Fatal(err)
		}
	}
	for i, st := range []shared.MeetingStatus{shared.MeetingHeld, shared.MeetingCancelled, shared.MeetingPlanned, shared.MeetingHeld} {
		start := now.AddDate(0, 0, -30+i)
		if err := c.IngestMeeting(ctx, "jc-1", storage.MeetingIn{OriginID: "m" + string(rune('a'+i)), Type: "Jobsamtale", Form: "Telefonisk",
			Start: start, End: start.Add(30 * time.Minute), Status: st}, now); err != nil {
			t.Fatal(err)
		}
	}
	// Søgbart, the same again, then not søgbart.
	for i, searchable := range []bool{true, true, false} {
		if _, err := c.SaveCVSettings(ctx, shared.CVSettings{Searchable: searchable, Email: "a@b.dk"}, shared.EnrolmentTilmeldt,
			now.Add(time.Duration(i-10)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`INSERT INTO absences (citizen_id, kind, from_date, to_date, registered_by) SELECT id, 'sygdom', '2026-12-01', '2026-12-03', 'borger' FROM citizens`,
		`INSERT INTO absences (citizen_id, kind, from_date, registered_by) SELECT id, 'delvis_raskmelding', '2026-12-04', 'sagsbehandler' FROM citizens`,
		`INSERT INTO absences (citizen_id, kind, from_date, to_date, comment, registered_by) SELECT id, 'ferie', '2027-03-01', '2027-03-05', 'Vinterferie', 'borger' FROM citizens`,
		`INSERT INTO absences (citizen_id, kind, from_date, to_date, registered_by) SELECT id, 'ferie', '2023-12-20', '2024-01-04', 'borger' FROM citizens`,
		`INSERT INTO absences (citizen_id, kind, from_date, to_date, registered_by) SELECT id, 'midlertidigt_arbejde', '2026-10-01', '2026-10-31', 'borger' FROM citizens`,
		`INSERT INTO absences (citizen_id, kind, from_date, to_date, registered_by) SELECT id, 'barsel', '2023-06-01', '2024-01-05', 'system' FROM citizens`,
		`INSERT INTO enrolments (citizen_id, benefit, ledighed, state, from_date, registered_by) SELECT id, 'dagpenge', 'helt', 'effektueret', '2026-06-01', 'borger' FROM citizens`,
		`INSERT INTO enrolments (citizen_id, benefit, ledighed, state, from_date, to_date, registered_by) SELECT id, 'ingen', 'helt', 'effektueret', '2020-01-01', '2021-01-01', 'borger' FROM citizens`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}

	h, err := c.History(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Plans) != 3 || !h.Plans[0].Current || h.Plans[1].Current || h.Plans[0].OrgName != "Jobcenter" || !h.Plans[0].Published.Equal(now.AddDate(0, -1, 0)) {
		t.Errorf("plans %+v", h.Plans)
	}
	if len(h.Meetings) != 2 || !h.Meetings[0].Start.After(h.Meetings[1].Start) || h.Meetings[0].Type != "Jobsamtale" {
		t.Errorf("held meetings %+v", h.Meetings)
	}
	if len(h.CVSearchability) != 2 || h.CVSearchability[0].Searchable || !h.CVSearchability[1].Searchable ||
		!h.CVSearchability[1].At.Equal(now.Add(-10*time.Hour)) || !h.CVSearchability[0].At.Equal(now.Add(-8*time.Hour)) {
		t.Errorf("CV-søgbarhed %+v", h.CVSearchability)
	}
	if len(h.Sickness) != 2 || h.Sickness[0].Kind != shared.AbsenceDelvisRaskmelding || h.Sickness[0].RegisteredBy != shared.RegisteredByCaseworker {
		t.Errorf("sygdom %+v", h.Sickness)
	}
	if len(h.Holidays) != 1 || h.Holidays[0].Text != "Vinterferie" || !shared.HistoryUpcoming(h.Holidays[0].Period, shared.DateOf(now)) {
		t.Errorf("ferie (the one ended on 4 January 2024 is past three years) %+v", h.Holidays)
	}
	if len(h.TemporaryWork) != 1 || len(h.OtherAbsences) != 1 || h.OtherAbsences[0].Kind != shared.AbsenceBarsel {
		t.Errorf("midlertidigt arbejde %+v, andre %+v", h.TemporaryWork, h.OtherAbsences)
	}
	if len(h.Enrolments) != 1 || h.Enrolments[0].Benefit != shared.BenefitDagpenge {
		t.Errorf("ledighedsstatusser %+v", h.Enrolments)
	}

	v, err := c.PlanVersion(ctx, h.Plans[2].ID)
	if err != nil || v.Plan.Description != "Plan v1" || v.Current || v.OrgName != "Jobcenter" {
		t.Errorf("the first version %+v (%v)", v, err)
	}
	if cur, _ := c.PlanVersion(ctx, h.Plans[0].ID); !cur.Current || cur.Plan.VersionID != "v3" {
		t.Errorf("the current version %+v", cur)
	}
	other := otherCitizen(t, s)
	var e *shared.Error
	if _, err := other.PlanVersion(ctx, h.Plans[0].ID); !errors.As(err, &e) || e.Code != shared.ENotFound {
		t.Errorf("another citizen's plan version: %v", err)
	}
	if oh, err := other.History(ctx, now); err != nil || len(oh.Plans)+len(oh.Meetings)+len(oh.Sickness)+len(oh.CVSearchability)+len(oh.Enrolments) != 0 ||
		oh.Plans == nil || oh.Meetings == nil || oh.Holidays == nil || oh.CVSearchability == nil || oh.SoughtOccupations == nil || oh.Enrolments == nil {
		t.Errorf("another citizen's Historik %+v (%v)", oh, err)
	}
}

// otherCitizen adds a second citizen to oneCitizen's database.
func otherCitizen(t *testing.T, s *storage.Store) storage.Citizen {
	t.Helper()
	ctx := context.Background()
	if err := s.Seed(ctx, storage.Seed{Citizens: []storage.SeedCitizen{{CPR: "010203-9999", Name: "Anden", Jobcenter: "jc-1",
		Enrolment: shared.EnrolmentTilmeldt}}}, now); err != nil {
		t.Fatal(err)
	}
	who, err := s.CitizenByCPR(ctx, "010203-9999")
	if err != nil {
		t.Fatal(err)
	}
	return s.Citizen(who.ID)
}

// TestHistoryRetention: the jobs delete a registration three years after
// its last day (the Danish day; an open one never), a søgbarhed change and
// an occupation's add or remove three years after it was made; plans and
// meetings stay (SPEC D12, E2; storage.RetentionRules).
func TestHistoryRetention(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	s := storage.New(db, nil)
	// now is 5 January 2027 11:00 in Copenhagen: the cutoff's day is 5
	// January 2024; a period that ended the 4th goes, one that ended the
	// 5th stays.
	for _, q := range []string{
		`INSERT INTO absences (citizen_id, kind, from_date, to_date, comment, registered_by) SELECT id, 'ferie', '2023-12-20', '2024-01-04', 'går', 'borger' FROM citizens`,
		`INSERT INTO absences (citizen_id, kind, from_date, to_date, comment, registered_by) SELECT id, 'sygdom', '2023-12-20', '2024-01-05', 'bliver', 'borger' FROM citizens`,
		`INSERT INTO absences (citizen_id, kind, from_date, comment, registered_by) SELECT id, 'barsel', '2019-01-01', 'åben', 'system' FROM citizens`,
		`INSERT INTO enrolments (citizen_id, benefit, ledighed, state, from_date, to_date, registered_by) SELECT id, 'ingen', 'helt', 'effektueret', '2020-01-01', '2024-01-04', 'borger' FROM citizens`,
		`INSERT INTO enrolments (citizen_id, benefit, ledighed, state, from_date, to_date, registered_by) SELECT id, 'dagpenge', 'helt', 'effektueret', '2024-01-05', '2024-02-01', 'borger' FROM citizens`,
		`INSERT INTO enrolments (citizen_id, benefit, ledighed, state, from_date, registered_by) SELECT id, 'dagpenge', 'helt', 'effektueret', '2019-01-01', 'borger' FROM citizens`,
		`INSERT INTO sought_occupation_history (citizen_id, occupation_id, change, at) SELECT id, 1, 'tilfoejet', '2024-01-05 09:59:59+00' FROM citizens`,
		`INSERT INTO sought_occupation_history (citizen_id, occupation_id, change, at) SELECT id, 2, 'tilfoejet', '2024-01-05 10:00:00+00' FROM citizens`,
		`INSERT INTO plan_versions (citizen_id, org_code, version_id, data, published_at) SELECT id, 'jc-1', 'gammel', '{}', '2010-01-01' FROM citizens`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	for i, searchable := range []bool{true, false} {
		at := now.AddDate(-3, 0, 0).Add(time.Duration(i-1) * time.Second) // one a second past, one on the cutoff
		if _, err := c.SaveCVSettings(ctx, shared.CVSettings{Searchable: searchable, Email: "a@b.dk"}, shared.EnrolmentTilmeldt, at); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		rule  string
		count string
		want  int
	}{
		{"absences", `SELECT count(*) FROM absences`, 2},
		{"enrolments", `SELECT count(*) FROM enrolments`, 2},
		{"cv_searchability", `SELECT count(*) FROM cv_searchability_history`, 1},
		{"sought_occupation_history", `SELECT count(*) FROM sought_occupation_history`, 1},
	} {
		rule := ruleNamed(t, tc.rule)
		if n, err := s.CountExpired(ctx, rule, now); err != nil || n != 1 {
			t.Errorf("%s: %d expired (%v), want 1", tc.rule, n, err)
		}
		if n, err := s.DeleteExpired(ctx, rule, now, 100); err != nil || n != 1 {
			t.Errorf("%s: deleted %d (%v), want 1", tc.rule, n, err)
		}
		var left int
		if err := db.QueryRowContext(ctx, tc.count).Scan(&left); err != nil || left != tc.want {
			t.Errorf("%s: %d left (%v), want %d", tc.rule, left, err, tc.want)
		}
	}
	var comments []string
	if err := db.NewRaw(`SELECT comment FROM absences ORDER BY comment`).Scan(ctx, &comments); err != nil || len(comments) != 2 ||
		comments[0] != "bliver" || comments[1] != "åben" {
		t.Errorf("absences left %v (%v)", comments, err)
	}
	var plans int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM plan_versions`).Scan(&plans); err != nil || plans != 1 {
		t.Errorf("a plan of 2010 is kept (\"alle\"): %d (%v)", plans, err)
	}
	for _, r := range storage.RetentionRules(20 * time.Minute) {
		if r.Name == "plan_versions" || r.Name == "meetings" {
			t.Errorf("a retention rule %q: plans and meetings are kept whole", r.Name)
		}
	}
}

// TestSeedHistory: the demo's past is put in once, however often the demo
// starts.
func TestSeedHistory(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	seed := storage.HistorySeed{Org: "jc-1", Key: "k",
		Absences: []shared.Absence{{Kind: shared.AbsenceSygdom, Period: shared.Period{From: shared.DateOf(now).AddDays(-9)},
			RegisteredBy: shared.RegisteredByCaseworker, RegisteredAt: now}},
		Enrolments: []shared.Enrolment{{Benefit: shared.BenefitDagpenge, Ledighed: shared.LedighedHelt, State: shared.EnrolmentEffective,
			Period: shared.Period{From: shared.DateOf(now).AddDays(-99), To: shared.DateOf(now).AddDays(-10)}, RegisteredBy: shared.RegisteredByCitizen, RegisteredAt: now}},
		CVSearchability: []shared.CVSearchabilityChange{{Searchable: true, At: now}},
	}
	for i, want := range []bool{true, false} {
		if got, err := c.SeedHistory(ctx, seed, now.Add(time.Duration(i)*24*time.Hour)); err != nil || got != want {
			t.Fatalf("seed %d: %v (%v), want %v", i, got, err, want)
		}
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM absences) + (SELECT count(*) FROM enrolments) + (SELECT count(*) FROM cv_searchability_history)`).Scan(&n); err != nil || n != 3 {
		t.Errorf("%d rows (%v), want 3", n, err)
	}
}
