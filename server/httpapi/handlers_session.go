package httpapi

import (
	"context"
	"net"
	"net/http"
	"strings"
	"time"

	"jobnet/server/password"
	"jobnet/server/storage"
	"jobnet/shared"
)

var errBadLogin = shared.Errorf(shared.EUnauthorized, "Brugernavn eller adgangskode er forkert.")

// health is the health check's answer.
type health struct {
	Status string `json:"status"`
}

// handleHealthz: GET /healthz — whether the database answers.
func handleHealthz(req *sessionRequest) (health, error) {
	ctx, cancel := context.WithTimeout(req.ctx(), 2*time.Second)
	defer cancel()
	if err := req.api.store.Ping(ctx); err != nil {
		req.api.log.Error("health check: database unavailable", "err", err)
		return health{}, shared.Errorf(shared.EInternal, "Databasen svarer ikke.")
	}
	return health{Status: "ok"}, nil
}

// handleSession: GET /api/session — the signed-in actor (without a
// session, the policy answers 401), and STAR's banner if one shows today.
func handleSession(req *sessionRequest) (shared.Session, error) {
	v := req.api.sessionView(req.actor)
	b, err := req.api.banner(&req.request)
	v.Banner = b
	return v, err
}

// handleSessionExpire: POST /api/session/expire — the app's countdown ran
// out: end the session as an automatic sign-off, so that the next login
// returns to the page the citizen was on.
func handleSessionExpire(req *sessionRequest) (noContent, error) {
	req.api.events.record(req.sess, eventExpired, "", req.now)
	return noContent{}, req.api.endSession(req, "expired")
}

// handleLogout: POST /api/logout — "Log ud": the next login starts on the
// front page.
func handleLogout(req *sessionRequest) (noContent, error) {
	req.api.events.record(req.sess, eventLogout, "", req.now)
	return noContent{}, req.api.endSession(req, "logout")
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// checkCredentials runs the rate limit and the password check shared by the
// citizen's and the caseworker's login; found is false for unknown users.
func (a *API) checkCredentials(req *sessionRequest, kind string, in shared.LoginRequest, hash string, found bool) error {
	keys := []string{kind + "|ip|" + clientIP(req.r), kind + "|user|" + strings.ToLower(in.Username)}
	if !a.limiter.allowed(req.now, keys...) {
		return shared.Errorf(shared.ETooManyRequests, "For mange forkerte forsøg. Vent 15 minutter, og prøv igen.")
	}
	if !found {
		hash = password.Dummy()
	}
	if !password.Check(hash, in.Password) || !found {
		a.limiter.fail(req.now, keys...)
		return errBadLogin
	}
	a.limiter.reset(keys[1])
	return nil
}

// handleLogin: POST /api/login — a citizen's username and password login (SPEC A1).
func handleLogin(req *sessionRequest) (shared.Session, error) {
	var in shared.LoginRequest
	if err := decode(req.r, &in); err != nil {
		return shared.Session{}, err
	}
	acc, err := req.api.store.AccountByUsername(req.ctx(), in.Username)
	found := err == nil
	if err != nil && !storage.IsNotFound(err) {
		return shared.Session{}, err
	}
	if err := req.api.checkCredentials(req, "citizen", in, acc.PasswordHash, found); err != nil {
		return shared.Session{}, err
	}
	return req.api.loginCitizen(req, func(s storage.NewSession) (storage.CitizenLogin, error) {
		return req.api.store.StartCitizenSession(req.ctx(), acc, s, req.api.cfg.IdleTimeout)
	})
}

// loginCitizen is the login seam: every way of proving a citizen's identity
// ends here once the account is known — the password check today, and an
// OIDC callback (MitID) later, which maps the verified CPR number to the
// account and calls this. start starts the session in storage (which
// records the login for Historik in the same transaction); loginCitizen
// gives the browser its cookie and answers with the session, including
// where to return after an automatic sign-off.
func (a *API) loginCitizen(req *sessionRequest, start func(storage.NewSession) (storage.CitizenLogin, error)) (shared.Session, error) {
	var login storage.CitizenLogin
	hash, err := a.newSession(req, func(s storage.NewSession) (err error) {
		login, err = start(s)
		return err
	})
	if err != nil {
		return shared.Session{}, err
	}
	actor := shared.Actor{Role: shared.RoleCitizen, Name: login.Name, CitizenID: login.CitizenID, CitizenName: login.Name}
	a.events.record(&session{tokenHash: hash, actor: actor}, eventLogin, "", req.now)
	view := a.sessionView(actor)
	view.ReturnTo = login.ReturnTo
	return view, nil
}

// handleRegister: POST /api/register — create a citizen's account, accepting
// "Politik om persondata" (SPEC A1). A CPR number already known to Jobnet
// (enrolled by a jobcenter) gets the account; one that has an account is
// refused.
func handleRegister(req *sessionRequest) (shared.Session, error) {
	var in shared.RegisterRequest
	if err := decode(req.r, &in); err != nil {
		return shared.Session{}, err
	}
	cpr, _ := shared.ParseCPR(in.CPR) // valid: checked by decode
	hash, err := password.Hash(in.Password)
	if err != nil {
		return shared.Session{}, err
	}
	account := storage.NewAccount{CPR: cpr, Name: in.Name, Username: in.Username, PasswordHash: hash, Now: req.now}
	return req.api.loginCitizen(req, func(s storage.NewSession) (storage.CitizenLogin, error) {
		return req.api.store.Register(req.ctx(), account, s, req.api.cfg.IdleTimeout)
	})
}

// handleCaseworkerLogin: POST /api/caseworker/login — /sagsbehandleradgang (SPEC K1).
func handleCaseworkerLogin(req *sessionRequest) (shared.Session, error) {
	var in shared.LoginRequest
	if err := decode(req.r, &in); err != nil {
		return shared.Session{}, err
	}
	cw, err := req.api.store.CaseworkerByUsername(req.ctx(), in.Username)
	found := err == nil
	if err != nil && !storage.IsNotFound(err) {
		return shared.Session{}, err
	}
	if err := req.api.checkCredentials(req, "caseworker", in, cw.PasswordHash, found); err != nil {
		return shared.Session{}, err
	}
	if _, err := req.api.newSession(req, func(s storage.NewSession) error {
		return req.api.store.StartCaseworkerSession(req.ctx(), cw.ID, s)
	}); err != nil {
		return shared.Session{}, err
	}
	org := cw.Organisation
	return req.api.sessionView(shared.Actor{Role: cw.Role, Name: cw.Name, Organisation: &org}), nil
}

// handleMirrorStart: POST /api/mirror — "Se Jobnet som borgeren ser det":
// check the access rules for the CPR number, record the access in the
// citizen's login history and show that citizen's Jobnet (SPEC K1, K3).
func handleMirrorStart(req *sessionRequest) (shared.Session, error) {
	var in shared.MirrorRequest
	if err := decode(req.r, &in); err != nil {
		return shared.Session{}, err
	}
	cpr, _ := shared.ParseCPR(in.CPR)
	c, err := req.api.store.CitizenByCPR(req.ctx(), cpr)
	if storage.IsNotFound(err) {
		return shared.Session{}, fieldError(shared.ENotFound, "cpr", "Der findes ingen borger i Jobnet med dette CPR-nummer.")
	}
	if err != nil {
		return shared.Session{}, err
	}
	actor := req.actor
	actor.CitizenID, actor.CitizenName = 0, ""
	if err := shared.CheckMirrorAccess(actor, c, shared.DateOf(req.now)); err != nil {
		// The reason belongs at the CPR field of the form too.
		return shared.Session{}, fieldError(shared.EForbidden, "cpr", shared.ErrorMessageOf(err))
	}
	access := storage.LoginRecord{At: req.now, Name: actor.Name, CaseworkerID: req.sess.caseworkerID, Organisation: actor.Organisation.Name}
	req.api.sessions.forget(req.sess.tokenHash)
	if err := req.api.store.StartMirror(req.ctx(), req.sess.tokenHash, c.ID, access); err != nil {
		return shared.Session{}, err
	}
	actor.CitizenID, actor.CitizenName = c.ID, c.Name
	return req.api.sessionView(actor), nil
}

// handleMirrorStop: DELETE /api/mirror — "Skift til anden borger".
func handleMirrorStop(req *sessionRequest) (shared.Session, error) {
	req.api.sessions.forget(req.sess.tokenHash)
	if err := req.api.store.StopMirror(req.ctx(), req.sess.tokenHash); err != nil {
		return shared.Session{}, err
	}
	actor := req.actor
	actor.CitizenID, actor.CitizenName = 0, ""
	return req.api.sessionView(actor), nil
}

// fieldError is an error shown at one form field too.
func fieldError(code shared.ErrorCode, field, msg string) error {
	return &shared.Error{Code: code, Message: msg, Fields: []shared.FieldError{{Field: field, Message: msg}}}
}
