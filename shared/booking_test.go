package shared

import (
	"reflect"
	"slices"
	"testing"
	"time"
)

// TestBookingDeadline: the ordinary flow works towards the earliest open
// deadline not passed; the straksbooking flow towards a passed one.
func TestBookingDeadline(t *testing.T) {
	today := MustDate("2027-01-05")
	met := Deadline{ID: 1, Due: MustDate("2026-12-01"), TypeCodes: []string{"j"}, Met: 9}
	passed := Deadline{ID: 2, Due: MustDate("2027-01-02"), TypeCodes: []string{"j"}}
	soon := Deadline{ID: 3, Due: MustDate("2027-01-15"), TypeCodes: []string{"j"}}
	later := Deadline{ID: 4, Due: MustDate("2027-02-15"), TypeCodes: []string{"j"}}
	ds := []Deadline{met, passed, soon, later}
	for _, tt := range []struct {
		name   string
		ds     []Deadline
		straks bool
		want   int64
	}{
		{"Ordinary", ds, false, 3},
		{"Straks", ds, true, 2},
		{"DueToday", []Deadline{{ID: 5, Due: today, TypeCodes: []string{"j"}}}, false, 5},
		{"NoneOpen", []Deadline{met}, false, 0},
		{"StraksWithoutPassed", []Deadline{soon}, true, 0},
	} {
		got := BookingDeadline(tt.ds, today, tt.straks)
		if (got == nil) != (tt.want == 0) || got != nil && got.ID != tt.want {
			t.Errorf("%s: %+v, want %d", tt.name, got, tt.want)
		}
	}
}

func TestMeetsDeadlineOn(t *testing.T) {
	d := Deadline{Due: MustDate("2027-01-15"), TypeCodes: []string{"jobsamtale"}}
	for _, tt := range []struct {
		name   string
		d      Deadline
		code   string
		day    string
		straks bool
		want   bool
	}{
		{"Before", d, "jobsamtale", "2027-01-05", false, true},
		{"OnTheDay", d, "jobsamtale", "2027-01-15", false, true},
		{"After", d, "jobsamtale", "2027-01-16", false, false},
		{"AfterStraks", d, "jobsamtale", "2027-01-16", true, true},
		{"OtherType", d, "info", "2027-01-05", false, false},
		{"OtherTypeStraks", d, "info", "2027-01-16", true, false},
		{"Met", Deadline{Due: d.Due, TypeCodes: d.TypeCodes, Met: 3}, "jobsamtale", "2027-01-05", false, false},
	} {
		if got := MeetsDeadlineOn(tt.d, tt.code, MustDate(tt.day), tt.straks); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestRightsKeys(t *testing.T) {
	want := []RightsKey{{1, "jobsamtale"}, {1, ""}, {0, "jobsamtale"}, {0, ""}}
	if got := RightsKeys(1, "jobsamtale"); !slices.Equal(got, want) {
		t.Errorf("RightsKeys = %v", got)
	}
}

func TestBookingJudge(t *testing.T) {
	today := MustDate("2027-01-05")
	fs := []Forloeb{{Kontaktgruppe: 6, Period: Period{From: MustDate("2025-01-01"), To: MustDate("2026-06-30")}},
		{Kontaktgruppe: 1, Period: Period{From: MustDate("2026-07-01")}}}
	if kg := BookingKontaktgruppe(fs, today); kg != 1 {
		t.Errorf("kontaktgruppe %d", kg)
	}
	if kg := BookingKontaktgruppe(nil, today); kg != 0 {
		t.Errorf("without a forløb: %d", kg)
	}
	if age := BookingAge("120385-1231", today); age != 41 {
		t.Errorf("age %d", age)
	}
	if got := BookingOrgs(Citizen{Jobcenter: "jc-101", AKasse: "ak-dfh"}); !slices.Equal(got, []string{"jc-101", "ak-dfh"}) {
		t.Errorf("orgs %v", got)
	}
	if got := BookingOrgs(Citizen{Jobcenter: "jc-230"}); !slices.Equal(got, []string{"jc-230"}) {
		t.Errorf("orgs without an a-kasse %v", got)
	}
}

func TestSlotsByDay(t *testing.T) {
	at := func(s string) time.Time { v, _ := time.ParseInLocation("2006-01-02 15:04", s, cph); return v }
	slots := []MeetingSlot{{ID: 1, Caseworker: "A", Start: at("2027-01-06 09:00")}, {ID: 2, Caseworker: "B", Start: at("2027-01-06 23:30")},
		{ID: 3, Caseworker: "A", Start: at("2027-01-07 00:30")}}
	days := SlotsByDay(slots, cph)
	if len(days) != 2 || days[0].Day != MustDate("2027-01-06") || len(days[0].Slots) != 2 || days[1].Slots[0].ID != 3 {
		t.Errorf("days %+v", days)
	}
	if cw := Caseworkers(slots); !slices.Equal(cw, []string{"A", "B"}) {
		t.Errorf("caseworkers %v", cw)
	}
	if got := SlotsOf(slots, "A"); len(got) != 2 || got[1].ID != 3 {
		t.Errorf("SlotsOf %v", got)
	}
	if got := SlotsOf(slots, ""); len(got) != 3 {
		t.Errorf("SlotsOf all %v", got)
	}
}

func TestBookingInputFields(t *testing.T) {
	for _, tt := range []struct {
		name   string
		in     BookingInput
		fields []string
	}{
		{"OK", BookingInput{SlotID: 4, Read: true}, nil},
		{"ErrNoTime", BookingInput{Read: true}, []string{"slot_id"}},
		{"ErrNotRead", BookingInput{SlotID: 4}, []string{"read"}},
		{"ErrBoth", BookingInput{}, []string{"slot_id", "read"}},
	} {
		err := tt.in.Check()
		var got []string
		if e, ok := err.(*Error); ok {
			for _, f := range e.Fields {
				got = append(got, f.Field)
			}
		}
		if !slices.Equal(got, tt.fields) {
			t.Errorf("%s: fields %v, want %v", tt.name, got, tt.fields)
		}
	}
}

// TestProjectBookingOffersForAKasse: the a-kasse sees the offers and the
// deadline, and a meeting being rebooked only when it is an a-kasse's;
// its view reads as the citizen's type.
func TestProjectBookingOffersForAKasse(t *testing.T) {
	b := BookingOffers{Offers: []MeetingOffer{{ID: 1}}, Deadline: &Deadline{ID: 2}, Straks: true,
		Rebook: &Meeting{ID: 3, OrgKind: OrgJobcenter, Caseworker: "Nina"}}
	v := ProjectBookingOffersForAKasse(b)
	if v.Rebook != nil || len(v.Offers) != 1 || v.Deadline == nil || !v.Straks {
		t.Errorf("jobcenter meeting: %+v", v)
	}
	b.Rebook.OrgKind = OrgAKasse
	if v := ProjectBookingOffersForAKasse(b); v.Rebook == nil {
		t.Error("the a-kasse's own meeting is left out")
	}
	for _, problem := range readsAs(reflect.TypeFor[AKasseBookingOffers](), reflect.TypeFor[BookingOffers](), "AKasseBookingOffers") {
		t.Error(problem)
	}
}
