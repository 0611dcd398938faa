// Package ui holds the widgets of Det Fælles Designsystem (DKFDS) that the
// pages use and that call no API: form fields, alerts, icons, the dialog,
// slots, breadcrumbs and tabs. It knows no page and no route; a page gives
// a widget what it shows.
//
// As in go-app's pkg/ui: a widget with optional attributes is a component
// made by a constructor that takes what it cannot do without (its id) and
// set up with chainable setters (Field, Fieldset, AddButton, Modal, Tabs). A widget whose few attributes are all required is a
// function (Icon, ErrorAlert, Slot, Breadcrumb, …).
//
// go-app matches children by position: a widget's wrappers that are always
// there, even when empty, keep the elements after them (and the focus) in
// place when something comes or goes. They are part of the widgets' DOM and
// must stay.
//
// A component's elements get the component's own methods as event
// handlers, and those read the attributes (and the page's handlers) of the
// last render. go-app keeps an element's first handler when a later render
// gives it another closure of the same function literal (it compares code
// pointers: go-app issue #1010), so a closure handed straight to an element
// would go on running with the values it captured first.
package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// SVGNamespace is the namespace of SVG elements, which app.Elem needs.
const SVGNamespace = "http://www.w3.org/2000/svg"

// Icon is a decorative icon from the DKFDS sprite.
func Icon(name, class string) app.UI {
	return app.Elem("svg").XMLNS(SVGNamespace).Class("icon-svg "+class).Aria("hidden", "true").Attr("focusable", "false").Body(
		app.Elem("use").XMLNS(SVGNamespace).Attr("href", "/web/dkfds/img/all-svg-icons.svg#"+name),
	)
}

// FocusSoon moves the focus to an element once the next render has drawn
// it. go-app drops it if the element that fired the event is gone by then:
// such handlers call FocusByID first.
func FocusSoon(ctx app.Context, id string) {
	ctx.Defer(func(app.Context) { FocusByID(id) })
}

// FocusByID moves the focus to an element that exists now.
func FocusByID(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus")
	}
}

// InputValue reads the value of the input that fired the event.
func InputValue(ctx app.Context) string { return ctx.JSSrc().Get("value").String() }

// Waiting says, politely to screen readers, what is on its way.
func Waiting(text string) app.UI { return app.P().Aria("live", "polite").Text(text) }
