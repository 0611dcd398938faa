// Command jobnet-wasm is the browser side of Jobnet, built with
// GOOS=js GOARCH=wasm into web/app.wasm. It imports only app/ and shared/.
package main

import (
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	webapp "jobnet/app"
	"jobnet/shared"
)

func main() {
	webapp.RegisterRoutes()
	// A server build runs nothing here, as app.RunWhenOnBrowser would not;
	// the warm-up worker's run (server/site) ends after the initialisation.
	if app.IsServer || os.Getenv(shared.AppWarmupEnv) != "" {
		return
	}
	// The runtime's and the packages' initialisation end one task and the
	// first render begins the next, so that the page answers input in
	// between (server/site's app.js starts the program in such steps).
	nextTask()
	go removeLoader()
	app.RunWhenOnBrowser()
}

// nextTask waits for a task of the browser's event loop: with every
// goroutine waiting, the program hands the main thread back until then.
func nextTask() {
	done := make(chan struct{})
	f := app.FuncOf(func(app.Value, []app.Value) any {
		close(done)
		return nil
	})
	defer f.Release()
	app.Window().Call("setTimeout", f, 0)
	<-done
}

// removeLoader removes go-app's loader, as go-app's app.js did when go.run
// first returned: it runs the first time the program waits after
// app.RunWhenOnBrowser began, which is once the page is mounted with its
// handlers. The browser tests and people read the loader's end as "the app
// runs".
func removeLoader() {
	if loader := app.Window().Get("document").Call("getElementById", "app-wasm-loader"); loader.Truthy() {
		loader.Call("remove")
	}
}
