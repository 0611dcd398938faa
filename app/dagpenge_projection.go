package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// periodProjection is "Hvornår slutter min dagpengeperiode?" (issue 16, SPEC
// D9), beside "Prøv at tilføje timer": the projected last day of the
// dagpengeperiode with full dagpenge, and, for "Hvis jeg arbejder N timer om
// ugen", the last day with the forlængelse those hours earn, the day a new
// period would be earned and the karens periods ahead, as text and as a
// small timeline. shared.ProjectDagpengeperiode computes every figure; like
// the simulator it writes nothing, so it works alike for citizens,
// caseworkers and the offline demo.
type periodProjection struct {
	app.Compo

	IData shared.DagpengeCounters

	text   string  // what the person typed
	weekly float64 // the last valid number of hours a week
	err    string
}

func newPeriodProjection() *periodProjection { return &periodProjection{} }

func (c *periodProjection) Data(d shared.DagpengeCounters) *periodProjection {
	c.IData = d
	return c
}

// OnUpdate: other figures (another example in the demo) start afresh.
func (c *periodProjection) OnUpdate(ctx app.Context) {
	c.text, c.weekly, c.err = "", 0, ""
}

func (c *periodProjection) onInput(ctx app.Context, e app.Event) {
	c.text = ui.InputValue(ctx)
	v, err := shared.ParseWeeklyHours(c.text)
	if err != nil {
		c.err = shared.ErrorMessageOf(err) // the last valid projection stays
		return
	}
	c.err, c.weekly = "", v
	if v > 0 {
		ctx.NewAction(actionSimulated)
	}
}

func (c *periodProjection) Render() app.UI {
	d := c.IData
	r := shared.RulesFor(d.Insurance)
	today := shared.DateOf(api.Now())
	full := shared.ProjectDagpengeperiode(d, 0)
	p := full
	if c.weekly > 0 {
		p = shared.ProjectDagpengeperiode(d, c.weekly)
	}
	return app.Section().Class("jobnet-projection").Aria("labelledby", "projection-heading").Body(
		app.H2().ID("projection-heading").Class("h3").Text("Hvornår slutter min dagpengeperiode?"),
		app.P().ID("projection-full").Text(fullText(d, full)),
		app.P().Class("form-hint").Text("Beregningen går ud fra a-kassens tal pr. "+d.AsOf.Danish()+
			", og at du fra dagen efter får fulde dagpenge hver hverdag, mandag til fredag, også på helligdage. "+
			"Timer, du arbejder, trækkes fra dagpengene time for time. Det er et skøn og ikke en afgørelse."),
		ui.Field("projection-hours").Label("Hvis jeg arbejder … timer om ugen").
			Hint("Skriv fx 15 eller 7,5. En fuld uge er "+shared.FormatHours(r.WeekHours)+" timer. Intet bliver gemt.").
			InputMode("decimal").Value(c.text).Error(c.err).OnInput(c.onInput),
		app.If(!full.UsedUp, func() app.UI {
			return app.Div().Class("jobnet-projection-result").Aria("live", "polite").Body(
				app.If(!p.LastDay.Before(today), func() app.UI { return projectionTimeline(today, p) }),
				app.Ul().ID("projection-text").Class("jobnet-projection-list").Body(projectionLines(today, full, p, r)...),
			)
		}),
	)
}

// fullText is the projection with full dagpenge, in one sentence.
func fullText(d shared.DagpengeCounters, p shared.Projection) string {
	switch {
	case p.UsedUp:
		return "Ifølge a-kassens opgørelse pr. " + d.AsOf.Danish() + " har du brugt hele din dagpengeperiode."
	}
	return "Får du fulde dagpenge fra " + p.From.Danish() + ", er din sidste dag med dagpenge " + p.LastDay.DanishWithWeekday() + "." + referenceNote(p)
}

// projectionLines say every figure of the projection p (with its weekly
// hours) as text, against the projection with full dagpenge.
func projectionLines(today shared.Date, full, p shared.Projection, r shared.DagpengeRules) []app.UI {
	var lines []app.UI
	line := func(label, text string) {
		lines = append(lines, app.Li().Body(app.Strong().Text(label+": "), app.Text(text)))
	}
	weekly := p.WeeklyHours > 0
	switch {
	case p.NoDagpenge:
		line("Sidste dag med dagpenge", "Arbejder du "+shared.FormatHours(r.WeekHours)+" timer eller mere om ugen, får du ingen dagpenge og bruger ikke af perioden. Den udløber "+p.LastDay.DanishWithWeekday()+".")
	case weekly && p.LastDay != full.LastDay:
		line("Sidste dag med dagpenge", p.LastDay.DanishWithWeekday()+" i stedet for "+full.LastDay.DanishWithWeekday()+"."+referenceNote(p))
	default:
		line("Sidste dag med dagpenge", p.LastDay.DanishWithWeekday()+"."+referenceNote(p))
	}
	switch {
	case p.ExtensionMaxDelivered:
		line("Forlængelse", "Du har allerede optjent den maksimale forlængelse på "+hours(r.MaxExtensionHours)+" timer (1 år).")
	case !p.ExtensionMaxOn.IsZero():
		line("Forlængelse", "Timerne giver den maksimale forlængelse på "+hours(r.MaxExtensionHours)+" timer (1 år). Du når den "+p.ExtensionMaxOn.Danish()+".")
	case weekly:
		line("Forlængelse", "Timerne giver "+hours(p.ExtensionAdded)+" timers forlængelse mere, i alt "+hours(p.Extension)+" timer.")
	default:
		line("Forlængelse", "Du har "+hours(p.Extension)+" timers forlængelse. Den er regnet med.")
	}
	switch {
	case !p.Genoptjening.IsZero() && p.Genoptjening == p.From.AddDays(-1):
		line("Ny dagpengeperiode", "Du har allerede arbejdet nok timer til at genoptjene en ny 2-årig dagpengeperiode.")
	case !p.Genoptjening.IsZero():
		line("Ny dagpengeperiode", "Du har arbejdet de "+hours(r.GenoptjeningHours)+" timer, der giver en ny 2-årig dagpengeperiode, den "+p.Genoptjening.Danish()+".")
	default:
		line("Ny dagpengeperiode", "Du når ikke de "+hours(r.GenoptjeningHours)+" timer, der giver en ny 2-årig dagpengeperiode, inden for "+
			strconv.Itoa(shared.GenoptjeningMonths/12)+" år.")
	}
	var karens []app.UI
	for _, k := range p.Karens {
		if k.End.Before(today) {
			continue
		}
		verdict := "du får karens (der skal mere end " + hours(r.KarensThresholdHours) + " timer til)"
		if k.Avoided {
			verdict = "du undgår karens"
		}
		karens = append(karens, app.Li().Text("Perioden, der slutter "+k.End.Danish()+": "+hours(k.Worked)+" timer – "+verdict+"."))
	}
	if len(karens) > 0 {
		lines = append(lines, app.Li().Body(app.Strong().Text("Karens i 4-måneders perioderne:"), app.Ul().Body(karens...)))
	}
	return lines
}

// referenceNote says why a period ends before its hours are used.
func referenceNote(p shared.Projection) string {
	if !p.AtReferenceEnd {
		return ""
	}
	return " Perioden slutter her, før timerne er brugt, fordi den skal bruges inden for " +
		strconv.Itoa(shared.ReferenceMonths/12) + " år fra din indplacering (plus forlængelsen)."
}

// projectionTimeline draws the projection from today to the last day: the
// karens periods' ends (filled when karens is avoided), the day the
// forlængelse is full, and a new period. The text beside it says the same.
func projectionTimeline(today shared.Date, p shared.Projection) app.UI {
	const x0, x1 = 16.0, 584.0
	span := max(1, p.LastDay.DaysSince(today))
	x := func(d shared.Date) string {
		f := min(1, max(0, float64(d.DaysSince(today))/float64(span)))
		return strconv.FormatFloat(x0+f*(x1-x0), 'f', 1, 64)
	}
	within := func(d shared.Date) bool { return !d.IsZero() && !d.Before(today) && !d.After(p.LastDay) }
	svg := func(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }
	var marks []app.UI
	for _, k := range p.Karens {
		if within(k.End) {
			class := "jobnet-tl-karens"
			if k.Avoided {
				class += " jobnet-tl-avoided"
			}
			marks = append(marks, svg("circle").Class(class).Attr("cx", x(k.End)).Attr("cy", "24").Attr("r", "6"))
		}
	}
	if within(p.ExtensionMaxOn) {
		marks = append(marks, svg("rect").Class("jobnet-tl-extension").Attr("x", x(p.ExtensionMaxOn)).Attr("y", "15").
			Attr("width", "12").Attr("height", "12").Attr("transform", "rotate(45 "+x(p.ExtensionMaxOn)+" 21)"))
	}
	if within(p.Genoptjening) {
		marks = append(marks, svg("path").Class("jobnet-tl-genoptjening").
			Attr("d", "M"+x(p.Genoptjening)+",12 l7,14 h-14 z"))
	}
	label := "Tidslinje fra i dag til din sidste dag med dagpenge " + p.LastDay.Danish()
	return app.Div().Class("jobnet-projection-figure").Body(
		svg("svg").Class("jobnet-projection-timeline").Attr("viewBox", "0 0 600 56").Role("img").
			Aria("label", label).Aria("describedby", "projection-text").Body(
			svg("line").Class("jobnet-tl-axis").Attr("x1", "16").Attr("y1", "24").Attr("x2", "584").Attr("y2", "24"),
			svg("line").Class("jobnet-tl-end").Attr("x1", "584").Attr("y1", "10").Attr("x2", "584").Attr("y2", "38"),
			app.Range(marks).Slice(func(i int) app.UI { return marks[i] }),
			svg("text").Class("jobnet-tl-label").Attr("x", "16").Attr("y", "52").Text("I dag"),
			svg("text").Class("jobnet-tl-label").Attr("x", "584").Attr("y", "52").Attr("text-anchor", "end").Text(p.LastDay.Danish()),
		),
		app.P().Class("jobnet-projection-legend").Aria("hidden", "true").Body(
			app.Span().Class("jobnet-legend jobnet-legend-avoided").Text("Karens undgås"),
			app.Span().Class("jobnet-legend jobnet-legend-karens").Text("Karens"),
			app.Span().Class("jobnet-legend jobnet-legend-extension").Text("Maksimal forlængelse"),
			app.Span().Class("jobnet-legend jobnet-legend-genoptjening").Text("Ny dagpengeperiode"),
		),
	)
}
