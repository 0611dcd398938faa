package shared

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"
)

// The timeline "Indsatser og aftaler" of Min Plan (SPEC D2, 002_…txt
// chapter 6): a window of 3, 6 or 12 months, rows in a fixed priority,
// overlapping items of a row in lanes, items clipped at the window's edges.
// LayoutTimeline is pure, so the WASM client only draws what it returns.

// TimelineRow is a row of the timeline, in the sources' priority order.
type TimelineRow int

const (
	RowKravTilJobsoegning TimelineRow = iota
	RowVirksomhedsrettet
	RowKurserUddannelse
	RowMentor
	RowPersonligAssistance
	RowHjaelpemidler
	RowSocialindsats
	RowSundhedsindsats
	RowAftaler
)

// Title is the row's heading.
func (r TimelineRow) Title() string {
	return [...]string{"Krav til jobsøgning", "Virksomhedsrettede indsatser", "Kurser og uddannelse", "Mentorstøtte",
		"Personlig assistance", "Hjælpemidler", "Socialindsatser", "Sundhedsindsatser", "Aftaler"}[r]
}

// ItemKind is what a plan item is. Kinds that have no row — absence,
// booking deadlines, transport allowance — are never on the timeline
// (002_…txt "Hvad indgår ikke i tidslinjen?").
type ItemKind string

var timelineRows = map[ItemKind]TimelineRow{
	"krav_til_jobsoegning":    RowKravTilJobsoegning,
	"virksomhedspraktik":      RowVirksomhedsrettet,
	"loentilskud":             RowVirksomhedsrettet,
	"nytteindsats":            RowVirksomhedsrettet,
	"jobrotation":             RowVirksomhedsrettet,
	"fleksjob":                RowVirksomhedsrettet,
	"kursus":                  RowKurserUddannelse,
	"uddannelse":              RowKurserUddannelse,
	"mentor":                  RowMentor,
	"personlig_assistance":    RowPersonligAssistance,
	"hjaelpemiddel":           RowHjaelpemidler,
	"socialindsats":           RowSocialindsats,
	"sundhedsindsats":         RowSundhedsindsats,
	"aftale_jobcenter":        RowAftaler,
	"aftale_akasse":           RowAftaler,
	"fravaer":                 -1,
	"frist_selvbooking":       -1,
	"befordringsgodtgoerelse": -1,
}

// TimelineRowOf returns the row of a kind, or false for kinds that are not
// shown on the timeline.
func TimelineRowOf(k ItemKind) (TimelineRow, bool) {
	r, ok := timelineRows[k]
	return r, ok && r >= 0
}

// TimelineItem is one intervention or agreement. A meeting is one day
// (From == To); a zero To means ongoing.
type TimelineItem struct {
	ID     string
	Kind   ItemKind
	Period Period
}

// Window is the visible span [From, To): From is the first of a month and
// To is Months later.
type Window struct {
	From   Date
	Months int
}

// To is the first day after the window.
func (w Window) To() Date { return w.From.AddMonths(w.Months) }

// TimelineMonths are the window sizes a citizen chooses from; 6 is the default.
var TimelineMonths = []int{3, 6, 12}

func firstOfMonth(d Date) Date { return Date{d.Year, d.Month, 1} }

// WindowAround is the window "Gå til i dag" shows: today in its first half,
// starting on the first of a month.
func WindowAround(today Date, months int) Window {
	back := max(0, months/2-1)
	return Window{From: firstOfMonth(today).AddMonths(-back), Months: months}
}

// Shift moves the window by steps of its own length (the arrows), never
// before the month of earliest (the first public benefit; zero: no limit).
func (w Window) Shift(steps int, earliest Date) Window {
	w.From = w.From.AddMonths(steps * w.Months)
	if !earliest.IsZero() && w.From.Before(firstOfMonth(earliest)) {
		w.From = firstOfMonth(earliest)
	}
	return w
}

// Bar is an item placed on the timeline. Start and End are fractions of
// the window's width (0–1); a clipped side continues beyond the window.
type Bar struct {
	ID           string
	Kind         ItemKind
	Lane         int
	Start, End   float64
	ClippedStart bool
	ClippedEnd   bool
}

// TimelineRowLayout is one row with its bars; Lanes is how many lines the
// row needs. Rows without visible items are left out.
type TimelineRowLayout struct {
	Row   TimelineRow
	Lanes int
	Bars  []Bar
}

// MonthTick is the start of a month on the axis; Year is set on January
// and on the first tick, so every stretch of the axis says its year.
type MonthTick struct {
	At    float64
	Label string
	Year  int
}

// TimelineLayout is what the client draws.
type TimelineLayout struct {
	Window Window
	Rows   []TimelineRowLayout
	Ticks  []MonthTick
}

var monthAbbrev = [...]string{"JAN", "FEB", "MAR", "APR", "MAJ", "JUN", "JUL", "AUG", "SEP", "OKT", "NOV", "DEC"}

// LayoutTimeline places the items that show in the window: rows in
// priority order, items of a row in lanes so that overlapping items (whole
// days, inclusive) never share one, each item in the lowest free lane.
func LayoutTimeline(items []TimelineItem, w Window) TimelineLayout {
	from, to := w.From, w.To()
	total := float64(to.DaysSince(from))
	const ongoing = math.MaxInt // the end of an item without an end
	type placed struct {
		item       TimelineItem
		row        TimelineRow
		start, end int // day numbers; end exclusive
	}
	fromN, toN := from.dayNumber(), to.dayNumber()
	visible := make([]placed, 0, len(items))
	for _, it := range items {
		row, ok := TimelineRowOf(it.Kind)
		if !ok || it.Period.From.IsZero() {
			continue
		}
		start, end := it.Period.From.dayNumber(), ongoing
		if !it.Period.To.IsZero() {
			end = it.Period.To.dayNumber() + 1
			if end <= start {
				// Validation refuses such a period; the layout stays total
				// for any input all the same.
				continue
			}
		}
		if start >= toN || end <= fromN {
			continue
		}
		visible = append(visible, placed{it, row, start, end})
	}
	slices.SortFunc(visible, func(a, b placed) int {
		if c := cmp.Compare(a.row, b.row); c != 0 {
			return c
		}
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		if c := cmp.Compare(a.end, b.end); c != 0 {
			return c
		}
		return strings.Compare(a.item.ID, b.item.ID)
	})

	layout := TimelineLayout{Window: w}
	var laneEnds []int // per lane of the current row: the exclusive end of its last bar
	for _, p := range visible {
		if n := len(layout.Rows); n == 0 || layout.Rows[n-1].Row != p.row {
			layout.Rows = append(layout.Rows, TimelineRowLayout{Row: p.row})
			laneEnds = laneEnds[:0]
		}
		rl := &layout.Rows[len(layout.Rows)-1]
		lane := -1
		for i, e := range laneEnds {
			if p.start >= e {
				lane = i
				break
			}
		}
		if lane < 0 {
			lane = len(laneEnds)
			laneEnds = append(laneEnds, 0)
		}
		laneEnds[lane] = p.end
		rl.Lanes = max(rl.Lanes, lane+1)

		b := Bar{ID: p.item.ID, Kind: p.item.Kind, Lane: lane, Start: 0, End: 1}
		if p.start > fromN {
			b.Start = float64(p.start-fromN) / total
		} else {
			b.ClippedStart = p.start < fromN
		}
		if p.end <= toN {
			b.End = float64(p.end-fromN) / total
		} else {
			b.ClippedEnd = true
		}
		rl.Bars = append(rl.Bars, b)
	}

	for m := from; m.Before(to); m = m.AddMonths(1) {
		t := MonthTick{At: float64(m.DaysSince(from)) / total, Label: monthAbbrev[m.Month-1]}
		if m.Month == time.January || m == from {
			t.Year = m.Year
		}
		layout.Ticks = append(layout.Ticks, t)
	}
	return layout
}
