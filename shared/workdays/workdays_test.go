package workdays

import (
	"testing"

	"jobnet/shared"
)

// TestOpen: the jobcentres' closed days, from rickar/cal's dk holidays and
// this project's decisions (Grundlovsdag, the two eves closed; store
// bededag a holiday until 2023).
func TestOpen(t *testing.T) {
	tests := []struct {
		day     string
		open    bool
		holiday string
	}{
		{"2026-11-02", true, ""},                       // a Monday
		{"2026-11-07", false, ""},                      // a Saturday
		{"2026-06-05", false, "Grundlovsdag"},          // decided: closed
		{"2026-12-24", false, "Juleaftensdag"},         // decided: closed
		{"2026-12-25", false, "Juledag"},               //
		{"2026-12-31", false, "Nytårsaftensdag"},       // decided: closed
		{"2027-01-01", false, "Nytårsdag"},             //
		{"2027-03-25", false, "Skærtorsdag"},           // Easter 2027 is 28 March
		{"2027-03-26", false, "Langfredag"},            //
		{"2027-03-29", false, "Anden påskedag"},        //
		{"2027-05-06", false, "Kristi Himmelfartsdag"}, //
		{"2027-05-17", false, "Anden Pinsedag"},        //
		{"2023-05-05", false, "Store bededag"},         // the last one
		{"2024-04-26", true, ""},                       // abolished from 2024
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			d := shared.MustDate(tt.day)
			if got := Open(d); got != tt.open {
				t.Errorf("Open = %v, want %v", got, tt.open)
			}
			if got := Holiday(d); got != tt.holiday {
				t.Errorf("Holiday = %q, want %q", got, tt.holiday)
			}
		})
	}
}

// TestKontanthjaelp: the 6 open days and the safety margin (001
// «Tilmelding»), across Easter, Christmas and Grundlovsdag.
func TestKontanthjaelp(t *testing.T) {
	tests := []struct {
		name, enrolled, on, by, lapses string
	}{
		{"OrdinaryWeek", "2026-11-02", "2026-11-03", "2026-11-10", "2026-11-12"},
		{"FridayEnrolment", "2026-11-06", "2026-11-09", "2026-11-16", "2026-11-18"},
		{"SundayEnrolment", "2026-11-08", "2026-11-09", "2026-11-16", "2026-11-18"},
		// Skærtorsdag, langfredag and 2. påskedag 2027 do not count.
		{"Easter", "2027-03-24", "2027-03-30", "2027-04-06", "2027-04-08"},
		// Juleaften, juledag, nytårsaften and nytårsdag do not count.
		{"Christmas", "2026-12-23", "2026-12-28", "2027-01-06", "2027-01-08"},
		// Grundlovsdag (Friday 5 June 2026) does not count.
		{"Grundlovsdag", "2026-06-04", "2026-06-08", "2026-06-15", "2026-06-17"},
		// Kristi himmelfart 2027 (Thursday 6 May).
		{"KristiHimmelfart", "2027-05-05", "2027-05-07", "2027-05-14", "2027-05-19"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			on, by, lapses := Kontanthjaelp(shared.MustDate(tt.enrolled))
			if on.String() != tt.on || by.String() != tt.by || lapses.String() != tt.lapses {
				t.Errorf("Kontanthjaelp(%s) = %s, %s, %s; want %s, %s, %s", tt.enrolled, on, by, lapses, tt.on, tt.by, tt.lapses)
			}
		})
	}
}
