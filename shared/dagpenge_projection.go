package shared

import (
	"math"
	"time"
)

// "Hvornår slutter min dagpengeperiode?" (issue 16, SPEC D9): a projection,
// from the a-kasse's delivered figures, of the last day of the
// dagpengeperiode if the member keeps working about N hours a week, with the
// forlængelse those hours earn, the day a new period would be earned by
// genoptjening, and the 4-month karens periods ahead. Like the simulator it
// writes and changes nothing; it is a pure function of the figures, N and
// the calendar below, so the browser recomputes it per keystroke.
//
// How weeks and hours map to days (this project's reading of
// COUNTER-RULES.md, where the sources say no more):
//   - Dagpenge are paid per weekday, Monday to Friday
//     (DagpengeDaysPerWeek), public holidays included: a holiday on a
//     weekday is a day of dagpenge for someone out of work, so the calendar
//     needs no holiday list.
//   - A week of full dagpenge is the insurance's week (WeekHours: 37 hours
//     full-time, 30 part-time). The rules' own figures agree: 3,848 = 104 ×
//     37 and 3,120 = 104 × 30 hours for the two years; 160.33 = 37 × 52 / 12
//     and 130 = 30 × 52 / 12 hours for a month; 1,924 = 52 × 37 and 1,560 =
//     52 × 30 hours for the year of forlængelse. A day is a fifth of it.
//   - N hours of work a week are spread evenly over its five weekdays. A
//     day's work is deducted hour for hour from that day's dagpenge (no
//     dagpenge at all from N ≥ WeekHours), earns ExtensionPerHour hours of
//     forlængelse up to the maximum, and counts towards genoptjening and the
//     karens period it falls in.
//   - The dagpengeperiode is used within a reference period of
//     ReferenceMonths from the indplacering; forlængelse in use moves its end
//     by the weekdays it lasts. A projection that would outlast that end
//     stops there (Projection.AtReferenceEnd).
//   - Genoptjening: the delivered hours are assumed to stay within the
//     3-year window (their dates are not delivered); a new period is shown
//     only when it is earned within GenoptjeningMonths of the statement.
//   - Karens: the periods run 4 months each (KarensMonths) from the day after
//     the delivered period's end; a period counts when it ends on or before
//     the last day, as the deduction is made when a period ends.
//   - The statement date is the start: from the day after it the member is
//     assumed to receive full dagpenge for every weekday (less the hours
//     worked). The figures say nothing about the days between the statement
//     and today, so neither does the projection.

const (
	// DagpengeDaysPerWeek: dagpenge are paid Monday to Friday.
	DagpengeDaysPerWeek = 5
	// ReferenceMonths: the dagpengeperiode's hours are used within 36
	// months of the indplacering (COUNTER-RULES.md: "3,848 hours within 36
	// months").
	ReferenceMonths = 36
	// GenoptjeningMonths: the work that earns a new period is done within 3
	// years.
	GenoptjeningMonths = 36
	// KarensMonths: a karens period is 4 months, counted from the
	// indplacering.
	KarensMonths = 4
	// MaxWeeklyHours bounds "Hvis jeg arbejder N timer om ugen": more than
	// 80 hours a week is not a week anyone plans for.
	MaxWeeklyHours = 80
)

// DayHours is a day of full dagpenge in hours: a fifth of the week.
func (r DagpengeRules) DayHours() float64 { return r.WeekHours / DagpengeDaysPerWeek }

// KarensPeriod is one 4-month karens period in a projection.
type KarensPeriod struct {
	End Date `json:"end"`
	// Worked is the work in the period: the delivered hours for the
	// current one, plus the projected weeks.
	Worked  float64 `json:"worked"`
	Avoided bool    `json:"avoided"` // Worked is more than the threshold
}

// Projection is when the dagpengeperiode ends if the member works
// WeeklyHours a week from the day after the statement.
type Projection struct {
	From        Date    `json:"from"` // the first projected day: the day after the statement
	WeeklyHours float64 `json:"weekly_hours"`
	// LastDay is the last day with dagpenge. It is never before the
	// statement: a period used up by then ends on the statement's day.
	LastDay Date `json:"last_day"`
	// UsedUp: the period was used up by the statement.
	UsedUp bool `json:"used_up"`
	// NoDagpenge: WeeklyHours is a full week or more, so no day uses
	// dagpenge; LastDay is then the reference period's end.
	NoDagpenge bool `json:"no_dagpenge"`
	// AtReferenceEnd: the hours would last longer than the reference
	// period, which ends on LastDay.
	AtReferenceEnd bool `json:"at_reference_end"`
	// Extension is the forlængelse at LastDay in hours, delivered and
	// projected; ExtensionAdded is the part the projected work earns.
	Extension      float64 `json:"extension"`
	ExtensionAdded float64 `json:"extension_added"`
	// ExtensionMaxOn is the day the forlængelse reaches its maximum, when
	// that happens by LastDay; zero otherwise (and when the delivered work
	// had reached it already: ExtensionMaxDelivered).
	ExtensionMaxOn        Date `json:"extension_max_on"`
	ExtensionMaxDelivered bool `json:"extension_max_delivered"`
	// Genoptjening is the day the work reaches a new period's hours, if
	// within GenoptjeningMonths of the statement; the statement's day when
	// the delivered work has reached it.
	Genoptjening Date `json:"genoptjening"`
	// Karens are the karens periods that end by LastDay, in order.
	Karens []KarensPeriod `json:"karens"`
}

// ProjectDagpengeperiode projects the dagpengeperiode for the delivered
// figures and weekly hours of work (0: full dagpenge every weekday; negative
// counts as 0, more than MaxWeeklyHours as MaxWeeklyHours). See the top of
// this file for how weeks, hours and days are counted.
func ProjectDagpengeperiode(c DagpengeCounters, weeklyHours float64) Projection {
	r := RulesFor(c.Insurance)
	weeklyHours = math.Min(MaxWeeklyHours, math.Max(0, weeklyHours))
	const eps = 1e-9
	work := weeklyHours / DagpengeDaysPerWeek // per weekday
	dayHours := r.DayHours()
	use := math.Max(0, dayHours-work) // the dagpenge a weekday uses
	p := Projection{From: c.AsOf.AddDays(1), WeeklyHours: weeklyHours, LastDay: c.AsOf, NoDagpenge: use == 0}

	// Every sum is the delivered figure plus k projected weekdays, k
	// counted rather than summed, so that no rounding builds up.
	k := 0
	extension := func() float64 {
		return math.Min(r.MaxExtensionHours, (c.ExtensionWorkHours+float64(k)*work)*r.ExtensionPerHour)
	}
	delivered := extension()
	p.ExtensionMaxDelivered = delivered >= r.MaxExtensionHours
	left := func() float64 { return r.PeriodHours + extension() - c.HoursUsed - float64(k)*use }

	// limit is the reference period's last day moved by the forlængelse's
	// weekdays; the forlængelse only grows, so limit only moves forward.
	extDays := func(ext float64) int { return int(math.Ceil(ext/dayHours - eps)) }
	limitDays := extDays(delivered)
	limit := addWeekdays(c.Indplacering.AddMonths(ReferenceMonths).AddDays(-1), limitDays)

	genEnd := c.AsOf.AddMonths(GenoptjeningMonths)
	if c.GenoptjeningWorkHours+eps >= r.GenoptjeningHours {
		p.Genoptjening = c.AsOf
	}

	// The karens period in progress: its end, the hours delivered for it,
	// and the weekday count at its start.
	nextEnd := func(end Date) Date { return end.AddDays(1).AddMonths(KarensMonths).AddDays(-1) }
	karensEnd, karensDelivered, karensK := c.KarensPeriodEnd, c.KarensWorkHours, 0
	for !karensEnd.IsZero() && !karensEnd.After(c.AsOf) { // closed before the statement
		karensEnd, karensDelivered = nextEnd(karensEnd), 0
	}

	p.UsedUp = left() <= eps || limit.Before(p.From)
	for d := p.From; !p.UsedUp; d = d.next() {
		if n := extDays(extension()); n > limitDays {
			limit, limitDays = addWeekdays(limit, n-limitDays), n
		}
		if limit.Compare(d) < 0 {
			p.AtReferenceEnd = true
			break
		}
		if d.isWeekday() {
			before := extension()
			k++
			if before < r.MaxExtensionHours && extension() >= r.MaxExtensionHours {
				p.ExtensionMaxOn = d
			}
			if p.Genoptjening.IsZero() && c.GenoptjeningWorkHours+float64(k)*work+eps >= r.GenoptjeningHours && d.Compare(genEnd) <= 0 {
				p.Genoptjening = d
			}
		}
		p.LastDay = d
		if d == karensEnd {
			worked := karensDelivered + float64(k-karensK)*work
			p.Karens = append(p.Karens, KarensPeriod{End: d, Worked: worked, Avoided: worked > r.KarensThresholdHours+eps})
			karensEnd, karensDelivered, karensK = nextEnd(d), 0, k
		}
		if left() <= eps {
			break
		}
	}
	// The last day is a weekday, the last one paid; a karens period that
	// ends after it is not part of the period.
	for p.LastDay.After(c.AsOf) && !p.LastDay.isWeekday() {
		p.LastDay = p.LastDay.AddDays(-1)
	}
	for len(p.Karens) > 0 && p.Karens[len(p.Karens)-1].End.After(p.LastDay) {
		p.Karens = p.Karens[:len(p.Karens)-1]
	}
	p.Extension = extension()
	p.ExtensionAdded = p.Extension - delivered
	return p
}

// isWeekday reports whether the day is Monday to Friday (day 0,
// 1970-01-01, was a Thursday).
func (d Date) isWeekday() bool {
	wd := (d.dayNumber() + 4) % 7 // 0 is Sunday
	if wd < 0 {
		wd += 7
	}
	return wd != 0 && wd != 6
}

// next is the day after d: AddDays(1) without the time package, as the
// projection steps through a few years of days per keystroke.
func (d Date) next() Date {
	if d.Day < 28 || d.Day < daysIn(d.Year, d.Month) {
		d.Day++
		return d
	}
	d.Day = 1
	if d.Month == time.December {
		d.Year, d.Month = d.Year+1, time.January
	} else {
		d.Month++
	}
	return d
}

func daysIn(year int, m time.Month) int {
	switch m {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// addWeekdays is the date n weekdays after d (d itself for n ≤ 0).
func addWeekdays(d Date, n int) Date {
	for n > 0 {
		d = d.next()
		if d.isWeekday() {
			n--
		}
	}
	return d
}

// ParseWeeklyHours reads "Hvis jeg arbejder N timer om ugen" as ParseHours
// does, within MaxWeeklyHours.
func ParseWeeklyHours(s string) (float64, error) {
	v, err := ParseHours(s)
	if err != nil {
		return 0, err
	}
	if v > MaxWeeklyHours {
		return 0, Errorf(EInvalid, "Skriv højst %d timer om ugen.", MaxWeeklyHours)
	}
	return v, nil
}
