package app

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// Find Job's free text with its suggestions (FEATURES.md 1.1: "intellisense,
// der aktiveres ved 3 tastetryk … mod lande, postnumre, byer,
// stillingshieraki og stillinger"): an ARIA 1.2 combobox. The suggestions
// come from the third character, typed by what they are; arrow keys move
// through them, Enter chooses one (or searches the text when none is
// active), Escape closes them. What a choice does is its kind's
// (shared.Suggestion).

// suggestState is the combobox's state.
type suggestState struct {
	items  shared.Suggestions
	open   bool
	active int // the highlighted item, -1 for none
	asked  int // the number of the latest request: older answers are dropped
}

func (s *suggestState) close() { s.open, s.active = false, -1 }

// suggestKinds name the suggestions' kinds to the reader.
var suggestKinds = map[string][2]string{
	shared.SuggestOccupation: {"Stilling", "Occupation"},
	shared.SuggestAlias:      {"Stilling", "Occupation"},
	shared.SuggestGroup:      {"Arbejdsområde", "Field of work"},
	shared.SuggestTown:       {"By", "Town"},
	shared.SuggestPostcode:   {"Postnummer", "Postcode"},
	shared.SuggestCountry:    {"Land", "Country"},
}

func (p *findJobPage) onInput(ctx app.Context, e app.Event) {
	p.text = ui.InputValue(ctx)
	s := &p.suggest
	s.asked++
	if len([]rune(p.text)) < shared.SuggestMinChars {
		s.items = nil
		s.close()
		return
	}
	n, text, widk := s.asked, p.text, p.q.WIDK
	ctx.Async(func() {
		items, err := api.SuggestJobs(ctx, text, widk)
		ctx.Dispatch(func(app.Context) {
			if n != s.asked || err != nil {
				return // a later keystroke asked again, or no suggestions now
			}
			s.items, s.open, s.active = items, len(items) > 0, -1
		})
	})
}

func (p *findJobPage) onKeyDown(ctx app.Context, e app.Event) {
	s := &p.suggest
	switch e.Get("key").String() {
	case "ArrowDown":
		if len(s.items) == 0 {
			return
		}
		s.open, s.active = true, (s.active+1)%len(s.items)
	case "ArrowUp":
		if len(s.items) == 0 {
			return
		}
		s.open = true
		if s.active <= 0 { // from none, or the first, up is the last
			s.active = len(s.items) - 1
		} else {
			s.active--
		}
	case "Escape":
		if !s.open {
			return
		}
		s.close()
	case "Enter":
		if !s.open || s.active < 0 {
			return // the form searches the text
		}
		p.choose(ctx, s.items[s.active])
	default:
		return
	}
	e.PreventDefault()
}

// choose does what the suggestion's kind does.
func (p *findJobPage) choose(ctx app.Context, sg shared.Suggestion) {
	q := p.q
	switch sg.Kind {
	case shared.SuggestOccupation, shared.SuggestAlias:
		q.Q = occupationOf(sg.Label)
	case shared.SuggestGroup:
		q.Q = ""
		if !slices.Contains(q.Disco, sg.Value) {
			q.Disco = append(slices.Clone(q.Disco), sg.Value)
		}
	case shared.SuggestPostcode:
		q.Q, q.Postcode, q.Km = "", sg.Value, 0
	case shared.SuggestCountry:
		q.Q, q.Abroad = sg.Value, true
	default: // a town: its name, which the ads' places are found by
		q.Q = sg.Value
	}
	p.text = q.Q
	p.suggest.close()
	p.search(ctx, q)
}

// occupationOf is the occupation of an alias's label "Kok (fiskekok)".
func occupationOf(label string) string {
	if i := strings.LastIndex(label, " ("); i > 0 {
		return label[:i]
	}
	return label
}

func (p *findJobPage) submitText(ctx app.Context, e app.Event) {
	e.PreventDefault()
	q := p.q
	q.Q = strings.TrimSpace(p.text)
	p.suggest.close()
	// Too long a text stays in the field with its message, unsearched.
	if p.textErr = shared.JobSearchTextError(q.Q, p.en()); p.textErr != "" {
		ctx.Defer(func(app.Context) { app.Window().GetElementByID("findjob-q").Call("focus") })
		return
	}
	p.search(ctx, q)
}

func (p *findJobPage) renderSearchForm() app.UI {
	s := p.suggest
	active := ""
	if s.open && s.active >= 0 {
		active = "findjob-sugg-" + strconv.Itoa(s.active)
	}
	label := p.t("Søg efter job, sted eller arbejdsområde", "Search for a job or a place")
	if p.en() {
		label = "Search by place"
	}
	group, describedBy := "form-group jobnet-combobox", "findjob-q-hint"
	if p.textErr != "" {
		group, describedBy = group+" form-error", describedBy+" findjob-q-error"
	}
	return app.Form().ID("findjob-form").Class("jobnet-findjob-form").Aria("label", p.t("Søg job", "Search jobs")).
		Attr("role", "search").OnSubmit(p.submitText).Body(
		app.Div().Class(group).Body(
			app.Label().Class("form-label").For("findjob-q").Text(label),
			app.Span().Class("form-hint").ID("findjob-q-hint").Text(p.t(
				"Forslag kommer, når du har skrevet 3 tegn. Brug pil op og ned og Enter.",
				"Suggestions appear after 3 characters. Use the arrow keys and Enter.")),
			app.If(p.textErr != "", func() app.UI {
				return app.Span().Class("form-error-message").ID("findjob-q-error").Body(
					app.Span().Class("sr-only").Text(p.t("Fejl: ", "Error: ")), app.Text(p.textErr))
			}),
			app.Div().Class("jobnet-combobox-row").Body(
				app.Input().ID("findjob-q").Name("q").Type("text").Class("form-input").Value(p.text).
					AutoComplete(false).Attr("autocomplete", "off").Role("combobox").
					Aria("autocomplete", "list").Aria("expanded", boolString(s.open)).Aria("controls", "findjob-suggestions").
					Aria("activedescendant", active).Aria("describedby", describedBy).Aria("invalid", boolString(p.textErr != "")).
					OnInput(p.onInput).OnKeyDown(p.onKeyDown).
					OnBlur(func(ctx app.Context, e app.Event) { p.suggest.close() }),
				app.Button().Type("submit").ID("findjob-submit").Class("button button-primary").Text(p.t("Søg", "Search")),
			),
			app.Ul().ID("findjob-suggestions").Class("jobnet-suggestions").Role("listbox").
				Aria("label", p.t("Forslag", "Suggestions")).Hidden(!s.open).Body(
				app.Range(s.items).Slice(func(i int) app.UI {
					sg := s.items[i]
					kind := suggestKinds[sg.Kind][0]
					if p.en() {
						kind = suggestKinds[sg.Kind][1]
					}
					return app.Li().ID("findjob-sugg-"+strconv.Itoa(i)).Role("option").
						Class("jobnet-suggestion").Aria("selected", boolString(i == s.active)).
						// mousedown, not click: the input's blur closes the list first.
						On("mousedown", func(ctx app.Context, e app.Event) {
							e.PreventDefault()
							p.choose(ctx, sg)
						}).Body(
						app.Span().Class("jobnet-suggestion-kind").Text(kind),
						app.Span().Class("jobnet-suggestion-label").Text(sg.Label),
					)
				}),
			),
		),
	)
}
