package demo

import (
	"testing"

	"jobnet/shared"
)

// TestDemoAbsencesTellTheirStory: the demo's absences are days from
// today, so one day's check holds on every day: Pete's sygemelding is
// open (his "Meld dig rask"); Louise's work is coming. (Mads' absences
// are his Historik's, checked in historik_test.go.)
func TestDemoAbsencesTellTheirStory(t *testing.T) {
	for _, d := range demoAbsences {
		switch {
		case d.cpr == "090688-1122" && d.kind == shared.AbsenceSygdom:
			if d.from > 0 || d.to >= d.from || d.registered != d.from {
				t.Errorf("Pete's sygemelding %+v", d)
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
