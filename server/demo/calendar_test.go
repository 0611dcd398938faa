package demo

import (
	"testing"
	"time"

	"jobnet/shared"
)

// TestDemoCalendarEveryDay: on every day of a year, the Kalender of the
// month shows Mads and Louise their logs, placed by shared's rules from
// the demo's data as it is seeded that day — so the demo's calendar is
// never an empty month. The a-kasse's view never has more than theirs.
func TestDemoCalendarEveryDay(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Fatal(err)
	}
	first := time.Date(2027, 3, 1, 12, 0, 0, 0, loc)
	for i := range 366 {
		now := first.AddDate(0, 0, i)
		today := shared.DateOf(now)
		seed := Build(now, "hash")
		checked := 0
		for _, c := range seed.Citizens {
			logs, ok := demoJoblogs[c.CPR]
			if !ok {
				continue
			}
			d := shared.CalendarData{Month: shared.YearMonthOf(today), Plan: latestPlan(c).Items}
			for j, l := range logs {
				in := l.in(today)
				d.Joblogs = append(d.Joblogs, shared.CalendarLog{ID: int64(j + 1), Kind: in.Kind, Title: in.Title, Company: in.Company,
					Deadline: in.Deadline, Date: in.Date, Created: today.AddDays(-l.daysAgo)})
			}
			m := d.ForCitizen()
			checked++
			logsShown := 0
			for _, e := range m.Entries {
				if e.Kind == shared.CalendarJoblog {
					logsShown++
				}
			}
			if logsShown == 0 {
				t.Fatalf("%s: %s's calendar of %s has no logs: %+v", today, c.Account.Username, m.Month, m.Entries)
			}
			if ak := shared.ProjectCalendarForAKasse(d, c.Forloeb, "ak-dfh"); len(ak.Entries) > len(m.Entries) {
				t.Fatalf("%s: the a-kasse's calendar of %s has more than the citizen's", today, c.Account.Username)
			}
		}
		if checked != len(demoJoblogs) {
			t.Fatalf("%s: %d citizens with logs checked, want %d", today, checked, len(demoJoblogs))
		}
	}
}
