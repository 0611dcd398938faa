package server

import (
	"context"
	"net/url"
	"slices"
	"strconv"
	"testing"
	"time"

	"jobnet/server/ingestv1"
	"jobnet/shared"
)

// clearSaved empties every citizen's favourites, seen marks and saved
// searches (the demo gives some), for a test that counts them.
func clearSaved(t *testing.T, env *testEnv) {
	t.Helper()
	for _, table := range []string{"saved_jobs", "seen_job_ads", "saved_searches"} {
		if _, err := env.db.NewRaw("DELETE FROM " + table).Exec(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSavedJobs: a citizen saves ads, opens one (seen), sees the marks of
// a list's ads; a withdrawn favourite stays, expired; the jobcenter and
// the a-kasse see the favourites and marks and change nothing, and their
// looks mark nothing seen.
func TestSavedJobs(t *testing.T) {
	env := newTestEnv(t)
	clearSaved(t, env)
	sys := env.client().withHeader("Authorization", jobcenterToken)
	ids := make([]int64, 3)
	for i, sender := range []string{"gem-1", "gem-2", "gem-3"} {
		ad := anAd(sender)
		if i == 2 {
			ad.ExternalURL = "https://example.org/job/3"
		}
		var r ingestv1.JobAdReceipt
		sys.decode(sys.do("POST", "/api/ingest/v1/jobads", ad), 200, &r)
		ids[i] = r.ID
	}
	mads := env.client()
	mads.loginCitizen("mads")
	var saved shared.SavedJobs
	mads.decode(mads.do("PUT", shared.SavedJobPath(ids[0]), nil), 200, &saved)
	env.clock.Advance(time.Minute)
	mads.decode(mads.do("PUT", shared.SavedJobPath(ids[1]), nil), 200, &saved)
	mads.decode(mads.do("PUT", shared.SavedJobPath(ids[1]), nil), 200, &saved) // again: no change
	if len(saved) != 2 || saved[0].AdID != ids[1] || saved[0].Title != "Lagermedarbejder til nattehold" ||
		saved[0].Employer != "Testlager ApS" || saved[0].Place != "6000 Kolding" || saved[0].Expired {
		t.Fatalf("saved: %+v", saved)
	}
	if r := mads.do("PUT", shared.SavedJobPath(999999999), nil); r.status != 404 {
		t.Errorf("saving an unknown ad: %d %s", r.status, r.body)
	}

	// Opening ad 1's page, and ad 3 at its source, marks them seen.
	mads.decode(mads.do("GET", shared.JobPath(ids[0]), nil), 200, nil)
	mads.decode(mads.do("POST", shared.APIBehaviour, shared.BehaviourEvent{Kind: shared.BehaviourFindJobOpen, View: strconv.FormatInt(ids[2], 10)}), 204, nil)
	// A caseworker's look marks nothing.
	nina := env.mirror("nina", cprMads)
	nina.decode(nina.do("GET", shared.JobPath(ids[1]), nil), 200, nil)
	var marks shared.JobMarks
	mads.decode(mads.do("GET", shared.JobMarksPath(ids), nil), 200, &marks)
	if !slices.Equal(marks.Saved, []int64{ids[0], ids[1]}) || !slices.Equal(marks.Seen, []int64{ids[0], ids[2]}) {
		t.Errorf("marks: %+v, want saved %v and seen %v", marks, ids[:2], []int64{ids[0], ids[2]})
	}
	if r := mads.do("GET", shared.APIJobMarks+"?ads=1,x", nil); r.status != 400 || r.err().FieldMessage("ads") == "" {
		t.Errorf("bad ads: %d %s", r.status, r.body)
	}

	// Withdrawn: the favourite stays, expired; it cannot be saved anew.
	sys.decode(sys.do("POST", "/api/ingest/v1/jobads/withdraw", ingestv1.JobAdWithdrawal{SenderID: "gem-1"}), 200, nil)
	mads.decode(mads.do("GET", shared.APISavedJobs, nil), 200, &saved)
	if len(saved) != 2 || saved[1].AdID != ids[0] || !saved[1].Expired || saved[1].Title == "" || saved[0].Expired {
		t.Errorf("after the withdrawal: %+v", saved)
	}

	// Caseworkers read the favourites and the marks, and write nothing.
	for _, cw := range []string{"nina", "berit"} {
		c := env.mirror(cw, cprMads)
		var theirs shared.SavedJobs
		c.decode(c.do("GET", shared.APISavedJobs, nil), 200, &theirs)
		if len(theirs) != 2 {
			t.Errorf("%s sees %d favourites", cw, len(theirs))
		}
		c.decode(c.do("GET", shared.JobMarksPath(ids), nil), 200, nil)
		for _, method := range []string{"PUT", "DELETE"} {
			if r := c.do(method, shared.SavedJobPath(ids[1]), nil); r.status != 403 || r.err().Message != shared.MsgReadOnly {
				t.Errorf("%s %s: %d %s", cw, method, r.status, r.body)
			}
		}
	}

	// The expired favourite is removed; removing it again is not found.
	mads.decode(mads.do("DELETE", shared.SavedJobPath(ids[0]), nil), 200, &saved)
	if len(saved) != 1 || saved[0].AdID != ids[1] {
		t.Errorf("after removing: %+v", saved)
	}
	if r := mads.do("DELETE", shared.SavedJobPath(ids[0]), nil); r.status != 404 {
		t.Errorf("removing again: %d", r.status)
	}
	// Anonymous: nothing.
	if r := env.client().do("GET", shared.APISavedJobs, nil); r.status != 401 {
		t.Errorf("anonymous: %d", r.status)
	}
}

// TestSavedSearches: "Gem søgning" stores the search in Find Job's one
// form, refuses a bad name or query, a name twice and more than
// shared.MaxSavedSearches with Danish messages at the field; caseworkers
// read and are refused writes.
func TestSavedSearches(t *testing.T) {
	env := newTestEnv(t)
	clearSaved(t, env)
	mads := env.client()
	mads.loginCitizen("mads")
	query := "side=3&q=r%C3%B8rl%C3%A6gger&postnr=2300&km=25&visning=kort&fra=min-plan&arbejdstid=fuldtid"
	var list shared.SavedSearches
	mads.decode(mads.do("POST", shared.APISavedSearches, shared.SavedSearchInput{Name: "  Rørlægger   nær hjem ", Query: query}), 200, &list)
	want := shared.JobSearch{Q: "rørlægger", Postcode: "2300", Km: 25, WorkingTimes: []string{"fuldtid"}}.Query().Encode()
	if len(list) != 1 || list[0].Name != "Rørlægger nær hjem" || list[0].Query != want {
		t.Fatalf("saved: %+v, want the query %q", list, want)
	}
	tests := []struct {
		name  string
		in    shared.SavedSearchInput
		field string
		msg   string
	}{
		{"ErrNoName", shared.SavedSearchInput{Name: " ", Query: "q=kok"}, "name", "Feltet skal udfyldes."},
		{"ErrLongName", shared.SavedSearchInput{Name: string(make([]rune, 101)), Query: "q=kok"}, "name", ""},
		{"ErrBadQuery", shared.SavedSearchInput{Name: "Natarbejde", Query: "arbejdstid=natarbejde"}, "query", "Søgningen kan ikke gemmes."},
		{"ErrWIDK", shared.SavedSearchInput{Name: "WIDK", Query: "WIDK=true"}, "query", "Søgningen kan ikke gemmes."},
		{"ErrNameTwice", shared.SavedSearchInput{Name: "Rørlægger nær hjem", Query: "q=kok"}, "name",
			`Du har allerede en gemt søgning med navnet "Rørlægger nær hjem". Vælg et andet navn.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mads.do("POST", shared.APISavedSearches, tt.in)
			got := r.err().FieldMessage(tt.field)
			if r.status != 400 || r.err().Code != shared.EInvalid || got == "" || (tt.msg != "" && got != tt.msg) {
				t.Errorf("%d %s", r.status, r.body)
			}
		})
	}
	for i := 2; i <= shared.MaxSavedSearches; i++ {
		mads.decode(mads.do("POST", shared.APISavedSearches, shared.SavedSearchInput{Name: "Søgning " + strconv.Itoa(i), Query: "q=" + url.QueryEscape("kok")}), 200, &list)
	}
	r := mads.do("POST", shared.APISavedSearches, shared.SavedSearchInput{Name: "En for meget", Query: ""})
	if r.status != 400 || r.err().FieldMessage("name") != "Du kan højst have 25 gemte søgninger. Slet en, før du gemmer en ny." {
		t.Errorf("one too many: %d %s", r.status, r.body)
	}
	for _, cw := range []string{"nina", "berit"} {
		c := env.mirror(cw, cprMads)
		var theirs shared.SavedSearches
		c.decode(c.do("GET", shared.APISavedSearches, nil), 200, &theirs)
		if len(theirs) != shared.MaxSavedSearches || theirs[0].Name != "Rørlægger nær hjem" {
			t.Errorf("%s sees %d saved searches", cw, len(theirs))
		}
		if r := c.do("POST", shared.APISavedSearches, shared.SavedSearchInput{Name: "x", Query: "q=kok"}); r.status != 403 || r.err().Message != shared.MsgReadOnly {
			t.Errorf("%s adds: %d %s", cw, r.status, r.body)
		}
		if r := c.do("DELETE", shared.SavedSearchPath(list[0].ID), nil); r.status != 403 {
			t.Errorf("%s deletes: %d %s", cw, r.status, r.body)
		}
	}
	mads.decode(mads.do("DELETE", shared.SavedSearchPath(list[0].ID), nil), 200, &list)
	if len(list) != shared.MaxSavedSearches-1 {
		t.Errorf("after deleting: %d", len(list))
	}
	// Another citizen's saved search is not found.
	louise := env.client()
	louise.loginCitizen("louise")
	if r := louise.do("DELETE", shared.SavedSearchPath(list[0].ID), nil); r.status != 404 {
		t.Errorf("another citizen's: %d", r.status)
	}
}
