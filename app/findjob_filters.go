package app

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/ui"
	"jobnet/shared"
)

// Find Job's filters, in the sources' order: Geografi, Arbejdsområde,
// Ansættelsesvilkår, Ansættelsens varighed, Arbejdstid (FEATURES.md 1.1).
// Every value shows its count in parentheses, the number of ads the
// search would find with it (shared.Facet). A choice is a new search:
// the page navigates to its address. Work in Denmark's instance has
// Location and Hours of work only, the latter without hours.

// facet is the result's facet by name; empty when the search has none.
func (p *findJobPage) facet(name string) shared.Facet {
	for _, f := range p.res.Facets {
		if f.Name == name {
			return f
		}
	}
	return shared.Facet{Name: name}
}

// toggled is the search with value switched in the criterion name.
func toggled(q shared.JobSearch, name, value string, on bool) shared.JobSearch {
	flip := func(l []string) []string {
		out := slices.DeleteFunc(slices.Clone(l), func(v string) bool { return v == value })
		if on {
			out = append(out, value)
		}
		return out
	}
	switch name {
	case "omraade":
		q.Areas = flip(q.Areas)
	case "kommune":
		q.Kommuner = flip(q.Kommuner)
	case "udland":
		q.Abroad = on
	case "arbejdsomraade":
		q.Disco = flip(q.Disco)
		if on { // a group replaces its ancestors: drilling down narrows
			q.Disco = slices.DeleteFunc(q.Disco, func(d string) bool { return d != value && len(d) < len(value) && value[:len(d)] == d })
		}
	case "vilkaar":
		q.Terms = flip(q.Terms)
	case "hotjob":
		q.Hotjob = on
	case "varighed":
		q.Durations = flip(q.Durations)
	case "arbejdstid":
		q.WorkingTimes = flip(q.WorkingTimes)
	}
	return q
}

// checkbox is one value of a criterion with its count.
func (p *findJobPage) checkbox(name string, v shared.FacetValue, nested app.UI) app.UI {
	id := "f-" + name + "-" + v.Value
	return app.Li().Class("jobnet-facet-value").Body(
		app.Div().Class("form-group-checkbox").Body(
			app.Input().Type("checkbox").ID(id).Class("form-checkbox").Checked(v.Selected).
				OnChange(func(ctx app.Context, e app.Event) {
					p.search(ctx, toggled(p.q, name, v.Value, ctx.JSSrc().Get("checked").Bool()))
				}),
			app.Label().For(id).Class("form-label").Body(
				app.Text(v.Label+" "),
				app.Span().Class("jobnet-facet-count").Text("("+strconv.Itoa(v.Count)+")"),
			),
		),
		nested,
	)
}

// group is a criterion: a fieldset with its legend and values.
func group(id, legend string, body ...app.UI) app.UI {
	return app.FieldSet().ID(id).Class("jobnet-facet").Body(
		app.Legend().Class("h5 jobnet-facet-legend").Text(legend),
		app.Ul().Class("unstyled-list jobnet-facet-values").Body(body...),
	)
}

func (p *findJobPage) renderFilters() app.UI {
	if p.load.st != loaded {
		return nil
	}
	return app.Div().Class("jobnet-filters").Aria("label", p.t("Filtre", "Filters")).Body(
		app.H2().Class("h3").Text(p.t("Afgræns søgningen", "Narrow the search")),
		p.renderGeo(),
		app.If(!p.en(), func() app.UI { return p.renderDisco() }),
		app.If(!p.en(), func() app.UI {
			terms := p.facet("vilkaar")
			var items []app.UI
			for _, v := range terms.Values {
				items = append(items, p.checkbox("vilkaar", v, nil))
			}
			for _, v := range p.facet("hotjob").Values {
				items = append(items, p.checkbox("hotjob", v, nil))
			}
			return group("f-vilkaar", "Ansættelsesvilkår", items...)
		}),
		p.simpleGroup("varighed", p.t("Ansættelsens varighed", "Duration")),
		p.renderTime(),
	)
}

func (p *findJobPage) simpleGroup(name, legend string) app.UI {
	var items []app.UI
	for _, v := range p.facet(name).Values {
		items = append(items, p.checkbox(name, v, nil))
	}
	return group("f-"+name, legend, items...)
}

// renderGeo is Geografi: the areas, an area's kommuner once it is chosen,
// abroad, and a postcode with a distance.
func (p *findJobPage) renderGeo() app.UI {
	kommuner := p.facet("kommune")
	var items []app.UI
	for _, a := range p.facet("omraade").Values {
		var nested []app.UI
		for _, k := range kommuner.Values {
			if k.Parent == a.Value {
				nested = append(nested, p.checkbox("kommune", k, nil))
			}
		}
		var sub app.UI
		if len(nested) > 0 {
			sub = app.Ul().Class("unstyled-list jobnet-facet-nested").Aria("label", a.Label).Body(nested...)
		}
		items = append(items, p.checkbox("omraade", a, sub))
	}
	if !p.en() {
		for _, v := range p.facet("udland").Values {
			items = append(items, p.checkbox("udland", v, nil))
		}
	}
	return app.Div().Body(
		group("f-geografi", p.t("Geografi", "Location"), items...),
		p.renderRadius(),
	)
}

// renderRadius is "job, der ligger X kilometer fra et postnummers centrum"
// (FEATURES.md 1.1): a postcode and a distance, searched together.
func (p *findJobPage) renderRadius() app.UI {
	kms := []int{0, 5, 10, 25, 50, 100}
	return app.Form().ID("f-radius").Class("jobnet-radius").OnSubmit(p.submitRadius).Body(
		ui.Field("f-postnr").Label(p.t("Postnummer", "Postcode")).InputMode("numeric").Autocomplete("postal-code").
			Value(p.postcodeText).Error(cmp.Or(p.postcodeErr, fieldError(p.load.err, "postnr"))).OnInput(func(ctx app.Context, e app.Event) { p.postcodeText = ui.InputValue(ctx) }),
		app.Div().Class("form-group").Body(
			app.Label().Class("form-label").For("f-km").Text(p.t("Afstand fra postnummerets centrum", "Distance from the postcode's centre")),
			app.Select().ID("f-km").Class("form-select").OnChange(func(ctx app.Context, e app.Event) { p.kmText = ui.InputValue(ctx) }).Body(
				app.Range(kms).Slice(func(i int) app.UI {
					label := p.t("Kun postnummeret", "The postcode only")
					if kms[i] > 0 {
						label = strconv.Itoa(kms[i]) + " km"
					}
					v := strconv.Itoa(kms[i])
					return app.Option().Value(v).Selected(v == p.kmText || (kms[i] == 0 && p.kmText == "")).Text(label)
				}),
			),
		),
		app.Button().Type("submit").ID("f-radius-search").Class("button button-secondary").Text(p.t("Søg i området", "Search the area")),
	)
}

func (p *findJobPage) submitRadius(ctx app.Context, e app.Event) {
	e.PreventDefault()
	q := p.q
	code := p.postcodeText
	if code != "" && (len(code) != 4 || strings.Trim(code, "0123456789") != "") {
		p.postcodeErr = p.t("Et postnummer har 4 cifre, fx 8000.", "A postcode has 4 digits, e.g. 8000.")
		ui.FocusSoon(ctx, "f-postnr")
		return
	}
	p.postcodeErr = ""
	q.Postcode, q.Km = code, 0
	if code != "" {
		q.Km = atoi(p.kmText)
	}
	p.search(ctx, q)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// renderDisco is Arbejdsområde: the hovedgrupper, and under a chosen group
// its subgroups, to drill into.
func (p *findJobPage) renderDisco() app.UI {
	f := p.facet("arbejdsomraade")
	children := map[string][]shared.FacetValue{}
	for _, v := range f.Values {
		children[v.Parent] = append(children[v.Parent], v)
	}
	var level func(parent string) []app.UI
	level = func(parent string) []app.UI {
		var items []app.UI
		for _, v := range children[parent] {
			var sub app.UI
			if kids := level(v.Value); len(kids) > 0 {
				sub = app.Ul().Class("unstyled-list jobnet-facet-nested").Aria("label", v.Label).Body(kids...)
			}
			items = append(items, p.checkbox("arbejdsomraade", v, sub))
		}
		return items
	}
	return group("f-arbejdsomraade", "Arbejdsområde", level("")...)
}

// renderTime is Arbejdstid: full and part time, and for part time the
// hours a week between two sliders (not in Work in Denmark's instance).
func (p *findJobPage) renderTime() app.UI {
	var items []app.UI
	for _, v := range p.facet("arbejdstid").Values {
		items = append(items, p.checkbox("arbejdstid", v, nil))
	}
	if !p.en() {
		lo, hi := p.q.HoursMin, p.q.HoursMax
		if hi == 0 {
			hi = 37
		}
		slider := func(id, label string, value int, set func(*shared.JobSearch, int)) app.UI {
			return app.Div().Class("form-group jobnet-hours").Body(
				app.Label().Class("form-label").For(id).Text(label+": "+strconv.Itoa(value)+" timer"),
				app.Input().Type("range").ID(id).Class("jobnet-range").Min(0).Max(37).Step(1).Value(strconv.Itoa(value)).
					Aria("valuetext", strconv.Itoa(value)+" timer").
					OnChange(func(ctx app.Context, e app.Event) {
						q := p.q
						set(&q, atoi(ui.InputValue(ctx)))
						if q.HoursMax == 37 && q.HoursMin == 0 {
							q.HoursMax = 0
						}
						if q.HoursMax != 0 && q.HoursMin > q.HoursMax {
							q.HoursMin, q.HoursMax = q.HoursMax, q.HoursMin
						}
						p.search(ctx, q)
					}),
			)
		}
		items = append(items, app.Li().Class("jobnet-hours-range").Body(
			app.P().Class("form-hint").Text("Deltidsjob med timeangivelse:"),
			slider("f-timer-min", "Mindst", lo, func(q *shared.JobSearch, v int) { q.HoursMin = v }),
			slider("f-timer-max", "Højst", hi, func(q *shared.JobSearch, v int) { q.HoursMax = v }),
		))
	}
	return group("f-arbejdstid", p.t("Arbejdstid", "Hours of work"), items...)
}

// fieldError is the server's message for a field of a refused request.
func fieldError(err error, field string) string {
	var e *shared.Error
	if errors.As(err, &e) {
		for _, f := range e.Fields {
			if f.Field == field {
				return f.Message
			}
		}
	}
	return ""
}
