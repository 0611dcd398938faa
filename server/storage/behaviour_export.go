package storage

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

// The anonymised export of the Jobsøgningsdata (SPEC E1; migration 039).
// STAR asks for a period's behaviour events; the scheduled job
// (jobs.BehaviourExportsArgs) writes each pending export's file: one JSON
// object per line (NDJSON), oldest event first:
//
//	{"borger":"b-3f9c…","session":"s-81aa…","kind":"Side åbnet","detail":"/min-plan","at":"2026-11-30T09:14:00Z"}
//
// "borger" and "session" are pseudonyms: HMAC-SHA256 of the citizen's id
// and of the session's hash, under a random key made for this export and
// never stored, cut to 16 hex digits. Within one file the same citizen
// (session) has the same pseudonym; across files they cannot be linked, and
// nobody — Jobnet included — can turn a pseudonym back into a person. The
// time is cut to the minute, so that an event cannot be matched to a
// server log's second. "detail" is as recorded: a page's path, a job ad's
// number, a search's query string (which holds what the citizen typed in
// the search box — STAR's research is told so in the README).

// BehaviourExportMaxDays is the longest period one export covers: a
// longer one is asked for in parts (its file is held in memory once).
const BehaviourExportMaxDays = 92

// BehaviourExportRow is one line of the file.
type BehaviourExportRow struct {
	Citizen string    `json:"borger"`
	Session string    `json:"session"`
	Kind    string    `json:"kind"`
	Detail  string    `json:"detail"`
	At      time.Time `json:"at"`
}

// BehaviourExportStatus is an export as STAR sees it.
type BehaviourExportStatus struct {
	ID        int64      `json:"id"`
	From      time.Time  `json:"from"`
	To        time.Time  `json:"to"`
	Requested time.Time  `json:"requested"`
	Finished  *time.Time `json:"finished,omitempty"`
	Events    int        `json:"events"`
	Citizens  int        `json:"citizens"`
}

// RequestBehaviourExport records STAR's request for [from, to); the
// scheduled job writes it.
func (s *Store) RequestBehaviourExport(ctx context.Context, org string, from, to, now time.Time) (BehaviourExportStatus, error) {
	switch {
	case from.IsZero() || to.IsZero():
		return BehaviourExportStatus{}, invalidAt("from", "Angiv en periode med fra og til.")
	case !to.After(from):
		return BehaviourExportStatus{}, invalidAt("to", "Til skal ligge efter fra.")
	case to.Sub(from) > BehaviourExportMaxDays*24*time.Hour:
		return BehaviourExportStatus{}, invalidAt("to",
			"Et udtræk dækker højst "+strconv.Itoa(BehaviourExportMaxDays)+" dage. Bestil en længere periode i flere dele.")
	}
	st := BehaviourExportStatus{From: from, To: to, Requested: now}
	err := prepared(ctx, s.db, `INSERT INTO behaviour_exports (requested_by, requested_at, from_at, to_at) VALUES ($1, $2, $3, $4) RETURNING id`,
		org, now, from, to).Scan(&st.ID)
	return st, err
}

// BehaviourExportFile is an export's status, and its file once written;
// an export of another organisation is not found.
func (s *Store) BehaviourExportFile(ctx context.Context, org string, id int64) (BehaviourExportStatus, []byte, error) {
	st := BehaviourExportStatus{ID: id}
	var finished sql.NullTime
	var events, citizens sql.NullInt64
	var content []byte
	err := prepared(ctx, s.db, `SELECT from_at, to_at, requested_at, finished_at, events, citizens, content
		FROM behaviour_exports WHERE id = $1 AND requested_by = $2`, id, org).
		Scan(&st.From, &st.To, &st.Requested, &finished, &events, &citizens, &content)
	if isNoRows(err) {
		return st, nil, shared.Errorf(shared.ENotFound, "Udtrækket findes ikke.")
	}
	if err != nil {
		return st, nil, err
	}
	if finished.Valid {
		st.Finished, st.Events, st.Citizens = &finished.Time, int(events.Int64), int(citizens.Int64)
	}
	return st, content, nil
}

// RunBehaviourExports writes every pending export, each with a key of its
// own, and returns how many it wrote. It is the scheduled job's work.
func (s *Store) RunBehaviourExports(ctx context.Context, now time.Time) (int, error) {
	done := 0
	for {
		key := make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return done, err
		}
		ok, err := s.runOneBehaviourExport(ctx, key, now)
		if err != nil || !ok {
			return done, err
		}
		done++
	}
}

// runOneBehaviourExport writes the oldest pending export, locked so that two
// workers never write the same one; false when none is pending.
func (s *Store) runOneBehaviourExport(ctx context.Context, key []byte, now time.Time) (bool, error) {
	wrote := false
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		var id int64
		var from, to time.Time
		err := prepared(ctx, tx, `SELECT id, from_at, to_at FROM behaviour_exports WHERE finished_at IS NULL
			ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`).Scan(&id, &from, &to)
		if isNoRows(err) {
			return nil
		}
		if err != nil {
			return err
		}
		rows, err := preparedRows(ctx, tx, `SELECT citizen_id, session_hash, kind, detail, at FROM behaviour_events
			WHERE at >= $1 AND at < $2 ORDER BY at, id`, from, to)
		if err != nil {
			return err
		}
		defer rows.Close()
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		p := newPseudonymiser(key)
		events := 0
		for rows.Next() {
			var cid int64
			var session []byte
			var r BehaviourExportRow
			if err := rows.Scan(&cid, &session, &r.Kind, &r.Detail, &r.At); err != nil {
				return err
			}
			r.Citizen = p.citizen(cid)
			r.Session = p.session(session)
			r.At = r.At.UTC().Truncate(time.Minute)
			if err := enc.Encode(r); err != nil {
				return err
			}
			events++
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		content := buf.Bytes()
		if content == nil {
			content = []byte{} // a period without events: an empty file, not none
		}
		// The file goes as a binary parameter ($n), not in the statement's
		// text: bun's ? would write it out in hex, twice its size.
		if err := prepared(ctx, tx, `UPDATE behaviour_exports SET finished_at = $1, events = $2, citizens = $3, content = $4
			WHERE id = $5 RETURNING id`, now, events, len(p.citizens), content, id).Scan(&id); err != nil {
			return err
		}
		wrote = true
		return nil
	})
	return wrote, err
}

// pseudonymiser makes one export's pseudonyms, each once: a citizen's
// and a session's events are many.
type pseudonymiser struct {
	key      []byte
	citizens map[int64]string
	sessions map[string]string
}

func newPseudonymiser(key []byte) *pseudonymiser {
	return &pseudonymiser{key: key, citizens: map[int64]string{}, sessions: map[string]string{}}
}

func (p *pseudonymiser) citizen(id int64) string {
	s, ok := p.citizens[id]
	if !ok {
		s = p.of("b-", []byte(strconv.FormatInt(id, 10)))
		p.citizens[id] = s
	}
	return s
}

func (p *pseudonymiser) session(hash []byte) string {
	s, ok := p.sessions[string(hash)]
	if !ok {
		s = p.of("s-", hash)
		p.sessions[string(hash)] = s
	}
	return s
}

func (p *pseudonymiser) of(prefix string, id []byte) string {
	m := hmac.New(sha256.New, p.key)
	m.Write([]byte(prefix))
	m.Write(id)
	return prefix + hex.EncodeToString(m.Sum(nil)[:8])
}

// invalidAt is a request's error at one field.
func invalidAt(field, msg string) error {
	e := shared.NewError(shared.EInvalid)
	e.Fields = []shared.FieldError{{Field: field, Message: msg}}
	return e
}
