package storage_test

import (
	"cmp"
	"context"
	"reflect"
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

// TestSearchIndexAgrees: the in-memory index answers every search with
// text or a place as the database does — the total, the pages, every
// facet's counts, the ads without a place, and the page's ads in order.
func TestSearchIndexAgrees(t *testing.T) {
	ctx := context.Background()
	ix := findjobIndex(t)
	db := dbtest.MustOpenDB(t)
	g := jobadgen.New(ix, now, 1)
	inDB := storage.New(db, nil)
	if err := inDB.CopyJobAds(ctx, "gen", 3000, g.Ad, now, nil); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3000; i += 97 { // some withdrawn, which neither finds
		if _, err := inDB.WithdrawJobAd(ctx, "gen", g.Ad(i).Ad.SenderID, now); err != nil {
			t.Fatal(err)
		}
	}
	inMem := storage.New(db, nil)
	if err := inMem.WarmJobSearch(ctx, ix); err != nil {
		t.Fatal(err)
	}
	broad := 0
	for _, q := range []shared.JobSearch{
		{Q: "medarbejder"},
		{Q: "Medarbejder", Page: 3},
		{Q: "medarbejder", Page: 99},
		{Q: "lager"},
		{Q: "pædagog", Areas: []string{"hovedstaden-og-bornholm", "fyn"}},
		{Q: "Social- og sundhedshjælper"},
		{Q: "sygeplejersker", Disco: []string{"2"}},
		{Q: "kok", WorkingTimes: []string{"deltid"}, HoursMin: 20, HoursMax: 30},
		{Q: "medarbejder", Kommuner: []string{"0751", "0101"}, Terms: []string{"ordinaer"}, Hotjob: true, Durations: []string{"fast"}},
		{Q: "konsulent", WIDK: true},
		{Q: "og"},    // a stop word only
		{Q: "zzqxj"}, // nothing
		{Q: "a", Abroad: true},
		{Postcode: "8000"},
		{Postcode: "8000", Km: 50},
		{Postcode: "2300", Km: 25, Q: "assistent"},
		{Postcode: "8000", Km: 100, Map: true},
		{Q: "medarbejder", Map: true},
	} {
		q = q.Normalize()
		t.Run(q.Query().Encode(), func(t *testing.T) {
			want, err := inDB.SearchJobAdsSQL(ctx, ix, q)
			if err != nil {
				t.Fatal(err)
			}
			got, ok, err := inMem.SearchJobAdsIndexed(ctx, ix, q)
			if err != nil || !ok {
				t.Fatalf("the index did not answer: %v", err)
			}
			if got.Total != want.Total || got.Pages != want.Pages || got.WithoutPlace != want.WithoutPlace {
				t.Errorf("total %d, pages %d, without a place %d; the database: %d, %d, %d",
					got.Total, got.Pages, got.WithoutPlace, want.Total, want.Pages, want.WithoutPlace)
			}
			if !reflect.DeepEqual(got.Facets, want.Facets) {
				t.Errorf("facets differ:\n%+v\nthe database:\n%+v", got.Facets, want.Facets)
			}
			ids := func(ads []shared.JobAdView) []int64 {
				var out []int64
				for _, a := range ads {
					out = append(out, a.ID)
				}
				return out
			}
			if !slices.Equal(ids(got.Ads), ids(want.Ads)) {
				t.Errorf("ads %v, the database's %v", ids(got.Ads), ids(want.Ads))
			}
			if want.Total > shared.JobSearchPageSize {
				broad++
			}
		})
	}
	if broad < 5 {
		t.Errorf("only %d searches find more than a page: the paging is hardly tested", broad)
	}
}

// TestSearchIndexFollowsChanges: an ad sent, changed or withdrawn through
// the store is found (or not) by the index's next search; another
// server's change once the index is older than a second.
func TestSearchIndexFollowsChanges(t *testing.T) {
	ctx := context.Background()
	ix := findjobIndex(t)
	db := dbtest.MustOpenDB(t)
	g := jobadgen.New(ix, now, 1)
	s := storage.New(db, nil)
	if err := s.CopyJobAds(ctx, "gen", 500, g.Ad, now, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.WarmJobSearch(ctx, ix); err != nil {
		t.Fatal(err)
	}
	found := func(store *storage.Store, text string) []int64 {
		t.Helper()
		res, ok, err := store.SearchJobAdsIndexed(ctx, ix, shared.JobSearch{Q: text})
		if err != nil || !ok {
			t.Fatalf("the index did not answer: %v", err)
		}
		var ids []int64
		for _, a := range res.Ads {
			ids = append(ids, a.ID)
		}
		if len(ids) != res.Total {
			t.Fatalf("%d ads on the page of %d", len(ids), res.Total)
		}
		return ids
	}
	p := g.Ad(500)
	p.Ad.Title = "Zebrapasser i Zoologisk Have"
	id, _, err := s.PutJobAd(ctx, "gen", p, now)
	if err != nil {
		t.Fatal(err)
	}
	if got := found(s, "zebrapasser"); !slices.Equal(got, []int64{id}) {
		t.Fatalf("a new ad: %v, want [%d]", got, id)
	}
	p.Ad.Title = "Elefantpasser i Zoologisk Have"
	if _, _, err := s.PutJobAd(ctx, "gen", p, now); err != nil {
		t.Fatal(err)
	}
	if got := found(s, "zebrapasser"); len(got) != 0 {
		t.Errorf("a changed ad is found by its old title: %v", got)
	}
	if got := found(s, "elefantpasser"); !slices.Equal(got, []int64{id}) {
		t.Errorf("a changed ad by its new title: %v, want [%d]", got, id)
	}
	if _, err := s.WithdrawJobAd(ctx, "gen", p.Ad.SenderID, now); err != nil {
		t.Fatal(err)
	}
	if got := found(s, "elefantpasser"); len(got) != 0 {
		t.Errorf("a withdrawn ad is found: %v", got)
	}
	// Another server sends it again.
	if _, _, err := storage.New(db, nil).PutJobAd(ctx, "gen", p, now); err != nil {
		t.Fatal(err)
	}
	s.AgeJobSearchIndex()
	if got := found(s, "elefantpasser"); !slices.Equal(got, []int64{id}) {
		t.Errorf("another server's ad after a second: %v, want [%d]", got, id)
	}
}

// TestSuggestCache: the suggestions kept by what was typed are the
// database's, asked again or not, whatever the kinds and the limit.
func TestSuggestCache(t *testing.T) {
	ctx := context.Background()
	s := storage.New(dbtest.MustOpenDB(t), nil)
	all := []string{shared.SuggestOccupation, shared.SuggestAlias, shared.SuggestGroup, shared.SuggestTown, shared.SuggestPostcode, shared.SuggestCountry}
	for _, tt := range []struct {
		q     string
		kinds []string
		limit int
	}{
		{"pæd", all, 12}, {"Pæd", all, 12}, {"pæd", all, 3}, {"pæd", []string{shared.SuggestTown}, 12},
		{"aar", all, 12}, {"2300", all, 12}, {"zzqx", all, 12},
	} {
		want, err := s.SuggestInDatabase(ctx, tt.q, tt.kinds, tt.limit)
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			got, err := s.Suggest(ctx, tt.q, tt.kinds, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%q %v %d: %v, the database %v", tt.q, tt.kinds, tt.limit, got, want)
			}
		}
	}
	if got, _ := s.Suggest(ctx, "pæd", all, 12); len(got) == 0 {
		t.Error("no suggestions for pæd: the case tests nothing")
	}
}

// TestSearchCountsKept: a search of all ads keeps its counts for its
// criteria (page 2 has page 1's), and a new ad is counted at once.
func TestSearchCountsKept(t *testing.T) {
	ctx := context.Background()
	ix := findjobIndex(t)
	s, _ := adsDB(t, 300)
	// A new ad to come, and a search of its area.
	g := jobadgen.New(ix, now, 1)
	i := 300
	for g.Ad(i).Area == nil {
		i++
	}
	p := g.Ad(i)
	p.Ad.SenderID = "kept-counts"
	q := shared.JobSearch{Areas: []string{p.Area.Code}}
	first, err := s.SearchJobAds(ctx, ix, q)
	if err != nil {
		t.Fatal(err)
	}
	q.Page = 2
	second, err := s.SearchJobAds(ctx, ix, q)
	if err != nil {
		t.Fatal(err)
	}
	if second.Total != first.Total || !reflect.DeepEqual(second.Facets, first.Facets) {
		t.Errorf("page 2 counts %d, page 1 %d", second.Total, first.Total)
	}
	if _, _, err := s.PutJobAd(ctx, "gen", p, now); err != nil {
		t.Fatal(err)
	}
	q.Page = 1
	third, err := s.SearchJobAds(ctx, ix, q)
	if err != nil {
		t.Fatal(err)
	}
	if third.Total != first.Total+1 {
		t.Errorf("after a new ad: %d ads in its area, want %d", third.Total, first.Total+1)
	}
	all, err := s.SearchJobAds(ctx, ix, shared.JobSearch{Page: 2})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != 301 {
		t.Errorf("after a new ad: %d ads, want 301", all.Total)
	}
	if facetCount(third.Facets, storage.FacetArea, q.Areas[0]) != third.Total {
		t.Errorf("the area's own count %d, its total %d", facetCount(third.Facets, storage.FacetArea, q.Areas[0]), third.Total)
	}
}

func facetCount(facets []shared.Facet, name, value string) int {
	for _, f := range facets {
		for _, v := range f.Values {
			if f.Name == name && v.Value == value {
				return v.Count
			}
		}
	}
	return -1
}

// TestSearchIndexBulk: a refresh that finds more changed ads than it
// reads one by one hands the search to the database until the index is
// built anew, and the new one has them.
func TestSearchIndexBulk(t *testing.T) {
	ctx := context.Background()
	ix := findjobIndex(t)
	db := dbtest.MustOpenDB(t)
	g := jobadgen.New(ix, now, 1)
	s := storage.New(db, nil)
	if err := s.CopyJobAds(ctx, "gen", 10, g.Ad, now, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.WarmJobSearch(ctx, ix); err != nil {
		t.Fatal(err)
	}
	const bulk = 5001 // adIndexBulk + 1
	if err := storage.New(db, nil).CopyJobAds(ctx, "gen", bulk, func(i int) findjob.Placed { return g.Ad(10 + i) }, now, nil); err != nil {
		t.Fatal(err)
	}
	s.AgeJobSearchIndex()
	q := shared.JobSearch{Postcode: "8000", Km: 500}
	if _, ok, err := s.SearchJobAdsIndexed(ctx, ix, q); err != nil || ok {
		t.Fatalf("the index answered after a bulk load it had not read (ok %v, %v)", ok, err)
	}
	if err := s.WarmJobSearch(ctx, ix); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.SearchJobAdsIndexed(ctx, ix, q)
	if err != nil || !ok {
		t.Fatalf("the index built anew did not answer: %v", err)
	}
	want, err := s.SearchJobAdsSQL(ctx, ix, q)
	if err != nil {
		t.Fatal(err)
	}
	if got.Total != want.Total || got.Total < bulk/2 {
		t.Errorf("%d ads within 500 km of Aarhus, the database %d, of %d", got.Total, want.Total, 10+bulk)
	}
}
