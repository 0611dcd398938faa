// Package hello is go-app v10's hello world, the floor Jobnet's app is
// measured against: its app.wasm (internal/wasmfloor, make wasm-size) and
// its page (cmd/ttibench, make bench-tti).
package hello

import "github.com/maxence-charriere/go-app/v10/pkg/app"

type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().Text("Hello World!") }

// Route routes "/" to the hello world, in the browser and on the server
// that prerenders it.
func Route() { app.Route("/", func() app.Composer { return &hello{} }) }
