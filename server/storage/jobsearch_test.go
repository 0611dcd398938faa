package storage_test

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"testing"

	"jobnet/server/dbtest"
	"jobnet/server/findjob"
	"jobnet/server/jobadgen"
	"jobnet/server/storage"
	"jobnet/shared"
)

func findjobIndex(t testing.TB) *findjob.Index {
	ix, err := findjob.Default()
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// adsDB is a database with n generated ads (seed 1), and the ads.
func adsDB(t *testing.T, n int) (*storage.Store, []findjob.Placed) {
	t.Helper()
	ix := findjobIndex(t)
	s := storage.New(dbtest.MustOpenDB(t), nil)
	g := jobadgen.New(ix, now, 1)
	ads := make([]findjob.Placed, n)
	for i := range ads {
		ads[i] = g.Ad(i)
	}
	if err := s.CopyJobAds(context.Background(), "gen", n, func(i int) findjob.Placed { return ads[i] }, now, nil); err != nil {
		t.Fatal(err)
	}
	return s, ads
}

// matches is the test's own reading of a search's criteria (not its text
// or place), to count by brute force what the database must count.
func matches(ix *findjob.Index, q shared.JobSearch, p findjob.Placed, skip string) bool {
	ad := p.Ad
	if q.WIDK && !ad.WorkInDenmark {
		return false
	}
	if skip != "geo" && (len(q.Areas) > 0 || len(q.Kommuner) > 0 || q.Abroad) {
		in := (p.Area != nil && slices.Contains(q.Areas, p.Area.Code)) ||
			(p.Kommune != nil && slices.Contains(q.Kommuner, p.Kommune.Code)) || (q.Abroad && p.Postcode == nil)
		if !in {
			return false
		}
	}
	if skip != "disco" && len(q.Disco) > 0 &&
		!slices.ContainsFunc(q.Disco, func(d string) bool { return strings.HasPrefix(p.Occupation.DISCO, d) }) {
		return false
	}
	if skip != "terms" && (len(q.Terms) > 0 || q.Hotjob) && !(slices.Contains(q.Terms, string(ad.Terms)) || (q.Hotjob && ad.Hotjob)) {
		return false
	}
	if skip != "duration" && len(q.Durations) > 0 && !slices.Contains(q.Durations, string(ad.Duration)) {
		return false
	}
	if skip != "time" {
		if len(q.WorkingTimes) > 0 && !slices.Contains(q.WorkingTimes, string(ad.WorkingTime)) {
			return false
		}
		if q.HoursMin > 0 || q.HoursMax > 0 {
			hi := float64(cmp.Or(q.HoursMax, 37))
			if ad.WorkingTime != shared.PartTimeJob || ad.HoursPerWeek == 0 || ad.HoursPerWeek < float64(q.HoursMin) || ad.HoursPerWeek > hi {
				return false
			}
		}
	}
	return true
}

// TestSearchFacetCounts: for a table of searches over a fixed generated
// set, the total and every value's count equal a brute-force count over
// the ads — each criterion counted without its own choice.
func TestSearchFacetCounts(t *testing.T) {
	s, ads := adsDB(t, 3000)
	ix := findjobIndex(t)
	searches := []shared.JobSearch{
		{},
		{Areas: []string{"hovedstaden-og-bornholm"}},
		{Areas: []string{"hovedstaden-og-bornholm", "fyn"}, Terms: []string{"ordinaer"}},
		{Kommuner: []string{"0751", "0101"}, Abroad: true},
		{Disco: []string{"5"}, WorkingTimes: []string{"deltid"}},
		{Disco: []string{"22", "9"}, Durations: []string{"fast", "vikariat"}, Hotjob: true},
		{Terms: []string{"fleksjob", "elev"}, Hotjob: true, Areas: []string{"nordjylland"}},
		{WorkingTimes: []string{"deltid"}, HoursMin: 20, HoursMax: 30},
		{WIDK: true, Durations: []string{"fast"}},
		{Disco: []string{"5321"}, Areas: []string{"oestjylland"}},
	}
	for _, q := range searches {
		q = q.Normalize()
		t.Run(q.Query().Encode(), func(t *testing.T) {
			res, err := s.SearchJobAds(context.Background(), ix, q)
			if err != nil {
				t.Fatal(err)
			}
			want := 0
			for _, p := range ads {
				if matches(ix, q, p, "") {
					want++
				}
			}
			t.Logf("total %d", want)
			if res.Total != want {
				t.Errorf("total %d, want %d", res.Total, want)
			}
			if want > 0 && len(res.Ads) != min(want, shared.JobSearchPageSize) {
				t.Errorf("%d ads on the page of %d", len(res.Ads), want)
			}
			for _, f := range res.Facets {
				for _, v := range f.Values {
					n := 0
					for _, p := range ads {
						if facetHas(f.Name, v.Value, p) && matches(ix, q, p, critOf(f.Name)) {
							n++
						}
					}
					if v.Count != n {
						t.Errorf("%s=%s (%s): %d, want %d", f.Name, v.Value, v.Label, v.Count, n)
					}
				}
			}
			if q.WIDK && slices.ContainsFunc(res.Facets, func(f shared.Facet) bool { return f.Name == storage.FacetDisco || f.Name == storage.FacetTerms }) {
				t.Error("Work in Denmark has Arbejdsområde or Ansættelsesvilkår")
			}
		})
	}
}

func critOf(facet string) string {
	switch facet {
	case storage.FacetArea, storage.FacetKommune, storage.FacetAbroad:
		return "geo"
	case storage.FacetDisco:
		return "disco"
	case storage.FacetTerms, storage.FacetHotjob:
		return "terms"
	case storage.FacetDuration:
		return "duration"
	}
	return "time"
}

func facetHas(facet, value string, p findjob.Placed) bool {
	switch facet {
	case storage.FacetArea:
		return p.Area != nil && p.Area.Code == value
	case storage.FacetKommune:
		return p.Kommune != nil && p.Kommune.Code == value
	case storage.FacetAbroad:
		return p.Postcode == nil
	case storage.FacetDisco:
		return strings.HasPrefix(p.Occupation.DISCO, value)
	case storage.FacetTerms:
		return string(p.Ad.Terms) == value
	case storage.FacetHotjob:
		return p.Ad.Hotjob
	case storage.FacetDuration:
		return string(p.Ad.Duration) == value
	}
	return string(p.Ad.WorkingTime) == value
}

// TestSearchText: the free text finds ads by their words' beginnings and
// by the parts of compound words, with Danish stemming.
func TestSearchText(t *testing.T) {
	s, ads := adsDB(t, 3000)
	ix := findjobIndex(t)
	found := func(q string) map[string]bool {
		out := map[string]bool{}
		for page := 1; ; page++ {
			res, err := s.SearchJobAds(context.Background(), ix, shared.JobSearch{Q: q, Page: page})
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range res.Ads {
				out[a.SenderID] = true
			}
			if page >= res.Pages {
				return out
			}
		}
	}
	for _, tt := range []struct{ q, titleHas string }{
		{"lager", "lager"},             // a word's beginning
		{"medarbejder", "medarbejder"}, // a compound's part
		{"sygeplejersker", "sygeplejerske"},
		{"Social- og sundhedshjælper", "social- og sundhedshjælper"},
	} {
		got := found(tt.q)
		n := 0
		for _, p := range ads {
			if strings.Contains(strings.ToLower(p.Ad.Title), tt.titleHas) {
				n++
				if !got[p.Ad.SenderID] {
					t.Errorf("%q does not find %q", tt.q, p.Ad.Title)
				}
			}
		}
		if n == 0 {
			t.Errorf("no generated ad has %q in its title: the case tests nothing", tt.titleHas)
		}
	}
	if got := found("zzqxj"); len(got) != 0 {
		t.Errorf("nonsense finds %d ads", len(got))
	}
	if got := found(`'&|!:*()`); len(got) != 0 {
		t.Errorf("tsquery syntax finds %d ads", len(got))
	}
}

// TestSearchRadius: a circle round a postcode's centre holds the ads
// within it and nothing without coordinates; a postcode alone is its ads.
func TestSearchRadius(t *testing.T) {
	s, ads := adsDB(t, 3000)
	ix := findjobIndex(t)
	centre, _ := ix.Postcode("8000")
	for _, km := range []int{0, 10, 50} {
		res, err := s.SearchJobAds(context.Background(), ix, shared.JobSearch{Postcode: "8000", Km: km})
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, p := range ads {
			switch {
			case p.Postcode == nil:
			case km == 0 && p.Postcode.Code == "8000":
				want++
			case km > 0 && shared.DistanceKm(centre.Lat, centre.Lon, p.Postcode.Lat, p.Postcode.Lon) <= float64(km)-0.01:
				want++
			}
		}
		// The database's earth model and the test's haversine differ by
		// metres: an ad within 10 m of the edge may go either way.
		if diff := res.Total - want; diff < 0 || diff > 2 {
			t.Errorf("8000 + %d km: %d ads, want %d", km, res.Total, want)
		}
		if km == 50 && want < 10 {
			t.Errorf("only %d ads within 50 km of Aarhus: the case tests little", want)
		}
	}
}
