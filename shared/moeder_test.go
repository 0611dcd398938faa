package shared

import (
	"reflect"
	"testing"
	"time"
)

func TestHasMeetingDuties(t *testing.T) {
	today := Date{2027, time.January, 5}
	open := func(kg, kat int) []Forloeb {
		return []Forloeb{{Kontaktgruppe: kg, Tilmeldekategori: kat, Period: Period{From: today.AddDays(-30)}}}
	}
	tests := []struct {
		name string
		fs   []Forloeb
		want bool
	}{
		{"Dagpenge", open(1, 0), true},
		{"Dimittend", open(8, TilmeldekategoriDimittend), true},
		{"OtherKategori8", open(8, 0), false},
		{"Kontanthjaelp", open(2, 0), false},
		{"NoForloeb", nil, false},
		{"DagpengeEnded", []Forloeb{{Kontaktgruppe: 1, Period: Period{From: today.AddDays(-90), To: today.AddDays(-1)}}}, false},
	}
	for _, tt := range tests {
		if got := HasMeetingDuties(tt.fs, today); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestMayCancel(t *testing.T) {
	now := time.Date(2027, time.January, 5, 10, 0, 0, 0, time.UTC)
	m := Meeting{Booked: true, Status: MeetingPlanned, Start: now.Add(time.Minute)}
	tests := []struct {
		name   string
		change func(*Meeting)
		want   bool
	}{
		{"BookedComing", func(*Meeting) {}, true},
		{"CallIn", func(m *Meeting) { m.Booked = false }, false},
		{"Cancelled", func(m *Meeting) { m.Status, m.CancelledBy = MeetingCancelled, "org" }, false},
		{"Held", func(m *Meeting) { m.Status = MeetingHeld }, false},
		{"StartsNow", func(m *Meeting) { m.Start = now }, false},
	}
	for _, tt := range tests {
		got := m
		tt.change(&got)
		if MayCancel(got, now) != tt.want {
			t.Errorf("%s: MayCancel %v", tt.name, !tt.want)
		}
	}
}

func TestMeetingStateText(t *testing.T) {
	for _, tt := range []struct {
		m    Meeting
		want string
	}{
		{Meeting{Status: MeetingPlanned}, ""},
		{Meeting{Status: MeetingCancelled, CancelledBy: "citizen"}, "Aflyst – du har meldt afbud"},
		{Meeting{Status: MeetingCancelled, CancelledBy: "org", OrgKind: OrgJobcenter}, "Aflyst af jobcentret"},
		{Meeting{Status: MeetingCancelled, CancelledBy: "org", OrgKind: OrgAKasse}, "Aflyst af a-kassen"},
	} {
		if got := MeetingStateText(tt.m); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.m, got, tt.want)
		}
	}
	if got := CaseworkerLine("Nina Pettersen"); got != "Nina Pettersen (sagsbehandler)" {
		t.Errorf("CaseworkerLine %q", got)
	}
}

func TestDeadlineText(t *testing.T) {
	d := Deadline{Due: Date{2019, time.December, 6}}
	if got := DeadlineText(d, Date{2019, time.December, 1}); got != "Du skal booke et møde senest fredag den 06.12.2019." {
		t.Errorf("before: %q", got)
	}
	if got := DeadlineText(d, Date{2019, time.December, 6}); got != "Du skal booke et møde senest fredag den 06.12.2019." {
		t.Errorf("on the day: %q", got)
	}
	if got := DeadlineText(d, Date{2019, time.December, 7}); got != "Din frist for at booke et møde var fredag den 06.12.2019. Du skal booke et møde nu." {
		t.Errorf("passed: %q", got)
	}
}

// TestProjectMeetingsForAKasse: the a-kasse sees its own meetings and
// deadline, field by field, and no other organisation's.
func TestProjectMeetingsForAKasse(t *testing.T) {
	const ak = "ak-dfh"
	start := time.Date(2027, time.January, 7, 13, 30, 0, 0, time.UTC)
	own := Meeting{ID: 2, Org: ak, OrgKind: OrgAKasse, OrgName: "Det Faglige Hus", TypeCode: "R", Type: "Rådighedssamtale",
		Form: FormTelefonisk, Start: start, End: start.Add(time.Hour), Place: "p", Phone: "20", Caseworker: "Berit", Text: "t",
		Status: MeetingCancelled, CancelledBy: "org", Participants: "a", Agreements: "b", Invited: true, Booked: true, Version: 3}
	jc := Meeting{ID: 1, Org: "jc-101", OrgKind: OrgJobcenter, Type: "Jobsamtale", Start: start}
	other := Meeting{ID: 3, Org: "ak-other", OrgKind: OrgAKasse, Type: "CV-samtale", Start: start}
	ms := Meetings{Meetings: []Meeting{jc, own, other}, Deadline: &Deadline{ID: 9, Org: "jc-101", Due: Date{2027, time.January, 9}}, Duties: true}

	got := ProjectMeetingsForAKasse(ms, ak)
	if len(got.Meetings) != 1 || got.Deadline == nil || got.Deadline.ID != 9 || !got.Duties {
		t.Fatalf("projection %+v", got)
	}
	// Field by field: the view of its own meeting is the meeting whole.
	a, b := reflect.ValueOf(got.Meetings[0]), reflect.ValueOf(own)
	for i := range a.NumField() {
		name := a.Type().Field(i).Name
		if !reflect.DeepEqual(a.Field(i).Interface(), b.FieldByName(name).Interface()) {
			t.Errorf("%s: %v, want %v", name, a.Field(i), b.FieldByName(name))
		}
	}
	if a.NumField() != b.NumField() {
		t.Errorf("the view has %d fields, Meeting %d: decide whether the a-kasse sees the new one", a.NumField(), b.NumField())
	}
	if got := ProjectMeetingsForAKasse(ms, ""); len(got.Meetings) != 0 || got.Deadline != nil {
		t.Errorf("no a-kasse code sees %+v", got)
	}
	if _, ok := ProjectMeetingForAKasse(jc, ak); ok {
		t.Error("the jobcenter's meeting is the a-kasse's")
	}
	for _, p := range []struct{ view, full reflect.Type }{
		{reflect.TypeFor[AKasseMeeting](), reflect.TypeFor[Meeting]()},
		{reflect.TypeFor[AKasseMeetings](), reflect.TypeFor[Meetings]()},
	} {
		for _, problem := range readsAs(p.view, p.full, p.view.Name()) {
			t.Error(problem)
		}
	}
}

// TestDeadlineNoticeForAKasse: the front page's deadline notice reaches
// the a-kasse, whoever set the deadline (moeder.go).
func TestDeadlineNoticeForAKasse(t *testing.T) {
	n, _, ok := FristNotification(Date{2027, time.January, 9}, Date{2027, time.January, 5})
	if !ok {
		t.Fatal("no notification")
	}
	o := Overview{Notifications: []Notification{n}}
	if got := ProjectForAKasse(CitizenData{Overview: &o, AKasse: "ak-dfh"}).Overview.Notifications; len(got) != 1 || got[0].Kind != NotifyBookingFrist {
		t.Errorf("the a-kasse's notices: %+v", got)
	}
}
