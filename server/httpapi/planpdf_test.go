package httpapi

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"jobnet/shared"
)

// BenchmarkPlanPDF renders a plan of 200 current items.
func BenchmarkPlanPDF(b *testing.B) {
	today := shared.MustDate("2026-11-22")
	p := shared.Plan{Type: shared.PlanJob, JobGoals: []shared.JobGoal{{Title: "Rørlægger"}}, Description: strings.Repeat("Tekst med æøå. ", 40)}
	for i := 0; i < 200; i++ {
		p.Items = append(p.Items, shared.PlanItem{ID: fmt.Sprint(i), Kind: "kursus", Title: fmt.Sprintf("Kursus %d", i),
			What: strings.Repeat("Hvad er aftalt. ", 10), Why: "Fordi.", Place: "Vej 1, 5000 Odense",
			Period: shared.Period{From: today.AddDays(-i), To: today.AddDays(i + 1)}})
	}
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := renderPlanPDF(&buf, "Mads Kristensen", p, today, false); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes")
}
