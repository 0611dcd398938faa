package shared

import (
	"testing"
	"time"
)

var cvToday = Date{Year: 2026, Month: time.March, Day: 14}

func TestParseMonthYear(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     MonthYear
		msg      string
	}{
		{"OK", "01/2004", MonthYear{2004, time.January}, ""},
		{"OKOneDigitMonth", "3/2019", MonthYear{2019, time.March}, ""},
		{"OKSpaces", " 12/2016 ", MonthYear{2016, time.December}, ""},
		{"OKThisMonth", "03/2026", MonthYear{2026, time.March}, ""},
		{"OKTenYearsAhead", "12/2036", MonthYear{2036, time.December}, ""},
		{"ErrMonth13", "13/2020", MonthYear{}, "Måneden skal være fra 01 til 12."},
		{"ErrMonth00", "00/2020", MonthYear{}, "Måneden skal være fra 01 til 12."},
		{"ErrYearTooEarly", "05/1939", MonthYear{}, "Året skal være fra 1940 til 2036."},
		{"ErrYearTooLate", "01/2037", MonthYear{}, "Året skal være fra 1940 til 2036."},
		{"ErrTwoDigitYear", "01/20", MonthYear{}, "Skriv måned og år som MM/ÅÅÅÅ, fx 03/2019."},
		{"ErrNoSlash", "012020", MonthYear{}, "Skriv måned og år som MM/ÅÅÅÅ, fx 03/2019."},
		{"ErrDash", "01-2020", MonthYear{}, "Skriv måned og år som MM/ÅÅÅÅ, fx 03/2019."},
		{"ErrLetters", "jan/2020", MonthYear{}, "Skriv måned og år som MM/ÅÅÅÅ, fx 03/2019."},
		{"ErrSign", "+1/2020", MonthYear{}, "Skriv måned og år som MM/ÅÅÅÅ, fx 03/2019."},
		{"ErrEmpty", "", MonthYear{}, "Skriv måned og år som MM/ÅÅÅÅ, fx 03/2019."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseMonthYear(tc.in, cvToday)
			if tc.msg == "" {
				if err != nil || got != tc.want {
					t.Fatalf("got %v, %v; want %v", got, err, tc.want)
				}
				return
			}
			if ErrorCodeOf(err) != EInvalid || ErrorMessageOf(err) != tc.msg {
				t.Fatalf("got %v; want %q", err, tc.msg)
			}
		})
	}
	if s := (MonthYear{2004, time.January}).String(); s != "01/2004" {
		t.Errorf("String %q", s)
	}
}

func TestCVEntryCheck(t *testing.T) {
	job := func(from, to string, ongoing bool) CVEntryInput {
		return CVEntryInput{Section: CVExperience, Title: "Opvasker", Organisation: "Restaurant Havnen", From: from, To: to, Ongoing: ongoing}
	}
	for _, tc := range []struct {
		name   string
		in     CVEntryInput
		fields map[string]string // field → message; nil: valid
	}{
		{"OK", job("01/2004", "01/2016", false), nil},
		{"OKSameMonth", job("06/2020", "06/2020", false), nil},
		{"OKOngoing", job("03/2021", "", true), nil},
		{"OKOngoingDropsEnd", job("03/2021", "13/2099", true), nil},
		{"OKEducationEndAhead", CVEntryInput{Section: CVEducation, Title: "Social- og sundhedsassistent", From: "08/2025", To: "06/2028"}, nil},
		{"OKQualificationNoPeriod", CVEntryInput{Section: CVQualification, Title: "Truckcertifikat", From: "xx"}, nil},
		{"ErrMonth13", job("13/2004", "01/2016", false), map[string]string{FieldCVFrom: "Måneden skal være fra 01 til 12."}},
		{"ErrEndBeforeStart", job("05/2016", "04/2016", false), map[string]string{FieldCVTo: "Slutdatoen må ikke ligge før startdatoen."}},
		{"ErrEndBeforeStartYears", job("01/2016", "12/2004", false), map[string]string{FieldCVTo: "Slutdatoen må ikke ligge før startdatoen."}},
		{"ErrStartAfterThisMonth", job("04/2026", "", true), map[string]string{FieldCVFrom: "Startdatoen må ikke ligge efter denne måned."}},
		{"ErrNoEnd", job("01/2004", "", false), map[string]string{FieldCVTo: "Skriv, hvornår du sluttede (MM/ÅÅÅÅ), eller vælg \"Nuværende\"."}},
		{"ErrNoStart", job("", "01/2016", false), map[string]string{FieldCVFrom: "Skriv, hvornår du begyndte (MM/ÅÅÅÅ)."}},
		{"ErrBadEndFormat", job("01/2004", "2016", false), map[string]string{FieldCVTo: "Skriv måned og år som MM/ÅÅÅÅ, fx 03/2019."}},
		{"ErrNoTitleNoEmployer", CVEntryInput{Section: CVExperience, From: "01/2020", Ongoing: true},
			map[string]string{FieldCVTitle: "Skriv din stilling.", FieldCVOrganisation: "Skriv arbejdsgiverens navn."}},
		{"ErrEducationNoTitle", CVEntryInput{Section: CVEducation, From: "01/2020", To: "02/2020"},
			map[string]string{FieldCVTitle: "Skriv uddannelsen, kurset eller certificeringen."}},
		{"ErrQualificationNoTitle", CVEntryInput{Section: CVQualification}, map[string]string{FieldCVTitle: "Skriv kvalifikationen."}},
		{"ErrSection", CVEntryInput{Section: "hobby", Title: "x"}, map[string]string{"section": "Skal være en af: erhvervserfaring, uddannelse, kvalifikation."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.in.Normalized(cvToday).Check(cvToday)
			if tc.fields == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			e, ok := err.(*Error)
			if !ok || e.Code != EInvalid || len(e.Fields) != len(tc.fields) {
				t.Fatalf("got %#v; want %v", err, tc.fields)
			}
			for f, msg := range tc.fields {
				if got := e.FieldMessage(f); got != msg {
					t.Errorf("%s: %q, want %q", f, got, msg)
				}
			}
		})
	}
}

func TestCVSectionValid(t *testing.T) {
	for _, s := range []CVSection{CVExperience, CVEducation, CVQualification} {
		if !s.Valid() {
			t.Errorf("%s not valid", s)
		}
	}
	if CVSection("hobby").Valid() || CVSection("").Valid() {
		t.Error("an unknown fold is valid")
	}
}

func TestCVEntryNormalized(t *testing.T) {
	in := CVEntryInput{Section: CVExperience, Title: " Kok ", Organisation: " Kro ", From: "3/2019", To: "12/2020", Ongoing: true}.Normalized(cvToday)
	if in.Title != "Kok" || in.From != "03/2019" || in.To != "" || in.PeriodText() != "03/2019 - Nuværende" {
		t.Errorf("%+v %q", in, in.PeriodText())
	}
	q := CVEntryInput{Section: CVQualification, Title: "Hygiejnebevis", Organisation: "x", From: "01/2020", To: "02/2020"}.Normalized(cvToday)
	if q.Organisation != "" || q.From != "" || q.PeriodText() != "" {
		t.Errorf("qualification keeps %+v", q)
	}
}

// TestCVSearchableNeedsContact: the source's rule [003 «Personlige
// oplysninger»], søgbart only with a phone number or an e-mail; a citizen
// enrolled as ledig must give one.
func TestCVSearchableNeedsContact(t *testing.T) {
	for _, tc := range []struct {
		name       string
		s          CVSettings
		enrolment  EnrolmentStatus
		fields     map[string]string
		searchable bool // SearchableNow of a CV with the settings
	}{
		{"OKNotSearchableNoContact", CVSettings{}, EnrolmentAfmeldt, nil, false},
		{"OKSearchablePhone", CVSettings{Searchable: true, Phone: "12 34 56 78"}, EnrolmentAfmeldt, nil, true},
		{"OKSearchableEmail", CVSettings{Searchable: true, Email: "a@example.dk"}, EnrolmentTilmeldt, nil, true},
		{"OKSearchableBoth", CVSettings{Searchable: true, Phone: "+46 70 123 45 67", Email: "a@example.dk"}, EnrolmentTilmeldt, nil, true},
		{"OKEnrolledNotSearchableWithContact", CVSettings{Phone: "12345678"}, EnrolmentTilmeldt, nil, false},
		{"ErrSearchableNoContact", CVSettings{Searchable: true}, EnrolmentAfmeldt,
			map[string]string{FieldCVSearchable: MsgCVSearchableNeedsContact}, false},
		{"ErrEnrolledNoContact", CVSettings{}, EnrolmentTilmeldt, map[string]string{FieldCVPhone: MsgCVContactRequired}, false},
		{"ErrEnrolledSearchableNoContact", CVSettings{Searchable: true}, EnrolmentTilmeldt,
			map[string]string{FieldCVPhone: MsgCVContactRequired, FieldCVSearchable: MsgCVSearchableNeedsContact}, false},
		{"ErrBlankPhoneIsNoContact", CVSettings{Searchable: true, Phone: "   "}, EnrolmentAfmeldt,
			map[string]string{FieldCVSearchable: MsgCVSearchableNeedsContact}, false},
		{"ErrShortPhone", CVSettings{Phone: "1234 567"}, EnrolmentAfmeldt,
			map[string]string{FieldCVPhone: "Skriv et telefonnummer med 8 cifre, fx 12 34 56 78, eller med landekode, fx +46 70 123 45 67."}, false},
		{"ErrBadEmail", CVSettings{Email: "a@"}, EnrolmentAfmeldt,
			map[string]string{FieldCVEmail: "Skriv en gyldig e-mailadresse."}, false},
		{"ErrLink", CVSettings{Link: "linkedin.com/in/x"}, EnrolmentAfmeldt,
			map[string]string{FieldCVLink: "Skriv en gyldig webadresse, der begynder med https:// eller http://."}, false},
		{"ErrLanguageLevel", CVSettings{Languages: []CVLanguage{{Language: "Engelsk"}}}, EnrolmentAfmeldt,
			map[string]string{"languages[0].level": "Vælg, hvor godt du taler og skriver Engelsk."}, false},
		{"ErrLicence", CVSettings{Licences: []string{"B", "X"}}, EnrolmentAfmeldt,
			map[string]string{FieldCVLicences: "Ukendt kørekortkategori."}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.s.Normalized()
			err := s.Check(tc.enrolment)
			if tc.fields == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
			} else {
				e, ok := err.(*Error)
				if !ok || e.Code != EInvalid || len(e.Fields) != len(tc.fields) {
					t.Fatalf("got %#v; want %v", err, tc.fields)
				}
				for f, msg := range tc.fields {
					if got := e.FieldMessage(f); got != msg {
						t.Errorf("%s: %q, want %q", f, got, msg)
					}
				}
			}
			if got := (CV{CVSettings: s}).SearchableNow(); got != tc.searchable {
				t.Errorf("SearchableNow %v", got)
			}
		})
	}
}

func TestCVSettingsNormalized(t *testing.T) {
	s := CVSettings{Phone: " 12  34 56 78 ", Languages: []CVLanguage{{}, {Language: " Dansk ", Level: "modersmaal"}},
		Licences: []string{"CE", "B", "B"}}.Normalized()
	if s.Phone != "12 34 56 78" || len(s.Languages) != 1 || s.Languages[0].Language != "Dansk" ||
		len(s.Licences) != 2 || s.Licences[0] != "B" || s.Licences[1] != "CE" {
		t.Errorf("%+v", s)
	}
	if got := LicenceText(s.Licences); got != "B, C/E" {
		t.Errorf("LicenceText %q", got)
	}
}

func TestSortCVEntries(t *testing.T) {
	e := func(id int64, from, to string, ongoing bool) CVEntry {
		return CVEntry{ID: id, CVEntryInput: CVEntryInput{Section: CVExperience, From: from, To: to, Ongoing: ongoing}}
	}
	es := []CVEntry{e(1, "01/2002", "01/2004", false), e(2, "01/2004", "01/2016", false), e(3, "05/2020", "", true), e(4, "02/2016", "12/2019", false)}
	SortCVEntries(es)
	for i, want := range []int64{3, 4, 2, 1} {
		if es[i].ID != want {
			t.Fatalf("order %v", es)
		}
	}
}

func TestPresentationCVCheck(t *testing.T) {
	if err := (PresentationCV{About: " Jeg er stabil. "}).Normalized().Check(); err != nil {
		t.Errorf("refused %v", err)
	}
	err := PresentationCV{About: "  ", GoodAt: "x"}.Normalized().Check()
	if e, ok := err.(*Error); !ok || e.FieldMessage(FieldPresentationAbout) != "Skriv lidt om dig selv under \"Om mig\"." {
		t.Errorf("got %v", err)
	}
}
