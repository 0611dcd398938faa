package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/shared"
)

// Joblog's "Vis på kort" (issue 12; FEATURES.md 3): the listed logs, under
// the same filters, on Find Job's map (map.go), each at the centre of its
// workplace's postcode and opening the log's own view. A log with only an
// area ("Postnummer/by ikke kendt"), abroad, or about another activity has
// no postcode and is counted below the map instead. Caseworkers see the
// same map: it changes nothing.

// joblogMap is the map of the listed logs.
func joblogMap(logs []shared.JoblogListItem) *jobnetMap {
	items := []mapItem{}
	unplaced := 0
	for _, l := range logs {
		if l.Lat == nil || l.Lon == nil {
			unplaced++
			continue
		}
		var detail []string
		for _, d := range []string{l.Company, l.Place} {
			if d != "" {
				detail = append(detail, d)
			}
		}
		items = append(items, mapItem{Title: l.Title, Detail: detail, Place: l.Place, Href: joblogViewPath(l.ID), Lat: l.Lat, Lon: l.Lon})
	}
	return newJobnetMap().Items(items).Unplaced(unplaced).Words(joblogMapWords)
}

// joblogMapWords name logs on the map.
var joblogMapWords = mapWords{one: "log", many: "logs", pin: " En nål er én log og åbner den.",
	unplaced: [2]string{"%d log uden postnummer vises ikke på kortet.", "%d logs uden postnummer vises ikke på kortet."}}

// renderViewSwitch is "Vis som liste" / "Vis på kort": the same logs, the
// chosen view pressed.
func (p *joblogPage) renderViewSwitch() app.UI {
	button := func(id, label string, asMap bool) app.UI {
		return app.Button().Type("button").ID(id).Class("button button-secondary jobnet-view-switch").
			Aria("pressed", boolString(p.asMap == asMap)).
			OnClick(func(ctx app.Context, e app.Event) { p.asMap = asMap }).Text(label)
	}
	return app.Div().Class("jobnet-view-switches").Role("group").Aria("label", "Visning").Body(
		button("joblog-as-list", "Vis som liste", false),
		button("joblog-as-map", "Vis på kort", true),
	)
}
