// Command precompress writes FILE.br and FILE.gz beside files, so the server
// sends them compressed without compressing on every request (go-app does
// not compress).
//
//	precompress [-brotli N] web/app.wasm   the files named, at brotli quality N
//	precompress -static web                 every compressible static file in the folder
//
// With -static, the folder's styles, scripts and SVG icons (server/site
// decides which) get brotli 11, and a file whose siblings are newer than
// it is skipped, so a build after a small change is quick. The server
// checks at start that the siblings hold the file's content.
package main

import (
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"

	"jobnet/server/site"
)

// Brotli's level 11 saves about 12 % over level 9 on app.wasm but takes
// 30 times as long (60 s against 2 s here), so builds for development use 9
// and a release build passes -brotli 11.
var (
	brotliLevel = flag.Int("brotli", 9, "brotli quality of the files named, 0–11")
	static      = flag.Bool("static", false, "the arguments are folders: precompress their compressible static files at brotli 11")
)

func main() {
	flag.Parse()
	for _, arg := range flag.Args() {
		var err error
		if *static {
			err = compressFolder(arg)
		} else {
			err = compress(arg, *brotliLevel)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "precompress:", err)
			os.Exit(1)
		}
	}
}

// compressFolder precompresses the static files under dir whose siblings
// are missing or older than the file.
func compressFolder(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() || !site.Precompressible(path) {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if upToDate(path+".br", info) && upToDate(path+".gz", info) {
			return nil
		}
		return compress(path, site.BuildBrotliLevel)
	})
}

func upToDate(sibling string, of fs.FileInfo) bool {
	fi, err := os.Stat(sibling)
	return err == nil && !fi.ModTime().Before(of.ModTime())
}

func compress(path string, brotliLevel int) error {
	write := func(ext string, newWriter func(io.Writer) io.WriteCloser) error {
		in, err := os.Open(path)
		if err != nil {
			return err
		}
		defer in.Close()
		tmp := path + ext + ".tmp"
		out, err := os.Create(tmp)
		if err != nil {
			return err
		}
		w := newWriter(out)
		if _, err := io.Copy(w, in); err != nil {
			out.Close()
			return err
		}
		if err := w.Close(); err != nil {
			out.Close()
			return err
		}
		if err := out.Close(); err != nil {
			return err
		}
		return os.Rename(tmp, path+ext)
	}
	if err := write(".br", func(w io.Writer) io.WriteCloser { return brotli.NewWriterLevel(w, brotliLevel) }); err != nil {
		return err
	}
	return write(".gz", func(w io.Writer) io.WriteCloser {
		zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
		return zw
	})
}
