// Command seedscale fills a database with the national-scale data set
// (issue 15, server/scaleseed): by default 1,000,000 citizens with their
// data and 100,000 job ads. `make seed-scale` runs it.
//
//	DATABASE_URL   PostgreSQL to fill; unset: the private cluster in
//	               JOBNET_SCALE_DIR (default .data/scale), started as
//	               `make run` starts its own, and left there for
//	               `DATABASE_URL=... ./bin/jobnet` or psql
//
// A second run skips the stages done; an interrupted run (Ctrl-C) is
// continued by running it again. Every generated citizen logs in as
// skala0000000, skala0000001, … with the password scaleseed.Password.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"syscall"
	"time"

	_ "time/tzdata" // Europe/Copenhagen without relying on the host's zoneinfo

	"jobnet/migrations"
	"jobnet/server/findjob"
	"jobnet/server/pgembed"
	"jobnet/server/scaleseed"
	"jobnet/server/storage"
)

func main() {
	// Generating a million citizens' documents allocates a lot of short-
	// lived memory and keeps little: collecting when the heap has grown
	// four times rather than twice (as cmd/jobnet) saves a tenth of the
	// generator's time. GOGC in the environment still decides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	citizens := flag.Int("citizens", 1_000_000, "how many citizens")
	ads := flag.Int("ads", 100_000, "how many job ads")
	seed := flag.Uint64("seed", 15, "the seed of the generated data")
	workers := flag.Int("workers", 2, "stages at once after the citizens (a stage keeps about one core busy)")
	jobs := flag.Bool("jobs", false, "after seeding, time the daily scheduled jobs over the data set (make scale-jobs)")
	bench := httpBench{}
	serve := flag.Bool("http", false, "after seeding, measure the citizen-scoped GETs over HTTP with wrk (make bench-scale)")
	flag.IntVar(&bench.sessions, "sessions", 10_000, "with -http: live sessions of citizens drawn at random")
	flag.IntVar(&bench.connections, "connections", 200, "with -http: wrk's connections")
	flag.IntVar(&bench.seconds, "seconds", 10, "with -http: seconds per wrk run")
	flag.StringVar(&bench.web, "web", "web", "with -http: the static files and app.wasm (make build)")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the whole run to this file (go tool pprof)")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	bench.citizens = *citizens
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "seedscale: -cpuprofile:", err)
			os.Exit(2)
		}
		defer pprof.StopCPUProfile()
	}
	if !*serve {
		bench.sessions = 0
	}
	if err := run(ctx, log, *citizens, *ads, *seed, *workers, *jobs, bench, os.Stdout); err != nil {
		log.Error("seedscale stopped", "err", err)
		stop()
		os.Exit(1)
	}
}

func run(ctx context.Context, log *slog.Logger, citizens, ads int, seed uint64, workers int, jobs bool, bench httpBench, out io.Writer) error {
	dsn := os.Getenv("DATABASE_URL")
	private := dsn == ""
	if private {
		dir := os.Getenv("JOBNET_SCALE_DIR")
		if dir == "" {
			dir = filepath.Join(".data", "scale")
		}
		dir, err := filepath.Abs(dir)
		if err != nil {
			return err
		}
		cluster, err := pgembed.Start(ctx, filepath.Join(dir, "postgres"), log)
		if err != nil {
			return err
		}
		defer func() {
			if err := cluster.Stop(); err != nil {
				log.Error("stopping PostgreSQL", "err", err)
			}
		}()
		if err := cluster.EnsureDatabase(ctx, "jobnet"); err != nil {
			return err
		}
		dsn = cluster.DSN("jobnet")
		fmt.Fprintf(out, "The data set is in the private PostgreSQL in %s (DATABASE_URL=%q while it runs).\n", cluster.DataDir(), dsn)
	}
	db, err := storage.Open(dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if private {
		// The private cluster is this data set's own: checkpoints every
		// 1 GB of WAL (the default) came every 15 s during the COPYs, each
		// followed by full-page images; 8 GB and 30 minutes let a run pass
		// with a few. Kept in the cluster's postgresql.auto.conf.
		for _, q := range []string{`ALTER SYSTEM SET max_wal_size = '8GB'`, `ALTER SYSTEM SET checkpoint_timeout = '30min'`, `SELECT pg_reload_conf()`} {
			if _, err := db.ExecContext(ctx, q); err != nil {
				return err
			}
		}
	}
	if err := migrations.Migrate(ctx, db); err != nil {
		return err
	}
	ix, err := findjob.Default()
	if err != nil {
		return err
	}
	copenhagen, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		return err
	}
	start := time.Now()
	store := storage.New(db, nil)
	results, err := scaleseed.Run(ctx, db, store, scaleseed.Config{Citizens: citizens, Ads: ads, Seed: seed,
		Now: time.Now().In(copenhagen), Index: ix, Progress: os.Stderr, Workers: workers})
	fmt.Fprintf(out, "\n%-14s %12s %10s\n", "stage", "rows", "time")
	for _, r := range results {
		took := r.Took.Round(100 * time.Millisecond).String()
		if r.Skipped {
			took = "done before"
		}
		fmt.Fprintf(out, "%-14s %12d %10s\n", r.Stage, r.Rows, took)
	}
	fmt.Fprintf(out, "%-14s %12s %10s\n", "total", "", time.Since(start).Round(100*time.Millisecond))
	if err != nil {
		return err
	}
	var size string
	if err := db.NewRaw(`SELECT pg_size_pretty(pg_database_size(current_database()))`).Scan(ctx, &size); err != nil {
		return err
	}
	fmt.Fprintf(out, "database size: %s\n\nrows per table:\n", size)
	for _, table := range []string{"citizens", "citizen_accounts", "forloeb", "enrolments", "plan_versions", "counters", "joblogs",
		"messages", "meeting_offers", "meeting_slots", "meetings", "sessions", "login_events", "absences", "job_ads"} {
		n, err := db.NewSelect().Table(table).Count(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "  %-16s %12d\n", table, n)
	}
	if jobs {
		if err := timeJobs(ctx, db, store, time.Now().In(copenhagen), out); err != nil {
			return err
		}
	}
	if bench.sessions > 0 {
		bench.location = copenhagen
		return benchHTTP(ctx, db, store, bench, out)
	}
	return nil
}
