package storage_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"jobnet/shared"
)

// Occupations of the taxonomy's data the tests choose.
const (
	occKok             = 581 // aliases Fiskekok, Restaurantkok, …
	occKontorassistent = 530 // alias Kontorfunktionær
	occRoerlaegger     = 708
)

func yes() *bool     { v := true; return &v }
func num(n int) *int { return &n }

// fieldError is the code of err and its message at field.
func fieldError(err error, field string) (shared.ErrorCode, string) {
	e, _ := err.(*shared.Error)
	return shared.ErrorCodeOf(err), e.FieldMessage(field)
}

// The list: by title and by alias, each occupation once, only live
// occupations and their own aliases, at most 20; changed, removed, and the
// last one kept when the citizen must.
func TestSoughtOccupations(t *testing.T) {
	ctx := context.Background()
	_, c := oneCitizen(t)
	add := func(in shared.SoughtOccupationInput, at time.Time) error { return c.AddSoughtOccupation(ctx, in, at) }

	if err := add(shared.SoughtOccupationInput{OccupationID: occKontorassistent, Alias: "kontorfunktionær", Educated: yes(),
		ExperienceYears: num(12), ExperienceMonths: num(3), LastWorked: num(2008)}, now); err != nil {
		t.Fatal(err)
	}
	if err := add(shared.SoughtOccupationInput{OccupationID: occRoerlaegger, Educated: new(bool)}, now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	js, err := c.JobSeeking(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []shared.SoughtOccupation{
		{OccupationID: occKontorassistent, Title: "Kontorassistent", Alias: "Kontorfunktionær", Educated: true,
			Experience: &shared.Experience{Years: 12, Months: 3, LastWorked: 2008}, Added: now},
		{OccupationID: occRoerlaegger, Title: "Rørlægger", Added: now.Add(time.Minute)},
	}
	for i := range js.Occupations {
		js.Occupations[i].Added = js.Occupations[i].Added.UTC()
	}
	if !reflect.DeepEqual(js.Occupations, want) {
		t.Fatalf("read back\n %+v\nwant\n %+v", js.Occupations, want)
	}
	if got := js.Occupations[0].Label(); got != "Kontorassistent (kontorfunktionær)" {
		t.Errorf("label %q", got)
	}

	refused := []struct {
		name, field, msg string
		code             shared.ErrorCode
		in               shared.SoughtOccupationInput
	}{
		{"ErrTwice", shared.FieldOccupation, "Du har allerede valgt Rørlægger. En stilling kan kun vælges én gang.", shared.EInvalid,
			shared.SoughtOccupationInput{OccupationID: occRoerlaegger, Educated: yes()}},
		// Kontorassistent is chosen by its alias: its title is taken too.
		{"ErrTwiceByTitleAfterAlias", shared.FieldOccupation, "Du har allerede valgt Kontorassistent. En stilling kan kun vælges én gang.", shared.EInvalid,
			shared.SoughtOccupationInput{OccupationID: occKontorassistent, Educated: yes()}},
		{"ErrTwiceByAnotherAlias", shared.FieldOccupation, "Du har allerede valgt Kontorassistent. En stilling kan kun vælges én gang.", shared.EInvalid,
			shared.SoughtOccupationInput{OccupationID: occKontorassistent, Alias: "Kontormedarbejder", Educated: yes()}},
		{"ErrUnknown", shared.FieldOccupation, "Stillingen findes ikke. Vælg en stilling på listen med forslag.", shared.EInvalid,
			shared.SoughtOccupationInput{OccupationID: 999999, Educated: yes()}},
		{"ErrAliasOfAnother", shared.FieldOccupation, "Stillingen findes ikke. Vælg en stilling på listen med forslag.", shared.EInvalid,
			shared.SoughtOccupationInput{OccupationID: occKok, Alias: "Kontorfunktionær", Educated: yes()}},
		{"ErrUnchecked", shared.FieldEducated, "Svar ja eller nej.", shared.EInvalid,
			shared.SoughtOccupationInput{OccupationID: occKok}},
	}
	for _, tt := range refused {
		code, msg := fieldError(add(tt.in, now), tt.field)
		if code != tt.code || msg != tt.msg {
			t.Errorf("%s: %s %q, want %s %q", tt.name, code, msg, tt.code, tt.msg)
		}
	}

	// Changed: the details only.
	if err := c.UpdateSoughtOccupation(ctx, occRoerlaegger, shared.SoughtOccupationInput{Educated: yes(), ExperienceYears: num(4), LastWorked: num(2026)}, now); err != nil {
		t.Fatal(err)
	}
	if err := c.UpdateSoughtOccupation(ctx, occKok, shared.SoughtOccupationInput{Educated: yes()}, now); shared.ErrorCodeOf(err) != shared.ENotFound {
		t.Errorf("changing one not on the list: %v", err)
	}
	if code, msg := fieldError(c.UpdateSoughtOccupation(ctx, occRoerlaegger, shared.SoughtOccupationInput{Educated: yes(), ExperienceYears: num(4)}, now),
		shared.FieldLastWorked); code != shared.EInvalid || msg == "" {
		t.Errorf("years without the last year: %s %q", code, msg)
	}
	js, _ = c.JobSeeking(ctx)
	if o := js.Occupations[1]; !o.Educated || o.Experience == nil || *o.Experience != (shared.Experience{Years: 4, LastWorked: 2026}) {
		t.Errorf("changed: %+v", o)
	}

	// Removed; the last one only without a duty to seek work.
	if err := c.RemoveSoughtOccupation(ctx, occKok, false, now); shared.ErrorCodeOf(err) != shared.ENotFound {
		t.Errorf("removing one not on the list: %v", err)
	}
	if err := c.RemoveSoughtOccupation(ctx, occRoerlaegger, true, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if code, msg := fieldError(c.RemoveSoughtOccupation(ctx, occKontorassistent, true, now), shared.FieldOccupation); code != shared.EInvalid ||
		msg != "Du har pligt til at være aktivt jobsøgende og skal altid have mindst ét job under \"Jeg søger job som\". Tilføj et andet job, før du fjerner dette." {
		t.Errorf("the last one of a citizen with a duty: %s %q", code, msg)
	}
	if err := c.RemoveSoughtOccupation(ctx, occKontorassistent, false, now.Add(2*time.Hour)); err != nil {
		t.Errorf("the last one of a citizen without the duty: %v", err)
	}
	if js, _ = c.JobSeeking(ctx); len(js.Occupations) != 0 {
		t.Errorf("left: %+v", js.Occupations)
	}
	// Removed, it can be chosen again.
	if err := add(shared.SoughtOccupationInput{OccupationID: occRoerlaegger, Educated: yes()}, now.Add(3*time.Hour)); err != nil {
		t.Errorf("again after removing: %v", err)
	}

	// The history: every add and remove with its moment, newest first.
	hist, err := c.SoughtOccupationHistory(ctx, now.AddDate(-shared.SoughtOccupationHistoryYears, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	type change struct {
		id          int
		alias, kind string
		after       time.Duration
		title       string
	}
	var got []change
	for _, h := range hist {
		got = append(got, change{id: h.OccupationID, alias: h.Alias, kind: h.Change, after: h.At.Sub(now), title: h.Title})
	}
	wantHist := []change{
		{occRoerlaegger, "", shared.OccupationAdded, 3 * time.Hour, "Rørlægger"},
		{occKontorassistent, "Kontorfunktionær", shared.OccupationRemoved, 2 * time.Hour, "Kontorassistent"},
		{occRoerlaegger, "", shared.OccupationRemoved, time.Hour, "Rørlægger"},
		{occRoerlaegger, "", shared.OccupationAdded, time.Minute, "Rørlægger"},
		{occKontorassistent, "Kontorfunktionær", shared.OccupationAdded, 0, "Kontorassistent"},
	}
	if !reflect.DeepEqual(got, wantHist) {
		t.Errorf("history\n %+v\nwant\n %+v", got, wantHist)
	}
	if recent, _ := c.SoughtOccupationHistory(ctx, now.Add(90*time.Minute)); len(recent) != 2 {
		t.Errorf("since a moment: %d changes, want 2", len(recent))
	}
}

func TestSoughtOccupationsAtMost20(t *testing.T) {
	ctx := context.Background()
	_, c := oneCitizen(t)
	for id := 1; id <= shared.MaxSoughtOccupations; id++ {
		if err := c.AddSoughtOccupation(ctx, shared.SoughtOccupationInput{OccupationID: id, Educated: yes()}, now); err != nil {
			t.Fatal(err)
		}
	}
	err := c.AddSoughtOccupation(ctx, shared.SoughtOccupationInput{OccupationID: occKok, Educated: yes()}, now)
	if code, msg := fieldError(err, shared.FieldOccupation); code != shared.EInvalid || msg != "Du kan højst have 20 job under \"Jeg søger job som\"." {
		t.Errorf("the 21st: %s %q", code, msg)
	}
}

// An occupation that leaves the taxonomy stays on the list, flagged with
// what replaces it, and can no longer be chosen.
func TestSoughtOccupationDiscontinued(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	if err := c.AddSoughtOccupation(ctx, shared.SoughtOccupationInput{OccupationID: occKok, Alias: "Fiskekok", Educated: yes()}, now); err != nil {
		t.Fatal(err)
	}
	// A later release: Kok udgår, replaced by (the test's stand-in)
	// Rørlægger.
	if _, err := db.NewRaw("UPDATE occupations SET discontinued_since = 2, replaced_by = ? WHERE id = ?", occRoerlaegger, occKok).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	js, err := c.JobSeeking(ctx)
	if err != nil {
		t.Fatal(err)
	}
	o := js.Occupations[0]
	if !o.Discontinued || o.ReplacedBy == nil || *o.ReplacedBy != (shared.OccupationRef{ID: occRoerlaegger, Title: "Rørlægger"}) || o.Label() != "Kok (fiskekok)" {
		t.Errorf("discontinued: %+v", o)
	}
	if err := c.RemoveSoughtOccupation(ctx, occKok, false, now); err != nil {
		t.Fatal(err)
	}
	err = c.AddSoughtOccupation(ctx, shared.SoughtOccupationInput{OccupationID: occKok, Educated: yes()}, now)
	if code, msg := fieldError(err, shared.FieldOccupation); code != shared.EInvalid || msg == "" {
		t.Errorf("a discontinued occupation chosen: %s %q", code, msg)
	}
}

func TestEmploymentConditionsAndHome(t *testing.T) {
	ctx := context.Background()
	_, c := oneCitizen(t)
	js, err := c.JobSeeking(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if js.Conditions != nil || js.HomePostcode != "" || js.Occupations == nil {
		t.Errorf("before anything: %+v", js)
	}
	for _, ec := range []shared.EmploymentConditions{
		{WorkingTime: shared.FullTimeJob, StartASAP: true, StartByAgreement: true},
		{WorkingTime: shared.PartTimeJob, StartByAgreement: true},
	} {
		if err := c.SetEmploymentConditions(ctx, ec, now); err != nil {
			t.Fatal(err)
		}
		if js, _ = c.JobSeeking(ctx); js.Conditions == nil || *js.Conditions != ec {
			t.Errorf("conditions %+v, want %+v", js.Conditions, ec)
		}
	}
	if code, _ := fieldError(c.SetEmploymentConditions(ctx, shared.EmploymentConditions{WorkingTime: shared.FullTimeJob}, now), shared.FieldStart); code != shared.EInvalid {
		t.Errorf("no start: %s", code)
	}
	if err := c.SetHomePostcode(ctx, "2300", now); err != nil {
		t.Fatal(err)
	}
	if js, _ = c.JobSeeking(ctx); js.HomePostcode != "2300" {
		t.Errorf("home %q", js.HomePostcode)
	}
}
