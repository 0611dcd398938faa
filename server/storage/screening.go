package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

// Forberedelsesskema (SPEC C5): the rules are shared's (screening.go);
// here they are stored. One statement per write, or one transaction.

type screeningRow struct {
	bun.BaseModel `bun:"table:screenings,alias:s"`
	ID            int64           `bun:"id,pk,autoincrement"`
	CitizenID     int64           `bun:"citizen_id"`
	OriginOrg     string          `bun:"origin_org"`
	OriginID      string          `bun:"origin_id"`
	Kind          string          `bun:"kind"`
	Questions     json.RawMessage `bun:"questions,type:jsonb"`
	PublishedAt   time.Time       `bun:"published_at"`
	Answers       json.RawMessage `bun:"answers,type:jsonb"`
	AnsweredAt    *time.Time      `bun:"answered_at"`
	AnswerSeq     *int64          `bun:"answer_seq"`
}

// screeningQuestionsDocV1 is a question set as stored in
// screenings.questions; screeningAnswersDocV1 an answer in
// screenings.answers (see planDocV1 on document versions).
type screeningQuestionsDocV1 struct {
	V         int                      `json:"v"`
	Questions []screeningQuestionDocV1 `json:"questions"`
}

type screeningQuestionDocV1 struct {
	ID       string                 `json:"id"`
	Text     string                 `json:"text"`
	Multiple bool                   `json:"multiple"`
	Required bool                   `json:"required"`
	Options  []screeningOptionDocV1 `json:"options"`
}

type screeningOptionDocV1 struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

type screeningAnswersDocV1 struct {
	V       int                 `json:"v"`
	Answers map[string][]string `json:"answers"`
}

func encodeScreeningQuestions(qs []shared.ScreeningQuestion) ([]byte, error) {
	d := screeningQuestionsDocV1{V: 1, Questions: make([]screeningQuestionDocV1, 0, len(qs))}
	for _, q := range qs {
		dq := screeningQuestionDocV1{ID: q.ID, Text: q.Text, Multiple: q.Multiple, Required: q.Required,
			Options: make([]screeningOptionDocV1, 0, len(q.Options))}
		for _, o := range q.Options {
			dq.Options = append(dq.Options, screeningOptionDocV1{ID: o.ID, Text: o.Text})
		}
		d.Questions = append(d.Questions, dq)
	}
	return json.Marshal(d)
}

func (r screeningRow) screening() (shared.Screening, error) {
	var qd screeningQuestionsDocV1
	if err := json.Unmarshal(r.Questions, &qd); err != nil {
		return shared.Screening{}, err
	}
	if qd.V > 1 {
		return shared.Screening{}, fmt.Errorf("storage: screening questions version %d is newer than this server", qd.V)
	}
	s := shared.Screening{ID: r.ID, Kind: shared.ScreeningKind(r.Kind), Published: r.PublishedAt, Answered: r.AnsweredAt,
		Questions: make([]shared.ScreeningQuestion, 0, len(qd.Questions))}
	for _, q := range qd.Questions {
		sq := shared.ScreeningQuestion{ID: q.ID, Text: q.Text, Multiple: q.Multiple, Required: q.Required,
			Options: make([]shared.ScreeningOption, 0, len(q.Options))}
		for _, o := range q.Options {
			sq.Options = append(sq.Options, shared.ScreeningOption{ID: o.ID, Text: o.Text})
		}
		s.Questions = append(s.Questions, sq)
	}
	if r.Answers != nil {
		var ad screeningAnswersDocV1
		if err := json.Unmarshal(r.Answers, &ad); err != nil {
			return shared.Screening{}, err
		}
		if ad.V > 1 {
			return shared.Screening{}, fmt.Errorf("storage: screening answers version %d is newer than this server", ad.V)
		}
		s.Answers = ad.Answers
	}
	return s, nil
}

// errNoScreening is the answer when the citizen has no screening shown.
func errNoScreening() error {
	return shared.Errorf(shared.ENotFound, "Du har ikke noget forberedelsesskema at udfylde.")
}

// PublishScreening stores a screening a jobcenter's case system sends, by
// its own id: a new one replaces an unanswered earlier screening, which is
// deleted (shared/screening.go: one at a time). The same id again with the
// same kind and questions changes nothing; with others it changes an
// unanswered screening, and is a conflict once it is answered.
func (c Citizen) PublishScreening(ctx context.Context, org, originID string, kind shared.ScreeningKind,
	questions []shared.ScreeningQuestion, now time.Time) error {
	if err := (shared.ScreeningQuestions{Questions: questions}).Check(); err != nil {
		return err
	}
	data, err := encodeScreeningQuestions(questions)
	if err != nil {
		return err
	}
	var have screeningRow
	err = c.db.NewSelect().Model(&have).Where("origin_org = ? AND origin_id = ?", org, originID).For("UPDATE").Scan(ctx)
	switch {
	case isNoRows(err):
	case err != nil:
		return err
	case have.CitizenID != c.id:
		return errScreeningOfAnother()
	default:
		if have.Kind == string(kind) && jsonEqual(have.Questions, data) {
			return nil
		}
		if have.AnsweredAt != nil {
			return shared.Errorf(shared.EConflict, "Forberedelsesskemaet er allerede besvaret og kan ikke ændres.")
		}
		_, err := c.db.NewUpdate().Model((*screeningRow)(nil)).Set("kind = ?, questions = ?", string(kind), string(data)).
			Where("id = ?", have.ID).Exec(ctx)
		return err
	}
	if _, err := c.db.NewDelete().Model((*screeningRow)(nil)).Where("citizen_id = ? AND answered_at IS NULL", c.id).Exec(ctx); err != nil {
		return err
	}
	row := screeningRow{CitizenID: c.id, OriginOrg: org, OriginID: originID, Kind: string(kind), Questions: data, PublishedAt: now}
	_, err = c.db.NewInsert().Model(&row).ExcludeColumn("id", "answers", "answered_at", "answer_seq").Exec(ctx)
	if isUniqueViolation(err) {
		// The ingestion holds this citizen's row, so the id was taken at
		// the same moment for another citizen.
		return errScreeningOfAnother()
	}
	return err
}

func errScreeningOfAnother() error {
	return shared.Errorf(shared.EConflict, "Forberedelsesskemaet med dette id hører til en anden borger.")
}

// jsonEqual compares two JSON documents by value: jsonb does not keep the
// bytes it was given.
func jsonEqual(a, b []byte) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	ja, _ := json.Marshal(x)
	jb, _ := json.Marshal(y)
	return string(ja) == string(jb)
}

// WithdrawScreening deletes the screening the case system knows by its own
// id, answered or not: the sender takes it back.
func (c Citizen) WithdrawScreening(ctx context.Context, org, originID string) error {
	res, err := c.db.NewDelete().Model((*screeningRow)(nil)).
		Where("citizen_id = ? AND origin_org = ? AND origin_id = ?", c.id, org, originID).Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return cmpErr(err, shared.Errorf(shared.ENotFound, "Borgeren har intet forberedelsesskema med dette id."))
	}
	return nil
}

// latestScreening is the citizen's latest screening, for update when
// lock; not found when there is none.
func (c Citizen) latestScreening(ctx context.Context, lock bool) (screeningRow, error) {
	var row screeningRow
	q := c.db.NewSelect().Model(&row).Where("citizen_id = ?", c.id).Order("published_at DESC", "id DESC").Limit(1)
	if lock {
		q = q.For("UPDATE")
	}
	err := q.Scan(ctx)
	if isNoRows(err) {
		return row, errNoScreening()
	}
	return row, err
}

// CurrentScreening is the screening shown at now (the latest, unanswered
// or answered no more than 90 days before today); ok is false when none
// is. Its times are in now's location, whose calendar days count (the
// portal's).
func (c Citizen) CurrentScreening(ctx context.Context, now time.Time) (s shared.Screening, ok bool, err error) {
	row, err := c.latestScreening(ctx, false)
	if IsNotFound(err) {
		return s, false, nil
	}
	if err != nil {
		return s, false, err
	}
	if s, err = row.screening(); err != nil {
		return s, false, err
	}
	s.Published = s.Published.In(now.Location())
	if s.Answered != nil {
		t := s.Answered.In(now.Location())
		s.Answered = &t
	}
	return s, s.Shown(shared.DateOf(now)), nil
}

// AnswerScreening stores the citizen's answer to the current screening,
// judged by shared's Check against its questions. It is answered once.
func (c Citizen) AnswerScreening(ctx context.Context, in shared.ScreeningAnswerInput, now time.Time) (shared.Screening, error) {
	row, err := c.latestScreening(ctx, true)
	if err != nil {
		return shared.Screening{}, err
	}
	s, err := row.screening()
	if err != nil {
		return shared.Screening{}, err
	}
	if in.ScreeningID != s.ID {
		return shared.Screening{}, shared.Errorf(shared.EConflict, "Dit forberedelsesskema er ændret, siden du åbnede siden. Hent siden igen.")
	}
	if s.Answered != nil {
		return shared.Screening{}, shared.Errorf(shared.EConflict, "Du har allerede udfyldt forberedelsesskemaet.")
	}
	if err := in.Check(s.Questions); err != nil {
		return shared.Screening{}, err
	}
	answers := map[string][]string{}
	for _, q := range s.Questions {
		if chosen := in.Answers[q.ID]; len(chosen) > 0 {
			answers[q.ID] = chosen
		}
	}
	data, err := json.Marshal(screeningAnswersDocV1{V: 1, Answers: answers})
	if err != nil {
		return shared.Screening{}, err
	}
	_, err = c.db.NewRaw(`UPDATE screenings SET answers = ?, answered_at = ?, answer_seq = nextval('screening_answer_seq')
		WHERE id = ? AND answered_at IS NULL`, string(data), now, s.ID).Exec(ctx)
	if err != nil {
		return shared.Screening{}, err
	}
	s.Answered, s.Answers = &now, answers
	return s, nil
}

// ScreeningAnswered is an answer for the jobcenter's case system to
// collect.
type ScreeningAnswered struct {
	Seq      int64
	CPR      string
	OriginID string
	Kind     shared.ScreeningKind
	Answers  map[string][]string
	Answered time.Time
}

// ScreeningAnswers lists the answers to screenings the organisation sent,
// in the order answered, after seq and no later than until, up to limit.
func (s *Store) ScreeningAnswers(ctx context.Context, org string, after int64, until time.Time, limit int) ([]ScreeningAnswered, error) {
	var rows []struct {
		Seq      int64           `bun:"answer_seq"`
		CPR      string          `bun:"cpr"`
		OriginID string          `bun:"origin_id"`
		Kind     string          `bun:"kind"`
		Answers  json.RawMessage `bun:"answers"`
		Answered time.Time       `bun:"answered_at"`
	}
	err := s.db.NewRaw(`SELECT s.answer_seq, c.cpr, s.origin_id, s.kind, s.answers, s.answered_at FROM screenings s
		JOIN citizens c ON c.id = s.citizen_id
		WHERE s.origin_org = ? AND s.answer_seq > ? AND s.answered_at <= ? ORDER BY s.answer_seq LIMIT ?`,
		org, after, until, limit).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	out := make([]ScreeningAnswered, 0, len(rows))
	for _, r := range rows {
		var d screeningAnswersDocV1
		if err := json.Unmarshal(r.Answers, &d); err != nil {
			return nil, err
		}
		out = append(out, ScreeningAnswered{Seq: r.Seq, CPR: r.CPR, OriginID: r.OriginID, Kind: shared.ScreeningKind(r.Kind),
			Answers: d.Answers, Answered: r.Answered})
	}
	return out, nil
}

// SeedScreening gives a citizen without any screening one, published by
// org at published and, with answers, answered at answered: the demo's
// (server/demo). One transaction; a citizen with a screening keeps it.
func (s *Store) SeedScreening(ctx context.Context, citizenID int64, org, originID string, kind shared.ScreeningKind,
	questions []shared.ScreeningQuestion, published time.Time, answers map[string][]string, answered time.Time) error {
	return s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		c := Citizen{db: tx, id: citizenID, jobs: s.jobs}
		if n, err := tx.NewSelect().Model((*screeningRow)(nil)).Where("citizen_id = ?", citizenID).Count(ctx); err != nil || n > 0 {
			return err
		}
		if err := c.PublishScreening(ctx, org, originID, kind, questions, published); err != nil {
			return err
		}
		if answers == nil {
			return nil
		}
		row, err := c.latestScreening(ctx, true)
		if err != nil {
			return err
		}
		_, err = c.AnswerScreening(ctx, shared.ScreeningAnswerInput{ScreeningID: row.ID, Answers: answers}, answered)
		return err
	})
}
