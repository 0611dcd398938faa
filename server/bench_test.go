package server

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"testing"
	"time"

	"jobnet/server/ingestv1"
	"jobnet/shared"
)

// benchGET measures a GET through the whole handler chain (session lookup,
// authorization, query, projection, encoding) for one role.
func benchGET(b *testing.B, path string, login func(env *testEnv) *client) {
	env := newTestEnv(b)
	ts := env.ts
	c := login(env)
	req, _ := http.NewRequest("GET", ts.URL+path, nil)
	for _, ck := range c.http.Jar.Cookies(mustURL(ts.URL)) {
		req.AddCookie(ck)
	}
	b.ResetTimer()
	for b.Loop() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil || resp.StatusCode != 200 {
			b.Fatalf("%v %v", err, resp.Status)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

func asMads(env *testEnv) *client { c := env.client(); c.loginCitizen("mads"); return c }

func asBerit(env *testEnv) *client { return env.mirror("berit", cprMads) }

func BenchmarkOverviewCitizen(b *testing.B) { benchGET(b, "/api/overview", asMads) }
func BenchmarkOverviewAKasse(b *testing.B)  { benchGET(b, "/api/overview", asBerit) }
func BenchmarkPlanCitizen(b *testing.B)     { benchGET(b, "/api/plan", asMads) }
func BenchmarkPlanAKasse(b *testing.B)      { benchGET(b, "/api/plan", asBerit) }

// BenchmarkPlanGET200 measures GET /api/plan for a plan of 200 items over
// loopback, for the citizen and the a-kasse's projection, and reports the
// 50th and 99th percentile of the requests.
func BenchmarkPlanGET200(b *testing.B) {
	for _, who := range []string{"citizen", "akasse"} {
		b.Run(who, func(b *testing.B) {
			env := newTestEnv(b)
			today := shared.DateOf(env.clock.Now())
			p := shared.Plan{VersionID: "bench", Type: shared.PlanJob, JobGoals: []shared.JobGoal{{Title: "Rørlægger"}}}
			kinds := []shared.ItemKind{"kursus", "loentilskud", "mentor", "aftale_jobcenter", "hjaelpemiddel"}
			for i := 0; i < 200; i++ {
				p.Items = append(p.Items, shared.PlanItem{ID: fmt.Sprint(i), Kind: kinds[i%len(kinds)], Title: fmt.Sprintf("Indsats %d", i),
					What: "Hvad er aftalt for denne indsats, med timer og indhold.", Why: "Fordi den bringer dig nærmere dit jobmål.",
					Period: shared.Period{From: today.AddDays(-i), To: today.AddDays(200 - i)}})
			}
			c := env.client()
			c.decode(c.do("POST", "/api/ingest/v1/plan", ingestv1.NewPlan(cprMads, p), "Authorization", "Bearer demo-token-jobcenter-koebenhavn"), 200, nil)
			var cl *client
			if who == "citizen" {
				cl = env.client()
				cl.loginCitizen("mads")
			} else {
				cl = env.mirror("berit", cprMads)
			}
			req, _ := http.NewRequest("GET", env.ts.URL+"/api/plan", nil)
			for _, ck := range cl.http.Jar.Cookies(mustURL(env.ts.URL)) {
				req.AddCookie(ck)
			}
			var samples []time.Duration
			b.ResetTimer()
			for b.Loop() {
				start := time.Now()
				resp, err := http.DefaultClient.Do(req)
				if err != nil || resp.StatusCode != 200 {
					b.Fatalf("%v %v", err, resp.Status)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				samples = append(samples, time.Since(start))
			}
			slices.Sort(samples)
			b.ReportMetric(float64(samples[len(samples)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(samples[len(samples)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}
