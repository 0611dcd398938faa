package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func noop(app.Context, app.Event) {}

// mount loads the widget w in a test engine, as the browser would.
func mount(t *testing.T, w app.UI) {
	t.Helper()
	if err := app.NewTestEngine().Load(w.(app.Composer)); err != nil {
		t.Fatal(err)
	}
}

// expect fails the test unless the element at path below root is want.
func expect(t *testing.T, root app.UI, want app.UI, path ...int) {
	t.Helper()
	if err := app.Match(want, root, path...); err != nil {
		t.Errorf("at %v: %v", path, err)
	}
}

// TestField: the input is described by its hint and its message, and the
// message's wrapper holds its place with or without a message.
func TestField(t *testing.T) {
	tests := []struct {
		name, hint, errMsg string
		// input is where the input is: after the label, the hint (if
		// any) and the message's wrapper.
		input int
		want  app.UI
	}{
		{"Plain", "", "", 2,
			app.Input().Type("text").ID("cpr").Name("cpr").Class("form-input").Value("12").OnInput(noop).
				Attr("inputmode", "numeric")},
		{"Hint", "DDMMÅÅ-XXXX", "", 3,
			app.Input().Type("text").ID("cpr").Name("cpr").Class("form-input").Value("12").OnInput(noop).
				Attr("inputmode", "numeric").Aria("describedby", "cpr-hint")},
		// The browser test reads this one: exactly "cpr-error".
		{"Error", "", "Ugyldigt CPR-nummer.", 2,
			app.Input().Type("text").ID("cpr").Name("cpr").Class("form-input").Value("12").OnInput(noop).
				Attr("inputmode", "numeric").Aria("describedby", "cpr-error").Aria("invalid", "true")},
		{"HintAndError", "DDMMÅÅ-XXXX", "Ugyldigt CPR-nummer.", 3,
			app.Input().Type("text").ID("cpr").Name("cpr").Class("form-input").Value("12").OnInput(noop).
				Attr("inputmode", "numeric").Aria("describedby", "cpr-hint cpr-error").Aria("invalid", "true")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := Field("cpr").Label("CPR-nummer").InputMode("numeric").Hint(tc.hint).Value("12").Error(tc.errMsg).OnInput(noop)
			mount(t, f)
			expect(t, f, app.Div().Class(FormGroupClass(tc.errMsg)), 0)
			expect(t, f, app.Label().Class("form-label").For("cpr"), 0, 0)
			expect(t, f, app.Span().Class("jobnet-field-error"), 0, tc.input-1)
			expect(t, f, tc.want, 0, tc.input)
			if tc.errMsg != "" {
				expect(t, f, app.Span().Class("form-error-message").ID("cpr-error"), 0, tc.input-1, 0)
			}
		})
	}
}

// TestFieldRows: with rows the field is a textarea, described by its
// message alone when it has no hint.
func TestFieldRows(t *testing.T) {
	f := Field("edu-reason").Label("Derfor").Rows(4).Value("x").Error("Skriv hvorfor.").OnInput(noop)
	mount(t, f)
	expect(t, f, app.Textarea().ID("edu-reason").Name("edu-reason").Class("form-input").Rows(4).Attr("value", "x").OnInput(noop).
		Aria("describedby", "edu-reason-error").Aria("invalid", "true"), 0, 2)
}

func TestFormGroupClass(t *testing.T) {
	if got := FormGroupClass(""); got != "form-group" {
		t.Errorf("without a message: %q", got)
	}
	if got := FormGroupClass("Feltet skal udfyldes."); got != "form-group form-error" {
		t.Errorf("with a message: %q", got)
	}
}

// TestTabs: the WAI-ARIA roles and the ids that tie tabs and panels; only
// the selected tab is in the Tab order and only its panel shows.
func TestTabs(t *testing.T) {
	tabs := Tabs().Class("jobnet-tabs").Label("Menu").
		Tab("Jobsøgning", app.P().Text("a")).
		Tab("Planer og aftaler", app.P().Text("b"))
	mount(t, tabs)

	expect(t, tabs, app.Div().Class("tab-container jobnet-tabs"), 0)
	expect(t, tabs, app.Div().Class("tab-list").Role("tablist").Aria("label", "Menu"), 0, 0)
	for i, sel := range []bool{true, false} {
		id, panel, tabIndex := []string{"tab-0", "tab-1"}[i], []string{"panel-0", "panel-1"}[i], -1
		if sel {
			tabIndex = 0
		}
		tab := app.Button().Type("button").Class("tab-button").Role("tab").ID(id).
			Aria("selected", sel).Aria("controls", panel).TabIndex(tabIndex).OnClick(noop).OnKeyDown(noop)
		expect(t, tabs, tab, 0, 0, i)
		expect(t, tabs, app.Div().Class("tab-panel").Role("tabpanel").ID(panel).Aria("labelledby", id).TabIndex(0).Hidden(!sel), 0, 1+i)
	}
	expect(t, tabs, app.P(), 0, 2, 0)
}

func TestTabsIDPrefix(t *testing.T) {
	tabs := Tabs().IDPrefix("hjaelp-").Tab("A").Tab("B")
	mount(t, tabs)
	expect(t, tabs, app.Button().Type("button").Class("tab-button").Role("tab").ID("hjaelp-tab-1").
		Aria("selected", false).Aria("controls", "hjaelp-panel-1").TabIndex(-1).OnClick(noop).OnKeyDown(noop), 0, 0, 1)
}

// TestKeyedTab: the arrows wrap around, Home and End go to the ends, other
// keys are the browser's.
func TestKeyedTab(t *testing.T) {
	tests := []struct {
		key     string
		cur     int
		want    int
		handled bool
	}{
		{"ArrowRight", 0, 1, true},
		{"ArrowRight", 2, 0, true},
		{"ArrowLeft", 0, 2, true},
		{"ArrowLeft", 2, 1, true},
		{"Home", 2, 0, true},
		{"End", 0, 2, true},
		{"Tab", 1, 1, false},
		{"Enter", 1, 1, false},
	}
	for _, tc := range tests {
		got, handled := keyedTab(tc.key, tc.cur, 3)
		if got != tc.want || handled != tc.handled {
			t.Errorf("%s from %d of 3: (%d, %t), want (%d, %t)", tc.key, tc.cur, got, handled, tc.want, tc.handled)
		}
	}
}

// TestModal: the dialog is named by its title and "Luk" has the id that
// OpenModal focuses.
func TestModal(t *testing.T) {
	m := Modal("item-popup").Title("Virksomhedspraktik").OnClose(func(app.Context) {}).Body(app.P().Text("x"))
	mount(t, m)
	expect(t, m, app.Div().Class("jobnet-popup-backdrop").OnClick(noop), 0)
	expect(t, m, app.Div().ID("item-popup").Class("jobnet-popup").Role("dialog").Aria("modal", "true").
		Aria("labelledby", "item-popup-title").TabIndex(-1).OnKeyDown(noop), 0, 0)
	expect(t, m, app.H2().ID("item-popup-title").Class("h3"), 0, 0, 0, 0)
	expect(t, m, app.Text("Virksomhedspraktik"), 0, 0, 0, 0, 0)
	expect(t, m, app.Button().Type("button").ID("item-popup-close").Class("button button-tertiary").OnClick(noop), 0, 0, 0, 1)
	expect(t, m, app.P(), 0, 0, 1, 0)
}

// TestAddButton: at the limit the button stays, says so and is described
// by the limit's text; below it, only by what the page gives.
func TestAddButton(t *testing.T) {
	below := AddButton("edu-add-place-0").Label("Tilføj").DescribedBy("edu-goal-0").Limit(false, "Højst 10.")
	mount(t, below)
	expect(t, below, app.Button().Type("button").ID("edu-add-place-0").Class("button button-tertiary").
		Aria("describedby", "edu-goal-0").OnClick(noop), 0, 0)
	expect(t, below, app.Span().ID("edu-add-place-0-limit").Class("form-hint"), 0, 1)

	at := AddButton("edu-add-wish").Label("Tilføj").Limit(true, "Højst 5.")
	mount(t, at)
	expect(t, at, app.Button().Type("button").ID("edu-add-wish").Class("button button-tertiary").
		Aria("disabled", "true").Aria("describedby", "edu-add-wish-limit").OnClick(noop), 0, 0)
	expect(t, at, app.Text("Højst 5."), 0, 1, 0)
}

// TestAddButtonReadsLastRender: a list that reached its limit after the
// button was drawn adds nothing. go-app keeps the button's first click
// handler, so the handler must read the widget's attributes when it runs.
func TestAddButtonReadsLastRender(t *testing.T) {
	added := 0
	add := func(app.Context) { added++ }
	e := app.NewTestEngine()
	b := AddButton("edu-add-wish").Limit(false, "Højst 1.").OnAdd(add)
	if err := e.Load(b.(app.Composer)); err != nil {
		t.Fatal(err)
	}
	if err := e.Load(AddButton("edu-add-wish").Limit(true, "Højst 1.").OnAdd(add).(app.Composer)); err != nil {
		t.Fatal(err)
	}
	b.(*addButton).add(app.Context{}, app.Event{})
	if added != 0 {
		t.Errorf("at the limit the button added a row")
	}
}

// TestFieldset: the legend, then the message's wrapper, then the inputs.
func TestFieldset(t *testing.T) {
	fs := Fieldset("edu-wishes").Legend("Dine uddannelsesønsker").Error("Vælg mindst én.").Body(app.Input())
	mount(t, fs)
	expect(t, fs, app.FieldSet().ID("edu-wishes").Class("form-group form-error").Aria("describedby", "edu-wishes-error"), 0)
	expect(t, fs, app.Legend().Class("form-label h4"), 0, 0)
	expect(t, fs, app.Span().Class("form-error-message").ID("edu-wishes-error"), 0, 1, 0)
	expect(t, fs, app.Input(), 0, 2)
}

// TestSlot: the wrapper is there whether or not its content shows.
func TestSlot(t *testing.T) {
	for _, show := range []bool{false, true} {
		s := ErrorSlot("jobnet-box-error", map[bool]string{true: "Fejl"}[show])
		expect(t, s, app.Div().Class("jobnet-box-error"))
		err := app.Match(app.Div().Class("alert alert-error").Role("alert"), s, 0)
		if show != (err == nil) {
			t.Errorf("show %t: the alert's match is %v", show, err)
		}
	}
}
