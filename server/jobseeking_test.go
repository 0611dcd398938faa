package server

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"testing"
	"time"

	"jobnet/server/ingestv1"
	"jobnet/shared"
)

// jobSeeking is the citizen's or mirrored citizen's page.
func (c *client) jobSeeking() shared.JobSeeking {
	c.env.tb.Helper()
	return c.page(c.do("GET", shared.APIJobSeeking, nil))
}

// page is the page a change answers with, read into a new value: JSON
// into a used one would keep fields the answer leaves out.
func (c *client) page(r response) shared.JobSeeking {
	c.env.tb.Helper()
	var js shared.JobSeeking
	c.decode(r, 200, &js)
	return js
}

// labels are the list's lines as it shows them.
func labels(js shared.JobSeeking) []string {
	var out []string
	for _, o := range js.Occupations {
		out = append(out, o.Label())
	}
	return out
}

// fieldMessage is the error's message at field, and its status.
func (r response) fieldMessage(field string) (int, string) {
	return r.status, r.err().FieldMessage(field)
}

// TestJobSeeking: Mads, with a duty to seek work, adds by an alias, is
// refused the same occupation again and bad experience at their fields,
// changes and removes, and keeps his last occupation; Mette, without the
// duty, may remove hers. Both caseworkers see what he sees and change
// nothing; every add and remove is in the history.
func TestJobSeeking(t *testing.T) {
	env := newTestEnv(t)
	mads := env.client()
	mads.loginCitizen("mads")

	js := mads.jobSeeking()
	if fmt.Sprint(labels(js)) != "[Rørlægger]" || !js.MustKeepOne || js.HomePostcode != "2300" || js.Conditions == nil {
		t.Fatalf("Mads' page: %+v", js)
	}
	yes := true
	kok := shared.SoughtOccupationInput{OccupationID: occupationID("Kok"), Alias: "fiskekok", Educated: &yes}
	js = mads.page(mads.do("POST", shared.APISoughtOccupations, kok))
	if fmt.Sprint(labels(js)) != "[Rørlægger Kok (fiskekok)]" {
		t.Errorf("after adding by the alias: %v", labels(js))
	}

	// The same occupation by its title: refused at the field.
	byTitle := kok
	byTitle.Alias = ""
	if status, msg := mads.do("POST", shared.APISoughtOccupations, byTitle).fieldMessage(shared.FieldOccupation); status != 400 ||
		msg != "Du har allerede valgt Kok. En stilling kan kun vælges én gang." {
		t.Errorf("Kok again: %d %q", status, msg)
	}
	bad := kok
	bad.OccupationID, bad.Alias, bad.ExperienceYears = occupationID("Tømrer"), "", ptr(61)
	if status, msg := mads.do("POST", shared.APISoughtOccupations, bad).fieldMessage(shared.FieldExperienceYears); status != 400 || msg != "Må højst være 60." {
		t.Errorf("61 years: %d %q", status, msg)
	}
	bad.ExperienceYears, bad.LastWorked = ptr(2), ptr(2028)
	if status, msg := mads.do("POST", shared.APISoughtOccupations, bad).fieldMessage(shared.FieldLastWorked); status != 400 || msg != "Må højst være 2027." {
		t.Errorf("next year: %d %q", status, msg)
	}

	// "Redigér".
	edit := shared.SoughtOccupationInput{Educated: &yes, ExperienceYears: ptr(3), ExperienceMonths: ptr(4), LastWorked: ptr(2025)}
	js = mads.page(mads.do("PUT", shared.SoughtOccupationPath(kok.OccupationID), edit))
	if x := js.Occupations[1].Experience; x == nil || x.Text() != "3 år og 4 måneder" || x.LastWorked != 2025 {
		t.Errorf("after Redigér: %+v", js.Occupations[1])
	}
	edit.OccupationID = occupationID("Tømrer")
	if r := mads.do("PUT", shared.SoughtOccupationPath(kok.OccupationID), edit); r.status != 400 {
		t.Errorf("another occupation in the body: %d", r.status)
	}
	if r := mads.do("PUT", shared.SoughtOccupationPath(occupationID("Tømrer")), shared.SoughtOccupationInput{Educated: &yes}); r.status != 404 {
		t.Errorf("Redigér one not on the list: %d", r.status)
	}

	// Ansættelsesbetingelser.
	ec := shared.EmploymentConditions{WorkingTime: shared.PartTimeJob, StartByAgreement: true}
	js = mads.page(mads.do("PUT", shared.APIEmploymentConditions, ec))
	if js.Conditions == nil || *js.Conditions != ec {
		t.Errorf("conditions %+v", js.Conditions)
	}
	if status, msg := mads.do("PUT", shared.APIEmploymentConditions, shared.EmploymentConditions{WorkingTime: shared.FullTimeJob}).
		fieldMessage(shared.FieldStart); status != 400 || msg == "" {
		t.Errorf("no start: %d %q", status, msg)
	}

	// The caseworkers see the page as Mads does and change nothing.
	for _, cw := range []string{"nina", "berit"} {
		m := env.mirror(cw, cprMads)
		if r := m.do("GET", shared.APIJobSeeking, nil); r.status != 200 || !bytes.Equal(r.body, mads.do("GET", shared.APIJobSeeking, nil).body) {
			t.Errorf("%s sees %d %s", cw, r.status, r.body)
		}
		for _, w := range []struct {
			method, path string
			body         any
		}{
			{"POST", shared.APISoughtOccupations, byTitle},
			{"PUT", shared.SoughtOccupationPath(kok.OccupationID), edit},
			{"DELETE", shared.SoughtOccupationPath(kok.OccupationID), nil},
			{"PUT", shared.APIEmploymentConditions, ec},
		} {
			if r := m.do(w.method, w.path, w.body); r.status != 403 || r.err().Message != shared.MsgReadOnly {
				t.Errorf("%s: %s %s answered %d %s", cw, w.method, w.path, r.status, r.body)
			}
		}
	}

	// Removed; the last one stays, with the message at the occupation.
	js = mads.page(mads.do("DELETE", shared.SoughtOccupationPath(kok.OccupationID), nil))
	if fmt.Sprint(labels(js)) != "[Rørlægger]" {
		t.Errorf("after removing Kok: %v", labels(js))
	}
	if status, msg := mads.do("DELETE", shared.SoughtOccupationPath(occupationID("Rørlægger")), nil).fieldMessage(shared.FieldOccupation); status != 400 ||
		msg != shared.ErrLastOccupation().(*shared.Error).Fields[0].Message {
		t.Errorf("Mads' last occupation: %d %q", status, msg)
	}
	if r := mads.do("DELETE", shared.SoughtOccupationPath(kok.OccupationID), nil); r.status != 404 {
		t.Errorf("removing one not on the list: %d", r.status)
	}

	// Mette has no duty to seek work: her list may be empty.
	mette := env.client()
	mette.loginCitizen("mette")
	js = mette.jobSeeking()
	if js.MustKeepOne || fmt.Sprint(labels(js)) != "[Kontorassistent (kontorfunktionær) Sekretær]" {
		t.Fatalf("Mette's page: %+v", js)
	}
	for _, o := range js.Occupations {
		js = mette.page(mette.do("DELETE", shared.SoughtOccupationPath(o.OccupationID), nil))
	}
	if len(js.Occupations) != 0 {
		t.Errorf("Mette's list after removing all: %v", labels(js))
	}

	// The history: Mads' add and remove of Kok, the seed's add of
	// Rørlægger, with their moments.
	who, err := env.store.CitizenByCPR(context.Background(), cprMads)
	if err != nil {
		t.Fatal(err)
	}
	hist, err := env.store.Citizen(who.ID).SoughtOccupationHistory(context.Background(), env.clock.Now().AddDate(-3, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hist {
		got = append(got, h.Change+" "+shared.OccupationLabel(h.Title, h.Alias)+" "+h.At.In(time.UTC).Format(time.RFC3339))
	}
	at := env.clock.Now().In(time.UTC).Format(time.RFC3339)
	want := []string{"fjernet Kok (fiskekok) " + at, "tilfoejet Kok (fiskekok) " + at, "tilfoejet Rørlægger " + at}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("history\n %v\nwant\n %v", got, want)
	}
}

// TestJobSeekingFindJobButton: the button's count is the occupation's live
// ads in the circle of 50 km round home's centre — not its square, not
// after a withdrawal, not without a home — and Find Job's search with the
// button's URL state finds them.
func TestJobSeekingFindJobButton(t *testing.T) {
	env := newTestEnv(t)
	ix := findjobIndex()
	occ := unadvertised(t, env, false)
	home, _ := ix.Postcode("2300")
	// A postcode inside the circle, and one outside it but inside the
	// square that reaches 50 km to its edges (a corner).
	var near, corner string
	_, pcs, _ := ix.Geo()
	box := shared.SquareAround(home.Lat, home.Lon, shared.FindJobRadiusKm)
	for _, p := range pcs {
		d := shared.DistanceKm(home.Lat, home.Lon, p.Lat, p.Lon)
		switch {
		case p.Bulk:
		case near == "" && d > 35 && d < 48:
			near = p.Code
		case corner == "" && d > 52 && box.Contains(p.Lat, p.Lon) && math.Abs(p.Lat-home.Lat) > 0.15:
			corner = p.Code
		}
	}
	if near == "" || corner == "" {
		t.Fatalf("no postcodes to test with: near %q, corner %q", near, corner)
	}

	mads := env.client()
	mads.loginCitizen("mads")
	yes := true
	mads.page(mads.do("POST", shared.APISoughtOccupations, shared.SoughtOccupationInput{OccupationID: occ.ID, Educated: &yes}))
	nearby := func() int {
		t.Helper()
		for _, o := range mads.jobSeeking().Occupations {
			if o.OccupationID == occ.ID {
				return o.NearbyAds
			}
		}
		t.Fatalf("%s is not on the list", occ.Title)
		return 0
	}
	if n := nearby(); n != 0 {
		t.Fatalf("before any ad: %d", n)
	}
	sys := env.client().withHeader("Authorization", jobcenterToken)
	ad := func(id, postcode string) ingestv1.JobAd {
		a := anAd(id)
		a.OccupationID, a.Title, a.Employer.Postcode = occ.ID, occ.Title, postcode
		return a
	}
	sys.decode(sys.do("POST", "/api/ingest/v1/jobads", ad("corner", corner)), 200, nil)
	if n := nearby(); n != 0 {
		t.Errorf("an ad in %s, in the square but outside the circle, counts: %d", corner, n)
	}
	sys.decode(sys.do("POST", "/api/ingest/v1/jobads", ad("near-1", near)), 200, nil)
	sys.decode(sys.do("POST", "/api/ingest/v1/jobads", ad("near-2", "2300")), 200, nil)
	if n := nearby(); n != 2 {
		t.Errorf("ads in %s and at home: %d, want 2", near, n)
	}
	// Find Job with the button's URL state finds them.
	q := shared.JobSearch{Q: occ.Title, Postcode: "2300", Km: shared.FindJobRadiusKm}.Query().Encode()
	if res := mads.search(t, q); res.Total < 2 {
		t.Errorf("Find Job's search %s finds %d", q, res.Total)
	}
	sys.decode(sys.do("POST", "/api/ingest/v1/jobads/withdraw", ingestv1.JobAdWithdrawal{SenderID: "near-2"}), 200, nil)
	if n := nearby(); n != 1 {
		t.Errorf("after a withdrawal: %d, want 1", n)
	}
	// Without a home, no circle.
	who, err := env.store.CitizenByCPR(context.Background(), cprMads)
	if err != nil {
		t.Fatal(err)
	}
	if err := env.store.Citizen(who.ID).SetHomePostcode(context.Background(), "", env.clock.Now()); err != nil {
		t.Fatal(err)
	}
	if n := nearby(); n != 0 {
		t.Errorf("without a home: %d", n)
	}
}

// The suggestions of "Jeg søger job som": occupations by title and alias
// only, the value the occupation's id.
func TestSuggestOccupationKinds(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	var sugg shared.Suggestions
	c.decode(c.do("GET", shared.APIJobSuggest+"?q=kontorf&kinds=stilling,alias", nil), 200, &sugg)
	if len(sugg) == 0 || sugg[0] != (shared.Suggestion{Kind: shared.SuggestAlias, Label: "Kontorassistent (kontorfunktionær)", Value: fmt.Sprint(occupationID("Kontorassistent"))}) {
		t.Errorf(`"kontorf": %+v`, sugg)
	}
	c.decode(c.do("GET", shared.APIJobSuggest+"?q=kok&kinds=stilling,alias", nil), 200, &sugg)
	for _, s := range sugg {
		if s.Kind != shared.SuggestOccupation && s.Kind != shared.SuggestAlias {
			t.Errorf("kinds=stilling,alias suggests a %s: %+v", s.Kind, s)
		}
	}
	if len(sugg) == 0 {
		t.Error(`"kok" suggests no occupation`)
	}
	if status, msg := c.do("GET", shared.APIJobSuggest+"?q=kok&kinds=stilling,fisk", nil).fieldMessage("kinds"); status != 400 || msg != "Ukendt værdi: fisk." {
		t.Errorf("an unknown kind: %d %q", status, msg)
	}
}

func ptr[T any](v T) *T { return &v }

// unadvertised is an occupation the demo's ads leave out; named, also
// one no ad names (in one word, which no compound search splits).
func unadvertised(t *testing.T, env *testEnv, named bool) (occ struct {
	ID    int    `bun:"id"`
	Title string `bun:"title"`
}) {
	t.Helper()
	unnamed := ""
	if named {
		unnamed = `AND o.title NOT LIKE '% %' AND NOT EXISTS (SELECT 1 FROM job_ads a WHERE a.search @@ plainto_tsquery('danish', o.title))`
	}
	if err := env.db.NewRaw(`SELECT id, title FROM occupations o WHERE discontinued_since IS NULL
		AND NOT EXISTS (SELECT 1 FROM job_ads a WHERE a.occupation_id = o.id) `+unnamed+` ORDER BY id LIMIT 1`).Scan(context.Background(), &occ); err != nil {
		t.Fatal(err)
	}
	return occ
}
