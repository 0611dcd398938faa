package shared

import (
	"strings"
	"testing"
)

func TestEducationAnswerCheck(t *testing.T) {
	order := func(step int) *EducationOrder {
		return &EducationOrder{Step: step, Deadline: MustDate("2026-12-06"), Caseworker: "Nina Pettersen", Places: []string{"EUC Lillebælt", "VUC Vestsjælland-Syd"}}
	}
	tests := []struct {
		name  string
		order *EducationOrder
		in    EducationAnswer
		code  ErrorCode
		field string
		msg   string
	}{
		{"SaveEmptyStep1", order(1), EducationAnswer{Step: 1}, "", "", ""},
		{"SendWishes", order(1), EducationAnswer{Step: 1, Wishes: []EducationWish{{"Tømrer"}, {"Smed"}}, Send: true}, "", "", ""},
		{"ErrSendNoWishes", order(1), EducationAnswer{Step: 1, Send: true}, EInvalid, "wishes", "Tilføj mindst ét uddannelsesønske, før du sender til din sagsbehandler."},
		{"ErrEmptyWish", order(1), EducationAnswer{Step: 1, Wishes: []EducationWish{{"Tømrer"}, {""}}}, EInvalid, "wishes[1].title", "Feltet skal udfyldes."},
		{"ErrTooManyWishes", order(1), EducationAnswer{Step: 1, Wishes: make([]EducationWish, EducationMaxWishes+1)}, EInvalid, "wishes", "Må højst være 10."},
		{"ErrReasonLong", order(2), EducationAnswer{Step: 2, Reason: strings.Repeat("å", 2001)}, EInvalid, "reason", "Må højst være 2000 tegn."},
		{"SendPlaces", order(2), EducationAnswer{Step: 2, Places: []EducationPlace{{Goal: "Tømrer", Name: "EUC Syd"}}, Send: true}, "", "", ""},
		{"ErrSendNoPlaces", order(2), EducationAnswer{Step: 2, Send: true}, EInvalid, "places", "Tilføj mindst ét uddannelsessted, før du sender til din sagsbehandler."},
		{"ErrStepChanged", order(3), EducationAnswer{Step: 2}, EConflict, "", ""},
		{"ErrNoOrder", nil, EducationAnswer{Step: 1}, EConflict, "", ""},
		{"ErrStep4", order(4), EducationAnswer{Step: 4}, EInvalid, "step", "Må højst være 3."},
		{"Applied", order(3), EducationAnswer{Step: 3, Places: []EducationPlace{{Name: "EUC Lillebælt", Applied: true, Answer: AnswerAdmitted}}, Send: true}, "", "", ""},
		{"ErrUnknownPlace", order(3), EducationAnswer{Step: 3, Places: []EducationPlace{{Name: "Et andet sted", Applied: true}}}, EInvalid, "places[0].name", "Uddannelsesstedet er ikke et af dem, I har aftalt."},
		{"ErrAnswerWithoutApplying", order(3), EducationAnswer{Step: 3, Places: []EducationPlace{{Name: "EUC Lillebælt", Answer: AnswerRejected}}}, EInvalid, "places[0].answer", "Du kan først have svar fra uddannelsesstedet, når du har sendt ansøgningen."},
		{"ErrUnknownAnswer", order(3), EducationAnswer{Step: 3, Places: []EducationPlace{{Name: "EUC Lillebælt", Answer: "måske"}}}, EInvalid, "places[0].answer", "Skal være en af: afventer, optaget, venteliste, afslag."},
		{"ErrSendNothingApplied", order(3), EducationAnswer{Step: 3, Places: []EducationPlace{{Name: "EUC Lillebælt"}}, Send: true}, EInvalid, "places", "Sæt hak ved mindst én ansøgning, du har sendt, før du sender til din sagsbehandler."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.in.Check(tt.order)
			if ErrorCodeOf(err) != tt.code && !(tt.code == "" && err == nil) {
				t.Fatalf("Check = %v (code %q), want code %q", err, ErrorCodeOf(err), tt.code)
			}
			if tt.field != "" {
				if got := err.(*Error).FieldMessage(tt.field); got != tt.msg {
					t.Errorf("message for %s = %q, want %q (all: %+v)", tt.field, got, tt.msg, err.(*Error).Fields)
				}
			}
		})
	}
}

func TestApplicationAnswerLabels(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range ApplicationAnswers {
		l := a.Label()
		if l == string(a) || seen[l] {
			t.Errorf("answer %q has no label of its own (%q)", a, l)
		}
		seen[l] = true
	}
}
