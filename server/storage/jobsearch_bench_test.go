package storage_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/uptrace/bun"

	"jobnet/server/dbtest"
	"jobnet/server/jobadgen"
	"jobnet/server/storage"
	"jobnet/shared"
)

// Find Job's benchmarks (issue 10): the search with text, two filters and
// every criterion's counts, and the suggestions, each from 8 concurrent
// clients, beside a floor in the same run — a bare primary-key SELECT
// through the same pool. `make bench-findjob` runs them at 100,000 and
// 1,000,000 generated ads (-findjob.ads); the ads are written with COPY
// behind a progress bar.

var benchAds = flag.String("findjob.ads", "", "comma-separated ad counts for Find Job's benchmarks (e.g. 100000,1000000); none skips them")

// benchClients is the number of concurrent clients.
const benchClients = 8

var (
	benchMu  sync.Mutex
	benchDBs = map[int]*storage.Store{}
	benchBun = map[int]*bun.DB{} // the same databases, for the benchmarks' own rows
)

// benchStore is a database with n generated ads, made once per run.
func benchStore(b *testing.B, n int) *storage.Store {
	benchMu.Lock()
	defer benchMu.Unlock()
	if s, ok := benchDBs[n]; ok {
		return s
	}
	ix := findjobIndex(b)
	db := dbtest.MustOpenDB(b)
	s := storage.New(db, nil)
	bar := progressbar.NewOptions(n, progressbar.OptionSetWriter(os.Stderr), progressbar.OptionSetDescription(fmt.Sprintf("COPY %d ads", n)),
		progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionThrottle(500*time.Millisecond))
	start := time.Now()
	g := jobadgen.New(ix, now, 7)
	if err := s.CopyJobAds(context.Background(), "bench", n, g.Ad, now, func(done int) { bar.Set(done) }); err != nil {
		b.Fatal(err)
	}
	bar.Finish()
	if _, err := db.Exec("VACUUM ANALYZE job_ads"); err != nil {
		b.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "\n%d ads written and analysed in %s\n", n, time.Since(start).Round(time.Second))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start = time.Now()
	if err := s.WarmJobSearch(context.Background(), ix); err != nil {
		b.Fatal(err)
	}
	built := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	fmt.Fprintf(os.Stderr, "Find Job's index of %d ads built in %s, %.1f MB in memory\n", n, built.Round(time.Millisecond),
		float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/1e6)
	benchDBs[n], benchBun[n] = s, db
	return s
}

// benchSearches are searches with text and two filters, as people make
// them: an occupation's word, an area or a working time, and terms.
var benchSearches = func() []shared.JobSearch {
	words := []string{"pædagog", "lager", "sygeplejerske", "kok", "chauffør", "elektriker", "tømrer", "rengøring", "sælger", "ingeniør",
		"medarbejder", "assistent", "konsulent", "social- og sundhedshjælper", "smed", "lærer"}
	areas := []string{"hovedstaden-og-bornholm", "oestjylland", "fyn", "nordjylland", "sydjylland", "vestjylland"}
	var out []shared.JobSearch
	for i, w := range words {
		q := shared.JobSearch{Q: w, Areas: []string{areas[i%len(areas)]}}
		if i%2 == 0 {
			q.WorkingTimes = []string{"fuldtid"}
		} else {
			q.Durations = []string{"fast"}
		}
		out = append(out, q.Normalize())
	}
	return out
}()

var benchSuggestions = []string{"pæd", "lag", "syge", "kok", "chau", "aar", "kbh", "ode", "2300", "nor", "ing", "ele", "tøm", "ren", "sæl", "smed"}

// runClients runs op from benchClients goroutines until b.N ops are done
// and reports the latency's percentiles.
func runClients(b *testing.B, op func(i int) error) { runClientsN(b, benchClients, op) }

// runClientsN is runClients with clients goroutines.
func runClientsN(b *testing.B, clients int, op func(i int) error) {
	b.Helper()
	var mu sync.Mutex
	var lat []time.Duration
	var next int64
	var wg sync.WaitGroup
	var firstErr error
	b.ResetTimer()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= int64(b.N) {
					break
				}
				t0 := time.Now()
				if err := op(int(i)); err != nil {
					mu.Lock()
					firstErr = err
					mu.Unlock()
					return
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	b.StopTimer()
	if firstErr != nil {
		b.Fatal(firstErr)
	}
	slices.Sort(lat)
	pct := func(p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

// BenchmarkFindJob: search, suggestions and the floor at each size.
func BenchmarkFindJob(b *testing.B) {
	if *benchAds == "" {
		b.Skip("set -findjob.ads (make bench-findjob)")
	}
	ix := findjobIndex(b)
	kinds := []string{shared.SuggestOccupation, shared.SuggestAlias, shared.SuggestGroup, shared.SuggestTown, shared.SuggestPostcode, shared.SuggestCountry}
	for _, field := range strings.Split(*benchAds, ",") {
		n, err := strconv.Atoi(field)
		if err != nil {
			b.Fatal(err)
		}
		s := benchStore(b, n)
		ctx := context.Background()
		b.Run(fmt.Sprintf("ads=%d/floor-pk-select", n), func(b *testing.B) {
			runClients(b, func(i int) error { _, err := s.JobAd(ctx, int64(1+i%n)); return err })
		})
		b.Run(fmt.Sprintf("ads=%d/search-text+2filters+facets", n), func(b *testing.B) {
			runClients(b, func(i int) error {
				_, err := s.SearchJobAds(ctx, ix, benchSearches[i%len(benchSearches)])
				return err
			})
		})
		// The same searches in the database alone, as before the index.
		b.Run(fmt.Sprintf("ads=%d/search-text+2filters+facets-in-database", n), func(b *testing.B) {
			runClients(b, func(i int) error {
				_, err := s.SearchJobAdsSQL(ctx, ix, benchSearches[i%len(benchSearches)])
				return err
			})
		})
		b.Run(fmt.Sprintf("ads=%d/search-all+facets", n), func(b *testing.B) {
			runClients(b, func(i int) error { _, err := s.SearchJobAds(ctx, ix, shared.JobSearch{Page: 1 + i%5}); return err })
		})
		b.Run(fmt.Sprintf("ads=%d/suggest", n), func(b *testing.B) {
			runClients(b, func(i int) error {
				_, err := s.Suggest(ctx, benchSuggestions[i%len(benchSuggestions)], kinds, 12)
				return err
			})
		})
		// The same in the database every time, as on a cold cache.
		b.Run(fmt.Sprintf("ads=%d/suggest-in-database", n), func(b *testing.B) {
			runClients(b, func(i int) error {
				_, err := s.SuggestInDatabase(ctx, benchSuggestions[i%len(benchSuggestions)], kinds, 12)
				return err
			})
		})
	}
}

// benchCitizens are citizens for automatch's benchmark, made once per
// store: homes all over the country (postcodes in a fixed order), one to
// three occupations each among those the ads have.
func benchCitizens(b *testing.B, ads int, s *storage.Store, n int) []storage.Citizen {
	b.Helper()
	ctx := context.Background()
	var ids []int64
	err := benchBun[ads].NewRaw(`WITH p AS (SELECT code, row_number() OVER (ORDER BY code) AS i FROM postcodes WHERE NOT bulk),
		c AS (INSERT INTO citizens (cpr, name, home_postcode)
			SELECT lpad(g::text, 6, '0') || '-' || lpad((g % 10000)::text, 4, '0'), 'Bench ' || g,
				(SELECT code FROM p WHERE p.i = 1 + (g * 37) % (SELECT count(*) FROM p))
			FROM generate_series(1, ?) g
			ON CONFLICT (cpr) DO UPDATE SET name = EXCLUDED.name RETURNING id),
		o AS (SELECT occupation_id, row_number() OVER (ORDER BY occupation_id) AS i FROM (SELECT DISTINCT occupation_id FROM job_ads) d),
		ins AS (INSERT INTO sought_occupations (citizen_id, occupation_id, educated, added_at, updated_at)
			SELECT c.id, o.occupation_id, true, now(), now() FROM c, generate_series(0, (c.id % 3)::int) k
			JOIN o ON true WHERE o.i = 1 + (c.id * 13 + k * 101) % (SELECT count(*) FROM o)
			ON CONFLICT DO NOTHING)
		SELECT id FROM c ORDER BY id`, n).Scan(ctx, &ids)
	if err != nil {
		b.Fatal(err)
	}
	out := make([]storage.Citizen, len(ids))
	for i, id := range ids {
		out[i] = s.Citizen(id)
	}
	return out
}

// BenchmarkAutomatch: automatch and the forsidekort's facts at login for
// one citizen of 200 (issue 11: automatch p95 ≤ 20 ms at 100,000 ads),
// from one client (a login's own latency) and from benchClients (the
// machine's throughput), beside the floor, at each size.
func BenchmarkAutomatch(b *testing.B) {
	if *benchAds == "" {
		b.Skip("set -findjob.ads (make bench-findjob)")
	}
	ix := findjobIndex(b)
	groups := ix.Tax.HotjobGroups()
	for _, field := range strings.Split(*benchAds, ",") {
		n, err := strconv.Atoi(field)
		if err != nil {
			b.Fatal(err)
		}
		s := benchStore(b, n)
		cs := benchCitizens(b, n, s, 200)
		ctx := context.Background()
		automatch := func(i int) error { _, err := cs[i%len(cs)].Automatch(ctx, i%10 == 0, groups); return err }
		facts := func(i int) error { _, err := cs[i%len(cs)].FrontFacts(ctx, now); return err }
		floor := func(i int) error { _, err := s.JobAd(ctx, int64(1+i%n)); return err }
		for _, clients := range []int{1, benchClients} {
			b.Run(fmt.Sprintf("ads=%d/clients=%d/floor-pk-select", n, clients), func(b *testing.B) { runClientsN(b, clients, floor) })
			b.Run(fmt.Sprintf("ads=%d/clients=%d/automatch", n, clients), func(b *testing.B) { runClientsN(b, clients, automatch) })
			b.Run(fmt.Sprintf("ads=%d/clients=%d/forsidekort-facts", n, clients), func(b *testing.B) { runClientsN(b, clients, facts) })
		}
	}
}
