package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// IModal is a dialog over the page with one control, its "Luk" button
// (id-close), which gets the focus when it opens (OpenModal). Escape,
// "Luk" and a click on the backdrop call OnClose; Tab stays on "Luk".
type IModal interface {
	app.UI

	// Title sets the dialog's heading (id-title), which names it.
	Title(v string) IModal
	// OnClose sets what closes the dialog. It must give the focus back to
	// what opened the dialog (FocusByID) before the dialog goes: go-app
	// drops a deferred call whose element is gone by then.
	OnClose(h func(app.Context)) IModal
	// Body sets the dialog's content.
	Body(v ...app.UI) IModal
}

// Modal is a dialog with the id id. Show it in a Slot, so that the page
// keeps its places when it comes and goes.
func Modal(id string) IModal { return &modal{Iid: id} }

// OpenModal focuses the dialog's "Luk" once it is drawn.
func OpenModal(ctx app.Context, id string) { FocusSoon(ctx, id+"-close") }

type modal struct {
	app.Compo

	Iid      string
	Ititle   string
	IonClose func(app.Context)
	IBody    []app.UI
}

func (m *modal) Title(v string) IModal              { m.Ititle = v; return m }
func (m *modal) OnClose(h func(app.Context)) IModal { m.IonClose = h; return m }
func (m *modal) Body(v ...app.UI) IModal            { m.IBody = app.FilterUIElems(v...); return m }

// close runs the page's handler of the last render (see the package doc).
func (m *modal) close(ctx app.Context) {
	if m.IonClose != nil {
		m.IonClose(ctx)
	}
}

func (m *modal) onBackdropClick(ctx app.Context, e app.Event) {
	if e.Get("target").Get("classList").Call("contains", "jobnet-popup-backdrop").Bool() {
		m.close(ctx)
	}
}

func (m *modal) onKeyDown(ctx app.Context, e app.Event) {
	switch e.Get("key").String() {
	case "Escape":
		m.close(ctx)
	case "Tab":
		e.PreventDefault()
	}
}

func (m *modal) Render() app.UI {
	return app.Div().Class("jobnet-popup-backdrop").OnClick(m.onBackdropClick).Body(
		// tabindex -1: a click in the dialog's text keeps the focus in the
		// dialog, so Escape still closes it.
		app.Div().ID(m.Iid).Class("jobnet-popup").Role("dialog").Aria("modal", "true").Aria("labelledby", m.Iid+"-title").TabIndex(-1).
			OnKeyDown(m.onKeyDown).Body(
			app.Div().Class("jobnet-popup-header").Body(
				app.H2().ID(m.Iid+"-title").Class("h3").Text(m.Ititle),
				app.Button().Type("button").ID(m.Iid+"-close").Class("button button-tertiary").
					OnClick(func(ctx app.Context, e app.Event) { m.close(ctx) }).Text("Luk"),
			),
			app.Div().Body(m.IBody...),
		),
	)
}
