// Package pgha runs PostgreSQL with automatic failover on this machine: a
// pg_auto_failover formation (Debian's postgresql-15-auto-failover) of one
// monitor and a few data nodes on loopback ports, each kept by its own
// pg_autoctl. `make ha-up` serves the portal on one, and the failover test
// kills its primary under load (issue 15).
//
// Why pg_auto_failover and not Patroni with etcd. Both are in Debian and
// both are trusted in production. pg_auto_failover is one package built for
// PostgreSQL 15, whose state lives in a PostgreSQL database (the monitor),
// with nothing else to run; Patroni needs etcd beside it, and etcd needs
// three members of its own to survive the loss of one. pg_auto_failover
// also sets synchronous replication itself: with two standbys the primary
// waits for ANY 1 of them (number_sync_standbys = 1), so a commit it
// acknowledges is on two servers, and at failover it promotes the standby
// that has the most WAL. The price: the monitor is a single point of
// failure for failover (not for serving — the nodes go on without it), and
// the choice of primary is the monitor's, not a quorum's.
//
// The formation's nodes run with synchronous_commit = on, PostgreSQL's
// default: every commit — every registration that decides a benefit, and
// everything else — is acknowledged only once a standby has flushed it.
// While one node of three is lost, the other two still replicate
// synchronously. Only when a primary has no standby left does
// pg_auto_failover let it accept writes alone ("wait_primary"), trading
// durability for availability until a standby is back: a second loss in
// that window could lose writes.
package pgha

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"jobnet/server/pgembed"
)

// Failover settings of the monitor. pg_auto_failover's defaults take about
// a minute from a primary's loss to a new one (20 s before a node is deemed
// unhealthy, then up to 30 s for the old primary to demote itself). On one
// machine, with loopback between the nodes, a node that fails its health
// check and has not reported for two seconds is gone; and the old primary
// need not be waited for long: with synchronous replication it cannot
// acknowledge a write on its own. What remains, about 10 s (the failover
// test measures it), are the keepers' own steps: each standby reports its
// WAL position, the most advanced one is promoted, the other follows it.
var monitorSettings = map[string]string{
	"pgautofailover.health_check_period":               "1000",
	"pgautofailover.health_check_timeout":              "1000",
	"pgautofailover.health_check_max_retries":          "1",
	"pgautofailover.health_check_retry_delay":          "500",
	"pgautofailover.node_considered_unhealthy_timeout": "2000",
	"pgautofailover.primary_demote_timeout":            "1000",
}

// Database is the database the formation serves (created on the primary).
const Database = "jobnet"

const (
	host        = "127.0.0.1"
	superuser   = "postgres"
	waitTimeout = 2 * time.Minute
	stopTimeout = 30 * time.Second
)

// Formation is a running pg_auto_failover formation.
type Formation struct {
	dir     string
	bin     string
	cred    *syscall.Credential
	log     *slog.Logger
	Monitor *Keeper
	Nodes   []*Keeper

	stopOnce sync.Once
}

// Keeper is one pg_autoctl and the PostgreSQL server it keeps, in a process
// group of their own whose id is PID.
type Keeper struct {
	Name   string
	Port   int
	PGData string

	cmd  *exec.Cmd
	done chan struct{}
	log  *os.File
}

// Start creates a formation of a monitor and nodes data nodes in dir (which
// must be empty or missing, and which PostgreSQL's user must be able to
// enter), starts it, and returns once one node is primary and every other
// a synchronous standby. ctx bounds the start only.
func Start(ctx context.Context, dir string, nodes int, log *slog.Logger) (_ *Formation, err error) {
	if nodes < 2 {
		return nil, errors.New("pgha: a formation needs at least two data nodes")
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if _, err := exec.LookPath("pg_autoctl"); err != nil {
		return nil, errors.New("pgha: pg_autoctl not found: apt-get install postgresql-15-auto-failover (make ha-up does)")
	}
	bin, err := pgembed.BinDir()
	if err != nil {
		return nil, err
	}
	// pg_autoctl wants every server program (pg_ctl, pg_controldata …)
	// beside postgres: the folder of the installed version, not of a link.
	if real, err := filepath.EvalSymlinks(filepath.Join(bin, "postgres")); err == nil {
		bin = filepath.Dir(real)
	}
	cred, err := pgembed.RunAs()
	if err != nil {
		return nil, err
	}
	f := &Formation{dir: dir, bin: bin, cred: cred, log: log}
	if err := f.mkdir(dir); err != nil {
		return nil, err
	}
	ports, err := freePorts(nodes + 1)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			f.Stop()
		}
	}()

	f.Monitor, err = f.keep(ctx, "monitor", ports[0], "create", "monitor", "--auth", "trust")
	if err != nil {
		return nil, err
	}
	if err := f.tuneMonitor(ctx); err != nil {
		return nil, err
	}
	node := func(i int) error {
		k, err := f.keep(ctx, "node"+strconv.Itoa(i+1), ports[i+1], "create", "postgres", "--auth", "trust",
			"--dbname", Database, "--monitor", f.monitorURL(), "--name", "node"+strconv.Itoa(i+1))
		f.Nodes[i] = k
		return err
	}
	f.Nodes = make([]*Keeper, nodes)
	// The first node becomes the primary; the others then copy it, at once.
	if err := node(0); err != nil {
		return nil, err
	}
	if err := f.waitFor(ctx, "the first node is primary", func(s []NodeState) bool {
		return len(s) == 1 && s[0].Reported == "single" && s[0].Assigned == "single"
	}); err != nil {
		return nil, err
	}
	errs := make([]error, nodes)
	var wg sync.WaitGroup
	for i := 1; i < nodes; i++ {
		wg.Go(func() { errs[i] = node(i) })
	}
	// A standby starts as a base backup of the primary, which waits for a
	// spread checkpoint (minutes, by checkpoint_timeout): CHECKPOINT makes
	// the one in progress finish at once.
	copied, stopCheckpoints := context.WithCancel(ctx)
	go f.checkpointUntil(copied, f.Nodes[0])
	wg.Wait()
	stopCheckpoints()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := f.WaitHealthy(ctx); err != nil {
		return nil, err
	}
	f.log.Info("formation up", "nodes", nodes)
	return f, nil
}

// DSN is the URL of the formation's database for writes: every node, in
// order, and the first that accepts writes (pgx's target_session_attrs).
func (f *Formation) DSN() string { return f.url("read-write") }

// StandbyDSN is the URL for reads that may lag the primary a little: a
// standby when one answers, else the primary.
func (f *Formation) StandbyDSN() string { return f.url("prefer-standby") }

func (f *Formation) url(attrs string) string {
	hosts := make([]string, len(f.Nodes))
	for i, n := range f.Nodes {
		hosts[i] = net.JoinHostPort(host, strconv.Itoa(n.Port))
	}
	return fmt.Sprintf("postgres://%s@%s/%s?sslmode=disable&connect_timeout=2&target_session_attrs=%s",
		superuser, strings.Join(hosts, ","), Database, attrs)
}

func (f *Formation) monitorURL() string {
	return fmt.Sprintf("postgres://autoctl_node@%s:%d/pg_auto_failover?sslmode=disable", host, f.Monitor.Port)
}

// NodeState is a data node as the monitor sees it: the state it reported
// and the state the monitor assigned it (pg_autoctl show state).
type NodeState struct {
	Name               string
	Port               int
	Reported, Assigned string
}

// State is the monitor's view of the data nodes.
func (f *Formation) State(ctx context.Context) ([]NodeState, error) {
	conn, err := f.monitor(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close(context.Background())
	rows, err := conn.Query(ctx, `SELECT nodename, nodeport, current_group_state::text, assigned_group_state::text
		FROM pgautofailover.current_state('default') ORDER BY node_id`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (NodeState, error) {
		var s NodeState
		return s, r.Scan(&s.Name, &s.Port, &s.Reported, &s.Assigned)
	})
}

// Primary is the node that accepts writes now, by the monitor.
func (f *Formation) Primary(ctx context.Context) (*Keeper, error) {
	conn, err := f.monitor(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close(context.Background())
	var name string
	if err := conn.QueryRow(ctx, `SELECT primary_name FROM pgautofailover.get_primary('default', 0)`).Scan(&name); err != nil {
		return nil, fmt.Errorf("pgha: the primary: %w", err)
	}
	for _, n := range f.Nodes {
		if n.Name == name {
			return n, nil
		}
	}
	return nil, fmt.Errorf("pgha: the monitor names an unknown primary %q", name)
}

// WaitHealthy returns once every live node has the state the monitor
// assigned it, one is primary and the others are secondaries.
func (f *Formation) WaitHealthy(ctx context.Context) error {
	return f.waitFor(ctx, "a primary and its standbys", func(s []NodeState) bool {
		primaries, secondaries, live := 0, 0, f.live()
		for _, n := range s {
			if !live[n.Name] {
				continue // killed: the monitor still lists it
			}
			if n.Reported != n.Assigned {
				return false
			}
			switch n.Reported {
			case "primary":
				primaries++
			case "secondary":
				secondaries++
			}
		}
		return primaries == 1 && secondaries == len(live)-1
	})
}

// Kill ends a node as a crash would: its pg_autoctl and its PostgreSQL
// server get SIGKILL, with no chance to tell anyone.
func (f *Formation) Kill(k *Keeper) error {
	pid := postmasterPID(k.PGData)
	err := syscall.Kill(-k.cmd.Process.Pid, syscall.SIGKILL)
	if pid > 0 {
		_ = syscall.Kill(pid, syscall.SIGKILL)
	}
	select {
	case <-k.done:
	case <-time.After(stopTimeout):
		return fmt.Errorf("pgha: %s outlived SIGKILL", k.Name)
	}
	return err
}

// Stop shuts every node down (SIGTERM to its pg_autoctl, which stops its
// server fast), the monitor last. The data stays in dir.
func (f *Formation) Stop() error {
	var errs []error
	f.stopOnce.Do(func() {
		for _, k := range append(append([]*Keeper(nil), f.Nodes...), f.Monitor) {
			if k != nil {
				errs = append(errs, k.stop())
			}
		}
	})
	return errors.Join(errs...)
}

// PID is the pg_autoctl's process id, and the id of its process group.
func (k *Keeper) PID() int { return k.cmd.Process.Pid }

func (k *Keeper) stop() error {
	select {
	case <-k.done:
		return nil
	default:
	}
	_ = syscall.Kill(-k.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-k.done:
		return nil
	case <-time.After(stopTimeout):
	}
	if pid := postmasterPID(k.PGData); pid > 0 {
		_ = syscall.Kill(pid, syscall.SIGKILL)
	}
	_ = syscall.Kill(-k.cmd.Process.Pid, syscall.SIGKILL)
	<-k.done
	return fmt.Errorf("pgha: %s did not stop within %v and was killed", k.Name, stopTimeout)
}

// live names the data nodes whose pg_autoctl still runs.
func (f *Formation) live() map[string]bool {
	live := map[string]bool{}
	for _, k := range f.Nodes {
		if k == nil {
			continue
		}
		select {
		case <-k.done:
		default:
			live[k.Name] = true
		}
	}
	return live
}

// keep creates a node with pg_autoctl and keeps it running (--run), in its
// own process group, so that Kill and Stop reach every process of it. It
// returns once the node accepts connections; on an error after the start,
// the keeper too, for Stop.
func (f *Formation) keep(ctx context.Context, name string, port int, args ...string) (*Keeper, error) {
	k := &Keeper{Name: name, Port: port, PGData: filepath.Join(f.dir, name), done: make(chan struct{})}
	logPath := filepath.Join(f.dir, name+".log")
	lf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("pgha: %w", err)
	}
	k.log = lf
	args = append(args, "--pgdata", k.PGData, "--pgport", strconv.Itoa(port), "--hostname", host, "--no-ssl",
		"--pgctl", filepath.Join(f.bin, "pg_ctl"), "--run")
	cmd := exec.Command("pg_autoctl", args...)
	cmd.Dir = f.dir
	cmd.Stdout, cmd.Stderr = lf, lf
	// pg_autoctl keeps its configuration and state under XDG's folders,
	// by the data directory's path: each formation has its own.
	cmd.Env = append(os.Environ(), "PATH="+f.bin+":"+os.Getenv("PATH"), "HOME="+f.dir,
		"XDG_CONFIG_HOME="+filepath.Join(f.dir, "config"), "XDG_DATA_HOME="+filepath.Join(f.dir, "share"), "PGUSER="+superuser)
	// Should this process die, the keeper stops its node.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Credential: f.cred, Pdeathsig: syscall.SIGTERM}
	waited, err := pgembed.StartTied(cmd)
	if err != nil {
		lf.Close()
		return nil, fmt.Errorf("pgha: pg_autoctl for %s: %w", name, err)
	}
	k.cmd = cmd
	go func() {
		<-waited
		lf.Close()
		close(k.done)
	}()
	f.log.Info("pg_autoctl started", "node", name, "port", port, "log", logPath)
	dsn := k.dsn("postgres")
	wctx, cancel := context.WithTimeout(ctx, waitTimeout)
	defer cancel()
	for {
		conn, err := pgx.Connect(wctx, dsn)
		if err == nil {
			conn.Close(context.Background())
			return k, nil
		}
		select {
		case <-k.done:
			return k, fmt.Errorf("pgha: pg_autoctl for %s exited%s", name, pgembed.LogTail(logPath, "its log"))
		case <-wctx.Done():
			return k, fmt.Errorf("pgha: %s did not accept connections in time (%v)%s", name, err, pgembed.LogTail(logPath, "its log"))
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// checkpointUntil asks the node for a CHECKPOINT every 300 ms until ctx
// ends.
func (f *Formation) checkpointUntil(ctx context.Context, k *Keeper) {
	for {
		if conn, err := pgx.Connect(ctx, k.dsn("postgres")); err == nil {
			_, _ = conn.Exec(ctx, "CHECKPOINT")
			conn.Close(context.Background())
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(300 * time.Millisecond):
		}
	}
}

// dsn is the URL of the node's database db.
func (k *Keeper) dsn(db string) string {
	return fmt.Sprintf("postgres://%s@%s:%d/%s?sslmode=disable&connect_timeout=1", superuser, host, k.Port, db)
}

func (f *Formation) monitor(ctx context.Context) (*pgx.Conn, error) {
	return pgx.Connect(ctx, f.Monitor.dsn("pg_auto_failover"))
}

// tuneMonitor applies monitorSettings, once the monitor's extension exists.
func (f *Formation) tuneMonitor(ctx context.Context) error {
	wctx, cancel := context.WithTimeout(ctx, waitTimeout)
	defer cancel()
	for {
		conn, err := f.monitor(wctx)
		if err == nil {
			err = func() error {
				defer conn.Close(context.Background())
				for name, v := range monitorSettings {
					if _, err := conn.Exec(wctx, fmt.Sprintf("ALTER SYSTEM SET %s = %s", name, v)); err != nil {
						return err
					}
				}
				_, err := conn.Exec(wctx, "SELECT pg_reload_conf()")
				return err
			}()
			if err == nil {
				return nil
			}
		}
		select {
		case <-wctx.Done():
			return fmt.Errorf("pgha: tuning the monitor: %w", err)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

func (f *Formation) waitFor(ctx context.Context, what string, ok func([]NodeState) bool) error {
	wctx, cancel := context.WithTimeout(ctx, waitTimeout)
	defer cancel()
	var last []NodeState
	for {
		s, err := f.State(wctx)
		if err == nil {
			if ok(s) {
				return nil
			}
			last = s
		}
		select {
		case <-wctx.Done():
			return fmt.Errorf("pgha: waiting for %s: %v (last seen %+v)", what, wctx.Err(), last)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

func (f *Formation) mkdir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("pgha: %w", err)
	}
	if f.cred != nil {
		if err := os.Chown(dir, int(f.cred.Uid), int(f.cred.Gid)); err != nil {
			return fmt.Errorf("pgha: %w", err)
		}
	}
	return nil
}

// freePorts finds n loopback ports nothing listens on now.
func freePorts(n int) ([]int, error) {
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	ports := make([]int, n)
	for i := range ports {
		l, err := net.Listen("tcp", host+":0")
		if err != nil {
			return nil, fmt.Errorf("pgha: a free port: %w", err)
		}
		ls = append(ls, l)
		ports[i] = l.Addr().(*net.TCPAddr).Port
	}
	return ports, nil
}

// postmasterPID is the pid in the node's postmaster.pid, 0 when none.
func postmasterPID(pgdata string) int {
	b, err := os.ReadFile(filepath.Join(pgdata, "postmaster.pid"))
	if err != nil {
		return 0
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0]))
	return pid
}
