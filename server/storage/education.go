package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

type educationRow struct {
	bun.BaseModel `bun:"table:education_answers,alias:e"`
	CitizenID     int64           `bun:"citizen_id,pk"`
	Step          int             `bun:"step,pk"`
	Data          json.RawMessage `bun:"data,type:jsonb"`
	SavedAt       time.Time       `bun:"saved_at"`
	SentData      json.RawMessage `bun:"sent_data,type:jsonb"`
	SentAt        *time.Time      `bun:"sent_at"`
	SentSeq       *int64          `bun:"sent_seq"`
}

// educationDocV1 is an answer as stored in education_answers.data and
// sent_data (see planDocV1 on document versions). Documents written before
// versions were named carry no "v" and may carry a "send" flag, which is
// not part of an answer and is ignored.
type educationDocV1 struct {
	V      int                   `json:"v"`
	Step   int                   `json:"step"`
	Wishes []educationWishDocV1  `json:"wishes"`
	Places []educationPlaceDocV1 `json:"places"`
	Reason string                `json:"reason"`
}

type educationWishDocV1 struct {
	Title string `json:"title"`
}

type educationPlaceDocV1 struct {
	Goal    string `json:"goal"`
	Name    string `json:"name"`
	Applied bool   `json:"applied"`
	Answer  string `json:"answer"`
}

func encodeEducation(a shared.EducationAnswer) ([]byte, error) {
	d := educationDocV1{V: 1, Step: a.Step, Reason: a.Reason,
		Wishes: make([]educationWishDocV1, 0, len(a.Wishes)), Places: make([]educationPlaceDocV1, 0, len(a.Places))}
	for _, w := range a.Wishes {
		d.Wishes = append(d.Wishes, educationWishDocV1{Title: w.Title})
	}
	for _, p := range a.Places {
		d.Places = append(d.Places, educationPlaceDocV1{Goal: p.Goal, Name: p.Name, Applied: p.Applied, Answer: string(p.Answer)})
	}
	return json.Marshal(d)
}

func decodeEducation(data []byte) (shared.EducationAnswer, error) {
	var d educationDocV1
	if err := json.Unmarshal(data, &d); err != nil {
		return shared.EducationAnswer{}, err
	}
	return d.answer()
}

// answer is the document as shared's type.
func (d educationDocV1) answer() (shared.EducationAnswer, error) {
	if d.V > 1 {
		return shared.EducationAnswer{}, fmt.Errorf("storage: education document version %d is newer than this server", d.V)
	}
	a := shared.EducationAnswer{Step: d.Step, Reason: d.Reason,
		Wishes: make([]shared.EducationWish, 0, len(d.Wishes)), Places: make([]shared.EducationPlace, 0, len(d.Places))}
	for _, w := range d.Wishes {
		a.Wishes = append(a.Wishes, shared.EducationWish{Title: w.Title})
	}
	for _, p := range d.Places {
		a.Places = append(a.Places, shared.EducationPlace{Goal: p.Goal, Name: p.Name, Applied: p.Applied, Answer: shared.ApplicationAnswer(p.Answer)})
	}
	return a, nil
}

func (r educationRow) state() (shared.EducationState, error) {
	var saved educationDocV1
	var sent *educationDocV1
	if err := json.Unmarshal(r.Data, &saved); err != nil {
		return shared.EducationState{}, err
	}
	if r.SentData != nil {
		if err := json.Unmarshal(r.SentData, &sent); err != nil {
			return shared.EducationState{}, err
		}
	}
	return educationState(saved, r.SavedAt, sent, r.SentAt)
}

// educationState is the citizen's answer as saved and, if it was, as sent.
func educationState(saved educationDocV1, savedAt time.Time, sent *educationDocV1, sentAt *time.Time) (shared.EducationState, error) {
	st := shared.EducationState{SavedAt: savedAt, SentAt: sentAt}
	var err error
	if st.Answer, err = saved.answer(); err != nil {
		return shared.EducationState{}, err
	}
	if sent != nil {
		a, err := sent.answer()
		if err != nil {
			return shared.EducationState{}, err
		}
		st.Sent = &a
	}
	return st, nil
}

// SaveEducation saves the citizen's answer ("Gem"), or with send also
// replaces what the caseworker has, with a new place in the case systems'
// queue ("Send til sagsbehandler"). One statement.
func (c Citizen) SaveEducation(ctx context.Context, a shared.EducationAnswer, send bool, now time.Time) (shared.EducationState, error) {
	data, err := encodeEducation(a)
	if err != nil {
		return shared.EducationState{}, err
	}
	var row educationRow
	err = c.db.NewRaw(`INSERT INTO education_answers AS e (citizen_id, step, data, saved_at, sent_data, sent_at, sent_seq)
		VALUES (?0, ?1, ?2, ?3, CASE WHEN ?4 THEN ?2::jsonb END, CASE WHEN ?4 THEN ?3::timestamptz END, CASE WHEN ?4 THEN nextval('education_sent_seq') END)
		ON CONFLICT (citizen_id, step) DO UPDATE SET data = EXCLUDED.data, saved_at = EXCLUDED.saved_at,
			sent_data = coalesce(EXCLUDED.sent_data, e.sent_data), sent_at = coalesce(EXCLUDED.sent_at, e.sent_at),
			sent_seq = coalesce(EXCLUDED.sent_seq, e.sent_seq)
		RETURNING *`, c.id, a.Step, string(data), now, send).Scan(ctx, &row)
	if err != nil {
		return shared.EducationState{}, err
	}
	return row.state()
}

// EducationSent is an answer a citizen sent to their caseworker, for the
// jobcenter's case system to collect.
type EducationSent struct {
	Seq    int64
	CPR    string
	Answer shared.EducationAnswer
	SentAt time.Time
}

// EducationAnswersSent lists what citizens attached to the jobcenter sent,
// in the order sent, after seq and no later than until, up to limit.
func (s *Store) EducationAnswersSent(ctx context.Context, jobcenter string, after int64, until time.Time, limit int) ([]EducationSent, error) {
	var rows []struct {
		Seq    int64           `bun:"sent_seq"`
		CPR    string          `bun:"cpr"`
		Data   json.RawMessage `bun:"sent_data"`
		SentAt time.Time       `bun:"sent_at"`
	}
	err := s.db.NewRaw(`SELECT e.sent_seq, c.cpr, e.sent_data, e.sent_at FROM education_answers e JOIN citizens c ON c.id = e.citizen_id
		WHERE e.sent_seq > ? AND e.sent_at <= ? AND c.jobcenter_code = ? ORDER BY e.sent_seq LIMIT ?`,
		after, until, jobcenter, limit).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	out := make([]EducationSent, 0, len(rows))
	for _, r := range rows {
		a, err := decodeEducation(r.Data)
		if err != nil {
			return nil, err
		}
		out = append(out, EducationSent{Seq: r.Seq, CPR: r.CPR, Answer: a, SentAt: r.SentAt})
	}
	return out, nil
}
