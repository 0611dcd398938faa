package app

import (
	"context"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// moedePage is one meeting's page (?id=): everything the case system sent,
// and for a held meeting "mødedetaljer såsom deltagere, tidspunkt,
// mødeform og aftaler indgået" [003 «Historik»], which Historik → Møder
// links to. A meeting the viewer may not see (another citizen's, or the
// jobcenter's for the a-kasse) is not found.
type moedePage struct {
	app.Compo
	load pageLoad
	m    shared.Meeting
	// fromHistory: opened from Historik → Møder.
	fromHistory bool
}

func newMoedePage() *moedePage { return &moedePage{} }

func (p *moedePage) OnNav(ctx app.Context) {
	q := ctx.Page().URL().Query()
	id := q.Get("id")
	p.fromHistory = q.Get(shared.ParamFrom) == shared.FromHistory
	fetchInto(ctx, &p.load, func(c context.Context) (shared.Meeting, error) { return api.Meeting(c, id) }, &p.m)
}

func (p *moedePage) Render() app.UI {
	title := "Møde"
	if p.load.st == loaded {
		title = shared.MeetingOfOrg(p.m.OrgKind)
	}
	return newShell().Title(title).Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Planer og aftaler", "Møder"),
		// Opened from Historik → Møder (shared.HistoryMeetingPagePath), the
		// way back is to Historik.
		app.If(p.fromHistory, func() app.UI {
			return app.P().Body(app.A().ID("moede-back").Href(pathHistorik).Text("← Tilbage til Historik"))
		}).Else(func() app.UI {
			return app.P().Body(app.A().ID("moede-back").Href(shared.PageMeetings).Text("← Tilbage til Møder"))
		}),
		p.load.view(app.Div().Body(app.H1().Text("Møde"), ui.Waiting("Henter mødet …")), p.renderMeeting),
	)
}

func (p *moedePage) renderMeeting() app.UI {
	m := p.m
	state := map[shared.MeetingStatus]string{shared.MeetingPlanned: "Planlagt", shared.MeetingHeld: "Afholdt", shared.MeetingCancelled: "Aflyst"}[m.Status]
	if m.Status == shared.MeetingCancelled {
		state = shared.MeetingStateText(m)
	}
	row := func(label, value string) app.UI {
		if value == "" {
			return nil
		}
		return app.Div().Body(app.Dt().Text(label), app.Dd().Text(value))
	}
	return app.Article().ID("moede-view").Class("jobnet-moede-page").Body(
		app.H1().ID("moede-heading").Text(shared.MeetingOfOrg(m.OrgKind)),
		app.Dl().Class("jobnet-item-fields jobnet-moede-fields").Body(
			row("Status", state),
			row("Tidspunkt", shared.MeetingWhen(m.Start, m.End, m.Start.Location())),
			row("Mødetype", m.Type),
			row("Mødeform", m.Form),
			row("Sted", m.Place),
			row("Telefon", m.Phone),
			row("Med", m.OrgName),
			row("Sagsbehandler", m.Caseworker),
			row("Deltagere", m.Participants),
			row("Besked", m.Text),
		),
		app.If(m.Status == shared.MeetingHeld, func() app.UI {
			return app.Section().ID("moede-aftaler").Aria("labelledby", "moede-aftaler-heading").Body(
				app.H2().ID("moede-aftaler-heading").Class("h3").Text("Aftaler indgået på mødet"),
				app.If(m.Agreements == "", func() app.UI { return app.P().Text("Der er ikke registreret aftaler fra mødet.") }).
					Else(func() app.UI { return app.P().ID("moede-aftaler-text").Class("jobnet-besked-body").Text(m.Agreements) }),
			)
		}),
	)
}
