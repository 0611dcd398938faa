package httpapi

import (
	"context"
	"errors"
	"slices"
	"strconv"

	"github.com/uptrace/bun"

	"jobnet/server/ingestv1"
	"jobnet/server/storage"
	"jobnet/shared"
)

// Selvbooking, "Book et møde" (SPEC D4, F, K4; FEATURES.md 5.2). The
// citizen is offered the online offers of their jobcenter and, as a
// member, their a-kasse (shared.BookingOrgs) that today's kontaktgruppe
// and age admit and that have a free time ahead; books one time in one
// transaction, where the database's unique index decides a race; and
// rebooks ("ombook") a meeting booked in Jobnet in the same transaction.
// The jobcenter's mirror sees the flow; the a-kasse's too, with the
// member's data filtered (shared.ProjectBookingOffersForAKasse); "BOOK
// MØDET" is refused to both by the route table [000 Billede 18].

// bookingJudge is what the booking judges a citizen by on today.
type bookingJudge struct {
	orgs []string
	kg   int
	age  int
}

func judgeOf(req *citizenRequest) bookingJudge {
	today := req.today()
	return bookingJudge{orgs: shared.BookingOrgs(req.who), kg: shared.BookingKontaktgruppe(req.who.Forloeb, today),
		age: shared.BookingAge(req.who.CPR, today)}
}

func (j bookingJudge) admits(a shared.OfferAudience) bool { return a.Admits(j.kg, j.age) }

// loadBookingOffers: GET /api/booking/offers[?rebook=id][&straks=1] — the
// offers the citizen may book now, those that meet the deadline first;
// with rebook, the meeting being replaced; with straks, only the offers
// that meet a passed deadline, for a citizen who is straksbookingramt
// (for anyone else the ordinary flow).
func loadBookingOffers(req *citizenRequest) (shared.BookingOffers, error) {
	ctx, q, today := req.ctx(), req.r.URL.Query(), req.today()
	j := judgeOf(req)
	from, to := shared.BookingWindow(req.now)
	all, err := req.citizen.BookableOffers(ctx, j.orgs, from, to)
	if err != nil {
		return shared.BookingOffers{}, err
	}
	offers := []shared.MeetingOffer{}
	for _, o := range all {
		if j.admits(o.Audience) {
			offers = append(offers, o.MeetingOffer)
		}
	}
	deadlines, err := req.citizen.Deadlines(ctx)
	if err != nil {
		return shared.BookingOffers{}, err
	}
	out := shared.BookingOffers{}
	if q.Get("straks") == "1" {
		if d := shared.BookingDeadline(deadlines, today, true); d != nil {
			out.Straks, out.Deadline = true, d
			offers = shared.StraksOffers(offers, d)
		}
	}
	if !out.Straks {
		out.Deadline = shared.BookingDeadline(deadlines, today, false)
		meets, other := shared.SplitByDeadline(offers, out.Deadline)
		offers = append(meets, other...)
	}
	out.Offers = offers
	if out.Offers == nil {
		out.Offers = []shared.MeetingOffer{}
	}
	if s := q.Get("rebook"); s != "" {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			return shared.BookingOffers{}, shared.ErrRebookNotFound()
		}
		m, err := req.citizen.BookedMeeting(ctx, id, req.now)
		if err != nil {
			return shared.BookingOffers{}, err
		}
		m.Start, m.End = m.Start.In(req.loc), m.End.In(req.loc)
		out.Rebook = &m
	}
	return out, nil
}

// bookingOffersForCitizen: the flow's start whole (the citizen, the jobcenter).
func bookingOffersForCitizen(_ *citizenRequest, b shared.BookingOffers) (shared.BookingOffers, error) {
	return b, nil
}

// bookingOffersForAKasse: the flow's start without a jobcenter's meeting
// being rebooked (shared.ProjectBookingOffersForAKasse).
func bookingOffersForAKasse(_ *citizenRequest, b shared.BookingOffers) (shared.AKasseBookingOffers, error) {
	return shared.ProjectBookingOffersForAKasse(b), nil
}

// handleBookingSlots: GET /api/booking/offers/{id}/slots — an offer the
// citizen may book, its free times in the window (shared.BookingWindow,
// at most shared.BookingSlotsMax) and the rights text for today's
// kontaktgruppe and the offer's type. An offer the citizen may not book
// is not found.
func handleBookingSlots(req *citizenRequest) (shared.OfferSlots, error) {
	id, err := idInPath(req.r, shared.ErrOfferNotFound)
	if err != nil {
		return shared.OfferSlots{}, err
	}
	ctx, j := req.ctx(), judgeOf(req)
	o, err := req.citizen.Offer(ctx, j.orgs, id)
	if err != nil {
		return shared.OfferSlots{}, err
	}
	if !j.admits(o.Audience) {
		return shared.OfferSlots{}, shared.ErrOfferNotFound()
	}
	from, to := shared.BookingWindow(req.now)
	slots, err := req.citizen.FreeSlots(ctx, id, from, to, shared.BookingSlotsMax)
	if err != nil {
		return shared.OfferSlots{}, err
	}
	for i := range slots {
		slots[i].Start = slots[i].Start.In(req.loc)
	}
	rights, err := req.citizen.Rights(ctx, j.kg, o.TypeCode)
	if err != nil {
		return shared.OfferSlots{}, err
	}
	deadlines, err := req.citizen.Deadlines(ctx)
	if err != nil {
		return shared.OfferSlots{}, err
	}
	offer := o.MeetingOffer
	for _, straks := range []bool{false, true} {
		if d := shared.BookingDeadline(deadlines, req.today(), straks); d != nil && d.Open() && slices.Contains(d.TypeCodes, o.TypeCode) {
			offer.MeetsDeadline = true
		}
	}
	return shared.OfferSlots{Offer: offer, Slots: slots, Rights: rights}, nil
}

// slotTakenError answers a lost time with 409, the structured error and
// the next free times of the same offer (shared.SlotTaken reads it too).
type slotTakenError struct {
	err  *shared.Error
	next []shared.MeetingSlot
}

func (e *slotTakenError) Error() string { return e.err.Error() }
func (e *slotTakenError) Unwrap() error { return e.err }

// WireBody is the answer's body: the error's fields and the next times.
func (e *slotTakenError) WireBody() any {
	return struct {
		*shared.Error
		Next []shared.MeetingSlot `json:"next"`
	}{e.err, e.next}
}

// handleBook: POST /api/booking — the citizen books a time (BOOK MØDET),
// replacing Rebook when set (Ombook), in one transaction
// (storage.Citizen.Book). A time another booked first, or that is no
// longer offered, answers 409 with the next free times of its offer.
func handleBook(req *citizenRequest) (shared.BookingReceipt, error) {
	var in shared.BookingInput
	if err := decode(req.r, &in); err != nil {
		return shared.BookingReceipt{}, err
	}
	if err := in.Check(); err != nil {
		return shared.BookingReceipt{}, err
	}
	ctx, j := req.ctx(), judgeOf(req)
	m, text, err := req.citizen.Book(ctx, storage.Booking{SlotID: in.SlotID, Rebook: in.Rebook, Straks: in.Straks, Orgs: j.orgs,
		Admits: j.admits, Now: req.now, Today: req.today()})
	var taken *storage.ErrSlotTaken
	if errors.As(err, &taken) {
		msg := shared.ErrSlotTaken
		if taken.Gone {
			msg = shared.ErrSlotGone
		}
		e := &slotTakenError{err: &shared.Error{Code: shared.EConflict, Message: msg,
			Fields: []shared.FieldError{{Field: "slot_id", Message: msg}}}, next: []shared.MeetingSlot{}}
		if taken.OfferID != 0 {
			if o, oerr := req.citizen.Offer(ctx, j.orgs, taken.OfferID); oerr == nil && j.admits(o.Audience) {
				from, to := shared.BookingWindow(req.now)
				next, nerr := req.citizen.FreeSlots(ctx, taken.OfferID, from, to, shared.BookingNextMax)
				if nerr != nil {
					return shared.BookingReceipt{}, nerr
				}
				for i := range next {
					next[i].Start = next[i].Start.In(req.loc)
				}
				e.next = next
			}
		}
		return shared.BookingReceipt{}, e
	}
	if err != nil {
		return shared.BookingReceipt{}, err
	}
	req.fronts.forgetCitizen(req.who.ID) // the deadline's notification may be gone
	m.Start, m.End = m.Start.In(req.loc), m.End.In(req.loc)
	return shared.BookingReceipt{Meeting: m, Text: text}, nil
}

// handleIngestMeetingOffer: POST /api/ingest/v1/meeting-offers — a
// jobcenter or an a-kasse publishes or replaces an online offer with its
// times (ingestv1.MeetingOffer).
func handleIngestMeetingOffer(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.MeetingOffer
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	if in.AgeMin > 0 && in.AgeMax > 0 && in.AgeMin > in.AgeMax {
		return ingestv1.Receipt{}, &shared.Error{Code: shared.EInvalid, Message: "Oplysningerne er ikke udfyldt korrekt.",
			Fields: []shared.FieldError{{Field: "age_max", Message: "Den højeste alder må ikke være lavere end den laveste."}}}
	}
	offer := storage.OfferIn{OriginID: in.OfferID, TypeCode: in.TypeCode, TypeName: in.TypeName, Description: in.Description,
		Minutes: in.Minutes, Form: in.Form, ChooseCaseworker: in.ChooseCaseworker, Kontaktgrupper: in.Kontaktgrupper,
		AgeMin: in.AgeMin, AgeMax: in.AgeMax, ReceiptText: in.ReceiptText, Place: in.Place}
	for _, s := range in.Slots {
		offer.Slots = append(offer.Slots, storage.SlotIn{OriginID: s.SlotID, Caseworker: s.Caseworker, Start: s.Start})
	}
	dup, err := req.store.IngestOrg(req.ctx(), storage.Message{Org: req.org, MessageID: "meeting-offer:" + in.MessageID, Body: &in, Now: req.now},
		func(ctx context.Context, db bun.IDB) error { return storage.PutOffer(ctx, db, req.org.Code, offer) })
	return ingestv1.Receipt{MessageID: in.MessageID, Duplicate: dup}, err
}

// handleIngestMeetingOfferWithdraw: POST /api/ingest/v1/meeting-offers/withdraw
// — the sender takes its offer off the booking flow.
func handleIngestMeetingOfferWithdraw(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.MeetingOfferWithdrawal
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	dup, err := req.store.IngestOrg(req.ctx(), storage.Message{Org: req.org, MessageID: "meeting-offer:" + in.MessageID, Body: &in, Now: req.now},
		func(ctx context.Context, db bun.IDB) error {
			return storage.WithdrawOffer(ctx, db, req.org.Code, in.OfferID)
		})
	return ingestv1.Receipt{MessageID: in.MessageID, Duplicate: dup}, err
}

// handleIngestMeetingDeadline: POST /api/ingest/v1/meeting-deadlines — a
// jobcenter sets, changes or withdraws a deadline of its own citizen.
func handleIngestMeetingDeadline(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.MeetingDeadline
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	if !in.Withdraw {
		var fe []shared.FieldError
		if in.Due.IsZero() {
			fe = append(fe, shared.FieldError{Field: "due", Message: "Feltet skal udfyldes."})
		}
		if len(in.TypeCodes) == 0 {
			fe = append(fe, shared.FieldError{Field: "type_codes", Message: "Angiv mindst én mødetype, der indfrier fristen."})
		}
		if len(fe) > 0 {
			return ingestv1.Receipt{}, &shared.Error{Code: shared.EInvalid, Message: "Oplysningerne er ikke udfyldt korrekt.", Fields: fe}
		}
	}
	return ingest(req, "meeting-deadline:"+in.MessageID, &in.CPR, &in, func(ctx context.Context, c storage.Citizen, _ shared.Citizen) error {
		if in.Withdraw {
			return c.WithdrawDeadline(ctx, req.org.Code, in.DeadlineID)
		}
		return c.PutDeadline(ctx, req.org.Code, in.DeadlineID, in.Due, in.TypeCodes)
	})
}

// handleIngestMeetingRights: POST /api/ingest/v1/meeting-rights — STAR
// publishes a rights-and-duties text of the flow's last step.
func handleIngestMeetingRights(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.MeetingRights
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	dup, err := req.store.IngestOrg(req.ctx(), storage.Message{Org: req.org, MessageID: "meeting-rights:" + in.MessageID, Body: &in, Now: req.now},
		func(ctx context.Context, db bun.IDB) error {
			return storage.PutRights(ctx, db, in.Kontaktgruppe, in.TypeCode, in.Sections)
		})
	return ingestv1.Receipt{MessageID: in.MessageID, Duplicate: dup}, err
}
