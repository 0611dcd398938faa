package storage

import (
	"context"
	"encoding/hex"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"jobnet/shared"
)

type sessionRow struct {
	bun.BaseModel   `bun:"table:sessions"`
	TokenHash       []byte     `bun:"token_hash,pk"`
	AccountID       *int64     `bun:"account_id"`
	CaseworkerID    *int64     `bun:"caseworker_id"`
	MirrorCitizenID *int64     `bun:"mirror_citizen_id"`
	CreatedAt       time.Time  `bun:"created_at"`
	LastSeenAt      time.Time  `bun:"last_seen_at"`
	LastPath        string     `bun:"last_path"`
	EndedAt         *time.Time `bun:"ended_at"`
	EndReason       *string    `bun:"end_reason"`
	Seq             int64      `bun:"seq"`
}

// Session is a live session as stored, with who is behind it and whose
// Jobnet it shows, read in one round trip.
type Session struct {
	TokenHash []byte
	// AccountID is set for a citizen's session; Caseworker for a
	// caseworker's (without the password hash).
	AccountID  int64
	Caseworker *Caseworker
	// Citizen is whose Jobnet is shown, with their forløb: the account's
	// citizen, or the citizen a caseworker mirrors; nil for a caseworker
	// who has not chosen one.
	Citizen    *shared.Citizen
	CreatedAt  time.Time
	LastSeenAt time.Time
	LastPath   string
}

// sessionQuery reads a live session with its actor and shown citizen.
const sessionQuery = `SELECT s.token_hash, s.account_id, s.caseworker_id, s.created_at, s.last_seen_at, s.last_path,
	w.name AS cw_name, w.role AS cw_role, o.code AS org_code, o.kind AS org_kind, o.name AS org_name,
	c.id AS c_id, c.cpr AS c_cpr, c.name AS c_name, c.jobcenter_code AS c_jobcenter, c.akasse_code AS c_akasse, c.enrolment AS c_enrolment,
	` + forloebColumn + ` AS c_forloeb
	FROM sessions s
	LEFT JOIN citizen_accounts a ON a.id = s.account_id
	LEFT JOIN caseworkers w ON w.id = s.caseworker_id
	LEFT JOIN organisations o ON o.code = w.org_code
	LEFT JOIN citizens c ON c.id = coalesce(a.citizen_id, s.mirror_citizen_id)
	WHERE s.token_hash = $1 AND s.ended_at IS NULL`

// Session reads the live session with the token's hash; a session that
// ended or never was is not found.
func (s *Store) Session(ctx context.Context, tokenHash []byte) (Session, error) {
	var r struct {
		TokenHash                                    []byte
		AccountID, CaseworkerID                      *int64
		CreatedAt, LastSeenAt                        time.Time
		LastPath                                     string
		CWName, CWRole, OrgCode, OrgKind, OrgName    *string
		CID                                          *int64
		CCPR, CName, CJobcenter, CAKasse, CEnrolment *string
		CForloeb                                     []byte
	}
	read := func(db *bun.DB) error {
		return prepared(ctx, db, sessionQuery, tokenHash).Scan(&r.TokenHash, &r.AccountID, &r.CaseworkerID, &r.CreatedAt,
			&r.LastSeenAt, &r.LastPath, &r.CWName, &r.CWRole, &r.OrgCode, &r.OrgKind, &r.OrgName,
			&r.CID, &r.CCPR, &r.CName, &r.CJobcenter, &r.CAKasse, &r.CEnrolment, &r.CForloeb)
	}
	err := read(s.db)
	if Unavailable(err) && s.standby != s.db {
		// The primary is lost (failing over): a standby knows the
		// session too, so reads from it go on being answered. A log-out
		// is synchronously replicated before it is acknowledged.
		err = read(s.standby)
	}
	if err != nil {
		return Session{}, notFound(err, "Sessionen")
	}
	out := Session{TokenHash: r.TokenHash, CreatedAt: r.CreatedAt, LastSeenAt: r.LastSeenAt, LastPath: r.LastPath}
	if r.AccountID != nil {
		out.AccountID = *r.AccountID
	}
	if r.CaseworkerID != nil {
		out.Caseworker = &Caseworker{ID: *r.CaseworkerID, Name: deref(r.CWName), Role: shared.Role(deref(r.CWRole)),
			Organisation: shared.Organisation{Code: deref(r.OrgCode), Kind: shared.OrgKind(deref(r.OrgKind)), Name: deref(r.OrgName)}}
	}
	if r.CID != nil {
		c, err := citizenWithForloeb{ID: *r.CID, CPR: deref(r.CCPR), Name: deref(r.CName), JobcenterCode: r.CJobcenter,
			AKasseCode: r.CAKasse, Enrolment: deref(r.CEnrolment), Forloeb: r.CForloeb}.citizen()
		if err != nil {
			return Session{}, err
		}
		out.Citizen = &c
	}
	return out, nil
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// ExpireSession ends a session by the idle timeout at endedAt, with the
// last page it showed. It reports false when the session had already ended
// (another request got there first).
func (s *Store) ExpireSession(ctx context.Context, tokenHash []byte, endedAt time.Time, lastPath string) (bool, error) {
	res, err := s.db.NewUpdate().Model((*sessionRow)(nil)).
		Set("ended_at = ?", endedAt).Set("end_reason = 'expired'").Set("last_path = ?", lastPath).
		Where("token_hash = ? AND ended_at IS NULL", tokenHash).Exec(ctx)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// SessionEnd is how a session ends: "logout" or "expired" (the app's
// countdown ran out), with what the server last saw of it.
type SessionEnd struct {
	Reason   string
	At       time.Time
	LastSeen time.Time
	LastPath string
}

// EndSession ends a live session.
func (s *Store) EndSession(ctx context.Context, tokenHash []byte, end SessionEnd) error {
	return endSession(ctx, s.db, tokenHash, end)
}

func endSession(ctx context.Context, db bun.IDB, tokenHash []byte, end SessionEnd) error {
	q := db.NewUpdate().Model((*sessionRow)(nil)).Set("ended_at = ?", end.At).Set("end_reason = ?", end.Reason).
		Where("token_hash = ? AND ended_at IS NULL", tokenHash)
	if !end.LastSeen.IsZero() {
		q = q.Set("last_seen_at = greatest(last_seen_at, ?)", end.LastSeen).Set("last_path = ?", end.LastPath)
	}
	_, err := q.Exec(ctx)
	return err
}

// NewSession is a session to start: a new token's hash, and the session
// the browser had before (ended as "logout"), if any.
type NewSession struct {
	TokenHash []byte
	Previous  []byte
	Now       time.Time
}

// CitizenLogin is what a citizen's login tells the app.
type CitizenLogin struct {
	CitizenID int64
	Name      string
	// ReturnTo is the last page of the previous session if that one ended
	// by the idle timeout (SPEC A2); "" otherwise.
	ReturnTo string
}

// StartCitizenSession signs a citizen in, in one transaction: it ends the
// browser's previous session, records the login in Historik → Login
// (SPEC D12) and starts the new session. idle is the idle timeout, to tell
// an abandoned session from a live one.
func (s *Store) StartCitizenSession(ctx context.Context, acc Account, in NewSession, idle time.Duration) (CitizenLogin, error) {
	var out CitizenLogin
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		var err error
		out, err = startCitizenSession(ctx, tx, acc, in, idle)
		return err
	})
	return out, err
}

func startCitizenSession(ctx context.Context, tx bun.Tx, acc Account, in NewSession, idle time.Duration) (CitizenLogin, error) {
	out := CitizenLogin{CitizenID: acc.CitizenID}
	var err error
	if out.ReturnTo, err = returnPath(ctx, tx, acc.ID, in.Now, idle); err != nil {
		return out, err
	}
	if in.Previous != nil {
		if err := endSession(ctx, tx, in.Previous, SessionEnd{Reason: "logout", At: in.Now}); err != nil {
			return out, err
		}
	}
	if err := tx.NewSelect().Table("citizens").Column("name").Where("id = ?", acc.CitizenID).Scan(ctx, &out.Name); err != nil {
		return out, err
	}
	if err := insertLogin(ctx, tx, LoginRecord{CitizenID: acc.CitizenID, At: in.Now, Name: out.Name}); err != nil {
		return out, err
	}
	return out, insertSession(ctx, tx, sessionRow{TokenHash: in.TokenHash, AccountID: &acc.ID}, in.Now)
}

// StartCaseworkerSession signs a caseworker in, ending the browser's
// previous session, in one transaction.
func (s *Store) StartCaseworkerSession(ctx context.Context, caseworkerID int64, in NewSession) error {
	return s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if in.Previous != nil {
			if err := endSession(ctx, tx, in.Previous, SessionEnd{Reason: "logout", At: in.Now}); err != nil {
				return err
			}
		}
		return insertSession(ctx, tx, sessionRow{TokenHash: in.TokenHash, CaseworkerID: &caseworkerID}, in.Now)
	})
}

func insertSession(ctx context.Context, tx bun.IDB, row sessionRow, now time.Time) error {
	row.CreatedAt, row.LastSeenAt = now, now
	row.LastPath = "" // no page yet: the first one is recorded as opened
	_, err := tx.NewInsert().Model(&row).ExcludeColumn("ended_at", "end_reason", "seq").Exec(ctx)
	return err
}

// returnPath is where a citizen's new login should land: the last page of
// their previous session if that one ended by the idle timeout, else "".
func returnPath(ctx context.Context, db bun.IDB, accountID int64, now time.Time, idle time.Duration) (string, error) {
	var prev sessionRow
	err := db.NewSelect().Model(&prev).Where("account_id = ?", accountID).Order("seq DESC").Limit(1).Scan(ctx)
	if isNoRows(err) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	expired := (prev.EndReason != nil && *prev.EndReason == "expired") ||
		(prev.EndedAt == nil && now.Sub(prev.LastSeenAt) > idle)
	if !expired || prev.LastPath == "/" || prev.LastPath == "" {
		return "", nil
	}
	return prev.LastPath, nil
}

// StartMirror points a caseworker's session at the citizen and records the
// access in the citizen's Historik → Login (SPEC K3), in one transaction.
func (s *Store) StartMirror(ctx context.Context, tokenHash []byte, citizenID int64, access LoginRecord) error {
	return s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if _, err := tx.NewUpdate().Model((*sessionRow)(nil)).Set("mirror_citizen_id = ?", citizenID).
			Where("token_hash = ? AND ended_at IS NULL", tokenHash).Exec(ctx); err != nil {
			return err
		}
		access.CitizenID = citizenID
		return insertLogin(ctx, tx, access)
	})
}

// StopMirror returns a caseworker's session to choosing a citizen.
func (s *Store) StopMirror(ctx context.Context, tokenHash []byte) error {
	_, err := s.db.NewUpdate().Model((*sessionRow)(nil)).Set("mirror_citizen_id = NULL").
		Where("token_hash = ?", tokenHash).Exec(ctx)
	return err
}

// SessionTouch is what a server saw of a session since it last wrote it
// down: the time of its last request and its page.
type SessionTouch struct {
	TokenHash []byte
	LastSeen  time.Time
	LastPath  string
}

// TouchSessions writes down many sessions' liveness in one statement. A
// touch never moves last_seen_at back, nor wakes an ended session.
func (s *Store) TouchSessions(ctx context.Context, touches []SessionTouch) error {
	if len(touches) == 0 {
		return nil
	}
	hashes := make([]string, len(touches))
	seen := make([]string, len(touches))
	paths := make([]string, len(touches))
	for i, t := range touches {
		hashes[i], seen[i], paths[i] = hex.EncodeToString(t.TokenHash), t.LastSeen.Format(time.RFC3339Nano), t.LastPath
	}
	_, err := s.db.NewRaw(`UPDATE sessions s SET last_seen_at = greatest(s.last_seen_at, t.seen::timestamptz), last_path = t.path
		FROM unnest(?::text[], ?::text[], ?::text[]) AS t(hash, seen, path)
		WHERE s.token_hash = decode(t.hash, 'hex') AND s.ended_at IS NULL`,
		pgdialect.Array(hashes), pgdialect.Array(seen), pgdialect.Array(paths)).Exec(ctx)
	return err
}
