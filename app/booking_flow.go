package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// bookingFlow is "Book et møde" as a component (SPEC D4; FEATURES.md 5.2;
// 003, 000 Billede 16–18), so that the coming enrolment and raskmelding
// flows can embed it as their straksbooking step:
//
//	newBookingFlow().Straks(true).OnBooked(func(ctx app.Context, r shared.BookingReceipt) { … })
//
// shows only the jobsamtaler that meet the passed deadline, and calls
// OnBooked once the meeting is booked (the flow shows its receipt
// itself). On the booking page it also reads ?ombook=id (rebook that
// meeting) and ?straks=1 from the page's address.
//
// The steps: the offer (in two tabs when a deadline is open: those that
// meet it first), the caseworker or team (only when the offer lets the
// citizen choose), the time (grouped by day, a few days at a time), the
// rights text with its checkbox and "Book mødet". A done step collapses
// to its sentence (shared.StepDone) with "Ret", which opens it again; what
// was chosen in the later steps stays chosen while it still fits. A mirror
// goes through the flow too; the server refuses its booking, and the
// refusal shows at the button [000 Billede 18].
type bookingFlow struct {
	app.Compo

	Istraks   bool
	IonBooked func(app.Context, shared.BookingReceipt)

	query   api.BookingQuery
	load    pageLoad
	start   shared.BookingOffers
	offerID int64 // the chosen offer
	// chosen is the offer the times are of (offerID once step 1 is done).
	chosen     shared.MeetingOffer
	slotsLoad  pageLoad
	slots      shared.OfferSlots
	caseworker string
	slotID     int64
	read       bool
	days       int // the days of times shown
	step       shared.BookingStep
	ferr       map[string]string
	busy       bool
	// taken is the message of a lost time, shown at the times step over
	// the next free times.
	taken   string
	refusal string // the server's refusal of the booking
	receipt *shared.BookingReceipt
}

func newBookingFlow() *bookingFlow { return &bookingFlow{} }

// Straks makes it the straksbooking step.
func (f *bookingFlow) Straks(v bool) *bookingFlow { f.Istraks = v; return f }

// OnBooked is called with the receipt once the meeting is booked.
func (f *bookingFlow) OnBooked(h func(app.Context, shared.BookingReceipt)) *bookingFlow {
	f.IonBooked = h
	return f
}

// OnMount loads the straks step embedded in a page after the page's
// navigation (the raskmelding's receipt shows it): OnNav has passed then.
func (f *bookingFlow) OnMount(ctx app.Context) {
	if f.Istraks && f.load.st == neverLoaded && !app.IsServer {
		f.OnNav(ctx)
	}
}

func (f *bookingFlow) OnNav(ctx app.Context) {
	q := ctx.Page().URL().Query()
	f.query = api.BookingQuery{Straks: f.Istraks || q.Get("straks") == "1"}
	if id, err := strconv.ParseInt(q.Get("ombook"), 10, 64); err == nil && id > 0 {
		f.query.Rebook = id
	}
	f.load, f.start, f.offerID, f.chosen = pageLoad{}, shared.BookingOffers{}, 0, shared.MeetingOffer{}
	f.slotsLoad, f.slots, f.caseworker, f.slotID, f.read = pageLoad{}, shared.OfferSlots{}, "", 0, false
	f.step, f.days, f.ferr, f.busy, f.taken, f.refusal, f.receipt = shared.StepType, shared.BookingDaysShown, nil, false, "", "", nil
	query := f.query
	fetchThen(ctx, &f.load, func(c context.Context) (shared.BookingOffers, error) { return api.BookingOffers(c, query) }, &f.start,
		func(app.Context) {
			if len(f.start.Offers) == 1 {
				f.offerID = f.start.Offers[0].ID // the one choice is made
			}
		})
}

// offer is the offer by id among the flow's.
func (f *bookingFlow) offer(id int64) (shared.MeetingOffer, bool) {
	for _, o := range f.start.Offers {
		if o.ID == id {
			return o, true
		}
	}
	return shared.MeetingOffer{}, false
}

// steps are the steps shown: all four until the offer is known.
func (f *bookingFlow) steps() []shared.BookingStep {
	if f.chosen.ID != 0 {
		return shared.BookingSteps(&f.chosen)
	}
	if o, ok := f.offer(f.offerID); ok {
		return shared.BookingSteps(&o)
	}
	return shared.BookingSteps(nil)
}

// slot is the chosen time, among the times shown.
func (f *bookingFlow) slot() (shared.MeetingSlot, bool) {
	for _, s := range f.slots.Slots {
		if s.ID == f.slotID {
			return s, true
		}
	}
	return shared.MeetingSlot{}, false
}

func (f *bookingFlow) stepID(s shared.BookingStep) string { return fmt.Sprintf("booking-step-%d", s) }

// next opens the step after s, its heading taking the focus. The heading
// is on the page already (a step to come shows it), so the focus moves
// now: the form that fired the event is gone after the render, and go-app
// would drop a deferred focus of its.
func (f *bookingFlow) next(ctx app.Context, s shared.BookingStep) {
	steps := f.steps()
	for i, x := range steps {
		if x == s && i+1 < len(steps) {
			f.step = steps[i+1]
		}
	}
	ui.FocusByID(f.stepID(f.step) + "-heading")
}

// reopen is "Ret": the step opens again.
func (f *bookingFlow) reopen(s shared.BookingStep) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		f.step, f.ferr, f.refusal = s, nil, ""
		ui.FocusByID(f.stepID(s) + "-heading")
	}
}

// focusAfterRender moves the focus to an element the next render draws,
// from a handler whose element that render removes (go-app drops its
// ctx.Defer then): it looks for the element every 50 ms, for a second.
func focusAfterRender(id string) {
	if app.IsServer {
		return
	}
	tries := 0
	var fn app.Func
	fn = app.FuncOf(func(app.Value, []app.Value) any {
		tries++
		if el := app.Window().GetElementByID(id); el.Truthy() || tries >= 20 {
			ui.FocusByID(id)
			fn.Release()
			return nil
		}
		app.Window().Call("setTimeout", fn, 50)
		return nil
	})
	app.Window().Call("setTimeout", fn, 50)
}

// continueType is step 1's "Fortsæt": a new offer's times are fetched
// (the step stays open meanwhile, so that the answer finds its form), and
// what was chosen for another offer goes.
func (f *bookingFlow) continueType(ctx app.Context, e app.Event) {
	e.PreventDefault()
	o, ok := f.offer(f.offerID)
	if !ok {
		f.ferr = map[string]string{"offer": "Vælg, hvad mødet skal handle om."}
		return
	}
	f.ferr, f.refusal = nil, ""
	if o.ID == f.chosen.ID && f.slotsLoad.st == loaded {
		f.next(ctx, shared.StepType)
		return
	}
	if f.busy {
		return
	}
	f.busy = true
	id := o.ID
	ctx.Async(func() {
		s, err := api.OfferSlots(ctx, id)
		ctx.Dispatch(func(ctx app.Context) {
			f.busy = false
			if err != nil {
				f.refusal = shared.ErrorMessageOf(err)
				return
			}
			f.chosen, f.slots, f.slotsLoad = s.Offer, s, pageLoad{st: loaded}
			f.caseworker, f.slotID, f.taken, f.days = "", 0, "", shared.BookingDaysShown
			if cws := shared.Caseworkers(s.Slots); len(cws) == 1 {
				f.caseworker = cws[0]
			}
			f.next(ctx, shared.StepType)
		})
	})
}

func (f *bookingFlow) continueCaseworker(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if f.caseworker == "" {
		f.ferr = map[string]string{"caseworker": "Vælg, hvem du vil have et møde med."}
		return
	}
	f.ferr = nil
	if s, ok := f.slot(); ok && s.Caseworker != f.caseworker {
		f.slotID = 0
	}
	f.next(ctx, shared.StepCaseworker)
}

func (f *bookingFlow) continueTime(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if _, ok := f.slot(); !ok {
		f.ferr = map[string]string{"slot_id": "Vælg et mødetidspunkt."}
		return
	}
	f.ferr, f.taken = nil, ""
	f.next(ctx, shared.StepTime)
}

// book is "Book mødet": the shared check first, as the server's.
func (f *bookingFlow) book(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if f.busy {
		return
	}
	in := shared.BookingInput{SlotID: f.slotID, Rebook: f.query.Rebook, Read: f.read, Straks: f.start.Straks}
	f.refusal = ""
	if err := in.Check(); err != nil {
		f.setErr(ctx, err)
		return
	}
	f.busy, f.ferr = true, nil
	ctx.Async(func() {
		r, err := api.Book(ctx, in)
		ctx.Dispatch(func(ctx app.Context) {
			f.busy = false
			var taken *api.SlotTakenError
			switch {
			case errors.As(err, &taken):
				// The time went: back to the times, with the next free ones
				// (of the chosen caseworker, where the citizen chose one);
				// the offer, the caseworker and the ticked box are kept.
				f.taken, f.slotID, f.step = taken.Message, 0, shared.StepTime
				f.slots.Slots = taken.Next
				ui.FocusByID(f.stepID(shared.StepTime) + "-heading")
			case err != nil:
				f.setErr(ctx, err)
			default:
				f.receipt = &r
				focusAfterRender("booking-receipt-heading")
				if f.IonBooked != nil {
					f.IonBooked(ctx, r)
				}
			}
		})
	})
}

// setErr shows an error: at its fields, or as the refusal at the button.
func (f *bookingFlow) setErr(ctx app.Context, err error) {
	var e *shared.Error
	if !errors.As(err, &e) {
		e = shared.NewError(shared.EInternal)
	}
	f.ferr = map[string]string{}
	for _, fe := range e.Fields {
		f.ferr[fe.Field] = fe.Message
	}
	if msg := f.ferr["slot_id"]; msg != "" {
		f.step = shared.StepTime
		ui.FocusByID(f.stepID(shared.StepTime) + "-heading")
		return
	}
	if len(e.Fields) == 0 || f.ferr["rebook"] != "" {
		f.refusal = e.Message
	}
}

func (f *bookingFlow) Render() app.UI {
	return app.Div().ID("booking-flow").Class("jobnet-booking").Body(
		f.load.view(ui.Waiting("Henter de møder, du kan booke …"), func() app.UI {
			if f.receipt != nil {
				return f.renderReceipt(*f.receipt)
			}
			return f.renderFlow()
		}),
	)
}

func (f *bookingFlow) renderFlow() app.UI {
	b := f.start
	return app.Div().Body(
		app.If(b.Rebook != nil, func() app.UI {
			m := b.Rebook
			return app.Div().ID("booking-rebook").Class("jobnet-booking-rebook").Body(
				app.H2().Class("h3").Text("Du ombooker dette møde"),
				app.P().Body(
					app.Strong().Text(m.Type), app.Br(),
					app.Text(shared.MeetingWhen(m.Start, m.End, m.Start.Location())), app.Br(),
					app.Text(m.Form),
				),
				app.P().Class("form-hint").Text("Når du booker det nye møde, aflyses dette."),
			)
		}),
		app.If(b.Straks && b.Deadline != nil, func() app.UI {
			return app.Div().ID("booking-straks").Body(ui.InfoAlert(shared.StraksIntro + " Fristen var " + b.Deadline.Due.DanishWithWeekday() + "."))
		}).ElseIf(b.Deadline != nil, func() app.UI {
			return app.P().ID("booking-deadline").Class("jobnet-booking-deadline").Body(
				app.Text("Du skal booke et møde senest "), app.Strong().Text(b.Deadline.Due.DanishWithWeekday()), app.Text("."),
			)
		}),
		app.If(len(b.Offers) == 0, func() app.UI {
			return app.Div().ID("booking-none").Body(ui.InfoAlert(shared.BookingNoOffers))
		}).Else(func() app.UI {
			steps := f.steps()
			return app.Ol().Class("jobnet-booking-steps").Body(
				app.Range(steps).Slice(func(i int) app.UI { return f.renderStep(i+1, steps[i]) }),
			)
		}),
	)
}

// state of a step: done (before the open one), open, or to come.
func (f *bookingFlow) stepState(s shared.BookingStep) string {
	for _, x := range f.steps() {
		if x == f.step {
			break
		}
		if x == s {
			return "done"
		}
	}
	if s == f.step {
		return "open"
	}
	return "todo"
}

func (f *bookingFlow) renderStep(n int, s shared.BookingStep) app.UI {
	st := f.stepState(s)
	id := f.stepID(s)
	return app.Li().ID(id).Class("jobnet-booking-step jobnet-booking-step-"+st).DataSet("state", st).Body(
		// A done step's heading is its sentence: the step "collapses to"
		// it [003].
		app.H2().ID(id+"-heading").Class("h3 jobnet-booking-step-heading").TabIndex(-1).Body(
			app.Span().Class("jobnet-booking-step-number").Text(fmt.Sprintf("Trin %d", n)),
			app.Span().Class("sr-only").Text(": "),
			app.If(st == "done", func() app.UI { return app.Span().ID(id + "-done").Text(f.sentence(s)) }).
				Else(func() app.UI { return app.Span().Text(s.Heading()) }),
		),
		app.Div().Class("jobnet-booking-step-body").Body(
			app.If(st == "done", func() app.UI { return f.renderDone(s) }).
				ElseIf(st == "open", func() app.UI { return f.renderOpen(s) }),
		),
	)
}

// sentence is a done step's sentence (shared.StepDone).
func (f *bookingFlow) sentence(s shared.BookingStep) string {
	slot, _ := f.slot()
	if s == shared.StepCaseworker {
		slot.Caseworker = f.caseworker
	}
	return shared.StepDone(s, f.chosen, slot, slot.Start.Location())
}

// renderDone is the done step's "Ret".
func (f *bookingFlow) renderDone(s shared.BookingStep) app.UI {
	return app.Div().Class("jobnet-booking-done").Body(
		app.Button().Type("button").ID(f.stepID(s)+"-edit").Class("button button-secondary button-small").
			Aria("label", "Ret: "+s.Heading()).OnClick(f.reopen(s)).Text("Ret"),
	)
}

func (f *bookingFlow) renderOpen(s shared.BookingStep) app.UI {
	switch s {
	case shared.StepType:
		return f.renderTypes()
	case shared.StepCaseworker:
		return f.slotsView(f.renderCaseworkers)
	case shared.StepTime:
		return f.slotsView(f.renderTimes)
	}
	return f.slotsView(f.renderRights)
}

func (f *bookingFlow) slotsView(ok func() app.UI) app.UI {
	return f.slotsLoad.view(ui.Waiting("Henter tidspunkter …"), ok)
}

// continueButton is a step's "Fortsæt →" (the sources' "FORTSÆT →" [000
// Billede 16]: DKFDS writes buttons in normal case, as Mit CV's "Tilføj
// link →"; the arrow is decoration).
func continueButton(id, text string, busy bool) app.UI {
	return app.Button().Type("submit").ID(id).Class("button button-primary jobnet-booking-continue").Disabled(busy).Body(
		app.Text(text+" "), app.Span().Aria("hidden", "true").Text("→"),
	)
}

func (f *bookingFlow) renderTypes() app.UI {
	meets, other := shared.SplitByDeadline(f.start.Offers, f.start.Deadline)
	if f.start.Straks || f.start.Deadline == nil {
		meets, other = nil, f.start.Offers
	}
	msg := f.ferr["offer"]
	list := func(id string, offers []shared.MeetingOffer) app.UI {
		return app.Div().ID(id).Class("jobnet-booking-offers").Body(
			app.If(len(offers) == 0, func() app.UI {
				return app.P().Class("jobnet-booking-empty").Text("Der er ingen andre møder, du kan booke lige nu.")
			}),
			app.Range(offers).Slice(func(i int) app.UI { return f.renderOffer(offers[i]) }),
		)
	}
	var body app.UI
	if f.start.Deadline != nil && !f.start.Straks {
		body = ui.Tabs().Label("Mødetyper").IDPrefix("booking-").Class("jobnet-booking-tabs").
			Tab(shared.TabMeetsDeadline, list("booking-offers-meets", meets)).
			Tab(shared.TabOtherOffers, list("booking-offers-other", other))
	} else {
		body = list("booking-offers-all", append(meets, other...))
	}
	fs := app.FieldSet().ID("booking-offers").Class(ui.FormGroupClass(msg))
	if msg != "" {
		fs = fs.Aria("describedby", "booking-offers-error")
	}
	return app.Form().ID("booking-type-form").NoValidate(true).OnSubmit(f.continueType).Body(
		fs.Body(
			app.Legend().Class("sr-only").Text(shared.StepType.Heading()),
			ui.FieldError("booking-offers", msg),
			body,
		),
		ui.ErrorSlot("jobnet-booking-type-error", f.refusal),
		app.P().Class("jobnet-booking-busy").Aria("live", "polite").Text(map[bool]string{true: "Henter tidspunkter …"}[f.busy]),
		continueButton("booking-type-continue", "Fortsæt", f.busy),
	)
}

func (f *bookingFlow) renderOffer(o shared.MeetingOffer) app.UI {
	id := "booking-offer-" + strconv.FormatInt(o.ID, 10)
	facts := []app.UI{
		app.Span().Class("jobnet-booking-fact").Text(fmt.Sprintf("Varighed: %d minutter", o.Minutes)),
		app.Span().Class("jobnet-booking-fact").Text("Mødeform: " + o.Form),
	}
	if o.OrgName != "" {
		facts = append(facts, app.Span().Class("jobnet-booking-fact").Text("Med: "+o.OrgName))
	}
	return app.Div().Class("form-group-radio jobnet-booking-offer").Body(
		app.Input().Type("radio").ID(id).Name("booking-offer").Class("form-radio").Value(strconv.FormatInt(o.ID, 10)).
			Checked(f.offerID == o.ID).Aria("describedby", id+"-facts").
			OnChange(func(ctx app.Context, e app.Event) { f.offerID, f.ferr = o.ID, nil }),
		app.Label().Class("form-label").For(id).Body(app.Strong().Text(o.Type)),
		app.Div().ID(id+"-facts").Class("jobnet-booking-offer-facts").Body(
			app.If(o.Description != "", func() app.UI { return app.P().Class("jobnet-booking-description").Text(o.Description) }),
			app.P().Class("jobnet-booking-facts").Body(facts...),
		),
	)
}

func (f *bookingFlow) renderCaseworkers() app.UI {
	msg := f.ferr["caseworker"]
	cws := shared.Caseworkers(f.slots.Slots)
	return app.Form().ID("booking-caseworker-form").NoValidate(true).OnSubmit(f.continueCaseworker).Body(
		ui.Fieldset("booking-caseworkers").Legend("Vælg sagsbehandler eller team").Error(msg).Body(
			app.Range(cws).Slice(func(i int) app.UI {
				id := fmt.Sprintf("booking-caseworker-%d", i)
				cw := cws[i]
				return app.Div().Class("form-group-radio").Body(
					app.Input().Type("radio").ID(id).Name("booking-caseworker").Class("form-radio").Value(cw).Checked(f.caseworker == cw).
						OnChange(func(ctx app.Context, e app.Event) { f.caseworker, f.ferr = cw, nil }),
					app.Label().Class("form-label").For(id).Text(cw),
				)
			}),
		),
		continueButton("booking-caseworker-continue", "Fortsæt", false),
	)
}

// renderTimes are the times by day, shared.BookingDaysShown days at a
// time; "Vis flere tider" shows the next days and moves the focus to the
// first of them.
func (f *bookingFlow) renderTimes() app.UI {
	msg := f.ferr["slot_id"]
	cw := f.caseworker
	if !f.chosen.ChooseCaseworker {
		cw = ""
	}
	days := shared.SlotsByDay(shared.SlotsOf(f.slots.Slots, cw), time.Local)
	if len(f.slots.Slots) > 0 {
		days = shared.SlotsByDay(shared.SlotsOf(f.slots.Slots, cw), f.slots.Slots[0].Start.Location())
	}
	shown := days
	if len(shown) > f.days {
		shown = shown[:f.days]
	}
	group := app.Div().ID("booking-times").Class(ui.FormGroupClass(msg)).Role("group").Aria("labelledby", f.stepID(shared.StepTime)+"-heading")
	if msg != "" {
		group = group.Aria("describedby", "booking-times-error")
	}
	return app.Form().ID("booking-time-form").NoValidate(true).OnSubmit(f.continueTime).Body(
		ui.ErrorSlot("jobnet-booking-taken", f.taken),
		group.Body(
			ui.FieldError("booking-times", msg),
			app.If(len(days) == 0, func() app.UI {
				return app.P().ID("booking-no-times").Text("Der er ingen ledige tider lige nu. Vælg et andet møde, eller prøv igen senere.")
			}),
			app.Range(shown).Slice(func(i int) app.UI { return f.renderDay(i, shown[i]) }),
		),
		app.If(len(days) > len(shown), func() app.UI {
			return app.P().Body(app.Button().Type("button").ID("booking-more-times").Class("button button-secondary").
				OnClick(func(ctx app.Context, e app.Event) {
					first := f.days
					f.days += shared.BookingDaysShown
					focusAfterRender(fmt.Sprintf("booking-day-%d-heading", first))
				}).Text("Vis flere tider"))
		}),
		continueButton("booking-time-continue", "Fortsæt", false),
	)
}

func (f *bookingFlow) renderDay(i int, d shared.SlotDay) app.UI {
	label := d.Day.DanishLong()
	label = strings.ToUpper(label[:1]) + label[1:]
	return app.FieldSet().ID(fmt.Sprintf("booking-day-%d", i)).Class("jobnet-booking-day").Body(
		app.Legend().ID(fmt.Sprintf("booking-day-%d-heading", i)).TabIndex(-1).Class("jobnet-booking-day-heading").Text(label),
		app.Div().Class("jobnet-booking-day-times").Body(
			app.Range(d.Slots).Slice(func(j int) app.UI {
				s := d.Slots[j]
				id := "booking-slot-" + strconv.FormatInt(s.ID, 10)
				text := "kl. " + s.Start.Format("15:04")
				return app.Div().Class("form-group-radio jobnet-booking-time").Body(
					app.Input().Type("radio").ID(id).Name("booking-slot").Class("form-radio").Value(strconv.FormatInt(s.ID, 10)).
						Checked(f.slotID == s.ID).
						OnChange(func(ctx app.Context, e app.Event) { f.slotID, f.ferr = s.ID, nil }),
					app.Label().Class("form-label").For(id).Text(text),
				)
			}),
		),
	)
}

func (f *bookingFlow) renderRights() app.UI {
	msg := f.ferr["read"]
	group := app.Div().ID("booking-read-group").Class(ui.FormGroupClass(msg))
	input := app.Input().Type("checkbox").ID("booking-read").Name("booking-read").Class("form-checkbox").Checked(f.read).
		OnChange(func(ctx app.Context, e app.Event) { f.read, f.ferr = ctx.JSSrc().Get("checked").Bool(), nil })
	if msg != "" {
		input = input.Aria("describedby", "booking-read-error")
	}
	return app.Form().ID("booking-rights-form").NoValidate(true).OnSubmit(f.book).Body(
		app.Div().ID("booking-rights").Class("jobnet-booking-rights").Body(
			app.Range(f.slots.Rights).Slice(func(i int) app.UI {
				r := f.slots.Rights[i]
				return app.Div().Class("jobnet-booking-rights-section").Body(
					app.H3().Class("h4").Text(r.Heading),
					app.P().Text(r.Text),
				)
			}),
		),
		group.Body(
			ui.FieldError("booking-read", msg),
			app.Div().Class("form-group-checkbox").Body(
				input,
				app.Label().Class("form-label").For("booking-read").Text(shared.BookingRead),
			),
		),
		ui.ErrorSlot("jobnet-booking-refusal", f.refusal),
		continueButton("booking-submit", "Book mødet", f.busy),
	)
}

// renderReceipt is the receipt: the meeting, the organisation's text, and
// the way to Møder.
func (f *bookingFlow) renderReceipt(r shared.BookingReceipt) app.UI {
	m := r.Meeting
	return app.Section().ID("booking-receipt").Class("jobnet-booking-receipt").Aria("labelledby", "booking-receipt-heading").Body(
		app.H2().ID("booking-receipt-heading").TabIndex(-1).Text("Dit møde er booket"),
		ui.SuccessAlert(r.Text),
		app.Dl().Class("jobnet-receipt-facts").Body(
			app.Dt().Text("Møde:"), app.Dd().ID("booking-receipt-type").Text(m.Type),
			app.Dt().Text("Tidspunkt:"), app.Dd().ID("booking-receipt-when").Text(shared.MeetingWhen(m.Start, m.End, m.Start.Location())),
			app.Dt().Text("Mødeform:"), app.Dd().Text(m.Form),
			app.If(m.Caseworker != "", func() app.UI {
				return app.Div().Body(app.Dt().Text("Med:"), app.Dd().ID("booking-receipt-caseworker").Text(m.Caseworker))
			}),
			app.If(m.Place != "", func() app.UI { return app.Div().Body(app.Dt().Text("Sted:"), app.Dd().Text(m.Place)) }),
			app.Dt().Text("Hos:"), app.Dd().Text(m.OrgName),
		),
		app.P().Body(app.A().ID("booking-to-meetings").Class("button button-secondary").Href(shared.PageMeetings).Text("Gå til Møder")),
	)
}
