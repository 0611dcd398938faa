package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/ui"
	"jobnet/shared"
)

// pageLoad is where a page's data is: on its way, failed (with the error)
// or loaded.
type pageLoad struct {
	st  status
	err error
}

// fetchInto GETs path in the browser (a prerendered page waits for the app)
// and puts the answer in dst on the UI goroutine.
func fetchInto[T any](ctx app.Context, l *pageLoad, path string, dst *T) {
	if app.IsServer {
		return
	}
	l.st = loading
	ctx.Async(func() {
		var v T
		err := call(ctx, "GET", path, nil, &v)
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
