package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// IField is a DKFDS form group: label, optional hint, the error at the
// field (announced through aria-describedby) and the input, or with Rows
// a textarea. The value is always the one the user typed, so nothing is
// lost when a message appears.
type IField interface {
	app.UI

	// Label sets the label.
	Label(v string) IField
	// Hint sets the hint below the label.
	Hint(v string) IField
	// Type sets the input's type. Default is "text".
	Type(v string) IField
	// Rows makes the field a textarea of n rows.
	Rows(n int) IField
	// Autocomplete sets what the browser may fill in, e.g. "username".
	Autocomplete(v string) IField
	// InputMode sets the phone's keyboard, e.g. "decimal".
	InputMode(v string) IField
	// Value sets the value: the one the user typed.
	Value(v string) IField
	// Error sets the message at the field; empty is none.
	Error(msg string) IField
	// OnInput sets what happens on each keystroke.
	OnInput(h app.EventHandler) IField
}

// Field is a form group with an input whose id and name are id; the hint
// and the message get id-hint and id-error.
func Field(id string) IField { return &field{Iid: id, Itype: "text"} }

type field struct {
	app.Compo

	Iid           string
	Ilabel        string
	Ihint         string
	Itype         string
	Irows         int
	Iautocomplete string
	IinputMode    string
	Ivalue        string
	IerrMsg       string
	IonInput      app.EventHandler
}

func (f *field) Label(v string) IField             { f.Ilabel = v; return f }
func (f *field) Hint(v string) IField              { f.Ihint = v; return f }
func (f *field) Type(v string) IField              { f.Itype = v; return f }
func (f *field) Rows(n int) IField                 { f.Irows = n; return f }
func (f *field) Autocomplete(v string) IField      { f.Iautocomplete = v; return f }
func (f *field) InputMode(v string) IField         { f.IinputMode = v; return f }
func (f *field) Value(v string) IField             { f.Ivalue = v; return f }
func (f *field) Error(msg string) IField           { f.IerrMsg = msg; return f }
func (f *field) OnInput(h app.EventHandler) IField { f.IonInput = h; return f }

// onInput runs the page's handler of the last render (see the package doc).
func (f *field) onInput(ctx app.Context, e app.Event) {
	if f.IonInput != nil {
		f.IonInput(ctx, e)
	}
}

func (f *field) Render() app.UI {
	return app.Div().Class(FormGroupClass(f.IerrMsg)).Body(
		app.Label().Class("form-label").For(f.Iid).Text(f.Ilabel),
		app.If(f.Ihint != "", func() app.UI { return app.Span().Class("form-hint").ID(f.Iid + "-hint").Text(f.Ihint) }),
		// The message's wrapper is always there, so that the input keeps its
		// place (and the focus) when a message comes or goes.
		FieldError(f.Iid, f.IerrMsg),
		f.control(),
	)
}

// control is the input or the textarea, described by the hint and the
// message.
func (f *field) control() app.UI {
	attrs := map[string]string{"inputmode": f.IinputMode, "autocomplete": f.Iautocomplete}
	var describedBy []string
	if f.Ihint != "" {
		describedBy = append(describedBy, f.Iid+"-hint")
	}
	if f.IerrMsg != "" {
		describedBy = append(describedBy, f.Iid+"-error")
		attrs["aria-invalid"] = "true"
	}
	attrs["aria-describedby"] = strings.Join(describedBy, " ")
	if f.Irows > 0 {
		t := app.Textarea().ID(f.Iid).Name(f.Iid).Class("form-input").Rows(f.Irows).Attr("value", f.Ivalue).OnInput(f.onInput)
		for k, v := range attrs {
			t = t.Attr(k, v) // go-app leaves out an empty attribute
		}
		return t
	}
	input := app.Input().Type(f.Itype).ID(f.Iid).Name(f.Iid).Class("form-input").Value(f.Ivalue).OnInput(f.onInput)
	for k, v := range attrs {
		input = input.Attr(k, v)
	}
	return input
}

// FormGroupClass is the class of a DKFDS form group, marked when it has an
// error.
func FormGroupClass(errMsg string) string {
	if errMsg != "" {
		return "form-group form-error"
	}
	return "form-group"
}

// FieldError is the message at a field (id-error), in a wrapper that is
// always there (go-app matches children by position).
func FieldError(id, msg string) app.UI {
	return app.Span().Class("jobnet-field-error").Body(
		app.If(msg != "", func() app.UI {
			return app.Span().Class("form-error-message").ID(id+"-error").Body(app.Span().Class("sr-only").Text("Fejl: "), app.Text(msg))
		}),
	)
}
