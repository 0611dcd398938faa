// Command wasmsize prints the sizes of WebAssembly binaries raw, with
// gzip -9 and with brotli 11, and each against the first: the app against
// go-app's hello world (make wasm-size).
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"

	"github.com/andybalholm/brotli"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize floor.wasm app.wasm …")
		os.Exit(2)
	}
	var floor [3]int
	fmt.Printf("%-22s %12s %12s %12s %8s\n", "binary", "raw", "gzip -9", "brotli 11", "× floor")
	for i, path := range os.Args[1:] {
		b, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		var gz, br bytes.Buffer
		gw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		gw.Write(b)
		gw.Close()
		bw := brotli.NewWriterLevel(&br, 11)
		bw.Write(b)
		bw.Close()
		sizes := [3]int{len(b), gz.Len(), br.Len()}
		if i == 0 {
			floor = sizes
		}
		fmt.Printf("%-22s %12d %12d %12d %8.2f\n", path, sizes[0], sizes[1], sizes[2], float64(sizes[2])/float64(floor[2]))
	}
}
