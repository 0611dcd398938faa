package jobs

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/uptrace/bun/dialect/pgdialect"

	"jobnet/server/dbtest"
	"jobnet/server/findjob"
	"jobnet/server/jobadgen"
	"jobnet/server/servertest"
	"jobnet/server/storage"
	"jobnet/shared"
)

// The job agents' run at scale (issue 11). `make bench-jobagents` runs it
// with 10,000 agents over 100,000 ads; `make bench-go` with the small
// defaults. The ads are Find Job's generated ones, published over the 30
// days before the run, in the order they were published; every agent last
// mailed a day ago, so about a thirtieth of the ads are new to it. The agents' searches are those
// people make — an occupation's word, with an area, a working time or a
// circle round a postcode, a few with no text and a few of Work in
// Denmark's — and each run does every agent: its search over its new
// ads, and, when there are any, its mail into the outbox with the send
// job, in the transaction that moves its watermark.

var (
	benchAgents   = flag.Int("jobagents.agents", 1000, "job agents in BenchmarkJobAgentRun")
	benchAgentAds = flag.Int("jobagents.ads", 10000, "ads in BenchmarkJobAgentRun")
)

func benchAgentSearches() []string {
	words := []string{"pædagog", "lager", "sygeplejerske", "kok", "chauffør", "elektriker", "tømrer", "rengøring", "sælger", "ingeniør",
		"medarbejder", "assistent", "konsulent", "social- og sundhedshjælper", "smed", "lærer", "", "kontor"}
	areas := []string{"hovedstaden-og-bornholm", "oestjylland", "fyn", "nordjylland", "sydjylland", "vestjylland"}
	postcodes := []string{"8000", "2300", "5000", "9000", "6700"}
	var out []string
	for i, w := range words {
		for j := range 3 {
			q := shared.JobSearch{Q: w}
			switch j {
			case 0:
				q.Areas = []string{areas[i%len(areas)]}
			case 1:
				q.WorkingTimes = []string{"fuldtid"}
			case 2:
				q.Postcode, q.Km = postcodes[i%len(postcodes)], 30
			}
			if i%9 == 4 && j == 1 {
				q.WIDK = true
			}
			out = append(out, q.Query().Encode())
		}
	}
	return out
}

func BenchmarkJobAgentRun(b *testing.B) {
	ctx := context.Background()
	db := dbtest.MustOpenDB(b)
	q, err := New(db, slog.New(slog.NewTextHandler(io.Discard, nil)), Config{Work: false})
	if err != nil {
		b.Fatal(err)
	}
	store := storage.New(db, q)
	ix, err := findjob.Default()
	if err != nil {
		b.Fatal(err)
	}
	now := servertest.Now.In(servertest.Copenhagen)
	start := time.Now()
	// The ads arrive as they do in production, oldest first, so that a
	// day's new ads lie together at the end of the table.
	g := jobadgen.New(ix, now, 7)
	step := 30 * 24 * time.Hour / time.Duration(*benchAgentAds)
	arrive := func(i int) findjob.Placed {
		p := g.Ad(i)
		p.Ad.Published = now.Add(-30*24*time.Hour + time.Duration(i)*step).Truncate(time.Second)
		return p
	}
	if err := store.CopyJobAds(ctx, "bench", *benchAgentAds, arrive, now, nil); err != nil {
		b.Fatal(err)
	}
	if _, err := db.Exec("VACUUM ANALYZE job_ads"); err != nil {
		b.Fatal(err)
	}
	searches := benchAgentSearches()
	if _, err := db.NewRaw(`INSERT INTO job_agents (name, search, frequency, weekday, lang, email, confirmed_at, created_at, seen_published)
		SELECT 'Agent ' || i, s.search, 'daglig', 1, CASE WHEN s.search LIKE '%WIDK=true%' THEN 'en' ELSE 'da' END, 'agent' || i || '@example.dk', ?0, ?0, ?0
		FROM generate_series(0, ?1 - 1) AS i JOIN unnest(?2::text[]) WITH ORDINALITY AS s (search, k) ON s.k = 1 + i % ?3`,
		now, *benchAgents, pgdialect.Array(searches), len(searches)).Exec(ctx); err != nil {
		b.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "%d ads and %d agents (%d searches) made in %s\n", *benchAgentAds, *benchAgents, len(searches), time.Since(start).Round(time.Second))
	// "distinct": every agent its own watermark, so every agent is a
	// search of its own — the worst case. "shared": the agents of each of
	// the searches share one watermark, as agents of one search come to
	// (the newest ad they mailed), so a run searches once per search.
	for _, variant := range []struct {
		name      string
		watermark string
	}{
		{"distinct", "?::timestamptz - id * interval '1 millisecond'"},
		{"shared", "?::timestamptz"},
	} {
		b.Run(variant.name, func(b *testing.B) {
			var run JobAgentRun
			for b.Loop() {
				b.StopTimer()
				// Every agent last mailed yesterday at this time.
				for _, stmt := range []string{"TRUNCATE outbox, job_agent_tokens", "DELETE FROM river_job"} {
					if _, err := db.Exec(stmt); err != nil {
						b.Fatal(err)
					}
				}
				if _, err := db.NewRaw("UPDATE job_agents SET seen_published = "+variant.watermark+", seen_id = 0, last_period = ?, last_run_at = NULL",
					now.Add(-24*time.Hour), storage.JobAgentRunDay(now).AddDays(-1).String()).Exec(ctx); err != nil {
					b.Fatal(err)
				}
				if _, err := db.Exec("VACUUM ANALYZE job_agents"); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				var err error
				if run, err = RunJobAgents(ctx, store, ix, "https://jobnet.test", now); err != nil {
					b.Fatal(err)
				}
				if run.Due != *benchAgents {
					b.Fatalf("%d agents due, want %d", run.Due, *benchAgents)
				}
			}
			var outbox int
			if err := db.NewRaw("SELECT count(*) FROM outbox").Scan(ctx, &outbox); err != nil || outbox != run.Mailed {
				b.Fatalf("%d mails in the outbox, the run says %d (%v)", outbox, run.Mailed, err)
			}
			b.ReportMetric(float64(run.Searches), "searches")
			b.ReportMetric(float64(run.Mailed), "mails")
			b.ReportMetric(float64(run.Mailed)/run.Took.Seconds(), "mails/s")
			b.ReportMetric(run.Took.Seconds(), "s/run")
		})
	}
}
