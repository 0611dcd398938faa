package app

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/ui"
	"jobnet/shared"
)

// svgNS is the namespace of the drawings' elements.
const svgNS = ui.SVGNamespace

// speedometer draws one gauge as a half circle with a needle. The numbers are
// always said in text beside it (describedBy); the drawing is a picture of
// them. With a simulation, the delivered value stays as a pale arc so the
// change is visible, and the needle moves by a CSS transition.
func speedometer(label string, now shared.Gauge, before *shared.Gauge, describedBy string) app.UI {
	const arc = "M20,100 A80,80 0 0 1 180,100"
	f := now.Fraction()
	angle := -90 + 180*f
	dash := func(fr float64) string { return strconv.FormatFloat(fr*100, 'f', 2, 64) + " 100" }
	return app.Elem("svg").XMLNS(svgNS).Class("jobnet-gauge").Attr("viewBox", "0 0 200 118").
		Role("img").Aria("label", label).Aria("describedby", describedBy).Body(
		svgPath(arc, "jobnet-gauge-track", ""),
		// Always drawn (empty without a simulation) so the needle keeps its
		// element and its transition: go-app matches children by position.
		svgPath(arc, "jobnet-gauge-before", dash(beforeFraction(before))),
		svgPath(arc, "jobnet-gauge-value", dash(f)),
		app.Elem("g").XMLNS(svgNS).Class("jobnet-gauge-needle").Style("transform", fmt.Sprintf("rotate(%.2fdeg)", angle)).Body(
			app.Elem("line").XMLNS(svgNS).Attr("x1", "100").Attr("y1", "100").Attr("x2", "100").Attr("y2", "32"),
		),
		app.Elem("circle").XMLNS(svgNS).Class("jobnet-gauge-hub").Attr("cx", "100").Attr("cy", "100").Attr("r", "7"),
	)
}

func beforeFraction(g *shared.Gauge) float64 {
	if g == nil {
		return 0
	}
	return g.Fraction()
}

func svgPath(d, class, dash string) app.UI {
	p := app.Elem("path").XMLNS(svgNS).Class(class).Attr("d", d).Attr("pathLength", "100")
	if dash != "" {
		p = p.Attr("stroke-dasharray", dash)
	}
	return p
}

// hourglass draws sand falling from the top bulb to the bottom as use grows:
// usedFraction 0 is a full top, 1 a full bottom.
func hourglass(label string, usedFraction float64, describedBy string) app.UI {
	u := max(0, min(1, usedFraction))
	const top, neck, bottom = 12.0, 82.0, 152.0
	h := neck - top
	return app.Elem("svg").XMLNS(svgNS).Class("jobnet-hourglass").Attr("viewBox", "0 0 100 164").
		Role("img").Aria("label", label).Aria("describedby", describedBy).Body(
		app.Elem("defs").XMLNS(svgNS).Body(
			app.Elem("clipPath").XMLNS(svgNS).ID("hg-top-"+describedBy).Body(
				app.Elem("polygon").XMLNS(svgNS).Attr("points", "14,12 86,12 50,82")),
			app.Elem("clipPath").XMLNS(svgNS).ID("hg-bottom-"+describedBy).Body(
				app.Elem("polygon").XMLNS(svgNS).Attr("points", "50,82 86,152 14,152")),
		),
		app.Elem("rect").XMLNS(svgNS).Class("jobnet-sand").Attr("clip-path", "url(#hg-top-"+describedBy+")").
			Attr("x", "0").Style("y", fmt.Sprintf("%.2fpx", top+u*h)).Style("height", fmt.Sprintf("%.2fpx", (1-u)*h)).Attr("width", "100"),
		app.Elem("rect").XMLNS(svgNS).Class("jobnet-sand").Attr("clip-path", "url(#hg-bottom-"+describedBy+")").
			Attr("x", "0").Style("y", fmt.Sprintf("%.2fpx", bottom-u*h)).Style("height", fmt.Sprintf("%.2fpx", u*h)).Attr("width", "100"),
		app.Elem("path").XMLNS(svgNS).Class("jobnet-hourglass-glass").Attr("d", "M10,6 H90 M10,158 H90 M14,12 L50,82 L86,12 M14,152 L50,82 L86,152"),
	)
}
