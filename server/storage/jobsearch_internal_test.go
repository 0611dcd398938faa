package storage

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"jobnet/shared"
)

// TestFacetKey: every combination of the columns comes back as it went in.
func TestFacetKey(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		want := combo{
			HalfHrs:  rng.IntN(75),
			Time:     rng.IntN(2),
			Duration: rng.IntN(3),
			Terms:    rng.IntN(4),
			Hotjob:   rng.IntN(2) == 0,
			Disco:    []int{11000, 512000, 962900, 0}[rng.IntN(4)],
		}
		kommune := ""
		if rng.IntN(10) == 0 {
			want.Abroad = true
		} else {
			want.Kommune = []int{101, 751, 860, 400}[rng.IntN(4)]
			kommune = fmt.Sprintf("%04d", want.Kommune)
		}
		got := unpackFacets(facetKey(kommune, want.Abroad, fmt.Sprintf("%06d", want.Disco), shared.Terms(shared.TermsOptions[want.Terms].Value),
			want.Hotjob, shared.Duration(shared.DurationOptions[want.Duration].Value), shared.WorkingTime(shared.WorkingTimeOptions[want.Time].Value),
			float64(want.HalfHrs)/2))
		if got != want {
			t.Fatalf("%+v came back as %+v", want, got)
		}
	}
}
