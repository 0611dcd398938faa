package shared

import (
	"testing"
)

func benefitsOf(opts []BenefitOption) []Benefit {
	out := make([]Benefit, len(opts))
	for i, o := range opts {
		out[i] = o.Benefit
	}
	return out
}

// TestBenefitOptions: the ydelser offered "afhængig af borgers alder og
// evt. medlemsskab af a-kasse" (003 «Tilmelding/Afmelding»); the ages are
// this project's (EnrolmentBenefitMinAge, EnrolmentDagpengeMaxAge).
func TestBenefitOptions(t *testing.T) {
	all := []Benefit{BenefitDagpenge, BenefitKontanthjaelp, BenefitDimittend, BenefitIngen}
	tests := []struct {
		name     string
		age      int
		member   bool
		want     []Benefit
		wantHint string
	}{
		{"Under18", 17, false, []Benefit{BenefitIngen}, ""},
		{"Is18Member", 18, true, all, HintDagpengeMember},
		{"NonMemberStillOfferedDagpenge", 30, false, all, HintDagpengeNonMember},
		{"Is66", 66, true, all, HintDagpengeMember},
		{"Is67", 67, true, []Benefit{BenefitKontanthjaelp, BenefitIngen}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := BenefitOptions(tt.age, tt.member)
			got := benefitsOf(opts)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
			if tt.wantHint != "" && opts[0].Hint != tt.wantHint {
				t.Errorf("dagpenge hint %q, want %q", opts[0].Hint, tt.wantHint)
			}
			for _, o := range opts {
				// "ikke ledige" is asked for dagpenge only (001).
				hasIkke := containsLedighed(o.Ledigheder, LedighedIkke)
				if hasIkke != (o.Benefit == BenefitDagpenge) || !containsLedighed(o.Ledigheder, LedighedHelt) {
					t.Errorf("%s ledigheder %v", o.Benefit, o.Ledigheder)
				}
			}
		})
	}
}

func TestEnrolRequestCheck(t *testing.T) {
	opts := BenefitOptions(30, true)
	tests := []struct {
		name   string
		in     EnrolRequest
		fields map[string]string
	}{
		{"OK", EnrolRequest{BenefitDagpenge, LedighedIkke}, nil},
		{"OKKontanthjaelp", EnrolRequest{BenefitKontanthjaelp, LedighedDelvis}, nil},
		{"ErrNothing", EnrolRequest{}, map[string]string{FieldEnrolBenefit: MsgEnrolChooseBenefit, FieldEnrolLedighed: MsgEnrolChooseLedighed}},
		{"ErrIkkeLedigOnlyDagpenge", EnrolRequest{BenefitKontanthjaelp, LedighedIkke}, map[string]string{FieldEnrolLedighed: MsgEnrolLedighedNot}},
		{"ErrUnknownBenefit", EnrolRequest{"pension", LedighedHelt}, map[string]string{FieldEnrolBenefit: MsgEnrolBenefitNotOpen}},
		{"ErrUnknownLedighed", EnrolRequest{BenefitIngen, "halv"}, map[string]string{FieldEnrolLedighed: MsgEnrolLedighedNot}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.in.Check(opts)
			checkFields(t, err, tt.fields)
		})
	}
	// Under 18 the dagpenge choice is not open.
	checkFields(t, EnrolRequest{BenefitDagpenge, LedighedHelt}.Check(BenefitOptions(16, false)),
		map[string]string{FieldEnrolBenefit: MsgEnrolBenefitNotOpen})
}

func checkFields(t *testing.T, err error, fields map[string]string) {
	t.Helper()
	if fields == nil {
		if err != nil {
			t.Fatalf("unexpected %v", err)
		}
		return
	}
	e, ok := err.(*Error)
	if !ok || e.Code != EInvalid {
		t.Fatalf("got %v, want invalid", err)
	}
	if len(e.Fields) != len(fields) {
		t.Errorf("fields %+v, want %v", e.Fields, fields)
	}
	for f, msg := range fields {
		if got := e.FieldMessage(f); got != msg {
			t.Errorf("%s: %q, want %q", f, got, msg)
		}
	}
}

// TestEnrolmentBlock: who cannot enrol (001 «Personer, der ikke kan
// tilmeldes fra Jobnet») and "Jeg søger job som" first (003).
func TestEnrolmentBlock(t *testing.T) {
	today := MustDate("2026-11-02")
	in := func(kg int) []Forloeb {
		return []Forloeb{{Kontaktgruppe: kg, Period: Period{From: today.AddDays(-100)}}}
	}
	kok := []SoughtOccupation{{OccupationID: 1, Title: "Kok"}}
	tests := []struct {
		name     string
		f        EnrolmentFacts
		msg, fld string
	}{
		{"OK", EnrolmentFacts{DanishAddress: true, Occupations: kok}, "", ""},
		{"OKDagpengeMatch1", EnrolmentFacts{Forloeb: in(1), Matchgruppe: 1, DanishAddress: true, Occupations: kok}, "", ""},
		{"OKUdenYdelseMatch2", EnrolmentFacts{Forloeb: in(8), Matchgruppe: 2, DanishAddress: true, Occupations: kok}, "", ""},
		{"OKFleksjobMatch2IsNotMatch1Rule", EnrolmentFacts{Forloeb: in(KontaktgruppeFleksjob), Matchgruppe: 0, DanishAddress: true, Occupations: kok}, "", ""},
		{"ErrAlready", EnrolmentFacts{Enrolled: true, DanishAddress: true, Occupations: kok}, MsgEnrolAlready, ""},
		{"ErrNoAddress", EnrolmentFacts{DanishAddress: false, Occupations: kok}, MsgEnrolNoAddress, ""},
		{"ErrYdelseMatch2", EnrolmentFacts{Forloeb: in(2), Matchgruppe: 2, DanishAddress: true, Occupations: kok}, MsgEnrolNotToBeEnrolled, ""},
		{"ErrYdelseMatch3", EnrolmentFacts{Forloeb: in(3), Matchgruppe: 3, DanishAddress: true, Occupations: kok}, MsgEnrolNotToBeEnrolled, ""},
		{"ErrFleksjobMatch1", EnrolmentFacts{Forloeb: in(KontaktgruppeFleksjob), Matchgruppe: 1, DanishAddress: true, Occupations: kok}, MsgEnrolNotToBeEnrolled, ""},
		{"ErrRevalidendMatch1", EnrolmentFacts{Forloeb: in(11), Matchgruppe: 1, DanishAddress: true, Occupations: kok}, MsgEnrolNotToBeEnrolled, ""},
		{"OKEndedForloebMatch2", EnrolmentFacts{Forloeb: []Forloeb{{Kontaktgruppe: 2, Period: Period{From: today.AddDays(-100), To: today.AddDays(-1)}}},
			Matchgruppe: 2, DanishAddress: true, Occupations: kok}, "", ""},
		{"ErrNoOccupation", EnrolmentFacts{DanishAddress: true}, MsgEnrolNeedsOccupation, "occupation"},
		{"ErrDiscontinued", EnrolmentFacts{DanishAddress: true, Occupations: []SoughtOccupation{{Title: "Kok", Discontinued: true}}}, MsgEnrolDiscontinued, "occupation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.f.Today = today
			msg, fld := EnrolmentBlock(tt.f)
			if msg != tt.msg || fld != tt.fld {
				t.Errorf("got %q %q, want %q %q", msg, fld, tt.msg, tt.fld)
			}
		})
	}
}

// TestDeregisterRequestCheck: "Afmelding kan ske med afsæt i dags dato og
// maksimalt 30 dage frem" (003), on both sides of each edge.
func TestDeregisterRequestCheck(t *testing.T) {
	today := MustDate("2026-11-02")
	enrolled := MustDate("2026-09-01")
	tests := []struct {
		name   string
		in     DeregisterRequest
		from   Date
		fields map[string]string
	}{
		{"OKToday", DeregisterRequest{"arbejde", today}, enrolled, nil},
		{"OKDay30", DeregisterRequest{"andet", today.AddDays(30)}, enrolled, nil},
		{"ErrDay31", DeregisterRequest{"arbejde", today.AddDays(31)}, enrolled, map[string]string{FieldDeregisterFrom: MsgDeregisterFromRange}},
		{"ErrYesterday", DeregisterRequest{"arbejde", today.AddDays(-1)}, enrolled, map[string]string{FieldDeregisterFrom: MsgDeregisterFromRange}},
		{"ErrNoDate", DeregisterRequest{"arbejde", Date{}}, enrolled, map[string]string{FieldDeregisterFrom: MsgDeregisterFrom}},
		{"ErrNoReason", DeregisterRequest{"", today}, enrolled, map[string]string{FieldDeregisterReason: MsgDeregisterReason}},
		{"ErrUnknownReason", DeregisterRequest{"keder mig", today}, enrolled, map[string]string{FieldDeregisterReason: MsgDeregisterReason}},
		{"ErrSameDayAsEnrolment", DeregisterRequest{"arbejde", today}, today, map[string]string{FieldDeregisterFrom: MsgDeregisterSameDay}},
		{"OKDayAfterEnrolment", DeregisterRequest{"arbejde", today.AddDays(1)}, today, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFields(t, tt.in.Check(today, tt.from), tt.fields) })
	}
}

func TestCurrentEnrolment(t *testing.T) {
	today := MustDate("2026-11-02")
	e := func(id int64, st EnrolmentState, from, to string) Enrolment {
		en := Enrolment{ID: id, State: st, Period: Period{From: MustDate(from)}}
		if to != "" {
			en.Period.To = MustDate(to)
		}
		return en
	}
	tests := []struct {
		name string
		es   []Enrolment
		want int64
	}{
		{"None", nil, 0},
		{"Running", []Enrolment{e(2, EnrolmentEffective, "2026-10-01", "")}, 2},
		{"Awaiting", []Enrolment{e(3, EnrolmentAwaiting, "2026-11-01", "")}, 3},
		{"LapsedIsNot", []Enrolment{e(4, EnrolmentLapsed, "2026-10-20", "")}, 0},
		{"RejectedIsNot", []Enrolment{e(4, EnrolmentRejected, "2026-10-20", "")}, 0},
		{"PendingAfmeldingStillCurrent", []Enrolment{e(5, EnrolmentEffective, "2026-10-01", "2026-11-02")}, 5},
		{"EndedYesterday", []Enrolment{e(6, EnrolmentEffective, "2026-10-01", "2026-11-01")}, 0},
		{"LatestFirst", []Enrolment{e(8, EnrolmentEffective, "2026-10-15", ""), e(7, EnrolmentEffective, "2026-01-01", "2026-10-14")}, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := CurrentEnrolment(tt.es, today)
			if ok != (tt.want != 0) || got.ID != tt.want {
				t.Errorf("got %d %v, want %d", got.ID, ok, tt.want)
			}
		})
	}
}

func TestCheckReceiptText(t *testing.T) {
	long := make([]rune, EnrolmentReceiptTextMax)
	for i := range long {
		long[i] = 'æ' // counted as characters, not bytes
	}
	if err := CheckReceiptText(string(long)); err != nil {
		t.Errorf("1500 characters: %v", err)
	}
	if err := CheckReceiptText(string(long) + "x"); ErrorCodeOf(err) != EInvalid {
		t.Errorf("1501 characters: %v", err)
	}
	if err := CheckReceiptText("  "); ErrorCodeOf(err) != EInvalid {
		t.Errorf("blank: %v", err)
	}
}

// TestReceiptLines: each benefit's receipt (001): dagpenge's Husk,
// uden ydelse's a-kasse, kontanthjælp's førstkommende åbningsdag, the
// dimittend mark.
func TestReceiptLines(t *testing.T) {
	has := func(lines []string, sub string) bool {
		for _, l := range lines {
			if len(l) >= len(sub) && containsStr(l, sub) {
				return true
			}
		}
		return false
	}
	if l := ReceiptLines(BenefitDagpenge, false); !has(l, "Husk: Du skal sende din ledighedserklæring") {
		t.Errorf("dagpenge %v", l)
	}
	if l := ReceiptLines(BenefitDagpenge, true); !has(l, "uden ydelse") || has(l, "ledighedserklæring") {
		t.Errorf("dagpenge uden ydelse %v", l)
	}
	if l := ReceiptLines(BenefitKontanthjaelp, false); !has(l, "førstkommende åbningsdag") || !has(l, "6 dage") {
		t.Errorf("kontanthjælp %v", l)
	}
	if l := ReceiptLines(BenefitDimittend, true); !has(l, "dimittend") || !has(l, "skifter automatisk til dagpenge") {
		t.Errorf("dimittend %v", l)
	}
	if l := ReceiptLines(BenefitIngen, true); !has(l, "uden ydelse") || !has(l, "ikke møde i jobcentret") {
		t.Errorf("ingen %v", l)
	}
}

func containsStr(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// TestProjectEnrolmentPageForAKasse: the a-kasse sees a dagpenge or
// dimittend enrolment only, never the receipt nor why the citizen cannot
// enrol (000 5.5, SPEC K1).
func TestProjectEnrolmentPageForAKasse(t *testing.T) {
	today := MustDate("2026-11-02")
	for _, tt := range []struct {
		benefit Benefit
		shown   bool
	}{{BenefitDagpenge, true}, {BenefitDimittend, true}, {BenefitKontanthjaelp, false}, {BenefitIngen, false}} {
		t.Run(string(tt.benefit), func(t *testing.T) {
			p := EnrolmentPage{Today: today, Status: EnrolmentTilmeldt, Blocked: MsgEnrolNotToBeEnrolled,
				Current:        &Enrolment{ID: 7, Benefit: tt.benefit, State: EnrolmentEffective, RegisteredBy: RegisteredByCitizen},
				Receipt:        &EnrolmentReceipt{JobcenterText: "Informationsmøde"},
				DeregisterFrom: today.AddDays(3), Straksbooking: true}
			a := ProjectEnrolmentPageForAKasse(p)
			if (a.Current != nil) != tt.shown || (!a.DeregisterFrom.IsZero()) != tt.shown {
				t.Errorf("current %+v, deregister %v", a.Current, a.DeregisterFrom)
			}
			if a.Status != EnrolmentTilmeldt {
				t.Errorf("status %q", a.Status)
			}
		})
	}
}
