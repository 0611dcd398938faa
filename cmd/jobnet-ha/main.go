// Command jobnet-ha serves the portal on PostgreSQL with automatic failover
// (`make ha-up`, issue 15): a pg_auto_failover formation of a monitor and
// three nodes on loopback (server/pgha), and bin/jobnet on it — writes to
// the primary, a caseworker's mirror and public Find Job from a standby. It
// prints how to kill the primary and follows the formation's state as it
// fails over. The formation is a throwaway: it lives in a temporary folder,
// removed at Ctrl-C.
//
// Flags:
//
//	-jobnet PATH   the server binary (default bin/jobnet, which make ha-up builds)
//	-nodes N       data nodes (default 3)
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"jobnet/server/pgembed"
	"jobnet/server/pgha"
)

func main() {
	jobnet := flag.String("jobnet", "bin/jobnet", "the server binary")
	nodes := flag.Int("nodes", 3, "data nodes")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, log, *jobnet, *nodes); err != nil {
		log.Error("jobnet-ha stopped", "err", err)
		stop()
		os.Exit(1)
	}
}

func run(ctx context.Context, log *slog.Logger, jobnet string, nodes int) error {
	dir, err := os.MkdirTemp("", "jobnet-ha-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := os.Chmod(dir, 0o755); err != nil { // PostgreSQL runs as its own user under root
		return err
	}
	f, err := pgha.Start(ctx, filepath.Join(dir, "formation"), nodes, log)
	if err != nil {
		return err
	}
	defer func() {
		if err := f.Stop(); err != nil {
			log.Error("stopping the formation", "err", err)
		}
	}()
	primary, err := f.Primary(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("\nPostgreSQL med automatisk failover (pg_auto_failover) i %s:\n", dir)
	fmt.Printf("  monitor  127.0.0.1:%d\n", f.Monitor.Port)
	for _, k := range f.Nodes {
		fmt.Printf("  %-8s 127.0.0.1:%d  pg_autoctl pid %d\n", k.Name, k.Port, k.PID())
	}
	fmt.Printf("Prøv en failover: kill -9 -- -%d dræber %s, den primære, med dens PostgreSQL, som et nedbrud.\n", primary.PID(), primary.Name)
	fmt.Println("Formationens tilstand skrives her, når den skifter. Data forsvinder ved Ctrl-C.")

	cmd := exec.Command(jobnet)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), "DATABASE_URL="+f.DSN(), "DATABASE_STANDBY_URL="+f.StandbyDSN())
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGINT}
	exited, err := pgembed.StartTied(cmd)
	if err != nil {
		return fmt.Errorf("%s (make ha-up builds it): %w", jobnet, err)
	}
	go follow(ctx, f)
	select {
	case err := <-exited:
		return fmt.Errorf("jobnet exited: %w", err)
	case <-ctx.Done():
	}
	_ = cmd.Process.Signal(os.Interrupt)
	select {
	case err := <-exited:
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			return err
		}
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
	}
	return nil
}

// follow prints the formation's state each time it changes.
func follow(ctx context.Context, f *pgha.Formation) {
	last := ""
	for {
		if s, err := f.State(ctx); err == nil {
			parts := make([]string, len(s))
			for i, n := range s {
				parts[i] = n.Name + " " + n.Reported
				if n.Assigned != n.Reported {
					parts[i] += " → " + n.Assigned
				}
			}
			if now := strings.Join(parts, ", "); now != last {
				fmt.Printf("%s formation: %s\n", time.Now().Format("15:04:05.000"), now)
				last = now
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(250 * time.Millisecond):
		}
	}
}
