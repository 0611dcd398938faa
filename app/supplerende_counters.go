package app

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/ui"
	"jobnet/shared"
)

// supplerendeCounters is "Tællere for supplerende dagpenge" (SPEC D10): the
// hourglass of weeks used of 30 within 104, and forbrugslinealen, where the
// person moves time forward and sees old weeks fall out of the window.
type supplerendeCounters struct {
	app.Compo

	IData shared.SupplerendeCounters

	open  bool // forbrugslinealen shown ("Klik for detaljer")
	weeks int  // weeks moved forward from the as-of date
}

func newSupplerendeCounters() *supplerendeCounters { return &supplerendeCounters{} }

func (c *supplerendeCounters) Data(d shared.SupplerendeCounters) *supplerendeCounters {
	c.IData = d
	return c
}

func (c *supplerendeCounters) setWeeks(ctx app.Context, w int) {
	c.weeks = max(0, min(shared.SupplerendeWindowWeeks, w))
	if c.weeks > 0 {
		ctx.NewAction(actionSimulated)
	}
}

func (c *supplerendeCounters) Render() app.UI {
	now := shared.ComputeSupplerende(c.IData, 0)
	at := shared.ComputeSupplerende(c.IData, c.weeks)
	return app.Div().Class("jobnet-supplerende").Body(
		app.P().Class("jobnet-counters-meta").Text("Opgjort pr. "+c.IData.AsOf.Danish()),
		app.Div().Class("row").Body(
			app.Div().Class("col-12 col-md-4").Body(
				hourglass("Timeglas over dine uger med supplerende dagpenge",
					float64(now.Used)/shared.SupplerendeWeeks, "supplerende-text"),
			),
			app.Div().Class("col-12 col-md-8").ID("supplerende-text").Body(
				app.P().Class("jobnet-gauge-main").Text(fmt.Sprintf("Du har brugt %d af %d uger med supplerende dagpenge inden for de seneste %d uger.",
					now.Used, shared.SupplerendeWeeks, shared.SupplerendeWindowWeeks)),
				app.P().Text(fmt.Sprintf("Du har %d uger tilbage.", now.Remaining)),
				c.statusText(now),
			),
		),
		app.Button().Type("button").ID("ruler-toggle").Class("button button-secondary").
			Aria("expanded", boolString(c.open)).Aria("controls", "ruler-panel").
			OnClick(func(ctx app.Context, e app.Event) { c.open = !c.open }).Text("Klik for detaljer"),
		app.Div().ID("ruler-panel").Hidden(!c.open).Body(c.renderRuler(at)),
		app.P().Class("jobnet-counters-note").Text("Tallene kommer fra din a-kasse. Er du i tvivl, så kontakt din a-kasse."),
	)
}

func (c *supplerendeCounters) statusText(s shared.SupplerendeStatus) app.UI {
	ext := "Du har ingen indberetninger de seneste 12 måneder, der giver forlængelse."
	if s.ExtensionWeeks > 0 {
		ext = fmt.Sprintf("Dine arbejdstimer de seneste 12 måneder giver %d ugers forlængelse (højst 12).", s.ExtensionWeeks)
	}
	gen := "Du har endnu ikke genoptjent retten til en ny periode på 30 uger."
	if s.Genoptjent {
		gen = "Du har arbejdet nok til at genoptjene retten til en ny periode på 30 uger."
	}
	return app.Div().Body(app.P().Text(ext), app.P().Text(gen))
}

// renderRuler draws forbrugslinealen: 104 weeks, oldest to the left, used
// weeks filled, and the controls that move time forward.
func (c *supplerendeCounters) renderRuler(s shared.SupplerendeStatus) app.UI {
	const w = 4.0
	when := "i dag"
	if c.weeks > 0 {
		when = fmt.Sprintf("om %d uger (%s)", c.weeks, s.At.Danish())
	}
	fallOut := "Ingen brugte uger falder ud."
	if !s.NextFallOut.IsZero() {
		fallOut = "Den ældste brugte uge falder ud af perioden " + s.NextFallOut.Danish() + "."
	}
	return app.Div().Class("jobnet-ruler").Body(
		app.H3().Text("Forbrugslinealen"),
		app.P().Text("Linealen viser de seneste 104 uger. Udfyldte felter er uger med supplerende dagpenge. Flyt tiden frem og se, hvordan gamle uger falder ud."),
		app.Elem("svg").XMLNS(svgNS).Class("jobnet-ruler-svg").Attr("viewBox", fmt.Sprintf("0 0 %.0f 30", w*shared.SupplerendeWindowWeeks)).
			Attr("preserveAspectRatio", "none").Role("img").Aria("describedby", "ruler-text").
			Aria("label", fmt.Sprintf("Forbrugslineal: %d brugte uger", s.Used)).Body(
			app.Range(s.Ruler).Slice(func(i int) app.UI {
				class := "jobnet-week"
				if s.Ruler[i].Used {
					class += " jobnet-week-used"
				}
				return app.Elem("rect").XMLNS(svgNS).Class(class).Attr("x", strconv.FormatFloat(float64(i)*w, 'f', 1, 64)).
					Attr("y", "2").Attr("width", strconv.FormatFloat(w-1, 'f', 1, 64)).Attr("height", "26")
			}),
		),
		app.Div().ID("ruler-text").Aria("live", "polite").Body(
			app.P().Class("jobnet-ruler-summary").Text(fmt.Sprintf("%s: %d af %d uger brugt, %d uger tilbage.",
				capitalize(when), s.Used, shared.SupplerendeWeeks, s.Remaining)),
			app.P().Text(fallOut),
		),
		app.Div().Class("form-group").Body(
			app.Label().Class("form-label").For("ruler-weeks").Text("Flyt tiden frem (uger)"),
			app.Input().Type("range").ID("ruler-weeks").Class("jobnet-range").Min(0).Max(shared.SupplerendeWindowWeeks).Step(1).
				Value(strconv.Itoa(c.weeks)).Aria("valuetext", when).
				OnInput(func(ctx app.Context, e app.Event) {
					n, _ := strconv.Atoi(ui.InputValue(ctx))
					c.setWeeks(ctx, n)
				}),
		),
		app.Div().Class("jobnet-ruler-buttons").Body(
			app.Button().Type("button").ID("ruler-forward").Class("button button-secondary").
				OnClick(func(ctx app.Context, e app.Event) { c.setWeeks(ctx, c.weeks+4) }).Text("4 uger frem"),
			app.Button().Type("button").ID("ruler-today").Class("button button-tertiary").
				OnClick(func(ctx app.Context, e app.Event) { c.setWeeks(ctx, 0) }).Text("Tilbage til i dag"),
		),
	)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}
