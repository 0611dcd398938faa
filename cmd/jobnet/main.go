// Command jobnet serves the Jobnet portal and works its background jobs.
//
// Flags:
//
//	-worker=in       serve and work jobs in this process (default; `make run`)
//	-worker=off      serve only; another process works the jobs
//	-worker=only     work jobs only, serve nothing
//
// Configuration (environment):
//
//	PORT                      port on 127.0.0.1 (default 8080); ADDR overrides the whole address
//	DATABASE_URL              PostgreSQL to use; unset: start a private cluster in JOBNET_DATA_DIR
//	DATABASE_STANDBY_URL      a streaming replica for the reads that may lag (caseworkers' mirror, public
//	                          Find Job); unset: everything from DATABASE_URL (`make ha-up` sets both)
//	JOBNET_DATA_DIR           folder of the private cluster (default ./data)
//	JOBNET_STATE_DIR          where root keeps a cluster the postgres user cannot reach (default /var/lib/jobnet)
//	JOBNET_WEB_DIR            static files and app.wasm (default ./web)
//	JOBNET_IDLE_TIMEOUT       session idle timeout, a Go duration (default 20m)
//	JOBNET_SECURE_COOKIES     "1" behind TLS
//	JOBNET_DEMO               "0" to skip loading the demo data
//	JOBNET_RETENTION_DRY_RUN  "1": the retention jobs log what they would delete and delete nothing
//	JOBNET_SMTP_URL           the SMTP server mail leaves by: smtp://host:port or smtps://user:pass@host:port;
//	                          unset: a mail sink in this process, shown at /dev/post in the demo
//	JOBNET_MAIL_FROM          the mails' sender (default "Jobnet <noreply@jobnet.local>")
//	JOBNET_PUBLIC_URL         where citizens reach the portal, for the links in mails (default http://ADDR)
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	_ "time/tzdata" // Europe/Copenhagen without relying on the host's zoneinfo

	_ "github.com/jackc/pgx/v5/stdlib"

	"jobnet/migrations"
	"jobnet/server"
	"jobnet/server/demo"
	"jobnet/server/jobs"
	"jobnet/server/journey"
	"jobnet/server/mail"
	"jobnet/server/pgembed"
	"jobnet/server/sms"
	"jobnet/server/storage"
)

func main() {
	// The server's live heap is small (tens of MB): collecting when it has
	// grown four times rather than twice halves the collections, whose
	// assists showed as the slowest requests under load. GOGC in the
	// environment still decides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	worker := flag.String("worker", "in", "background jobs: in (serve and work), off (serve only), only (work only)")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	if *worker != "in" && *worker != "off" && *worker != "only" {
		fmt.Fprintln(os.Stderr, "jobnet: -worker must be in, off or only")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, log, *worker, os.Stdout); err != nil {
		log.Error("jobnet stopped", "err", err)
		stop()
		os.Exit(1)
	}
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// run serves until ctx ends (Ctrl-C), printing the address, the demo
// logins and where the data lives to out.
func run(ctx context.Context, log *slog.Logger, worker string, out io.Writer) error {
	dsn := os.Getenv("DATABASE_URL")
	var dataNote string
	if dsn == "" {
		dir, err := filepath.Abs(env("JOBNET_DATA_DIR", "data"))
		if err != nil {
			return err
		}
		log.Info("starting private PostgreSQL", "dir", dir)
		cluster, err := pgembed.Start(ctx, filepath.Join(dir, "postgres"), log)
		if err != nil {
			return err
		}
		defer func() {
			if err := cluster.Stop(); err != nil {
				log.Error("stopping PostgreSQL", "err", err)
			} else {
				log.Info("PostgreSQL stopped")
			}
		}()
		if err := cluster.EnsureDatabase(ctx, "jobnet"); err != nil {
			return err
		}
		dsn = cluster.DSN("jobnet")
		dataNote = "Data gemmes i " + cluster.DataDir() + " og bevares til næste kørsel."
		if cluster.RequestedDir() != cluster.DataDir() {
			// As root, in a folder the postgres user cannot enter.
			dataNote += "\n(" + cluster.RequestedDir() + " peger derhen: PostgreSQL kører som brugeren postgres, som ikke kan åbne mappen, Jobnet ligger i.)"
		}
	}

	db, err := storage.Open(dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := migrations.Migrate(ctx, db); err != nil {
		return err
	}
	copenhagen, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		return err
	}
	idle, err := time.ParseDuration(env("JOBNET_IDLE_TIMEOUT", "20m"))
	if err != nil {
		return fmt.Errorf("JOBNET_IDLE_TIMEOUT: %w", err)
	}

	addr := env("ADDR", "127.0.0.1:"+env("PORT", "8080"))
	sender, sink, err := mailSender(log, worker)
	if err != nil {
		return err
	}
	if sink != nil {
		defer sink.Close()
	}
	publicURL := strings.TrimSuffix(env("JOBNET_PUBLIC_URL", "http://"+addr), "/")
	// NemSMS is outside this project's reach: its seam is the demo's sink,
	// which sends only to the numbers it knows as verified (server/sms).
	nemSMS := sms.NewDemoSink(sms.DemoVerifiedNumbers...)
	queue, err := jobs.New(db, log, jobs.Config{Work: worker != "off", IdleTimeout: idle,
		RetentionDryRun: os.Getenv("JOBNET_RETENTION_DRY_RUN") == "1", Mail: sender, PublicURL: publicURL, SMS: nemSMS})
	if err != nil {
		return err
	}
	store := storage.New(db, queue)
	if u := os.Getenv("DATABASE_STANDBY_URL"); u != "" {
		standby, err := storage.Open(u)
		if err != nil {
			return fmt.Errorf("DATABASE_STANDBY_URL: %w", err)
		}
		defer standby.Close()
		store.UseStandby(standby)
	}
	// The demo's data is in before the worker starts, so that the runs a
	// start does (the job agents') find it.
	demoLoaded := os.Getenv("JOBNET_DEMO") != "0" && worker != "only"
	if demoLoaded {
		if err := demo.Seed(ctx, store, time.Now().In(copenhagen)); err != nil {
			return fmt.Errorf("demo data: %w", err)
		}
	}
	if err := queue.Start(ctx); err != nil {
		return err
	}
	defer func() {
		stopCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := queue.Stop(stopCtx); err != nil {
			log.Error("stopping the job worker", "err", err)
		}
	}()
	if worker == "only" {
		log.Info("working background jobs; stop with Ctrl-C")
		<-ctx.Done()
		return nil
	}

	// /dev/post shows the sink's mails in the demo only: it shows every
	// citizen's mail to anyone.
	var post *mail.Sink
	if demoLoaded {
		post = sink
	}
	// A log's travel time needs a journey planner; without
	// JOBNET_JOURNEY_PLANNER_URL no log shows one.
	planner, err := journey.FromEnv(os.Getenv)
	if err != nil {
		return err
	}
	srv, err := server.New(store, log, server.Config{
		Journey:       planner,
		SMS:           nemSMS,
		IdleTimeout:   idle,
		SecureCookies: os.Getenv("JOBNET_SECURE_COOKIES") == "1",
		WebDir:        env("JOBNET_WEB_DIR", "web"),
		Location:      copenhagen,
		PublicURL:     publicURL,
		Post:          post,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    32 << 10,
	}
	printBanner(out, "http://"+ln.Addr().String(), dataNote, post != nil)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	// After the last request: write down what the server buffers.
	return srv.Close(shutdownCtx)
}

// mailSender is how this process's mail leaves: the SMTP server of
// JOBNET_SMTP_URL, or without one a sink in the process, which keeps what
// it gets (and /dev/post shows in the demo). A process that works no jobs
// sends nothing.
func mailSender(log *slog.Logger, worker string) (mail.Sender, *mail.Sink, error) {
	if worker == "off" {
		return nil, nil, nil
	}
	from := env("JOBNET_MAIL_FROM", "Jobnet <noreply@jobnet.local>")
	if u := os.Getenv("JOBNET_SMTP_URL"); u != "" {
		sender, err := mail.NewSMTP(u, from, nil)
		if err != nil {
			return nil, nil, fmt.Errorf("JOBNET_SMTP_URL: %w", err)
		}
		return sender, nil, nil
	}
	sink, err := mail.StartSink("127.0.0.1:0")
	if err != nil {
		return nil, nil, err
	}
	sender, err := mail.NewSMTP(sink.URL(), from, nil)
	if err != nil {
		sink.Close()
		return nil, nil, err
	}
	if worker == "only" {
		log.Warn("JOBNET_SMTP_URL is not set: mails go to a sink in this process and are shown nowhere")
	}
	return sender, sink, nil
}

func printBanner(out io.Writer, url, dataNote string, post bool) {
	citizens, caseworkers := demo.Logins()
	fmt.Fprintf(out, "\nJobnet kører på %s\n\n", url)
	fmt.Fprintf(out, "Demo-logins (adgangskode for alle: %s)\n", demo.Password)
	fmt.Fprintf(out, "  Borgere – log ind på %s/log-ind\n", url)
	for _, l := range citizens {
		fmt.Fprintf(out, "    %-8s %-20s CPR %s  %s\n", l.Username, l.Name, l.CPR, l.Description)
	}
	fmt.Fprintf(out, "  Sagsbehandlere – log ind på %s/sagsbehandleradgang\n", url)
	for _, l := range caseworkers {
		fmt.Fprintf(out, "    %-8s %-20s %s\n", l.Username, l.Name, l.Description)
	}
	if post {
		fmt.Fprintf(out, "  Post: %s/dev/post – de e-mails, Jobnet sender (de bliver i serveren)\n", url)
	}
	if dataNote != "" {
		fmt.Fprintln(out, "\n"+dataNote)
	}
	fmt.Fprintln(out, "\nStop med Ctrl-C.")
}
