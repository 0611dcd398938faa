package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// modal is a dialog over the page with one control, its "Luk" button
// (id+"-close"), which gets the focus when it opens. Escape, "Luk" and a
// click on the backdrop call onClose; Tab stays on "Luk". onClose must give
// the focus back to what opened the dialog before the dialog goes: go-app
// drops a deferred call whose element is gone by then.
func modal(id, title string, onClose func(app.Context), body ...app.UI) app.UI {
	return app.Div().Class("jobnet-popup-backdrop").OnClick(func(ctx app.Context, e app.Event) {
		if e.Get("target").Get("classList").Call("contains", "jobnet-popup-backdrop").Bool() {
			onClose(ctx)
		}
	}).Body(
		// tabindex -1: a click in the dialog's text keeps the focus in the
		// dialog, so Escape still closes it.
		app.Div().ID(id).Class("jobnet-popup").Role("dialog").Aria("modal", "true").Aria("labelledby", id+"-title").TabIndex(-1).
			OnKeyDown(func(ctx app.Context, e app.Event) {
				switch e.Get("key").String() {
				case "Escape":
					onClose(ctx)
				case "Tab":
					e.PreventDefault()
				}
			}).Body(
			app.Div().Class("jobnet-popup-header").Body(
				app.H2().ID(id+"-title").Class("h3").Text(title),
				app.Button().Type("button").ID(id+"-close").Class("button button-tertiary").
					OnClick(func(ctx app.Context, e app.Event) { onClose(ctx) }).Text("Luk"),
			),
			app.Div().Body(body...),
		),
	)
}

// openModal focuses the dialog's "Luk" once it is drawn.
func openModal(ctx app.Context, id string) { focusSoon(ctx, id+"-close") }
