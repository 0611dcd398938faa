package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"jobnet/server/demo"
	"jobnet/server/ingestv1"
	"jobnet/server/servertest"
	"jobnet/server/storage"
	"jobnet/shared"
)

// Selvbooking (issue 13, SPEC D4, F, K4): the ingestion of offers,
// deadlines and rights texts; who is offered what; booking, rebooking, a
// lost race; the mirrors' refusal. The clock is servertest.Now (Tuesday
// 5 January 2027, 10:00); the demo's offers and deadlines are there
// (server/demo/booking.go).

// anOffer is an offer of jc-101 with n times from tomorrow 09:00, one an hour.
func anOffer(env *testEnv, id string, n int) ingestv1.MeetingOffer {
	start := env.clock.Now().In(servertest.Copenhagen).Truncate(time.Hour).Add(23 * time.Hour)
	o := ingestv1.MeetingOffer{MessageID: id + "-1", OfferID: id, TypeCode: "test-" + id, TypeName: "Testmøde " + id,
		Description: "Beskrivelse " + id, Minutes: 30, Form: shared.FormTelefonisk}
	for i := range n {
		o.Slots = append(o.Slots, ingestv1.MeetingSlot{SlotID: fmt.Sprintf("%s-s%d", id, i), Caseworker: "Sagsbehandler " + id,
			Start: start.Add(time.Duration(i) * time.Hour)})
	}
	return o
}

func (c *client) ingestOffer(o ingestv1.MeetingOffer, auth string) ingestv1.Receipt {
	c.env.tb.Helper()
	var rec ingestv1.Receipt
	c.decode(c.do("POST", "/api/ingest/v1/meeting-offers", o, "Authorization", auth), 200, &rec)
	return rec
}

func (c *client) bookingOffers(query string) shared.BookingOffers {
	c.env.tb.Helper()
	var b shared.BookingOffers
	c.decode(c.do("GET", shared.APIBookingOffers+query, nil), 200, &b)
	return b
}

func offerNamed(offers []shared.MeetingOffer, name string) (shared.MeetingOffer, bool) {
	i := slices.IndexFunc(offers, func(o shared.MeetingOffer) bool { return o.Type == name })
	if i < 0 {
		return shared.MeetingOffer{}, false
	}
	return offers[i], true
}

func slotsPath(id int64) string { return fmt.Sprintf("/api/booking/offers/%d/slots", id) }

func (c *client) offerSlots(id int64) shared.OfferSlots {
	c.env.tb.Helper()
	var s shared.OfferSlots
	c.decode(c.do("GET", slotsPath(id), nil), 200, &s)
	return s
}

// count is a count of rows by a query.
func (e *testEnv) count(query string, args ...any) int {
	e.tb.Helper()
	var n int
	if err := e.db.NewRaw(query, args...).Scan(context.Background(), &n); err != nil {
		e.tb.Fatal(err)
	}
	return n
}

// TestIngestMeetingOffers: a retry never duplicates; re-sending replaces
// the fields and the free times, never a booked one; withdrawing takes the
// offer off the flow; bad input is refused at its field.
func TestIngestMeetingOffers(t *testing.T) {
	env := newTestEnv(t)
	sys, mads := env.client(), env.client()
	mads.loginCitizen("mads")
	o := anOffer(env, "ing", 4)
	if rec := sys.ingestOffer(o, jcToken); rec.Duplicate {
		t.Fatal("first delivery a duplicate")
	}
	for range 2 {
		if rec := sys.ingestOffer(o, jcToken); !rec.Duplicate {
			t.Fatal("retry not a duplicate")
		}
	}
	if n := env.count(`SELECT count(*) FROM meeting_offers WHERE origin_id = 'ing'`); n != 1 {
		t.Fatalf("%d offers after retries", n)
	}
	if n := env.count(`SELECT count(*) FROM meeting_slots s JOIN meeting_offers o ON o.id = s.offer_id WHERE o.origin_id = 'ing'`); n != 4 {
		t.Fatalf("%d slots after retries, want 4", n)
	}
	got, ok := offerNamed(mads.bookingOffers("").Offers, "Testmøde ing")
	if !ok {
		t.Fatal("the offer is not offered")
	}
	slots := mads.offerSlots(got.ID).Slots
	if len(slots) != 4 {
		t.Fatalf("%d free slots, want 4", len(slots))
	}
	var receipt shared.BookingReceipt
	mads.decode(mads.do("POST", shared.APIBooking, shared.BookingInput{SlotID: slots[1].ID, Read: true}), 200, &receipt)

	// Re-sent with a new name, slot 0 moved, slot 1 (booked) moved and
	// slot 3 missing: the booked one keeps its time, the missing one goes.
	o2 := o
	o2.MessageID, o2.TypeName = "ing-2", "Testmøde ing ændret"
	o2.Slots = slices.Clone(o.Slots[:3])
	o2.Slots[0].Start = o.Slots[0].Start.Add(15 * time.Minute)
	o2.Slots[1].Start = o.Slots[1].Start.Add(15 * time.Minute)
	sys.ingestOffer(o2, jcToken)
	after := mads.offerSlots(got.ID)
	if after.Offer.Type != "Testmøde ing ændret" {
		t.Errorf("name not replaced: %q", after.Offer.Type)
	}
	starts := []time.Time{}
	for _, s := range after.Slots {
		starts = append(starts, s.Start)
	}
	if len(after.Slots) != 2 || !after.Slots[0].Start.Equal(o2.Slots[0].Start) || !after.Slots[1].Start.Equal(o.Slots[2].Start) {
		t.Errorf("free slots after re-send: %v", starts)
	}
	var held time.Time
	if err := env.db.NewRaw(`SELECT starts_at FROM meeting_slots WHERE id = ?`, slots[1].ID).Scan(context.Background(), &held); err != nil ||
		!held.Equal(o.Slots[1].Start) || !receipt.Meeting.Start.Equal(o.Slots[1].Start) {
		t.Errorf("the booked slot moved: %v (meeting %v)", held, receipt.Meeting.Start)
	}

	// Withdrawn: gone from the flow; the booking stays.
	var rec ingestv1.Receipt
	sys.decode(sys.do("POST", "/api/ingest/v1/meeting-offers/withdraw", ingestv1.MeetingOfferWithdrawal{MessageID: "ing-w", OfferID: "ing"},
		"Authorization", jcToken), 200, &rec)
	if _, ok := offerNamed(mads.bookingOffers("").Offers, "Testmøde ing ændret"); ok {
		t.Error("a withdrawn offer is offered")
	}
	if r := mads.do("GET", slotsPath(got.ID), nil); r.status != 404 {
		t.Errorf("a withdrawn offer's slots: %d", r.status)
	}
	if n := env.count(`SELECT count(*) FROM meetings WHERE id = ? AND status = 'planned'`, receipt.Meeting.ID); n != 1 {
		t.Error("withdrawing the offer touched its booking")
	}
	// Another organisation cannot withdraw it (it has no offer by the id).
	if r := sys.do("POST", "/api/ingest/v1/meeting-offers/withdraw", ingestv1.MeetingOfferWithdrawal{MessageID: "ing-w2", OfferID: "ing"},
		"Authorization", akToken); r.status != 404 || r.err().FieldMessage("offer_id") == "" {
		t.Errorf("withdraw by another organisation: %d %s", r.status, r.body)
	}

	for _, tt := range []struct {
		name  string
		edit  func(*ingestv1.MeetingOffer)
		field string
	}{
		{"ErrNoForm", func(o *ingestv1.MeetingOffer) { o.Form = "" }, "form"},
		{"ErrMinutes", func(o *ingestv1.MeetingOffer) { o.Minutes = 600 }, "minutes"},
		{"ErrKontaktgruppe", func(o *ingestv1.MeetingOffer) { o.Kontaktgrupper = []int{99} }, "kontaktgrupper[0]"},
		{"ErrAgeOrder", func(o *ingestv1.MeetingOffer) { o.AgeMin, o.AgeMax = 40, 30 }, "age_max"},
		{"ErrSlotCaseworker", func(o *ingestv1.MeetingOffer) { o.Slots[2].Caseworker = "" }, "slots[2].caseworker"},
		{"ErrSlotTwice", func(o *ingestv1.MeetingOffer) { o.Slots[1].SlotID = o.Slots[0].SlotID }, "slots"},
	} {
		bad := anOffer(env, "bad", 3)
		bad.MessageID = "bad-" + tt.name
		tt.edit(&bad)
		r := sys.do("POST", "/api/ingest/v1/meeting-offers", bad, "Authorization", jcToken)
		if r.status != 400 || r.err().FieldMessage(tt.field) == "" {
			t.Errorf("%s: %d %s, want 400 at %s", tt.name, r.status, r.body, tt.field)
		}
	}
}

// TestIngestMeetingDeadlinesAndRights: a deadline by its own id, retried,
// changed and withdrawn; only a jobcenter sends them, for its own
// citizens; STAR's rights texts with their fallbacks.
func TestIngestMeetingDeadlinesAndRights(t *testing.T) {
	env := newTestEnv(t)
	sys, louise := env.client(), env.client()
	louise.loginCitizen("louise")
	d := ingestv1.MeetingDeadline{MessageID: "f-1", CPR: cprMads, DeadlineID: "frist-1", Due: shared.MustDate("2027-01-20"), TypeCodes: []string{"x"}}
	for range 3 {
		sys.decode(sys.do("POST", "/api/ingest/v1/meeting-deadlines", d, "Authorization", jcToken), 200, nil)
	}
	if n := env.count(`SELECT count(*) FROM meeting_deadlines WHERE origin_id = 'frist-1'`); n != 1 {
		t.Fatalf("%d deadlines after retries", n)
	}
	d.MessageID, d.Due = "f-2", shared.MustDate("2027-01-22")
	sys.decode(sys.do("POST", "/api/ingest/v1/meeting-deadlines", d, "Authorization", jcToken), 200, nil)
	var due time.Time
	if err := env.db.NewRaw(`SELECT due FROM meeting_deadlines WHERE origin_id = 'frist-1'`).Scan(context.Background(), &due); err != nil ||
		shared.DateOf(due) != shared.MustDate("2027-01-22") {
		t.Errorf("due after the change: %v %v", due, err)
	}
	w := ingestv1.MeetingDeadline{MessageID: "f-3", CPR: cprMads, DeadlineID: "frist-1", Withdraw: true}
	sys.decode(sys.do("POST", "/api/ingest/v1/meeting-deadlines", w, "Authorization", jcToken), 200, nil)
	if n := env.count(`SELECT count(*) FROM meeting_deadlines WHERE origin_id = 'frist-1' AND NOT withdrawn`); n != 0 {
		t.Error("withdrawn deadline still open")
	}
	for _, tt := range []struct {
		name   string
		in     ingestv1.MeetingDeadline
		auth   string
		status int
		field  string
	}{
		{"ErrAKasse", ingestv1.MeetingDeadline{MessageID: "f-4", CPR: cprMads, DeadlineID: "a", Due: shared.MustDate("2027-01-20"), TypeCodes: []string{"x"}}, akToken, 403, ""},
		{"ErrNotOwnCitizen", ingestv1.MeetingDeadline{MessageID: "f-5", CPR: cprLouise, DeadlineID: "b", Due: shared.MustDate("2027-01-20"), TypeCodes: []string{"x"}}, jcToken, 403, ""},
		{"ErrNoDue", ingestv1.MeetingDeadline{MessageID: "f-6", CPR: cprMads, DeadlineID: "c", TypeCodes: []string{"x"}}, jcToken, 400, "due"},
		{"ErrNoTypes", ingestv1.MeetingDeadline{MessageID: "f-7", CPR: cprMads, DeadlineID: "c", Due: shared.MustDate("2027-01-20")}, jcToken, 400, "type_codes"},
		{"ErrIDOfAnotherCitizen", ingestv1.MeetingDeadline{MessageID: "f-9", CPR: "250899-1357", DeadlineID: "frist-1", Due: shared.MustDate("2027-01-20"), TypeCodes: []string{"x"}}, jcToken, 409, "deadline_id"},
		{"ErrWithdrawUnknown", ingestv1.MeetingDeadline{MessageID: "f-8", CPR: cprMads, DeadlineID: "nope", Withdraw: true}, jcToken, 404, "deadline_id"},
	} {
		r := sys.do("POST", "/api/ingest/v1/meeting-deadlines", tt.in, "Authorization", tt.auth)
		if r.status != tt.status || tt.field != "" && r.err().FieldMessage(tt.field) == "" {
			t.Errorf("%s: %d %s", tt.name, r.status, r.body)
		}
	}

	// Rights: STAR only; the kontaktgruppe's and type's text first, then
	// the fallbacks (shared.RightsKeys).
	o := anOffer(env, "ret", 1)
	sys.ingestOffer(o, jcToken)
	mads := env.client()
	mads.loginCitizen("mads") // kontaktgruppe 1
	off, _ := offerNamed(mads.bookingOffers("").Offers, "Testmøde ret")
	if got := mads.offerSlots(off.ID).Rights; got[0].Text != demo.DemoRights[1][0].Text {
		t.Errorf("KG 1 without a type's text: %v, want the group's", got)
	}
	rights := ingestv1.MeetingRights{MessageID: "r-1", Kontaktgruppe: 1, TypeCode: o.TypeCode,
		Sections: []shared.RightsSection{{Heading: "Særligt for dette møde", Text: "Tekst for KG 1 og typen."}}}
	if r := sys.do("POST", "/api/ingest/v1/meeting-rights", rights, "Authorization", jcToken); r.status != 403 {
		t.Errorf("rights from a jobcenter: %d", r.status)
	}
	for range 2 {
		sys.decode(sys.do("POST", "/api/ingest/v1/meeting-rights", rights, "Authorization", starToken), 200, nil)
	}
	if got := mads.offerSlots(off.ID).Rights; len(got) != 1 || got[0].Heading != "Særligt for dette møde" {
		t.Errorf("KG 1 with the type's text: %v", got)
	}
	bad := ingestv1.MeetingRights{MessageID: "r-2", Kontaktgruppe: 1, Sections: []shared.RightsSection{{Heading: "", Text: "x"}}}
	if r := sys.do("POST", "/api/ingest/v1/meeting-rights", bad, "Authorization", starToken); r.status != 400 || r.err().FieldMessage("sections[0].heading") == "" {
		t.Errorf("a section without a heading: %d %s", r.status, r.body)
	}
	// Louise (kontaktgruppe 2, Rudersdal) is offered nothing of København.
	if got := louise.bookingOffers("").Offers; len(got) != 0 {
		t.Errorf("Louise is offered another jobcenter's offers: %v", got)
	}
}

// TestBookingEligibility: the offers by today's kontaktgruppe and the age
// from the CPR number; an offer without a free time ahead is not offered;
// one the citizen may not book is not found.
func TestBookingEligibility(t *testing.T) {
	env := newTestEnv(t)
	sys := env.client()
	kg2 := anOffer(env, "kg2", 2)
	kg2.Kontaktgrupper = []int{2}
	young := anOffer(env, "young", 2)
	young.AgeMax = 29 // Mads is 41, Jonas 27
	old := anOffer(env, "old", 2)
	old.AgeMin = 40
	past := anOffer(env, "past", 1)
	past.Slots[0].Start = env.clock.Now().Add(-time.Hour)
	akasse := anOffer(env, "ak", 2)
	for _, o := range []ingestv1.MeetingOffer{kg2, young, old, past} {
		sys.ingestOffer(o, jcToken)
	}
	sys.ingestOffer(akasse, akToken)
	names := func(c *client) []string {
		var out []string
		for _, o := range c.bookingOffers("").Offers {
			out = append(out, o.Type)
		}
		return out
	}
	mads, jonas, henrik := env.client(), env.client(), env.client()
	mads.loginCitizen("mads")
	jonas.loginCitizen("jonas")
	henrik.loginCitizen("henrik") // kontaktgruppe 9, not a member
	for _, tt := range []struct {
		who       string
		c         *client
		in, notIn []string
	}{
		{"mads", mads, []string{"Testmøde old", "Testmøde ak", "Jobsamtale på telefon", "CV-samtale i a-kassen"},
			[]string{"Testmøde kg2", "Testmøde young", "Testmøde past", "Informationsmøde for unge ledige"}},
		{"jonas", jonas, []string{"Testmøde young", "Testmøde ak", "Informationsmøde for unge ledige"}, []string{"Testmøde old", "Testmøde kg2"}},
		{"henrik", henrik, []string{"Testmøde old", "Jobsamtale i jobcentret"}, []string{"Testmøde ak", "Jobsamtale på telefon", "CV-samtale i a-kassen"}},
	} {
		got := names(tt.c)
		for _, n := range tt.in {
			if !slices.Contains(got, n) {
				t.Errorf("%s is not offered %q: %v", tt.who, n, got)
			}
		}
		for _, n := range tt.notIn {
			if slices.Contains(got, n) {
				t.Errorf("%s is offered %q", tt.who, n)
			}
		}
	}
	// The jobcenter's offers come before the a-kasse's.
	got := mads.bookingOffers("").Offers
	if got[len(got)-1].Org != "ak-dfh" || got[0].Org != "jc-101" {
		t.Errorf("order: %v", got)
	}
	var kg2ID int64
	if err := env.db.NewRaw(`SELECT id FROM meeting_offers WHERE origin_id = 'kg2'`).Scan(context.Background(), &kg2ID); err != nil {
		t.Fatal(err)
	}
	if r := mads.do("GET", slotsPath(kg2ID), nil); r.status != 404 {
		t.Errorf("slots of an offer Mads may not book: %d", r.status)
	}
	var slot int64
	env.db.NewRaw(`SELECT s.id FROM meeting_slots s JOIN meeting_offers o ON o.id = s.offer_id WHERE o.origin_id = 'kg2' LIMIT 1`).Scan(context.Background(), &slot)
	if r := mads.do("POST", shared.APIBooking, shared.BookingInput{SlotID: slot, Read: true}); r.status != 404 {
		t.Errorf("booking an offer Mads may not book: %d %s", r.status, r.body)
	}
}

// TestBookingSteps: the caseworker step only where the offer lets the
// citizen choose; the times the soonest first, within the window.
func TestBookingSteps(t *testing.T) {
	env := newTestEnv(t)
	mads := env.client()
	mads.loginCitizen("mads")
	b := mads.bookingOffers("")
	tlf, _ := offerNamed(b.Offers, "Jobsamtale på telefon")
	fremmoede, _ := offerNamed(b.Offers, "Jobsamtale i jobcentret")
	if len(shared.BookingSteps(&tlf)) != 3 || len(shared.BookingSteps(&fremmoede)) != 4 || tlf.ChooseCaseworker || !fremmoede.ChooseCaseworker {
		t.Errorf("steps: %+v %+v", tlf, fremmoede)
	}
	s := mads.offerSlots(fremmoede.ID)
	if cw := shared.Caseworkers(s.Slots); !slices.Equal(cw, []string{"Nina Pettersen", "Team Bygge og anlæg"}) {
		t.Errorf("caseworkers: %v", cw)
	}
	now := env.clock.Now()
	for i, sl := range s.Slots {
		if !sl.Start.After(now) || sl.Start.After(now.AddDate(0, 0, shared.BookingWindowDays)) || i > 0 && sl.Start.Before(s.Slots[i-1].Start) {
			t.Fatalf("slot %d at %v", i, sl.Start)
		}
		if wd := sl.Start.Weekday(); wd == time.Saturday || wd == time.Sunday {
			t.Fatalf("a demo slot on a %v", wd)
		}
	}
	if r := mads.do("GET", "/api/booking/offers/999999/slots", nil); r.status != 404 || r.err().Message == "" {
		t.Errorf("unknown offer: %d %s", r.status, r.body)
	}
}

// TestBookingDeadline: Mads' deadline splits the offers (those that meet
// it first, marked); booking one meets it; booking another type does not;
// Jonas is straksbookingramt: ?straks=1 offers the jobsamtaler only, and
// his booking there meets the passed deadline.
func TestBookingDeadline(t *testing.T) {
	env := newTestEnv(t)
	mads, jonas := env.client(), env.client()
	mads.loginCitizen("mads")
	jonas.loginCitizen("jonas")
	b := mads.bookingOffers("")
	if b.Deadline == nil || b.Deadline.Due != shared.DateOf(env.clock.Now()).AddDays(10) {
		t.Fatalf("Mads' deadline: %+v", b.Deadline)
	}
	meets, other := 0, 0
	for i, o := range b.Offers {
		switch {
		case o.MeetsDeadline && o.TypeCode == demo.TypeJobsamtale && other == 0:
			meets++
		case !o.MeetsDeadline && o.TypeCode != demo.TypeJobsamtale:
			other++
		default:
			t.Errorf("offer %d out of place: %+v", i, o)
		}
	}
	if meets != 2 || other == 0 {
		t.Errorf("meets %d, other %d", meets, other)
	}
	// Booking the CV-samtale meets nothing; a jobsamtale meets it.
	cv, _ := offerNamed(b.Offers, "CV-samtale i a-kassen")
	var r1 shared.BookingReceipt
	mads.decode(mads.do("POST", shared.APIBooking, shared.BookingInput{SlotID: mads.offerSlots(cv.ID).Slots[0].ID, Read: true}), 200, &r1)
	if d := mads.bookingOffers("").Deadline; d == nil || !d.Open() {
		t.Fatal("a CV-samtale met the jobsamtale deadline")
	}
	tlf, _ := offerNamed(b.Offers, "Jobsamtale på telefon")
	var r2 shared.BookingReceipt
	mads.decode(mads.do("POST", shared.APIBooking, shared.BookingInput{SlotID: mads.offerSlots(tlf.ID).Slots[0].ID, Read: true}), 200, &r2)
	if d := mads.bookingOffers("").Deadline; d != nil {
		t.Errorf("the deadline is still open: %+v", d)
	}
	if n := env.count(`SELECT count(*) FROM meeting_deadlines d JOIN meetings m ON m.id = d.met_by AND m.deadline_id = d.id WHERE m.id = ?`, r2.Meeting.ID); n != 1 {
		t.Error("met_by and deadline_id not set")
	}

	// Jonas: ordinary flow without tabs (his deadline passed); the straks flow.
	if jb := jonas.bookingOffers(""); jb.Deadline != nil || jb.Straks {
		t.Errorf("Jonas' ordinary flow: %+v", jb)
	}
	sb := jonas.bookingOffers("?straks=1")
	if !sb.Straks || sb.Deadline == nil || len(sb.Offers) != 2 {
		t.Fatalf("Jonas' straks flow: %+v", sb)
	}
	for _, o := range sb.Offers {
		if o.TypeCode != demo.TypeJobsamtale || !o.MeetsDeadline {
			t.Errorf("straks offers %+v", o)
		}
	}
	// Mads is not straksbookingramt: ?straks=1 is the ordinary flow.
	if mb := mads.bookingOffers("?straks=1"); mb.Straks {
		t.Error("Mads in the straks flow")
	}
	slot := jonas.offerSlots(sb.Offers[0].ID).Slots[0]
	var r3 shared.BookingReceipt
	jonas.decode(jonas.do("POST", shared.APIBooking, shared.BookingInput{SlotID: slot.ID, Read: true, Straks: true}), 200, &r3)
	if n := env.count(`SELECT count(*) FROM meeting_deadlines WHERE met_by = ?`, r3.Meeting.ID); n != 1 {
		t.Error("the straksbooking did not meet the passed deadline")
	}
}

// TestBookAndRebook: the receipt; the meeting as the Møder page reads it;
// the events; a rebooking cancels the old in the same transaction and
// frees its slot; someone else's meeting, or one not booked in Jobnet, is
// not rebooked, and nothing changes; bad input at its fields.
func TestBookAndRebook(t *testing.T) {
	env := newTestEnv(t)
	mads, jonas := env.client(), env.client()
	mads.loginCitizen("mads")
	jonas.loginCitizen("jonas")
	b := mads.bookingOffers("")
	fremmoede, _ := offerNamed(b.Offers, "Jobsamtale i jobcentret")
	slots := mads.offerSlots(fremmoede.ID).Slots
	var rec shared.BookingReceipt
	mads.decode(mads.do("POST", shared.APIBooking, shared.BookingInput{SlotID: slots[0].ID, Read: true}), 200, &rec)
	m := rec.Meeting
	if !m.Booked || m.Status != shared.MeetingPlanned || m.Type != "Jobsamtale i jobcentret" || m.Form != shared.FormFremmoede ||
		m.Caseworker != slots[0].Caseworker || !m.Start.Equal(slots[0].Start) || m.End.Sub(m.Start) != 45*time.Minute ||
		m.Place == "" || m.Org != "jc-101" || m.OrgName != "Jobcenter København" {
		t.Errorf("meeting %+v", m)
	}
	if rec.Text == "" || rec.Text == shared.DefaultReceiptText {
		t.Errorf("receipt text %q, want the offer's", rec.Text)
	}
	if n := env.count(`SELECT count(*) FROM meetings WHERE id = ? AND origin_id = 'jobnet-' || id AND slot_id = ?`, m.ID, slots[0].ID); n != 1 {
		t.Error("origin_id or slot_id wrong")
	}
	who, _ := env.store.CitizenByCPR(context.Background(), cprMads)
	list, err := env.store.Citizen(who.ID).MeetingsBetween(context.Background(), env.clock.Now(), env.clock.Now().AddDate(0, 1, 0))
	if err != nil || !slices.ContainsFunc(list, func(x shared.Meeting) bool { return x.ID == m.ID && x.Booked }) {
		t.Errorf("MeetingsBetween: %v %v", list, err)
	}
	if slices.ContainsFunc(mads.offerSlots(fremmoede.ID).Slots, func(s shared.MeetingSlot) bool { return s.ID == slots[0].ID }) {
		t.Error("a booked slot is still offered")
	}

	// Jonas may not rebook Mads' meeting: not found, nothing booked.
	js := jonas.offerSlots(fremmoede.ID).Slots
	for _, tt := range []struct {
		name string
		c    *client
		in   shared.BookingInput
	}{
		{"ErrOthersMeeting", jonas, shared.BookingInput{SlotID: js[0].ID, Rebook: m.ID, Read: true}},
		{"ErrUnknownMeeting", mads, shared.BookingInput{SlotID: js[0].ID, Rebook: 999999, Read: true}},
	} {
		r := tt.c.do("POST", shared.APIBooking, tt.in)
		if r.status != 404 || r.err().FieldMessage("rebook") == "" {
			t.Errorf("%s: %d %s", tt.name, r.status, r.body)
		}
		if r := tt.c.do("GET", shared.APIBookingOffers+"?rebook="+strconv.FormatInt(tt.in.Rebook, 10), nil); r.status != 404 {
			t.Errorf("%s: offers with rebook: %d", tt.name, r.status)
		}
	}
	if n := env.count(`SELECT count(*) FROM meetings WHERE slot_id = ? AND status <> 'cancelled'`, js[0].ID); n != 0 {
		t.Error("a refused rebooking booked")
	}
	if n := env.count(`SELECT count(*) FROM meetings WHERE id = ? AND status = 'planned'`, m.ID); n != 1 {
		t.Error("a refused rebooking cancelled Mads' meeting")
	}
	for _, tt := range []struct {
		name  string
		in    shared.BookingInput
		field string
	}{
		{"ErrNoTime", shared.BookingInput{Read: true}, "slot_id"},
		{"ErrNotRead", shared.BookingInput{SlotID: js[0].ID}, "read"},
	} {
		if r := mads.do("POST", shared.APIBooking, tt.in); r.status != 400 || r.err().FieldMessage(tt.field) == "" {
			t.Errorf("%s: %d %s", tt.name, r.status, r.body)
		}
	}

	// Mads rebooks: the flow names the meeting; the old is cancelled by
	// the citizen, its slot offered again; events booked, cancelled, booked.
	rb := mads.bookingOffers("?rebook=" + strconv.FormatInt(m.ID, 10))
	if rb.Rebook == nil || rb.Rebook.ID != m.ID {
		t.Fatalf("rebook: %+v", rb.Rebook)
	}
	var rec2 shared.BookingReceipt
	mads.decode(mads.do("POST", shared.APIBooking, shared.BookingInput{SlotID: slots[1].ID, Rebook: m.ID, Read: true}), 200, &rec2)
	if n := env.count(`SELECT count(*) FROM meetings WHERE id = ? AND status = 'cancelled' AND cancelled_by = 'citizen' AND version = 2`, m.ID); n != 1 {
		t.Error("the old meeting is not cancelled by the citizen")
	}
	if !slices.ContainsFunc(mads.offerSlots(fremmoede.ID).Slots, func(s shared.MeetingSlot) bool { return s.ID == slots[0].ID }) {
		t.Error("the old slot is not offered again")
	}
	var kinds []string
	env.db.NewRaw(`SELECT kind FROM meeting_events WHERE meeting_id IN (?, ?) ORDER BY seq`, m.ID, rec2.Meeting.ID).Scan(context.Background(), &kinds)
	if !slices.Equal(kinds, []string{"booked", "cancelled", "booked"}) {
		t.Errorf("events %v", kinds)
	}
	// A cancelled meeting is not rebooked again.
	if r := mads.do("POST", shared.APIBooking, shared.BookingInput{SlotID: slots[2].ID, Rebook: m.ID, Read: true}); r.status != 404 {
		t.Errorf("rebooking a cancelled meeting: %d", r.status)
	}
}

// TestBookingRace: two sessions on one slot — one meeting, the other 409
// with the message and the next free times of the offer; a time that has
// begun answers 409 too, never a 500.
func TestBookingRace(t *testing.T) {
	env := newTestEnv(t)
	mads, jonas := env.client(), env.client()
	mads.loginCitizen("mads")
	jonas.loginCitizen("jonas")
	tlf, _ := offerNamed(mads.bookingOffers("").Offers, "Jobsamtale på telefon")
	slot := mads.offerSlots(tlf.ID).Slots[0]
	var wg sync.WaitGroup
	rs := make([]response, 2)
	for i, c := range []*client{mads, jonas} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rs[i] = c.do("POST", shared.APIBooking, shared.BookingInput{SlotID: slot.ID, Read: true})
		}()
	}
	wg.Wait()
	ok, lost := 0, -1
	for i, r := range rs {
		switch r.status {
		case 200:
			ok++
		case http.StatusConflict:
			lost = i
		default:
			t.Fatalf("status %d %s", r.status, r.body)
		}
	}
	if ok != 1 || lost < 0 {
		t.Fatalf("ok %d, lost %d", ok, lost)
	}
	var taken shared.SlotTaken
	if err := json.Unmarshal(rs[lost].body, &taken); err != nil || taken.Message != shared.ErrSlotTaken || len(taken.Next) == 0 ||
		slices.ContainsFunc(taken.Next, func(s shared.MeetingSlot) bool { return s.ID == slot.ID }) {
		t.Errorf("409 body %s", rs[lost].body)
	}
	if e := rs[lost].err(); e.Code != shared.EConflict || e.FieldMessage("slot_id") != shared.ErrSlotTaken {
		t.Errorf("409 error %+v", e)
	}
	if n := env.count(`SELECT count(*) FROM meetings WHERE slot_id = ?`, slot.ID); n != 1 {
		t.Errorf("%d meetings on the slot", n)
	}
	// A withdrawn time: 409 with ErrSlotGone.
	sys := env.client()
	o := anOffer(env, "gone", 2)
	sys.ingestOffer(o, jcToken)
	off, _ := offerNamed(mads.bookingOffers("").Offers, "Testmøde gone")
	first := mads.offerSlots(off.ID).Slots[0]
	o.MessageID, o.Slots = "gone-2", o.Slots[1:]
	sys.ingestOffer(o, jcToken)
	r := mads.do("POST", shared.APIBooking, shared.BookingInput{SlotID: first.ID, Read: true})
	if r.status != 409 || r.err().Message != shared.ErrSlotGone {
		t.Errorf("withdrawn slot: %d %s", r.status, r.body)
	}
}

// TestBookingMirrors: the jobcenter and the a-kasse go through the flow
// (GET), and "BOOK MØDET" answers them the refusal of 000 Billede 18 and
// books nothing; the a-kasse does not see a jobcenter meeting being
// rebooked.
func TestBookingMirrors(t *testing.T) {
	env := newTestEnv(t)
	mads := env.client()
	mads.loginCitizen("mads")
	tlf, _ := offerNamed(mads.bookingOffers("").Offers, "Jobsamtale på telefon")
	slots := mads.offerSlots(tlf.ID).Slots
	var rec shared.BookingReceipt
	mads.decode(mads.do("POST", shared.APIBooking, shared.BookingInput{SlotID: slots[0].ID, Read: true}), 200, &rec)
	before := env.count(`SELECT count(*) FROM meetings`)
	for _, who := range []string{"nina", "berit"} {
		c := env.mirror(who, cprMads)
		b := c.bookingOffers("?rebook=" + strconv.FormatInt(rec.Meeting.ID, 10))
		if len(b.Offers) == 0 {
			t.Errorf("%s does not see the flow: %+v", who, b)
		}
		if (b.Rebook != nil) != (who == "nina") {
			t.Errorf("%s sees the rebooked jobcenter meeting: %v", who, b.Rebook != nil)
		}
		if s := c.offerSlots(tlf.ID); len(s.Slots) == 0 || len(s.Rights) == 0 {
			t.Errorf("%s does not see the times and rights", who)
		}
		r := c.do("POST", shared.APIBooking, shared.BookingInput{SlotID: slots[1].ID, Read: true})
		if r.status != 403 || r.err().Message != shared.ErrAKasseBooking {
			t.Errorf("%s books: %d %s", who, r.status, r.body)
		}
		r = c.do("POST", shared.APIBooking, shared.BookingInput{SlotID: slots[1].ID, Rebook: rec.Meeting.ID, Read: true})
		if r.status != 403 || r.err().Message != shared.ErrAKasseBooking {
			t.Errorf("%s rebooks: %d %s", who, r.status, r.body)
		}
	}
	if after := env.count(`SELECT count(*) FROM meetings`); after != before {
		t.Errorf("the mirrors booked: %d → %d", before, after)
	}
	if n := env.count(`SELECT count(*) FROM meetings WHERE id = ? AND status = 'planned'`, rec.Meeting.ID); n != 1 {
		t.Error("a mirror's rebooking cancelled the meeting")
	}
}

// TestBookingSlotRetention: a time 30 days past its start goes, unless a
// meeting holds it; the time at the cutoff stays.
func TestBookingSlotRetention(t *testing.T) {
	env := newTestEnv(t)
	ctx, now := context.Background(), env.clock.Now()
	var rule storage.RetentionRule
	for _, r := range storage.RetentionRules(20 * time.Minute) {
		if r.Name == "meeting_slots" {
			rule = r
		}
	}
	cut := rule.Cutoff(now)
	o := anOffer(env, "old", 4)
	for i, at := range []time.Time{cut.Add(-time.Second), cut.Add(-time.Second), cut, now.Add(time.Hour)} {
		o.Slots[i].Start = at
	}
	env.client().ingestOffer(o, jcToken)
	who, _ := env.store.CitizenByCPR(ctx, cprMads)
	if _, err := env.db.NewRaw(`INSERT INTO meetings (citizen_id, org, origin_id, type_name, form, starts_at, ends_at, slot_id, status, cancelled_by, updated_at)
		SELECT ?, 'jc-101', 'held-old', 'x', 'x', s.starts_at, s.starts_at + interval '30 minutes', s.id, 'cancelled', 'citizen', ?
		FROM meeting_slots s WHERE s.origin_id = 'old-s1'`, who.ID, now).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := env.store.DeleteExpired(ctx, rule, now, 100); err != nil {
		t.Fatal(err)
	}
	var left []string
	env.db.NewRaw(`SELECT s.origin_id FROM meeting_slots s JOIN meeting_offers o ON o.id = s.offer_id WHERE o.origin_id = 'old' ORDER BY s.origin_id`).Scan(ctx, &left)
	if !slices.Equal(left, []string{"old-s1", "old-s2", "old-s3"}) {
		t.Errorf("slots left: %v", left)
	}
}

// TestBookingPagePreloaded: "Book et møde" comes prerendered with the
// offers and the deadline's tabs, before the app starts.
func TestBookingPagePreloaded(t *testing.T) {
	env := newTestEnv(t)
	mads := env.client()
	mads.loginCitizen("mads")
	r := mads.do("GET", shared.PageBookMeeting, nil)
	_, body, _ := strings.Cut(string(r.body), "</head>")
	if r.status != 200 {
		t.Fatalf("status %d", r.status)
	}
	for _, want := range []string{"Book et møde", shared.StepType.Heading(), shared.TabMeetsDeadline, "Jobsamtale på telefon", "Varighed: 30 minutter",
		"Mødeform: Telefonisk", "Du skal booke et møde senest"} {
		if !strings.Contains(body, want) {
			t.Errorf("the prerendered page lacks %q", want)
		}
	}
}
