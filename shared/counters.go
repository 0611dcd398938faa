package shared

import "math"

// Counters (SPEC D9–D11, 003_…txt "Tællere", ../shared/domain/COUNTER-RULES.md).
//
// Jobnet shows the a-kasse's and the municipality's figures as delivered and
// never recomputes them. The functions here compute only the effect of what
// the citizen simulates: extra hours of ordinary, unsubsidised work
// ("Prøv at tilføje timer") or time passing ("forbrugslinealen"). Every rule's
// figure is a named constant, once, for full-time and part-time insured.

// Insurance is how a member is insured in the a-kasse.
type Insurance string

const (
	FullTime Insurance = "fuldtid"
	PartTime Insurance = "deltid"
)

// DagpengeRules are the figures the dagpenge counters use for one kind of
// insurance.
type DagpengeRules struct {
	// PeriodHours is the dagpengeperiode: the hours of dagpenge in 2 years
	// within 36 months (the hourglass).
	PeriodHours float64
	// MonthHours is a full month of dagpenge in hours.
	MonthHours float64
	// WeekHours is a full week of dagpenge in hours: 37 full-time, 30
	// part-time (PeriodHours is 104 weeks of it, MonthHours 52/12).
	WeekHours float64
	// ExtensionPerHour: 1 hour of work gives 2 hours of forlængelse.
	ExtensionPerHour float64
	// MaxExtensionHours is one year of dagpenge, the most forlængelse can give.
	MaxExtensionHours float64
	// GenoptjeningHours of work within 3 years earn a new 2-year period.
	GenoptjeningHours float64
	// KarensThresholdHours: karens is avoided with MORE than this many hours
	// of work in the 4-month period.
	KarensThresholdHours float64
}

// The rules as published by the a-kasser and STAR (COUNTER-RULES.md).
var (
	fullTimeRules = DagpengeRules{PeriodHours: 3848, MonthHours: 160.33, WeekHours: 37, ExtensionPerHour: 2,
		MaxExtensionHours: 1924, GenoptjeningHours: 1924, KarensThresholdHours: 148}
	partTimeRules = DagpengeRules{PeriodHours: 3120, MonthHours: 130, WeekHours: 30, ExtensionPerHour: 2,
		MaxExtensionHours: 1560, GenoptjeningHours: 1258, KarensThresholdHours: 97}
)

// RulesFor returns the dagpenge rules of the insurance; anything but
// part-time is full-time.
func RulesFor(i Insurance) DagpengeRules {
	if i == PartTime {
		return partTimeRules
	}
	return fullTimeRules
}

// MaxSimulatedHours bounds "Prøv at tilføje timer": more than three years of
// full-time work is not a question anyone asks of these counters.
const MaxSimulatedHours = 6000

// StatementDate is the day of the a-kasse's latest monthly statement: the
// 11th of this month, or of the month before until the 11th (figures come
// after employers report hours by the 10th; COUNTER-RULES.md "Data flow").
func StatementDate(today Date) Date {
	d := Date{Year: today.Year, Month: today.Month, Day: 11}
	if today.Day < 11 {
		d = d.AddMonths(-1)
	}
	return d
}

// DagpengeCounters are the figures the a-kasse delivers for a member.
type DagpengeCounters struct {
	AsOf         Date      `json:"as_of" validate:"required"`
	Insurance    Insurance `json:"insurance" validate:"required,oneof=fuldtid deltid"`
	Indplacering Date      `json:"indplacering" validate:"required"`
	// HoursUsed is the dagpenge hours used of the period.
	HoursUsed float64 `json:"hours_used" validate:"gte=0,lte=10000"`
	// ExtensionWorkHours is the work that counts towards forlængelse.
	ExtensionWorkHours float64 `json:"extension_work_hours" validate:"gte=0,lte=10000"`
	// KarensWorkHours is the work in the current 4-month karens period,
	// which ends on KarensPeriodEnd.
	KarensWorkHours float64 `json:"karens_work_hours" validate:"gte=0,lte=2000"`
	KarensPeriodEnd Date    `json:"karens_period_end" validate:"required"`
	// GenoptjeningWorkHours is the work within the 3-year window.
	GenoptjeningWorkHours float64 `json:"genoptjening_work_hours" validate:"gte=0,lte=10000"`
}

// Gauge is one speedometer: a value on a scale from 0 to Max.
type Gauge struct {
	Worked float64 `json:"worked"` // hours of work, delivered plus simulated
	Value  float64 `json:"value"`  // what the gauge's needle shows
	Max    float64 `json:"max"`    // the end of the scale
	Done   bool    `json:"done"`   // the goal of the gauge is reached
}

// Fraction is the needle's position, 0–1.
func (g Gauge) Fraction() float64 { return fraction(g.Value, g.Max) }

// Remaining is what is left to reach Max.
func (g Gauge) Remaining() float64 { return math.Max(0, g.Max-g.Value) }

// Hourglass shows dagpenge hours used of all the hours the member has: the
// period plus the forlængelse earned.
type Hourglass struct {
	Used  float64 `json:"used"`
	Total float64 `json:"total"`
}

// Fraction is the share of the sand that has fallen, 0–1.
func (h Hourglass) Fraction() float64 { return fraction(h.Used, h.Total) }

// Remaining is the hours of dagpenge left.
func (h Hourglass) Remaining() float64 { return math.Max(0, h.Total-h.Used) }

// DagpengeGauges are the three speedometers and the hourglass.
type DagpengeGauges struct {
	// Forlaengelse: hours of forlængelse earned, up to one year.
	Forlaengelse Gauge `json:"forlaengelse"`
	// Karens: hours worked in the 4-month period against the threshold;
	// Done when the work is more than the threshold.
	Karens Gauge `json:"karens"`
	// Genoptjening: hours of work towards a new 2-year period.
	Genoptjening Gauge     `json:"genoptjening"`
	Hourglass    Hourglass `json:"hourglass"`
}

// ComputeDagpenge returns the gauges for the delivered figures plus extra
// simulated hours of work (0 for the figures as delivered). Extra hours count
// towards all three gauges; the hourglass grows by the forlængelse they earn.
func ComputeDagpenge(c DagpengeCounters, extra float64) DagpengeGauges {
	r := RulesFor(c.Insurance)
	extra = math.Max(0, extra)

	extWorked := c.ExtensionWorkHours + extra
	extension := math.Min(r.MaxExtensionHours, extWorked*r.ExtensionPerHour)
	karensWorked := c.KarensWorkHours + extra
	genWorked := c.GenoptjeningWorkHours + extra
	return DagpengeGauges{
		Forlaengelse: Gauge{Worked: extWorked, Value: extension, Max: r.MaxExtensionHours, Done: extension >= r.MaxExtensionHours},
		Karens: Gauge{Worked: karensWorked, Value: math.Min(karensWorked, r.KarensThresholdHours),
			Max: r.KarensThresholdHours, Done: karensWorked > r.KarensThresholdHours},
		Genoptjening: Gauge{Worked: genWorked, Value: math.Min(genWorked, r.GenoptjeningHours),
			Max: r.GenoptjeningHours, Done: genWorked >= r.GenoptjeningHours},
		Hourglass: Hourglass{Used: math.Min(c.HoursUsed, r.PeriodHours+extension), Total: r.PeriodHours + extension},
	}
}

// HoursToMaxExtension is the work still needed for the full year of
// forlængelse (962 hours from nothing, full-time).
func HoursToMaxExtension(r DagpengeRules, worked float64) float64 {
	return math.Max(0, r.MaxExtensionHours/r.ExtensionPerHour-worked)
}

// KarensHoursRemaining is the work still needed in the period before karens
// lapses, shown as the threshold: 148 − 76 = 72 (the last hour must be "more
// than", which the texts say).
func KarensHoursRemaining(g Gauge) float64 { return math.Max(0, g.Max-g.Worked) }

func fraction(v, max float64) float64 {
	if max <= 0 {
		return 0
	}
	return math.Min(1, math.Max(0, v/max))
}
