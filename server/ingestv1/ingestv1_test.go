package ingestv1

import (
	"reflect"
	"testing"
	"time"

	"jobnet/internal/fill"
	"jobnet/shared"
)

func TestValidateTargetGroup(t *testing.T) {
	good := TargetGroup{MessageID: "m-1", CPR: "120385-1234", Kontaktgruppe: 1, From: shared.MustDate("2026-01-05"), Enrolment: shared.EnrolmentTilmeldt}
	tests := []struct {
		name   string
		mutate func(*TargetGroup)
		fields []string
	}{
		{"OK", func(*TargetGroup) {}, nil},
		{"OKDimittend", func(u *TargetGroup) { u.Kontaktgruppe, u.Tilmeldekategori = 8, 5 }, nil},
		{"ErrUnknownKontaktgruppe", func(u *TargetGroup) { u.Kontaktgruppe = 99 }, []string{"kontaktgruppe"}},
		{"ErrMissingEverything", func(u *TargetGroup) { *u = TargetGroup{} }, []string{"message_id", "cpr", "kontaktgruppe", "from", "enrolment"}},
		{"ErrBadEnrolment", func(u *TargetGroup) { u.Enrolment = "måske" }, []string{"enrolment"}},
		{"ErrNegativeKategori", func(u *TargetGroup) { u.Tilmeldekategori = -1 }, []string{"tilmeldekategori"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := good
			tt.mutate(&u)
			err := shared.Validate(u)
			if len(tt.fields) == 0 {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			e, ok := err.(*shared.Error)
			if !ok || e.Code != shared.EInvalid {
				t.Fatalf("err = %v, want EInvalid", err)
			}
			for _, f := range tt.fields {
				if e.FieldMessage(f) == "" {
					t.Errorf("no message for field %q in %+v", f, e.Fields)
				}
			}
			if len(e.Fields) != len(tt.fields) {
				t.Errorf("got %d field errors %+v, want %d", len(e.Fields), e.Fields, len(tt.fields))
			}
		})
	}
}

func TestValidateCounters(t *testing.T) {
	d := &Dagpenge{AsOf: shared.MustDate("2026-11-11"), Insurance: shared.FullTime, Indplacering: shared.MustDate("2025-06-02"), KarensPeriodEnd: shared.MustDate("2026-12-01")}
	if err := shared.Validate(Counters{MessageID: "m", CPR: "120385-1231", Dagpenge: d}); err != nil {
		t.Fatalf("good: %v", err)
	}
	e, ok := shared.Validate(Counters{MessageID: "m", CPR: "120385-1231"}).(*shared.Error)
	if !ok || e.FieldMessage("dagpenge") != "Udfyld dette felt eller et af de andre." {
		t.Errorf("no figures at all: %+v", e)
	}
	bad := *d
	bad.Insurance = ""
	e, ok = shared.Validate(Counters{MessageID: "m", CPR: "120385-1231", Dagpenge: &bad}).(*shared.Error)
	if !ok || e.FieldMessage("dagpenge.insurance") == "" {
		t.Errorf("nested field: %+v", e)
	}
	sup := &Supplerende{AsOf: shared.MustDate("2026-11-11"), Insurance: shared.FullTime}
	if err := shared.Validate(Counters{MessageID: "m", CPR: "120385-1231", Supplerende: sup}); err != nil {
		t.Errorf("supplerende only: %v", err)
	}
	if err := shared.Validate(Hours225{MessageID: "m", CPR: "120385-1231", AsOf: shared.MustDate("2026-11-01"), HoursLast12Months: 100}); err != nil {
		t.Errorf("225: %v", err)
	}
	if e, ok := shared.Validate(Hours225{MessageID: "m", CPR: "120385-1231", HoursLast12Months: -1}).(*shared.Error); !ok ||
		e.FieldMessage("as_of") == "" || e.FieldMessage("hours_last_12_months") != "Skal være mindst 0." {
		t.Errorf("bad 225: %+v", e)
	}
}

func filler(seed int) *fill.Filler {
	return fill.With(fill.New(seed), func(n int) shared.Date {
		return shared.Date{Year: 2000 + n%30, Month: time.Month(1 + n%12), Day: 1 + n%28}
	})
}

// The contract's requests become domain types and back without losing a
// field: a field added to one side and not the other fails here.
func TestConversionsKeepEveryField(t *testing.T) {
	var p Plan
	filler(1).Fill(&p)
	if back := NewPlan(p.CPR, p.Domain()); !reflect.DeepEqual(back, p) {
		t.Errorf("plan:\n sent %+v\n back %+v", p, back)
	}
	var c Counters
	filler(2).Fill(&c)
	d, s := c.Domain()
	if back := NewCounters(c.MessageID, c.CPR, d, s); !reflect.DeepEqual(back, c) {
		t.Errorf("counters:\n sent %+v\n back %+v", c, back)
	}
	var h Hours225
	filler(3).Fill(&h)
	dh := h.Domain()
	if dh.AsOf != h.AsOf || dh.HoursLast12Months != h.HoursLast12Months || dh.HighBenefit != h.HighBenefit {
		t.Errorf("225: %+v → %+v", h, dh)
	}
	var a shared.EducationAnswer
	filler(4).Fill(&a)
	sent := NewEducationAnswer(a)
	if len(sent.Wishes) != 2 || sent.Wishes[1].Title != a.Wishes[1].Title || len(sent.Places) != 2 || sent.Places[1] != (EducationPlace{
		Goal: a.Places[1].Goal, Name: a.Places[1].Name, Applied: a.Places[1].Applied, Answer: a.Places[1].Answer}) || sent.Reason != a.Reason || sent.Step != a.Step {
		t.Errorf("education answer: %+v → %+v", a, sent)
	}
	// Every field of the domain's answer has its place in the contract.
	if got, want := reflect.TypeFor[EducationAnswer]().NumField(), reflect.TypeFor[shared.EducationAnswer]().NumField(); got != want {
		t.Errorf("the contract's answer has %d fields, the domain's %d: decide what the case systems get", got, want)
	}
}
