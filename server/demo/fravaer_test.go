package demo

import (
	"testing"

	"jobnet/shared"
)

// TestDemoAbsencesTellTheirStory: the demo's absences are days from
// today, so one day's check holds on every day: Pete's sygemelding is
// open (his "Meld dig rask"), Mads' holiday lies more than 14 days ahead
// (registered by the rule) and his history lies in his sygedagpenge
// forløb, before today; Louise's work is coming.
func TestDemoAbsencesTellTheirStory(t *testing.T) {
	for _, d := range demoAbsences {
		switch {
		case d.cpr == "090688-1122" && d.kind == shared.AbsenceSygdom:
			if d.from > 0 || d.to >= d.from || d.registered != d.from {
				t.Errorf("Pete's sygemelding %+v", d)
			}
		case d.kind == shared.AbsenceFerie:
			if d.from <= shared.FerieNoticeDays || d.registered >= 0 || d.from-d.registered <= shared.FerieNoticeDays {
				t.Errorf("a holiday not reported in time %+v", d)
			}
		case d.caseworker:
			// Mads' kontaktgruppe 6 was from -480 to -321.
			if d.from < -480 || d.to > -321 || d.to < d.from {
				t.Errorf("history outside his sygedagpenge forløb %+v", d)
			}
		case d.kind == shared.AbsenceMidlertidigtArbejde:
			if d.from < 0 || d.to < d.from || d.to-d.from+1 > shared.ArbejdeMaxDays {
				t.Errorf("work %+v", d)
			}
		default:
			t.Errorf("an absence without a story %+v", d)
		}
	}
}
