package shared

import (
	"slices"
	"testing"
	"time"
)

var cph, _ = time.LoadLocation("Europe/Copenhagen")

func TestMeetingWhen(t *testing.T) {
	start := time.Date(2019, 12, 10, 13, 30, 0, 0, cph)
	if got, want := MeetingWhen(start.UTC(), start.Add(30*time.Minute).UTC(), cph), "Tirsdag den 10. dec. 2019, kl. 13:30-14:00"; got != want {
		t.Errorf("MeetingWhen = %q, want %q [002 Bilag 3]", got, want)
	}
}

// TestMeetingShown: today's and future meetings [001]; a past meeting
// without a closing status is not shown; a held one neither; a
// cancellation only when the organisation cancelled.
func TestMeetingShown(t *testing.T) {
	now := time.Date(2026, 11, 30, 15, 0, 0, 0, cph)
	at := func(d time.Duration) time.Time { return now.Add(d) }
	for _, tt := range []struct {
		name string
		m    Meeting
		want bool
	}{
		{"EarlierToday", Meeting{Start: at(-5 * time.Hour), Status: MeetingPlanned}, true},
		{"Tomorrow", Meeting{Start: at(24 * time.Hour), Status: MeetingPlanned}, true},
		{"YesterdayNotClosed", Meeting{Start: at(-24 * time.Hour), Status: MeetingPlanned}, false},
		{"HeldToday", Meeting{Start: at(-2 * time.Hour), Status: MeetingHeld}, false},
		{"CancelledByJobcenter", Meeting{Start: at(48 * time.Hour), Status: MeetingCancelled, CancelledBy: "org"}, true},
		{"CancelledByCitizen", Meeting{Start: at(48 * time.Hour), Status: MeetingCancelled, CancelledBy: "citizen"}, false},
	} {
		if got := MeetingShown(tt.m, now, cph); got != tt.want {
			t.Errorf("%s: MeetingShown = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestOfferAudience(t *testing.T) {
	for _, tt := range []struct {
		name    string
		a       OfferAudience
		kg, age int
		want    bool
	}{
		{"Everyone", OfferAudience{}, 6, 45, true},
		{"GroupIn", OfferAudience{Kontaktgrupper: []int{1, 2}}, 1, 45, true},
		{"GroupOut", OfferAudience{Kontaktgrupper: []int{1, 2}}, 6, 45, false},
		{"BelowMin", OfferAudience{AgeMin: 30}, 1, 29, false},
		{"AtMin", OfferAudience{AgeMin: 30}, 1, 30, true},
		{"AtMax", OfferAudience{AgeMax: 29}, 1, 29, true},
		{"AboveMax", OfferAudience{AgeMax: 29}, 1, 30, false},
	} {
		if got := tt.a.Admits(tt.kg, tt.age); got != tt.want {
			t.Errorf("%s: Admits(%d, %d) = %v, want %v", tt.name, tt.kg, tt.age, got, tt.want)
		}
	}
	birth := MustDate("1990-03-15")
	if AgeOn(birth, MustDate("2026-03-14")) != 35 || AgeOn(birth, MustDate("2026-03-15")) != 36 {
		t.Error("AgeOn counts the birthday itself")
	}
}

func TestSplitByDeadline(t *testing.T) {
	offers := []MeetingOffer{{ID: 1, TypeCode: "jobsamtale"}, {ID: 2, TypeCode: "info"}, {ID: 3, TypeCode: "jobsamtale"}}
	ids := func(os []MeetingOffer) (out []int64) {
		for _, o := range os {
			out = append(out, o.ID)
		}
		return out
	}
	meets, other := SplitByDeadline(offers, &Deadline{Due: MustDate("2026-12-10"), TypeCodes: []string{"jobsamtale"}})
	if !slices.Equal(ids(meets), []int64{1, 3}) || !slices.Equal(ids(other), []int64{2}) || !meets[0].MeetsDeadline || other[0].MeetsDeadline {
		t.Errorf("with a deadline: meets %v, other %v", meets, other)
	}
	if meets, other := SplitByDeadline(offers, &Deadline{TypeCodes: []string{"jobsamtale"}, Met: 7}); meets != nil || len(other) != 3 {
		t.Errorf("a met deadline splits nothing: meets %v", meets)
	}
	if meets, other := SplitByDeadline(offers, nil); meets != nil || len(other) != 3 {
		t.Errorf("no deadline splits nothing: meets %v", meets)
	}
}

// TestBookingSteps: step 2 only when the offer lets the citizen choose [003].
func TestBookingSteps(t *testing.T) {
	if got := BookingSteps(&MeetingOffer{}); !slices.Equal(got, []BookingStep{StepType, StepTime, StepRights}) {
		t.Errorf("no choice: %v", got)
	}
	if got := BookingSteps(&MeetingOffer{ChooseCaseworker: true}); len(got) != 4 {
		t.Errorf("choice: %v", got)
	}
	if got := BookingSteps(nil); len(got) != 4 {
		t.Errorf("before a choice: %v", got)
	}
	o := MeetingOffer{Type: "Møde 2767"}
	slot := MeetingSlot{Caseworker: "Sagsbehandler 5882", Start: time.Date(2020, 5, 22, 11, 0, 0, 0, cph).UTC()}
	for s, want := range map[BookingStep]string{
		StepType:       "Jeg vil gerne have et møde om “Møde 2767”",
		StepCaseworker: "Jeg vil gerne have et møde med Sagsbehandler 5882",
		StepTime:       "Jeg ønsker et møde fredag den 22. maj 2020 kl. 11:00",
	} {
		if got := StepDone(s, o, slot, cph); got != want {
			t.Errorf("StepDone(%d) = %q, want %q", s, got, want)
		}
	}
}

func TestDeadlineStraksbooking(t *testing.T) {
	d := Deadline{Due: MustDate("2026-12-10")}
	if d.Straksbooking(MustDate("2026-12-10")) || !d.Straksbooking(MustDate("2026-12-11")) {
		t.Error("straksbooking from the day after the deadline")
	}
	d.Met = 5
	if d.Straksbooking(MustDate("2027-01-01")) {
		t.Error("a met deadline binds nobody")
	}
}

func TestBookingInputCheck(t *testing.T) {
	err := BookingInput{}.Check()
	e, ok := err.(*Error)
	if !ok || len(e.Fields) != 2 || e.Fields[0].Field != "slot_id" || e.Fields[1].Field != "read" {
		t.Fatalf("Check() = %v", err)
	}
	if err := (BookingInput{SlotID: 3, Read: true}).Check(); err != nil {
		t.Fatal(err)
	}
}
