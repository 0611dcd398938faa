package shared

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// withheldCase is data of one withheld kind beside data the a-kasse does
// see: the projection must drop every hidden marker and keep every shown one.
type withheldCase struct {
	data          CitizenData
	hidden, shown []string
}

// withheldCases show, for every kind the a-kasse's projection leaves out
// (a Withheld without a Refusal), the projection doing it.
func withheldCases() map[WithheldKind]withheldCase {
	today := MustDate("2027-01-05")
	dagpenge := Forloeb{Kontaktgruppe: 1, Period: Period{From: MustDate("2026-01-01"), To: MustDate("2026-05-31")}}
	syg := Forloeb{Kontaktgruppe: 6, Period: Period{From: MustDate("2026-06-01")}}
	item := func(kind ItemKind, title string, from string) PlanItem {
		return PlanItem{ID: title, Kind: kind, Title: title, Period: Period{From: MustDate(from), To: MustDate(from).AddDays(10)}}
	}
	sent := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	return map[WithheldKind]withheldCase{
		WithheldOtherTargetGroups: {
			data: CitizenData{Forloeb: []Forloeb{dagpenge, syg}, Plan: &Plan{Items: []PlanItem{
				item("kursus", "ZQ-SHOWN-kursus-i-dagpengeforloeb", "2026-02-01"),
				item("kursus", "ZQ-HIDDEN-kursus-i-sygedagpengeforloeb", "2026-07-01"),
			}}},
			hidden: []string{"ZQ-HIDDEN-kursus-i-sygedagpengeforloeb"}, shown: []string{"ZQ-SHOWN-kursus-i-dagpengeforloeb"},
		},
		WithheldInterventions: {
			data: CitizenData{Forloeb: []Forloeb{dagpenge}, Plan: &Plan{Items: []PlanItem{
				item("kursus", "ZQ-SHOWN-kursus", "2026-02-01"),
				item("mentor", "ZQ-HIDDEN-mentor", "2026-02-01"), item("hjaelpemiddel", "ZQ-HIDDEN-hjaelpemiddel", "2026-02-01"),
				item("personlig_assistance", "ZQ-HIDDEN-pa", "2026-02-01"), item("socialindsats", "ZQ-HIDDEN-social", "2026-02-01"),
				item("sundhedsindsats", "ZQ-HIDDEN-sundhed", "2026-02-01"),
			}}},
			hidden: []string{"ZQ-HIDDEN-mentor", "ZQ-HIDDEN-hjaelpemiddel", "ZQ-HIDDEN-pa", "ZQ-HIDDEN-social", "ZQ-HIDDEN-sundhed"},
			shown:  []string{"ZQ-SHOWN-kursus"},
		},
		WithheldLetterSecrecy: {
			data: CitizenData{AKasse: "ak-dfh", Messages: []Message{
				{ID: "1", SenderOrg: "jc-101", Subject: "ZQ-HIDDEN-subject", Body: "ZQ-HIDDEN-body", Parties: []string{"ZQ-HIDDEN-party"}},
				{ID: "2", SenderOrg: "jc-101", Subject: "ZQ-SHOWN-subject", Body: "ZQ-SHOWN-body", Parties: []string{"ak-dfh"}},
			}},
			hidden: []string{"ZQ-HIDDEN-subject", "ZQ-HIDDEN-body", "ZQ-HIDDEN-party"}, shown: []string{"ZQ-SHOWN-subject", "ZQ-SHOWN-body"},
		},
		WithheldAbsenceHistory: {
			data: CitizenData{Today: today, Absences: []Absence{
				{ID: "1", Kind: AbsenceFerie, Period: Period{From: today.AddDays(-20), To: today.AddDays(-1)}, Text: "ZQ-HIDDEN-ended"},
				{ID: "2", Kind: AbsencePasningAfBarn, Period: Period{From: today.AddDays(-2)}, Text: "ZQ-HIDDEN-not-lawful"},
				{ID: "3", Kind: AbsenceFerie, Period: Period{From: today, To: today.AddDays(5)}, Text: "ZQ-SHOWN-ferie"},
			}},
			hidden: []string{"ZQ-HIDDEN-ended", "ZQ-HIDDEN-not-lawful"}, shown: []string{"ZQ-SHOWN-ferie"},
		},
		WithheldHours225: {
			data: CitizenData{Counters: &Counters{
				Dagpenge: &DagpengeCounters{AsOf: today, Insurance: FullTime, HoursUsed: 1234.0625},
				Hours225: &Hours225Counters{AsOf: today, HoursLast12Months: 3001.0625},
			}},
			hidden: []string{"3001.0625", "timer225"}, shown: []string{"1234.0625"},
		},
		WithheldEducationDrafts: {
			data: CitizenData{Plan: &Plan{}, Education: &EducationState{
				Answer: EducationAnswer{Step: 1, Reason: "ZQ-HIDDEN-draft"}, Sent: &EducationAnswer{Step: 1, Reason: "ZQ-SHOWN-sent"}, SentAt: &sent,
			}},
			hidden: []string{"ZQ-HIDDEN-draft"}, shown: []string{"ZQ-SHOWN-sent"},
		},
	}
}

// TestAKasseWithheldProjected: every kind the banner says the a-kasse's
// pages leave out is left out by the projection the server runs, and
// every kind refused whole has its message and API path. A kind added to
// the list without either fails here.
func TestAKasseWithheldProjected(t *testing.T) {
	cases := withheldCases()
	for _, w := range WithheldFrom(RoleAKasse) {
		t.Run(string(w.Kind), func(t *testing.T) {
			if w.What == "" || w.Why == "" || strings.Contains(w.Why, "\n") {
				t.Errorf("the banner line needs what and a one-line why: %+v", w)
			}
			if w.Refusal != "" {
				if w.APIPath == "" {
					t.Errorf("refused whole, but no API path for the route table to refuse: %+v", w)
				}
				if _, ok := cases[w.Kind]; ok {
					t.Errorf("refused whole and projected: one or the other")
				}
				return
			}
			c, ok := cases[w.Kind]
			if !ok {
				t.Fatalf("no case shows the projection leaving %q out", w.Kind)
			}
			b, err := json.Marshal(ProjectForAKasse(c.data))
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range c.hidden {
				if strings.Contains(string(b), m) {
					t.Errorf("the projection lets %s through: %s", m, b)
				}
			}
			for _, m := range c.shown {
				if !strings.Contains(string(b), m) {
					t.Errorf("the projection drops %s, which the a-kasse sees: %s", m, b)
				}
			}
		})
		delete(cases, w.Kind)
	}
	for k := range cases {
		t.Errorf("a case for %q, which the banner does not list", k)
	}
}

// TestWithheldByRole: the jobcenter is shown everything; kinds are unique.
func TestWithheldByRole(t *testing.T) {
	if w := WithheldFrom(RoleJobcenter); len(w) != 0 {
		t.Errorf("the jobcenter is withheld %v", w)
	}
	seen := map[WithheldKind]bool{}
	for _, w := range WithheldFrom(RoleAKasse) {
		if seen[w.Kind] {
			t.Errorf("%q twice", w.Kind)
		}
		seen[w.Kind] = true
		if got, ok := WithheldEntry(RoleAKasse, w.Kind); !ok || got != w {
			t.Errorf("WithheldEntry(%q) = %+v, %v", w.Kind, got, ok)
		}
	}
	if _, ok := WithheldEntry(RoleJobcenter, WithheldHistorik); ok {
		t.Error("the jobcenter has an entry")
	}
}
