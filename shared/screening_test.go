package shared

import (
	"reflect"
	"slices"
	"testing"
	"time"
)

func TestScreeningAnswerCheck(t *testing.T) {
	qs := ScreeningSet(ScreeningDagpenge)
	tests := []struct {
		name string
		edit func(a map[string][]string)
		want map[string]string
	}{
		{"OK", func(a map[string][]string) {}, nil},
		{"OKOneOfSeveral", func(a map[string][]string) { a["hvordan-soeger"] = []string{"hvordan-soeger-g"} }, nil},
		{"ErrSingleUnanswered", func(a map[string][]string) { delete(a, "opsagt") },
			map[string]string{"answers.opsagt": MsgScreeningChooseOne}},
		{"ErrSingleEmpty", func(a map[string][]string) { a["uddannelse"] = nil },
			map[string]string{"answers.uddannelse": MsgScreeningChooseOne}},
		{"ErrMultipleUnanswered", func(a map[string][]string) { a["hvordan-soeger"] = []string{} },
			map[string]string{"answers.hvordan-soeger": MsgScreeningChooseSome}},
		{"ErrTwoForSingle", func(a map[string][]string) { a["hvor-hurtigt"] = []string{"hvor-hurtigt-a", "hvor-hurtigt-b"} },
			map[string]string{"answers.hvor-hurtigt": MsgScreeningOnlyOne}},
		{"ErrOptionOfAnotherQuestion", func(a map[string][]string) { a["opsagt"] = []string{"uddannelse-a"} },
			map[string]string{"answers.opsagt": MsgScreeningNoOption}},
		{"ErrUnknownOption", func(a map[string][]string) { a["hvordan-soeger"] = []string{"hvordan-soeger-a", "x"} },
			map[string]string{"answers.hvordan-soeger": MsgScreeningNoOption}},
		{"ErrSameOptionTwice", func(a map[string][]string) { a["hvordan-soeger"] = []string{"hvordan-soeger-a", "hvordan-soeger-a"} },
			map[string]string{"answers.hvordan-soeger": MsgScreeningNoOption}},
		{"ErrUnknownQuestion", func(a map[string][]string) { a["alder"] = []string{"x"} },
			map[string]string{"answers.alder": MsgScreeningNoQuestion}},
		{"ErrAllUnanswered", func(a map[string][]string) { clear(a) }, func() map[string]string {
			m := map[string]string{}
			for _, q := range qs {
				m["answers."+q.ID] = MsgScreeningChooseOne
			}
			m["answers.hvordan-soeger"] = MsgScreeningChooseSome
			return m
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ScreeningSourceAnswers()
			tt.edit(a)
			err := ScreeningAnswerInput{ScreeningID: 1, Answers: a}.Check(qs)
			if got := fieldMessages(err); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if tt.want != nil && ErrorCodeOf(err) != EInvalid {
				t.Errorf("code %s, want %s", ErrorCodeOf(err), EInvalid)
			}
		})
	}
	t.Run("OptionalQuestionMayBeLeft", func(t *testing.T) {
		qs := ScreeningSet(ScreeningKontanthjaelp)
		qs[0].Required = false
		a := ScreeningSourceAnswers()
		delete(a, "opsagt")
		delete(a, "vidst-ledig")
		delete(a, qs[0].ID)
		if err := (ScreeningAnswerInput{ScreeningID: 1, Answers: a}).Check(qs); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrNoScreening", func(t *testing.T) {
		err := ScreeningAnswerInput{Answers: ScreeningSourceAnswers()}.Check(qs)
		if got := fieldMessages(err); got["screening_id"] == "" {
			t.Errorf("got %v, want a message at screening_id", got)
		}
	})
}

// fieldMessages is err's message per field; nil without an error.
func fieldMessages(err error) map[string]string {
	if err == nil {
		return nil
	}
	e, ok := err.(*Error)
	if !ok {
		return map[string]string{"": err.Error()}
	}
	m := map[string]string{}
	for _, f := range e.Fields {
		m[f.Field] = f.Message
	}
	return m
}

func TestScreeningQuestionsCheck(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(qs []ScreeningQuestion) []ScreeningQuestion
		field string
	}{
		{"OKDagpenge", func(qs []ScreeningQuestion) []ScreeningQuestion { return qs }, ""},
		{"OKKontanthjaelp", func([]ScreeningQuestion) []ScreeningQuestion { return ScreeningSet(ScreeningKontanthjaelp) }, ""},
		{"ErrNone", func([]ScreeningQuestion) []ScreeningQuestion { return nil }, "questions"},
		{"ErrSameIDTwice", func(qs []ScreeningQuestion) []ScreeningQuestion { return append(qs, qs[0]) }, "questions"},
		{"ErrNoText", func(qs []ScreeningQuestion) []ScreeningQuestion { qs[1].Text = ""; return qs }, "questions[1].text"},
		{"ErrOneOption", func(qs []ScreeningQuestion) []ScreeningQuestion { qs[2].Options = qs[2].Options[:1]; return qs }, "questions[2].options"},
		{"ErrOptionIDTwice", func(qs []ScreeningQuestion) []ScreeningQuestion {
			qs[0].Options[1].ID = qs[0].Options[0].ID
			return qs
		}, "questions[0].options"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ScreeningQuestions{Questions: tt.edit(ScreeningSet(ScreeningDagpenge))}.Check()
			got := fieldMessages(err)
			if tt.field == "" && err != nil || tt.field != "" && got[tt.field] == "" {
				t.Errorf("got %v, want a message at %q", got, tt.field)
			}
		})
	}
}

// TestScreeningSetsHoldTheSource: the dagpenge set asks the eight
// questions of 000_…txt Billede 11 in its order, and the source's answers
// are options of it.
func TestScreeningSetsHoldTheSource(t *testing.T) {
	source := map[string]string{
		"Hvad er den højeste uddannelse, du har gennemført?":                                     "TAMU, produktionsskole, kombinationsprojekt",
		"Hvor hurtigt tror du, at du får et arbejde?":                                            "Inden for 6 måneder",
		"Er du blevet opsagt, eller har du selv sagt op, fra dit tidligere arbejde?":             "Jeg er blevet opsagt",
		"Hvor længe har du vidst, at du ville blive ledig?":                                      "Jeg har vidst det i mindre end en uge",
		"Hvor mange job har du søgt, fra du vidste, at du blev ledig til nu?":                    "Jeg har søgt 1 job",
		"Hvordan vurderer du dine jobmuligheder er inden for de områder, hvor du søger arbejde?": "Mine jobmuligheder er gode",
		"Ved du hvilket arbejde, du gerne vil have?":                                             "Jeg har en idé om hvilke type arbejde, jeg gerne vil have",
		"Hvordan søger du/planlægger du at søge arbejde?":                                        "Svarer på annoncer i aviser, blade, internet, mv.",
	}
	qs := ScreeningSet(ScreeningDagpenge)
	if len(qs) != 8 {
		t.Fatalf("%d questions, the source has 8", len(qs))
	}
	s := Screening{Questions: qs, Answers: ScreeningSourceAnswers()}
	for _, q := range qs {
		want, ok := source[q.Text]
		if !ok {
			t.Errorf("question %q is not the source's", q.Text)
			continue
		}
		if got := s.ChosenTexts(q); len(got) == 0 || got[0] != want {
			t.Errorf("%s: the source's answers give %q, want %q first", q.ID, got, want)
		}
	}
	if got := s.ChosenTexts(qs[7]); len(got) != 4 || !qs[7].Multiple {
		t.Errorf("question 8 takes several answers, the source shows four: %q", got)
	}
	kh := ScreeningSet(ScreeningKontanthjaelp)
	for _, q := range kh {
		if !slices.ContainsFunc(qs, func(d ScreeningQuestion) bool { return reflect.DeepEqual(d, q) }) {
			t.Errorf("kontanthjælp question %s is not one of the dagpenge set's", q.ID)
		}
	}
	kh[0].Options[0].Text = "changed"
	if ScreeningSet(ScreeningKontanthjaelp)[0].Options[0].Text == "changed" {
		t.Error("ScreeningSet hands out its own data")
	}
}

// TestScreeningShown: the answer is shown through the 90th day after the
// day of the answer (003: "vises på Jobnet i 90 dage efter besvarelsen").
func TestScreeningShown(t *testing.T) {
	answered := time.Date(2027, 1, 5, 23, 30, 0, 0, time.UTC)
	day := DateOf(answered)
	tests := []struct {
		name     string
		answered *time.Time
		today    Date
		want     bool
	}{
		{"Unanswered", nil, day.AddDays(1000), true},
		{"Day0", &answered, day, true},
		{"Day89", &answered, day.AddDays(89), true},
		{"Day90", &answered, day.AddDays(90), true},
		{"Day91", &answered, day.AddDays(91), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (Screening{Answered: tt.answered}).Shown(tt.today); got != tt.want {
				t.Errorf("Shown(%s) = %v, want %v", tt.today, got, tt.want)
			}
		})
	}
	if got, want := ScreeningShownUntil(answered), MustDate("2027-04-05"); got != want {
		t.Errorf("ShownUntil = %s, want %s", got, want)
	}
}

// TestAKasseScreeningOf is the a-kasse's rule (000_…txt 4.6): the current
// dagpenge screening only.
func TestAKasseScreeningOf(t *testing.T) {
	today := MustDate("2027-01-05")
	at := func(d Date) time.Time { return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC) }
	answered := at(today.AddDays(-3))
	old := at(today.AddDays(-95))
	dagpengeNow := []Forloeb{{Kontaktgruppe: 2, Period: Period{From: today.AddDays(-400), To: today.AddDays(-61)}},
		{Kontaktgruppe: 1, Period: Period{From: today.AddDays(-60)}}}
	kontanthjaelpNow := []Forloeb{{Kontaktgruppe: 1, Period: Period{From: today.AddDays(-400), To: today.AddDays(-61)}},
		{Kontaktgruppe: 2, Period: Period{From: today.AddDays(-60)}}}
	dimittendNow := []Forloeb{{Kontaktgruppe: 8, Tilmeldekategori: TilmeldekategoriDimittend, Period: Period{From: today.AddDays(-60)}}}
	s := func(kind ScreeningKind, published Date, answered *time.Time) *Screening {
		return &Screening{ID: 7, Kind: kind, Published: at(published), Questions: ScreeningSet(kind), Answered: answered,
			Answers: ScreeningSourceAnswers()}
	}
	tests := []struct {
		name    string
		s       *Screening
		forloeb []Forloeb
		want    bool
	}{
		{"None", nil, dagpengeNow, false},
		{"DagpengeAnswered", s(ScreeningDagpenge, today.AddDays(-10), &answered), dagpengeNow, true},
		{"DagpengeUnanswered", s(ScreeningDagpenge, today.AddDays(-1), nil), dagpengeNow, true},
		{"DagpengeForDimittend", s(ScreeningDagpenge, today.AddDays(-10), &answered), dimittendNow, true},
		{"KontanthjaelpAnsweredInDagpengeForloeb", s(ScreeningKontanthjaelp, today.AddDays(-10), &answered), dagpengeNow, false},
		// The member was a kontanthjælpsmodtager when it was answered.
		{"KontanthjaelpFromEarlierForloeb", s(ScreeningKontanthjaelp, today.AddDays(-70), &answered), dagpengeNow, false},
		{"DagpengeFromEarlierForloeb", s(ScreeningDagpenge, today.AddDays(-70), &answered), dagpengeNow, false},
		{"DagpengeWhileKontanthjaelpNow", s(ScreeningDagpenge, today.AddDays(-10), &answered), kontanthjaelpNow, false},
		{"DagpengeAfter90Days", s(ScreeningDagpenge, today.AddDays(-50), &old), dagpengeNow, false},
		{"NoForloebToday", s(ScreeningDagpenge, today.AddDays(-10), &answered), nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AKasseScreeningOf(tt.s, tt.forloeb, today)
			if (got != nil) != tt.want {
				t.Fatalf("got %v, want shown %v", got != nil, tt.want)
			}
			if got != nil && !reflect.DeepEqual(Screening(*got), *tt.s) {
				t.Errorf("the a-kasse's screening differs from the citizen's: %+v", got)
			}
			full := ScreeningPage{Screening: tt.s, Name: "N", CPR: "120385-XXXX"}
			if tt.s != nil && tt.s.Answered != nil {
				full.ShownUntil = ScreeningShownUntil(*tt.s.Answered)
			}
			page := ProjectScreeningPage(full, tt.forloeb, today)
			if (page.Screening != nil) != tt.want || (!page.ShownUntil.IsZero()) != (tt.want && tt.s.Answered != nil) {
				t.Errorf("page %+v", page)
			}
		})
	}
}

func TestMaskCPR(t *testing.T) {
	if got := MaskCPR("041091-1234"); got != "041091-XXXX" {
		t.Errorf("got %q", got)
	}
}

func TestAKasseFeaturesKeepOnlyDagpengeScreening(t *testing.T) {
	for kind, want := range map[ScreeningKind]ScreeningKind{ScreeningDagpenge: ScreeningDagpenge, ScreeningKontanthjaelp: "", "": ""} {
		if got := projectFeatures(Features{Forberedelsesskema: kind}).Forberedelsesskema; got != want {
			t.Errorf("%q: got %q, want %q", kind, got, want)
		}
	}
}
