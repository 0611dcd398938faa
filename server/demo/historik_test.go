package demo

import (
	"testing"

	"jobnet/shared"
)

// TestDemoHistorikEveryDay: on every day of a year, at its start and its
// end, Mads' Historik has rows in each registration accordion, a holiday
// to come, his sygemelding inside his sygedagpenge forløb and his earlier
// enrolment ended before it, periods whole, and each registered no later
// than its start, by someone.
func TestDemoHistorikEveryDay(t *testing.T) {
	for now := range aYearOfMoments(t) {
		today := shared.DateOf(now)
		s := HistorikSeed(today, now)
		var h shared.History
		h.SortAbsences(s.Absences, today)
		if len(h.Sickness) < 2 || len(h.Holidays) < 2 || len(h.TemporaryWork) < 1 || len(h.OtherAbsences) < 1 ||
			len(shared.KeptEnrolments(s.Enrolments, today)) < 1 {
			t.Fatalf("%s: an accordion is empty: %+v", today, h)
		}
		upcoming := 0
		for _, a := range s.Absences {
			if !a.Period.To.IsZero() && a.Period.To.Before(a.Period.From) || !a.RegisteredBy.Valid() ||
				shared.DateOf(a.RegisteredAt).After(a.Period.From) {
				t.Fatalf("%s: absence %+v", today, a)
			}
			if shared.HistoryUpcoming(a.Period, today) {
				upcoming++
			}
			// A holiday the citizen reported, more than 14 days ahead
			// (Meld ferie's rule), as the a-kasse sees it coming.
			if a.Kind == shared.AbsenceFerie && a.RegisteredBy == shared.RegisteredByCitizen &&
				a.Period.From.DaysSince(shared.DateOf(a.RegisteredAt)) <= shared.FerieNoticeDays {
				t.Fatalf("%s: a holiday reported too late: %+v", today, a)
			}
		}
		// No two of his absences overlap (one source of them: this seed).
		for i, a := range s.Absences {
			for _, b := range s.Absences[i+1:] {
				if a.Period.Contains(b.Period.From) || b.Period.Contains(a.Period.From) {
					t.Fatalf("%s: %+v overlaps %+v", today, a, b)
				}
			}
		}
		if upcoming == 0 {
			t.Fatalf("%s: nothing to come", today)
		}
		sick := s.Absences[0]
		if sick.Kind != shared.AbsenceSygdom || sick.RegisteredBy != shared.RegisteredByCaseworker ||
			sick.Period.From != today.AddDays(-480) || sick.Period.To.After(today.AddDays(-321)) {
			t.Fatalf("%s: the sygemelding is not the sygedagpenge forløb's: %+v", today, sick)
		}
		if e := s.Enrolments[0]; !e.Period.To.Before(sick.Period.From) {
			t.Fatalf("%s: the enrolment %+v runs into the sickness", today, e)
		}
	}
}
