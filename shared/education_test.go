package shared

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
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
		send  bool
	}{
		{"SaveEmptyStep1", order(1), EducationAnswer{Step: 1}, "", "", "", false},
		{"SendWishes", order(1), EducationAnswer{Step: 1, Wishes: []EducationWish{{"Tømrer"}, {"Smed"}}}, "", "", "", true},
		{"ErrSendNoWishes", order(1), EducationAnswer{Step: 1}, EInvalid, "wishes", "Tilføj mindst ét uddannelsesønske, før du sender til din sagsbehandler.", true},
		{"ErrEmptyWish", order(1), EducationAnswer{Step: 1, Wishes: []EducationWish{{"Tømrer"}, {""}}}, EInvalid, "wishes[1].title", "Feltet skal udfyldes.", false},
		{"ErrTooManyWishes", order(1), EducationAnswer{Step: 1, Wishes: make([]EducationWish, EducationMaxWishes+1)}, EInvalid, "wishes", "Må højst være 10.", false},
		{"ErrReasonLong", order(2), EducationAnswer{Step: 2, Reason: strings.Repeat("å", 2001)}, EInvalid, "reason", "Må højst være 2000 tegn.", false},
		{"SendPlaces", order(2), EducationAnswer{Step: 2, Places: []EducationPlace{{Goal: "Tømrer", Name: "EUC Syd"}}}, "", "", "", true},
		{"ErrSendNoPlaces", order(2), EducationAnswer{Step: 2}, EInvalid, "places", "Tilføj mindst ét uddannelsessted, før du sender til din sagsbehandler.", true},
		{"ErrStepChanged", order(3), EducationAnswer{Step: 2}, EConflict, "", "", false},
		{"ErrNoOrder", nil, EducationAnswer{Step: 1}, EConflict, "", "", false},
		{"ErrStep4", order(4), EducationAnswer{Step: 4}, EInvalid, "step", "Må højst være 3.", false},
		{"Applied", order(3), EducationAnswer{Step: 3, Places: []EducationPlace{{Name: "EUC Lillebælt", Applied: true, Answer: AnswerAdmitted}}}, "", "", "", true},
		{"ErrUnknownPlace", order(3), EducationAnswer{Step: 3, Places: []EducationPlace{{Name: "Et andet sted", Applied: true}}}, EInvalid, "places[0].name", "Uddannelsesstedet er ikke et af dem, I har aftalt.", false},
		{"ErrAnswerWithoutApplying", order(3), EducationAnswer{Step: 3, Places: []EducationPlace{{Name: "EUC Lillebælt", Answer: AnswerRejected}}}, EInvalid, "places[0].answer", "Du kan først have svar fra uddannelsesstedet, når du har sendt ansøgningen.", false},
		{"ErrUnknownAnswer", order(3), EducationAnswer{Step: 3, Places: []EducationPlace{{Name: "EUC Lillebælt", Answer: "måske"}}}, EInvalid, "places[0].answer", "Skal være en af: afventer, optaget, venteliste, afslag.", false},
		{"ErrPlacesInStep1", order(1), EducationAnswer{Step: 1, Places: []EducationPlace{{Name: "EUC Syd"}}}, EInvalid, "places", "Hører ikke til dette trin af dit uddannelsespålæg.", false},
		{"ErrWishesInStep3", order(3), EducationAnswer{Step: 3, Wishes: []EducationWish{{"Tømrer"}}}, EInvalid, "wishes", "Hører ikke til dette trin af dit uddannelsespålæg.", false},
		{"ErrReasonInStep3", order(3), EducationAnswer{Step: 3, Reason: "fordi"}, EInvalid, "reason", "Hører ikke til dette trin af dit uddannelsespålæg.", false},
		{"ErrUnknownGoal", order(2), EducationAnswer{Step: 2, Places: []EducationPlace{{Goal: "Pilot", Name: "Flyskolen"}}}, EInvalid, "places[0].goal", "Uddannelsesmålet er ikke et af dine uddannelsesmål.", false},
		{"ErrAppliedInStep2", order(2), EducationAnswer{Step: 2, Places: []EducationPlace{{Goal: "Smed", Name: "EUC Syd", Applied: true}}}, EInvalid, "places[0].answer", "Hører ikke til dette trin af dit uddannelsespålæg.", false},
		{"ErrSendNothingApplied", order(3), EducationAnswer{Step: 3, Places: []EducationPlace{{Name: "EUC Lillebælt"}}}, EInvalid, "places", "Sæt hak ved mindst én ansøgning, du har sendt, før du sender til din sagsbehandler.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.in.Check(tt.order, []EducationGoal{{Title: "Tømrer"}, {Title: "Smed"}}, tt.send)
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

func TestProjectEducationForAKasse(t *testing.T) {
	sent := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	draft := EducationAnswer{Step: 2, Reason: "UDKAST"}
	tests := []struct {
		name string
		in   *EducationState
		want *AKasseEducation
	}{
		{"Nothing", nil, nil},
		{"DraftOnly", &EducationState{Answer: draft, SavedAt: sent}, nil},
		{"SentThenDraft", &EducationState{Answer: draft, SavedAt: sent.Add(time.Hour), Sent: &EducationAnswer{Step: 2, Reason: "SENDT"}, SentAt: &sent},
			&AKasseEducation{Sent: &AKasseEducationAnswer{Step: 2, Reason: "SENDT"}, SentAt: &sent}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := projectEducation(tt.in)
			b, _ := json.Marshal(got)
			if strings.Contains(string(b), "UDKAST") {
				t.Errorf("the a-kasse gets the draft: %s", b)
			}
			if (got == nil) != (tt.want == nil) || (got != nil && got.Sent.Reason != tt.want.Sent.Reason) {
				t.Errorf("got %s, want %+v", b, tt.want)
			}
		})
	}
	if s := (EducationState{SavedAt: sent}); !s.Unsent() {
		t.Error("never sent, yet not unsent")
	}
	if s := (EducationState{SavedAt: sent, SentAt: &sent}); s.Unsent() {
		t.Error("sent as saved, yet unsent")
	}
}
