package demo

import (
	"reflect"
	"testing"
	"time"

	"jobnet/shared"
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
					if !s.Start.After(now) || s.Start.After(now.AddDate(0, 0, 22)) || wd == time.Saturday || wd == time.Sunday || publicHoliday(day) {
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

func TestEasterAndHolidays(t *testing.T) {
	for y, want := range map[int]string{2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28", 2028: "2028-04-16"} {
		if got := easterSunday(y); got != shared.MustDate(want) {
			t.Errorf("Easter %d: %s, want %s", y, got, want)
		}
	}
	for _, d := range []string{"2027-03-25", "2027-03-26", "2027-03-29", "2027-05-06", "2027-05-17", "2027-06-05", "2027-12-24", "2028-01-01"} {
		if !publicHoliday(shared.MustDate(d)) {
			t.Errorf("%s is a holiday", d)
		}
	}
	if publicHoliday(shared.MustDate("2027-03-30")) {
		t.Error("the Tuesday after Easter is no holiday")
	}
}
