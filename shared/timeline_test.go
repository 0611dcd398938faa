package shared

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func item(id string, kind ItemKind, from, to string) TimelineItem {
	p := Period{From: MustDate(from)}
	if to != "" {
		p.To = MustDate(to)
	}
	return TimelineItem{ID: id, Kind: kind, Period: p}
}

// bar finds the bar of an item in a layout.
func bar(t *testing.T, l TimelineLayout, id string) (TimelineRow, Bar) {
	t.Helper()
	for _, r := range l.Rows {
		for _, b := range r.Bars {
			if b.ID == id {
				return r.Row, b
			}
		}
	}
	t.Fatalf("no bar %q in %+v", id, l.Rows)
	return 0, Bar{}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestWindowAround(t *testing.T) {
	today := MustDate("2026-11-22")
	tests := []struct {
		months   int
		from, to string
	}{
		{3, "2026-11-01", "2027-02-01"},
		{6, "2026-09-01", "2027-03-01"},
		{12, "2026-06-01", "2027-06-01"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("Months%d", tt.months), func(t *testing.T) {
			w := WindowAround(today, tt.months)
			if w.From.String() != tt.from || w.To().String() != tt.to {
				t.Errorf("window %s–%s, want %s–%s", w.From, w.To(), tt.from, tt.to)
			}
			if today.Before(w.From) || !today.Before(w.To()) {
				t.Errorf("today is outside the window")
			}
		})
	}
}

func TestWindowShift(t *testing.T) {
	w := WindowAround(MustDate("2026-11-22"), 6)
	if got := w.Shift(1, Date{}).From.String(); got != "2027-03-01" {
		t.Errorf("forward: %s", got)
	}
	if got := w.Shift(-1, Date{}).From.String(); got != "2026-03-01" {
		t.Errorf("back: %s", got)
	}
	// Never before the month of the first public benefit.
	if got := w.Shift(-3, MustDate("2025-08-14")).From.String(); got != "2025-08-01" {
		t.Errorf("clamped: %s", got)
	}
}

func TestLayoutTimeline(t *testing.T) {
	w := Window{From: MustDate("2026-01-01"), Months: 6} // 2026-01-01 – 2026-07-01: 181 days
	const days = 181.0
	tests := []struct {
		name  string
		items []TimelineItem
		check func(t *testing.T, l TimelineLayout)
	}{
		{"Empty", nil, func(t *testing.T, l TimelineLayout) {
			if len(l.Rows) != 0 || len(l.Ticks) != 6 {
				t.Errorf("rows %d ticks %d", len(l.Rows), len(l.Ticks))
			}
		}},
		{"Inside", []TimelineItem{item("a", "virksomhedspraktik", "2026-02-01", "2026-02-28")}, func(t *testing.T, l TimelineLayout) {
			row, b := bar(t, l, "a")
			if row != RowVirksomhedsrettet || b.Lane != 0 || !near(b.Start, 31/days) || !near(b.End, 59/days) || b.ClippedStart || b.ClippedEnd {
				t.Errorf("%v %+v", row, b)
			}
		}},
		{"ClippedBothSides", []TimelineItem{item("a", "fleksjob", "2018-10-01", "2030-07-31")}, func(t *testing.T, l TimelineLayout) {
			_, b := bar(t, l, "a")
			if b.Start != 0 || b.End != 1 || !b.ClippedStart || !b.ClippedEnd {
				t.Errorf("%+v", b)
			}
		}},
		{"OngoingClipsAtEnd", []TimelineItem{item("a", "mentor", "2026-03-01", "")}, func(t *testing.T, l TimelineLayout) {
			_, b := bar(t, l, "a")
			if b.End != 1 || !b.ClippedEnd || b.ClippedStart {
				t.Errorf("%+v", b)
			}
		}},
		{"EndsOnLastDay", []TimelineItem{item("a", "kursus", "2026-06-01", "2026-06-30")}, func(t *testing.T, l TimelineLayout) {
			_, b := bar(t, l, "a")
			if b.End != 1 || b.ClippedEnd {
				t.Errorf("an item ending on the window's last day is not clipped: %+v", b)
			}
		}},
		{"StartsOnFirstDay", []TimelineItem{item("a", "kursus", "2026-01-01", "2026-01-10")}, func(t *testing.T, l TimelineLayout) {
			_, b := bar(t, l, "a")
			if b.Start != 0 || b.ClippedStart {
				t.Errorf("%+v", b)
			}
		}},
		{"Outside", []TimelineItem{
			item("before", "kursus", "2025-11-01", "2025-12-31"),
			item("after", "kursus", "2026-07-01", "2026-08-01"),
		}, func(t *testing.T, l TimelineLayout) {
			if len(l.Rows) != 0 {
				t.Errorf("rows %+v", l.Rows)
			}
		}},
		{"OverlapGetsLanes", []TimelineItem{
			item("a", "kursus", "2026-02-01", "2026-03-15"),
			item("b", "uddannelse", "2026-03-01", "2026-04-01"),
			item("c", "kursus", "2026-03-16", "2026-05-01"),
		}, func(t *testing.T, l TimelineLayout) {
			_, a := bar(t, l, "a")
			_, b := bar(t, l, "b")
			_, c := bar(t, l, "c")
			if a.Lane != 0 || b.Lane != 1 || c.Lane != 0 || l.Rows[0].Lanes != 2 {
				t.Errorf("lanes a%d b%d c%d of %d", a.Lane, b.Lane, c.Lane, l.Rows[0].Lanes)
			}
		}},
		{"SameDayOverlaps", []TimelineItem{
			item("a", "mentor", "2026-02-01", "2026-02-10"),
			item("b", "mentor", "2026-02-10", "2026-02-20"),
		}, func(t *testing.T, l TimelineLayout) {
			_, b := bar(t, l, "b")
			if b.Lane != 1 {
				t.Errorf("items sharing a day must not share a lane: %+v", b)
			}
		}},
		{"OngoingBlocksItsLane", []TimelineItem{
			item("a", "mentor", "2026-01-15", ""),
			item("b", "mentor", "2026-05-01", "2026-05-02"),
		}, func(t *testing.T, l TimelineLayout) {
			_, b := bar(t, l, "b")
			if b.Lane != 1 {
				t.Errorf("%+v", b)
			}
		}},
		{"RowsInPriorityOrder", []TimelineItem{
			item("m", "aftale_jobcenter", "2026-03-03", "2026-03-03"),
			item("s", "sundhedsindsats", "2026-02-01", "2026-04-01"),
			item("k", "krav_til_jobsoegning", "2026-01-01", ""),
			item("h", "hjaelpemiddel", "2026-02-01", "2026-04-01"),
			item("v", "loentilskud", "2026-02-01", "2026-04-01"),
		}, func(t *testing.T, l TimelineLayout) {
			var got []TimelineRow
			for _, r := range l.Rows {
				got = append(got, r.Row)
			}
			want := []TimelineRow{RowKravTilJobsoegning, RowVirksomhedsrettet, RowHjaelpemidler, RowSundhedsindsats, RowAftaler}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("rows %v, want %v", got, want)
			}
		}},
		{"MeetingIsOneDay", []TimelineItem{item("m", "aftale_akasse", "2026-03-03", "2026-03-03")}, func(t *testing.T, l TimelineLayout) {
			_, b := bar(t, l, "m")
			if !near(b.End-b.Start, 1/days) {
				t.Errorf("%+v", b)
			}
		}},
		{"NeverOnTheTimeline", []TimelineItem{
			item("f", "fravaer", "2026-02-01", "2026-02-10"),
			item("d", "frist_selvbooking", "2026-02-01", "2026-02-01"),
			item("t", "befordringsgodtgoerelse", "2026-02-01", "2026-03-01"),
			item("x", "ukendt", "2026-02-01", "2026-03-01"),
		}, func(t *testing.T, l TimelineLayout) {
			if len(l.Rows) != 0 {
				t.Errorf("rows %+v", l.Rows)
			}
		}},
		{"ToBeforeFromIgnored", []TimelineItem{item("a", "kursus", "2026-03-01", "2026-02-01")}, func(t *testing.T, l TimelineLayout) {
			if len(l.Rows) != 0 {
				t.Errorf("rows %+v", l.Rows)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.check(t, LayoutTimeline(tt.items, w)) })
	}
}

func TestTimelineTicks(t *testing.T) {
	l := LayoutTimeline(nil, Window{From: MustDate("2026-09-01"), Months: 12})
	if len(l.Ticks) != 12 || l.Ticks[0].Label != "SEP" || l.Ticks[0].Year != 2026 || l.Ticks[0].At != 0 {
		t.Fatalf("first tick %+v of %d", l.Ticks[0], len(l.Ticks))
	}
	for i, tk := range l.Ticks {
		wantYear := 0
		if i == 0 {
			wantYear = 2026
		}
		if tk.Label == "JAN" {
			wantYear = 2027
		}
		if tk.Year != wantYear || (i > 0 && tk.At <= l.Ticks[i-1].At) {
			t.Errorf("tick %d: %+v", i, tk)
		}
	}
}

// Properties over random plans: bars stay inside 0–1, overlapping bars of a
// row never share a lane, and lanes are as few as the greedy order allows.
func TestTimelineProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	kinds := []ItemKind{"kursus", "mentor", "loentilskud", "aftale_jobcenter", "hjaelpemiddel", "fravaer"}
	base := MustDate("2025-01-01")
	for round := 0; round < 200; round++ {
		var items []TimelineItem
		for i := 0; i < 40; i++ {
			from := base.AddDays(rng.IntN(900))
			it := TimelineItem{ID: fmt.Sprint(i), Kind: kinds[rng.IntN(len(kinds))], Period: Period{From: from}}
			if rng.IntN(6) > 0 {
				it.Period.To = from.AddDays(rng.IntN(200))
			}
			items = append(items, it)
		}
		months := TimelineMonths[rng.IntN(3)]
		l := LayoutTimeline(items, WindowAround(base.AddDays(rng.IntN(900)), months))
		for _, r := range l.Rows {
			for i, a := range r.Bars {
				if a.Start < 0 || a.End > 1 || a.Start >= a.End || a.Lane >= r.Lanes {
					t.Fatalf("bar out of range: %+v", a)
				}
				for _, b := range r.Bars[i+1:] {
					if a.Lane == b.Lane && a.Start < b.End && b.Start < a.End {
						t.Fatalf("overlapping bars share lane %d: %+v %+v", a.Lane, a, b)
					}
				}
			}
		}
	}
}

func BenchmarkLayoutTimeline500(b *testing.B) {
	rng := rand.New(rand.NewPCG(7, 8))
	kinds := []ItemKind{"krav_til_jobsoegning", "kursus", "mentor", "loentilskud", "aftale_jobcenter", "aftale_akasse", "hjaelpemiddel", "socialindsats"}
	base := MustDate("2025-01-01")
	var items []TimelineItem
	for i := 0; i < 500; i++ {
		from := base.AddDays(rng.IntN(700))
		items = append(items, TimelineItem{ID: fmt.Sprint(i), Kind: kinds[rng.IntN(len(kinds))], Period: Period{From: from, To: from.AddDays(rng.IntN(120))}})
	}
	w := WindowAround(MustDate("2025-12-01"), 12)
	for b.Loop() {
		_ = LayoutTimeline(items, w)
	}
}

func TestDayNumber(t *testing.T) {
	for d := MustDate("1899-12-25"); d.Before(MustDate("2101-01-10")); d = d.AddDays(17) {
		want := int(d.time().Unix() / 86400)
		if d.dayNumber() != want {
			t.Fatalf("%s: %d, want %d", d, d.dayNumber(), want)
		}
	}
}
