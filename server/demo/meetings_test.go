package demo

import (
	"testing"
	"time"

	"jobnet/shared"
)

// TestDemoMeetingsEveryDay: on every day of a year, at its start and its
// end, the demo's meetings tell their stories: Mads' coming meetings and
// the jobcenter's cancellation show on the Møder page, on weekdays and in
// the future; the held one is past and not shown; Sofie's call-in is
// coming. (They are seeded once; a later day keeps what was there.)
func TestDemoMeetingsEveryDay(t *testing.T) {
	for now := range aYearOfMoments(t) {
		for cpr, ms := range demoMeetings {
			for j, in := range meetingsOf(cpr, now) {
				m := shared.Meeting{Start: in.Start, End: in.End, Status: in.Status, OrgKind: shared.OrgJobcenter}
				if in.Status == shared.MeetingCancelled {
					m.CancelledBy = "org"
				}
				if wd := in.Start.Weekday(); wd == time.Saturday || wd == time.Sunday {
					t.Errorf("%s: %s's meeting %d on a %s", now.Format(time.DateOnly), cpr, j, wd)
				}
				future := ms[j].days > 0
				if in.Start.After(now) != future || !in.End.After(in.Start) {
					t.Errorf("%s: %s's meeting %d starts %s", now.Format(time.DateOnly), cpr, j, in.Start)
				}
				if shared.MeetingShown(m, now, now.Location()) != future {
					t.Errorf("%s: %s's meeting %d shown %v", now.Format(time.DateOnly), cpr, j, !future)
				}
				if in.Invitation && (cpr != MeetingInvitationCitizen || !future) {
					t.Errorf("%s: a call-in for %s", now.Format(time.DateOnly), cpr)
				}
			}
		}
		if t.Failed() {
			t.FailNow()
		}
	}
}
