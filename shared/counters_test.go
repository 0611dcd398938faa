package shared

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestComputeDagpengeSourceExamples(t *testing.T) {
	base := DagpengeCounters{Insurance: FullTime, AsOf: MustDate("2026-11-11"), Indplacering: MustDate("2025-06-02"), KarensPeriodEnd: MustDate("2026-12-01")}
	tests := []struct {
		name                string
		c                   func(DagpengeCounters) DagpengeCounters
		extra               float64
		wantExtension       float64
		wantExtensionDone   bool
		wantKarensRemaining float64
		wantKarensDone      bool
	}{
		{"765HoursGive1530", func(c DagpengeCounters) DagpengeCounters { c.ExtensionWorkHours = 765; return c }, 0, 1530, false, 148, false},
		{"962HoursGiveMaximum", func(c DagpengeCounters) DagpengeCounters { c.ExtensionWorkHours = 962; return c }, 0, 1924, true, 148, false},
		{"MaximumIsACap", func(c DagpengeCounters) DagpengeCounters { c.ExtensionWorkHours = 2000; return c }, 0, 1924, true, 148, false},
		{"Karens76Of148Leaves72", func(c DagpengeCounters) DagpengeCounters { c.KarensWorkHours = 76; return c }, 0, 0, false, 72, false},
		{"Karens148IsNotMoreThan148", func(c DagpengeCounters) DagpengeCounters { c.KarensWorkHours = 148; return c }, 0, 0, false, 0, false},
		{"Karens149Avoids", func(c DagpengeCounters) DagpengeCounters { c.KarensWorkHours = 149; return c }, 0, 0, false, 0, true},
		{"Simulate51MoreHours", func(c DagpengeCounters) DagpengeCounters {
			c.ExtensionWorkHours, c.KarensWorkHours = 765, 76
			return c
		}, 51, 1632, false, 21, false},
		{"NegativeExtraIgnored", func(c DagpengeCounters) DagpengeCounters { c.ExtensionWorkHours = 765; return c }, -100, 1530, false, 148, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := ComputeDagpenge(tt.c(base), tt.extra)
			if g.Forlaengelse.Value != tt.wantExtension || g.Forlaengelse.Done != tt.wantExtensionDone {
				t.Errorf("forlængelse = %+v, want %v (done %v)", g.Forlaengelse, tt.wantExtension, tt.wantExtensionDone)
			}
			if r := KarensHoursRemaining(g.Karens); r != tt.wantKarensRemaining || g.Karens.Done != tt.wantKarensDone {
				t.Errorf("karens remaining %v done %v, want %v %v", r, g.Karens.Done, tt.wantKarensRemaining, tt.wantKarensDone)
			}
		})
	}
}

func TestDagpengeRulesPartTime(t *testing.T) {
	r := RulesFor(PartTime)
	if HoursToMaxExtension(r, 0) != 780 {
		t.Errorf("part-time maximum reached at %v hours, want 780", HoursToMaxExtension(r, 0))
	}
	if HoursToMaxExtension(RulesFor(FullTime), 765) != 197 {
		t.Errorf("full-time: %v", HoursToMaxExtension(RulesFor(FullTime), 765))
	}
	g := ComputeDagpenge(DagpengeCounters{Insurance: PartTime, KarensWorkHours: 97, GenoptjeningWorkHours: 1258, HoursUsed: 100}, 0)
	if g.Karens.Done || !g.Genoptjening.Done || g.Hourglass.Total != 3120 {
		t.Errorf("part-time gauges %+v", g)
	}
	if g := ComputeDagpenge(DagpengeCounters{Insurance: PartTime, KarensWorkHours: 97}, 1); !g.Karens.Done {
		t.Errorf("98 hours > 97 avoids karens: %+v", g.Karens)
	}
}

func TestHourglass(t *testing.T) {
	c := DagpengeCounters{Insurance: FullTime, HoursUsed: 1924, ExtensionWorkHours: 100}
	g := ComputeDagpenge(c, 0)
	if g.Hourglass.Total != 3848+200 || g.Hourglass.Used != 1924 || g.Hourglass.Remaining() != 2124 {
		t.Errorf("hourglass %+v", g.Hourglass)
	}
	if f := g.Hourglass.Fraction(); f <= 0.47 || f >= 0.48 {
		t.Errorf("fraction %v", f)
	}
	if ComputeDagpenge(DagpengeCounters{HoursUsed: 99999}, 0).Hourglass.Fraction() != 1 {
		t.Error("the hourglass cannot run over")
	}
}

// Properties: more hours never reduce extension or genoptjening progress;
// the caps hold; the karens needle never passes its threshold.
func TestDagpengeProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 5000; i++ {
		ins := FullTime
		if rng.IntN(2) == 0 {
			ins = PartTime
		}
		c := DagpengeCounters{Insurance: ins, HoursUsed: rng.Float64() * 5000,
			ExtensionWorkHours: rng.Float64() * 2500, KarensWorkHours: rng.Float64() * 300, GenoptjeningWorkHours: rng.Float64() * 3000}
		a, b := rng.Float64()*MaxSimulatedHours, rng.Float64()*MaxSimulatedHours
		lo, hi := ComputeDagpenge(c, math.Min(a, b)), ComputeDagpenge(c, math.Max(a, b))
		r := RulesFor(ins)
		switch {
		case hi.Forlaengelse.Value < lo.Forlaengelse.Value, hi.Genoptjening.Value < lo.Genoptjening.Value,
			hi.Karens.Value < lo.Karens.Value, hi.Hourglass.Total < lo.Hourglass.Total:
			t.Fatalf("more hours reduced progress: %+v → %+v", lo, hi)
		case hi.Forlaengelse.Value > r.MaxExtensionHours, hi.Genoptjening.Value > r.GenoptjeningHours,
			hi.Karens.Value > r.KarensThresholdHours, hi.Hourglass.Total > r.PeriodHours+r.MaxExtensionHours:
			t.Fatalf("a cap broke: %+v", hi)
		case hi.Hourglass.Fraction() < 0 || hi.Hourglass.Fraction() > 1 || hi.Forlaengelse.Fraction() > 1:
			t.Fatalf("fractions out of range: %+v", hi)
		}
	}
}

func TestComputeSupplerende(t *testing.T) {
	asOf := MustDate("2026-11-11") // a Wednesday
	monday := MustDate("2026-11-09")
	var weeks []Date
	// 28 used weeks: the 20 most recent weeks and 8 weeks 100–107 weeks back.
	for i := 0; i < 20; i++ {
		weeks = append(weeks, monday.AddDays(-7*i+2)) // any day in the week counts
	}
	for i := 100; i < 108; i++ {
		weeks = append(weeks, monday.AddDays(-7*i))
	}
	c := SupplerendeCounters{AsOf: asOf, Insurance: FullTime, UsedWeeks: weeks}
	s := ComputeSupplerende(c, 0)
	// Weeks 104–107 back are already outside the window.
	if s.Used != 24 || s.Remaining != 6 || len(s.Ruler) != 104 {
		t.Fatalf("now: used %d remaining %d ruler %d", s.Used, s.Remaining, len(s.Ruler))
	}
	if s.Ruler[103].Start != monday || !s.Ruler[103].Used || s.Ruler[0].Start != monday.AddDays(-7*103) || !s.Ruler[0].Used {
		t.Errorf("ruler ends %+v … %+v", s.Ruler[0], s.Ruler[103])
	}
	if s.NextFallOut != monday.AddDays(-7*103).AddDays(7*104) {
		t.Errorf("next fall-out %s", s.NextFallOut)
	}
	// Four weeks later the old weeks 100–103 have fallen out.
	if later := ComputeSupplerende(c, 4); later.Used != 20 || later.Remaining != 10 || later.At != asOf.AddDays(28) {
		t.Errorf("4 weeks on: %+v", later)
	}
	// Two years on, everything has fallen out.
	if far := ComputeSupplerende(c, 104); far.Used != 0 || far.Remaining != 30 || !far.NextFallOut.IsZero() {
		t.Errorf("104 weeks on: used %d", far.Used)
	}
	// The same week twice counts once.
	dup := SupplerendeCounters{AsOf: asOf, UsedWeeks: []Date{monday, monday.AddDays(3)}}
	if ComputeSupplerende(dup, 0).Used != 1 {
		t.Error("a week counted twice")
	}
}

func TestSupplerendeProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	asOf := MustDate("2026-11-11")
	for i := 0; i < 300; i++ {
		var weeks []Date
		for n := rng.IntN(200); n > 0; n-- {
			weeks = append(weeks, asOf.AddDays(-rng.IntN(1500)))
		}
		c := SupplerendeCounters{AsOf: asOf, UsedWeeks: weeks}
		prev := SupplerendeWindowWeeks + 1
		for fw := 0; fw <= 110; fw += 1 + rng.IntN(10) {
			s := ComputeSupplerende(c, fw)
			if s.Used > SupplerendeWindowWeeks || s.Used < 0 || s.Remaining < 0 || s.Remaining > SupplerendeWeeks {
				t.Fatalf("out of bounds: %+v", s)
			}
			if s.Used > prev {
				t.Fatalf("time passing added used weeks: %d → %d", prev, s.Used)
			}
			prev = s.Used
		}
	}
}

func TestSupplerendeExtensionAndGenoptjening(t *testing.T) {
	asOf := MustDate("2026-11-11")
	month := func(back int, hours float64) WorkReport {
		return WorkReport{Kind: ReportMonthly, Start: MustDate("2026-11-01").AddMonths(-back), Hours: hours}
	}
	tests := []struct {
		name       string
		reports    []WorkReport
		weeks      int
		genoptjent bool
	}{
		{"None", nil, 0, false},
		{"146IsNotMoreThan146", []WorkReport{month(1, 146)}, 0, false},
		{"OneMonthGives4", []WorkReport{month(1, 147)}, 4, false},
		{"TwoMonthsGive8", []WorkReport{month(1, 150), month(2, 160)}, 8, false},
		{"CappedAt12", []WorkReport{month(1, 150), month(2, 160), month(3, 150), month(4, 150), month(5, 150)}, 12, false},
		{"SixMonthsGenoptjener", []WorkReport{month(1, 150), month(2, 160), month(3, 150), month(4, 150), month(5, 150), month(6, 150)}, 12, true},
		{"OlderThan12MonthsIgnored", []WorkReport{month(13, 160)}, 0, false},
		{"FourWeeksGive4", []WorkReport{
			{ReportWeekly, MustDate("2026-10-05"), 35}, {ReportWeekly, MustDate("2026-10-12"), 35},
			{ReportWeekly, MustDate("2026-10-19"), 35}, {ReportWeekly, MustDate("2026-10-26"), 35}}, 4, false},
		{"TwoFortnightsGive4", []WorkReport{{ReportFortnightly, MustDate("2026-10-05"), 69}, {ReportFortnightly, MustDate("2026-10-19"), 69}}, 4, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ComputeSupplerende(SupplerendeCounters{AsOf: asOf, Reports: tt.reports}, 0)
			if s.ExtensionWeeks != tt.weeks || s.Genoptjent != tt.genoptjent {
				t.Errorf("extension %d genoptjent %v, want %d %v", s.ExtensionWeeks, s.Genoptjent, tt.weeks, tt.genoptjent)
			}
		})
	}
}

func TestCompute225(t *testing.T) {
	c := Hours225Counters{AsOf: MustDate("2026-11-01"), HoursLast12Months: 150}
	if g := Compute225(c, 0); g.Remaining() != 75 || g.Done {
		t.Errorf("150 h: %+v", g)
	}
	if g := Compute225(c, 75); !g.Done || g.Remaining() != 0 {
		t.Errorf("225 h: %+v", g)
	}
	if g := Compute225(c, 500); g.Value != 225 || g.Fraction() != 1 {
		t.Errorf("cap: %+v", g)
	}
}

func TestValidateCounters(t *testing.T) {
	good := DagpengeCounters{AsOf: MustDate("2026-11-11"), Insurance: FullTime, Indplacering: MustDate("2025-06-02"),
		HoursUsed: 1200, ExtensionWorkHours: 765, KarensWorkHours: 76, KarensPeriodEnd: MustDate("2026-12-01"), GenoptjeningWorkHours: 800}
	if err := Validate(good); err != nil {
		t.Fatalf("good: %v", err)
	}
	bad := good
	bad.Insurance, bad.HoursUsed, bad.KarensWorkHours = "halvtid", -1, 5000
	e, ok := Validate(bad).(*Error)
	if !ok || e.FieldMessage("insurance") == "" || e.FieldMessage("hours_used") != "Skal være mindst 0." || e.FieldMessage("karens_work_hours") == "" {
		t.Errorf("bad: %+v", e)
	}
	sup := SupplerendeCounters{AsOf: MustDate("2026-11-11"), Insurance: FullTime,
		Reports: []WorkReport{{Kind: "år", Start: MustDate("2026-01-01"), Hours: 10}}, UsedWeeks: []Date{{}}}
	e, ok = Validate(sup).(*Error)
	if !ok || e.FieldMessage("reports[0].kind") == "" || e.FieldMessage("used_weeks[0]") == "" {
		t.Errorf("supplerende: %+v", e)
	}
}

func TestProjectCounters(t *testing.T) {
	d := &DagpengeCounters{AsOf: MustDate("2026-11-11"), Insurance: FullTime, Indplacering: MustDate("2025-06-02"),
		HoursUsed: 1409, ExtensionWorkHours: 765, KarensWorkHours: 76, KarensPeriodEnd: MustDate("2026-12-01"), GenoptjeningWorkHours: 765}
	s := &SupplerendeCounters{AsOf: MustDate("2026-11-11"), Insurance: PartTime, UsedWeeks: []Date{MustDate("2026-11-02")},
		Reports: []WorkReport{{Kind: ReportMonthly, Start: MustDate("2026-09-01"), Hours: 150}}}
	h := &Hours225Counters{AsOf: MustDate("2026-11-01"), HoursLast12Months: 100}
	p := projectCounters(Counters{Dagpenge: d, Supplerende: s, Hours225: h})
	want := AKasseDagpengeCounters{AsOf: d.AsOf, Insurance: d.Insurance, Indplacering: d.Indplacering, HoursUsed: d.HoursUsed,
		ExtensionWorkHours: d.ExtensionWorkHours, KarensWorkHours: d.KarensWorkHours, KarensPeriodEnd: d.KarensPeriodEnd,
		GenoptjeningWorkHours: d.GenoptjeningWorkHours}
	if p.Dagpenge == nil || *p.Dagpenge != want {
		t.Errorf("the a-kasse lost its own dagpenge figures: %+v", p.Dagpenge)
	}
	if p.Supplerende == nil || len(p.Supplerende.UsedWeeks) != 1 || len(p.Supplerende.Reports) != 1 || p.Supplerende.Reports[0].Hours != 150 {
		t.Errorf("the a-kasse lost its own supplerende figures: %+v", p.Supplerende)
	}
	if e := projectCounters(Counters{Hours225: h}); e.Dagpenge != nil || e.Supplerende != nil {
		t.Errorf("figures from nowhere: %+v", e)
	}
}

func BenchmarkComputeDagpenge(b *testing.B) {
	c := DagpengeCounters{Insurance: FullTime, HoursUsed: 1409, ExtensionWorkHours: 765, KarensWorkHours: 76, GenoptjeningWorkHours: 765}
	for i := 0; b.Loop(); i++ {
		_ = ComputeDagpenge(c, float64(i%500))
	}
}

func BenchmarkComputeSupplerende(b *testing.B) {
	asOf := MustDate("2026-11-11")
	var weeks []Date
	for i := 0; i < 30; i++ {
		weeks = append(weeks, asOf.AddDays(-7*i*3))
	}
	c := SupplerendeCounters{AsOf: asOf, UsedWeeks: weeks}
	for i := 0; b.Loop(); i++ {
		_ = ComputeSupplerende(c, i%105)
	}
}

func TestStatementDate(t *testing.T) {
	for today, want := range map[string]string{"2026-11-22": "2026-11-11", "2026-11-11": "2026-11-11", "2026-11-10": "2026-10-11", "2026-01-05": "2025-12-11"} {
		if got := StatementDate(MustDate(today)).String(); got != want {
			t.Errorf("StatementDate(%s) = %s, want %s", today, got, want)
		}
	}
}
