package shared

import (
	"testing"
	"time"
)

// TestHistoryShown: "vises første ti forekomster … Foreligger flere data,
// så kan de vises via link "Vis flere"" (003 «Jobnet Historik»).
func TestHistoryShown(t *testing.T) {
	for _, tc := range []struct {
		name              string
		total, more, want int
	}{
		{"Empty", 0, 0, 0},
		{"FewerThanTen", 7, 0, 7},
		{"ExactlyTen", 10, 0, 10},
		{"ElevenFirstTen", 11, 0, 10},
		{"ElevenAfterVisFlere", 11, 1, 11},
		{"ThirtyAfterOnce", 30, 1, 20},
		{"ThirtyAfterTwice", 30, 2, 30},
		{"NegativeIsFirst", 30, -3, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := HistoryShown(tc.total, tc.more); got != tc.want {
				t.Errorf("HistoryShown(%d, %d) = %d, want %d", tc.total, tc.more, got, tc.want)
			}
		})
	}
}

// TestHistoryKept: three years (003 «Jobnet Historik»: "seneste 3 år"),
// counted from the period's end; an open period and a coming one are
// always shown ("historikken ofte afspejle fremtidige hændelser").
func TestHistoryKept(t *testing.T) {
	today := Date{2026, time.December, 1}
	for _, tc := range []struct {
		name string
		p    Period
		want bool
	}{
		{"EndedThreeYearsAgoToday", Period{From: Date{2023, 11, 1}, To: Date{2023, 12, 1}}, true},
		{"EndedTheDayBefore", Period{From: Date{2023, 11, 1}, To: Date{2023, 11, 30}}, false},
		{"EndedLongAgo", Period{From: Date{2019, 1, 1}, To: Date{2019, 2, 1}}, false},
		{"OpenSinceLongAgo", Period{From: Date{2019, 1, 1}}, true},
		{"Coming", Period{From: Date{2027, 1, 4}, To: Date{2027, 1, 8}}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := HistoryKept(tc.p, today); got != tc.want {
				t.Errorf("HistoryKept(%v) = %v, want %v", tc.p, got, tc.want)
			}
		})
	}
	// 29 February: three years back from a leap day is 1 March.
	if got := HistoryKeptFrom(Date{2028, 2, 29}); got != (Date{2025, 3, 1}) {
		t.Errorf("HistoryKeptFrom(2028-02-29) = %v", got)
	}
}

// TestAbsenceAccordion: every kind has its accordion; sygdom and ferie
// their own, midlertidigt arbejde its own, the rest "Andre fravær og
// fritagelser" (003 «Jobnet Historik»: "fravær, der ikke er under sygdom
// eller ferie").
func TestAbsenceAccordion(t *testing.T) {
	want := map[AbsenceKind]HistoryAccordion{
		AbsenceFerie:               HistoryHolidays,
		AbsenceSygdom:              HistorySickness,
		AbsenceDelvisRaskmelding:   HistorySickness,
		AbsenceMidlertidigtArbejde: HistoryTemporaryWork,
		AbsenceBarsel:              HistoryOtherAbsences,
		AbsenceBorgerligtOmbud:     HistoryOtherAbsences,
		AbsenceFritagetSelvbooking: HistoryOtherAbsences,
		AbsenceFritagetRaadighed:   HistoryOtherAbsences,
		AbsenceJobsoegningUdland:   HistoryOtherAbsences,
		AbsenceFritagetForhold:     HistoryOtherAbsences,
		AbsencePasningAfBarn:       HistoryOtherAbsences,
	}
	for _, k := range absenceKinds {
		w, ok := want[k]
		if !ok {
			t.Errorf("kind %q has no accordion in the test: add it", k)
			continue
		}
		if got := AbsenceAccordion(k); got != w {
			t.Errorf("AbsenceAccordion(%q) = %q, want %q", k, got, w)
		}
	}
}

func TestSortAbsences(t *testing.T) {
	today := Date{2026, time.December, 1}
	as := []Absence{
		{ID: "1", Kind: AbsenceFerie, Period: Period{From: Date{2027, 2, 1}, To: Date{2027, 2, 5}}},
		{ID: "2", Kind: AbsenceSygdom, Period: Period{From: Date{2026, 11, 20}}},
		{ID: "3", Kind: AbsenceMidlertidigtArbejde, Period: Period{From: Date{2026, 5, 1}, To: Date{2026, 5, 31}}},
		{ID: "4", Kind: AbsenceBarsel, Period: Period{From: Date{2025, 1, 1}, To: Date{2025, 6, 1}}},
		{ID: "5", Kind: AbsenceFerie, Period: Period{From: Date{2022, 7, 1}, To: Date{2022, 7, 20}}}, // past three years
		{ID: "6", Kind: AbsenceDelvisRaskmelding, Period: Period{From: Date{2024, 1, 1}, To: Date{2024, 2, 1}}},
	}
	var h History
	h.SortAbsences(as, today)
	ids := func(as []Absence) (s string) {
		for _, a := range as {
			s += a.ID
		}
		return s
	}
	for name, got := range map[string][2]string{
		"Sickness": {ids(h.Sickness), "26"}, "Holidays": {ids(h.Holidays), "1"},
		"TemporaryWork": {ids(h.TemporaryWork), "3"}, "OtherAbsences": {ids(h.OtherAbsences), "4"},
	} {
		if got[0] != got[1] {
			t.Errorf("%s = %q, want %q", name, got[0], got[1])
		}
	}
	var empty History
	empty.SortAbsences(nil, today)
	if empty.Sickness == nil || empty.Holidays == nil || empty.TemporaryWork == nil || empty.OtherAbsences == nil {
		t.Errorf("an accordion without rows is nil, not an empty list: %+v", empty)
	}
	if !HistoryUpcoming(as[0].Period, today) || HistoryUpcoming(as[1].Period, today) {
		t.Errorf("HistoryUpcoming wrong for a coming holiday or a running sygdom")
	}
}

func TestKeptEnrolments(t *testing.T) {
	today := Date{2026, time.December, 1}
	es := []Enrolment{
		{ID: 1, Period: Period{From: Date{2026, 12, 15}}},
		{ID: 2, Period: Period{From: Date{2025, 1, 1}, To: Date{2026, 11, 30}}},
		{ID: 3, Period: Period{From: Date{2021, 1, 1}, To: Date{2023, 6, 30}}},
	}
	got := KeptEnrolments(es, today)
	if len(got) != 2 || got[0].ID != 1 || got[1].ID != 2 {
		t.Errorf("KeptEnrolments = %+v, want ids 1 and 2", got)
	}
}

func TestEnrolmentStatusLabel(t *testing.T) {
	for _, tc := range []struct {
		e    Enrolment
		want string
	}{
		{Enrolment{Ledighed: LedighedHelt, State: EnrolmentEffective}, "Helt ledig"},
		{Enrolment{Ledighed: LedighedDelvis, UdenYdelse: true, State: EnrolmentEffective}, "Delvis ledig, uden ydelse"},
		{Enrolment{Ledighed: LedighedHelt, State: EnrolmentAwaiting}, "Helt ledig (afventer jobcentret)"},
		{Enrolment{Ledighed: LedighedHelt, State: EnrolmentLapsed}, "Helt ledig (bortfaldet)"},
		{Enrolment{Ledighed: LedighedIkke, State: EnrolmentRejected}, "Ikke ledig (afvist af jobcentret)"},
	} {
		if got := EnrolmentStatusLabel(tc.e); got != tc.want {
			t.Errorf("EnrolmentStatusLabel(%+v) = %q, want %q", tc.e, got, tc.want)
		}
	}
}

func TestRegistrantLabel(t *testing.T) {
	for _, tc := range []struct {
		r      Registrant
		mirror bool
		want   string
	}{
		{RegisteredByCitizen, false, "Dig selv"},
		{RegisteredByCitizen, true, "Borgeren"},
		{RegisteredByCaseworker, false, "Sagsbehandler"},
		{RegisteredByCaseworker, true, "Sagsbehandler"},
		{RegisteredBySystem, true, "System"},
	} {
		if got := RegistrantLabel(tc.r, tc.mirror); got != tc.want {
			t.Errorf("RegistrantLabel(%q, %v) = %q, want %q", tc.r, tc.mirror, got, tc.want)
		}
	}
	if got := HistoryMeetingPagePath(7); got != "/moeder/moede?id=7&fra=historik" {
		t.Errorf("HistoryMeetingPagePath(7) = %q", got)
	}
}
