package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// moederPage is "Planer og aftaler → Møder" (SPEC D4; FEATURES.md 5.2):
// the deadline to book by, with "Book et møde"; "Dine pligter …" for a
// dagpengemodtager [003 «Frister»]; "Book et møde" always; then the coming
// meetings, each as 002 Bilag 3 draws one ("Aftale med jobcenter",
// "Tirsdag den 10. dec. 2019, kl. 13:30-14:00", "Personligt fremmøde", the
// place, "Nina Pettersen (sagsbehandler)", the text), a cancellation
// marked "Aflyst", and on a meeting booked in Jobnet "Ombook" and "Meld
// afbud" — afbud after a confirmation inline, as the CV's "Slet". Last the
// note that the letter is what binds [001]. A caseworker sees the page
// without "Ombook" and "Meld afbud"; the a-kasse only its own meetings
// (the server's projection).
type moederPage struct {
	app.Compo
	load pageLoad
	page shared.Meetings
	sess shared.Session

	confirming int64 // the meeting whose afbud awaits "Ja, meld afbud"
	cancelling bool
	cancelErr  string
	cancelled  string // the meeting afbud was sent to, for the status
}

func newMoederPage() *moederPage { return &moederPage{} }

func (p *moederPage) OnMount(ctx app.Context) { ctx.ObserveState(stateSession, &p.sess) }

func (p *moederPage) OnNav(ctx app.Context) {
	p.confirming, p.cancelling, p.cancelErr, p.cancelled = 0, false, "", ""
	fetchInto(ctx, &p.load, api.Meetings, &p.page)
}

func (p *moederPage) Render() app.UI {
	return newShell().Title("Møder").Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Planer og aftaler", "Møder"),
		app.H1().Text("Møder"),
		app.P().Class("jobnet-moeder-intro").Text(shared.MeetingsIntro),
		p.load.view(ui.Waiting("Henter dine møder …"), p.renderPage),
		app.P().ID("moeder-note").Class("jobnet-moeder-note").Text(shared.MeetingsNote),
	)
}

func (p *moederPage) renderPage() app.UI {
	today := shared.DateOf(api.Now())
	return app.Div().Class("jobnet-moeder").Body(
		app.If(p.page.Deadline != nil, func() app.UI {
			d := *p.page.Deadline
			return app.Section().ID("moeder-frist").Class("alert alert-warning jobnet-moeder-frist").Aria("labelledby", "moeder-frist-heading").Body(
				ui.Icon("warning", "alert-icon"),
				app.Div().Class("alert-body").Body(
					app.H2().ID("moeder-frist-heading").Class("alert-heading h4").Text("Din frist for at booke et møde"),
					app.P().ID("moeder-frist-text").Class("alert-text").Text(shared.DeadlineText(d, today)),
					app.A().ID("moeder-frist-book").Class("jobnet-moeder-frist-link").Href(shared.PageBookMeeting).Text("Book et møde"),
				),
			)
		}),
		app.If(p.page.Duties, func() app.UI {
			return app.Section().ID("moeder-pligter").Class("jobnet-moeder-pligter").Aria("labelledby", "moeder-pligter-heading").Body(
				app.H2().ID("moeder-pligter-heading").Class("h4").Text(shared.DutiesHeading),
				app.P().Text(shared.DutiesText),
			)
		}),
		app.P().Body(app.A().ID("moeder-book").Class("button button-primary").Href(shared.PageBookMeeting).Text("Book et møde")),
		app.Section().ID("moeder-list").Aria("labelledby", "moeder-list-heading").Body(
			app.H2().ID("moeder-list-heading").TabIndex(-1).Text("Dine kommende møder"),
			ui.Slot("jobnet-moeder-status", p.cancelled != "", func() app.UI {
				return ui.SuccessAlert("Du har meldt afbud til " + p.cancelled + ".")
			}),
			ui.ErrorSlot("jobnet-moeder-error", p.cancelErr),
			app.If(len(p.page.Meetings) == 0, func() app.UI {
				return app.P().ID("moeder-empty").Text("Du har ingen kommende møder.")
			}).Else(func() app.UI {
				return app.Ul().Class("unstyled-list jobnet-moeder-list").Body(
					app.Range(p.page.Meetings).Slice(func(i int) app.UI { return p.renderMeeting(p.page.Meetings[i]) }),
				)
			}),
		),
	)
}

// renderMeeting is one meeting of the list.
func (p *moederPage) renderMeeting(m shared.Meeting) app.UI {
	id := "moede-" + strconv.FormatInt(m.ID, 10)
	mayWrite := p.sess.Actor.MayWrite()
	return app.Li().ID(id).Class("jobnet-moede").DataSet("status", string(m.Status)).Body(
		app.H3().ID(id+"-heading").Class("h4 jobnet-moede-heading").Body(
			app.A().Href(shared.MeetingPagePath(m.ID)).Text(shared.MeetingOfOrg(m.OrgKind)),
			app.If(m.Status == shared.MeetingCancelled, func() app.UI {
				return app.Span().Class("jobnet-tag jobnet-tag-important").Text("Aflyst")
			}),
			app.If(m.Invited, func() app.UI { return app.Span().Class("jobnet-tag").Text("Indkaldelse") }),
		),
		meetingFacts(m),
		app.If(m.Status == shared.MeetingCancelled, func() app.UI {
			return app.P().Class("jobnet-moede-state").Text(shared.MeetingStateText(m) + ".")
		}),
		app.If(mayWrite && m.Booked && shared.MayCancel(m, api.Now()), func() app.UI { return p.renderActions(m, id) }),
	)
}

// meetingFacts are a meeting's lines as 002 Bilag 3 shows them: the time,
// the form, where (or the phone), who, and the text.
func meetingFacts(m shared.Meeting) app.UI {
	return app.Div().Class("jobnet-moede-facts").Body(
		app.P().Class("jobnet-moede-when").Body(
			app.Time().DateTime(m.Start.Format("2006-01-02T15:04")).Text(shared.MeetingWhen(m.Start, m.End, m.Start.Location())),
		),
		app.P().Class("jobnet-moede-type").Text(m.Type),
		app.P().Class("jobnet-moede-form").Text(m.Form),
		app.If(m.Place != "", func() app.UI { return app.P().Class("jobnet-moede-place").Text(m.Place) }),
		app.If(m.Phone != "", func() app.UI { return app.P().Class("jobnet-moede-phone").Text("Telefon: " + m.Phone) }),
		app.If(m.Caseworker != "", func() app.UI {
			return app.P().Class("jobnet-moede-caseworker").Text(shared.CaseworkerLine(m.Caseworker))
		}),
		app.If(m.Text != "", func() app.UI { return app.P().Class("jobnet-moede-text").Text(m.Text) }),
	)
}

// renderActions are "Ombook" and "Meld afbud" of a meeting booked in
// Jobnet, and the afbud's confirmation.
func (p *moederPage) renderActions(m shared.Meeting, id string) app.UI {
	return app.Div().Class("jobnet-moede-actions").Body(
		app.Div().Class("jobnet-joblog-buttons").Body(
			app.A().ID(id+"-ombook").Class("button button-secondary").Href(shared.PageBookMeeting+"?ombook="+strconv.FormatInt(m.ID, 10)).
				Body(app.Text("Ombook"), app.Span().Class("sr-only").Text(" mødet "+shared.MeetingWhen(m.Start, m.End, m.Start.Location()))),
			app.Button().Type("button").ID(id+"-afbud").Class("button button-tertiary").
				OnClick(func(ctx app.Context, e app.Event) {
					p.confirming, p.cancelErr, p.cancelled = m.ID, "", ""
					ui.FocusSoon(ctx, id+"-confirm-no")
				}, app.EventScope(id)).
				Body(app.Text("Meld afbud"), app.Span().Class("sr-only").Text(" til mødet "+shared.MeetingWhen(m.Start, m.End, m.Start.Location()))),
		),
		ui.Slot("jobnet-moede-confirm", p.confirming == m.ID, func() app.UI {
			return app.Div().ID(id+"-confirm").Class("alert alert-warning").Role("group").Aria("labelledby", id+"-confirm-title").Body(
				ui.Icon("warning", "alert-icon"),
				app.Div().Class("alert-body").Body(
					app.H4().ID(id+"-confirm-title").Class("alert-heading").Text("Vil du melde afbud til mødet "+shared.MeetingWhen(m.Start, m.End, m.Start.Location())+"?"),
					app.P().Class("alert-text").Text("Mødet bliver aflyst, og tiden bliver ledig for andre. Har mødet en frist, skal du booke et nyt møde inden fristen."),
					app.Div().Class("jobnet-joblog-buttons").Body(
						app.Button().Type("button").ID(id+"-confirm-yes").Class("button button-primary").Disabled(p.cancelling).
							OnClick(p.cancel(m), app.EventScope(id)).Text("Ja, meld afbud"),
						app.Button().Type("button").ID(id+"-confirm-no").Class("button button-secondary").
							OnClick(func(ctx app.Context, e app.Event) { p.confirming = 0; ui.FocusByID(id + "-afbud") }, app.EventScope(id)).
							Text("Annuller"),
					),
				),
			)
		}),
	)
}

// cancel sends the afbud; the meeting leaves the list (the citizen's own
// afbud is not shown, shared.MeetingShown), and the list's heading takes
// the focus with the status under it.
func (p *moederPage) cancel(m shared.Meeting) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if p.cancelling {
			return
		}
		p.cancelling = true
		ctx.Async(func() {
			_, err := api.CancelMeeting(ctx, m.ID)
			ctx.Dispatch(func(ctx app.Context) {
				p.cancelling, p.confirming = false, 0
				// The button that fired is gone with the confirmation, so
				// the heading, which is always there, takes the focus now.
				ui.FocusByID("moeder-list-heading")
				if err != nil {
					p.cancelErr = shared.ErrorMessageOf(err)
					return
				}
				kept := p.page.Meetings[:0]
				for _, got := range p.page.Meetings {
					if got.ID != m.ID {
						kept = append(kept, got)
					}
				}
				p.page.Meetings = kept
				p.cancelled = "mødet " + shared.MeetingWhen(m.Start, m.End, m.Start.Location())
			})
		})
	}
}
