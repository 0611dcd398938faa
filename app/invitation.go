package app

import (
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// invitationModal is the call-in ("mødeindkaldelse") shown as the first
// thing after login: "Sker det vil borger informeres herom ved en modal,
// der fremkommer som det første efter borgers login. Af modalen fremgår
// detaljer for mødet og en OK knap. Ved klik på knappen er mødet
// accepteret, og mødekvittering vises i en ny modal" [003]. It sits on
// the front page, where login lands.
//
// Decisions the sources leave open:
//   - A call-in must be acknowledged, but the citizen may need to look
//     something up first: "Luk", Escape and a click beside the dialog hide
//     it for this browser session only (sessionStorage); it comes again
//     at the next login, and the Møder page marks the meeting
//     "Indkaldelse" until OK.
//   - Never in a mirror session: a caseworker sees the call-in as
//     "Indkaldelse" on the Møder page, and OK is the citizen's alone (the
//     route table refuses it too).
//   - Several call-ins come one after the other, the soonest first.
//
// The dialog keeps the focus: Tab and Shift+Tab go round its buttons.
// When it closes, the focus goes to the page's heading.
type invitationModal struct {
	app.Compo
	sess    shared.Session
	asked   bool
	pending []shared.Meeting
	later   []int64 // hidden for this browser session
	receipt *shared.BookingReceipt
	busy    bool
	err     string
	// ctx is the component's own, whose element stays: a button's
	// context loses its deferred focus when the button goes (ui.FocusSoon).
	ctx app.Context
}

// invitationLaterKey holds the call-ins hidden until the next login.
const invitationLaterKey = "jobnet.invitationLater"

func newInvitationModal() *invitationModal { return &invitationModal{} }

func (m *invitationModal) OnMount(ctx app.Context) {
	m.ctx = ctx
	ctx.SessionStorage().Get(invitationLaterKey, &m.later)
	ctx.ObserveState(stateSession, &m.sess).OnChange(func() { m.ask(ctx) })
	m.ask(ctx)
}

// ask fetches the call-ins once the session is known to be the citizen's
// own.
func (m *invitationModal) ask(ctx app.Context) {
	if app.IsServer || m.asked || !m.sess.Actor.MayWrite() || m.sess.Actor.CitizenID == 0 {
		return
	}
	m.asked = true
	ctx.Async(func() {
		page, err := api.Meetings(ctx)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				return // the Møder page shows the call-in all the same
			}
			for _, mt := range page.Meetings {
				if mt.Invited && !slices.Contains(m.later, mt.ID) {
					m.pending = append(m.pending, mt)
				}
			}
			if len(m.pending) > 0 {
				ui.FocusSoon(ctx, "invitation-ok")
			}
		})
	})
}

// current is the call-in shown, false for none.
func (m *invitationModal) current() (shared.Meeting, bool) {
	if len(m.pending) == 0 {
		return shared.Meeting{}, false
	}
	return m.pending[0], true
}

// hide puts the call-in off until the next login.
func (m *invitationModal) hide(ctx app.Context) {
	mt, ok := m.current()
	if !ok {
		return
	}
	m.later = append(m.later, mt.ID)
	ctx.SessionStorage().Set(invitationLaterKey, m.later)
	m.next(ctx)
}

// next shows the next call-in, or gives the focus back to the page.
func (m *invitationModal) next(ctx app.Context) {
	m.pending, m.err = m.pending[1:], ""
	if len(m.pending) > 0 {
		ui.FocusSoon(m.ctx, "invitation-ok")
		return
	}
	ui.FocusByID("forside-heading")
}

func (m *invitationModal) accept(ctx app.Context, e app.Event) {
	mt, ok := m.current()
	if !ok || m.busy {
		return
	}
	m.busy, m.err = true, ""
	ctx.Async(func() {
		r, err := api.AcceptMeeting(ctx, mt.ID)
		ctx.Dispatch(func(ctx app.Context) {
			m.busy = false
			if err != nil {
				m.err = shared.ErrorMessageOf(err)
				return
			}
			m.receipt = &r
			ui.FocusSoon(m.ctx, "invitation-receipt-close")
		})
	})
}

func (m *invitationModal) closeReceipt(ctx app.Context) {
	m.receipt = nil
	m.next(ctx)
}

func (m *invitationModal) Render() app.UI {
	mt, ok := m.current()
	return ui.Slot("jobnet-invitation", ok, func() app.UI {
		if m.receipt != nil {
			r := *m.receipt
			return dialog("invitation-receipt", "Kvittering", m.closeReceipt,
				app.P().ID("invitation-receipt-text").Text(r.Text),
				app.H3().Class("h4").Text(shared.MeetingOfOrg(r.Meeting.OrgKind)),
				meetingFacts(r.Meeting),
				app.Div().Class("jobnet-joblog-buttons").Body(
					app.Button().Type("button").ID("invitation-receipt-close").Class("button button-primary").
						OnClick(func(ctx app.Context, e app.Event) { m.closeReceipt(ctx) }).Text("Luk"),
				),
			)
		}
		return dialog("invitation", shared.InvitationHeading, m.hide,
			app.P().Text("Du er indkaldt til dette møde med "+mt.OrgName+". Tryk OK for at bekræfte, at du har set indkaldelsen."),
			app.H3().Class("h4").Text(shared.MeetingOfOrg(mt.OrgKind)),
			meetingFacts(mt),
			ui.ErrorSlot("jobnet-invitation-error", m.err),
			app.P().Class("jobnet-besked-meta").Text("Lukker du uden at trykke OK, bliver du mindet om indkaldelsen, næste gang du logger ind."),
			app.Div().Class("jobnet-joblog-buttons").Body(
				app.Button().Type("button").ID("invitation-ok").Class("button button-primary").Disabled(m.busy).OnClick(m.accept).Text("OK"),
				app.Button().Type("button").ID("invitation-later").Class("button button-secondary").
					OnClick(func(ctx app.Context, e app.Event) { m.hide(ctx) }).Text("Luk"),
			),
		)
	})
}

// dialog is a modal dialog (the markup of ui.Modal) whose buttons are its
// own: Escape and a click on the backdrop call onClose, Tab goes round the
// dialog's buttons and links.
func dialog(id, title string, onClose func(app.Context), body ...app.UI) app.UI {
	return app.Div().Class("jobnet-popup-backdrop").OnClick(func(ctx app.Context, e app.Event) {
		if e.Get("target").Get("classList").Call("contains", "jobnet-popup-backdrop").Bool() {
			onClose(ctx)
		}
	}).Body(
		app.Div().ID(id).Class("jobnet-popup").Role("dialog").Aria("modal", "true").Aria("labelledby", id+"-title").TabIndex(-1).
			OnKeyDown(func(ctx app.Context, e app.Event) {
				switch e.Get("key").String() {
				case "Escape":
					onClose(ctx)
				case "Tab":
					e.PreventDefault()
					trapTab(ctx.JSSrc(), e.Get("shiftKey").Bool())
				}
			}).Body(
			app.H2().ID(id+"-title").Class("h3").Text(title),
			app.Div().Body(body...),
		),
	)
}

// trapTab moves the focus to the dialog's next (or previous) button or
// link, round from the last to the first.
func trapTab(dlg app.Value, back bool) {
	els := dlg.Call("querySelectorAll", "button:not([disabled]), a[href]")
	n := els.Length()
	if n == 0 {
		return
	}
	active := app.Window().Get("document").Get("activeElement")
	at := -1
	for i := range n {
		if els.Index(i).Equal(active) {
			at = i
		}
	}
	switch {
	case back && at <= 0:
		at = n - 1
	case back:
		at--
	default:
		at = (at + 1) % n
	}
	els.Index(at).Call("focus")
}
