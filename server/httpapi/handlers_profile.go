package httpapi

import (
	"crypto/rand"
	"fmt"
	"math/big"

	"jobnet/server/password"
	"jobnet/shared"
)

// Brugerprofil (SPEC A3; shared/profil.go): the citizen's own. The
// jobcenter reads it (without the username) and changes nothing; the
// a-kasse is refused it whole (shared.WithheldBrugerprofil) — both by the
// route table.

// loadProfile is the profile with what NemSMS says of the phone; the
// username only for the citizen's own session.
func loadProfile(req *citizenRequest) (shared.Profile, error) {
	p, err := req.citizen.Profile(req.ctx())
	if err != nil {
		return p, err
	}
	if p.Phone != "" {
		if p.SMSVerified, err = req.sms.Verified(req.ctx(), p.Phone); err != nil {
			return p, err
		}
	}
	if !req.sess.citizensOwn() {
		p.Username = "" // half of the citizen's login: not a caseworker's to see
	}
	return p, nil
}

// handleGetProfile: GET /api/profil — the four sub-pages' data.
func handleGetProfile(req *citizenRequest) (shared.Profile, error) { return loadProfile(req) }

// handlePutContact: PUT /api/profil/kontakt — Kontaktoplysninger; a new
// e-mail gets a code (MsgEmailCodeSent) and becomes the address once
// confirmed.
func handlePutContact(req *citizenRequest) (shared.Profile, error) {
	var in shared.ContactInput
	if err := decode(req.r, &in); err != nil {
		return shared.Profile{}, err
	}
	p, err := req.citizen.Profile(req.ctx())
	if err != nil {
		return p, err
	}
	if err := in.Check(p.Enrolled); err != nil {
		return p, err
	}
	code, err := newEmailCode()
	if err != nil {
		return p, err
	}
	if _, err := req.citizen.SetContact(req.ctx(), in, code, req.now); err != nil {
		return p, err
	}
	return loadProfile(req)
}

// newEmailCode draws shared.EmailCodeDigits random digits.
func newEmailCode() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%0*d", shared.EmailCodeDigits, n.Int64()), nil
}

// handleConfirmEmail: POST /api/profil/kontakt/bekraeft — the code from
// the mail.
func handleConfirmEmail(req *citizenRequest) (shared.Profile, error) {
	var in shared.EmailCodeInput
	if err := decode(req.r, &in); err != nil {
		return shared.Profile{}, err
	}
	if err := in.Check(); err != nil {
		return shared.Profile{}, err
	}
	if err := req.citizen.ConfirmEmail(req.ctx(), in.Code, req.now); err != nil {
		return shared.Profile{}, err
	}
	return loadProfile(req)
}

// handlePutTempAddress: PUT /api/profil/midlertidig-adresse.
func handlePutTempAddress(req *citizenRequest) (shared.Profile, error) {
	var in shared.TempAddressInput
	if err := decode(req.r, &in); err != nil {
		return shared.Profile{}, err
	}
	a, err := in.Check(shared.DateOf(req.now.In(req.loc)))
	if err != nil {
		return shared.Profile{}, err
	}
	if err := req.citizen.SetTempAddress(req.ctx(), a); err != nil {
		return shared.Profile{}, err
	}
	return loadProfile(req)
}

// handleDeleteTempAddress: DELETE /api/profil/midlertidig-adresse.
func handleDeleteTempAddress(req *citizenRequest) (shared.Profile, error) {
	if err := req.citizen.RemoveTempAddress(req.ctx()); err != nil {
		return shared.Profile{}, err
	}
	return loadProfile(req)
}

// handlePutUsername: PUT /api/profil/brugernavn — no password (003).
func handlePutUsername(req *citizenRequest) (shared.Profile, error) {
	var in shared.UsernameInput
	if err := decode(req.r, &in); err != nil {
		return shared.Profile{}, err
	}
	if err := req.citizen.SetUsername(req.ctx(), in.Username); err != nil {
		return shared.Profile{}, err
	}
	return loadProfile(req)
}

// handlePutPassword: PUT /api/profil/adgangskode — the old password, then
// the new one twice (003).
func handlePutPassword(req *citizenRequest) (noContent, error) {
	var in shared.PasswordInput
	if err := decode(req.r, &in); err != nil {
		return noContent{}, err
	}
	old, err := req.citizen.PasswordHash(req.ctx())
	if err != nil {
		return noContent{}, err
	}
	if err := checkOwnPassword(req, old, in.OldPassword, shared.FieldOldPassword, shared.MsgOldPassword); err != nil {
		return noContent{}, err
	}
	hash, err := password.Hash(in.Password)
	if err != nil {
		return noContent{}, err
	}
	return noContent{}, req.citizen.SetPasswordHash(req.ctx(), old, hash)
}

// handlePutNotices: PUT /api/profil/beskeder — the campaigns by e-mail
// and SMS.
func handlePutNotices(req *citizenRequest) (shared.Profile, error) {
	var in shared.NoticesInput
	if err := decode(req.r, &in); err != nil {
		return shared.Profile{}, err
	}
	p, err := loadProfile(req)
	if err != nil {
		return p, err
	}
	if err := in.Check(p); err != nil {
		return p, err
	}
	if err := req.citizen.SetSubscriptions(req.ctx(), in.Subscriptions); err != nil {
		return p, err
	}
	return loadProfile(req)
}

// handleDeleteAccount: POST /api/profil/slet — "Slet min adgang", with the
// password; not for an enrolled citizen. The session ends with the login
// (its row goes with the account); the CV stays.
func handleDeleteAccount(req *citizenRequest) (noContent, error) {
	var in shared.DeleteAccountInput
	if err := decode(req.r, &in); err != nil {
		return noContent{}, err
	}
	hash, err := req.citizen.PasswordHash(req.ctx())
	if err != nil {
		return noContent{}, err
	}
	if err := checkOwnPassword(req, hash, in.Password, shared.FieldDeletePassword, shared.MsgDeletePassword); err != nil {
		return noContent{}, err
	}
	if err := req.citizen.DeleteAccount(req.ctx()); err != nil {
		return noContent{}, err
	}
	req.sessions.forgetCitizen(req.who.ID)
	req.fronts.forgetCitizen(req.who.ID)
	return noContent{}, nil
}

// checkOwnPassword checks the citizen's password on the profile, limited
// as the login is (10 wrong per 15 minutes, per citizen): a session left
// open is no way to guess the password.
func checkOwnPassword(req *citizenRequest, hash, pw, field, msg string) error {
	key := fmt.Sprintf("profile|citizen|%d", req.who.ID)
	if !req.limiter.allowed(req.now, key) {
		return shared.Errorf(shared.ETooManyRequests, "For mange forkerte forsøg. Vent 15 minutter, og prøv igen.")
	}
	if !password.Check(hash, pw) {
		req.limiter.fail(req.now, key)
		return fieldError(shared.EInvalid, field, msg)
	}
	req.limiter.reset(key)
	return nil
}
