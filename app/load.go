package app

import (
	"context"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/ui"
	"jobnet/shared"
)

// status is the state of a load: every page renders from it.
type status int

const (
	neverLoaded status = iota
	loading
	loadingErr
	loaded
)

// pageLoad is where a page's data is: on its way, failed (with the error)
// or loaded.
type pageLoad struct {
	st  status
	err error
}

// fetchInto loads a page's data with load (an api function) in the browser
// (a prerendered page waits for the app) and puts it in dst on the UI
// goroutine.
func fetchInto[T any](ctx app.Context, l *pageLoad, load func(context.Context) (T, error), dst *T) {
	if app.IsServer {
		return
	}
	l.st = loading
	ctx.Async(func() {
		v, err := load(ctx)
		ctx.Dispatch(func(app.Context) {
			*dst, l.err, l.st = v, err, loaded
			if err != nil {
				l.st = loadingErr
			}
		})
	})
}

// view is the page's body: the error, the data (ok) or, until then, waiting.
func (l pageLoad) view(waiting app.UI, ok func() app.UI) app.UI {
	return app.If(l.st == loadingErr, func() app.UI { return ui.ErrorAlert(shared.ErrorMessageOf(l.err)) }).
		ElseIf(l.st == loaded, ok).
		Else(func() app.UI { return waiting })
}
