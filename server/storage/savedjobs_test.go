package storage_test

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	"jobnet/server/findjob"
	"jobnet/server/jobadgen"
	"jobnet/server/storage"
	"jobnet/shared"
)

// savedDB is oneCitizen with n generated ads, placed internal (no
// external URL), and their ids in order.
func savedDB(t *testing.T, n int) (*storage.Store, storage.Citizen, []int64) {
	t.Helper()
	ctx := context.Background()
	db, c := oneCitizen(t)
	s := storage.New(db, nil)
	g := jobadgen.New(findjobIndex(t), now, 1)
	err := s.CopyJobAds(ctx, "gen", n, func(i int) findjob.Placed {
		p := g.Ad(i)
		p.Ad.ExternalURL = ""
		return p
	}, now.Add(-time.Hour), nil)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	if err := db.NewSelect().Table("job_ads").Column("id").OrderExpr("id").Scan(ctx, &ids); err != nil {
		t.Fatal(err)
	}
	return s, c, ids
}

// Favourites keep what the teaser shows, newest first; saving again
// changes nothing; a withdrawn ad stays, expired, and cannot be saved
// anew; at most shared.MaxSavedJobs.
func TestSavedJobsStorage(t *testing.T) {
	ctx := context.Background()
	s, c, ids := savedDB(t, shared.MaxSavedJobs+1)
	for i, id := range ids[:shared.MaxSavedJobs] {
		if err := c.SaveJob(ctx, id, now.Add(time.Duration(i)*time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.SaveJob(ctx, ids[0], now.Add(time.Hour)); err != nil {
		t.Errorf("saving again: %v", err)
	}
	err := c.SaveJob(ctx, ids[shared.MaxSavedJobs], now)
	if shared.ErrorCodeOf(err) != shared.EInvalid || err.Error() != shared.ErrTooManySavedJobs().Error() {
		t.Errorf("one too many: %v", err)
	}
	saved, err := c.SavedJobs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.JobAd(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	last := saved[len(saved)-1]
	if len(saved) != shared.MaxSavedJobs || saved[0].AdID != ids[shared.MaxSavedJobs-1] || last.AdID != ids[0] ||
		last.Title != first.Title || last.Employer != first.Employer.Name || last.Place != first.Place() || !last.SavedAt.Equal(now) || last.Expired {
		t.Fatalf("saved: %d, first %+v, last %+v (the ad %+v)", len(saved), saved[0], last, first)
	}

	// Withdrawn: kept, expired; not saved anew.
	if _, err := s.WithdrawJobAd(ctx, "gen", first.SenderID, now); err != nil {
		t.Fatal(err)
	}
	if saved, _ = c.SavedJobs(ctx); !saved[len(saved)-1].Expired || saved[0].Expired {
		t.Errorf("after the withdrawal: last %+v, first %+v", saved[len(saved)-1], saved[0])
	}
	if err := c.UnsaveJob(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	if err := c.SaveJob(ctx, ids[0], now); shared.ErrorCodeOf(err) != shared.ENotFound {
		t.Errorf("saving a withdrawn ad: %v", err)
	}
	if err := c.UnsaveJob(ctx, ids[0]); shared.ErrorCodeOf(err) != shared.ENotFound {
		t.Errorf("removing one not saved: %v", err)
	}
}

// Seen: the first opening counts, an unknown or withdrawn ad is not
// marked, the marks answer for the ads asked about only, and the
// retention rule takes marks past six months and those of withdrawn ads.
func TestSeenJobAds(t *testing.T) {
	ctx := context.Background()
	s, c, ids := savedDB(t, 4)
	rule := ruleNamed(t, "seen_job_ads")
	old := rule.Cutoff(now).Add(-time.Second)
	for _, seen := range []struct {
		id int64
		at time.Time
	}{{ids[0], old}, {ids[0], now}, {ids[1], now}, {ids[2], now}, {999999, now}} {
		if err := c.MarkSeen(ctx, seen.id, seen.at); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.SaveJob(ctx, ids[3], now); err != nil {
		t.Fatal(err)
	}
	marks, err := c.JobMarks(ctx, []int64{ids[0], ids[1], ids[3], 999999})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(marks.Seen, []int64{ids[0], ids[1]}) || !slices.Equal(marks.Saved, []int64{ids[3]}) {
		t.Errorf("marks %+v", marks)
	}
	ad, err := s.JobAd(ctx, ids[1])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.WithdrawJobAd(ctx, "gen", ad.SenderID, now); err != nil {
		t.Fatal(err)
	}
	// ids[0] was first seen past the cutoff, ids[1] is withdrawn: both go.
	if n, err := s.DeleteExpired(ctx, rule, now, 100); err != nil || n != 2 {
		t.Errorf("retention deleted %d (%v), want 2", n, err)
	}
	if marks, _ = c.JobMarks(ctx, ids); !slices.Equal(marks.Seen, []int64{ids[2]}) {
		t.Errorf("after retention: %+v", marks)
	}
}

func ruleNamed(t *testing.T, name string) storage.RetentionRule {
	for _, r := range storage.RetentionRules(20 * time.Minute) {
		if r.Name == name {
			return r
		}
	}
	t.Fatalf("no retention rule %s", name)
	return storage.RetentionRule{}
}

// Saved searches: kept in Find Job's one form, each name once, at most
// shared.MaxSavedSearches, removed by their id (another citizen's: the API
// test).
func TestSavedSearchesStorage(t *testing.T) {
	ctx := context.Background()
	_, c, _ := savedDB(t, 0)
	got, err := c.AddSavedSearch(ctx, shared.SavedSearchInput{Name: "Kok", Query: "q=kok&side=2&visning=kort&fra=menu&vilkaar=fleksjob,elev"}, now)
	if err != nil {
		t.Fatal(err)
	}
	if want := "q=kok&v=1&vilkaar=elev%2Cfleksjob"; got.Query != want || got.ID == 0 {
		t.Errorf("saved %+v, want the query %q", got, want)
	}
	tests := []struct {
		name  string
		in    shared.SavedSearchInput
		field string
	}{
		{"ErrNameTwice", shared.SavedSearchInput{Name: "Kok", Query: "q=tjener"}, "name"},
		{"ErrNoName", shared.SavedSearchInput{Name: "", Query: "q=tjener"}, "name"},
		{"ErrUnknownCriterion", shared.SavedSearchInput{Name: "Natarbejde", Query: "arbejdstid=nat"}, "query"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.AddSavedSearch(ctx, tt.in, now)
			if code, msg := fieldError(err, tt.field); code != shared.EInvalid || msg == "" {
				t.Errorf("%v", err)
			}
		})
	}
	for i := 2; i <= shared.MaxSavedSearches; i++ {
		if _, err := c.AddSavedSearch(ctx, shared.SavedSearchInput{Name: "S" + strconv.Itoa(i)}, now.Add(time.Duration(i)*time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.AddSavedSearch(ctx, shared.SavedSearchInput{Name: "For mange"}, now); err == nil || err.Error() != shared.ErrTooManySavedSearches().Error() {
		t.Errorf("one too many: %v", err)
	}
	list, err := c.SavedSearches(ctx)
	if err != nil || len(list) != shared.MaxSavedSearches || list[0].Name != "Kok" || list[1].Query != "v=1" {
		t.Fatalf("list (%v): %+v", err, list[:2])
	}
	if err := c.RemoveSavedSearch(ctx, got.ID); err != nil {
		t.Fatal(err)
	}
	if err := c.RemoveSavedSearch(ctx, got.ID); shared.ErrorCodeOf(err) != shared.ENotFound {
		t.Errorf("removing again: %v", err)
	}
}
