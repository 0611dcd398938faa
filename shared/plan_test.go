package shared

import (
	"fmt"
	"strings"
	"testing"
)

func basePlan() Plan {
	return Plan{
		VersionID: "v1", Type: PlanJob,
		JobGoals:           []JobGoal{{Title: "Rørlægger", AgreedWith: "Nina Pettersen"}},
		Description:        "Du skal søge job som rørlægger.",
		JobcenterAgreement: &Agreement{Text: "Når dine kurser er afsluttet, starter du i løntilskud.", AgreedWith: "Nina Pettersen", Date: MustDate("2019-11-21")},
		Items: []PlanItem{
			{ID: "k1", Kind: "krav_til_jobsoegning", Title: "Krav til jobsøgning", Authority: "A-kasse", Period: Period{From: MustDate("2019-11-21")}},
			{ID: "i1", Kind: "uddannelse", Title: "Videregående uddannelse", What: "Kurser i mag-, tig-, gas- og lysbuesvejsning, 37 timer per uge",
				Period: Period{From: MustDate("2019-11-06"), To: MustDate("2019-12-10")}, HoursPerWeek: 37,
				Place: "Petersmindevej 50, 5000 Odense", Contact: "Tolga Erkin 65324689"},
		},
	}
}

func TestValidatePlan(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Plan)
		fields []string
	}{
		{"OK", func(*Plan) {}, nil},
		{"ErrNoVersion", func(p *Plan) { p.VersionID = "" }, []string{"version_id"}},
		{"ErrType", func(p *Plan) { p.Type = "ønskeplan" }, []string{"type"}},
		{"ErrGoalWithoutTitle", func(p *Plan) { p.JobGoals = append(p.JobGoals, JobGoal{}) }, []string{"job_goals[1].title"}},
		{"ErrUnknownKind", func(p *Plan) { p.Items[0].Kind = "ferie" }, []string{"items[0].kind"}},
		{"ErrWhatTooLong", func(p *Plan) { p.Items[1].What = strings.Repeat("æ", PlanWhatMaxChars+1) }, []string{"items[1].what"}},
		{"OKWhatAtLimit", func(p *Plan) { p.Items[1].What = strings.Repeat("æ", PlanWhatMaxChars) }, nil},
		{"ErrWhyTooLong", func(p *Plan) { p.Items[1].Why = strings.Repeat("ø", PlanWhyMaxChars+1) }, []string{"items[1].why"}},
		{"OKWhyAtLimit", func(p *Plan) { p.Items[1].Why = strings.Repeat("ø", PlanWhyMaxChars) }, nil},
		{"ErrDescriptionTooLong", func(p *Plan) { p.Description = strings.Repeat("å", PlanDescriptionMaxChars+1) }, []string{"description"}},
		{"ErrStep5", func(p *Plan) { p.EducationOrder = &EducationOrder{Step: 5, Deadline: MustDate("2019-12-06")} }, []string{"education_order.step"}},
		{"ErrAgreementWithoutDate", func(p *Plan) { p.AKasseAgreement = &Agreement{Text: "Vi aftalte"} }, []string{"akasse_agreement.date"}},
		{"ErrPeriodEndsBeforeStart", func(p *Plan) { p.Items[1].Period.To = p.Items[1].Period.From.AddDays(-1) }, []string{"items[1].period.to"}},
		{"OKOneDayPeriod", func(p *Plan) { p.Items[1].Period.To = p.Items[1].Period.From }, nil},
		{"ErrSameItemIDTwice", func(p *Plan) { p.Items[1].ID = p.Items[0].ID }, []string{"items"}},
		{"ErrStatusWithoutText", func(p *Plan) { p.Items[1].Statuses = []PlanStatus{{Date: MustDate("2019-11-20")}} }, []string{"items[1].statuses[0].text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := basePlan()
			tt.mutate(&p)
			err := Validate(p)
			if len(tt.fields) == 0 {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("err = %v", err)
			}
			for _, f := range tt.fields {
				if e.FieldMessage(f) == "" {
					t.Errorf("no message for %s in %+v", f, e.Fields)
				}
			}
		})
	}
}

func TestDiffPlans(t *testing.T) {
	first := basePlan()
	if got := DiffPlans(nil, first); len(got) != 5 {
		t.Errorf("first plan: %+v", got)
	}
	if got := DiffPlans(&first, first); len(got) != 0 {
		t.Errorf("no change: %+v", got)
	}
	next := basePlan()
	next.VersionID = "v2"
	next.JobGoals = append(next.JobGoals, JobGoal{Title: "Svejser"})
	next.Items[1].Statuses = []PlanStatus{{Date: MustDate("2019-12-01"), Text: "Det går godt."}}
	next.Items = append(next.Items, PlanItem{ID: "l1", Kind: "loentilskud", Title: "Løntilskud"})
	next.Items = next.Items[1:] // krav removed
	next.AKasseAgreement = &Agreement{Text: "Tilmeld dig vikarbureauer.", Date: MustDate("2019-10-20")}
	got := fmt.Sprint(DiffPlans(&first, next))
	for _, want := range []string{
		"{tilføjet Jobmål Svejser}", "{ændret Indsats Videregående uddannelse}", "{tilføjet Indsats Løntilskud}",
		"{fjernet Krav til jobsøgning Krav til jobsøgning}", "{tilføjet Aftale Seneste aftale med a-kasse}",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in %s", want, got)
		}
	}
	if strings.Contains(got, "Rørlægger") {
		t.Errorf("an unchanged goal listed: %s", got)
	}
}

func TestPlanTimelineItems(t *testing.T) {
	p := basePlan()
	l := LayoutTimeline(p.TimelineItems(), WindowAround(MustDate("2019-11-22"), 6))
	if len(l.Rows) != 2 || l.Rows[0].Row != RowKravTilJobsoegning || l.Rows[1].Row != RowKurserUddannelse {
		t.Errorf("rows %+v", l.Rows)
	}
}

// The scenario of 000_…txt pictures 14–15: a member on sygedagpenge with
// sygeopfølgning and a hjælpemiddel, then a dagpengemodtager with a
// jobsamtale. The a-kasse sees only the jobsamtale (and the krav that runs
// into the dagpenge period).
func TestProjectPlanForAKasse(t *testing.T) {
	forloeb := []Forloeb{
		{Kontaktgruppe: 6, Period: Period{From: MustDate("2020-01-01"), To: MustDate("2020-05-19")}},
		{Kontaktgruppe: 1, Period: Period{From: MustDate("2020-05-20")}},
	}
	p := Plan{VersionID: "v1", Type: PlanJob, IntegrationContract: true, Items: []PlanItem{
		{ID: "syg1", Kind: "aftale_jobcenter", Title: "Sygeopfølgningssamtale", Period: Period{From: MustDate("2020-02-10"), To: MustDate("2020-02-10")}},
		{ID: "hj", Kind: "hjaelpemiddel", Title: "Hjælpemiddel", Period: Period{From: MustDate("2020-05-20"), To: MustDate("2020-06-20")}},
		{ID: "lt", Kind: "loentilskud", Title: "Løntilskud", Period: Period{From: MustDate("2020-05-20"), To: MustDate("2020-06-20")}},
		{ID: "job", Kind: "aftale_akasse", Title: "Jobsamtale", Period: Period{From: MustDate("2020-06-01"), To: MustDate("2020-06-01")}},
		{ID: "krav", Kind: "krav_til_jobsoegning", Title: "Krav til jobsøgning", Period: Period{From: MustDate("2020-03-01")}},
		{ID: "m", Kind: "mentor", Title: "Mentor", Period: Period{From: MustDate("2020-06-01")}},
		{ID: "s", Kind: "socialindsats", Title: "Støtte- og kontaktperson", Period: Period{From: MustDate("2020-06-01")}},
		{ID: "h", Kind: "sundhedsindsats", Title: "Genoptræning", Period: Period{From: MustDate("2020-06-01")}},
		{ID: "pa", Kind: "personlig_assistance", Title: "Personlig assistance", Period: Period{From: MustDate("2020-06-01")}},
	}}
	got := projectPlan(p, forloeb)
	var ids []string
	for _, it := range got.Items {
		ids = append(ids, it.ID)
	}
	if fmt.Sprint(ids) != "[lt job krav]" {
		t.Errorf("a-kasse sees %v, want [lt job krav]", ids)
	}
	if !got.IntegrationContract {
		t.Error("the contract's presence is needed to grey it out")
	}
	if n := len(projectPlan(Plan{}, nil).Items); n != 0 {
		t.Errorf("empty plan: %d", n)
	}
}
