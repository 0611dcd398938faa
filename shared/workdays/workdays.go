// Package workdays is the jobcentres' calendar: which days a jobcenter is
// open, and counting in open days. Til- og afmelding's kontanthjælp
// enrolment lapses when the citizen has not shown up at the jobcenter
// within 6 days, "Der tages højde for almindelige helligdage" (001
// «Tilmelding»); the demo's booking times fall on the same days.
//
// The holidays come from github.com/rickar/cal/v2 and its dk package. This
// package lives apart from shared so that the WASM app, which never counts
// open days (the server sends the dates), does not carry the holiday
// tables.
package workdays

import (
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/dk"

	"jobnet/shared"
)

// Decisions (the sources are silent):
//   - Grundlovsdag (5 June) is no helligdag by law, but dk.Holidays lists
//     it, and jobcentres, as most of the public sector, close on it by
//     collective agreement. It counts as CLOSED: a citizen cannot be held
//     to show up on a day the jobcenter is shut, and counting it open
//     would shorten the 6 days.
//   - Juleaftensdag (24 December) and nytårsaftensdag (31 December) are
//     closed for the same reason (the demo's booking calendar had them
//     closed before, and keeps them).
//   - Store bededag stopped being a helligdag in 2024; dk.StoreBededag ends
//     in 2023, which is right.
var (
	grundlovsdag = dk.Grundlovsdag
	juleaften    = &cal.Holiday{Name: "Juleaftensdag", Type: cal.ObservanceOther, Month: time.December, Day: 24, Func: cal.CalcDayOfMonth}
	nytaarsaften = &cal.Holiday{Name: "Nytårsaftensdag", Type: cal.ObservanceOther, Month: time.December, Day: 31, Func: cal.CalcDayOfMonth}
)

// closedDays is every holiday a jobcenter is closed on: the Danish
// helligdage of dk.Holidays (Grundlovsdag among them, see above) and the
// two eves.
var closedDays = append(append([]*cal.Holiday{}, dk.Holidays...), juleaften, nytaarsaften)

// Holiday names the holiday d is, "" when it is none. Weekends are not
// holidays.
func Holiday(d shared.Date) string {
	for _, h := range closedDays {
		actual, _ := h.Calc(d.Year)
		if !actual.IsZero() && shared.DateOf(actual) == d {
			return h.Name
		}
	}
	return ""
}

// Open reports whether a jobcenter is open on d: a weekday that is no
// holiday.
func Open(d shared.Date) bool {
	wd := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
	return wd != time.Saturday && wd != time.Sunday && Holiday(d) == ""
}

// NextOpen is the first open day after d ("førstkommende åbningsdag" seen
// from a day: the next one, not d itself).
func NextOpen(d shared.Date) shared.Date { return AddOpen(d, 1) }

// AddOpen is the n-th open day after d (n ≥ 1); d itself never counts.
func AddOpen(d shared.Date, n int) shared.Date {
	for n > 0 {
		d = d.AddDays(1)
		if Open(d) {
			n--
		}
	}
	return d
}

// The kontanthjælp enrolment: "Hvis borgeren ikke henvender sig inden for
// 6 dage, vil tilmeldingen ikke effektueres … Der tages højde for
// almindelige helligdage og tillægges en sikkerhedsfrist for
// annulleringen af tilmeldingen." (001 «Tilmelding»)
//
// Decisions: the 6 days are the jobcenter's open days after the day of
// enrolment (the citizen can only "henvende sig i jobcentret" when it is
// open, which is how "der tages højde for almindelige helligdage" reads);
// the safety margin is KontanthjaelpLapseMargin more open days, for the
// case system to report a visit on the 6th day before Jobnet cancels. The
// margin is NOT in the sources.
const (
	KontanthjaelpShowUpDays  = 6
	KontanthjaelpLapseMargin = 2
)

// Kontanthjaelp is the calendar of a kontanthjælp enrolment made on
// enrolled: the first open day the citizen should come (showUpOn,
// "førstkommende åbningsdag"), the last of the 6 (showUpBy), and the day
// the scheduled job lapses the enrolment if the jobcenter has not
// effectuated it (lapsesOn).
func Kontanthjaelp(enrolled shared.Date) (showUpOn, showUpBy, lapsesOn shared.Date) {
	showUpOn = NextOpen(enrolled)
	showUpBy = AddOpen(enrolled, KontanthjaelpShowUpDays)
	lapsesOn = AddOpen(showUpBy, KontanthjaelpLapseMargin)
	return showUpOn, showUpBy, lapsesOn
}
