package shared

import "testing"

func TestJobSearchSummary(t *testing.T) {
	labels := map[string]string{"omraade/fyn": "Fyn", "arbejdsomraade/5120": "Kokke"}
	label := func(param, value string) string { return labels[param+"/"+value] }
	tests := []struct {
		name string
		q    JobSearch
		want string
	}{
		{"AllJobs", JobSearch{}, "Alle job"},
		{"Text", JobSearch{Q: "kok"}, "kok"},
		{"Everything", JobSearch{Q: "kok", Areas: []string{"fyn"}, Postcode: "5000", Km: 10, Disco: []string{"5120"},
			Terms: []string{"fleksjob"}, Hotjob: true, Durations: []string{"fast"}, WorkingTimes: []string{"deltid"}, HoursMin: 15},
			"kok · Fyn · 5000, 10 km · Kokke · Fleksjob · Hotjob · Fast · Deltid · 15–37 timer"},
		{"UnknownLabel", JobSearch{Kommuner: []string{"0461"}, Abroad: true}, "0461 · Udlandet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.q.Summary(label); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	long := JobSearch{Q: string(make([]rune, 150))}
	if n := len([]rune(long.Summary(nil))); n != MaxSearchNameChars {
		t.Errorf("a long summary has %d characters", n)
	}
}

func TestSavedSearchInputCheck(t *testing.T) {
	tests := []struct {
		name, field string
		in          SavedSearchInput
		want        SavedSearchInput
	}{
		{"OK", "", SavedSearchInput{Name: " Kok  på Fyn ", Query: "omraade=fyn&q=kok&side=4&visning=kort&fra=menu"},
			SavedSearchInput{Name: "Kok på Fyn", Query: "omraade=fyn&q=kok&v=1"}},
		{"OKEmptyQuery", "", SavedSearchInput{Name: "Alle"}, SavedSearchInput{Name: "Alle", Query: "v=1"}},
		{"ErrNoName", "name", SavedSearchInput{Name: "  ", Query: "q=kok"}, SavedSearchInput{}},
		{"ErrBadQuery", "query", SavedSearchInput{Name: "x", Query: "km=5"}, SavedSearchInput{}},
		{"ErrNotAQuery", "query", SavedSearchInput{Name: "x", Query: "%zz"}, SavedSearchInput{}},
		{"ErrWIDK", "query", SavedSearchInput{Name: "x", Query: "WIDK=true"}, SavedSearchInput{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.in.Check()
			if tt.field == "" {
				if err != nil || got != tt.want {
					t.Errorf("got %+v, %v; want %+v", got, err, tt.want)
				}
				return
			}
			if e, ok := err.(*Error); !ok || e.Code != EInvalid || e.FieldMessage(tt.field) == "" {
				t.Errorf("want a message at %s: %v", tt.field, err)
			}
		})
	}
}
