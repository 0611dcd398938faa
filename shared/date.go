package shared

import (
	"cmp"
	"fmt"
	"time"
)

// Date is a calendar date in Europe/Copenhagen, without a time of day. Its
// JSON and SQL text form is "2006-01-02"; the zero Date is "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

const dateLayout = "2006-01-02"

// DateOf returns the calendar date of t in t's location. The server passes
// times already in Europe/Copenhagen.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate parses "2006-01-02".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return Date{}, fmt.Errorf("ugyldig dato %q", s)
	}
	return DateOf(t), nil
}

// MustDate is ParseDate for constants in tests and demo data.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func (d Date) IsZero() bool { return d == Date{} }

func (d Date) time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.time().Format(dateLayout)
}

// Danish formats the date as Danish users read it: "22.11.2026".
func (d Date) Danish() string {
	if d.IsZero() {
		return ""
	}
	return d.time().Format("02.01.2006")
}

// danishWeekdays are time.Weekday's names in Danish, Sunday first.
var danishWeekdays = [...]string{"søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"}

// DanishWithWeekday formats a deadline as the plan shows it: "fredag den
// 06.12.2019" (002_…txt Bilag 3, "Frist").
func (d Date) DanishWithWeekday() string {
	if d.IsZero() {
		return ""
	}
	return danishWeekdays[d.time().Weekday()] + " den " + d.Danish()
}

// danishMonthsShort are the months as the list dates them: "26. feb.
// 2020", "2. marts 2019" [000 Billede 20] — Danish abbreviates a month
// of more than five letters only.
var danishMonthsShort = [...]string{"jan.", "feb.", "marts", "april", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec."}

var danishMonths = [...]string{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"}

// DanishShort is the date as the message list shows it: "26. feb. 2020".
func (d Date) DanishShort() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d. %s %d", d.Day, danishMonthsShort[d.Month-1], d.Year)
}

// DanishLong is the date as an open message shows it: "mandag den 28.
// maj 2018" [000 Billede 21].
func (d Date) DanishLong() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s den %d. %s %d", danishWeekdays[d.time().Weekday()], d.Day, danishMonths[d.Month-1], d.Year)
}

func (d Date) Before(o Date) bool { return d.time().Before(o.time()) }
func (d Date) After(o Date) bool  { return d.time().After(o.time()) }

// AddDays returns the date n days later (earlier for negative n).
func (d Date) AddDays(n int) Date { return DateOf(d.time().AddDate(0, 0, n)) }

// AddMonths returns the date n months later, normalised like time.AddDate.
func (d Date) AddMonths(n int) Date { return DateOf(d.time().AddDate(0, n, 0)) }

func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// Period is an inclusive range of dates; a zero To means open-ended.
type Period struct {
	From Date `json:"from" validate:"required"`
	To   Date `json:"to,omitempty"`
}

// Contains reports whether day lies within the period.
func (p Period) Contains(day Date) bool {
	if day.Before(p.From) {
		return false
	}
	return p.To.IsZero() || !day.After(p.To)
}

// dayNumber is the number of days since 1970-01-01, computed without the
// time package (H. Hinnant's days_from_civil): cheap enough for the layout
// of hundreds of timeline items in the browser.
func (d Date) dayNumber() int {
	y, m := d.Year, int(d.Month)
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// Compare orders dates: -1, 0 or +1.
func (d Date) Compare(o Date) int { return cmp.Compare(d.dayNumber(), o.dayNumber()) }

// DaysSince is the number of days from o to d.
func (d Date) DaysSince(o Date) int { return d.dayNumber() - o.dayNumber() }
