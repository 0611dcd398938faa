package demo

import (
	"testing"
	"time"

	"jobnet/shared"
)

// TestDemoCVsEveryDay: the demo's CVs pass shared's rules on every day of
// a year (the seeding refuses one that does not), with the enrolment of
// their citizen.
func TestDemoCVsEveryDay(t *testing.T) {
	enrolment := map[string]shared.EnrolmentStatus{}
	for _, c := range citizens {
		enrolment[c.login.CPR] = c.enrolment
	}
	first := time.Date(2027, 1, 31, 12, 0, 0, 0, time.UTC)
	for i := range 366 {
		today := shared.DateOf(first.AddDate(0, 0, i))
		for cpr, d := range demoCVs {
			if err := d.settings.Normalized().Check(enrolment[cpr]); err != nil {
				t.Fatalf("%s: %s's settings: %v", today, cpr, err)
			}
			for _, e := range d.entries(today) {
				if err := e.Normalized(today).Check(today); err != nil {
					t.Fatalf("%s: %s's %q: %v", today, cpr, e.Title, err)
				}
			}
			if d.presentation != nil {
				if err := d.presentation.Normalized().Check(); err != nil {
					t.Fatalf("%s: %v", cpr, err)
				}
			}
		}
	}
}
