package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ICombobox is a text field with suggestions in a list below it, the
// WAI-ARIA combobox with a listbox popup (APG "Editable Combobox With List
// Autocomplete"): the page gives the suggestions for what was typed;
// ArrowDown and ArrowUp move through them, Enter chooses, Escape closes,
// and a click chooses too. Label, hint and message are a DKFDS form
// group's, as Field's; the text is always what was typed or chosen.
type ICombobox interface {
	app.UI

	// Label sets the label.
	Label(v string) ICombobox
	// Hint sets the hint below the label.
	Hint(v string) ICombobox
	// Value sets the text.
	Value(v string) ICombobox
	// Options sets the suggestions for the text.
	Options(v []string) ICombobox
	// Error sets the message at the field; empty is none.
	Error(msg string) ICombobox
	// OnInput sets what happens on each keystroke, with the text.
	OnInput(h func(ctx app.Context, text string)) ICombobox
	// OnChoose sets what happens when a suggestion is chosen, with its
	// index in Options.
	OnChoose(h func(ctx app.Context, i int)) ICombobox
}

// Combobox is a combobox whose input has the id id; the list gets
// id-listbox, its options id-option-N, the hint id-hint and the message
// id-error.
func Combobox(id string) ICombobox { return &combobox{Iid: id} }

type combobox struct {
	app.Compo

	Iid       string
	Ilabel    string
	Ihint     string
	Ivalue    string
	Ioptions  []string
	IerrMsg   string
	IonInput  func(app.Context, string)
	IonChoose func(app.Context, int)

	open   bool // the list shows, when it has options
	active int  // the highlighted option; -1 for none
}

func (c *combobox) Label(v string) ICombobox     { c.Ilabel = v; return c }
func (c *combobox) Hint(v string) ICombobox      { c.Ihint = v; return c }
func (c *combobox) Value(v string) ICombobox     { c.Ivalue = v; return c }
func (c *combobox) Options(v []string) ICombobox { c.Ioptions = v; return c }
func (c *combobox) Error(msg string) ICombobox   { c.IerrMsg = msg; return c }
func (c *combobox) OnInput(h func(app.Context, string)) ICombobox {
	c.IonInput = h
	return c
}
func (c *combobox) OnChoose(h func(app.Context, int)) ICombobox {
	c.IonChoose = h
	return c
}

func (c *combobox) OnInit() { c.active = -1 }

// expanded reports whether the list shows.
func (c *combobox) expanded() bool { return c.open && len(c.Ioptions) > 0 }

// activeOption is the highlighted option's index, -1 for none or one the
// list no longer has.
func (c *combobox) activeOption() int {
	if !c.expanded() || c.active >= len(c.Ioptions) {
		return -1
	}
	return c.active
}

func (c *combobox) optionID(i int) string { return c.Iid + "-option-" + strconv.Itoa(i) }

// The handlers read the attributes of the last render (see the package doc).

func (c *combobox) onInput(ctx app.Context, e app.Event) {
	c.open, c.active = true, -1
	if c.IonInput != nil {
		c.IonInput(ctx, InputValue(ctx))
	}
}

func (c *combobox) choose(ctx app.Context, i int) {
	c.open, c.active = false, -1
	if i >= 0 && i < len(c.Ioptions) && c.IonChoose != nil {
		c.IonChoose(ctx, i)
	}
}

func (c *combobox) onKeyDown(ctx app.Context, e app.Event) {
	n := len(c.Ioptions)
	switch e.Get("key").String() {
	case "ArrowDown":
		e.PreventDefault()
		if n == 0 {
			return
		}
		if !c.expanded() {
			c.open, c.active = true, 0
			return
		}
		c.active = (c.activeOption() + 1) % n
	case "ArrowUp":
		e.PreventDefault()
		if n == 0 {
			return
		}
		c.open = true
		if a := c.activeOption(); a > 0 {
			c.active = a - 1
		} else {
			c.active = n - 1
		}
	case "Enter":
		// With an option highlighted, Enter chooses it and does not send
		// the form.
		if a := c.activeOption(); a >= 0 {
			e.PreventDefault()
			c.choose(ctx, a)
		}
	case "Escape":
		if c.expanded() {
			e.PreventDefault()
		}
		c.open, c.active = false, -1
	}
}

func (c *combobox) onBlur(ctx app.Context, e app.Event) { c.open, c.active = false, -1 }

func (c *combobox) Render() app.UI {
	var describedBy []string
	if c.Ihint != "" {
		describedBy = append(describedBy, c.Iid+"-hint")
	}
	input := app.Input().Type("text").ID(c.Iid).Name(c.Iid).Class("form-input").Value(c.Ivalue).
		Role("combobox").Aria("autocomplete", "list").Aria("controls", c.Iid+"-listbox").
		Aria("expanded", strconv.FormatBool(c.expanded())).AutoComplete(false).
		OnInput(c.onInput).OnKeyDown(c.onKeyDown).OnBlur(c.onBlur)
	if a := c.activeOption(); a >= 0 {
		input = input.Aria("activedescendant", c.optionID(a))
	}
	if c.IerrMsg != "" {
		describedBy = append(describedBy, c.Iid+"-error")
		input = input.Aria("invalid", "true")
	}
	if len(describedBy) > 0 {
		input = input.Aria("describedby", strings.Join(describedBy, " "))
	}
	status := ""
	if c.expanded() {
		status = strconv.Itoa(len(c.Ioptions)) + " forslag. Brug pil op og pil ned for at vælge, og Enter for at bruge et forslag."
	}
	return app.Div().Class(FormGroupClass(c.IerrMsg)+" jobnet-combobox").Body(
		app.Label().Class("form-label").For(c.Iid).Text(c.Ilabel),
		app.If(c.Ihint != "", func() app.UI { return app.Span().Class("form-hint").ID(c.Iid + "-hint").Text(c.Ihint) }),
		FieldError(c.Iid, c.IerrMsg),
		app.Div().Class("jobnet-combobox-wrap").Body(
			input,
			app.Ul().ID(c.Iid+"-listbox").Class("jobnet-combobox-list").Role("listbox").Aria("label", c.Ilabel).
				Hidden(!c.expanded()).Body(
				app.Range(c.Ioptions).Slice(func(i int) app.UI {
					selected := i == c.activeOption()
					li := app.Li().ID(c.optionID(i)).Role("option").Aria("selected", strconv.FormatBool(selected)).
						// mousedown, not click: the input keeps the focus
						// (no blur closes the list first).
						OnMouseDown(func(ctx app.Context, e app.Event) {
							e.PreventDefault()
							c.choose(ctx, i)
						}).Text(c.Ioptions[i])
					if selected {
						li = li.Class("jobnet-combobox-active")
					}
					return li
				}),
			),
		),
		app.Div().Class("sr-only").Role("status").Aria("live", "polite").Text(status),
	)
}
