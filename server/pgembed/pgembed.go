// Package pgembed runs a private PostgreSQL cluster from the installed server
// binaries (initdb, postgres), listening on a unix socket only. It is meant for
// `make run` and for tests; it is not a production deployment tool.
//
// Process lifetime: postgres is started directly as a child process (not via
// pg_ctl, which daemonises) in its own process group, so a Ctrl-C on the
// terminal reaches only our process, which then decides when to call Stop. The
// child gets PR_SET_PDEATHSIG=SIGINT (fast shutdown) so it also goes away if
// our process dies without calling Stop. Linux delivers that signal when the
// *thread* that forked the child exits, not the process; the Go runtime may
// retire threads, so the fork happens on a dedicated goroutine that calls
// runtime.LockOSThread and then blocks in cmd.Wait for as long as postgres
// runs. That goroutine never unlocks, so no other goroutine ever runs on the
// thread and the thread cannot exit before postgres has exited.
//
// Running as root: PostgreSQL refuses to run as root, so when os.Geteuid()==0
// initdb and postgres run as the "postgres" system user (with its primary and
// supplementary groups) and the data directory is chowned to it.
//
// Where the data lives. Not as root, the cluster is at the path given to
// Start (the requested path). As root, the postgres user must be able to
// enter every directory above the data directory, and often cannot: a root
// user's home is 0700, and so is every `mktemp -d`. Then the cluster is
// relocated to <state dir>/<name>, and the requested path becomes a symbolic
// link to it, so that the next start (and a person running `ls -l`) finds
// it. The state dir is $JOBNET_STATE_DIR, by default /var/lib/jobnet, which
// survives reboots; it is root's, 0755, and each cluster in it is 0700 and
// the postgres user's. <name> is the requested path's tail plus a hash of the
// whole path: the same on every run, different for every path. DataDir says
// where the cluster really is, RequestedDir what was asked for; Start logs
// both when they differ. The logs, <requested>.postgres.log and
// <requested>.initdb.log, stay next to the requested path: we open them and
// postgres inherits the file, so they are written with root's rights.
//
// Not chosen: changing the permissions of the user's own folders (chmod o+x
// lets every local user through; an ACL for postgres does not show in ls -l;
// both outlive the run), and starting postgres with CAP_DAC_READ_SEARCH (it
// would let every SQL superuser read any file on the machine).
//
// The cases around it: a real cluster at the requested path that the
// postgres user can reach is used where it is; one it cannot reach is an
// error that says how to move it (we do not copy clusters). An empty
// directory there is replaced by the link. A link whose target is gone is an
// error, unless the target is our own relocation, which is created afresh.
// Removing the link (rm -rf data, to start over) gives a fresh cluster on the
// next start, as it does for a non-root user; the old cluster is renamed to
// <name>.old-<time>, not deleted. Nothing removes relocated clusters whose
// clone is gone, nor the .old ones: delete them by hand.
//
// The socket lives in the data directory when its path fits in a unix socket
// address (107 bytes), otherwise in a private directory under a short temp
// dir (TMPDIR, else /tmp) that the postgres user can enter.
package pgembed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

const (
	superuser     = "postgres" // initdb -U; the role DSN connects as
	port          = 5432       // only names the socket file; the socket dir is private
	readyTimeout  = 30 * time.Second
	stopTimeout   = 30 * time.Second
	killTimeout   = 5 * time.Second
	maxSocketPath = 107 // sizeof(sockaddr_un.sun_path) - 1
	socketName    = ".s.PGSQL.5432"
)

// Cluster is a running private PostgreSQL server.
type Cluster struct {
	dataDir      string // where the cluster really is
	requestedDir string // what Start was given, made absolute
	socketDir    string
	ownSocketDir bool // socketDir is a temp dir we created and must remove
	logPath      string
	log          *slog.Logger

	cmd     *exec.Cmd
	done    chan struct{} // closed when postgres has exited
	waitErr error         // cmd.Wait result, valid after done is closed
	logFile *os.File

	stopOnce sync.Once
	stopErr  error
}

type options struct {
	ephemeral bool
	stateDir  string // overrides JOBNET_STATE_DIR (tests)
}

// Start initialises dataDir with initdb when it holds no cluster yet, then
// starts postgres on a unix socket only (listen_addresses empty), and returns
// when it accepts connections. ctx bounds only the startup (which is also
// capped at 30 s); the server runs until Stop or until this process dies.
//
// As root, the cluster may live elsewhere, with a link at dataDir (see the
// package comment); DataDir and RequestedDir tell. Logs go next to dataDir:
// <dataDir>.postgres.log and <dataDir>.initdb.log.
func Start(ctx context.Context, dataDir string, log *slog.Logger) (*Cluster, error) {
	return start(ctx, dataDir, log, options{})
}

// StartEphemeral is Start for throwaway clusters (tests): initdb runs with
// --no-sync and the server with fsync=off, synchronous_commit=off and
// full_page_writes=off, so a crash of the machine may corrupt the cluster.
func StartEphemeral(ctx context.Context, dataDir string, log *slog.Logger) (*Cluster, error) {
	return start(ctx, dataDir, log, options{ephemeral: true})
}

// DSN returns a URL usable by pgx (and its database/sql driver) that connects
// as the superuser to database dbname over the cluster's unix socket.
func (c *Cluster) DSN(dbname string) string {
	return DSNFor(c.socketDir, dbname)
}

// SocketDir is the directory holding the server's unix socket.
func (c *Cluster) SocketDir() string { return c.socketDir }

// DataDir is where the cluster's files really are: the requested path with
// symbolic links resolved, which is under the state dir when the cluster was
// relocated (see the package comment).
func (c *Cluster) DataDir() string { return c.dataDir }

// RequestedDir is the data directory Start was given, made absolute. When it
// differs from DataDir, it is (or lies under) a symbolic link to DataDir;
// tell the user both.
func (c *Cluster) RequestedDir() string { return c.requestedDir }

// LogPath is the file postgres' stderr is appended to: <requested>.postgres.log,
// next to the requested path, where a person looks first.
func (c *Cluster) LogPath() string { return c.logPath }

// DSNFor builds the URL for a server whose socket lives in socketDir.
func DSNFor(socketDir, dbname string) string {
	return fmt.Sprintf("postgres://%s@/%s?host=%s&port=%d&sslmode=disable",
		superuser, pathEscape(dbname), queryEscape(socketDir), port)
}

// EnsureDatabase creates database name unless it already exists.
func (c *Cluster) EnsureDatabase(ctx context.Context, name string) error {
	conn, err := pgx.Connect(ctx, c.DSN("postgres"))
	if err != nil {
		return fmt.Errorf("pgembed: connect: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return fmt.Errorf("pgembed: look up database %q: %w", name, err)
	}
	if exists {
		return nil
	}
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "42P04" { // duplicate_database: lost a race
		return nil
	}
	if err != nil {
		return fmt.Errorf("pgembed: create database %q: %w", name, err)
	}
	return nil
}

// Stop shuts postgres down with a fast shutdown (SIGINT) and waits for it to
// exit; after 30 s it escalates to SIGQUIT (immediate shutdown) and then
// SIGKILL. It is idempotent and safe for concurrent use; later calls return
// the result of the first.
func (c *Cluster) Stop() error {
	c.stopOnce.Do(func() {
		c.stopErr = c.stop()
		if c.ownSocketDir {
			os.RemoveAll(c.socketDir)
		}
		c.logFile.Close()
	})
	return c.stopErr
}

func (c *Cluster) stop() error {
	select {
	case <-c.done:
		return fmt.Errorf("pgembed: postgres had already exited (%v)%s", c.waitErr, c.logTail())
	default:
	}
	t0 := time.Now()
	steps := []struct {
		sig  syscall.Signal
		wait time.Duration
	}{{syscall.SIGINT, stopTimeout}, {syscall.SIGQUIT, killTimeout}, {syscall.SIGKILL, killTimeout}}
	for i, s := range steps {
		if err := c.cmd.Process.Signal(s.sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
			return fmt.Errorf("pgembed: signal postgres: %w", err)
		}
		select {
		case <-c.done:
			if i > 0 {
				return fmt.Errorf("pgembed: postgres ignored fast shutdown for %s; stopped it with %v", stopTimeout, s.sig)
			}
			c.log.Info("postgres stopped", "data_dir", c.dataDir, "took", time.Since(t0).Round(time.Millisecond))
			return nil // exit status after SIGINT is 0; nothing useful to report otherwise
		case <-time.After(s.wait):
			c.log.Warn("postgres did not stop in time", "signal", s.sig, "waited", s.wait)
		}
	}
	return fmt.Errorf("pgembed: postgres (pid %d) did not exit even after SIGKILL", c.cmd.Process.Pid)
}

func start(ctx context.Context, requested string, log *slog.Logger, opt options) (_ *Cluster, err error) {
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	ctx, cancel := context.WithTimeout(ctx, readyTimeout)
	defer cancel()
	t0 := time.Now()

	bin, err := findBinDir()
	if err != nil {
		return nil, err
	}
	// As root, initdb and postgres run as the postgres user; otherwise as
	// ourselves (runAs nil).
	var runAs *runAsUser
	if os.Geteuid() == 0 {
		if runAs, err = lookupRunAs(); err != nil {
			return nil, err
		}
	}

	requested, err = filepath.Abs(requested)
	if err != nil {
		return nil, fmt.Errorf("pgembed: %w", err)
	}
	dataDir, err := placeDataDir(requested, runAs, opt, log)
	if err != nil {
		return nil, err
	}

	c := &Cluster{dataDir: dataDir, requestedDir: requested, log: log, logPath: requested + ".postgres.log"}

	initialised := fileExists(filepath.Join(dataDir, "PG_VERSION"))
	if !initialised {
		if err := runInitdb(ctx, bin, dataDir, requested+".initdb.log", runAs, opt, log); err != nil {
			return nil, err
		}
	} else if err := checkPidFile(dataDir, log); err != nil {
		return nil, err
	}

	// Socket directory: the data dir itself when the socket path fits.
	if len(dataDir)+1+len(socketName) <= maxSocketPath {
		c.socketDir = dataDir
	} else {
		dir, err := makeSocketDir(len(dataDir), runAs)
		if err != nil {
			return nil, err
		}
		c.socketDir, c.ownSocketDir = dir, true
	}
	defer func() {
		if err != nil && c.ownSocketDir {
			os.RemoveAll(c.socketDir)
		}
	}()

	c.logFile, err = os.OpenFile(c.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o640)
	if err != nil {
		return nil, fmt.Errorf("pgembed: open postgres log: %w", err)
	}
	fmt.Fprintf(c.logFile, "---- pgembed: starting postgres at %s ----\n", time.Now().Format(time.RFC3339))

	args := []string{
		"-D", dataDir,
		"-k", c.socketDir,
		"-p", strconv.Itoa(port),
		"-c", "listen_addresses=",
		"-c", "shared_buffers=32MB",
	}
	if opt.ephemeral {
		// Tests hold a pool per throwaway database, so allow more clients.
		args = append(args, "-c", "max_connections=200",
			"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	} else {
		args = append(args, "-c", "max_connections=50")
	}
	cmd := exec.Command(filepath.Join(bin, "postgres"), args...)
	cmd.Dir = dataDir
	cmd.Env = childEnv()
	cmd.Stdout, cmd.Stderr = c.logFile, c.logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGINT}
	if runAs != nil {
		cmd.SysProcAttr.Credential = runAs.credential()
	}
	c.cmd = cmd
	c.done = make(chan struct{})
	waitCh, err := startLocked(cmd)
	if err != nil {
		c.logFile.Close()
		return nil, fmt.Errorf("pgembed: start postgres: %w", err)
	}
	go func() { c.waitErr = <-waitCh; close(c.done) }()

	if err := c.waitReady(ctx); err != nil {
		c.Stop()
		return nil, err
	}
	attrs := []any{"data_dir", dataDir, "socket_dir", c.socketDir, "log", c.logPath, "initdb", !initialised,
		"took", time.Since(t0).Round(time.Millisecond)}
	if dataDir != requested {
		attrs = append(attrs, "requested", requested)
	}
	log.Info("postgres ready", attrs...)
	return c, nil
}

// makeSocketDir creates a private directory for the server's socket, for a
// data directory whose path (dataDirLen bytes) is too long to hold it. It
// goes under a short temp dir; when we are root, one the postgres user can
// enter (TMPDIR may well be a 0700 directory).
func makeSocketDir(dataDirLen int, runAs *runAsUser) (string, error) {
	var bases []string
	if t := os.TempDir(); len(t) <= 40 && t != "/tmp" {
		bases = append(bases, t)
	}
	bases = append(bases, "/tmp")
	var errs []error
	for _, base := range bases {
		if runAs != nil {
			if err := runAs.checkTraverse(base); err != nil {
				errs = append(errs, err)
				continue
			}
		}
		dir, err := os.MkdirTemp(base, "pg")
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if runAs != nil {
			if err := os.Chown(dir, runAs.uid, runAs.gid); err != nil {
				os.RemoveAll(dir)
				return "", fmt.Errorf("pgembed: chown socket dir: %w", err)
			}
		}
		return dir, nil
	}
	return "", fmt.Errorf("pgembed: the data directory's path (%d bytes) is too long to hold the server's socket, "+
		"and no short temp directory can hold it instead; set TMPDIR to a short directory that PostgreSQL can enter: %w",
		dataDirLen, errors.Join(errs...))
}

func (c *Cluster) waitReady(ctx context.Context) error {
	dsn := c.DSN("postgres")
	var lastErr error
	delay := 5 * time.Millisecond
	for {
		select {
		case <-c.done:
			return fmt.Errorf("pgembed: postgres exited during startup (%v)%s", c.waitErr, c.logTail())
		default:
		}
		if fileExists(filepath.Join(c.socketDir, socketName)) {
			lastErr = ping(ctx, dsn)
			if lastErr == nil {
				return nil
			}
		}
		select {
		case <-c.done:
			continue // reported at the top of the loop
		case <-ctx.Done():
			return fmt.Errorf("pgembed: postgres not ready: %w (last error: %v)%s", ctx.Err(), lastErr, c.logTail())
		case <-time.After(delay):
		}
		delay = min(delay*2, 100*time.Millisecond)
	}
}

func ping(ctx context.Context, dsn string) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var one int
	return conn.QueryRow(ctx, "SELECT 1").Scan(&one)
}

// logTail returns the end of what postgres wrote to its log during this run,
// formatted for appending to an error message.
func (c *Cluster) logTail() string {
	return tailOf(c.logPath, "postgres log")
}

func tailOf(path, what string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	// Only this run: everything after our last marker line.
	if i := bytes.LastIndex(b, []byte("---- pgembed: ")); i >= 0 {
		b = b[i:]
	}
	const maxTail = 4000
	if len(b) > maxTail {
		b = b[len(b)-maxTail:]
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			b = b[i+1:]
		}
	}
	s := strings.TrimSpace(string(b))
	if s == "" {
		return ""
	}
	return fmt.Sprintf("\n--- %s (%s) ---\n%s", what, path, s)
}

// startLocked starts cmd from a goroutine locked to its OS thread and keeps
// that goroutine (and thus the thread that forked the child) alive until the
// child exits, so that SysProcAttr.Pdeathsig fires only when our whole process
// dies. The returned channel yields cmd.Wait's result.
func startLocked(cmd *exec.Cmd) (<-chan error, error) {
	started := make(chan error, 1)
	waited := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		// Deliberately never unlocked: when this goroutine returns the runtime
		// terminates the thread, which is harmless once the child has exited.
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		waited <- cmd.Wait()
	}()
	if err := <-started; err != nil {
		return nil, err
	}
	return waited, nil
}

func runInitdb(ctx context.Context, bin, dataDir, logPath string, runAs *runAsUser, opt options, log *slog.Logger) error {
	if entries, err := os.ReadDir(dataDir); err != nil {
		return fmt.Errorf("pgembed: %w", err)
	} else if len(entries) > 0 {
		return fmt.Errorf("pgembed: %s is not empty but holds no PostgreSQL cluster (no PG_VERSION); refusing to initdb over it", dataDir)
	}
	lf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o640)
	if err != nil {
		return fmt.Errorf("pgembed: open initdb log: %w", err)
	}
	defer lf.Close()

	args := []string{"-D", dataDir, "-U", superuser, "--auth=trust", "-E", "UTF8", "--locale=C"}
	// Collation stays "C" (byte order, index-friendly LIKE); character
	// classification uses C.UTF-8 when the system has it, so upper()/lower()
	// and ILIKE work beyond ASCII.
	if hasCUTF8() {
		args = append(args, "--lc-ctype=C.UTF-8")
	}
	if opt.ephemeral {
		args = append(args, "--no-sync")
	}
	cmd := exec.Command(filepath.Join(bin, "initdb"), args...)
	cmd.Dir = dataDir
	cmd.Env = childEnv()
	cmd.Stdout, cmd.Stderr = lf, lf
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if runAs != nil {
		cmd.SysProcAttr.Credential = runAs.credential()
	}
	t0 := time.Now()
	waitCh, err := startLocked(cmd)
	if err != nil {
		return fmt.Errorf("pgembed: start initdb: %w", err)
	}
	select {
	case err = <-waitCh:
	case <-ctx.Done():
		cmd.Process.Kill()
		<-waitCh
		err = ctx.Err()
	}
	if err != nil {
		// Leave no half-initialised cluster behind: the next Start would refuse it.
		clearDir(dataDir)
		return fmt.Errorf("pgembed: initdb %s failed: %w%s", dataDir, err, tailOf(logPath, "initdb log"))
	}
	log.Info("initdb done", "data_dir", dataDir, "took", time.Since(t0).Round(time.Millisecond))
	return nil
}

func clearDir(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		os.RemoveAll(filepath.Join(dir, e.Name()))
	}
}

// checkPidFile deals with a postmaster.pid left in dataDir. A live postgres
// running in dataDir is reported as an error. A pid file naming a dead
// process is left to postgres, which removes it after checking that no old
// backend still uses the shared memory. A pid that has been reused by an
// unrelated live process would make postgres refuse to start, so that file is
// removed here.
func checkPidFile(dataDir string, log *slog.Logger) error {
	path := filepath.Join(dataDir, "postmaster.pid")
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("pgembed: read %s: %w", path, err)
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil || pid <= 0 {
		return nil // postgres reports the bogus file itself
	}
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		log.Info("stale postmaster.pid from a previous run; postgres will remove it", "pid", pid)
		// If the postmaster was killed hard, its children notice and exit
		// shortly; until they have, postgres refuses to start because they
		// still hold the old shared memory block.
		return waitOrphans(dataDir, 10*time.Second)
	}
	cwd, cwdErr := os.Readlink(fmt.Sprintf("/proc/%d/cwd", pid))
	comm, _ := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
	isPostgres := strings.TrimSpace(string(comm)) == "postgres"
	if cwd == dataDir || (cwdErr != nil && isPostgres) {
		return fmt.Errorf("pgembed: data directory %s is in use by a running postgres (pid %d); stop it first", dataDir, pid)
	}
	log.Warn("removing stale postmaster.pid whose pid now belongs to another process", "pid", pid, "comm", strings.TrimSpace(string(comm)))
	if err := os.Remove(path); err != nil {
		return fmt.Errorf("pgembed: remove stale %s: %w", path, err)
	}
	return nil
}

// waitOrphans waits until no process has dataDir as its working directory
// (every postgres server process chdirs there). Processes we may not inspect
// are not seen; postgres' own shared-memory check still covers them.
func waitOrphans(dataDir string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		pids := processesIn(dataDir)
		if len(pids) == 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("pgembed: processes %v of an old postgres are still running in %s; stop them first", pids, dataDir)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func processesIn(dir string) []int {
	entries, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if cwd, err := os.Readlink("/proc/" + e.Name() + "/cwd"); err == nil && cwd == dir {
			pids = append(pids, pid)
		}
	}
	return pids
}

// findBinDir returns the directory holding initdb and postgres: the one
// found via PATH, else the highest version under /usr/lib/postgresql/*/bin.
func findBinDir() (string, error) {
	var candidates []string
	if p, err := exec.LookPath("postgres"); err == nil {
		candidates = append(candidates, filepath.Dir(p))
		if real, err := filepath.EvalSymlinks(p); err == nil {
			candidates = append(candidates, filepath.Dir(real))
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		candidates = append(candidates, filepath.Dir(p))
	}
	versions, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(versions, func(a, b string) int { // highest first
		return compareVersions(filepath.Base(filepath.Dir(b)), filepath.Base(filepath.Dir(a)))
	})
	candidates = append(candidates, versions...)
	for _, dir := range candidates {
		if isExecutable(filepath.Join(dir, "postgres")) && isExecutable(filepath.Join(dir, "initdb")) {
			return dir, nil
		}
	}
	return "", errors.New("pgembed: no PostgreSQL server binaries found: need initdb and postgres in one directory, " +
		"either on PATH or under /usr/lib/postgresql/<version>/bin (Debian: apt-get install postgresql)")
}

func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < max(len(as), len(bs)); i++ {
		var x, y int
		if i < len(as) {
			x, _ = strconv.Atoi(as[i])
		}
		if i < len(bs) {
			y, _ = strconv.Atoi(bs[i])
		}
		if x != y {
			return x - y
		}
	}
	return strings.Compare(a, b)
}

func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

var (
	cutf8Once sync.Once
	cutf8     bool
)

// hasCUTF8 reports whether glibc's C.UTF-8 locale is installed.
func hasCUTF8() bool {
	cutf8Once.Do(func() {
		for _, p := range []string{"/usr/lib/locale/C.utf8", "/usr/lib/locale/C.UTF-8"} {
			if fileExists(p) {
				cutf8 = true
				return
			}
		}
		out, err := exec.Command("locale", "-a").Output()
		if err != nil {
			return
		}
		for _, l := range strings.Fields(string(out)) {
			if strings.EqualFold(l, "C.utf8") || strings.EqualFold(l, "C.UTF-8") {
				cutf8 = true
				return
			}
		}
	})
	return cutf8
}

// childEnv is our environment without PG* variables (PGDATA, PGPORT,
// PGOPTIONS, ...) and locale overrides, which would change how initdb and
// postgres behave.
func childEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "PG") || strings.HasPrefix(kv, "LC_") || strings.HasPrefix(kv, "LANG=") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "LC_ALL=C")
}

// runAsUser is the unprivileged account initdb and postgres run as when we
// are root.
type runAsUser struct {
	name     string
	uid, gid int
	groups   []uint32 // supplementary groups, as a login would get them
}

// lookupRunAs finds the postgres user, for a root process.
func lookupRunAs() (*runAsUser, error) {
	u, err := user.Lookup("postgres")
	if err != nil {
		return nil, fmt.Errorf("pgembed: running as root, and PostgreSQL refuses to run as root, "+
			"but there is no \"postgres\" system user to run it as (%v); create one (Debian's postgresql package does) or run as a non-root user", err)
	}
	uid, err1 := strconv.Atoi(u.Uid)
	gid, err2 := strconv.Atoi(u.Gid)
	if err := errors.Join(err1, err2); err != nil {
		return nil, fmt.Errorf("pgembed: user postgres: %w", err)
	}
	r := &runAsUser{name: u.Username, uid: uid, gid: gid}
	if gids, err := u.GroupIds(); err == nil {
		for _, g := range gids {
			if n, err := strconv.ParseUint(g, 10, 32); err == nil {
				r.groups = append(r.groups, uint32(n))
			}
		}
	}
	return r, nil
}

func (r *runAsUser) credential() *syscall.Credential {
	return &syscall.Credential{Uid: uint32(r.uid), Gid: uint32(r.gid), Groups: r.groups}
}

func (r *runAsUser) chownIfNeeded(dir string) error {
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("pgembed: %w", err)
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && int(st.Uid) == r.uid {
		return nil
	}
	if err := os.Chown(dir, r.uid, r.gid); err != nil {
		return fmt.Errorf("pgembed: chown %s to user %s: %w", dir, r.name, err)
	}
	return nil
}

// checkTraverse verifies that the user can search (x permission) dir and
// every directory above it.
func (r *runAsUser) checkTraverse(dir string) error {
	blocked, err := r.blockedAt(dir)
	if err != nil || blocked == "" {
		return err
	}
	mode, uid := modeOwner(blocked)
	return fmt.Errorf("pgembed: PostgreSQL must run as user %q (we are root), but that user cannot enter directory %s (mode %v, owner uid %d); "+
		"make it traversable (e.g. chmod o+x %s) or put the data directory elsewhere", r.name, blocked, mode, uid, blocked)
}

// blockedAt returns the lowest directory, from dir up to /, that the user
// cannot search (x permission), or "" when it can reach dir. It looks at mode
// bits only, not ACLs.
func (r *runAsUser) blockedAt(dir string) (string, error) {
	dir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", fmt.Errorf("pgembed: %w", err)
	}
	for p := dir; ; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err != nil {
			return "", fmt.Errorf("pgembed: %w", err)
		}
		st, ok := fi.Sys().(*syscall.Stat_t)
		if !ok {
			return "", nil
		}
		mode := fi.Mode().Perm()
		var okX bool
		switch {
		case int(st.Uid) == r.uid:
			okX = mode&0o100 != 0
		case int(st.Gid) == r.gid || slices.Contains(r.groups, st.Gid):
			okX = mode&0o010 != 0
		default:
			okX = mode&0o001 != 0
		}
		if !okX {
			return p, nil
		}
		if p == "/" || p == filepath.Dir(p) {
			return "", nil
		}
	}
}

func modeOwner(path string) (fs.FileMode, uint32) {
	fi, err := os.Stat(path)
	if err != nil {
		return 0, 0
	}
	var uid uint32
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		uid = st.Uid
	}
	return fi.Mode().Perm(), uid
}

func pathEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if isUnreserved(ch) {
			b.WriteByte(ch)
		} else {
			fmt.Fprintf(&b, "%%%02X", ch)
		}
	}
	return b.String()
}

func queryEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if isUnreserved(ch) || ch == '/' {
			b.WriteByte(ch)
		} else {
			fmt.Fprintf(&b, "%%%02X", ch)
		}
	}
	return b.String()
}

func isUnreserved(ch byte) bool {
	return 'a' <= ch && ch <= 'z' || 'A' <= ch && ch <= 'Z' || '0' <= ch && ch <= '9' ||
		ch == '-' || ch == '_' || ch == '.' || ch == '~'
}

// BinDir is the directory of the installed PostgreSQL server programs
// (initdb, postgres, pg_ctl): the one on PATH, else the highest version
// under /usr/lib/postgresql/*/bin.
func BinDir() (string, error) { return findBinDir() }

// RunAs is whom PostgreSQL's programs must run as: nil when this process is
// not root, else the postgres user (PostgreSQL refuses to run as root).
func RunAs() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	r, err := lookupRunAs()
	if err != nil {
		return nil, err
	}
	return r.credential(), nil
}

// StartTied starts cmd so that it gets its SysProcAttr.Pdeathsig when this
// whole process dies, not merely the thread that forked it (see
// startLocked). The channel yields cmd.Wait's result.
func StartTied(cmd *exec.Cmd) (<-chan error, error) { return startLocked(cmd) }

// LogTail is the end of a server's log at path (its last 4,000 bytes, from
// the latest start this package marked), headed by what and the path, for
// an error message; "" when there is nothing to show.
func LogTail(path, what string) string { return tailOf(path, what) }
