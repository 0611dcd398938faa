package storage

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/RoaringBitmap/roaring/v2"

	"jobnet/server/findjob"
	"jobnet/server/jobadgen"
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

// BenchmarkIndexTally: the index's counting of a broad word's candidates
// (one ad in seven) among a million ads, with two filters: the part of a
// search that grows with the ads it finds.
func BenchmarkIndexTally(b *testing.B) {
	ix, err := findjob.Default()
	if err != nil {
		b.Fatal(err)
	}
	const n, distinct = 1_000_000, 20_000
	g := jobadgen.New(ix, time.Date(2027, 1, 5, 10, 0, 0, 0, time.UTC), 7)
	areaOf := areaIndexes(ix)
	d := &adData{words: map[string]*roaring.Bitmap{}, live: roaring.New(), widk: roaring.New()}
	rows := make([]adIndexRow, distinct)
	for i := range rows {
		p := g.Ad(i)
		rows[i] = adIndexRow{facets: placedKey(p), published: p.Ad.Published, changed: 1}
		if p.Postcode != nil {
			rows[i].postcode = p.Postcode.Code
			rows[i].lat = sql.NullFloat64{Float64: p.Postcode.Lat, Valid: true}
			rows[i].lon = sql.NullFloat64{Float64: p.Postcode.Lon, Valid: true}
		}
	}
	cand := roaring.New()
	for id := 1; id <= n; id++ {
		r := rows[id%distinct]
		r.id = int64(id)
		r.published = r.published.Add(time.Duration(id) * time.Second)
		if err := d.apply(r, areaOf); err != nil {
			b.Fatal(err)
		}
		if id%7 == 0 {
			cand.Add(uint32(id))
		}
	}
	q := shared.JobSearch{Q: "medarbejder", Areas: []string{"hovedstaden-og-bornholm"}, WorkingTimes: []string{"fuldtid"}}.Normalize()
	b.ResetTimer()
	for range b.N {
		c := newCounter(ix, q)
		top := newestAds{k: shared.JobSearchPageSize}
		d.tally(c, &top, cand, nil, false)
		_ = c.counts()
	}
}

// TestMaxAreas: the taxonomy's areas fit the search's arrays of them.
func TestMaxAreas(t *testing.T) {
	ix, err := findjob.Default()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(ix.Tax.Areas()); n > maxAreas {
		t.Errorf("%d areas; the search has room for %d (maxAreas)", n, maxAreas)
	}
}
