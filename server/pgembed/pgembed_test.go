package pgembed

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// tempDir returns a fresh directory the postgres user can enter when we run as
// root: t.TempDir's parent is created 0700 by root, so it is not usable.
func tempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "pgembed-test-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(tWriter{t}, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

type tWriter struct{ t *testing.T }

func (w tWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

func openDB(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestStartStopPersist(t *testing.T) {
	ctx := context.Background()
	dataDir := filepath.Join(tempDir(t), "data")

	t0 := time.Now()
	c, err := Start(ctx, dataDir, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("cold start (initdb + start): %v", time.Since(t0))
	t.Cleanup(func() { c.Stop() })

	for range 2 { // second call must be a no-op
		if err := c.EnsureDatabase(ctx, "app"); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.HasPrefix(c.DSN("app"), "postgres://postgres@/app?host=/") {
		t.Errorf("unexpected DSN %q", c.DSN("app"))
	}
	db := openDB(t, c.DSN("app"))
	var one int
	if err := db.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil || one != 1 {
		t.Fatalf("SELECT 1: %v %v", one, err)
	}
	var enc, collate, ctype string
	if err := db.QueryRowContext(ctx, "SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database WHERE datname = current_database()").Scan(&enc, &collate, &ctype); err != nil {
		t.Fatal(err)
	}
	t.Logf("encoding=%s collate=%s ctype=%s", enc, collate, ctype)
	if enc != "UTF8" || collate != "C" {
		t.Errorf("encoding/collation = %s/%s, want UTF8/C", enc, collate)
	}
	if _, err := db.ExecContext(ctx, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('hello')"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// A second server on the same directory must be refused clearly.
	if c2, err := Start(ctx, dataDir, testLogger(t)); err == nil {
		c2.Stop()
		t.Fatal("second Start on a running cluster succeeded")
	} else if !strings.Contains(err.Error(), "in use by a running postgres") {
		t.Errorf("second Start: unexpected error: %v", err)
	} else {
		t.Logf("second Start refused as expected: %v", err)
	}

	t0 = time.Now()
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	t.Logf("stop: %v", time.Since(t0))
	if err := c.Stop(); err != nil {
		t.Fatalf("second Stop: %v", err)
	}

	t0 = time.Now()
	c, err = Start(ctx, dataDir, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("warm start: %v", time.Since(t0))
	t.Cleanup(func() { c.Stop() })
	db = openDB(t, c.DSN("app"))
	var v string
	if err := db.QueryRowContext(ctx, "SELECT v FROM kept").Scan(&v); err != nil || v != "hello" {
		t.Fatalf("data not persisted: %q %v", v, err)
	}
	db.Close()
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
}

func TestEphemeralSettings(t *testing.T) {
	ctx := context.Background()
	t0 := time.Now()
	c, err := StartEphemeral(ctx, filepath.Join(tempDir(t), "data"), testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("ephemeral cold start: %v", time.Since(t0))
	defer c.Stop()
	db := openDB(t, c.DSN("postgres"))
	for name, want := range map[string]string{"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off", "listen_addresses": ""} {
		var got string
		if err := db.QueryRowContext(ctx, "SELECT current_setting($1)", name).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

func TestLongPathUsesTempSocketDir(t *testing.T) {
	ctx := context.Background()
	dataDir := filepath.Join(tempDir(t), strings.Repeat("d", 60), strings.Repeat("e", 60), "data")
	c, err := StartEphemeral(ctx, dataDir, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop()
	if c.SocketDir() == c.DataDir() {
		t.Fatalf("socket dir should not be the long data dir")
	}
	db := openDB(t, c.DSN("postgres"))
	if err := db.PingContext(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(c.SocketDir()); !os.IsNotExist(err) {
		t.Errorf("socket dir %s not removed: %v", c.SocketDir(), err)
	}
}

// lockedDir returns a fresh directory like `mktemp -d` makes it, or like a
// root user's home: mode 0700, owned by root, so the postgres user cannot
// enter it. It skips the test unless we are root.
func lockedDir(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("only as root does postgres run as another user, who may be locked out; we are not root")
	}
	dir, err := os.MkdirTemp("", "pgembed-locked-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("MkdirTemp made %v (%v), want mode 0700", fi.Mode(), err)
	}
	return dir
}

// A root user's clone in a 0700 folder: `make run` must work, keep its data
// across runs and say where it is.
func TestLockedParentRelocates(t *testing.T) {
	ctx := context.Background()
	requested := filepath.Join(lockedDir(t), "jobnet", "data", "postgres")
	opt := options{stateDir: filepath.Join(tempDir(t), "state")}

	startAt := func() *Cluster {
		t.Helper()
		c, err := start(ctx, requested, testLogger(t), opt)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Stop() })
		if c.RequestedDir() != requested {
			t.Errorf("RequestedDir = %s, want %s", c.RequestedDir(), requested)
		}
		if filepath.Dir(c.DataDir()) != opt.stateDir {
			t.Errorf("DataDir = %s, want a directory in the state dir %s", c.DataDir(), opt.stateDir)
		}
		if real, err := filepath.EvalSymlinks(requested); err != nil || real != c.DataDir() {
			t.Errorf("%s leads to %s (%v), want DataDir %s", requested, real, err, c.DataDir())
		}
		var serverDir string
		if err := openDB(t, c.DSN("postgres")).QueryRowContext(ctx, "SHOW data_directory").Scan(&serverDir); err != nil {
			t.Fatal(err)
		}
		if serverDir != c.DataDir() {
			t.Errorf("postgres says its data directory is %s, DataDir says %s", serverDir, c.DataDir())
		}
		if c.LogPath() != requested+".postgres.log" || !fileExists(c.LogPath()) {
			t.Errorf("LogPath = %s (exists: %v), want %s.postgres.log", c.LogPath(), fileExists(c.LogPath()), requested)
		}
		return c
	}

	c := startAt()
	dataDir := c.DataDir()
	t.Logf("requested %s, data in %s", requested, dataDir)
	db := openDB(t, c.DSN("postgres"))
	if _, err := db.ExecContext(ctx, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('hello')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}

	c = startAt()
	if c.DataDir() != dataDir {
		t.Errorf("second start: data in %s, first start had it in %s", c.DataDir(), dataDir)
	}
	var v string
	if err := openDB(t, c.DSN("postgres")).QueryRowContext(ctx, "SELECT v FROM kept").Scan(&v); err != nil || v != "hello" {
		t.Fatalf("data not kept across runs: %q %v", v, err)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}

	// rm -rf data, to start over: a fresh cluster; the old one is kept aside.
	if err := os.RemoveAll(filepath.Dir(requested)); err != nil {
		t.Fatal(err)
	}
	c = startAt()
	var n int
	if err := openDB(t, c.DSN("postgres")).QueryRowContext(ctx, "SELECT count(*) FROM pg_tables WHERE tablename = 'kept'").Scan(&n); err != nil || n != 0 {
		t.Errorf("after removing the link: %d tables named kept (%v), want a fresh cluster", n, err)
	}
	if old, _ := filepath.Glob(dataDir + ".old-*"); len(old) != 1 || !fileExists(filepath.Join(old[0], "PG_VERSION")) {
		t.Errorf("earlier cluster not kept aside: %v", old)
	}
}

// The cases relocation cannot or must not solve end in an error that names
// the problem and its fix, before any postgres runs.
func TestLockedParentErrors(t *testing.T) {
	locked := lockedDir(t)
	reachable := tempDir(t)
	tests := []struct {
		name    string
		prepare func(requested string) options
		want    []string // phrases of the error
	}{
		{
			name: "ErrClusterUnreachable",
			prepare: func(requested string) options {
				mustMkdir(t, requested)
				mustWrite(t, filepath.Join(requested, "PG_VERSION"), "15\n")
				return options{stateDir: filepath.Join(reachable, "state")}
			},
			want: []string{"holds a PostgreSQL cluster", "cannot enter " + locked, "chmod o+x " + locked, "mv ", "ln -s "},
		},
		{
			name: "ErrNotEmpty",
			prepare: func(requested string) options {
				mustMkdir(t, requested)
				mustWrite(t, filepath.Join(requested, "notes.txt"), "mine\n")
				return options{stateDir: filepath.Join(reachable, "state")}
			},
			want: []string{"not empty but holds no PostgreSQL cluster", "cannot enter " + locked},
		},
		{
			name: "ErrDanglingLink",
			prepare: func(requested string) options {
				mustMkdir(t, filepath.Dir(requested))
				if err := os.Symlink("/nonexistent/disk/postgres", requested); err != nil {
					t.Fatal(err)
				}
				return options{stateDir: filepath.Join(reachable, "state")}
			},
			want: []string{"symbolic link to /nonexistent/disk/postgres, which does not exist", "rm " + requestedIn(locked, "ErrDanglingLink")},
		},
		{
			name: "ErrStateDirUnreachable",
			prepare: func(string) options {
				return options{stateDir: filepath.Join(locked, "state")}
			},
			want: []string{"cannot enter " + locked, stateDirEnv},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			requested := requestedIn(locked, tt.name)
			_, err := start(context.Background(), requested, nil, tt.prepare(requested))
			if err == nil {
				t.Fatal("start succeeded")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q: %v", w, err)
				}
			}
			t.Logf("%v", err)
		})
	}
}

func requestedIn(locked, name string) string { return filepath.Join(locked, name, "data", "postgres") }

func mustMkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func mustWrite(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// As root, a socket dir that cannot go in a long data directory must go
// where postgres can enter, even when TMPDIR is a 0700 directory.
func TestSocketDirReachableWithLockedTMPDIR(t *testing.T) {
	locked, parent := lockedDir(t), tempDir(t)
	t.Setenv("TMPDIR", locked)
	dataDir := filepath.Join(parent, strings.Repeat("d", 60), strings.Repeat("e", 60), "data")
	c, err := StartEphemeral(context.Background(), dataDir, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop()
	if filepath.Dir(c.SocketDir()) != "/tmp" {
		t.Errorf("socket dir %s, want one under /tmp", c.SocketDir())
	}
}

func TestStalePidFile(t *testing.T) {
	ctx := context.Background()
	dataDir := filepath.Join(tempDir(t), "data")
	c, err := StartEphemeral(ctx, dataDir, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	orig, err := os.ReadFile(filepath.Join(dataDir, "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}

	// A leftover pid file whose pid now belongs to an unrelated process.
	sleep := exec.Command("sleep", "60")
	if err := sleep.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { sleep.Process.Kill(); sleep.Wait() }()
	_, rest, _ := strings.Cut(string(orig), "\n")
	writePid := func(pid int) {
		path := filepath.Join(dataDir, "postmaster.pid")
		if err := os.WriteFile(path, []byte(strconv.Itoa(pid)+"\n"+rest), 0o600); err != nil {
			t.Fatal(err)
		}
		var st syscall.Stat_t
		if err := syscall.Stat(dataDir, &st); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(path, int(st.Uid), int(st.Gid)); err != nil { // as postgres would have left it
			t.Fatal(err)
		}
	}
	writePid(sleep.Process.Pid)
	c, err = StartEphemeral(ctx, dataDir, testLogger(t))
	if err != nil {
		t.Fatalf("start with reused-pid postmaster.pid: %v", err)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}

	// A leftover pid file whose pid is dead: postgres handles it.
	sleep.Process.Kill()
	sleep.Wait()
	writePid(sleep.Process.Pid)
	c, err = StartEphemeral(ctx, dataDir, testLogger(t))
	if err != nil {
		t.Fatalf("start with dead-pid postmaster.pid: %v", err)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
}

func TestCrashRecovery(t *testing.T) {
	ctx := context.Background()
	dataDir := filepath.Join(tempDir(t), "data")
	c, err := Start(ctx, dataDir, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	db := openDB(t, c.DSN("postgres"))
	if _, err := db.ExecContext(ctx, "CREATE TABLE t (v int); INSERT INTO t VALUES (42)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	c.cmd.Process.Signal(syscall.SIGKILL) // postmaster dies; backends follow
	<-c.done
	c.Stop()

	t0 := time.Now()
	c, err = Start(ctx, dataDir, testLogger(t))
	if err != nil {
		t.Fatalf("restart after SIGKILL: %v", err)
	}
	t.Logf("restart after crash: %v", time.Since(t0))
	defer c.Stop()
	db = openDB(t, c.DSN("postgres"))
	var v int
	if err := db.QueryRowContext(ctx, "SELECT v FROM t").Scan(&v); err != nil || v != 42 {
		t.Fatalf("after recovery: %v %v", v, err)
	}
}

// Starting from a goroutine whose locked thread is then destroyed must not
// take postgres down (Pdeathsig is per thread).
func TestSurvivesCallerThreadExit(t *testing.T) {
	ctx := context.Background()
	type res struct {
		c   *Cluster
		err error
	}
	ch := make(chan res)
	dataDir := filepath.Join(tempDir(t), "data")
	go func() {
		runtime.LockOSThread() // never unlocked: the thread dies with this goroutine
		c, err := StartEphemeral(ctx, dataDir, testLogger(t))
		ch <- res{c, err}
	}()
	r := <-ch
	if r.err != nil {
		t.Fatal(r.err)
	}
	defer r.c.Stop()
	time.Sleep(300 * time.Millisecond)
	db := openDB(t, r.c.DSN("postgres"))
	if err := db.PingContext(ctx); err != nil {
		t.Fatalf("postgres gone after caller thread exit: %v", err)
	}
}

// When our process dies without calling Stop, postgres must shut down too.
func TestPostgresDiesWithParent(t *testing.T) {
	if testing.Short() {
		t.Skip()
	}
	dataDir := filepath.Join(tempDir(t), "data")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "PGEMBED_HELPER_DIR="+dataDir)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "READY ") {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("helper: %q %v", line, err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "READY ")))
	cmd.Process.Kill() // SIGKILL: no deferred Stop runs
	cmd.Wait()
	deadline := time.Now().Add(15 * time.Second)
	for syscall.Kill(pid, 0) == nil {
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGQUIT)
			t.Fatalf("postgres pid %d still running 15 s after its parent died", pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// It shut down cleanly: a later Start on the same dir works.
	c, err := StartEphemeral(context.Background(), dataDir, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	c.Stop()
}

func TestHelperProcess(t *testing.T) {
	dir := os.Getenv("PGEMBED_HELPER_DIR")
	if dir == "" {
		t.Skip("helper for TestPostgresDiesWithParent")
	}
	c, err := StartEphemeral(context.Background(), dir, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("READY %d\n", c.cmd.Process.Pid)
	// Churn OS threads to show the forking thread is not retired.
	for range 50 {
		done := make(chan struct{})
		go func() { runtime.LockOSThread(); close(done) }()
		<-done
	}
	select {}
}

func TestRelocatedName(t *testing.T) {
	tests := []struct{ name, path, prefix string }{
		{"Short", "/root/jobnet/data/postgres", "root-jobnet-data-postgres-"},
		{"LongKeepsWholeComponents", "/tmp/tmp.Xy12AbCdEf/projects/jobnet/data/postgres", "projects-jobnet-data-postgres-"},
		{"LongComponent", "/" + strings.Repeat("x", 50), strings.Repeat("x", 40) + "-"},
		{"Unsafe", "/home/ å b/~data/.pg", "home-----b--data-.pg-"}, // å is two bytes
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := relocatedName(tt.path)
			if !strings.HasPrefix(got, tt.prefix) || len(got) != len(tt.prefix)+12 {
				t.Errorf("relocatedName(%q) = %q, want %q + 12 hex digits", tt.path, got, tt.prefix)
			}
		})
	}
	if relocatedName("/a/b-c") == relocatedName("/a-b/c") {
		t.Error("paths that read alike share a name")
	}
}
