package shared

import (
	"reflect"
	"testing"
)

var jobSeekingToday = MustDate("2027-01-05")

func ptr[T any](v T) *T { return &v }

// fieldsOf is the messages of an *Error by field, nil for no error.
func fieldsOf(t *testing.T, err error) map[string]string {
	t.Helper()
	if err == nil {
		return nil
	}
	e, ok := err.(*Error)
	if !ok || e.Code != EInvalid {
		t.Fatalf("want an invalid *Error, got %#v", err)
	}
	out := map[string]string{}
	for _, f := range e.Fields {
		out[f.Field] = f.Message
	}
	return out
}

func TestSoughtOccupationInputCheck(t *testing.T) {
	yes := ptr(true)
	tests := []struct {
		name string
		in   SoughtOccupationInput
		want map[string]string
	}{
		{"OK", SoughtOccupationInput{OccupationID: 530, Educated: yes}, nil},
		{"OKWithExperience", SoughtOccupationInput{OccupationID: 530, Educated: ptr(false),
			ExperienceYears: ptr(12), ExperienceMonths: ptr(3), LastWorked: ptr(2008)}, nil},
		{"OKNoMonths", SoughtOccupationInput{OccupationID: 530, Educated: yes, ExperienceYears: ptr(0), LastWorked: ptr(2027)}, nil},
		{"OKBounds", SoughtOccupationInput{OccupationID: 530, Educated: yes, ExperienceYears: ptr(60), ExperienceMonths: ptr(11), LastWorked: ptr(1950)}, nil},
		{"ErrNoOccupation", SoughtOccupationInput{Educated: yes},
			map[string]string{FieldOccupation: "Vælg en stilling på listen med forslag."}},
		{"ErrEducatedUnanswered", SoughtOccupationInput{OccupationID: 530},
			map[string]string{FieldEducated: "Svar ja eller nej."}},
		{"ErrYearsTooMany", SoughtOccupationInput{OccupationID: 530, Educated: yes, ExperienceYears: ptr(61), LastWorked: ptr(2000)},
			map[string]string{FieldExperienceYears: "Må højst være 60."}},
		{"ErrYearsNegative", SoughtOccupationInput{OccupationID: 530, Educated: yes, ExperienceYears: ptr(-1), LastWorked: ptr(2000)},
			map[string]string{FieldExperienceYears: "Skal være mindst 0."}},
		{"ErrMonthsTwelve", SoughtOccupationInput{OccupationID: 530, Educated: yes, ExperienceYears: ptr(1), ExperienceMonths: ptr(12), LastWorked: ptr(2000)},
			map[string]string{FieldExperienceMonths: "Må højst være 11."}},
		{"ErrLastWorkedTooEarly", SoughtOccupationInput{OccupationID: 530, Educated: yes, ExperienceYears: ptr(1), LastWorked: ptr(1949)},
			map[string]string{FieldLastWorked: "Skal være mindst 1950."}},
		{"ErrLastWorkedNextYear", SoughtOccupationInput{OccupationID: 530, Educated: yes, ExperienceYears: ptr(1), LastWorked: ptr(2028)},
			map[string]string{FieldLastWorked: "Må højst være 2027."}},
		{"ErrYearsWithoutLastWorked", SoughtOccupationInput{OccupationID: 530, Educated: yes, ExperienceYears: ptr(3)},
			map[string]string{FieldLastWorked: "Skriv, hvilket år du sidst arbejdede i faget."}},
		{"ErrLastWorkedWithoutYears", SoughtOccupationInput{OccupationID: 530, Educated: yes, LastWorked: ptr(2020)},
			map[string]string{FieldExperienceYears: "Skriv, hvor mange år du har arbejdet i faget."}},
		{"ErrMonthsAlone", SoughtOccupationInput{OccupationID: 530, Educated: yes, ExperienceMonths: ptr(4)},
			map[string]string{FieldExperienceYears: "Skriv, hvor mange år du har arbejdet i faget.",
				FieldLastWorked: "Skriv, hvilket år du sidst arbejdede i faget."}},
		{"ErrAliasTooLong", SoughtOccupationInput{OccupationID: 530, Educated: yes, Alias: string(make([]byte, 101))},
			map[string]string{"alias": "Må højst være 100 tegn."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fieldsOf(t, tt.in.Check(jobSeekingToday))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// The form keeps the text; a number that is not one gets its message at
// its field, and the other fields are judged as ever.
func TestOccupationFormInput(t *testing.T) {
	tests := []struct {
		name string
		form OccupationForm
		want SoughtOccupationInput
		errs map[string]string
	}{
		{"OK", OccupationForm{OccupationID: 581, Alias: "fiskekok", Educated: "ja", Years: " 12 ", Months: "3", LastWorked: "2008"},
			SoughtOccupationInput{OccupationID: 581, Alias: "fiskekok", Educated: ptr(true), ExperienceYears: ptr(12), ExperienceMonths: ptr(3), LastWorked: ptr(2008)}, nil},
		{"OKNoExperience", OccupationForm{OccupationID: 581, Educated: "nej"},
			SoughtOccupationInput{OccupationID: 581, Educated: ptr(false)}, nil},
		{"ErrNotANumber", OccupationForm{OccupationID: 581, Educated: "ja", Years: "tolv", LastWorked: "2008"},
			SoughtOccupationInput{OccupationID: 581, Educated: ptr(true), LastWorked: ptr(2008)},
			map[string]string{FieldExperienceYears: "Skriv et helt tal."}},
		{"ErrNotANumberAndTooLate", OccupationForm{OccupationID: 581, Months: "3,5", Years: "2", LastWorked: "2031"},
			SoughtOccupationInput{OccupationID: 581, ExperienceYears: ptr(2), LastWorked: ptr(2031)},
			map[string]string{FieldExperienceMonths: "Skriv et helt tal.", FieldLastWorked: "Må højst være 2027.", FieldEducated: "Svar ja eller nej."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := tt.form.Input(jobSeekingToday)
			if got := fieldsOf(t, err); !reflect.DeepEqual(got, tt.errs) {
				t.Errorf("messages %v, want %v", got, tt.errs)
			}
			if !reflect.DeepEqual(in, tt.want) {
				t.Errorf("input %+v, want %+v", in, tt.want)
			}
		})
	}
}

func TestOccupationFormOfReadsBack(t *testing.T) {
	o := SoughtOccupation{OccupationID: 530, Alias: "Kontorfunktionær", Educated: true, Experience: &Experience{Years: 12, Months: 3, LastWorked: 2008}}
	in, err := OccupationFormOf(o).Input(jobSeekingToday)
	if err != nil {
		t.Fatal(err)
	}
	if *in.Educated != true || !reflect.DeepEqual(in.Experience(), o.Experience) || in.Alias != o.Alias {
		t.Errorf("read back %+v", in)
	}
	o.Experience, o.Educated = nil, false
	if in, err := OccupationFormOf(o).Input(jobSeekingToday); err != nil || in.Experience() != nil || *in.Educated {
		t.Errorf("without experience: %+v, %v", in, err)
	}
}

func TestJobSeekingCheckAddAndRemove(t *testing.T) {
	in := SoughtOccupationInput{OccupationID: 581, Alias: "fiskekok", Educated: ptr(true)}
	kok := SoughtOccupation{OccupationID: 581, Title: "Kok"}
	full := JobSeeking{}
	for i := range MaxSoughtOccupations {
		full.Occupations = append(full.Occupations, SoughtOccupation{OccupationID: 1000 + i, Title: "X"})
	}
	tests := []struct {
		name string
		s    JobSeeking
		want map[string]string
	}{
		{"OK", JobSeeking{Occupations: []SoughtOccupation{{OccupationID: 530, Title: "Kontorassistent"}}}, nil},
		// "Har man derfor implicit valgt … Kok via alias Fiskekok, så er Kok
		// valgt og vil ikke kunne vælges igen" [003].
		{"ErrTwiceByAlias", JobSeeking{Occupations: []SoughtOccupation{kok}},
			map[string]string{FieldOccupation: "Du har allerede valgt Kok. En stilling kan kun vælges én gang."}},
		{"ErrTooMany", full, map[string]string{FieldOccupation: "Du kan højst have 20 job under \"Jeg søger job som\"."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fieldsOf(t, tt.s.CheckAdd(in, jobSeekingToday)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	if err := (JobSeeking{}).CheckAdd(SoughtOccupationInput{OccupationID: 581}, jobSeekingToday); fieldsOf(t, err)[FieldEducated] == "" {
		t.Errorf("CheckAdd skips Check: %v", err)
	}

	two := []SoughtOccupation{kok, {OccupationID: 530}}
	for _, tt := range []struct {
		name string
		s    JobSeeking
		ok   bool
	}{
		{"OKVoluntary", JobSeeking{Occupations: two[:1]}, true},
		{"OKDutyTwo", JobSeeking{Occupations: two, MustKeepOne: true}, true},
		{"ErrDutyLast", JobSeeking{Occupations: two[:1], MustKeepOne: true}, false},
	} {
		err := tt.s.CheckRemove()
		if (err == nil) != tt.ok {
			t.Errorf("%s: %v", tt.name, err)
		}
		if err != nil && fieldsOf(t, err)[FieldOccupation] == "" {
			t.Errorf("%s: no message at the occupation: %v", tt.name, err)
		}
	}
}

func TestExperienceText(t *testing.T) {
	for _, tt := range []struct {
		x    Experience
		want string
	}{
		{Experience{Years: 12, Months: 3}, "12 år og 3 måneder"}, // Billede 7
		{Experience{Years: 1, Months: 1}, "1 år og 1 måned"},
		{Experience{Years: 5}, "5 år"},
		{Experience{Years: 0, Months: 7}, "7 måneder"},
		{Experience{}, "0 år"},
	} {
		if got := tt.x.Text(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.x, got, tt.want)
		}
	}
}

func TestOccupationLabel(t *testing.T) {
	if got := OccupationLabel("Kontorassistent", "Kontorfunktionær"); got != "Kontorassistent (kontorfunktionær)" { // Billede 7
		t.Errorf("label %q", got)
	}
	if got := OccupationLabel("Kok", ""); got != "Kok" {
		t.Errorf("label %q", got)
	}
	for label, alias := range map[string]string{"Kok (fiskekok)": "fiskekok", "Kok": "", "Social- og sundhedsassistent (sosu-assistent)": "sosu-assistent"} {
		if got := AliasOfLabel(label); got != alias {
			t.Errorf("AliasOfLabel(%q) = %q, want %q", label, got, alias)
		}
	}
}

// The duty to seek work by the forløb of today (002_…txt chapters 3–5;
// the decision in HasDutyToSeekWork).
func TestHasDutyToSeekWork(t *testing.T) {
	open := func(kg, kat int) []Forloeb {
		return []Forloeb{{Kontaktgruppe: kg, Tilmeldekategori: kat, Period: Period{From: jobSeekingToday.AddDays(-30)}}}
	}
	duty := map[int]bool{1: true, 2: true}
	for _, kg := range kontaktgrupper {
		if got := HasDutyToSeekWork(open(kg.Number, 0), jobSeekingToday); got != duty[kg.Number] {
			t.Errorf("KG %d (%s): duty %v", kg.Number, kg.Name, got)
		}
	}
	if !HasDutyToSeekWork(open(8, TilmeldekategoriDimittend), jobSeekingToday) {
		t.Error("a dimittend has no duty")
	}
	ended := []Forloeb{{Kontaktgruppe: 1, Period: Period{From: jobSeekingToday.AddDays(-90), To: jobSeekingToday.AddDays(-1)}},
		{Kontaktgruppe: 6, Period: Period{From: jobSeekingToday}}}
	if HasDutyToSeekWork(ended, jobSeekingToday) {
		t.Error("a dagpenge forløb that ended yesterday still gives the duty")
	}
	if HasDutyToSeekWork(nil, jobSeekingToday) {
		t.Error("no forløb gives the duty")
	}
}

func TestEmploymentConditionsCheck(t *testing.T) {
	for _, tt := range []struct {
		name string
		c    EmploymentConditions
		want map[string]string
	}{
		{"OK", EmploymentConditions{WorkingTime: FullTimeJob, StartASAP: true, StartByAgreement: true}, nil},
		{"OKPartTime", EmploymentConditions{WorkingTime: PartTimeJob, StartByAgreement: true}, nil},
		{"ErrNothing", EmploymentConditions{}, map[string]string{FieldWorkingTime: "Vælg fuldtid eller deltid.", FieldStart: "Vælg mindst én."}},
		{"ErrUnknownTime", EmploymentConditions{WorkingTime: "natarbejde", StartASAP: true}, map[string]string{FieldWorkingTime: "Skal være en af: fuldtid, deltid."}},
	} {
		if got := fieldsOf(t, tt.c.Check()); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	if got := (EmploymentConditions{StartASAP: true, StartByAgreement: true}).StartText(); got != "Hurtigst muligt, Efter aftale" {
		t.Errorf("StartText %q", got)
	}
}
