package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/shared"
)

// field is a DKFDS form group: label, optional hint, the error at the field
// (announced through aria-describedby) and the input. The value is always
// the one the user typed, so nothing is lost when a message appears.
type field struct {
	id, label, hint, kind, autocomplete, value, errMsg string
	inputMode                                          string // e.g. "decimal" for the phone's keyboard
	onInput                                            app.EventHandler
}

func (f field) render() app.UI {
	describedBy := ""
	if f.hint != "" {
		describedBy = f.id + "-hint"
	}
	if f.errMsg != "" {
		describedBy += " " + f.id + "-error"
	}
	kind := f.kind
	if kind == "" {
		kind = "text"
	}
	input := app.Input().Type(kind).ID(f.id).Name(f.id).Class("form-input").Value(f.value).OnInput(f.onInput)
	if f.inputMode != "" {
		input = input.Attr("inputmode", f.inputMode)
	}
	if f.autocomplete != "" {
		input = input.Attr("autocomplete", f.autocomplete)
	}
	if describedBy != "" {
		input = input.Aria("describedby", describedBy)
	}
	if f.errMsg != "" {
		input = input.Aria("invalid", "true")
	}
	return app.Div().Class(formGroupClass(f.errMsg)).Body(
		app.Label().Class("form-label").For(f.id).Text(f.label),
		app.If(f.hint != "", func() app.UI { return app.Span().Class("form-hint").ID(f.id + "-hint").Text(f.hint) }),
		// The message's wrapper is always there, so that the input keeps its
		// place (and the focus) when a message comes or goes.
		fieldError(f.id, f.errMsg),
		input,
	)
}

// formGroupClass is a DKFDS form group, marked when it has an error.
func formGroupClass(errMsg string) string {
	if errMsg != "" {
		return "form-group form-error"
	}
	return "form-group"
}

// fieldError is the message at a field, in a wrapper that is always there
// (go-app matches children by position).
func fieldError(id, msg string) app.UI {
	return app.Span().Class("jobnet-field-error").Body(
		app.If(msg != "", func() app.UI {
			return app.Span().Class("form-error-message").ID(id+"-error").Body(app.Span().Class("sr-only").Text("Fejl: "), app.Text(msg))
		}),
	)
}

// textarea is a DKFDS textarea with its message.
func textarea(id, label, value, errMsg string, onInput app.EventHandler) app.UI {
	t := app.Textarea().ID(id).Name(id).Class("form-input").Rows(4).Attr("value", value).OnInput(onInput)
	if errMsg != "" {
		t = t.Aria("invalid", "true").Aria("describedby", id+"-error")
	}
	return app.Div().Class(formGroupClass(errMsg)).Body(
		app.Label().Class("form-label").For(id).Text(label),
		fieldError(id, errMsg),
		t,
	)
}

// slot holds what comes and goes (an alert, a dialog) in a wrapper that is
// always there: go-app matches children by position, so without it the
// elements after it would be rebuilt, losing the focus and dropping any
// pending Dispatch of theirs.
func slot(class string, show bool, ui func() app.UI) app.UI {
	return app.Div().Class(class).Body(app.If(show, ui))
}

// errorSlot is a slot for an error message.
func errorSlot(class, msg string) app.UI {
	return slot(class, msg != "", func() app.UI { return errorAlert(msg) })
}

// focusSoon moves the focus to an element once the next render has drawn
// it. go-app drops it if the element that fired the event is gone by then:
// such handlers call focusByID first.
func focusSoon(ctx app.Context, id string) {
	ctx.Defer(func(app.Context) { focusByID(id) })
}

// focusByID moves the focus to an element that exists now.
func focusByID(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus")
	}
}

// inputValue reads the value of the input that fired the event.
func inputValue(ctx app.Context) string { return ctx.JSSrc().Get("value").String() }

// formState is what every form keeps besides its input: the errors of the
// last submit and whether one is under way.
type formState struct {
	ferr formError
	busy bool
}

// submit judges in with the shared validators, as the server will, and sends
// it only when it passes; the server's answer comes back as the same kind of
// field messages. done runs after a successful answer. The input itself is
// never touched, so nothing the user typed is lost.
func (f *formState) submit(ctx app.Context, method, path string, in, out any, done func(app.Context)) {
	f.submitChecked(ctx, shared.Validate(in), method, path, in, out, done)
}

// submitChecked is submit for a form whose input is judged by more than its
// tags (e.g. against the plan it answers): checkErr is that judgement.
func (f *formState) submitChecked(ctx app.Context, checkErr error, method, path string, in, out any, done func(app.Context)) {
	if f.busy {
		return
	}
	if err := checkErr; err != nil {
		f.ferr = asFormError(err)
		return
	}
	f.busy, f.ferr = true, formError{}
	ctx.Async(func() {
		err := call(ctx, method, path, in, out)
		ctx.Dispatch(func(ctx app.Context) {
			f.busy = false
			if err != nil {
				f.ferr = asFormError(err)
				return
			}
			done(ctx)
		})
	})
}

// formError is what a form shows after a failed submit: a summary and the
// message per field.
type formError struct{ err *shared.Error }

func asFormError(err error) formError {
	if err == nil {
		return formError{}
	}
	if e, ok := err.(*shared.Error); ok {
		return formError{e}
	}
	return formError{shared.NewError(shared.EInternal)}
}

func (f formError) field(name string) string { return f.err.FieldMessage(name) }

// summary renders the error alert above the form. The wrapper is there
// with or without an error: go-app matches children by position, so an
// alert that came and went before the form would replace the form, and
// go-app drops the answer to a submit whose form is gone (Dispatch skips an
// element that is no longer mounted), leaving the button disabled.
func (f formError) summary() app.UI {
	return slot("jobnet-form-summary", f.err != nil, func() app.UI { return errorAlert(f.err.Message) })
}

func errorAlert(msg string) app.UI { return alert("error", "Fejl", "alert", msg) }

func infoAlert(msg string) app.UI { return alert("info", "Information", "status", msg) }

func successAlert(msg string) app.UI { return alert("success", "Udført", "status", msg) }

// alert is a DKFDS alert with its icon; the icon's meaning is also said in
// words for screen readers, so colour and shape are never the only carriers.
func alert(kind, label, role, msg string) app.UI {
	return app.Div().Class("alert alert-"+kind).Role(role).Body(
		icon(kind, "alert-icon"),
		app.Div().Class("alert-body").Body(app.P().Class("alert-text").Body(
			app.Span().Class("sr-only").Text(label+": "),
			app.Text(msg),
		)),
	)
}

const svgNS = "http://www.w3.org/2000/svg"

// icon is a decorative icon from the DKFDS sprite.
func icon(name, class string) app.UI {
	return app.Elem("svg").XMLNS(svgNS).Class("icon-svg "+class).Aria("hidden", "true").Attr("focusable", "false").Body(
		app.Elem("use").XMLNS(svgNS).Attr("href", "/web/dkfds/img/all-svg-icons.svg#"+name),
	)
}
