package shared

import (
	"strings"
	"testing"
)

func TestPlanNudges(t *testing.T) {
	tests := []struct {
		name string
		t    PlanType
		f    Features
		want []string // the titles, in order
	}{
		{"JobPlanDagpenge", PlanJob, Features{Dagpengetaellere: true, Supplerende: true}, []string{"Gode råd til jobsøgningen", "Følg din dagpengeret"}},
		{"EducationPlan", PlanEducation, Features{}, []string{"Få hjælp til at finde uddannelser"}},
		{"KontanthjaelpJobPlan", PlanJob, Features{Timer225: true}, []string{"Gode råd til jobsøgningen", "225-timers-reglen"}},
		{"Rehabilitation", PlanRehabilitate, Features{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PlanNudges(tt.t, tt.f)
			var titles []string
			for _, n := range got {
				titles = append(titles, n.Title)
				if n.External != strings.HasPrefix(n.Href, "https://") || n.Link == "" || n.Text == "" {
					t.Errorf("nudge %+v: an external link must be https, an internal one a path", n)
				}
			}
			if strings.Join(titles, "|") != strings.Join(tt.want, "|") {
				t.Errorf("nudges %q, want %q", titles, tt.want)
			}
			if got == nil {
				t.Error("nil, want an empty list")
			}
		})
	}
}
