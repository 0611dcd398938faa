// Command wasmfloor is go-app v10's hello world: the floor app.wasm is
// measured against (make wasm-size, make bench-tti), built with the same
// flags.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/internal/wasmfloor/hello"
)

func main() {
	hello.Route()
	app.RunWhenOnBrowser()
}
