package server

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"jobnet/server/ingestv1"
	"jobnet/server/mail"
	"jobnet/server/servertest"
	"jobnet/server/storage"
	"jobnet/shared"
)

// meetingsPage is the Møder page as c sees it.
func (c *client) meetingsPage() shared.Meetings {
	c.env.tb.Helper()
	var m shared.Meetings
	c.decode(c.do("GET", shared.APIMeetings, nil), 200, &m)
	return m
}

func meetingByType(ms []shared.Meeting, typ string) (shared.Meeting, bool) {
	i := slices.IndexFunc(ms, func(m shared.Meeting) bool { return m.Type == typ })
	if i < 0 {
		return shared.Meeting{}, false
	}
	return ms[i], true
}

// at is a moment days from the pinned now, at hh:mm in Danish time.
func at(days, hh, mm int) time.Time {
	d := servertest.Now.AddDate(0, 0, days)
	return time.Date(d.Year(), d.Month(), d.Day(), hh, mm, 0, 0, servertest.Copenhagen)
}

// meetingIn is a planned meeting of 30 minutes for Mads.
func meetingIn(msg, id, typ string, start time.Time) ingestv1.Meeting {
	return ingestv1.Meeting{MessageID: msg, CPR: cprMads, MeetingID: id, Type: typ, Form: shared.FormFremmoede,
		Start: start, End: start.Add(30 * time.Minute), Place: "Jobcenter København", Caseworker: "Nina Pettersen",
		Status: shared.MeetingPlanned}
}

// TestIngestMeetings: created, updated by the case system's id with its
// version one up, a retry never duplicates; bad input is refused at its
// field; another citizen's id is a conflict; a "jobnet-" id must exist; a
// jobcenter sends for its own citizens only.
func TestIngestMeetings(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	post := func(body any, auth string) response {
		return c.do("POST", "/api/ingest/v1/meetings", body, "Authorization", auth)
	}
	mads := env.client()
	mads.loginCitizen("mads")

	in := meetingIn("mt-1", "jc-m-1", "Jobsamtale ZXMEET", at(2, 13, 30))
	in.Text = "Du skal tage FVU-testen."
	var rec ingestv1.Receipt
	c.decode(post(in, jcToken), 200, &rec)
	c.decode(post(in, jcToken), 200, &rec)
	if !rec.Duplicate {
		t.Error("retry not a duplicate")
	}
	page := mads.meetingsPage()
	m, ok := meetingByType(page.Meetings, in.Type)
	if !ok || m.Version != 1 || m.OrgKind != shared.OrgJobcenter || m.OrgName == "" || m.Text != in.Text || !m.Start.Equal(in.Start) ||
		!inCopenhagen(m.Start) || m.Booked || m.Invited {
		t.Fatalf("the meeting %+v (found %v)", m, ok)
	}
	if got := shared.MeetingWhen(m.Start, m.End, servertest.Copenhagen); got != "Torsdag den 7. jan. 2027, kl. 13:30-14:00" {
		t.Errorf("MeetingWhen %q", got)
	}

	// An update by the same meeting id, a new message id.
	upd := in
	upd.MessageID, upd.Start, upd.End, upd.Form = "mt-2", at(3, 9, 0), at(3, 9, 45), shared.FormTelefonisk
	c.decode(post(upd, jcToken), 200, &rec)
	got, _ := meetingByType(mads.meetingsPage().Meetings, in.Type)
	if got.ID != m.ID || got.Version != 2 || got.Form != shared.FormTelefonisk || !got.Start.Equal(upd.Start) {
		t.Errorf("after the update: %+v", got)
	}
	// The case system cancels it: "Aflyst" by the organisation.
	upd.MessageID, upd.Status = "mt-3", shared.MeetingCancelled
	c.decode(post(upd, jcToken), 200, &rec)
	got, _ = meetingByType(mads.meetingsPage().Meetings, in.Type)
	if got.Version != 3 || got.Status != shared.MeetingCancelled || got.CancelledBy != "org" || shared.MeetingStateText(got) != "Aflyst af jobcentret" {
		t.Errorf("cancelled by the jobcenter: %+v", got)
	}

	tests := []struct {
		name   string
		change func(*ingestv1.Meeting)
		auth   string
		status int
		field  string
	}{
		{"ErrEndBeforeStart", func(m *ingestv1.Meeting) { m.End = m.Start.Add(-time.Minute) }, jcToken, 400, "end"},
		{"ErrNoStart", func(m *ingestv1.Meeting) { m.Start = time.Time{} }, jcToken, 400, "start"},
		{"ErrNoType", func(m *ingestv1.Meeting) { m.Type = " " }, jcToken, 400, "type"},
		{"ErrStatus", func(m *ingestv1.Meeting) { m.Status = "moved" }, jcToken, 400, "status"},
		{"ErrHeldInvitation", func(m *ingestv1.Meeting) { m.Status, m.Invitation = shared.MeetingHeld, true }, jcToken, 400, "invitation"},
		{"ErrCPR", func(m *ingestv1.Meeting) { m.CPR = "123" }, jcToken, 400, "cpr"},
		{"ErrOtherCitizensMeeting", func(m *ingestv1.Meeting) { m.CPR, m.MeetingID = cprJonas, "jc-m-1" }, jcToken, 409, "meeting_id"},
		{"ErrUnknownJobnetMeeting", func(m *ingestv1.Meeting) { m.MeetingID = "jobnet-999999" }, jcToken, 404, "meeting_id"},
		{"ErrNotOwnCitizen", func(m *ingestv1.Meeting) { m.CPR = cprLouise }, jcToken, 403, ""},
		{"ErrAKasseNotMember", func(m *ingestv1.Meeting) { m.CPR = cprLouise }, akToken, 403, ""},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bad := meetingIn(fmt.Sprintf("bad-%d", i), fmt.Sprintf("bad-m-%d", i), "Skal ikke gemmes", at(4, 10, 0))
			tc.change(&bad)
			r := post(bad, tc.auth)
			if r.status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.status, tc.status, r.body)
			}
			if tc.field != "" && r.err().FieldMessage(tc.field) == "" {
				t.Errorf("no message at %s: %s", tc.field, r.body)
			}
		})
	}
	if _, ok := meetingByType(mads.meetingsPage().Meetings, "Skal ikke gemmes"); ok {
		t.Error("a refused meeting was stored")
	}
	// The a-kasse sends for its member.
	ak := meetingIn("mt-ak", "ak-m-1", "Rådighedssamtale ZXAK", at(5, 10, 0))
	c.decode(post(ak, akToken), 200, &rec)
	if m, ok := meetingByType(mads.meetingsPage().Meetings, ak.Type); !ok || m.OrgKind != shared.OrgAKasse || shared.MeetingOfOrg(m.OrgKind) != "Aftale med a-kasse" {
		t.Errorf("the a-kasse's meeting %+v", m)
	}
}

// TestMeetingsShown: the list on the pinned day shows today's and later
// meetings, planned or cancelled by the organisation, and not those held,
// past, or cancelled by the citizen; Duties for a dagpengemodtager only;
// the earliest open deadline.
func TestMeetingsShown(t *testing.T) {
	env := newTestEnv(t)
	c := env.client().withHeader("Authorization", jcToken)
	send := func(in ingestv1.Meeting) { c.decode(c.do("POST", "/api/ingest/v1/meetings", in), 200, nil) }
	send(meetingIn("s-1", "s-1", "ZX i går", at(-1, 13, 0)))
	send(meetingIn("s-2", "s-2", "ZX i dag tidligere", at(0, 8, 0))) // before now (10:00), the same day
	held := meetingIn("s-3", "s-3", "ZX afholdt", at(0, 8, 30))
	held.Status, held.Participants, held.Agreements = shared.MeetingHeld, "Mads, Nina", "Søg fem job om ugen."
	send(held)
	send(meetingIn("s-4", "s-4", "ZX om et år", at(365, 9, 0)))
	id := env.citizenID(cprMads)
	// A deadline met and a later open one: the open one is the page's.
	for i, due := range []shared.Date{shared.DateOf(at(3, 0, 0)), shared.DateOf(at(9, 0, 0))} {
		if _, err := env.db.NewRaw(`INSERT INTO meeting_deadlines (citizen_id, org, origin_id, due, type_codes, met_by)
			VALUES (?, 'jc-101', ?, ?, '{JOBSAMTALE}', (SELECT CASE WHEN ? = 0 THEN min(id) END FROM meetings WHERE citizen_id = ?))`,
			id, fmt.Sprintf("d-%d", i), due.String(), i, id).Exec(context.Background()); err != nil {
			t.Fatal(err)
		}
	}

	mads := env.client()
	mads.loginCitizen("mads")
	page := mads.meetingsPage()
	for typ, want := range map[string]bool{"ZX i går": false, "ZX i dag tidligere": true, "ZX afholdt": false, "ZX om et år": true} {
		if _, ok := meetingByType(page.Meetings, typ); ok != want {
			t.Errorf("%s shown %v, want %v", typ, ok, want)
		}
	}
	if !slices.IsSortedFunc(page.Meetings, func(a, b shared.Meeting) int { return a.Start.Compare(b.Start) }) {
		t.Error("the meetings are not the earliest first")
	}
	if !page.Duties {
		t.Error("Mads (kontaktgruppe 1) has no duties")
	}
	if page.Deadline == nil || page.Deadline.Due != shared.DateOf(at(9, 0, 0)) || !page.Deadline.Open() {
		t.Errorf("the deadline %+v", page.Deadline)
	}
	louise := env.client()
	louise.loginCitizen("louise")
	if p := louise.meetingsPage(); p.Duties || p.Deadline != nil {
		t.Errorf("Louise (kontanthjælp): %+v", p)
	}

	// The held meeting on its own page, with what was agreed.
	var heldID int64
	if err := env.db.NewRaw(`SELECT id FROM meetings WHERE origin_id = 's-3'`).Scan(context.Background(), &heldID); err != nil {
		t.Fatal(err)
	}
	var m shared.Meeting
	mads.decode(mads.do("GET", shared.MeetingPath(heldID), nil), 200, &m)
	if m.Status != shared.MeetingHeld || m.Participants != "Mads, Nina" || m.Agreements != "Søg fem job om ugen." {
		t.Errorf("the held meeting %+v", m)
	}
	if r := louise.do("GET", shared.MeetingPath(heldID), nil); r.status != 404 {
		t.Errorf("Louise reads Mads' meeting: %d", r.status)
	}
}

// bookedMeeting puts a meeting of Mads' booked in Jobnet on a slot of a
// jobcenter's offer directly, as the booking flow does, starting at start;
// it returns the meeting's and the slot's ids.
func bookedMeeting(t *testing.T, env *testEnv, key string, start time.Time) (meeting, slot int64) {
	t.Helper()
	ctx := context.Background()
	var offer int64
	if err := env.db.NewRaw(`INSERT INTO meeting_offers (org, origin_id, type_code, type_name, minutes, form, receipt_text)
		VALUES ('jc-101', ?, 'JOBSAMTALE', 'Jobsamtale', 30, 'Telefonisk', 'Tak for din booking. ZXRECEIPT') RETURNING id`, "o-"+key).Scan(ctx, &offer); err != nil {
		t.Fatal(err)
	}
	if err := env.db.NewRaw(`INSERT INTO meeting_slots (offer_id, origin_id, caseworker, starts_at) VALUES (?, ?, 'Sagsbehandler 5882', ?) RETURNING id`,
		offer, "s-"+key, start).Scan(ctx, &slot); err != nil {
		t.Fatal(err)
	}
	if err := env.db.NewRaw(`INSERT INTO meetings (citizen_id, org, origin_id, type_code, type_name, form, starts_at, ends_at, slot_id, updated_at)
		VALUES (?, 'jc-101', ?, 'JOBSAMTALE', 'Booket ZX'||?, 'Telefonisk', ?, ?, ?, ?) RETURNING id`,
		env.citizenID(cprMads), "tmp-"+key, key, start, start.Add(30*time.Minute), slot, servertest.Now).Scan(ctx, &meeting); err != nil {
		t.Fatal(err)
	}
	if _, err := env.db.NewRaw(`UPDATE meetings SET origin_id = 'jobnet-' || id WHERE id = ?`, meeting).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	return meeting, slot
}

// TestMeetingCancel: meld afbud frees the slot (another booking of it is
// then possible), reopens the deadline it met and waits for the case
// system as an event; only a booked meeting not yet begun may be
// cancelled; caseworkers are refused by the route table.
func TestMeetingCancel(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	id, slot := bookedMeeting(t, env, "a", at(2, 11, 0))
	// The demo's deadline for Mads (server/demo/booking.go) aside: this
	// test's deadline is the only one.
	if _, err := env.db.NewRaw(`DELETE FROM meeting_deadlines WHERE citizen_id = ?`, env.citizenID(cprMads)).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := env.db.NewRaw(`INSERT INTO meeting_deadlines (citizen_id, org, origin_id, due, type_codes, met_by)
		VALUES (?, 'jc-101', 'd-met', ?, '{JOBSAMTALE}', ?)`, env.citizenID(cprMads), shared.DateOf(at(5, 0, 0)).String(), id).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	// The slot is taken: a second meeting on it is refused by the index.
	if _, err := env.db.NewRaw(`INSERT INTO meetings (citizen_id, org, origin_id, type_name, form, starts_at, ends_at, slot_id, updated_at)
		SELECT citizen_id, org, 'second', type_name, form, starts_at, ends_at, slot_id, updated_at FROM meetings WHERE id = ?`, id).Exec(ctx); err == nil {
		t.Fatal("the slot was booked twice")
	}

	for _, cw := range []string{"nina", "berit"} {
		if r := env.mirror(cw, cprMads).do("POST", shared.MeetingCancelPath(id), nil); r.status != 403 || r.err().Message != shared.MsgReadOnly {
			t.Errorf("%s cancels: %d %s", cw, r.status, r.body)
		}
	}
	mads := env.client()
	mads.loginCitizen("mads")
	if p := mads.meetingsPage(); p.Deadline != nil {
		t.Errorf("a met deadline on the page: %+v", p.Deadline)
	}
	var m shared.Meeting
	mads.decode(mads.do("POST", shared.MeetingCancelPath(id), nil), 200, &m)
	if m.Status != shared.MeetingCancelled || m.CancelledBy != "citizen" || m.Version != 2 || shared.MeetingStateText(m) != "Aflyst – du har meldt afbud" {
		t.Errorf("after afbud: %+v", m)
	}
	// The citizen's own afbud leaves the list; the deadline is open again.
	p := mads.meetingsPage()
	if _, ok := meetingByType(p.Meetings, "Booket ZXa"); ok {
		t.Error("the cancelled meeting is still listed")
	}
	if p.Deadline == nil || p.Deadline.Due != shared.DateOf(at(5, 0, 0)) {
		t.Errorf("the deadline is not open again: %+v", p.Deadline)
	}
	// The slot is free.
	if _, err := env.db.NewRaw(`INSERT INTO meetings (citizen_id, org, origin_id, type_name, form, starts_at, ends_at, slot_id, updated_at)
		SELECT citizen_id, org, 'second', type_name, form, starts_at, ends_at, slot_id, updated_at FROM meetings WHERE id = ?`, id).Exec(ctx); err != nil {
		t.Errorf("the slot %d is not free after afbud: %v", slot, err)
	}
	if r := mads.do("POST", shared.MeetingCancelPath(id), nil); r.status != 409 || r.err().Message != shared.MsgCancelDone {
		t.Errorf("afbud twice: %d %s", r.status, r.body)
	}

	// A call-in from the case system is not the citizen's to cancel.
	c := env.client().withHeader("Authorization", jcToken)
	c.decode(c.do("POST", "/api/ingest/v1/meetings", meetingIn("c-1", "c-1", "ZX indkaldt", at(2, 9, 0))), 200, nil)
	called, _ := meetingByType(mads.meetingsPage().Meetings, "ZX indkaldt")
	if r := mads.do("POST", shared.MeetingCancelPath(called.ID), nil); r.status != 409 || r.err().Message != shared.MsgCancelNotBooked {
		t.Errorf("afbud to a call-in: %d %s", r.status, r.body)
	}
	// Begun: too late.
	late, _ := bookedMeeting(t, env, "b", at(0, 9, 45))
	if r := mads.do("POST", shared.MeetingCancelPath(late), nil); r.status != 409 || r.err().Message != shared.MsgCancelStarted {
		t.Errorf("afbud after the start: %d %s", r.status, r.body)
	}
	if r := mads.do("POST", shared.MeetingCancelPath(999999), nil); r.status != 404 {
		t.Errorf("afbud to no meeting: %d", r.status)
	}

	// The case system collects the afbud, by the id Jobnet gave it, and
	// may update the booked meeting by it.
	env.clock.Advance(3 * time.Second)
	var events []ingestv1.MeetingEvent
	c.decode(c.do("GET", "/api/ingest/v1/meeting-events", nil), 200, &events)
	if len(events) != 1 || events[0].Kind != "cancelled" || events[0].MeetingID != fmt.Sprintf("jobnet-%d", id) ||
		events[0].CPR != cprMads || !events[0].Start.Equal(at(2, 11, 0)) {
		t.Fatalf("events %+v", events)
	}
	c.decode(c.do("GET", fmt.Sprintf("/api/ingest/v1/meeting-events?after=%d", events[0].Seq), nil), 200, &events)
	if len(events) != 0 {
		t.Errorf("after the last seq: %+v", events)
	}
	upd := meetingIn("c-2", fmt.Sprintf("jobnet-%d", late), "Booket ZXb", at(0, 9, 45))
	upd.Text = "Husk dit NemID."
	c.decode(c.do("POST", "/api/ingest/v1/meetings", upd), 200, nil)
	var got shared.Meeting
	mads.decode(mads.do("GET", shared.MeetingPath(late), nil), 200, &got)
	if got.Text != upd.Text || !got.Booked || got.Version != 2 {
		t.Errorf("the booked meeting after the case system's update: %+v", got)
	}
	// The jobcenter cancels a booked meeting that met a deadline: the
	// deadline is open again, the slot free.
	third, _ := bookedMeeting(t, env, "c", at(4, 9, 0))
	if _, err := env.db.NewRaw(`UPDATE meeting_deadlines SET met_by = ? WHERE origin_id = 'd-met'`, third).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	if p := mads.meetingsPage(); p.Deadline != nil {
		t.Fatalf("the deadline is open: %+v", p.Deadline)
	}
	off := meetingIn("c-3", fmt.Sprintf("jobnet-%d", third), "Booket ZXc", at(4, 9, 0))
	off.Status = shared.MeetingCancelled
	c.decode(c.do("POST", "/api/ingest/v1/meetings", off), 200, nil)
	mads.decode(mads.do("GET", shared.MeetingPath(third), nil), 200, &got)
	if got.CancelledBy != "org" || mads.meetingsPage().Deadline == nil {
		t.Errorf("cancelled by the jobcenter: %+v; the deadline is not open again", got)
	}
}

// TestInvitationAccept: a call-in shows as invited until the citizen's OK,
// which answers the receipt, logs one 'accepted' event and is refused
// for caseworkers.
func TestInvitationAccept(t *testing.T) {
	env := newTestEnv(t)
	c := env.client().withHeader("Authorization", jcToken)
	in := meetingIn("i-1", "i-1", "ZX indkaldelse", at(8, 10, 0))
	in.Invitation = true
	c.decode(c.do("POST", "/api/ingest/v1/meetings", in), 200, nil)
	mads := env.client()
	mads.loginCitizen("mads")
	m, ok := meetingByType(mads.meetingsPage().Meetings, in.Type)
	if !ok || !m.Invited {
		t.Fatalf("the call-in %+v", m)
	}
	for _, cw := range []string{"nina", "berit"} {
		if r := env.mirror(cw, cprMads).do("POST", shared.MeetingAcceptPath(m.ID), nil); r.status != 403 {
			t.Errorf("%s accepts: %d", cw, r.status)
		}
	}
	var rec shared.BookingReceipt
	mads.decode(mads.do("POST", shared.MeetingAcceptPath(m.ID), nil), 200, &rec)
	if rec.Text != shared.InvitationReceiptText || rec.Meeting.Invited || rec.Meeting.Version != 2 || !inCopenhagen(rec.Meeting.Start) {
		t.Errorf("the receipt %+v", rec)
	}
	mads.decode(mads.do("POST", shared.MeetingAcceptPath(m.ID), nil), 200, &rec) // OK again: the same receipt
	if rec.Meeting.Version != 2 {
		t.Errorf("a second OK changed the meeting: %+v", rec.Meeting)
	}
	// A later update from the case system keeps the OK.
	in.MessageID, in.Text = "i-2", "Tag dit CV med."
	c.decode(c.do("POST", "/api/ingest/v1/meetings", in), 200, nil)
	if got, _ := meetingByType(mads.meetingsPage().Meetings, in.Type); got.Invited || got.Text != in.Text {
		t.Errorf("after the update: %+v", got)
	}
	plain, _ := meetingByType(mads.meetingsPage().Meetings, "Jobsamtale") // the demo's, no call-in
	if r := mads.do("POST", shared.MeetingAcceptPath(plain.ID), nil); r.status != 409 || r.err().Message != shared.MsgNotInvitation {
		t.Errorf("OK to a meeting that is no call-in: %d %s", r.status, r.body)
	}
	// A booked meeting's receipt is its offer's.
	booked, _ := bookedMeeting(t, env, "i", at(6, 9, 0))
	if _, err := env.db.NewRaw(`UPDATE meetings SET invited = true WHERE id = ?`, booked).Exec(context.Background()); err != nil {
		t.Fatal(err)
	}
	mads.decode(mads.do("POST", shared.MeetingAcceptPath(booked), nil), 200, &rec)
	if rec.Text != "Tak for din booking. ZXRECEIPT" {
		t.Errorf("a booked meeting's receipt: %q", rec.Text)
	}

	env.clock.Advance(3 * time.Second)
	var events []ingestv1.MeetingEvent
	c.decode(c.do("GET", "/api/ingest/v1/meeting-events", nil), 200, &events)
	if len(events) != 2 || events[0].Kind != "accepted" || events[0].MeetingID != "i-1" || events[1].MeetingID != fmt.Sprintf("jobnet-%d", booked) {
		t.Errorf("events %+v", events)
	}
	// The a-kasse collects none of the jobcenter's.
	ak := env.client().withHeader("Authorization", akToken)
	ak.decode(ak.do("GET", "/api/ingest/v1/meeting-events", nil), 200, &events)
	if len(events) != 0 {
		t.Errorf("the a-kasse collected %+v", events)
	}
	if r := ak.do("GET", "/api/ingest/v1/meeting-events?after=x", nil); r.status != 400 {
		t.Errorf("after=x: %d", r.status)
	}
}

// TestMeetingsAKasse: Berit, of Mads' a-kasse, sees the a-kasse's meetings
// and not the jobcenter's, on the page and on a meeting's own route; the
// jobcenter's deadline she sees, on the page and in "Vigtig information"
// (shared/moeder.go); Nina sees everything.
func TestMeetingsAKasse(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	jc := env.client().withHeader("Authorization", jcToken)
	ak := env.client().withHeader("Authorization", akToken)
	jc.decode(jc.do("POST", "/api/ingest/v1/meetings", meetingIn("a-1", "a-1", "ZX jobcentrets", at(2, 10, 0))), 200, nil)
	ak.decode(ak.do("POST", "/api/ingest/v1/meetings", meetingIn("a-2", "a-2", "ZX a-kassens", at(3, 10, 0))), 200, nil)
	if _, err := env.db.NewRaw(`INSERT INTO meeting_deadlines (citizen_id, org, origin_id, due, type_codes)
		VALUES (?, 'jc-101', 'd-jc', ?, '{JOBSAMTALE}')`, env.citizenID(cprMads), shared.DateOf(at(6, 0, 0)).String()).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	mads := env.client()
	mads.loginCitizen("mads")
	all := mads.meetingsPage().Meetings
	jcm, _ := meetingByType(all, "ZX jobcentrets")

	berit := env.mirror("berit", cprMads)
	var page shared.Meetings
	berit.decode(berit.do("GET", shared.APIMeetings, nil), 200, &page)
	if _, ok := meetingByType(page.Meetings, "ZX a-kassens"); !ok {
		t.Error("Berit does not see the a-kasse's meeting")
	}
	for _, m := range page.Meetings {
		if m.OrgKind != shared.OrgAKasse {
			t.Errorf("Berit sees %s's meeting %q", m.Org, m.Type)
		}
	}
	if page.Deadline == nil || !page.Duties {
		t.Errorf("Berit's deadline %+v, duties %v", page.Deadline, page.Duties)
	}
	if r := berit.do("GET", shared.MeetingPath(jcm.ID), nil); r.status != 404 {
		t.Errorf("Berit reads the jobcenter's meeting: %d %s", r.status, r.body)
	}
	frist := func(c *client) bool {
		var o shared.Overview
		c.decode(c.do("GET", shared.APIOverview, nil), 200, &o)
		return slices.ContainsFunc(o.Notifications, func(n shared.Notification) bool { return n.Kind == shared.NotifyBookingFrist })
	}
	if !frist(berit) {
		t.Error("Berit does not see the deadline in Vigtig information")
	}
	nina := env.mirror("nina", cprMads)
	if p := nina.meetingsPage(); len(p.Meetings) != len(all) || p.Deadline == nil {
		t.Errorf("Nina sees %d of %d meetings, deadline %v", len(p.Meetings), len(all), p.Deadline)
	}
	if !frist(nina) {
		t.Error("Nina does not see the deadline")
	}
}

// TestDeadlineNotification: the open deadline is "Vigtig information"'s
// second notification, sharpened as it nears, with "Book et møde" to the
// booking flow; met, or passed, it is gone.
func TestDeadlineNotification(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	if _, err := env.db.NewRaw(`INSERT INTO meeting_deadlines (citizen_id, org, origin_id, due, type_codes)
		VALUES (?, 'jc-101', 'd-1', ?, '{JOBSAMTALE}')`, env.citizenID(cprMads), shared.DateOf(at(4, 0, 0)).String()).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	mads := env.client()
	mads.loginCitizen("mads")
	overview := func() shared.Overview {
		var o shared.Overview
		mads.decode(mads.do("GET", shared.APIOverview, nil), 200, &o)
		return o
	}
	o := overview()
	if len(o.Notifications) < 3 || o.Notifications[1].Kind != shared.NotifyBookingFrist {
		t.Fatalf("the deadline is not second: %+v", o.Notifications)
	}
	n := o.Notifications[1]
	if n.Title != "Book din samtale snart" || n.Text != "Fristen for at booke en samtale er lørdag den 09.01.2027. Book den nu, så du er sikker på at nå det." {
		t.Errorf("the notification %+v", n)
	}
	if a, ok := shared.ActionOf(n.Kind); !ok || a.Page != shared.PageBookMeeting || a.Label != "Book et møde" {
		t.Errorf("its action %+v", a)
	}
	env.clock.Advance(5 * 24 * time.Hour) // passed
	mads.loginCitizen("mads")
	for _, n := range overview().Notifications {
		if n.Kind == shared.NotifyBookingFrist {
			t.Errorf("a passed deadline's notification: %+v", n)
		}
	}
}

// citizenID is the id of the citizen with the CPR number.
func (e *testEnv) citizenID(cpr string) int64 {
	e.tb.Helper()
	c, err := e.store.CitizenByCPR(context.Background(), shared.CPR(cpr))
	if err != nil {
		e.tb.Fatal(err)
	}
	return c.ID
}

// TestMeetingReminders: a citizen who subscribes to "Møder og pligter" gets
// one mail for each planned meeting two days ahead; a run again sends
// none; a cancelled meeting, another day's, and a citizen without the
// subscription get none.
func TestMeetingReminders(t *testing.T) {
	env, _ := newMailEnv(t)
	ctx := context.Background()
	c := env.client().withHeader("Authorization", jcToken)
	send := func(in ingestv1.Meeting) { c.decode(c.do("POST", "/api/ingest/v1/meetings", in), 200, nil) }
	send(meetingIn("r-1", "r-1", "ZX om to dage", at(2, 10, 0)))
	send(meetingIn("r-2", "r-2", "ZX i morgen", at(1, 10, 0)))
	send(meetingIn("r-3", "r-3", "ZX om tre dage", at(3, 10, 0)))
	gone := meetingIn("r-4", "r-4", "ZX aflyst", at(2, 12, 0))
	gone.Status = shared.MeetingCancelled
	send(gone)
	jonas := meetingIn("r-5", "r-5", "ZX Jonas", at(2, 9, 0))
	jonas.CPR = cprJonas
	send(jonas)
	// A campaign's mail goes to a confirmed address only (Brugerprofil).
	if err := env.store.Citizen(env.citizenID(cprMads)).SetConfirmedEmail(ctx, "mads@example.dk", env.clock.Now()); err != nil {
		t.Fatal(err)
	}
	if err := env.store.Citizen(env.citizenID(cprMads)).SetMailSubscription(ctx, storage.CampaignMoederOgPligter, "mads@example.dk"); err != nil {
		t.Fatal(err)
	}
	now := env.clock.Now().In(servertest.Copenhagen)
	n, err := env.store.RemindMeetings(ctx, "https://jobnet.test", now)
	if err != nil || n != 1 {
		t.Fatalf("the run mailed %d: %v", n, err)
	}
	if n, err := env.store.RemindMeetings(ctx, "https://jobnet.test", now.Add(time.Hour)); err != nil || n != 0 {
		t.Errorf("a second run mailed %d: %v", n, err)
	}
	out, err := env.store.Outbox(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range out {
		if m.Kind == mail.KindMeetingReminder {
			got = append(got, m.To+": "+m.Subject+"\n"+m.Text)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "mads@example.dk: Husk dit møde Torsdag den 7. jan. 2027, kl. 10:00-10:30") ||
		!strings.Contains(got[0], "ZX om to dage") || !strings.Contains(got[0], "https://jobnet.test/moeder") {
		t.Errorf("the reminders: %q", got)
	}
}

// TestMeetingsPagePreloaded: the server's page of Møder shows the meetings
// before the app starts, the a-kasse's projection for Berit.
func TestMeetingsPagePreloaded(t *testing.T) {
	env := newTestEnv(t)
	mads := env.client()
	mads.loginCitizen("mads")
	_, body, _ := strings.Cut(string(mads.do("GET", shared.PageMeetings, nil).body), "</head>")
	for _, want := range []string{"Aftale med jobcenter", "Du skal tage FVU-testen.", "Nina Pettersen (sagsbehandler)", "Aftale med a-kasse",
		"Aflyst", shared.DutiesHeading, "Visningen erstatter ikke indkaldelse pr. brev"} {
		if !strings.Contains(body, want) {
			t.Errorf("the prerendered page lacks %q", want)
		}
	}
	_, berit, _ := strings.Cut(string(env.mirror("berit", cprMads).do("GET", shared.PageMeetings, nil).body), "</head>")
	if !strings.Contains(berit, "Rådighedssamtale") || strings.Contains(berit, "FVU-testen") || strings.Contains(berit, "jobrotation") {
		t.Error("the a-kasse's preloaded Møder is not its projection")
	}
}

// The Møder page through the whole handler chain, Mads' demo meetings:
// the citizen's, and the a-kasse's projection.
func BenchmarkMeetingsCitizen(b *testing.B) { benchGET(b, shared.APIMeetings, asMads) }
func BenchmarkMeetingsAKasse(b *testing.B)  { benchGET(b, shared.APIMeetings, asBerit) }
