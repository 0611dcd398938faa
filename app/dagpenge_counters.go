package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/ui"
	"jobnet/shared"
)

// dagpengeCounters is the carousel of three speedometers, the hourglass and
// "Prøv at tilføje timer" (SPEC D9, 003_…txt "Dagpengetællere"). It computes
// nothing itself: shared.ComputeDagpenge gives every figure, for the
// delivered data and for the simulated extra hours. Simulating writes
// nothing, so it works the same for citizens, caseworkers and the public demo.
type dagpengeCounters struct {
	app.Compo

	IData shared.DagpengeCounters

	slide   int // 0 forlængelse (default), 1 karens, 2 genoptjening
	simOpen bool
	simText string  // what the person typed
	extra   float64 // the last valid number of extra hours
	simErr  string
	touchX  float64
}

func newDagpengeCounters() *dagpengeCounters { return &dagpengeCounters{} }

func (c *dagpengeCounters) Data(d shared.DagpengeCounters) *dagpengeCounters {
	c.IData = d
	return c
}

// OnUpdate: other figures (another example in the demo) start the
// simulation afresh.
func (c *dagpengeCounters) OnUpdate(ctx app.Context) {
	c.simText, c.extra, c.simErr = "", 0, ""
}

var slideTitles = []string{"1 års forlængelse", "Karens", "2-årig genoptjening"}

func (c *dagpengeCounters) move(delta int) {
	c.slide = (c.slide + delta + len(slideTitles)) % len(slideTitles)
}

func (c *dagpengeCounters) onKey(ctx app.Context, e app.Event) {
	switch e.Get("key").String() {
	case "ArrowRight":
		c.move(1)
	case "ArrowLeft":
		c.move(-1)
	default:
		return
	}
	e.PreventDefault()
}

func (c *dagpengeCounters) onTouchStart(ctx app.Context, e app.Event) {
	c.touchX = e.Get("changedTouches").Index(0).Get("clientX").Float()
}

// onTouchEnd turns a horizontal swipe of more than 40 px into a move.
func (c *dagpengeCounters) onTouchEnd(ctx app.Context, e app.Event) {
	dx := e.Get("changedTouches").Index(0).Get("clientX").Float() - c.touchX
	switch {
	case dx < -40:
		c.move(1)
	case dx > 40:
		c.move(-1)
	}
}

func (c *dagpengeCounters) onSimInput(ctx app.Context, e app.Event) {
	c.simText = ui.InputValue(ctx)
	v, err := shared.ParseHours(c.simText)
	if err != nil {
		c.simErr = shared.ErrorMessageOf(err) // the last valid state stays
		return
	}
	c.simErr, c.extra = "", v
	if v > 0 {
		ctx.NewAction(actionSimulated)
	}
}

func (c *dagpengeCounters) reset(ctx app.Context, e app.Event) {
	c.simText, c.extra, c.simErr = "", 0, ""
}

func (c *dagpengeCounters) Render() app.UI {
	d := c.IData
	now := shared.ComputeDagpenge(d, c.extra)
	var before *shared.DagpengeGauges
	if c.extra > 0 {
		b := shared.ComputeDagpenge(d, 0)
		before = &b
	}
	r := shared.RulesFor(d.Insurance)
	insurance := "Fuldtidsforsikret"
	if d.Insurance == shared.PartTime {
		insurance = "Deltidsforsikret"
	}
	return app.Div().Class("jobnet-counters").Body(
		app.P().Class("jobnet-counters-meta").Text(insurance+" · Opgjort pr. "+d.AsOf.Danish()),
		app.Div().Class("row").Body(
			app.Div().Class("col-12 col-md-8").Body(c.renderCarousel(now, before, r)),
			app.Div().Class("col-12 col-md-4").Body(c.renderHourglass(now, before)),
		),
		c.renderSimulator(),
		newPeriodProjection().Data(d),
		app.P().Class("jobnet-counters-note").Text("Tallene kommer fra din a-kasse. Jobnet viser dem, som a-kassen har opgjort dem. Er du i tvivl, så kontakt din a-kasse."),
	)
}

func (c *dagpengeCounters) renderCarousel(now shared.DagpengeGauges, before *shared.DagpengeGauges, r shared.DagpengeRules) app.UI {
	gauges := []shared.Gauge{now.Forlaengelse, now.Karens, now.Genoptjening}
	var befores []*shared.Gauge
	if before != nil {
		befores = []*shared.Gauge{&before.Forlaengelse, &before.Karens, &before.Genoptjening}
	}
	texts := []app.UI{c.forlaengelseText(now, before, r), c.karensText(now, before), c.genoptjeningText(now, before)}
	i := c.slide
	var b *shared.Gauge
	if befores != nil {
		b = befores[i]
	}
	return app.Section().Class("jobnet-carousel").Aria("roledescription", "karrusel").Aria("label", "Dagpengetællere").
		TabIndex(0).OnKeyDown(c.onKey).On("touchstart", c.onTouchStart).On("touchend", c.onTouchEnd).Body(
		app.Div().Class("jobnet-carousel-nav").Body(
			app.Button().Type("button").Class("button button-tertiary jobnet-carousel-prev").Aria("label", "Forrige tæller").
				OnClick(func(ctx app.Context, e app.Event) { c.move(-1) }).Body(ui.Icon("chevron-left", ""), app.Span().Class("sr-only").Text("Forrige")),
			app.H2().ID("slide-title").Class("h3 jobnet-carousel-title").Aria("live", "polite").
				Text(slideTitles[i]+" ("+strconv.Itoa(i+1)+" af 3)"),
			app.Button().Type("button").Class("button button-tertiary jobnet-carousel-next").Aria("label", "Næste tæller").
				OnClick(func(ctx app.Context, e app.Event) { c.move(1) }).Body(ui.Icon("chevron-right", ""), app.Span().Class("sr-only").Text("Næste")),
		),
		app.Div().Class("jobnet-slide").Aria("roledescription", "dias").Aria("labelledby", "slide-title").Body(
			speedometer(slideTitles[i], gauges[i], b, "slide-text"),
			app.Div().ID("slide-text").Class("jobnet-gauge-text").Body(texts[i]),
		),
		app.Ul().Class("jobnet-carousel-dots unstyled-list").Aria("label", "Vælg tæller").Body(
			app.Range(slideTitles).Slice(func(j int) app.UI {
				return app.Li().Body(app.Button().Type("button").Class("jobnet-dot").
					Aria("current", boolString(j == i)).Aria("label", slideTitles[j]).
					OnClick(func(ctx app.Context, e app.Event) { c.slide = j }))
			}),
		),
	)
}

// beforeAfter says "Før: x. Med de ekstra timer: y." when simulating.
func beforeAfter(before, after string, simulating bool) app.UI {
	if !simulating || before == after {
		return nil
	}
	return app.P().Class("jobnet-before-after").Body(
		app.Strong().Text("Før: "), app.Text(before+". "),
		app.Strong().Text("Med de ekstra timer: "), app.Text(after+"."),
	)
}

func hours(v float64) string { return shared.FormatHours(v) }

func (c *dagpengeCounters) forlaengelseText(now shared.DagpengeGauges, before *shared.DagpengeGauges, r shared.DagpengeRules) app.UI {
	g := now.Forlaengelse
	main := "Du har arbejdet " + hours(g.Worked) + " timer. Det giver " + hours(g.Value) + " timers forlængelse."
	next := "Arbejder du " + hours(shared.HoursToMaxExtension(r, g.Worked)) + " timer mere, får du den maksimale forlængelse på " + hours(g.Max) + " timer (1 år)."
	if g.Done {
		next = "Du har optjent den maksimale forlængelse på " + hours(g.Max) + " timer (1 år)."
	}
	var ba app.UI
	if before != nil {
		ba = beforeAfter(hours(before.Forlaengelse.Value)+" timers forlængelse", hours(g.Value)+" timers forlængelse", true)
	}
	return app.Div().Body(app.P().Class("jobnet-gauge-main").Text(main), app.P().Text(next), ba)
}

func (c *dagpengeCounters) karensText(now shared.DagpengeGauges, before *shared.DagpengeGauges) app.UI {
	g := now.Karens
	main := "Du har arbejdet " + hours(g.Worked) + " timer i den nuværende 4-måneders periode, som slutter " + c.IData.KarensPeriodEnd.Danish() + "."
	next := "Du skal arbejde mere end " + hours(g.Max) + " timer for at undgå karens. Der mangler " + hours(shared.KarensHoursRemaining(g)) + " timer."
	if g.Done {
		next = "Du har arbejdet mere end " + hours(g.Max) + " timer og undgår karens i denne periode."
	}
	var ba app.UI
	if before != nil {
		ba = beforeAfter(hours(shared.KarensHoursRemaining(before.Karens))+" timer mangler", hours(shared.KarensHoursRemaining(g))+" timer mangler", true)
	}
	return app.Div().Body(app.P().Class("jobnet-gauge-main").Text(main), app.P().Text(next), ba)
}

func (c *dagpengeCounters) genoptjeningText(now shared.DagpengeGauges, before *shared.DagpengeGauges) app.UI {
	g := now.Genoptjening
	main := "Du har arbejdet " + hours(g.Worked) + " af de " + hours(g.Max) + " timer, der skal til for at genoptjene en ny 2-årig dagpengeperiode."
	next := "Der mangler " + hours(g.Remaining()) + " timer."
	if g.Done {
		next = "Du har arbejdet nok timer til at genoptjene en ny 2-årig dagpengeperiode."
	}
	var ba app.UI
	if before != nil {
		ba = beforeAfter(hours(before.Genoptjening.Remaining())+" timer mangler", hours(g.Remaining())+" timer mangler", true)
	}
	return app.Div().Body(app.P().Class("jobnet-gauge-main").Text(main), app.P().Text(next), ba)
}

func (c *dagpengeCounters) renderHourglass(now shared.DagpengeGauges, before *shared.DagpengeGauges) app.UI {
	h := now.Hourglass
	text := "Du har brugt " + hours(h.Used) + " af " + hours(h.Total) + " timer med dagpenge. Der er " + hours(h.Remaining()) + " timer tilbage."
	var ba app.UI
	if before != nil {
		ba = beforeAfter(hours(before.Hourglass.Remaining())+" timer tilbage", hours(h.Remaining())+" timer tilbage", true)
	}
	return app.Div().Class("jobnet-hourglass-box").Body(
		app.H2().Class("h3").Text("Dit dagpengeforbrug"),
		hourglass("Timeglas over dit dagpengeforbrug", h.Fraction(), "hourglass-text"),
		app.Div().ID("hourglass-text").Body(app.P().Text(text), ba),
	)
}

func (c *dagpengeCounters) renderSimulator() app.UI {
	return app.Div().Class("jobnet-simulator").Body(
		app.Button().Type("button").ID("sim-toggle").Class("button button-secondary").
			Aria("expanded", boolString(c.simOpen)).Aria("controls", "sim-panel").
			OnClick(func(ctx app.Context, e app.Event) { c.simOpen = !c.simOpen }).Text("Prøv at tilføje timer"),
		app.Div().ID("sim-panel").Hidden(!c.simOpen).Body(
			app.P().Text("Skriv, hvor mange timer mere du kunne arbejde. Tællerne viser med det samme, hvad timerne vil give. Intet bliver gemt."),
			ui.Field("sim-hours").Label("Ekstra timer").Hint("Fx 51 eller 7,5").InputMode("decimal").Value(c.simText).Error(c.simErr).
				OnInput(c.onSimInput),
			app.Button().Type("button").ID("sim-reset").Class("button button-tertiary").OnClick(c.reset).Text("Nulstil"),
		),
	)
}
