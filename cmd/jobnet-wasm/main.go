// Command jobnet-wasm is the browser side of Jobnet, built with
// GOOS=js GOARCH=wasm into web/app.wasm. It imports only app/ and shared/.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	webapp "jobnet/app"
)

func main() {
	webapp.RegisterRoutes()
	app.RunWhenOnBrowser()
}
