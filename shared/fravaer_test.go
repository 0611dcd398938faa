package shared

import "testing"

var fravaerToday = MustDate("2026-03-10")

func fieldOf(err error, field string) string {
	if e, ok := err.(*Error); ok {
		return e.FieldMessage(field)
	}
	return ""
}

// Meld ferie: "Hvis din ferie ligger om mere end 14 dage, kan du melde ferie
// her på Jobnet" (000 Billede 23): 15 days ahead is in time, 14 is not.
func TestCheckFerie(t *testing.T) {
	d := fravaerToday.AddDays
	held := []Absence{{ID: "1", Kind: AbsenceFerie, Period: Period{From: d(40), To: d(45)}}}
	tests := []struct {
		name  string
		in    PeriodInput
		field string
		msg   string
	}{
		{"OK15DaysAhead", PeriodInput{From: d(15), To: d(20)}, "", ""},
		{"ErrExactly14Days", PeriodInput{From: d(14), To: d(20)}, "from", MsgFerieTooSoon},
		{"ErrTomorrow", PeriodInput{From: d(1), To: d(2)}, "from", MsgFerieTooSoon},
		{"ErrPast", PeriodInput{From: d(-3), To: d(2)}, "from", MsgFerieTooSoon},
		{"OKOneDay", PeriodInput{From: d(30), To: d(30)}, "", ""},
		{"ErrToBeforeFrom", PeriodInput{From: d(30), To: d(29)}, "to", MsgToBeforeFrom},
		{"ErrNoFrom", PeriodInput{To: d(29)}, "from", MsgFromRequired},
		{"ErrNoTo", PeriodInput{From: d(29)}, "to", MsgToRequired},
		{"OKSixWeeks", PeriodInput{From: d(50), To: d(50 + FerieMaxDays - 1)}, "", ""},
		{"ErrSixWeeksAndADay", PeriodInput{From: d(50), To: d(50 + FerieMaxDays)}, "to", MsgFerieTooLong},
		{"OKAYearAhead", PeriodInput{From: d(FerieHorizonDays), To: d(FerieHorizonDays + 1)}, "", ""},
		{"ErrMoreThanAYear", PeriodInput{From: d(FerieHorizonDays + 1), To: d(FerieHorizonDays + 2)}, "from", MsgFerieTooFar},
		{"ErrOverlap", PeriodInput{From: d(44), To: d(50)}, "from", MsgOverlapsFerie},
		{"OKAdjacent", PeriodInput{From: d(46), To: d(50)}, "", ""},
		{"ErrLongComment", PeriodInput{From: d(20), To: d(21), Comment: string(make([]rune, 501))}, "comment", MsgCommentTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckFerie(tt.in, fravaerToday, held)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("CheckFerie = %v, want nil", err)
				}
				return
			}
			if ErrorCodeOf(err) != EInvalid || fieldOf(err, tt.field) != tt.msg {
				t.Fatalf("CheckFerie = %v, want %q at %s", err, tt.msg, tt.field)
			}
		})
	}
}

// Meld syg: "Syge- og raskmelding (kun fra dags dato)" (001).
func TestCheckSyg(t *testing.T) {
	d := fravaerToday.AddDays
	sick := []Absence{{Kind: AbsenceSygdom, Period: Period{From: d(-2)}}}
	tests := []struct {
		name string
		in   DayInput
		abs  []Absence
		msg  string
	}{
		{"OKToday", DayInput{Day: d(0)}, nil, ""},
		{"ErrYesterday", DayInput{Day: d(-1)}, nil, MsgSygToday},
		{"ErrTomorrow", DayInput{Day: d(1)}, nil, MsgSygToday},
		{"ErrNoDay", DayInput{}, nil, MsgFromRequired},
		{"ErrAlreadySick", DayInput{Day: d(0)}, sick, MsgAlreadySick},
		{"OKAfterRaskmelding", DayInput{Day: d(0)}, []Absence{{Kind: AbsenceSygdom, Period: Period{From: d(-9), To: d(-3)}}}, ""},
		{"ErrRaskmeldingWaiting", DayInput{Day: d(0)}, []Absence{{Kind: AbsenceSygdom, Period: Period{From: d(-9)}, RaskFra: d(2)}}, MsgAlreadySick},
		{"ErrSickRestOfTheDay", DayInput{Day: d(0)}, []Absence{{Kind: AbsenceSygdom, Period: Period{From: d(-9), To: d(0)}}}, MsgAlreadySick},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckSyg(tt.in, fravaerToday, tt.abs)
			if got := fieldOf(err, "day"); got != tt.msg || (tt.msg == "") != (err == nil) {
				t.Fatalf("CheckSyg = %v, want %q", err, tt.msg)
			}
		})
	}
}

// Meld rask: from today (001) to SygRaskHorizonDays ahead.
func TestCheckRask(t *testing.T) {
	d := fravaerToday.AddDays
	sick := []Absence{{ID: "7", Kind: AbsenceSygdom, Period: Period{From: d(-2)}}}
	tests := []struct {
		name string
		in   DayInput
		abs  []Absence
		msg  string
		last Date
	}{
		{"OKToday", DayInput{Day: d(0)}, sick, "", d(-1)},
		{"OKTomorrow", DayInput{Day: d(1)}, sick, "", d(0)},
		{"OK14DaysAhead", DayInput{Day: d(SygRaskHorizonDays)}, sick, "", d(SygRaskHorizonDays - 1)},
		{"Err15DaysAhead", DayInput{Day: d(SygRaskHorizonDays + 1)}, sick, MsgRaskTooFar, Date{}},
		{"ErrYesterday", DayInput{Day: d(-1)}, sick, MsgNotBeforeToday, Date{}},
		{"ErrNotSick", DayInput{Day: d(0)}, nil, MsgNotSick, Date{}},
		{"ErrRaskAlreadyGiven", DayInput{Day: d(0)}, []Absence{{Kind: AbsenceSygdom, Period: Period{From: d(-2)}, RaskFra: d(3)}}, MsgNotSick, Date{}},
		// Sick and well the same day: "sygemeldt resten af dagen".
		{"OKSameDay", DayInput{Day: d(0)}, []Absence{{Kind: AbsenceSygdom, Period: Period{From: d(0)}}}, "", d(0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			syg, err := CheckRask(tt.in, fravaerToday, tt.abs)
			if got := fieldOf(err, "day"); got != tt.msg || (tt.msg == "") != (err == nil) {
				t.Fatalf("CheckRask = %v, want %q", err, tt.msg)
			}
			if err == nil && LastSickDay(syg, tt.in.Day) != tt.last {
				t.Fatalf("LastSickDay = %v, want %v", LastSickDay(syg, tt.in.Day), tt.last)
			}
		})
	}
}

func TestCheckArbejde(t *testing.T) {
	d := fravaerToday.AddDays
	held := []Absence{{Kind: AbsenceMidlertidigtArbejde, Period: Period{From: d(10), To: d(20)}},
		{Kind: AbsenceFerie, Period: Period{From: d(0), To: d(100)}}}
	tests := []struct {
		name, field, msg string
		in               PeriodInput
	}{
		{"OKToday", "", "", PeriodInput{From: d(0), To: d(5)}},
		{"ErrYesterday", "from", MsgNotBeforeToday, PeriodInput{From: d(-1), To: d(5)}},
		{"OKAYear", "", "", PeriodInput{From: d(30), To: d(30 + ArbejdeMaxDays - 1)}},
		{"ErrMoreThanAYear", "to", MsgArbejdeTooLong, PeriodInput{From: d(30), To: d(30 + ArbejdeMaxDays)}},
		{"ErrOverlap", "from", MsgOverlapsArbejde, PeriodInput{From: d(20), To: d(25)}},
		{"ErrToBeforeFrom", "to", MsgToBeforeFrom, PeriodInput{From: d(5), To: d(4)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckArbejde(tt.in, fravaerToday, held)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("CheckArbejde = %v", err)
				}
				return
			}
			if fieldOf(err, tt.field) != tt.msg {
				t.Fatalf("CheckArbejde = %v, want %q at %s", err, tt.msg, tt.field)
			}
		})
	}
}

// Eligibility per target group (001: "afhængig af, hvilken kontaktgruppe
// brugeren er tilmeldt som"; ferie "kun dagpengemodtager").
func TestSelfServiceMayUse(t *testing.T) {
	in := func(kg, kat int) []Forloeb {
		return []Forloeb{{Kontaktgruppe: kg, Tilmeldekategori: kat, Period: Period{From: fravaerToday.AddDays(-30)}}}
	}
	tests := []struct {
		name   string
		fs     []Forloeb
		s      SelfService
		mayUse bool
	}{
		{"FerieDagpenge", in(1, 0), ServiceFerie, true},
		{"FerieDimittend", in(8, TilmeldekategoriDimittend), ServiceFerie, true},
		{"FerieLedigUdenYdelse", in(8, 0), ServiceFerie, false},
		{"FerieKontanthjaelp", in(2, 0), ServiceFerie, false},
		{"FerieNoForloeb", nil, ServiceFerie, false},
		{"SygDagpenge", in(1, 0), ServiceSygRask, true},
		{"SygSygedagpenge", in(6, 0), ServiceSygRask, true},
		{"SygFoertidspension", in(12, 0), ServiceSygRask, false},
		{"ArbejdeKontanthjaelp", in(2, 0), ServiceArbejde, true},
		{"ArbejdeRessourceforloeb", in(9, 0), ServiceArbejde, false},
		{"FerieEndedForloeb", []Forloeb{{Kontaktgruppe: 1, Period: Period{From: fravaerToday.AddDays(-30), To: fravaerToday.AddDays(-1)}}}, ServiceFerie, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.s.MayUse(tt.fs, fravaerToday); got != tt.mayUse {
				t.Fatalf("MayUse = %v, want %v", got, tt.mayUse)
			}
		})
	}
}

// Every kind has a row in the type table, and the self-registrable ones
// are exactly the three self-services (001).
func TestAbsenceTypesAsData(t *testing.T) {
	self := map[AbsenceKind]SelfService{}
	for _, k := range AbsenceKinds() {
		at := AbsenceTypeOf(k)
		if at.Kind != k || !at.Shown {
			t.Errorf("%s: no row, or not shown: %+v", k, at)
		}
		if at.Service != ServiceNone {
			self[k] = at.Service
		}
	}
	want := map[AbsenceKind]SelfService{AbsenceFerie: ServiceFerie, AbsenceSygdom: ServiceSygRask, AbsenceMidlertidigtArbejde: ServiceArbejde}
	if len(self) != len(want) {
		t.Fatalf("self-registrable = %v, want %v", self, want)
	}
	for k, s := range want {
		if self[k] != s {
			t.Errorf("%s: %q, want %q", k, self[k], s)
		}
	}
	// "Skal du på barsel eller i borgerligt ombud, skal du selv give dit
	// jobcenter besked" (000 Billede 24).
	if AbsenceTypeOf(AbsenceBarsel).Service != ServiceNone || AbsenceTypeOf(AbsenceBorgerligtOmbud).Service != ServiceNone {
		t.Error("barsel and borgerligt ombud are not reported on Jobnet")
	}
	if AbsenceTypeOf("ukendt").Shown {
		t.Error("an unknown kind is not shown")
	}
}

func TestFravaerOfAndAKasse(t *testing.T) {
	d := fravaerToday.AddDays
	abs := []Absence{
		{ID: "1", Kind: AbsenceFerie, Period: Period{From: d(20), To: d(25)}},
		{ID: "2", Kind: AbsenceSygdom, Period: Period{From: d(-1)}, RegisteredBy: RegisteredByCitizen},
		{ID: "3", Kind: AbsencePasningAfBarn, Period: Period{From: d(-10), To: d(5)}},
		{ID: "4", Kind: AbsenceFerie, Period: Period{From: d(-20), To: d(-1)}},
	}
	fs := []Forloeb{{Kontaktgruppe: 1, Period: Period{From: d(-100)}}}
	p := FravaerOf(abs, fs, fravaerToday)
	if len(p.Absences) != 3 || p.Absences[0].ID != "1" || p.Absences[2].ID != "3" {
		t.Fatalf("Absences = %+v, want 1, 2, 3 (4 ended yesterday)", p.Absences)
	}
	if p.Sick == nil || p.Sick.ID != "2" {
		t.Fatalf("Sick = %+v", p.Sick)
	}
	if !p.Offers(ServiceFerie) || !p.Offers(ServiceSygRask) || !p.Offers(ServiceArbejde) {
		t.Fatalf("Services = %v", p.Services)
	}
	a := ProjectFravaerForAKasse(p, fravaerToday)
	// Pasning af eget barn is not lawful on dagpenge (000 5.5).
	if len(a.Absences) != 2 || a.Absences[0].ID != "1" || a.Absences[1].ID != "2" {
		t.Fatalf("a-kasse's = %+v", a.Absences)
	}
}

func TestSygemeldingNotification(t *testing.T) {
	d := fravaerToday.AddDays
	tests := []struct {
		name string
		abs  []Absence
		ok   bool
		text string
	}{
		{"None", nil, false, ""},
		{"Open", []Absence{{Kind: AbsenceSygdom, Period: Period{From: d(-3)}}}, true,
			"Du er registreret i jobcentret som sygemeldt. Husk at melde dig rask her på Jobnet, når du er rask."},
		// The sources' text, once the citizen is well from tomorrow.
		{"RestOfTheDay", []Absence{{Kind: AbsenceSygdom, Period: Period{From: d(-3), To: d(0)}}}, true,
			"Du er registreret i jobcentret som sygemeldt resten af dagen."},
		{"Ended", []Absence{{Kind: AbsenceSygdom, Period: Period{From: d(-3), To: d(-1)}}}, false, ""},
		{"RaskAhead", []Absence{{Kind: AbsenceSygdom, Period: Period{From: d(-3)}, RaskFra: MustDate("2026-03-12")}}, true,
			"Du er registreret i jobcentret som sygemeldt. Du har meldt dig rask fra torsdag den 12. marts 2026."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, ok := SygemeldingNotification(tt.abs, fravaerToday)
			if ok != tt.ok || n.Text != tt.text || ok && n.Kind != NotifySygemelding {
				t.Fatalf("= %+v, %v", n, ok)
			}
		})
	}
}

// A sygemeldt's primary action is "at melde sig rask" (003 «Primary
// action»), before every other rule.
func TestPrimaryActionSick(t *testing.T) {
	for _, kg := range []int{1, KontaktgruppeSygedagpenge, KontaktgruppeFleksjob} {
		a := PrimaryActionOf(PrimaryFacts{Kontaktgruppe: kg, Sick: true, Discontinued: true})
		if a.Title != "Meld dig rask" || a.Page != PageFravaerSyg {
			t.Errorf("group %d: %+v", kg, a)
		}
	}
	if a := PrimaryActionOf(PrimaryFacts{Kontaktgruppe: KontaktgruppeSygedagpenge}); a.Title == "Meld dig rask" {
		t.Error("not sick: no Meld dig rask")
	}
}

func TestAbsenceWhen(t *testing.T) {
	// Billede 24: "onsdag den 5. feb. 2020".
	if got := AbsenceWhen(MustDate("2020-02-05")); got != "onsdag den 5. feb. 2020" {
		t.Fatalf("= %q", got)
	}
	if AbsenceWhen(Date{}) != "Ikke angivet" {
		t.Fatal("open end")
	}
}

// The Kalender's Fravær source: start and end as a plan item's; the
// a-kasse sees the current lawful ones only (000 5.5, 5.3).
func TestCalendarAbsenceEntries(t *testing.T) {
	d := CalendarData{Month: YearMonthOf(fravaerToday), Today: fravaerToday, Absences: []Absence{
		{ID: "1", Kind: AbsenceFerie, Period: Period{From: MustDate("2026-03-20"), To: MustDate("2026-03-25")}},
		{ID: "2", Kind: AbsencePasningAfBarn, Period: Period{From: MustDate("2026-03-12"), To: MustDate("2026-03-12")}},
		{ID: "3", Kind: AbsenceSygdom, Period: Period{From: MustDate("2026-03-02"), To: MustDate("2026-03-04")}},
		{ID: "4", Kind: AbsenceSygdom, Period: Period{From: MustDate("2026-03-09")}},
	}}
	ids := func(es []CalendarEntry) []string {
		var out []string
		for _, e := range es {
			if e.Kind == CalendarAbsence {
				out = append(out, e.ID)
			}
		}
		return out
	}
	got := ids(d.ForCitizen().Entries)
	want := []string{"fravaer-3-start", "fravaer-3-slut", "fravaer-4-start", "fravaer-2", "fravaer-1-start", "fravaer-1-slut"}
	if len(got) != len(want) {
		t.Fatalf("citizen: %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("citizen: %v, want %v", got, want)
		}
	}
	var ak []string
	for _, e := range ProjectCalendarForAKasse(d, nil, "ak-1").Entries {
		if e.Kind == CalendarAbsence {
			ak = append(ak, e.ID)
		}
	}
	// Not 2 (unlawful), not 3 (ended before today).
	if len(ak) != 3 || ak[0] != "fravaer-4-start" || ak[1] != "fravaer-1-start" || ak[2] != "fravaer-1-slut" {
		t.Fatalf("a-kasse: %v", ak)
	}
	d.Today = Date{}
	for _, e := range ProjectCalendarForAKasse(d, nil, "ak-1").Entries {
		if e.Kind == CalendarAbsence {
			t.Fatal("without Today the a-kasse sees no absence")
		}
	}
}

// The form keeps what was typed; a date it cannot read is said at its
// field, the rules' messages at the others.
func TestPeriodFormRead(t *testing.T) {
	check := func(in PeriodInput) error { return CheckFerie(in, fravaerToday, nil) }
	in, err := PeriodForm{From: "2026-04-01", To: "2026-04-03", Comment: "x"}.Read(check)
	if err != nil || in.From != MustDate("2026-04-01") || in.Comment != "x" {
		t.Fatalf("= %+v, %v", in, err)
	}
	_, err = PeriodForm{From: "1. april", To: "2026-04-03"}.Read(check)
	if fieldOf(err, "from") != MsgBadDate {
		t.Fatalf("bad date: %v", err)
	}
	_, err = PeriodForm{From: "2026-03-11", To: "2026-03-10x"}.Read(check)
	if fieldOf(err, "to") != MsgBadDate || fieldOf(err, "from") != MsgFerieTooSoon {
		t.Fatalf("both: %v", err)
	}
}
