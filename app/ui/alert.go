package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// ErrorAlert is a DKFDS error alert, announced at once (role alert).
func ErrorAlert(msg string) app.UI { return alert("error", "Fejl", "alert", msg) }

// InfoAlert is a DKFDS information alert, announced politely (role status).
func InfoAlert(msg string) app.UI { return alert("info", "Information", "status", msg) }

// SuccessAlert is a DKFDS success alert, announced politely (role status).
func SuccessAlert(msg string) app.UI { return alert("success", "Udført", "status", msg) }

// alert is a DKFDS alert with its icon; the icon's meaning is also said in
// words for screen readers, so colour and shape are never the only carriers.
func alert(kind, label, role, msg string) app.UI {
	return app.Div().Class("alert alert-"+kind).Role(role).Body(
		Icon(kind, "alert-icon"),
		app.Div().Class("alert-body").Body(app.P().Class("alert-text").Body(
			app.Span().Class("sr-only").Text(label+": "),
			app.Text(msg),
		)),
	)
}

// Slot holds what comes and goes (an alert, a dialog) in a wrapper that is
// always there: go-app matches children by position, so without it the
// elements after it would be rebuilt, losing the focus and dropping any
// pending Dispatch of theirs.
func Slot(class string, show bool, ui func() app.UI) app.UI {
	return app.Div().Class(class).Body(app.If(show, ui))
}

// ErrorSlot is a Slot for an error message: an ErrorAlert when msg is set.
func ErrorSlot(class, msg string) app.UI {
	return Slot(class, msg != "", func() app.UI { return ErrorAlert(msg) })
}
