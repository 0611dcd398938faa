package server

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

const sessionCookie = "jobnet_session"

// pathHeader carries the app's current page, remembered so the next login
// after an automatic sign-off can return there (SPEC A2).
const pathHeader = "X-Jobnet-Path"

type sessionRow struct {
	bun.BaseModel   `bun:"table:sessions"`
	TokenHash       []byte     `bun:"token_hash,pk"`
	AccountID       *int64     `bun:"account_id"`
	CaseworkerID    *int64     `bun:"caseworker_id"`
	MirrorCitizenID *int64     `bun:"mirror_citizen_id"`
	CreatedAt       time.Time  `bun:"created_at,nullzero,default:now()"`
	LastSeenAt      time.Time  `bun:"last_seen_at"`
	LastPath        string     `bun:"last_path"`
	EndedAt         *time.Time `bun:"ended_at"`
	EndReason       *string    `bun:"end_reason"`
}

// sessionInfo is a live session and the actor behind it.
type sessionInfo struct {
	tokenHash    []byte
	actor        shared.Actor
	caseworkerID int64
	lastSeen     time.Time
	// mirrored is the citizen a caseworker sees, as loaded for the access
	// check: handlers reuse it rather than loading it again.
	mirrored *shared.Citizen
}

func hashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

func newToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// cleanPath accepts only an in-app path, never another origin.
func cleanPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.ContainsAny(p, "\\\r\n") || len(p) > 200 {
		return ""
	}
	return p
}

// resolveSession finds the live session behind the request's cookie, ends it
// if it has been idle too long, and otherwise touches it. It returns nil
// without a live session.
func (s *Server) resolveSession(ctx context.Context, r *http.Request, now time.Time) (*sessionInfo, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return nil, nil
	}
	var row sessionRow
	err = s.db.NewSelect().Model(&row).Where("token_hash = ? AND ended_at IS NULL", hashToken(c.Value)).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if now.Sub(row.LastSeenAt) > s.cfg.IdleTimeout {
		res, err := s.db.NewUpdate().Model((*sessionRow)(nil)).
			Set("ended_at = ?", row.LastSeenAt.Add(s.cfg.IdleTimeout)).Set("end_reason = 'expired'").
			Where("token_hash = ? AND ended_at IS NULL", row.TokenHash).Exec(ctx)
		if err != nil {
			return nil, err
		}
		if n, _ := res.RowsAffected(); n == 1 && row.AccountID != nil {
			info := &sessionInfo{tokenHash: row.TokenHash}
			if err := s.loadActor(ctx, &row, info, now); err != nil {
				return nil, err
			}
			return nil, recordEvent(ctx, s.db, info, eventExpired, "")
		}
		return nil, nil
	}
	info := &sessionInfo{tokenHash: row.TokenHash, lastSeen: now}
	if err := s.loadActor(ctx, &row, info, now); err != nil {
		return nil, err
	}
	if _, err := s.db.NewUpdate().Model((*sessionRow)(nil)).Set("last_seen_at = ?", now).
		Where("token_hash = ?", row.TokenHash).Exec(ctx); err != nil {
		return nil, err
	}
	if p := cleanPath(r.Header.Get(pathHeader)); p != "" && p != row.LastPath {
		// The app sends the page's path with every call: a new path is a
		// page opened (behaviour data, for citizens only). Only the call
		// that changes the path records it, however many a page makes at once.
		res, err := s.db.NewUpdate().Model((*sessionRow)(nil)).Set("last_path = ?", p).
			Where("token_hash = ? AND last_path <> ?", row.TokenHash, p).Exec(ctx)
		if err != nil {
			return nil, err
		}
		if n, _ := res.RowsAffected(); n == 1 {
			if err := recordEvent(ctx, s.db, info, eventPage, p); err != nil {
				return nil, err
			}
		}
	}
	return info, nil
}

// loadActor fills in who is behind a session row. A mirror session is
// checked against the access rules on every request, so access ends the day
// the forløb does.
func (s *Server) loadActor(ctx context.Context, row *sessionRow, info *sessionInfo, now time.Time) error {
	if row.AccountID != nil {
		var acc struct {
			CitizenID int64  `bun:"citizen_id"`
			Name      string `bun:"name"`
		}
		err := s.db.NewSelect().TableExpr("citizen_accounts AS a").Join("JOIN citizens AS c ON c.id = a.citizen_id").
			ColumnExpr("a.citizen_id, c.name").Where("a.id = ?", *row.AccountID).Scan(ctx, &acc)
		if err != nil {
			return err
		}
		info.actor = shared.Actor{Role: shared.RoleCitizen, Name: acc.Name, CitizenID: acc.CitizenID, CitizenName: acc.Name}
		return nil
	}
	cw, org, err := caseworkerByID(ctx, s.db, *row.CaseworkerID)
	if err != nil {
		return err
	}
	info.caseworkerID = cw.ID
	info.actor = shared.Actor{Role: shared.Role(cw.Role), Name: cw.Name, Organisation: org}
	if row.MirrorCitizenID != nil {
		c, err := citizenByID(ctx, s.db, *row.MirrorCitizenID)
		if err != nil {
			return err
		}
		if shared.CheckMirrorAccess(info.actor, c, shared.DateOf(now)) != nil {
			// Access has ended since the citizen was chosen (the forløb
			// ended, the citizen moved): back to choosing a citizen.
			_, err := s.db.NewUpdate().Model((*sessionRow)(nil)).Set("mirror_citizen_id = NULL").
				Where("token_hash = ?", row.TokenHash).Exec(ctx)
			return err
		}
		info.actor.CitizenID, info.actor.CitizenName = c.ID, c.Name
		info.mirrored = &c
	}
	return nil
}

func caseworkerByID(ctx context.Context, db bun.IDB, id int64) (caseworkerRow, *shared.Organisation, error) {
	var cw caseworkerRow
	if err := db.NewSelect().Model(&cw).Where("id = ?", id).Scan(ctx); err != nil {
		return cw, nil, notFound(err, "Sagsbehandleren")
	}
	org, err := organisationByCode(ctx, db, cw.OrgCode)
	return cw, org, err
}

// startSession creates a session row and sets its cookie.
func (s *Server) startSession(ctx context.Context, w http.ResponseWriter, row *sessionRow, now time.Time) error {
	token, err := newToken()
	if err != nil {
		return err
	}
	row.TokenHash = hashToken(token)
	row.LastSeenAt = now
	row.LastPath = "" // no page yet: the first one is recorded as opened
	if _, err := s.db.NewInsert().Model(row).ExcludeColumn("created_at", "ended_at", "end_reason").Exec(ctx); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: token, Path: "/", HttpOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode,
	})
	return nil
}

// endSession ends the session for the given reason and clears the cookie.
func (s *Server) endSession(ctx context.Context, w http.ResponseWriter, info *sessionInfo, reason string, now time.Time) error {
	_, err := s.db.NewUpdate().Model((*sessionRow)(nil)).Set("ended_at = ?", now).Set("end_reason = ?", reason).
		Where("token_hash = ? AND ended_at IS NULL", info.tokenHash).Exec(ctx)
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode})
	return err
}

// returnPath is where a citizen's new login should land: the last page of
// their previous session if that one ended by the idle timeout, else "".
func (s *Server) returnPath(ctx context.Context, db bun.IDB, accountID int64, now time.Time) (string, error) {
	var prev sessionRow
	err := db.NewSelect().Model(&prev).Where("account_id = ?", accountID).
		Order("created_at DESC").Limit(1).Scan(ctx)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	expired := (prev.EndReason != nil && *prev.EndReason == "expired") ||
		(prev.EndedAt == nil && now.Sub(prev.LastSeenAt) > s.cfg.IdleTimeout)
	if !expired || prev.LastPath == "/" || prev.LastPath == "" {
		return "", nil
	}
	return prev.LastPath, nil
}

// sessionView is the wire form of a live session.
func (s *Server) sessionView(info *sessionInfo) shared.Session {
	return shared.Session{
		Actor:            info.actor,
		IdleSeconds:      int(s.cfg.IdleTimeout / time.Second),
		ExpiresInSeconds: int(s.cfg.IdleTimeout / time.Second),
	}
}
