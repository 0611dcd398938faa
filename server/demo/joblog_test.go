package demo

import (
	"testing"
	"time"

	"jobnet/shared"
)

// TestDemoJoblogsEveryDay: the demo's logs pass shared's rules on every day
// of a year, against the postcodes and the area they name (which the
// reference data has: the seeding itself refuses a log that does not).
func TestDemoJoblogsEveryDay(t *testing.T) {
	places := shared.JoblogPlaces{Postcodes: map[string]string{"2150": "Nordhavn", "2300": "København S", "2500": "Valby", "2840": "Holte"},
		Areas: []shared.Option{{Value: "hovedstaden-og-bornholm", Label: "Hovedstaden og Bornholm"}}}
	first := time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)
	for i := range 366 {
		today := shared.DateOf(first.AddDate(0, 0, i))
		for cpr, logs := range demoJoblogs {
			for _, l := range logs {
				in := l.in(today).Normalized(today.AddDays(-l.daysAgo), places)
				if err := in.Check(places); err != nil {
					t.Fatalf("%s: %s's log %q: %v", today, cpr, in.Title, err)
				}
				if in.Kind == shared.JoblogActivity && in.Date.After(today) {
					t.Errorf("%s: an activity in the future", today)
				}
			}
		}
	}
}
