package jobadgen

import (
	"reflect"
	"testing"
	"time"

	"jobnet/server/findjob"
	"jobnet/shared"
)

// TestGenerator: the ads are a pure function of the seed and now, every
// one places (findjob.Place accepts it), published in the 30 days before
// now with a deadline and start after it, and the marks and kinds all
// occur.
func TestGenerator(t *testing.T) {
	ix, err := findjob.NewIndex()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2027, 1, 5, 10, 0, 0, 0, time.UTC)
	a, b := New(ix, now, 1), New(ix, now, 1)
	seen := map[string]int{}
	for i := range 2000 {
		p, q := a.Ad(i), b.Ad(i)
		if !reflect.DeepEqual(p.Ad, q.Ad) {
			t.Fatalf("ad %d differs between two generators of one seed", i)
		}
		ad := p.Ad
		if _, err := ix.Place(ad); err != nil {
			t.Fatalf("ad %d does not place: %v", i, err)
		}
		if ad.Published.After(now) || ad.Published.Before(now.Add(-30*24*time.Hour)) {
			t.Errorf("ad %d published %v", i, ad.Published)
		}
		today := shared.DateOf(now)
		if ad.DeadlineKind == shared.DeadlineDate && !ad.Deadline.After(today) || ad.StartKind == shared.StartDate && !ad.Start.After(today) {
			t.Errorf("ad %d: deadline %v, start %v, not after %v", i, ad.Deadline, ad.Start, today)
		}
		for k, on := range map[string]bool{"hotjob": ad.Hotjob, "widk": ad.WorkInDenmark, "external": ad.ExternalURL != "",
			"abroad": p.Postcode == nil, "deltid": ad.WorkingTime == shared.PartTimeJob, "hours": ad.HoursPerWeek > 0,
			string(ad.Terms): true, string(ad.Duration): true, string(ad.DeadlineKind): true} {
			if on {
				seen[k]++
			}
		}
	}
	for _, k := range []string{"hotjob", "widk", "external", "abroad", "deltid", "hours", "ordinaer", "fleksjob", "loentilskud", "elev",
		"fast", "tidsbegraenset", "vikariat", "dato", "snarest", "ikke_oplyst"} {
		if seen[k] == 0 {
			t.Errorf("no generated ad is %s", k)
		}
	}
}
