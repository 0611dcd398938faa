package shared

import "math"

// Supplerende dagpenge (SPEC D10, 003_…txt "Supplerende dagpengetællere").
const (
	// SupplerendeWeeks may be used within a rolling window of
	// SupplerendeWindowWeeks; a week counts as used when the member received
	// supplerende dagpenge in it.
	SupplerendeWeeks       = 30
	SupplerendeWindowWeeks = 104
	// Forlængelse comes in steps of 4 weeks, at most 3: 4, 8 or 12 weeks.
	SupplerendeExtensionStepWeeks = 4
	SupplerendeMaxExtensionSteps  = 3
	// Both are assessed over the 12 months before the end of the period.
	SupplerendeAssessmentMonths = 12
)

// ReportKind is how often the employer reports the member's hours.
type ReportKind string

const (
	ReportMonthly     ReportKind = "maaned"
	ReportWeekly      ReportKind = "uge"
	ReportFortnightly ReportKind = "14dage"
)

// reportRule: a report counts when its hours are MORE than Threshold;
// Genoptjening counting reports within 12 months earn a new 30-week right;
// every Extension counting reports give 4 weeks of forlængelse. Full-time
// figures; the sources give none for part-time.
type reportRule struct {
	Threshold    float64
	Genoptjening int
	Extension    int
}

var reportRules = map[ReportKind]reportRule{
	ReportMonthly:     {Threshold: 146, Genoptjening: 6, Extension: 1},
	ReportWeekly:      {Threshold: 34, Genoptjening: 26, Extension: 4},
	ReportFortnightly: {Threshold: 68, Genoptjening: 13, Extension: 2},
}

// WorkReport is one report of hours worked, for a month, a week or a fortnight
// starting on Start.
type WorkReport struct {
	Kind  ReportKind `json:"kind" validate:"required,oneof=maaned uge 14dage"`
	Start Date       `json:"start" validate:"required"`
	Hours float64    `json:"hours" validate:"gte=0,lte=744"`
}

// SupplerendeCounters are the figures the a-kasse delivers.
type SupplerendeCounters struct {
	AsOf      Date      `json:"as_of" validate:"required"`
	Insurance Insurance `json:"insurance" validate:"required,oneof=fuldtid deltid"`
	// UsedWeeks holds a date in each week with supplerende dagpenge.
	UsedWeeks []Date       `json:"used_weeks" validate:"max=520,dive,required"`
	Reports   []WorkReport `json:"reports" validate:"max=600,dive"`
}

// RulerWeek is one week of forbrugslinealen.
type RulerWeek struct {
	Start Date `json:"start"` // the Monday
	Used  bool `json:"used"`
}

// SupplerendeStatus is the hourglass and forbrugslinealen on one day.
type SupplerendeStatus struct {
	At        Date        `json:"at"`
	Used      int         `json:"used"`
	Remaining int         `json:"remaining"`
	Ruler     []RulerWeek `json:"ruler"` // SupplerendeWindowWeeks weeks, oldest first
	// NextFallOut is the day the oldest used week leaves the window; zero
	// when no week is used.
	NextFallOut Date `json:"next_fall_out"`
	// QualifyingReports counts the reports above their threshold in the 12
	// months before At.
	QualifyingReports int `json:"qualifying_reports"`
	// ExtensionWeeks is the forlængelse they give: 0, 4, 8 or 12.
	ExtensionWeeks int `json:"extension_weeks"`
	// Genoptjent is true when they earn a new 30-week right.
	Genoptjent bool `json:"genoptjent"`
}

// weekStart returns the Monday of d's week.
func weekStart(d Date) Date {
	wd := (int(d.time().Weekday()) + 6) % 7 // Monday = 0
	return d.AddDays(-wd)
}

// ComputeSupplerende returns the status weeksForward weeks after the as-of
// date, as if no further week were used: weeks older than the 104-week window
// fall out as time passes.
func ComputeSupplerende(c SupplerendeCounters, weeksForward int) SupplerendeStatus {
	at := c.AsOf.AddDays(7 * max(0, weeksForward))
	last := weekStart(at)
	first := last.AddDays(-7 * (SupplerendeWindowWeeks - 1))
	used := map[Date]bool{}
	for _, w := range c.UsedWeeks {
		if m := weekStart(w); !m.Before(first) && !m.After(last) {
			used[m] = true
		}
	}
	s := SupplerendeStatus{At: at, Used: len(used), Ruler: make([]RulerWeek, SupplerendeWindowWeeks)}
	for i := range s.Ruler {
		m := first.AddDays(7 * i)
		s.Ruler[i] = RulerWeek{Start: m, Used: used[m]}
		if used[m] && s.NextFallOut.IsZero() {
			s.NextFallOut = m.AddDays(7 * SupplerendeWindowWeeks)
		}
	}
	s.Remaining = max(0, SupplerendeWeeks-s.Used)

	from := at.AddMonths(-SupplerendeAssessmentMonths)
	counts := map[ReportKind]int{}
	for _, r := range c.Reports {
		rule, ok := reportRules[r.Kind]
		if ok && r.Hours > rule.Threshold && r.Start.After(from) && !r.Start.After(at) {
			counts[r.Kind]++
			s.QualifyingReports++
		}
	}
	steps := 0
	for kind, n := range counts {
		rule := reportRules[kind]
		steps += n / rule.Extension
		if n >= rule.Genoptjening {
			s.Genoptjent = true
		}
	}
	s.ExtensionWeeks = min(steps, SupplerendeMaxExtensionSteps) * SupplerendeExtensionStepWeeks
	return s
}

// 225-timers-reglen (SPEC D11): after a year on kontanthjælp, uddannelseshjælp
// or integrationsydelse within 3 years, 225 hours of ordinary work within the
// last 12 calendar months.
const Hours225Required = 225

// Hours225Counters are the municipality's figures.
type Hours225Counters struct {
	AsOf Date `json:"as_of" validate:"required"`
	// HoursLast12Months is ordinary, unsubsidised work in the last 12
	// calendar months.
	HoursLast12Months float64 `json:"hours_last_12_months" validate:"gte=0,lte=9000"`
	// HighBenefit: on høj ydelse (keep it) or lav ydelse (get back to it).
	HighBenefit bool `json:"high_benefit"`
}

// Compute225 is the gauge of the 225-hour rule with extra simulated hours.
func Compute225(c Hours225Counters, extra float64) Gauge {
	w := c.HoursLast12Months + math.Max(0, extra)
	return Gauge{Worked: w, Value: math.Min(w, Hours225Required), Max: Hours225Required, Done: w >= Hours225Required}
}
