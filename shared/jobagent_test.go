package shared

import "testing"

func TestJobAgentInputCheck(t *testing.T) {
	ok := JobAgentInput{Name: "Kok", Search: "q=kok&side=4&visning=kort&fra=jeg-soeger-job-som", Frequency: JobAgentDaily, Email: "mads@example.dk"}
	tests := []struct {
		name   string
		change func(*JobAgentInput)
		fields map[string]string // field → message; nil: valid
	}{
		{"OK", func(*JobAgentInput) {}, nil},
		{"ErrNoName", func(in *JobAgentInput) { in.Name = "  " }, map[string]string{"name": "Skriv et navn til jobagenten."}},
		{"ErrFrequency", func(in *JobAgentInput) { in.Frequency = "maanedlig" }, map[string]string{"frequency": "Vælg dagligt eller ugentligt."}},
		{"ErrEmail", func(in *JobAgentInput) { in.Email = "mads@example" }, map[string]string{"email": "Skriv en e-mailadresse som navn@eksempel.dk."}},
		{"ErrEmailWithName", func(in *JobAgentInput) { in.Email = "Mads <mads@example.dk>" }, map[string]string{"email": "Skriv en e-mailadresse som navn@eksempel.dk."}},
		{"ErrNoEmail", func(in *JobAgentInput) { in.Email = "" }, map[string]string{"email": "Skriv din e-mailadresse."}},
		{"ErrSearch", func(in *JobAgentInput) { in.Search = "postnr=12" }, map[string]string{"search": "Søgningen kunne ikke læses."}},
		{"ErrEnglish", func(in *JobAgentInput) { in.Search, in.Email, in.Name = "q=cook&WIDK=true", "x", "" }, map[string]string{
			"email": "Enter an e-mail address like name@example.com.", "name": "Give the job agent a name."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ok
			tt.change(&in)
			q, err := in.Check()
			if tt.fields == nil {
				if err != nil {
					t.Fatal(err)
				}
				if got := q.Query().Encode(); got != "q=kok&v=1" {
					t.Errorf("the search's one form: %q", got)
				}
				return
			}
			e, isErr := err.(*Error)
			if !isErr || e.Code != EInvalid || len(e.Fields) != len(tt.fields) {
				t.Fatalf("got %v", err)
			}
			for f, msg := range tt.fields {
				if got := e.FieldMessage(f); got != msg {
					t.Errorf("%s: %q, want %q", f, got, msg)
				}
			}
		})
	}
}

func TestJobAgentName(t *testing.T) {
	tests := []struct {
		q    JobSearch
		want string
	}{
		{JobSearch{}, "Alle job"},
		{JobSearch{WIDK: true}, "All jobs"},
		{JobSearch{Q: "kok"}, "kok"},
		{JobSearch{Q: "kok", Postcode: "8000", Km: 30}, "kok, 30 km fra 8000"},
		{JobSearch{Q: "cook", Postcode: "8000", Km: 30, WIDK: true}, "cook, 30 km from 8000"},
		{JobSearch{Areas: []string{"fyn"}, Hotjob: true}, "2 filtre"},
	}
	for _, tt := range tests {
		if got := JobAgentName(tt.q); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.q, got, tt.want)
		}
	}
}
