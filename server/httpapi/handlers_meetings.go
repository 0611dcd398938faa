package httpapi

import (
	"context"
	"strings"

	"jobnet/server/ingestv1"
	"jobnet/server/storage"
	"jobnet/shared"
)

// Møder (SPEC D4, K4; FEATURES.md 5.2): the citizen's meetings from the
// case systems and from the booking flow, meld afbud and the OK to a
// call-in. The jobcenter sees everything and changes nothing; the a-kasse
// sees its own meetings only (shared.ProjectMeetingsForAKasse), applied
// here before anything is encoded. Afbud and OK are the citizen's own: the
// route table refuses a caseworker's, and a mirror session's transaction
// is read-only.

// loadMeetings is the Møder page, its times in Danish time.
func loadMeetings(req *citizenRequest) (shared.Meetings, error) {
	m, err := req.citizen.MeetingsPage(req.ctx(), req.now, req.loc)
	if err != nil {
		return m, err
	}
	for i := range m.Meetings {
		meetingInLoc(req, &m.Meetings[i])
	}
	m.Duties = shared.HasMeetingDuties(req.who.Forloeb, shared.DateOf(req.now.In(req.loc)))
	return m, nil
}

func meetingInLoc(req *citizenRequest, m *shared.Meeting) {
	m.Start, m.End = m.Start.In(req.loc), m.End.In(req.loc)
}

// meetingsForCitizen: the page whole (the citizen, the jobcenter).
func meetingsForCitizen(_ *citizenRequest, m shared.Meetings) (shared.Meetings, error) { return m, nil }

// meetingsForAKasse: the a-kasse's own meetings and deadline (000 5.2).
func meetingsForAKasse(req *citizenRequest, m shared.Meetings) (shared.AKasseMeetings, error) {
	return shared.ProjectMeetingsForAKasse(m, akasseCode(req)), nil
}

// loadMeeting: GET /api/meetings/{id} — one meeting, in any status (a held
// meeting's page).
func loadMeeting(req *citizenRequest) (shared.Meeting, error) {
	id, err := idInPath(req.r, shared.ErrMeetingNotFound)
	if err != nil {
		return shared.Meeting{}, err
	}
	m, err := req.citizen.Meeting(req.ctx(), id)
	meetingInLoc(req, &m)
	return m, err
}

func meetingForCitizen(_ *citizenRequest, m shared.Meeting) (shared.Meeting, error) { return m, nil }

// meetingForAKasse: the jobcenter's meeting does not exist for the a-kasse.
func meetingForAKasse(req *citizenRequest, m shared.Meeting) (shared.AKasseMeeting, error) {
	a, ok := shared.ProjectMeetingForAKasse(m, akasseCode(req))
	if !ok {
		return shared.AKasseMeeting{}, shared.ErrMeetingNotFound()
	}
	return a, nil
}

// handleMeetingCancel: POST /api/meetings/{id}/cancel — "Meld afbud" to a
// meeting the citizen booked (shared.MayCancel).
func handleMeetingCancel(req *citizenRequest) (shared.Meeting, error) {
	id, err := idInPath(req.r, shared.ErrMeetingNotFound)
	if err != nil {
		return shared.Meeting{}, err
	}
	m, err := req.citizen.CancelMeeting(req.ctx(), id, req.now)
	meetingInLoc(req, &m)
	return m, err
}

// handleMeetingAccept: POST /api/meetings/{id}/accept — OK to a call-in;
// the answer is the receipt.
func handleMeetingAccept(req *citizenRequest) (shared.BookingReceipt, error) {
	id, err := idInPath(req.r, shared.ErrMeetingNotFound)
	if err != nil {
		return shared.BookingReceipt{}, err
	}
	r, err := req.citizen.AcceptInvitation(req.ctx(), id, req.now)
	meetingInLoc(req, &r.Meeting)
	return r, err
}

// handleIngestMeeting: POST /api/ingest/v1/meetings — a jobcenter or an
// a-kasse creates or updates a meeting with its own citizen, by its own id
// of the meeting (ingestv1.Meeting).
func handleIngestMeeting(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.Meeting
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	if err := checkMeeting(in); err != nil {
		return ingestv1.Receipt{}, err
	}
	return ingest(req, "meeting:"+in.MessageID, &in.CPR, &in, func(ctx context.Context, c storage.Citizen, _ shared.Citizen) error {
		return c.IngestMeeting(ctx, req.org.Code, storage.MeetingIn{OriginID: in.MeetingID, TypeCode: in.TypeCode,
			Type: strings.TrimSpace(in.Type), Form: strings.TrimSpace(in.Form), Start: in.Start, End: in.End,
			Place: in.Place, Phone: in.Phone, Caseworker: in.Caseworker, Text: in.Text, Status: in.Status,
			Participants: in.Participants, Agreements: in.Agreements, Invitation: in.Invitation}, req.now)
	})
}

// checkMeeting holds a meeting to what the struct tags cannot say: a
// start, an end after it, and a call-in that is still to be held.
func checkMeeting(in ingestv1.Meeting) error {
	var fe []shared.FieldError
	switch {
	case in.Start.IsZero():
		fe = append(fe, shared.FieldError{Field: "start", Message: "Angiv mødets start."})
	case in.End.IsZero():
		fe = append(fe, shared.FieldError{Field: "end", Message: "Angiv mødets slut."})
	case !in.End.After(in.Start):
		fe = append(fe, shared.FieldError{Field: "end", Message: "Mødet skal slutte efter, det begynder."})
	}
	if strings.TrimSpace(in.Type) == "" {
		fe = append(fe, shared.FieldError{Field: "type", Message: "Angiv mødets type."})
	}
	if strings.TrimSpace(in.Form) == "" {
		fe = append(fe, shared.FieldError{Field: "form", Message: "Angiv mødeformen."})
	}
	if in.Invitation && in.Status != shared.MeetingPlanned {
		fe = append(fe, shared.FieldError{Field: "invitation", Message: "Kun et planlagt møde kan være en indkaldelse."})
	}
	if len(fe) > 0 {
		return &shared.Error{Code: shared.EInvalid, Message: "Oplysningerne er ikke udfyldt korrekt.", Fields: fe}
	}
	return nil
}

// handleMeetingEvents: GET /api/ingest/v1/meeting-events?after=N — the
// organisation's case system collects what happened to its meetings in
// Jobnet (booked, cancelled, accepted), in order, up to 1,000 at a time;
// the next call passes the last seq as after.
func handleMeetingEvents(req *ingestRequest) ([]ingestv1.MeetingEvent, error) {
	return collect(req, req.store.MeetingEvents, func(e storage.MeetingEventSent) ingestv1.MeetingEvent {
		return ingestv1.MeetingEvent{Seq: e.Seq, Kind: e.Kind, MeetingID: e.OriginID, CPR: e.CPR, TypeCode: e.TypeCode,
			Start: e.StartsAt, End: e.EndsAt, At: e.At}
	})
}
