package storage

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"jobnet/server/mail"
	"jobnet/shared"
)

// Møder and selvbooking (SPEC D4): the citizen's meetings, deadlines and
// the online offers they may book (migrations/022_meetings). Meetings and
// offers come from the case systems (ingestion); the citizen's bookings,
// rebookings, cancellations and accepted invitations are written by the
// citizen's own session only, and logged in meeting_events for the case
// systems to collect.

type meetingRow struct {
	ID           int64      `bun:"id"`
	Org          string     `bun:"org"`
	OrgKind      string     `bun:"org_kind"`
	OrgName      string     `bun:"org_name"`
	TypeCode     string     `bun:"type_code"`
	TypeName     string     `bun:"type_name"`
	Form         string     `bun:"form"`
	StartsAt     time.Time  `bun:"starts_at"`
	EndsAt       time.Time  `bun:"ends_at"`
	Place        string     `bun:"place"`
	Phone        string     `bun:"phone"`
	Caseworker   string     `bun:"caseworker"`
	Text         string     `bun:"text"`
	Status       string     `bun:"status"`
	CancelledBy  *string    `bun:"cancelled_by"`
	Participants string     `bun:"participants"`
	Agreements   string     `bun:"agreements"`
	Invited      bool       `bun:"invited"`
	AcceptedAt   *time.Time `bun:"accepted_at"`
	Booked       bool       `bun:"booked"`
	Version      int        `bun:"version"`
}

func (r meetingRow) meeting() shared.Meeting {
	m := shared.Meeting{ID: r.ID, Org: r.Org, OrgKind: shared.OrgKind(r.OrgKind), OrgName: r.OrgName,
		TypeCode: r.TypeCode, Type: r.TypeName, Form: r.Form, Start: r.StartsAt, End: r.EndsAt,
		Place: r.Place, Phone: r.Phone, Caseworker: r.Caseworker, Text: r.Text,
		Status: shared.MeetingStatus(r.Status), Participants: r.Participants, Agreements: r.Agreements,
		Invited: r.Invited && r.AcceptedAt == nil, Booked: r.Booked, Version: r.Version}
	if r.CancelledBy != nil {
		m.CancelledBy = *r.CancelledBy
	}
	return m
}

const meetingSelect = `SELECT m.id, m.org, o.kind AS org_kind, o.name AS org_name, m.type_code, m.type_name,
	m.form, m.starts_at, m.ends_at, m.place, m.phone, m.caseworker, m.text, m.status, m.cancelled_by,
	m.participants, m.agreements, m.invited, m.accepted_at, m.slot_id IS NOT NULL AS booked, m.version
	FROM meetings m JOIN organisations o ON o.code = m.org`

// MeetingsBetween are the citizen's meetings that start in [from, to),
// in every status, the earliest first. The Møder page, the calendar and
// the calendar feed read their meetings here.
func (c Citizen) MeetingsBetween(ctx context.Context, from, to time.Time) ([]shared.Meeting, error) {
	var rows []meetingRow
	if err := c.db.NewRaw(meetingSelect+` WHERE m.citizen_id = ? AND m.starts_at >= ? AND m.starts_at < ?
		ORDER BY m.starts_at, m.id`, c.id, from, to).Scan(ctx, &rows); err != nil {
		return nil, err
	}
	out := make([]shared.Meeting, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.meeting())
	}
	return out, nil
}

type deadlineRow struct {
	ID        int64     `bun:"id"`
	Org       string    `bun:"org"`
	Due       time.Time `bun:"due"`
	TypeCodes []string  `bun:"type_codes,array"`
	MetBy     *int64    `bun:"met_by"`
}

// Deadlines are the citizen's booking deadlines that are not withdrawn,
// the earliest first, met or open.
func (c Citizen) Deadlines(ctx context.Context) ([]shared.Deadline, error) {
	var rows []deadlineRow
	if err := c.db.NewRaw(`SELECT id, org, due, type_codes, met_by FROM meeting_deadlines
		WHERE citizen_id = ? AND NOT withdrawn ORDER BY due, id`, c.id).Scan(ctx, &rows); err != nil {
		return nil, err
	}
	out := make([]shared.Deadline, 0, len(rows))
	for _, r := range rows {
		d := shared.Deadline{ID: r.ID, Org: r.Org, Due: shared.DateOf(r.Due), TypeCodes: r.TypeCodes}
		if r.MetBy != nil {
			d.Met = *r.MetBy
		}
		out = append(out, d)
	}
	return out, nil
}

// ---- Møder: the case systems' meetings, meld afbud, invitations ----

// MeetingIn is a meeting as a case system sends it (ingestv1.Meeting).
type MeetingIn struct {
	OriginID     string
	TypeCode     string
	Type         string
	Form         string
	Start, End   time.Time
	Place        string
	Phone        string
	Caseworker   string
	Text         string
	Status       shared.MeetingStatus
	Participants string
	Agreements   string
	Invitation   bool
}

// JobnetOriginPrefix starts the origin id of a meeting booked in Jobnet:
// "jobnet-<id>", by which its case system updates it.
const JobnetOriginPrefix = "jobnet-"

// IngestMeeting creates or updates the organisation's meeting in.OriginID
// with the citizen, as of now: every field as sent, the version one up on
// an update. A cancellation by the case system is the organisation's
// (cancelled_by 'org'), unless the citizen had already cancelled it; a
// meeting the citizen cancelled and the case system plans again is theirs
// again, and a deadline the meeting met is open again once it is
// cancelled. A call-in already acknowledged stays acknowledged. An id that is
// another citizen's meeting is a conflict; a "jobnet-" id must be a
// meeting booked in Jobnet, never a new one.
func (c Citizen) IngestMeeting(ctx context.Context, org string, in MeetingIn, now time.Time) error {
	var id int64
	var citizen int64
	err := c.db.NewRaw(`SELECT id, citizen_id FROM meetings WHERE org = ? AND origin_id = ? FOR UPDATE`, org, in.OriginID).Scan(ctx, &id, &citizen)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if strings.HasPrefix(in.OriginID, JobnetOriginPrefix) {
			return &shared.Error{Code: shared.ENotFound, Message: "Mødet findes ikke.",
				Fields: []shared.FieldError{{Field: "meeting_id", Message: "Der er ikke booket et møde på Jobnet med dette id."}}}
		}
		var cancelledBy *string
		if in.Status == shared.MeetingCancelled {
			s := "org"
			cancelledBy = &s
		}
		_, err := c.db.NewRaw(`INSERT INTO meetings (citizen_id, org, origin_id, type_code, type_name, form, starts_at, ends_at,
			place, phone, caseworker, text, status, cancelled_by, participants, agreements, invited, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.id, org, in.OriginID, in.TypeCode, in.Type, in.Form, in.Start, in.End, in.Place, in.Phone, in.Caseworker, in.Text,
			string(in.Status), cancelledBy, in.Participants, in.Agreements, in.Invitation, now).Exec(ctx)
		return err
	case err != nil:
		return err
	case citizen != c.id:
		return &shared.Error{Code: shared.EConflict, Message: "Mødet er en anden borgers.",
			Fields: []shared.FieldError{{Field: "meeting_id", Message: "Et møde med dette id er sendt for en anden borger."}}}
	}
	_, err = c.db.NewRaw(`UPDATE meetings SET type_code = ?, type_name = ?, form = ?, starts_at = ?, ends_at = ?, place = ?,
		phone = ?, caseworker = ?, text = ?, status = ?,
		cancelled_by = CASE WHEN ? = 'cancelled' THEN coalesce(cancelled_by, 'org') END,
		participants = ?, agreements = ?, invited = ?, version = version + 1, updated_at = ?
		WHERE id = ?`,
		in.TypeCode, in.Type, in.Form, in.Start, in.End, in.Place, in.Phone, in.Caseworker, in.Text, string(in.Status),
		string(in.Status), in.Participants, in.Agreements, in.Invitation, now, id).Exec(ctx)
	if isUniqueViolation(err) {
		// Planned again, on a slot someone else booked meanwhile.
		return &shared.Error{Code: shared.EConflict, Message: "Mødets tid er booket af en anden borger.",
			Fields: []shared.FieldError{{Field: "status", Message: "Tiden er booket af en anden, efter borgeren meldte afbud."}}}
	}
	if err != nil || in.Status != shared.MeetingCancelled {
		return err
	}
	// A cancelled meeting meets no deadline: the citizen must book again,
	// as after their own afbud.
	_, err = c.db.NewRaw(`UPDATE meeting_deadlines SET met_by = NULL WHERE met_by = ?`, id).Exec(ctx)
	return err
}

// Meeting is one of the citizen's meetings, in any status.
func (c Citizen) Meeting(ctx context.Context, id int64) (shared.Meeting, error) {
	var r meetingRow
	err := c.db.NewRaw(meetingSelect+` WHERE m.citizen_id = ? AND m.id = ?`, c.id, id).Scan(ctx, &r)
	if errors.Is(err, sql.ErrNoRows) {
		return shared.Meeting{}, shared.ErrMeetingNotFound()
	}
	return r.meeting(), err
}

// MeetingsPage is the Møder page on now (Danish time loc): the meetings
// from today on that the list shows (shared.MeetingShown; there is no far
// bound: a call-in months ahead is still the citizen's to know), and the
// earliest open deadline, passed or not. Duties is the caller's, from the
// forløb.
func (c Citizen) MeetingsPage(ctx context.Context, now time.Time, loc *time.Location) (shared.Meetings, error) {
	t := now.In(loc)
	midnight := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
	all, err := c.MeetingsBetween(ctx, midnight, time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		return shared.Meetings{}, err
	}
	out := shared.Meetings{Meetings: make([]shared.Meeting, 0, len(all))}
	for _, m := range all {
		if shared.MeetingShown(m, now, loc) {
			out.Meetings = append(out.Meetings, m)
		}
	}
	ds, err := c.Deadlines(ctx)
	if err != nil {
		return shared.Meetings{}, err
	}
	for _, d := range ds {
		if d.Open() {
			out.Deadline = &d
			break
		}
	}
	return out, nil
}

// CancelMeeting is the citizen's "Meld afbud" at now, in one transaction:
// the meeting is cancelled by the citizen (which frees its slot: the index
// meetings_slot_once counts only meetings not cancelled), a deadline it
// met is open again, and a 'cancelled' event waits for the case system.
// Only a meeting booked in Jobnet that has not begun may be cancelled
// (shared.MayCancel).
func (c Citizen) CancelMeeting(ctx context.Context, id int64, now time.Time) (shared.Meeting, error) {
	var out shared.Meeting
	err := c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		var r meetingRow
		err := c.db.NewRaw(meetingSelect+` WHERE m.citizen_id = ? AND m.id = ? FOR UPDATE OF m`, c.id, id).Scan(ctx, &r)
		if errors.Is(err, sql.ErrNoRows) {
			return shared.ErrMeetingNotFound()
		}
		if err != nil {
			return err
		}
		m := r.meeting()
		switch {
		case m.Status == shared.MeetingCancelled:
			return shared.Errorf(shared.EConflict, shared.MsgCancelDone)
		case !m.Booked:
			return shared.Errorf(shared.EConflict, shared.MsgCancelNotBooked)
		case !shared.MayCancel(m, now):
			return shared.Errorf(shared.EConflict, shared.MsgCancelStarted)
		}
		if _, err := c.cancelByCitizen(ctx, id, now); err != nil {
			return err
		}
		if _, err := c.db.NewRaw(`UPDATE meeting_deadlines SET met_by = NULL WHERE met_by = ?`, id).Exec(ctx); err != nil {
			return err
		}
		out, err = c.Meeting(ctx, id)
		return err
	})
	return out, err
}

// AcceptInvitation is the citizen's OK to a call-in at now, in one
// transaction: acknowledged once, logged as 'accepted' for the case
// system. It answers the receipt: the offer's receipt text when the
// meeting was booked from one, else shared.InvitationReceiptText. OK to a
// call-in already acknowledged answers the receipt again and changes
// nothing.
func (c Citizen) AcceptInvitation(ctx context.Context, id int64, now time.Time) (shared.BookingReceipt, error) {
	var out shared.BookingReceipt
	err := c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		var invited, accepted bool
		var org, receipt string
		err := c.db.NewRaw(`SELECT m.invited, m.accepted_at IS NOT NULL, m.org, coalesce(o.receipt_text, '')
			FROM meetings m LEFT JOIN meeting_slots s ON s.id = m.slot_id LEFT JOIN meeting_offers o ON o.id = s.offer_id
			WHERE m.citizen_id = ? AND m.id = ? FOR UPDATE OF m`, c.id, id).Scan(ctx, &invited, &accepted, &org, &receipt)
		if errors.Is(err, sql.ErrNoRows) {
			return shared.ErrMeetingNotFound()
		}
		if err != nil {
			return err
		}
		if !invited {
			return shared.Errorf(shared.EConflict, shared.MsgNotInvitation)
		}
		if !accepted {
			if _, err := c.db.NewRaw(`UPDATE meetings SET accepted_at = ?, version = version + 1, updated_at = ? WHERE id = ?`,
				now, now, id).Exec(ctx); err != nil {
				return err
			}
			if err := c.logMeetingEvent(ctx, org, id, "accepted", now); err != nil {
				return err
			}
		}
		m, err := c.Meeting(ctx, id)
		out = shared.BookingReceipt{Meeting: m, Text: cmp.Or(receipt, shared.InvitationReceiptText)}
		return err
	})
	return out, err
}

// cancelByCitizen cancels the citizen's meeting booked in Jobnet that
// has not begun on now (shared.MayCancel) — their afbud, or the meeting a
// rebooking replaces —, which frees its slot (the index meetings_slot_once
// counts only meetings not cancelled), and queues the 'cancelled' event
// for the case system. False when there is no such meeting. What becomes
// of a deadline it met is the caller's.
func (c Citizen) cancelByCitizen(ctx context.Context, id int64, now time.Time) (bool, error) {
	var orgs []string
	if err := c.db.NewRaw(`UPDATE meetings SET status = 'cancelled', cancelled_by = 'citizen', version = version + 1, updated_at = ?
		WHERE id = ? AND citizen_id = ? AND slot_id IS NOT NULL AND status = 'planned' AND starts_at > ? RETURNING org`,
		now, id, c.id, now).Scan(ctx, &orgs); err != nil && !isNoRows(err) {
		return false, err
	}
	if len(orgs) == 0 {
		return false, nil
	}
	return true, c.logMeetingEvent(ctx, orgs[0], id, "cancelled", now)
}

// logMeetingEvent queues what happened to the meeting for its
// organisation's case system (GET /api/ingest/v1/meeting-events).
func (c Citizen) logMeetingEvent(ctx context.Context, org string, meetingID int64, kind string, now time.Time) error {
	_, err := c.db.NewRaw(`INSERT INTO meeting_events (citizen_id, org, meeting_id, kind, at) VALUES (?, ?, ?, ?, ?)`,
		c.id, org, meetingID, kind, now).Exec(ctx)
	return err
}

// MeetingEventSent is one event for the organisation's case system.
type MeetingEventSent struct {
	Seq      int64     `bun:"seq"`
	Kind     string    `bun:"kind"`
	OriginID string    `bun:"origin_id"`
	CPR      string    `bun:"cpr"`
	TypeCode string    `bun:"type_code"`
	StartsAt time.Time `bun:"starts_at"`
	EndsAt   time.Time `bun:"ends_at"`
	At       time.Time `bun:"at"`
}

// MeetingEvents are the events of the organisation's meetings with a
// sequence number after after, logged until until (see
// EducationAnswersSent for why), in order, at most limit. The meeting's
// times are those it has now.
func (s *Store) MeetingEvents(ctx context.Context, org string, after int64, until time.Time, limit int) ([]MeetingEventSent, error) {
	out := []MeetingEventSent{}
	err := s.db.NewRaw(`SELECT e.seq, e.kind, m.origin_id, c.cpr, m.type_code, m.starts_at, m.ends_at, e.at
		FROM meeting_events e JOIN meetings m ON m.id = e.meeting_id JOIN citizens c ON c.id = m.citizen_id
		WHERE e.org = ? AND e.seq > ? AND e.at <= ? ORDER BY e.seq LIMIT ?`, org, after, until, limit).Scan(ctx, &out)
	return out, err
}

// ---- The reminder two days before ----

// MeetingReminderDays is how many days before its day a meeting is
// reminded of, and MeetingReminderHour the hour (Danish time) the daily
// run sends: the morning, so the citizen has two whole days to plan or to
// meld afbud.
const (
	MeetingReminderDays = 2
	MeetingReminderHour = 7
)

// RemindMeetings mails a reminder of every planned meeting on the day
// MeetingReminderDays after now's (in now's location) to the citizens who
// subscribe to "Møder og pligter" (CampaignMoederOgPligter, the address
// they gave), once per meeting (reminded_at): each meeting in a
// transaction of its own that marks it and enqueues its mail, so a second
// run, or one on another worker at once, sends nothing twice. A meeting
// booked or moved onto that day after the run is not reminded (the
// booking's receipt told the citizen). publicURL is the portal's address
// for the mail's link. A citizen who gets the campaign by SMS gets the
// reminder as an SMS too (Brugerprofil). It returns how many meetings it
// reminded.
func (s *Store) RemindMeetings(ctx context.Context, publicURL string, now time.Time) (int, error) {
	day := shared.DateOf(now).AddDays(MeetingReminderDays)
	from := time.Date(day.Year, day.Month, day.Day, 0, 0, 0, 0, now.Location())
	var due []struct {
		ID        int64 `bun:"id"`
		CitizenID int64 `bun:"citizen_id"`
	}
	if err := s.db.NewRaw(`SELECT m.id, m.citizen_id FROM meetings m
		WHERE m.status = 'planned' AND m.reminded_at IS NULL AND m.starts_at >= ? AND m.starts_at < ?
		AND (EXISTS (SELECT 1 FROM mail_subscriptions s JOIN contact_details cd ON cd.citizen_id = s.citizen_id AND cd.email <> ''
				WHERE s.citizen_id = m.citizen_id AND s.campaign = ?)
			OR EXISTS (SELECT 1 FROM sms_subscriptions s JOIN contact_details cd ON cd.citizen_id = s.citizen_id AND cd.phone <> ''
				WHERE s.citizen_id = m.citizen_id AND s.campaign = ?))
		ORDER BY m.starts_at, m.id`, from, from.AddDate(0, 0, 1), CampaignMoederOgPligter, CampaignMoederOgPligter).Scan(ctx, &due); err != nil {
		return 0, err
	}
	sent := 0
	for _, d := range due {
		err := s.Citizen(d.CitizenID).InTx(ctx, func(ctx context.Context, c Citizen) error {
			res, err := c.db.NewRaw(`UPDATE meetings SET reminded_at = ? WHERE id = ? AND citizen_id = ? AND reminded_at IS NULL AND status = 'planned'`,
				now, d.ID, c.id).Exec(ctx)
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil || n == 0 {
				return err // reminded meanwhile, or cancelled
			}
			m, err := c.Meeting(ctx, d.ID)
			if err != nil {
				return err
			}
			when := shared.MeetingWhen(m.Start, m.End, now.Location())
			// By SMS to a citizen who gets Møder og pligter so (Brugerprofil).
			if err := c.noticeBySMS(ctx, CampaignMoederOgPligter, SMSMeetingReminder,
				"Jobnet: Husk dit møde "+when+". Se dine møder på "+publicURL+shared.PageMeetings, now); err != nil {
				return err
			}
			email, err := c.MailSubscription(ctx, CampaignMoederOgPligter)
			if IsNotFound(err) {
				sent++ // by SMS only
				return nil
			}
			if err != nil {
				return err
			}
			var name string
			if err := c.db.NewSelect().Table("citizens").Column("name").Where("id = ?", c.id).Scan(ctx, &name); err != nil {
				return notFound(err, "Borgeren")
			}
			msg, err := mail.Letter{Kind: mail.KindMeetingReminder, Lang: mail.Danish, To: email,
				Data: mail.MeetingReminderData{Name: name, Heading: shared.MeetingOfOrg(m.OrgKind),
					When: when, Type: m.Type, Form: m.Form, Place: m.Place,
					Phone: m.Phone, MeetingsURL: publicURL + shared.PageMeetings}}.Message()
			if err != nil {
				return err
			}
			if _, err := c.EnqueueMail(ctx, msg, now); err != nil {
				return err
			}
			sent++
			return nil
		})
		if err != nil {
			return sent, fmt.Errorf("storage: the reminder of meeting %d: %w", d.ID, err)
		}
	}
	return sent, nil
}
