package demo

import (
	"reflect"
	"testing"
	"time"

	"jobnet/shared"
	"jobnet/shared/workdays"
)

// TestDemoBookingEveryDay: on every day of a year with a 29 February, at
// its start and its end, every demo offer has times, all of them after
// now, within three weeks, on weekdays that are not public holidays, at
// the offer's hours in Danish time — and the same day gives the same
// offers (a pure function of the day).
func TestDemoBookingEveryDay(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Fatal(err)
	}
	first := time.Date(2027, 12, 1, 0, 30, 0, 0, loc)
	for i := range 366 {
		now := first.AddDate(0, 0, i)
		if i%2 == 1 {
			now = now.Add(23 * time.Hour)
		}
		offers := BookingOffers(now)
		n := 0
		for org, list := range offers {
			for _, o := range list {
				n++
				if len(o.Slots) == 0 {
					t.Fatalf("%s: %s/%s has no times", now, org, o.OriginID)
				}
				for _, s := range o.Slots {
					day := shared.DateOf(s.Start.In(loc))
					wd := s.Start.In(loc).Weekday()
					if !s.Start.After(now) || s.Start.After(now.AddDate(0, 0, 22)) || wd == time.Saturday || wd == time.Sunday || !workdays.Open(day) {
						t.Fatalf("%s: %s/%s at %s (%s)", now, org, o.OriginID, s.Start.In(loc), wd)
					}
					if h := s.Start.In(loc).Hour(); h < 9 || h > 14 {
						t.Fatalf("%s: a time at %s", now, s.Start.In(loc))
					}
				}
			}
		}
		if n != len(demoOffers) {
			t.Fatalf("%s: %d offers", now, n)
		}
		if !reflect.DeepEqual(offers, BookingOffers(now)) {
			t.Fatalf("%s: not a pure function of the day", now)
		}
	}
}

// TestBookingDaysSkipHolidays: no time on Easter's, Kristi himmelfart's,
// pinse's, Grundlovsdag's or Christmas's closed days (shared/workdays).
func TestBookingDaysSkipHolidays(t *testing.T) {
	closed := map[string]bool{}
	for _, d := range []string{"2027-03-25", "2027-03-26", "2027-03-29", "2027-05-06", "2027-05-17", "2026-06-05", "2027-12-24", "2027-12-31"} {
		closed[d] = true
	}
	seen := map[string]bool{}
	for _, from := range []string{"2027-03-20", "2027-05-01", "2027-05-25", "2026-06-01", "2027-12-20"} {
		for _, d := range BookingDays(shared.MustDate(from)) {
			if closed[d.String()] {
				t.Errorf("a booking day on %s", d)
			}
			seen[d.String()] = true
		}
	}
	if !seen["2027-03-30"] {
		t.Error("the Tuesday after Easter is a booking day")
	}
}
