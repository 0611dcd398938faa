package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"jobnet/shared"
)

// Selvbooking (SPEC D4, F): the online offers and their times, the
// deadlines and the rights texts the case systems and STAR publish, and
// the citizen's booking. A slot is never booked twice: the booking inserts
// its meeting and the partial unique index meetings_slot_once refuses a
// second (migrations/022); nothing here reads first to decide it.

// OfferIn is an online offer as its case system sends it, with its times.
type OfferIn struct {
	OriginID         string
	TypeCode         string
	TypeName         string
	Description      string
	Minutes          int
	Form             string
	ChooseCaseworker bool
	Kontaktgrupper   []int
	AgeMin, AgeMax   int // 0: no bound
	ReceiptText      string
	Place            string
	Slots            []SlotIn
}

// SlotIn is one time of an offer.
type SlotIn struct {
	OriginID   string
	Caseworker string
	Start      time.Time
}

// IngestOrg applies a case system's message that names no citizen (an
// offer, a rights text) in one transaction with the claim of its message
// id, as Ingest does for a citizen's: a retry changes nothing.
func (s *Store) IngestOrg(ctx context.Context, m Message, apply func(ctx context.Context, db bun.IDB) error) (duplicate bool, err error) {
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		dup, err := claimMessage(ctx, tx, m)
		if err != nil || dup {
			duplicate = dup
			return err
		}
		return apply(ctx, tx)
	})
	return duplicate, err
}

// PutOffer creates or replaces the organisation's offer and its times. A
// time that is booked is never removed or moved: it keeps its start and
// caseworker whatever the new list says. A time missing from the new list
// is withdrawn (no longer offered); a booked one keeps its meeting. The
// offer's and its times' rows are locked first, so that a booking racing
// the replacement either finds its time withdrawn or holds it.
func PutOffer(ctx context.Context, db bun.IDB, org string, in OfferIn) error {
	var ageMin, ageMax *int
	if in.AgeMin > 0 {
		ageMin = &in.AgeMin
	}
	if in.AgeMax > 0 {
		ageMax = &in.AgeMax
	}
	groups := in.Kontaktgrupper
	if groups == nil {
		groups = []int{}
	}
	var offerID int64
	if err := db.NewRaw(`INSERT INTO meeting_offers (org, origin_id, type_code, type_name, description, minutes, form,
			choose_caseworker, kontaktgrupper, age_min, age_max, receipt_text, place, withdrawn)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)
		ON CONFLICT (org, origin_id) DO UPDATE SET type_code = EXCLUDED.type_code, type_name = EXCLUDED.type_name,
			description = EXCLUDED.description, minutes = EXCLUDED.minutes, form = EXCLUDED.form,
			choose_caseworker = EXCLUDED.choose_caseworker, kontaktgrupper = EXCLUDED.kontaktgrupper,
			age_min = EXCLUDED.age_min, age_max = EXCLUDED.age_max, receipt_text = EXCLUDED.receipt_text,
			place = EXCLUDED.place, withdrawn = false
		RETURNING id`, org, in.OriginID, in.TypeCode, in.TypeName, in.Description, in.Minutes, in.Form,
		in.ChooseCaseworker, pgdialect.Array(groups), ageMin, ageMax, in.ReceiptText, in.Place).Scan(ctx, &offerID); err != nil {
		return err
	}
	// Lock the offer's times before judging which are booked: each later
	// statement reads the bookings committed by then.
	if _, err := db.NewRaw(`SELECT id FROM meeting_slots WHERE offer_id = ? ORDER BY id FOR UPDATE`, offerID).Exec(ctx); err != nil {
		return err
	}
	origins, caseworkers, starts := make([]string, len(in.Slots)), make([]string, len(in.Slots)), make([]time.Time, len(in.Slots))
	for i, sl := range in.Slots {
		origins[i], caseworkers[i], starts[i] = sl.OriginID, sl.Caseworker, sl.Start
	}
	if _, err := db.NewRaw(`INSERT INTO meeting_slots (offer_id, origin_id, caseworker, starts_at)
		SELECT ?, o, c, s FROM unnest(?::text[], ?::text[], ?::timestamptz[]) AS t (o, c, s)
		ON CONFLICT (offer_id, origin_id) DO UPDATE
			SET caseworker = EXCLUDED.caseworker, starts_at = EXCLUDED.starts_at, withdrawn = false
			WHERE NOT EXISTS (SELECT 1 FROM meetings m WHERE m.slot_id = meeting_slots.id AND m.status <> 'cancelled')`,
		offerID, pgdialect.Array(origins), pgdialect.Array(caseworkers), pgdialect.Array(starts)).Exec(ctx); err != nil {
		return err
	}
	_, err := db.NewRaw(`UPDATE meeting_slots SET withdrawn = true WHERE offer_id = ? AND NOT withdrawn AND origin_id <> ALL (?::text[])`,
		offerID, pgdialect.Array(origins)).Exec(ctx)
	return err
}

// WithdrawOffer takes the organisation's offer off the booking flow; its
// booked meetings stay.
func WithdrawOffer(ctx context.Context, db bun.IDB, org, originID string) error {
	res, err := db.NewRaw(`UPDATE meeting_offers SET withdrawn = true WHERE org = ? AND origin_id = ?`, org, originID).Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return cmpErr(err, &shared.Error{Code: shared.ENotFound, Message: "Mødetilbuddet findes ikke.",
			Fields: []shared.FieldError{{Field: "offer_id", Message: "Mødetilbuddet findes ikke."}}})
	}
	return nil
}

// PutRights sets STAR's rights-and-duties text for a kontaktgruppe (0:
// every group) and a meeting type ("": every type).
func PutRights(ctx context.Context, db bun.IDB, kg int, typeCode string, sections []shared.RightsSection) error {
	b, err := json.Marshal(sections)
	if err != nil {
		return err
	}
	_, err = db.NewRaw(`INSERT INTO meeting_rights (kontaktgruppe, type_code, sections) VALUES (?, ?, ?::jsonb)
		ON CONFLICT (kontaktgruppe, type_code) DO UPDATE SET sections = EXCLUDED.sections`, kg, typeCode, string(b)).Exec(ctx)
	return err
}

// PutDeadline creates or changes the organisation's deadline originID for
// the citizen; a met deadline keeps the meeting that met it.
func (c Citizen) PutDeadline(ctx context.Context, org, originID string, due shared.Date, typeCodes []string) error {
	res, err := c.db.NewRaw(`INSERT INTO meeting_deadlines (citizen_id, org, origin_id, due, type_codes) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (org, origin_id) DO UPDATE SET due = EXCLUDED.due, type_codes = EXCLUDED.type_codes, withdrawn = false
		WHERE meeting_deadlines.citizen_id = EXCLUDED.citizen_id`,
		c.id, org, originID, timeOfDate(due), pgdialect.Array(typeCodes)).Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return cmpErr(err, &shared.Error{Code: shared.EConflict, Message: "Oplysningerne er ikke udfyldt korrekt.",
			Fields: []shared.FieldError{{Field: "deadline_id", Message: "Fristens id er allerede brugt til en anden borger."}}})
	}
	return nil
}

// WithdrawDeadline takes the organisation's deadline originID back.
func (c Citizen) WithdrawDeadline(ctx context.Context, org, originID string) error {
	res, err := c.db.NewRaw(`UPDATE meeting_deadlines SET withdrawn = true WHERE citizen_id = ? AND org = ? AND origin_id = ?`,
		c.id, org, originID).Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return cmpErr(err, &shared.Error{Code: shared.ENotFound, Message: "Fristen findes ikke.",
			Fields: []shared.FieldError{{Field: "deadline_id", Message: "Fristen findes ikke for borgeren."}}})
	}
	return nil
}

// BookableOffer is an offer with what the flow needs besides the wire's
// fields: who may book it, its receipt text and its place.
type BookableOffer struct {
	shared.MeetingOffer
	Audience    shared.OfferAudience
	ReceiptText string
	Place       string
}

type offerRow struct {
	ID               int64  `bun:"id"`
	Org              string `bun:"org"`
	OrgName          string `bun:"org_name"`
	TypeCode         string `bun:"type_code"`
	TypeName         string `bun:"type_name"`
	Description      string `bun:"description"`
	Minutes          int    `bun:"minutes"`
	Form             string `bun:"form"`
	ChooseCaseworker bool   `bun:"choose_caseworker"`
	Kontaktgrupper   []int  `bun:"kontaktgrupper,array"`
	AgeMin           int    `bun:"age_min"`
	AgeMax           int    `bun:"age_max"`
	ReceiptText      string `bun:"receipt_text"`
	Place            string `bun:"place"`
}

func (r offerRow) offer() BookableOffer {
	return BookableOffer{
		MeetingOffer: shared.MeetingOffer{ID: r.ID, Org: r.Org, OrgName: r.OrgName, TypeCode: r.TypeCode, Type: r.TypeName,
			Description: r.Description, Minutes: r.Minutes, Form: r.Form, ChooseCaseworker: r.ChooseCaseworker},
		Audience:    shared.OfferAudience{Kontaktgrupper: r.Kontaktgrupper, AgeMin: r.AgeMin, AgeMax: r.AgeMax},
		ReceiptText: r.ReceiptText, Place: r.Place}
}

const offerSelect = `SELECT o.id, o.org, g.name AS org_name, o.type_code, o.type_name, o.description, o.minutes, o.form,
	o.choose_caseworker, o.kontaktgrupper, coalesce(o.age_min, 0) AS age_min, coalesce(o.age_max, 0) AS age_max,
	o.receipt_text, o.place
	FROM meeting_offers o JOIN organisations g ON g.code = o.org`

// freeSlot is the condition of a slot of offer o that can be booked in
// [?, ?): offered and held by no meeting that is not cancelled.
const freeSlot = `NOT s.withdrawn AND s.starts_at > ? AND s.starts_at < ?
	AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.slot_id = s.id AND m.status <> 'cancelled')`

// BookableOffers are the offers of orgs that are not withdrawn and have a
// free time in [from, to): the jobcenter's first, then by name. Who may
// book which is the caller's judgement (shared.OfferAudience).
func (c Citizen) BookableOffers(ctx context.Context, orgs []string, from, to time.Time) ([]BookableOffer, error) {
	var rows []offerRow
	if err := c.db.NewRaw(offerSelect+` WHERE o.org = ANY (?) AND NOT o.withdrawn
		AND EXISTS (SELECT 1 FROM meeting_slots s WHERE s.offer_id = o.id AND `+freeSlot+`)
		ORDER BY g.kind = 'akasse', o.type_name, o.id`, pgdialect.Array(orgs), from, to).Scan(ctx, &rows); err != nil {
		return nil, err
	}
	out := make([]BookableOffer, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.offer())
	}
	return out, nil
}

// Offer is one offer of orgs that is not withdrawn.
func (c Citizen) Offer(ctx context.Context, orgs []string, id int64) (BookableOffer, error) {
	var r offerRow
	err := c.db.NewRaw(offerSelect+` WHERE o.id = ? AND o.org = ANY (?) AND NOT o.withdrawn`, id, pgdialect.Array(orgs)).Scan(ctx, &r)
	if isNoRows(err) {
		return BookableOffer{}, shared.ErrOfferNotFound()
	}
	return r.offer(), err
}

// FreeSlots are the offer's free times in [from, to), the soonest first,
// at most limit.
func (c Citizen) FreeSlots(ctx context.Context, offerID int64, from, to time.Time, limit int) ([]shared.MeetingSlot, error) {
	out := []shared.MeetingSlot{}
	rows, err := preparedRows(ctx, c.db, `SELECT s.id, s.caseworker, s.starts_at FROM meeting_slots s
		WHERE s.offer_id = $1 AND NOT s.withdrawn AND s.starts_at > $2 AND s.starts_at < $3
		AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.slot_id = s.id AND m.status <> 'cancelled')
		ORDER BY s.starts_at, s.caseworker, s.id LIMIT $4`, offerID, from, to, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var s shared.MeetingSlot
		if err := rows.Scan(&s.ID, &s.Caseworker, &s.Start); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Rights is the rights text for the kontaktgruppe and meeting type, by
// shared.RightsKeys; shared.DefaultRights when STAR has published none.
func (c Citizen) Rights(ctx context.Context, kg int, typeCode string) ([]shared.RightsSection, error) {
	for _, k := range shared.RightsKeys(kg, typeCode) {
		var raw []byte
		err := c.db.NewRaw(`SELECT sections::text FROM meeting_rights WHERE kontaktgruppe = ? AND type_code = ?`,
			k.Kontaktgruppe, k.TypeCode).Scan(ctx, &raw)
		if isNoRows(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		var sections []shared.RightsSection
		return sections, json.Unmarshal(raw, &sections)
	}
	return shared.DefaultRights, nil
}

// Booking is what the citizen books: a slot, the meeting it replaces
// (0: none), the straksbooking flow, and the caller's judgements — the
// organisations whose offers the citizen sees, who may book an offer, and
// the deadlines it meets.
type Booking struct {
	SlotID, Rebook int64
	Straks         bool
	Orgs           []string
	Admits         func(shared.OfferAudience) bool
	Now            time.Time
	Today          shared.Date
}

// ErrSlotTaken is the database's refusal of a second booking of a slot:
// the partial unique index meetings_slot_once. The offer is the slot's,
// for the next free times.
type ErrSlotTaken struct {
	OfferID int64
	// Gone: the slot was withdrawn or had begun, no race.
	Gone bool
}

func (e *ErrSlotTaken) Error() string { return "storage: the slot is taken" }

// Book books the slot in one transaction: the slot must still be offered
// (not withdrawn, not begun, its offer one of Orgs' that the citizen may
// book); with Rebook, the citizen's own meeting booked in Jobnet, planned
// and not begun, is cancelled by the citizen first (its slot freed); the
// meeting is inserted, and the unique index decides a race (ErrSlotTaken);
// an open deadline of its type is met (shared.MeetsDeadlineOn), and a
// deadline the replaced meeting met passes to the new one when its type
// meets it, else opens again; the case systems' events are logged.
func (c Citizen) Book(ctx context.Context, b Booking) (meeting shared.Meeting, receiptText string, err error) {
	err = c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		var r offerRow
		var start time.Time
		var caseworker string
		err := c.db.NewRaw(`SELECT s.starts_at, s.caseworker, o.id, o.org, g.name AS org_name, o.type_code, o.type_name,
				o.description, o.minutes, o.form, o.choose_caseworker, o.kontaktgrupper, coalesce(o.age_min, 0) AS age_min,
				coalesce(o.age_max, 0) AS age_max, o.receipt_text, o.place
			FROM meeting_slots s JOIN meeting_offers o ON o.id = s.offer_id JOIN organisations g ON g.code = o.org
			WHERE s.id = ? AND NOT s.withdrawn AND NOT o.withdrawn
			FOR SHARE OF s, o`, b.SlotID).Scan(ctx, &start, &caseworker, &r.ID, &r.Org, &r.OrgName, &r.TypeCode, &r.TypeName,
			&r.Description, &r.Minutes, &r.Form, &r.ChooseCaseworker, pgdialect.Array(&r.Kontaktgrupper), &r.AgeMin, &r.AgeMax,
			&r.ReceiptText, &r.Place)
		if isNoRows(err) {
			var offerID int64
			if e := c.db.NewRaw(`SELECT offer_id FROM meeting_slots WHERE id = ?`, b.SlotID).Scan(ctx, &offerID); e != nil && !isNoRows(e) {
				return e
			}
			return &ErrSlotTaken{OfferID: offerID, Gone: true}
		}
		if err != nil {
			return err
		}
		o := r.offer()
		if !slices.Contains(b.Orgs, o.Org) || !b.Admits(o.Audience) {
			return shared.ErrOfferNotFound()
		}
		if !start.After(b.Now) {
			return &ErrSlotTaken{OfferID: o.ID, Gone: true}
		}
		if b.Rebook != 0 {
			if ok, err := c.cancelByCitizen(ctx, b.Rebook, b.Now); err != nil || !ok {
				return cmpErr(err, shared.ErrRebookNotFound())
			}
		}
		var id int64
		err = c.db.NewRaw(`WITH n AS (SELECT nextval(pg_get_serial_sequence('meetings', 'id')) AS id)
			INSERT INTO meetings (id, citizen_id, org, origin_id, type_code, type_name, form, starts_at, ends_at, place, caseworker,
				slot_id, updated_at)
			SELECT n.id, ?, ?, 'jobnet-' || n.id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM n RETURNING id`,
			c.id, o.Org, o.TypeCode, o.Type, o.Form, start, start.Add(time.Duration(o.Minutes)*time.Minute), o.Place, caseworker,
			b.SlotID, b.Now).Scan(ctx, &id)
		if isUniqueViolation(err) {
			return &ErrSlotTaken{OfferID: o.ID}
		}
		if err != nil {
			return err
		}
		if err := c.meetDeadline(ctx, b, id, o.TypeCode); err != nil {
			return err
		}
		if err := c.logMeetingEvent(ctx, o.Org, id, "booked", b.Now); err != nil {
			return err
		}
		if receiptText = o.ReceiptText; receiptText == "" {
			receiptText = shared.DefaultReceiptText
		}
		meeting, err = c.Meeting(ctx, id)
		return err
	})
	return meeting, receiptText, err
}

// meetDeadline marks the deadline the new meeting id (of typeCode) meets:
// the one the replaced meeting met, if the new type meets it too (the
// citizen booked in time), else the earliest open one it meets now. A
// deadline the replaced meeting met and the new one does not opens again.
func (c Citizen) meetDeadline(ctx context.Context, b Booking, id int64, typeCode string) error {
	var met *int64
	if b.Rebook != 0 {
		var moved []int64
		if err := c.db.NewRaw(`UPDATE meeting_deadlines SET met_by = CASE WHEN ? = ANY (type_codes) THEN ?::bigint END
			WHERE citizen_id = ? AND met_by = ? RETURNING CASE WHEN met_by IS NULL THEN 0 ELSE id END`,
			typeCode, id, c.id, b.Rebook).Scan(ctx, &moved); err != nil && !isNoRows(err) {
			return err
		}
		for _, d := range moved {
			if d != 0 {
				met = &d
			}
		}
	}
	if met == nil {
		ds, err := c.Deadlines(ctx)
		if err != nil {
			return err
		}
		for _, d := range ds {
			if shared.MeetsDeadlineOn(d, typeCode, b.Today, b.Straks) {
				if _, err := c.db.NewRaw(`UPDATE meeting_deadlines SET met_by = ? WHERE id = ?`, id, d.ID).Exec(ctx); err != nil {
					return err
				}
				met = &d.ID
				break
			}
		}
	}
	if met == nil {
		return nil
	}
	_, err := c.db.NewRaw(`UPDATE meetings SET deadline_id = ? WHERE id = ?`, *met, id).Exec(ctx)
	return err
}

// BookedMeeting is the citizen's meeting booked in Jobnet that may be
// rebooked on now: planned and not begun.
func (c Citizen) BookedMeeting(ctx context.Context, id int64, now time.Time) (shared.Meeting, error) {
	var row meetingRow
	err := c.db.NewRaw(meetingSelect+` WHERE m.id = ? AND m.citizen_id = ? AND m.slot_id IS NOT NULL AND m.status = 'planned'
		AND m.starts_at > ?`, id, c.id, now).Scan(ctx, &row)
	if errors.Is(err, sql.ErrNoRows) {
		return shared.Meeting{}, shared.ErrRebookNotFound()
	}
	return row.meeting(), err
}

// PublishOffer is PutOffer in a transaction of its own, for the demo's
// planner (an ingested offer goes through IngestOrg).
func (s *Store) PublishOffer(ctx context.Context, org string, in OfferIn) error {
	return s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error { return PutOffer(ctx, tx, org, in) })
}

// PublishRights is PutRights on the store, for the demo.
func (s *Store) PublishRights(ctx context.Context, kg int, typeCode string, sections []shared.RightsSection) error {
	return PutRights(ctx, s.db, kg, typeCode, sections)
}
