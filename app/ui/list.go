package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// IFieldset groups a list of inputs under a legend, with the message about
// the list as a whole.
type IFieldset interface {
	app.UI

	// Legend sets the legend.
	Legend(v string) IFieldset
	// Error sets the message about the list; empty is none.
	Error(msg string) IFieldset
	// Body sets the inputs.
	Body(v ...app.UI) IFieldset
}

// Fieldset is a form group of inputs with the id id; its message gets
// id-error.
func Fieldset(id string) IFieldset { return &fieldset{Iid: id} }

type fieldset struct {
	app.Compo

	Iid     string
	Ilegend string
	IerrMsg string
	IBody   []app.UI
}

func (f *fieldset) Legend(v string) IFieldset  { f.Ilegend = v; return f }
func (f *fieldset) Error(msg string) IFieldset { f.IerrMsg = msg; return f }
func (f *fieldset) Body(v ...app.UI) IFieldset { f.IBody = app.FilterUIElems(v...); return f }

func (f *fieldset) Render() app.UI {
	fs := app.FieldSet().ID(f.Iid).Class(FormGroupClass(f.IerrMsg))
	if f.IerrMsg != "" {
		fs = fs.Aria("describedby", f.Iid+"-error")
	}
	return fs.Body(append([]app.UI{app.Legend().Class("form-label h4").Text(f.Ilegend), FieldError(f.Iid, f.IerrMsg)}, f.IBody...)...)
}

// IAddButton is a list's "Tilføj". At the list's limit it stays, so that
// the focus has a place to go back to, but says the limit and adds nothing.
type IAddButton interface {
	app.UI

	// Label sets the button's text.
	Label(v string) IAddButton
	// DescribedBy sets the ids of what describes the button, e.g. the
	// heading of the list's group.
	DescribedBy(ids string) IAddButton
	// Limit says whether the list is full, and the text that says so.
	Limit(reached bool, text string) IAddButton
	// OnAdd sets what adds a row; it is not called at the limit.
	OnAdd(h func(app.Context)) IAddButton
}

// AddButton is a "Tilføj" button with the id id; the limit's text gets
// id-limit.
func AddButton(id string) IAddButton { return &addButton{Iid: id} }

type addButton struct {
	app.Compo

	Iid          string
	Ilabel       string
	IdescribedBy string
	IatLimit     bool
	Ilimit       string
	IonAdd       func(app.Context)
}

func (b *addButton) Label(v string) IAddButton         { b.Ilabel = v; return b }
func (b *addButton) DescribedBy(ids string) IAddButton { b.IdescribedBy = ids; return b }
func (b *addButton) OnAdd(h func(app.Context)) IAddButton {
	b.IonAdd = h
	return b
}

func (b *addButton) Limit(reached bool, text string) IAddButton {
	b.IatLimit, b.Ilimit = reached, text
	return b
}

// add reads the attributes of the last render (see the package doc).
func (b *addButton) add(ctx app.Context, e app.Event) {
	if !b.IatLimit && b.IonAdd != nil {
		b.IonAdd(ctx)
	}
}

func (b *addButton) Render() app.UI {
	describedBy := b.IdescribedBy
	btn := app.Button().Type("button").ID(b.Iid).Class("button button-tertiary").OnClick(b.add).Text(b.Ilabel)
	if b.IatLimit {
		btn = btn.Aria("disabled", "true")
		describedBy = strings.TrimSpace(describedBy + " " + b.Iid + "-limit")
	}
	if describedBy != "" {
		btn = btn.Aria("describedby", describedBy)
	}
	return app.Div().Class("jobnet-add").Body(
		btn,
		app.Span().ID(b.Iid+"-limit").Class("form-hint").Body(app.If(b.IatLimit, func() app.UI { return app.Text(b.Ilimit) })),
	)
}
