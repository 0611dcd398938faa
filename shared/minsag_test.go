package shared

import (
	"slices"
	"strings"
	"testing"
)

// TestRehabOutcomes: the six outcomes of 003 «Min sag til teamet», word
// for word, in its order: "almindelig indsats", "Ressourceforløb,
// Fleksjob, Førtidspension, Første jobafklaringsforløb eller Nyt
// jobafklaringsforløb".
func TestRehabOutcomes(t *testing.T) {
	want := []string{"Almindelig indsats", "Ressourceforløb", "Fleksjob", "Førtidspension", "Første jobafklaringsforløb", "Nyt jobafklaringsforløb"}
	var got []string
	for _, o := range RehabOutcomes() {
		got = append(got, o.Label())
		if o.Explanation() == "" {
			t.Errorf("%s has no explanation", o)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("labels %q, want %q", got, want)
	}
}

// TestRehabPlanFollows: "Indstilles borger til et ressourceforløb eller
// jobafklaringsforløb skal borgeren have en Min plan" [003].
func TestRehabPlanFollows(t *testing.T) {
	for _, tc := range []struct {
		o    RehabOutcome
		want bool
	}{
		{RehabAlmindeligIndsats, false},
		{RehabRessourceforloeb, true},
		{RehabFleksjob, false},
		{RehabFoertidspension, false},
		{RehabFoersteJobafklaring, true},
		{RehabNytJobafklaring, true},
	} {
		if got := tc.o.PlanFollows(); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.o, got, tc.want)
		}
		if strings.Contains(tc.o.Explanation(), "Min plan") != tc.want {
			t.Errorf("%s: the explanation's plan does not follow PlanFollows: %q", tc.o, tc.o.Explanation())
		}
	}
}

// TestMinSagItems: the points listed depend on the case's status [003].
func TestMinSagItems(t *testing.T) {
	anchors := func(items []MinSagItem) []string {
		var out []string
		for _, i := range items {
			out = append(out, i.Anchor)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		c    RehabCase
		want []string
		edit bool
	}{
		{"Forberedelse", RehabCase{}, []string{MinSagAnchorCV, MinSagAnchorSituation}, true},
		{"Indstillet", RehabCase{Recommendation: &RehabRecommendation{Outcome: RehabFleksjob}},
			[]string{MinSagAnchorIndstilling, MinSagAnchorCV, MinSagAnchorSituation}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := anchors(MinSagItems(tc.c.Status())); !slices.Equal(got, tc.want) {
				t.Errorf("items %q, want %q", got, tc.want)
			}
			if tc.c.MayEdit() != tc.edit {
				t.Errorf("MayEdit %v, want %v", tc.c.MayEdit(), tc.edit)
			}
		})
	}
}

func TestRehabCVCheck(t *testing.T) {
	long := strings.Repeat("æ", 2001)
	for _, tc := range []struct {
		name  string
		cv    RehabCV
		field string
		msg   string
	}{
		{"OK", RehabCV{Resources: "Jeg er god til at lave mad."}, "", ""},
		{"OKOneOfThree", RehabCV{Wishes: "Arbejde i et køkken"}, "", ""},
		{"OK2000Runes", RehabCV{Challenges: strings.Repeat("æ", 2000)}, "", ""},
		{"ErrEmpty", RehabCV{}, "resources", MsgRehabCVEmpty},
		{"ErrOnlySpaces", RehabCV{Resources: "  \r\n ", Wishes: "\t"}, "resources", MsgRehabCVEmpty},
		{"ErrTooLong", RehabCV{Resources: "ok", Challenges: long}, "challenges", "Må højst være 2000 tegn."},
		// Surrounding spaces are not counted.
		{"OKTrimmed", RehabCV{Wishes: "  " + strings.Repeat("a", 2000) + "\n\n"}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.cv.Check()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("unexpected %v", err)
				}
				return
			}
			if ErrorCodeOf(err) != EInvalid || fieldMessageOf(err, tc.field) != tc.msg {
				t.Errorf("got %v, want %q at %s", err, tc.msg, tc.field)
			}
		})
	}
}

func TestMinSituationCheck(t *testing.T) {
	all := func() map[string][]string {
		return map[string][]string{"helbred": {"helbred-b"}, "timer": {"timer-f"}, "fylder": {"fylder-a", "fylder-c"},
			"hjaelp": {"hjaelp-a"}, "fremtid": {"fremtid-d"}}
	}
	without := func(id string) map[string][]string { a := all(); delete(a, id); return a }
	with := func(id string, v ...string) map[string][]string { a := all(); a[id] = v; return a }
	for _, tc := range []struct {
		name  string
		in    MinSituation
		field string
		msg   string
	}{
		{"OK", MinSituation{Answers: all()}, "", ""},
		{"OKComment", MinSituation{Answers: all(), Comment: "Jeg har ondt i ryggen."}, "", ""},
		{"ErrMissingOne", MinSituation{Answers: without("helbred")}, "answers.helbred", MsgScreeningChooseOne},
		{"ErrMissingSome", MinSituation{Answers: without("fylder")}, "answers.fylder", MsgScreeningChooseSome},
		{"ErrTwoForOne", MinSituation{Answers: with("timer", "timer-a", "timer-b")}, "answers.timer", MsgScreeningOnlyOne},
		{"ErrUnknownOption", MinSituation{Answers: with("fremtid", "fremtid-z")}, "answers.fremtid", MsgScreeningNoOption},
		{"ErrUnknownQuestion", MinSituation{Answers: with("skonummer", "x")}, "answers.skonummer", MsgScreeningNoQuestion},
		{"ErrCommentTooLong", MinSituation{Answers: all(), Comment: strings.Repeat("x", 2001)}, "comment", "Må højst være 2000 tegn."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.in.Check()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("unexpected %v", err)
				}
				return
			}
			if ErrorCodeOf(err) != EInvalid || fieldMessageOf(err, tc.field) != tc.msg {
				t.Errorf("got %v, want %q at %s", err, tc.msg, tc.field)
			}
		})
	}
}

// TestMinSituationQuestions: every question required, ids unique, a set a
// case system could send (ScreeningQuestions.Check), and a fresh copy.
func TestMinSituationQuestions(t *testing.T) {
	qs := MinSituationQuestions()
	if err := (ScreeningQuestions{Questions: qs}).Check(); err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if !q.Required {
			t.Errorf("%s not required", q.ID)
		}
	}
	qs[0].Options[0].Text = "ændret"
	if MinSituationQuestions()[0].Options[0].Text == "ændret" {
		t.Error("the questions are shared, not copied")
	}
}

// TestAKasseNoMinSagFeature: the a-kasse's front page never says whether
// the member has a case (000 3: greyed out for it, whatever the case).
func TestAKasseNoMinSagFeature(t *testing.T) {
	if projectFeatures(Features{MinSag: true}).MinSag {
		t.Error("the a-kasse's features tell of a rehab case")
	}
	if _, ok := WithheldEntry(RoleAKasse, WithheldMinSag); !ok {
		t.Error("Min sag is not withheld from the a-kasse")
	}
}

// fieldMessageOf is the message at field of err's *Error, "" for none.
func fieldMessageOf(err error, field string) string {
	e, _ := err.(*Error)
	return e.FieldMessage(field)
}

// TestRehabCVEntries: Mit CV's jobs and education, in its order, with
// their periods; qualifications and untitled drafts left out.
func TestRehabCVEntries(t *testing.T) {
	entry := func(s CVSection, title, org, from, to string, ongoing bool) CVEntry {
		return CVEntry{CVEntryInput: CVEntryInput{Section: s, Title: title, Organisation: org, From: from, To: to, Ongoing: ongoing}}
	}
	cv := CV{
		Experience: []CVEntry{entry(CVExperience, "Kok", "Kantinen", "03/2015", "", true),
			entry(CVExperience, "Opvasker", "", "01/2010", "02/2015", false), entry(CVExperience, " ", "", "", "", false)},
		Education:      []CVEntry{entry(CVEducation, "Ernæringsassistent", "Hotel- og restaurantskolen", "2008", "", false)},
		Qualifications: []CVEntry{entry(CVQualification, "Truckcertifikat", "", "", "", false)},
	}
	want := []RehabCVEntry{
		{CVExperience, "Kok", "Kantinen", "03/2015 – nu"},
		{CVExperience, "Opvasker", "", "01/2010 – 02/2015"},
		{CVEducation, "Ernæringsassistent", "Hotel- og restaurantskolen", "2008"},
	}
	if got := RehabCVEntries(cv); !slices.Equal(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if got := RehabCVEntries(CV{}); got == nil || len(got) != 0 {
		t.Errorf("an empty CV: %#v, want an empty list", got)
	}
}
