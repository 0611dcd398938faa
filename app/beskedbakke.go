package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// beskedbakkePage is "Planer og aftaler → Min beskedbakke" (SPEC D6; 000
// Billede 20): the unread messages, then the read ones, each row the
// sender's kind ("Besked fra jobcenter"), the sender's role and the date;
// a message opens on its own page (beskedPage). An a-kasse caseworker
// gets the same list, with the subject left out of the letters it is no
// party to (the server's projection).
type beskedbakkePage struct {
	app.Compo
	load pageLoad
	box  shared.Messages
}

func newBeskedbakkePage() *beskedbakkePage { return &beskedbakkePage{} }

func (p *beskedbakkePage) OnNav(ctx app.Context) {
	fetchInto(ctx, &p.load, api.Messages, &p.box)
}

func (p *beskedbakkePage) Render() app.UI {
	return newShell().Title("Min beskedbakke").Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Planer og aftaler", "Min beskedbakke"),
		app.H1().Text("Min beskedbakke"),
		p.load.view(ui.Waiting("Henter dine beskeder …"), p.renderLists),
	)
}

func (p *beskedbakkePage) renderLists() app.UI {
	var unread, read []shared.Message
	for _, m := range p.box.Messages {
		if m.Read {
			read = append(read, m)
		} else {
			unread = append(unread, m)
		}
	}
	return app.Div().Class("jobnet-beskedbakke").Body(
		messageList("beskeder-ulaeste", "Ulæste beskeder", "Du har ingen ulæste beskeder.", unread),
		messageList("beskeder-laeste", "Læste beskeder", "Du har ingen læste beskeder.", read),
	)
}

// messageList is one of the two lists, under its heading.
func messageList(id, heading, empty string, msgs []shared.Message) app.UI {
	return app.Section().ID(id).Aria("labelledby", id+"-heading").Body(
		app.H2().ID(id+"-heading").Text(heading),
		app.If(len(msgs) == 0, func() app.UI { return app.P().Class("jobnet-besked-empty").Text(empty) }).
			Else(func() app.UI {
				return app.Ul().Class("unstyled-list jobnet-besked-list").Body(
					app.Range(msgs).Slice(func(i int) app.UI { return messageRow(msgs[i]) }),
				)
			}),
	)
}

// messageRow is a message in the list: the link names the sender's kind,
// and for a screen reader that it is important (the visible tag is
// hidden from it, so it is not read twice).
func messageRow(m shared.Message) app.UI {
	from := m.From()
	return app.Li().ID("besked-"+m.ID).Class("jobnet-besked-row").DataSet("read", m.Read).Body(
		app.P().Class("jobnet-besked-from").Body(
			app.A().Href(beskedPath(m.ID)).Body(
				app.Text(from),
				app.If(m.Important, func() app.UI { return app.Span().Class("sr-only").Text(", vigtig") }),
			),
			app.If(m.Important, func() app.UI {
				return app.Span().Class("jobnet-tag jobnet-tag-important").Aria("hidden", "true").Text("Vigtig")
			}),
			app.If(m.Answerable && m.Reply == nil, func() app.UI { return app.Span().Class("jobnet-tag").Text("Kan besvares") }),
			app.If(m.Reply != nil, func() app.UI { return app.Span().Class("jobnet-tag").Text("Besvaret") }),
			app.If(len(m.Attachments) > 0, func() app.UI {
				return app.Span().Class("jobnet-besked-clip").Body(ui.Icon("attach-file", ""),
					app.Span().Class("sr-only").Text("Har vedhæftede filer"))
			}),
		),
		app.If(m.Withdrawn, func() app.UI { return app.P().Class("jobnet-besked-subject").Text(shared.MsgMessageWithdrawn) }),
		app.If(m.Subject != "", func() app.UI { return app.P().Class("jobnet-besked-subject").Text(m.Subject) }),
		app.P().Class("jobnet-besked-meta").Body(
			app.Span().Class("jobnet-besked-sender").Text(m.Sender),
			app.Text(" · "),
			app.Time().DateTime(m.Sent.Format("2006-01-02")).Text(shared.DateOf(m.Sent).DanishShort()),
		),
	)
}

func beskedPath(id string) string { return pathBesked + "?id=" + id }
