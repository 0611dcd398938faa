package httpapi

import (
	"encoding/binary"
	"errors"
	"net/http"
	"strings"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

const sessionCookie = "jobnet_session"

// pathHeader carries the app's current page, remembered so the next login
// after an automatic sign-off can return there (SPEC A2).
const pathHeader = "X-Jobnet-Path"

// citizensOwn reports whether the session is a citizen's own. It is the
// one place that decides what a visit records: what the citizen does
// (behaviour data, a plan version seen) is recorded for their own session,
// and nothing a caseworker does, mirroring or not (SPEC K2, K5).
func (s *session) citizensOwn() bool { return s != nil && s.actor.Role == shared.RoleCitizen }

// seed is a number fixed for the session and different from login to
// login: the forsidekort take turns by it ("Ved logon initialiseres
// kortene").
func (s *session) seed() uint64 {
	if s == nil || len(s.tokenHash) < 8 {
		return 0
	}
	return binary.BigEndian.Uint64(s.tokenHash)
}

// errAnonymous: the request has no live session.
var errAnonymous = errors.New("no live session")

// session is a live session and the actor behind it.
type session struct {
	tokenHash    []byte
	actor        shared.Actor
	caseworkerID int64
	// who is the citizen whose Jobnet is shown, as loaded with the
	// session (for a caseworker, the access check was made on it): nil
	// for a caseworker who has not chosen one.
	who *shared.Citizen
}

// cleanPath accepts only an in-app path, never another origin.
func cleanPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.ContainsAny(p, "\\\r\n") || len(p) > 200 {
		return ""
	}
	return p
}

// resolveSession finds the live session behind the request's cookie. A
// session idle for longer than the idle timeout is ended there and then,
// as an automatic sign-off at the moment it went idle; a live one is
// touched in memory only (liveness). Without a live session it answers
// errAnonymous.
func (a *API) resolveSession(r *http.Request, now time.Time) (*session, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return nil, errAnonymous
	}
	hash := storage.TokenHash(c.Value)
	rec, ok := a.sessions.get(hash)
	if !ok {
		if rec, err = a.store.Session(r.Context(), hash); storage.IsNotFound(err) {
			return nil, errAnonymous
		} else if err != nil {
			return nil, err
		}
		a.sessions.put(rec)
	}
	lastSeen, lastPath := a.live.seen(hash, rec.LastSeenAt, rec.LastPath)
	s := &session{tokenHash: hash}
	if rec.AccountID != 0 {
		s.actor = shared.Actor{Role: shared.RoleCitizen, Name: rec.Citizen.Name, CitizenID: rec.Citizen.ID, CitizenName: rec.Citizen.Name}
		s.who = rec.Citizen
	} else {
		cw := rec.Caseworker
		org := cw.Organisation
		s.caseworkerID = cw.ID
		s.actor = shared.Actor{Role: cw.Role, Name: cw.Name, Organisation: &org}
	}
	if now.Sub(lastSeen) > a.cfg.IdleTimeout {
		a.forgetSession(hash)
		expired, err := a.store.ExpireSession(r.Context(), hash, lastSeen.Add(a.cfg.IdleTimeout), lastPath)
		if err != nil {
			return nil, err
		}
		if expired {
			a.events.record(s, eventExpired, "", now)
		}
		return nil, errAnonymous
	}
	if s.actor.Role.IsCaseworker() && rec.Citizen != nil {
		// Checked on every request, so that access ends the day the
		// forløb does, or the citizen moves: back to choosing a citizen.
		if shared.CheckMirrorAccess(s.actor, *rec.Citizen, shared.DateOf(now)) != nil {
			a.sessions.forget(hash)
			if err := a.store.StopMirror(r.Context(), hash); err != nil {
				return nil, err
			}
		} else {
			s.actor.CitizenID, s.actor.CitizenName = rec.Citizen.ID, rec.Citizen.Name
			s.who = rec.Citizen
		}
	}
	// The app sends the page's path with every call: a new path is a page
	// opened (behaviour data, for citizens only).
	if page := cleanPath(r.Header.Get(pathHeader)); a.live.touch(hash, now, page, lastPath) {
		a.events.record(s, eventPage, page, now)
	}
	return s, nil
}

// forgetSession drops what this process keeps of a session that ends.
func (a *API) forgetSession(hash []byte) {
	a.live.forget(hash)
	a.sessions.forget(hash)
	a.fronts.forgetSession(hash)
}

// setSessionCookie gives the browser the new session's token.
func (a *API) setSessionCookie(w http.ResponseWriter, token string) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true,
		Secure: a.cfg.SecureCookies, SameSite: http.SameSiteLaxMode})
}

func (a *API) clearSessionCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		Secure: a.cfg.SecureCookies, SameSite: http.SameSiteLaxMode})
}

// endSession ends the caller's session for reason, with what this process
// saw of it last, and clears the cookie.
func (a *API) endSession(req *sessionRequest, reason string) error {
	s := req.sess
	lastSeen, lastPath := a.live.seen(s.tokenHash, time.Time{}, "")
	a.forgetSession(s.tokenHash)
	a.clearSessionCookie(req.w)
	return a.store.EndSession(req.ctx(), s.tokenHash, storage.SessionEnd{Reason: reason, At: req.now, LastSeen: lastSeen, LastPath: lastPath})
}

// sessionView is the wire form of a live session.
func (a *API) sessionView(actor shared.Actor) shared.Session {
	idle := int(a.cfg.IdleTimeout / time.Second)
	return shared.Session{Actor: actor, IdleSeconds: idle, ExpiresInSeconds: idle}
}

// newSession starts a session with a new token in storage (start, which
// also ends the browser's previous session) and gives the browser its
// cookie. It returns the new token's hash.
func (a *API) newSession(req *sessionRequest, start func(storage.NewSession) error) ([]byte, error) {
	token, hash := storage.NewToken()
	ns := storage.NewSession{TokenHash: hash, Now: req.now}
	if req.sess != nil {
		ns.Previous = req.sess.tokenHash
		a.forgetSession(ns.Previous)
	}
	if err := start(ns); err != nil {
		return nil, err
	}
	a.setSessionCookie(req.w, token)
	return hash, nil
}
