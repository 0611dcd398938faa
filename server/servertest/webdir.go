package servertest

import (
	"os"
	"path/filepath"
	"testing"
)

// WebDir is a folder standing in for make build's web/: app.wasm and its
// precompressed siblings, each with a body of its own so that a test can
// tell which one was served. Tests of the API need no real app.
func WebDir(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	for name, body := range map[string]string{
		"app.wasm": "\x00asm raw", "app.wasm.br": "brotli-bytes", "app.wasm.gz": "gzip-bytes",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}
