package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/uptrace/bun"

	"jobnet/internal/stats"
	"jobnet/server"
	"jobnet/server/scaleseed"
	"jobnet/server/storage"
	"jobnet/shared"
)

// httpBench is what `make bench-scale` measures over the data set.
type httpBench struct {
	citizens    int            // the data set's citizens, to draw sessions from
	sessions    int            // live sessions of citizens drawn at random
	connections int            // wrk's connections
	seconds     int            // per wrk run
	web         string         // make build's web/ (app.wasm and the styles)
	location    *time.Location // Europe/Copenhagen
}

// floorRoute is the bare primary-key SELECT through the same pool and HTTP
// stack: GET /api/eures reads one column of the citizen's row by its id,
// behind the same session lookup, policy and encoding as every other
// citizen-scoped GET. A real route serves as the floor, so no route exists
// only for the benchmark.
const floorRoute = shared.APIEures

// bigPlanItems is the least number of items of "Min Plan of 200 items":
// the data set's longest plans (scaleseed's itemCount: at most 200).
const bigPlanItems = 180

// benchHTTP serves the portal in this process over the data set and
// measures the citizen-scoped GETs with wrk — the front page with
// automatch, Min Plan (any, and of 180 items or more), the counters, the
// Joblog list and the calendar month — each run right after a run of the
// floor, twice, over many live sessions. The machine is shared and noisy:
// the ratios to the floor in the same run are what to read; the
// absolutes are printed too. The table is kept in results/scale-http.txt.
func benchHTTP(ctx context.Context, db *bun.DB, store *storage.Store, b httpBench, out io.Writer) error {
	if _, err := exec.LookPath("wrk"); err != nil {
		return errors.New("wrk not found: apt-get install wrk (make bench-scale does)")
	}
	now := time.Now()
	idle := 2 * time.Hour // longer than the runs: no session ends midway
	rng := rand.New(rand.NewPCG(15, 2026))
	draw := make([]int, b.sessions)
	for i := range draw {
		draw[i] = rng.IntN(b.citizens)
	}
	began := time.Now()
	cookies, err := startSessions(ctx, store, draw, now, idle)
	if err != nil {
		return err
	}
	big, err := bigPlanCitizens(ctx, db, 200)
	if err != nil {
		return err
	}
	bigCookies, err := startSessions(ctx, store, big, now, idle)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "\n%d live sessions of citizens drawn at random and %d of the citizens with the longest plans started in %v\n",
		len(cookies), len(bigCookies), time.Since(began).Round(100*time.Millisecond))

	dir, err := os.MkdirTemp("", "jobnet-bench-scale-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	all, bigFile := filepath.Join(dir, "cookies"), filepath.Join(dir, "big-plans")
	if err := os.WriteFile(all, []byte(strings.Join(cookies, "\n")), 0o600); err != nil {
		return err
	}
	if err := os.WriteFile(bigFile, []byte(strings.Join(bigCookies, "\n")), 0o600); err != nil {
		return err
	}

	srv, err := server.New(store, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})),
		server.Config{IdleTimeout: idle, WebDir: b.web, Location: b.location, PublicRate: -1})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln)
	defer hs.Close()
	base := "http://" + ln.Addr().String()

	type route struct {
		name, path, cookies string
	}
	month := now.In(b.location).Format("2006-01")
	routes := []route{
		{"front page + automatch", shared.APIOverview, all},
		{"Min Plan", shared.APIPlan, all},
		{fmt.Sprintf("Min Plan, %d+ items", bigPlanItems), shared.APIPlan, bigFile},
		{"counters", shared.APICounters, all},
		{"Joblog list", shared.APIJoblogs, all},
		{"calendar month", shared.APICalendar + "?maaned=" + month, all},
	}
	floor := route{"floor: " + floorRoute, floorRoute, all}
	// Warm the pool, the caches and the sessions' first reads.
	for _, r := range append([]route{floor}, routes...) {
		if _, err := runWrk(ctx, base+r.path, r.cookies, b.connections, 2); err != nil {
			return fmt.Errorf("%s: %w", r.name, err)
		}
	}
	results := map[string][]wrkResult{}
	for round := 0; round < 2; round++ {
		for _, r := range routes {
			for _, x := range []route{floor, r} {
				res, err := runWrk(ctx, base+x.path, x.cookies, b.connections, b.seconds)
				if err != nil {
					return fmt.Errorf("%s: %w", x.name, err)
				}
				results[x.name] = append(results[x.name], res)
			}
		}
	}

	var t strings.Builder
	fmt.Fprintf(&t, "HTTP at %d citizens: %d connections over %d sessions (%d for the longest plans), wrk %d s per run, medians of %d floor runs and 2 per route (%s, %d cores)\n",
		b.citizens, b.connections, len(cookies), len(bigCookies), b.seconds, len(results[floor.name]), time.Now().UTC().Format("2006-01-02T15:04Z"), runtime.NumCPU())
	fmt.Fprintf(&t, "%-26s %9s %9s %9s %12s %10s\n", "route", "req/s", "p50 ms", "p99 ms", "req/s ratio", "p99 ratio")
	fl := median(results[floor.name])
	row := func(name string, m wrkResult) {
		fmt.Fprintf(&t, "%-26s %9.0f %9.2f %9.2f %12.2f %10.2f\n", name, m.rps, m.p50, m.p99, m.rps/fl.rps, m.p99/fl.p99)
	}
	row(floor.name, fl)
	for _, r := range routes {
		row(r.name, median(results[r.name]))
	}
	fmt.Fprintf(&t, "goal: req/s ratio >= 0.33 and p99 ratio <= 3 for every route\n")
	fmt.Fprint(out, "\n"+t.String())
	if err := os.MkdirAll("results", 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join("results", "scale-http.txt"), []byte(t.String()), 0o644)
}

// startSessions signs the citizens with the given numbers in, as a login
// would (the login, the session row), without their password's argon2:
// the benchmark's clients need sessions, not logins. It returns the
// sessions' cookies.
func startSessions(ctx context.Context, store *storage.Store, citizens []int, now time.Time, idle time.Duration) ([]string, error) {
	cookies := make([]string, len(citizens))
	errs := make([]error, 4)
	var wg sync.WaitGroup
	for w := range errs {
		wg.Go(func() {
			for k := w; k < len(citizens) && errs[w] == nil; k += len(errs) {
				acc, err := store.AccountByUsername(ctx, scaleseed.Username(citizens[k]))
				if err != nil {
					errs[w] = fmt.Errorf("%s: %w", scaleseed.Username(citizens[k]), err)
					return
				}
				token, hash := storage.NewToken()
				if _, err := store.StartCitizenSession(ctx, acc, storage.NewSession{TokenHash: hash, Now: now}, idle); err != nil {
					errs[w] = err
					return
				}
				cookies[k] = "jobnet_session=" + token
			}
		})
	}
	wg.Wait()
	return cookies, errors.Join(errs...)
}

// bigPlanCitizens finds up to n generated citizens whose plan has at
// least bigPlanItems items. The largest stored plans are found by their
// stored size, which PostgreSQL knows without reading them; only those
// are counted.
func bigPlanCitizens(ctx context.Context, db *bun.DB, n int) ([]int, error) {
	var usernames []string
	err := db.NewRaw(`SELECT a.username FROM (
			SELECT citizen_id, data FROM plan_versions ORDER BY pg_column_size(data) DESC LIMIT ?) p
		JOIN citizen_accounts a USING (citizen_id)
		WHERE jsonb_array_length(p.data->'items') >= ? AND a.username LIKE 'skala%'`, 4*n, bigPlanItems).Scan(ctx, &usernames)
	if err != nil {
		return nil, err
	}
	var out []int
	for _, u := range usernames {
		if i, err := strconv.Atoi(strings.TrimPrefix(u, "skala")); err == nil {
			out = append(out, i)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no generated plan has %d items or more", bigPlanItems)
	}
	return out[:min(n, len(out))], nil
}

// wrkResult is one wrk run: requests a second, p50 and p99 in ms.
type wrkResult struct{ rps, p50, p99 float64 }

// runWrk runs wrk against url over the sessions in the cookie file
// (scripts/wrk-sessions.lua), and fails on any answer but a 2xx.
func runWrk(ctx context.Context, url, cookieFile string, connections, seconds int) (wrkResult, error) {
	cmd := exec.CommandContext(ctx, "wrk", "-t2", "-c"+strconv.Itoa(connections), "-d"+strconv.Itoa(seconds)+"s", "--timeout", "10s",
		"--latency", "-s", "scripts/wrk-sessions.lua", url)
	cmd.Env = append(os.Environ(), "JOBNET_COOKIE_FILE="+cookieFile)
	b, err := cmd.CombinedOutput()
	if err != nil {
		return wrkResult{}, fmt.Errorf("wrk: %w: %s", err, b)
	}
	var r wrkResult
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 2 && f[0] == "Requests/sec:":
			r.rps, _ = strconv.ParseFloat(f[1], 64)
		case len(f) == 2 && f[0] == "50%":
			r.p50 = wrkMillis(f[1])
		case len(f) == 2 && f[0] == "99%":
			r.p99 = wrkMillis(f[1])
		case strings.HasPrefix(sc.Text(), "  Non-2xx"), strings.HasPrefix(sc.Text(), "  Socket errors"):
			return r, fmt.Errorf("%s: %s", url, strings.TrimSpace(sc.Text()))
		}
	}
	if r.rps == 0 || r.p99 == 0 {
		return r, fmt.Errorf("%s: no figures in wrk's output:\n%s", url, b)
	}
	return r, nil
}

// wrkMillis reads wrk's latency ("812.00us", "4.21ms", "1.02s") in ms.
func wrkMillis(v string) float64 {
	for _, u := range []struct {
		suffix string
		ms     float64
	}{{"us", 0.001}, {"ms", 1}, {"s", 1000}, {"m", 60000}} {
		if x, ok := strings.CutSuffix(v, u.suffix); ok {
			f, _ := strconv.ParseFloat(x, 64)
			return f * u.ms
		}
	}
	return 0
}

// median is the run of each figure's median.
func median(rs []wrkResult) wrkResult {
	of := func(f func(wrkResult) float64) float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = f(r)
		}
		return stats.Median(v)
	}
	return wrkResult{of(func(r wrkResult) float64 { return r.rps }), of(func(r wrkResult) float64 { return r.p50 }),
		of(func(r wrkResult) float64 { return r.p99 })}
}
