package app

import (
	"context"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
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

// fetchInto loads a page's data with load (an api function) and puts it
// in dst on the UI goroutine. An answer the server preloaded with the page
// is taken at once, so that the page is drawn with its data: by the
// server's prerender, and by the app's first render. Otherwise the app
// asks the server (a prerendered page without preloaded data waits for
// the app).
func fetchInto[T any](ctx app.Context, l *pageLoad, load func(context.Context) (T, error), dst *T) {
	fetchThen(ctx, l, load, dst, nil)
}

// fetchThen is fetchInto that runs then, when not nil, on the UI goroutine
// once the data is in dst: a second load that needs the first's answer.
func fetchThen[T any](ctx app.Context, l *pageLoad, load func(context.Context) (T, error), dst *T, then func(app.Context)) {
	if v, err := load(api.PreloadOnly(ctx)); err == nil {
		*dst, l.err, l.st = v, nil, loaded
		if then != nil {
			then(ctx)
		}
		return
	}
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
				return
			}
			if then != nil {
				then(ctx)
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
