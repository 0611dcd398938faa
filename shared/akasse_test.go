package shared

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// ProjectForAKasse over a citizen with something hidden in every part: the
// projection holds every SHOWN marker and no HIDDEN one, and only the parts
// that were given.
func TestProjectForAKasse(t *testing.T) {
	today := MustDate("2026-11-22")
	sent := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	forloeb := []Forloeb{
		{Kontaktgruppe: 6, Period: Period{From: today.AddDays(-400), To: today.AddDays(-201)}}, // sygedagpenge
		{Kontaktgruppe: 1, Period: Period{From: today.AddDays(-200)}},                          // dagpenge, open
	}
	item := func(id, kind string, from, to int) PlanItem {
		return PlanItem{ID: id, Kind: ItemKind(kind), Title: id, Period: Period{From: today.AddDays(from), To: today.AddDays(to)}}
	}
	plan := Plan{VersionID: "v2", Type: PlanJob, JobGoals: []JobGoal{{Title: "SHOWN-goal"}}, Items: []PlanItem{
		item("SHOWN-praktik", "virksomhedspraktik", -20, 20),
		item("HIDDEN-mentor", "mentor", -20, 20),
		item("HIDDEN-syg", "aftale_jobcenter", -300, -300),
	}, EducationOrder: &EducationOrder{Step: 1, Deadline: today.AddDays(9)}}
	prev := plan
	prev.VersionID, prev.Items = "v1", []PlanItem{item("HIDDEN-old-mentor", "mentor", -90, -10)}
	full := CitizenData{
		Forloeb: forloeb, Today: today, AKasse: "ak-dfh",
		Overview: &Overview{Name: "SHOWN-name", Forloeb: forloeb, Features: Features{Dagpengetaellere: true, Timer225: true}},
		Features: &Features{Dagpengetaellere: true, Timer225: true},
		Plan:     &plan, PrevPlan: &prev,
		Education: &EducationState{Answer: EducationAnswer{Step: 1, Reason: "HIDDEN-draft"}, SavedAt: sent.Add(time.Hour),
			Sent: &EducationAnswer{Step: 1, Reason: "SHOWN-sent"}, SentAt: &sent},
		Counters: &Counters{Hours225: &Hours225Counters{AsOf: today, HoursLast12Months: 4321.0625}},
		Messages: []Message{
			{ID: "1", SenderOrg: "ak-dfh", Subject: "SHOWN-subject", Body: "SHOWN-body"},
			{ID: "2", SenderOrg: "jc-101", Subject: "HIDDEN-subject", Body: "HIDDEN-body"},
		},
		Absences: []Absence{
			{ID: "a", Kind: AbsenceFerie, Period: Period{From: today, To: today.AddDays(7)}, Text: "SHOWN-ferie"},
			{ID: "b", Kind: AbsenceFerie, Period: Period{From: today.AddDays(-30), To: today.AddDays(-20)}, Text: "HIDDEN-old"},
			{ID: "c", Kind: AbsenceDelvisRaskmelding, Period: Period{From: today, To: today.AddDays(7)}, Text: "HIDDEN-kind"},
		},
	}
	got := ProjectForAKasse(full)
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, hidden := range []string{"HIDDEN-mentor", "HIDDEN-syg", "HIDDEN-old-mentor", "HIDDEN-draft", "4321.0625", "HIDDEN-subject", "HIDDEN-body", "HIDDEN-old", "HIDDEN-kind", `"Timer225":true`, `"timer225":true`} {
		if strings.Contains(s, hidden) {
			t.Errorf("the a-kasse gets %s", hidden)
		}
	}
	for _, shown := range []string{"SHOWN-goal", "SHOWN-praktik", "SHOWN-name", "SHOWN-sent", "SHOWN-subject", "SHOWN-body", "SHOWN-ferie", MsgLetterSecrecy} {
		if !strings.Contains(s, shown) {
			t.Errorf("the a-kasse misses %s", shown)
		}
	}
	if len(got.PlanChanges) != 1 || got.PlanChanges[0].Title != "SHOWN-praktik" {
		t.Errorf("the changes speak of what the a-kasse may not see: %+v", got.PlanChanges)
	}
	if got.Overview.Features.Timer225 || got.Features.Timer225 {
		t.Error("the 225-hour rule reaches the a-kasse")
	}

	// Only the parts given come back.
	if e := ProjectForAKasse(CitizenData{Counters: full.Counters}); e.Overview != nil || e.Plan != nil || e.Education != nil || e.Messages != nil || e.Absences != nil || e.Counters == nil {
		t.Errorf("counters only: %+v", e)
	}
	if e := ProjectForAKasse(CitizenData{Education: full.Education}); e.Education != nil {
		t.Error("an answer without its plan came through")
	}
}
