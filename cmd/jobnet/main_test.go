package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is what the server prints, read while it runs.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestRunFromClosedFolder is `make run` as a new user tries it: as root,
// from a clone in a folder only its owner may enter (a root user's home is
// mode 700, and so is every `mktemp -d`). The server starts its private
// PostgreSQL, serves the demo, says where the data lives, and a second run
// finds what the first one changed.
func TestRunFromClosedFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("starts PostgreSQL twice")
	}
	home := t.TempDir() // mode 0700, like /root
	if err := os.Chmod(home, 0o700); err != nil {
		t.Fatal(err)
	}
	clone := filepath.Join(home, "jobnet")
	web := filepath.Join(clone, "web")
	if err := os.MkdirAll(web, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"app.wasm", "app.wasm.br", "app.wasm.gz"} {
		if err := os.WriteFile(filepath.Join(web, f), []byte("\x00asm"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(clone)
	t.Setenv("JOBNET_DATA_DIR", "")
	t.Setenv("DATABASE_URL", "")
	t.Setenv("PORT", "0")
	// A cluster relocated out of the closed folder goes here, not to
	// /var/lib/jobnet, so that the test leaves nothing behind.
	state, err := os.MkdirTemp("", "jobnet-state-") // under /tmp, which postgres may enter
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(state) })
	if err := os.Chmod(state, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("JOBNET_STATE_DIR", state)

	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	serve := func(check func(url string)) string {
		t.Helper()
		ctx, cancel := context.WithCancel(context.Background())
		out := &syncBuffer{}
		done := make(chan error, 1)
		go func() { done <- run(ctx, slog.New(slog.NewTextHandler(io.Discard, nil)), "in", out) }()
		url := ""
		for deadline := time.Now().Add(90 * time.Second); url == "" && time.Now().Before(deadline); {
			select {
			case err := <-done:
				cancel()
				t.Fatalf("the server stopped: %v\n%s", err, out)
			case <-time.After(100 * time.Millisecond):
			}
			if m := regexp.MustCompile(`Jobnet kører på (http://\S+)`).FindStringSubmatch(out.String()); m != nil {
				url = m[1]
			}
		}
		if url == "" {
			cancel()
			t.Fatalf("no address printed:\n%s", out)
		}
		check(url)
		cancel()
		if err := <-done; err != nil {
			t.Fatalf("stopping: %v", err)
		}
		return out.String()
	}
	post := func(url, path, body string) *http.Response {
		t.Helper()
		req, _ := http.NewRequest("POST", url+path, strings.NewReader(body))
		if strings.HasPrefix(path, "/api/eures") {
			req.Method = "PUT"
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	first := serve(func(url string) {
		if r := post(url, "/api/login", `{"username":"mads","password":"jobnet-demo-2026"}`); r.StatusCode != 200 {
			t.Fatalf("login: %d", r.StatusCode)
		}
		if r := post(url, "/api/eures", `{"visible":true}`); r.StatusCode != 200 {
			t.Fatalf("change: %d", r.StatusCode)
		}
	})
	for _, want := range []string{"mads", "berit", "Data gemmes i "} {
		if !strings.Contains(first, want) {
			t.Errorf("the first run does not print %q:\n%s", want, first)
		}
	}
	second := serve(func(url string) {
		if r := post(url, "/api/login", `{"username":"mads","password":"jobnet-demo-2026"}`); r.StatusCode != 200 {
			t.Fatalf("login: %d", r.StatusCode)
		}
		resp, err := client.Get(url + "/api/eures")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(b), `"visible":true`) {
			t.Errorf("the second run lost the first one's change: %s", b)
		}
	})
	where := regexp.MustCompile(`Data gemmes i (\S+) `).FindStringSubmatch(second)
	if where == nil {
		t.Fatalf("the second run does not say where the data is:\n%s", second)
	}
	if _, err := os.Stat(filepath.Join(where[1], "PG_VERSION")); err != nil {
		t.Errorf("no cluster where the server says the data is (%s): %v", where[1], err)
	}
	if os.Geteuid() == 0 && !strings.HasPrefix(where[1], state) {
		t.Errorf("as root, the cluster should have moved out of the closed folder into %s, not %s", state, where[1])
	}
}
