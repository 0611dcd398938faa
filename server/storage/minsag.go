package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

// Min sag til teamet (SPEC D13): the rules are shared's (minsag.go); here
// the case, the team's recommendation and the citizen's preparatory part
// are stored (migrations/037_rehab_cases).

const rehabCaseColumns = `id, opened_on, team_meeting_on, outcome, decided_on, team, recommendation,
	cv_resources, cv_challenges, cv_wishes, cv_saved_at, situation, situation_comment, situation_saved_at`

type rehabCaseRow struct {
	ID               int64           `bun:"id"`
	OpenedOn         time.Time       `bun:"opened_on"`
	TeamMeetingOn    *time.Time      `bun:"team_meeting_on"`
	Outcome          *string         `bun:"outcome"`
	DecidedOn        *time.Time      `bun:"decided_on"`
	Team             *string         `bun:"team"`
	Recommendation   *string         `bun:"recommendation"`
	CVResources      string          `bun:"cv_resources"`
	CVChallenges     string          `bun:"cv_challenges"`
	CVWishes         string          `bun:"cv_wishes"`
	CVSavedAt        *time.Time      `bun:"cv_saved_at"`
	Situation        json.RawMessage `bun:"situation"`
	SituationComment string          `bun:"situation_comment"`
	SituationSavedAt *time.Time      `bun:"situation_saved_at"`
}

// minSituationDocV1 is Min situation's answers as stored in
// rehab_cases.situation (see planDocV1 on document versions).
type minSituationDocV1 struct {
	V       int                 `json:"v"`
	Answers map[string][]string `json:"answers"`
}

func (r rehabCaseRow) rehabCase(loc *time.Location) (shared.RehabCase, error) {
	c := shared.RehabCase{ID: r.ID, Opened: shared.DateOf(r.OpenedOn),
		CV:        shared.RehabCV{Resources: r.CVResources, Challenges: r.CVChallenges, Wishes: r.CVWishes},
		Situation: shared.MinSituation{Answers: map[string][]string{}, Comment: r.SituationComment}}
	if r.TeamMeetingOn != nil {
		c.TeamMeeting = shared.DateOf(*r.TeamMeetingOn)
	}
	if r.CVSavedAt != nil {
		t := r.CVSavedAt.In(loc)
		c.CVSaved = &t
	}
	if r.SituationSavedAt != nil {
		t := r.SituationSavedAt.In(loc)
		c.SituationSaved = &t
	}
	if r.Situation != nil {
		var d minSituationDocV1
		if err := json.Unmarshal(r.Situation, &d); err != nil {
			return c, err
		}
		if d.V > 1 {
			return c, fmt.Errorf("storage: min situation version %d is newer than this server", d.V)
		}
		c.Situation.Answers = d.Answers
	}
	if r.Outcome != nil {
		c.Recommendation = &shared.RehabRecommendation{Outcome: shared.RehabOutcome(*r.Outcome), Decided: shared.DateOf(*r.DecidedOn),
			Team: deref(r.Team), Text: deref(r.Recommendation)}
	}
	return c, nil
}

func errNoRehabCase() error { return shared.Errorf(shared.ENotFound, shared.MsgNoRehabCase) }

// openRehabCase is the citizen's latest case not closed before today; not
// found when there is none.
func (c Citizen) openRehabCase(ctx context.Context, today shared.Date) (rehabCaseRow, error) {
	var rows []rehabCaseRow
	q := `SELECT ` + rehabCaseColumns + ` FROM rehab_cases WHERE citizen_id = ? AND (closed_on IS NULL OR closed_on >= ?)
		ORDER BY opened_on DESC, id DESC LIMIT 1`
	if err := c.db.NewRaw(q, c.id, today.String()).Scan(ctx, &rows); err != nil {
		return rehabCaseRow{}, err
	}
	if len(rows) == 0 {
		return rehabCaseRow{}, errNoRehabCase()
	}
	return rows[0], nil
}

// OpenRehabCase is the case "Min sag til teamet" shows at now: the latest
// not closed before today; ok is false when there is none. Its times are
// in now's location.
func (c Citizen) OpenRehabCase(ctx context.Context, now time.Time) (rc shared.RehabCase, ok bool, err error) {
	row, err := c.openRehabCase(ctx, shared.DateOf(now))
	if IsNotFound(err) {
		return rc, false, nil
	}
	if err != nil {
		return rc, false, err
	}
	rc, err = row.rehabCase(now.Location())
	return rc, err == nil, err
}

// RehabCases are every case of the citizen, open or closed, the latest
// first, with its times in loc: what Jobnet holds of Min sag til teamet,
// for "Hent alle mine data" (issue 14) beside the page's OpenRehabCase.
func (c Citizen) RehabCases(ctx context.Context, loc *time.Location) ([]shared.RehabCase, error) {
	var rows []rehabCaseRow
	if err := c.db.NewRaw(`SELECT `+rehabCaseColumns+` FROM rehab_cases WHERE citizen_id = ? ORDER BY opened_on DESC, id DESC`, c.id).
		Scan(ctx, &rows); err != nil {
		return nil, err
	}
	out := make([]shared.RehabCase, 0, len(rows))
	for _, r := range rows {
		rc, err := r.rehabCase(loc)
		if err != nil {
			return nil, err
		}
		out = append(out, rc)
	}
	return out, nil
}

// editableRehabCase is the open case while the citizen may still change
// the preparatory part (shared.RehabCase.MayEdit). The write's UPDATE
// asks again (outcome IS NULL, updatePreparation), so a recommendation
// arriving in between is not overwritten.
func (c Citizen) editableRehabCase(ctx context.Context, now time.Time) (rehabCaseRow, error) {
	row, err := c.openRehabCase(ctx, shared.DateOf(now))
	if err != nil {
		return row, err
	}
	rc, err := row.rehabCase(now.Location())
	if err != nil {
		return row, err
	}
	if !rc.MayEdit() {
		return row, shared.Errorf(shared.EConflict, shared.MsgRehabDecided)
	}
	return row, nil
}

// SaveRehabCV stores the citizen's CV to the team, judged by shared's
// Check, on the open case. Callers run it in a transaction (the row is
// locked); the endpoint's write does.
func (c Citizen) SaveRehabCV(ctx context.Context, cv shared.RehabCV, now time.Time) error {
	if err := cv.Check(); err != nil {
		return err
	}
	row, err := c.editableRehabCase(ctx, now)
	if err != nil {
		return err
	}
	cv = cv.Normalized()
	return c.updatePreparation(ctx, row.ID, `cv_resources = ?, cv_challenges = ?, cv_wishes = ?, cv_saved_at = ?`,
		cv.Resources, cv.Challenges, cv.Wishes, now)
}

// updatePreparation sets the preparatory part's columns of the case while
// it has no recommendation, with a new prep_seq for the case system.
func (c Citizen) updatePreparation(ctx context.Context, id int64, set string, args ...any) error {
	args = append(args, id, c.id)
	res, err := c.db.NewRaw(`UPDATE rehab_cases SET `+set+`, prep_seq = nextval('rehab_preparation_seq')
		WHERE id = ? AND citizen_id = ? AND outcome IS NULL`, args...).Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return cmpErr(err, shared.Errorf(shared.EConflict, shared.MsgRehabDecided))
	}
	return nil
}

// SaveMinSituation stores the citizen's answer to Min situation, judged by
// shared's Check, on the open case.
func (c Citizen) SaveMinSituation(ctx context.Context, s shared.MinSituation, now time.Time) error {
	if err := s.Check(); err != nil {
		return err
	}
	row, err := c.editableRehabCase(ctx, now)
	if err != nil {
		return err
	}
	data, err := json.Marshal(minSituationDocV1{V: 1, Answers: s.Answers})
	if err != nil {
		return err
	}
	return c.updatePreparation(ctx, row.ID, `situation = ?, situation_comment = ?, situation_saved_at = ?`,
		string(data), strings.TrimSpace(strings.ReplaceAll(s.Comment, "\r\n", "\n")), now)
}

// RehabCaseIn is a case as the jobcenter's case system sends it.
type RehabCaseIn struct {
	OriginID    string
	Opened      shared.Date
	TeamMeeting shared.Date // zero: not set
	Closed      shared.Date // zero: open
}

func errRehabCaseOfAnother() error {
	return shared.Errorf(shared.EConflict, "Rehabiliteringssagen med dette id hører til en anden borger.")
}

// IngestRehabCase creates or updates the case org knows by in.OriginID.
// Run inside the ingestion's transaction.
func (c Citizen) IngestRehabCase(ctx context.Context, org string, in RehabCaseIn, now time.Time) error {
	if !in.Closed.IsZero() && in.Closed.Before(in.Opened) {
		return &shared.Error{Code: shared.EInvalid, Message: "Sagen kan ikke lukkes, før den er oprettet.",
			Fields: []shared.FieldError{{Field: "closed_on", Message: "Lukkedatoen må ikke ligge før oprettelsesdatoen."}}}
	}
	if !in.TeamMeeting.IsZero() && in.TeamMeeting.Before(in.Opened) {
		return &shared.Error{Code: shared.EInvalid, Message: "Teamet kan ikke mødes om sagen, før den er oprettet.",
			Fields: []shared.FieldError{{Field: "team_meeting_on", Message: "Teammødet må ikke ligge før oprettelsesdatoen."}}}
	}
	var owner []int64
	if err := c.db.NewRaw(`SELECT citizen_id FROM rehab_cases WHERE origin_org = ? AND origin_id = ? FOR UPDATE`, org, in.OriginID).
		Scan(ctx, &owner); err != nil {
		return err
	}
	if len(owner) > 0 && owner[0] != c.id {
		return errRehabCaseOfAnother()
	}
	_, err := c.db.NewRaw(`INSERT INTO rehab_cases (citizen_id, origin_org, origin_id, opened_on, team_meeting_on, closed_on, received_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (origin_org, origin_id) DO UPDATE SET opened_on = EXCLUDED.opened_on,
			team_meeting_on = EXCLUDED.team_meeting_on, closed_on = EXCLUDED.closed_on
		WHERE rehab_cases.citizen_id = EXCLUDED.citizen_id`,
		c.id, org, in.OriginID, in.Opened.String(), nullDate(in.TeamMeeting), nullDate(in.Closed), now).Exec(ctx)
	if isUniqueViolation(err) {
		return errRehabCaseOfAnother()
	}
	return err
}

// IngestRehabRecommendation stores the team's recommendation on the case
// org knows by originID: the case system may send it again corrected,
// which replaces it (decision: the page shows what the team stands by).
func (c Citizen) IngestRehabRecommendation(ctx context.Context, org, originID string, r shared.RehabRecommendation, now time.Time) error {
	res, err := c.db.NewRaw(`UPDATE rehab_cases SET outcome = ?, decided_on = ?, team = ?, recommendation = ?, recommended_at = ?
		WHERE citizen_id = ? AND origin_org = ? AND origin_id = ?`,
		string(r.Outcome), r.Decided.String(), r.Team, r.Text, now, c.id, org, originID).Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return cmpErr(err, &shared.Error{Code: shared.ENotFound, Message: "Borgeren har ingen rehabiliteringssag med dette id.",
			Fields: []shared.FieldError{{Field: "case_id", Message: "Send sagen, før indstillingen sendes."}}})
	}
	return nil
}

// RehabPreparation is the citizen's preparatory part of one case, for the
// jobcenter's case system to collect after each save.
type RehabPreparation struct {
	Seq              int64
	CPR              string
	OriginID         string
	CV               shared.RehabCV
	Situation        map[string][]string
	SituationComment string
	SavedAt          time.Time
}

// RehabPreparations lists the cases of org whose preparatory part the
// citizen saved, in the order of the last save, after seq and no later
// than until, up to limit.
func (s *Store) RehabPreparations(ctx context.Context, org string, after int64, until time.Time, limit int) ([]RehabPreparation, error) {
	var rows []struct {
		Seq              int64           `bun:"prep_seq"`
		CPR              string          `bun:"cpr"`
		OriginID         string          `bun:"origin_id"`
		Resources        string          `bun:"cv_resources"`
		Challenges       string          `bun:"cv_challenges"`
		Wishes           string          `bun:"cv_wishes"`
		Situation        json.RawMessage `bun:"situation"`
		SituationComment string          `bun:"situation_comment"`
		SavedAt          time.Time       `bun:"saved_at"`
	}
	err := s.db.NewRaw(`SELECT r.prep_seq, c.cpr, r.origin_id, r.cv_resources, r.cv_challenges, r.cv_wishes, r.situation,
			r.situation_comment, GREATEST(r.cv_saved_at, r.situation_saved_at) AS saved_at
		FROM rehab_cases r JOIN citizens c ON c.id = r.citizen_id
		WHERE r.origin_org = ? AND r.prep_seq > ? AND GREATEST(r.cv_saved_at, r.situation_saved_at) <= ?
		ORDER BY r.prep_seq LIMIT ?`, org, after, until, limit).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	out := make([]RehabPreparation, 0, len(rows))
	for _, r := range rows {
		p := RehabPreparation{Seq: r.Seq, CPR: r.CPR, OriginID: r.OriginID, SituationComment: r.SituationComment, SavedAt: r.SavedAt,
			CV: shared.RehabCV{Resources: r.Resources, Challenges: r.Challenges, Wishes: r.Wishes}}
		if r.Situation != nil {
			var d minSituationDocV1
			if err := json.Unmarshal(r.Situation, &d); err != nil {
				return nil, err
			}
			p.Situation = d.Answers
		}
		out = append(out, p)
	}
	return out, nil
}

// SeedRehabCase gives a citizen without any rehab case one, sent by org,
// with the CV to the team saved at cvSaved when cv is not empty: the
// demo's (server/demo). One transaction; a citizen with a case keeps it.
func (s *Store) SeedRehabCase(ctx context.Context, citizenID int64, org string, in RehabCaseIn, cv shared.RehabCV,
	cvSaved, now time.Time) error {
	return s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		c := Citizen{db: tx, id: citizenID, jobs: s.jobs}
		var n int
		if err := tx.NewRaw(`SELECT count(*) FROM rehab_cases WHERE citizen_id = ?`, citizenID).Scan(ctx, &n); err != nil || n > 0 {
			return err
		}
		if err := c.IngestRehabCase(ctx, org, in, now); err != nil {
			return err
		}
		if cv.Empty() {
			return nil
		}
		return c.SaveRehabCV(ctx, cv, cvSaved)
	})
}
