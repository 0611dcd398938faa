package storage

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"strings"
	"time"

	"jobnet/server/mail"
	"jobnet/shared"
)

// Brugerprofil (SPEC A3, shared/profil.go): contact details with the
// e-mail confirmed by a code, the temporary address, the login's username
// and password, the campaigns of "Få besked" and "Slet min adgang".
// Migration 035 holds the tables and, in comments, why they look so.

// Profile reads Brugerprofil. SMSVerified is the SMS seam's to say (the
// handler asks it); Username is always filled here.
func (c Citizen) Profile(ctx context.Context) (shared.Profile, error) {
	var p shared.Profile
	var head struct {
		Name      string `bun:"name"`
		Enrolment string `bun:"enrolment"`
		Username  string `bun:"username"`
		Email     string `bun:"email"`
		Phone     string `bun:"phone"`
		Pending   string `bun:"pending"`
	}
	if err := c.db.NewRaw(`SELECT ci.name, ci.enrolment, coalesce(a.username, '') AS username,
			coalesce(cd.email, '') AS email, coalesce(cd.phone, '') AS phone,
			coalesce((SELECT e.email FROM email_codes e WHERE e.citizen_id = ci.id AND e.used_at IS NULL
				AND e.superseded_at IS NULL ORDER BY e.id DESC LIMIT 1), '') AS pending
		FROM citizens ci
		LEFT JOIN citizen_accounts a ON a.citizen_id = ci.id
		LEFT JOIN contact_details cd ON cd.citizen_id = ci.id
		WHERE ci.id = ?`, c.id).Scan(ctx, &head); err != nil {
		return p, notFound(err, "Borgeren")
	}
	p.Name, p.Username, p.Email, p.Phone, p.PendingEmail = head.Name, head.Username, head.Email, head.Phone, head.Pending
	p.Enrolled = shared.EnrolmentStatus(head.Enrolment) == shared.EnrolmentTilmeldt
	var addr []struct {
		Street   string    `bun:"street"`
		Postcode string    `bun:"postcode"`
		City     string    `bun:"city"`
		From     time.Time `bun:"from_date"`
		To       time.Time `bun:"to_date"`
	}
	if err := c.db.NewRaw(`SELECT street, postcode, city, from_date, to_date FROM temporary_addresses WHERE citizen_id = ?`, c.id).
		Scan(ctx, &addr); err != nil {
		return p, err
	}
	if len(addr) == 1 {
		a := addr[0]
		p.TempAddress = &shared.TempAddress{Street: a.Street, Postcode: a.Postcode, City: a.City, From: shared.DateOf(a.From), To: shared.DateOf(a.To)}
	}
	var subs []struct {
		Campaign string `bun:"campaign"`
		Email    bool   `bun:"email"`
		SMS      bool   `bun:"sms"`
	}
	if err := c.db.NewRaw(`SELECT campaign, bool_or(email) AS email, bool_or(sms) AS sms FROM (
			SELECT campaign, true AS email, false AS sms FROM mail_subscriptions WHERE citizen_id = ?
			UNION ALL SELECT campaign, false, true FROM sms_subscriptions WHERE citizen_id = ?) s
		GROUP BY campaign`, c.id, c.id).Scan(ctx, &subs); err != nil {
		return p, err
	}
	for _, k := range shared.Campaigns {
		s := shared.Subscription{Campaign: k.Key}
		for _, r := range subs {
			if r.Campaign == k.Key {
				s.Email, s.SMS = r.Email, r.SMS
			}
		}
		p.Subscriptions = append(p.Subscriptions, s)
	}
	return p, nil
}

// ContactChange is the stored effect of the contact form.
type ContactChange struct {
	// CodeSent: the e-mail is new, and a code was sent to it; it becomes
	// the address once confirmed (ConfirmEmail).
	CodeSent bool
}

// SetContact stores the contact form (judged by shared.ContactInput.Check)
// in one transaction: the phone at once; the e-mail as it is when it is
// the confirmed one; a new e-mail only as a code (its hash) mailed to it,
// voiding any earlier code — the confirmed address stays until the new
// one is confirmed; an empty e-mail removes the address and with it the
// e-mail campaigns (nothing can be sent without one). code is the code to
// send (the handler draws it).
func (c Citizen) SetContact(ctx context.Context, in shared.ContactInput, code string, now time.Time) (ContactChange, error) {
	var ch ContactChange
	phone, _ := shared.NormalizePhone(in.Phone)
	email := strings.TrimSpace(in.Email)
	err := c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		var name, confirmed string
		if err := c.db.NewRaw(`SELECT ci.name, coalesce(cd.email, '') FROM citizens ci
			LEFT JOIN contact_details cd ON cd.citizen_id = ci.id WHERE ci.id = ? FOR UPDATE OF ci`, c.id).Scan(ctx, &name, &confirmed); err != nil {
			return notFound(err, "Borgeren")
		}
		if _, err := c.db.NewRaw(`INSERT INTO contact_details (citizen_id, phone, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (citizen_id) DO UPDATE SET phone = EXCLUDED.phone, updated_at = EXCLUDED.updated_at`, c.id, phone, now).Exec(ctx); err != nil {
			return err
		}
		if _, err := c.db.NewRaw(`UPDATE email_codes SET superseded_at = ? WHERE citizen_id = ? AND superseded_at IS NULL`,
			now, c.id).Exec(ctx); err != nil {
			return err
		}
		switch {
		case email == "":
			if _, err := c.db.NewRaw(`UPDATE contact_details SET email = '', email_confirmed_at = NULL WHERE citizen_id = ?`, c.id).Exec(ctx); err != nil {
				return err
			}
			_, err := c.db.NewRaw(`DELETE FROM mail_subscriptions WHERE citizen_id = ?`, c.id).Exec(ctx)
			return err
		case strings.EqualFold(email, confirmed):
			return nil
		}
		h := codeHash(code)
		if _, err := c.db.NewRaw(`INSERT INTO email_codes (citizen_id, email, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)`,
			c.id, email, h[:], now, now.Add(shared.EmailCodeLifetimeMin*time.Minute)).Exec(ctx); err != nil {
			return err
		}
		m, err := mail.Letter{Kind: mail.KindEmailCode, Lang: mail.Danish, To: email,
			Data: mail.EmailCodeData{Name: name, Code: code, Minutes: shared.EmailCodeLifetimeMin}}.Message()
		if err != nil {
			return err
		}
		ch.CodeSent = true
		_, err = c.EnqueueMail(ctx, m, now)
		return err
	})
	return ch, err
}

func codeHash(code string) [32]byte { return sha256.Sum256([]byte(strings.TrimSpace(code))) }

// ConfirmEmail confirms the address waiting for code: the newest code not
// voided by a newer one. Wrong, expired, used and worn out (too many
// tries) are each a message at the code field; a wrong try counts,
// committed even though the answer is an error.
func (c Citizen) ConfirmEmail(ctx context.Context, code string, now time.Time) error {
	var msg string
	err := c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		var rows []struct {
			ID        int64      `bun:"id"`
			Email     string     `bun:"email"`
			Hash      []byte     `bun:"code_hash"`
			ExpiresAt time.Time  `bun:"expires_at"`
			Attempts  int        `bun:"attempts"`
			UsedAt    *time.Time `bun:"used_at"`
		}
		if err := c.db.NewRaw(`SELECT id, email, code_hash, expires_at, attempts, used_at FROM email_codes
			WHERE citizen_id = ? AND superseded_at IS NULL ORDER BY id DESC LIMIT 1 FOR UPDATE`, c.id).Scan(ctx, &rows); err != nil {
			return err
		}
		if len(rows) == 0 {
			msg = shared.MsgCodeNone
			return nil
		}
		r := rows[0]
		h := codeHash(code)
		switch {
		case r.UsedAt != nil:
			msg = shared.MsgCodeUsed
		case !now.Before(r.ExpiresAt), r.Attempts >= shared.EmailCodeMaxAttempts:
			msg = shared.MsgCodeExpired
		case subtle.ConstantTimeCompare(h[:], r.Hash) != 1:
			msg = shared.MsgCodeWrong
			_, err := c.db.NewRaw(`UPDATE email_codes SET attempts = attempts + 1 WHERE id = ?`, r.ID).Exec(ctx)
			return err
		}
		if msg != "" {
			return nil
		}
		if _, err := c.db.NewRaw(`UPDATE email_codes SET used_at = ? WHERE id = ?`, now, r.ID).Exec(ctx); err != nil {
			return err
		}
		return c.setConfirmedEmail(ctx, r.Email, now)
	})
	if err != nil {
		return err
	}
	if msg != "" {
		return &shared.Error{Code: shared.EInvalid, Message: msg, Fields: []shared.FieldError{{Field: shared.FieldProfileCode, Message: msg}}}
	}
	return nil
}

// SetConfirmedEmail makes email the citizen's confirmed address without a
// code: for the demo seed and tests only, whose addresses are confirmed
// by construction. Every citizen's change goes through SetContact and
// ConfirmEmail.
func (c Citizen) SetConfirmedEmail(ctx context.Context, email string, now time.Time) error {
	return c.InTx(ctx, func(ctx context.Context, c Citizen) error { return c.setConfirmedEmail(ctx, email, now) })
}

// setConfirmedEmail stores the confirmed address and moves the e-mail
// campaigns to it.
func (c Citizen) setConfirmedEmail(ctx context.Context, email string, now time.Time) error {
	if _, err := c.db.NewRaw(`INSERT INTO contact_details (citizen_id, email, email_confirmed_at, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (citizen_id) DO UPDATE SET email = EXCLUDED.email, email_confirmed_at = EXCLUDED.email_confirmed_at,
		updated_at = EXCLUDED.updated_at`, c.id, email, now, now).Exec(ctx); err != nil {
		return err
	}
	_, err := c.db.NewRaw(`UPDATE mail_subscriptions SET email = ? WHERE citizen_id = ?`, email, c.id).Exec(ctx)
	return err
}

// SetTempAddress stores the temporary address (judged by
// shared.TempAddressInput.Check; the database holds the 90 days too).
func (c Citizen) SetTempAddress(ctx context.Context, a shared.TempAddress) error {
	_, err := c.db.NewRaw(`INSERT INTO temporary_addresses (citizen_id, street, postcode, city, from_date, to_date)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (citizen_id) DO UPDATE SET street = EXCLUDED.street, postcode = EXCLUDED.postcode,
		city = EXCLUDED.city, from_date = EXCLUDED.from_date, to_date = EXCLUDED.to_date`,
		c.id, a.Street, a.Postcode, a.City, a.From.String(), a.To.String()).Exec(ctx)
	return err
}

// RemoveTempAddress removes the temporary address (none is no error).
func (c Citizen) RemoveTempAddress(ctx context.Context) error {
	_, err := c.db.NewRaw(`DELETE FROM temporary_addresses WHERE citizen_id = ?`, c.id).Exec(ctx)
	return err
}

// SetUsername changes the login's username: "Ingen adgangskode
// nødvendig" (003). A username taken (case-insensitively) is a conflict
// at the field.
func (c Citizen) SetUsername(ctx context.Context, username string) error {
	res, err := c.db.NewRaw(`UPDATE citizen_accounts SET username = ? WHERE citizen_id = ?`, username, c.id).Exec(ctx)
	if isUniqueViolation(err) {
		return fieldConflict(shared.FieldUsername, "Brugernavnet er optaget.", "Brugernavnet er optaget. Vælg et andet.")
	}
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err != nil {
			return err
		}
		return shared.Errorf(shared.ENotFound, "Brugeren findes ikke.")
	}
	return nil
}

// PasswordHash is the login's password hash, for the handler to check an
// old password against.
func (c Citizen) PasswordHash(ctx context.Context) (string, error) {
	var h string
	err := c.db.NewRaw(`SELECT password_hash FROM citizen_accounts WHERE citizen_id = ?`, c.id).Scan(ctx, &h)
	return h, notFound(err, "Brugeren")
}

// SetPasswordHash replaces the login's password hash if it is still old
// (the one the handler checked the old password against): a change made
// meanwhile is a conflict.
func (c Citizen) SetPasswordHash(ctx context.Context, old, hash string) error {
	res, err := c.db.NewRaw(`UPDATE citizen_accounts SET password_hash = ? WHERE citizen_id = ? AND password_hash = ?`, hash, c.id, old).Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err != nil {
			return err
		}
		return shared.NewError(shared.EConflict)
	}
	return nil
}

// SetSubscriptions stores the choice of "Få besked" (judged by
// shared.NoticesInput.Check), replacing the earlier one in one
// transaction. An e-mail campaign goes to the confirmed address; without
// one it is refused here too.
func (c Citizen) SetSubscriptions(ctx context.Context, subs []shared.Subscription) error {
	return c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		var email string
		if err := c.db.NewRaw(`SELECT coalesce((SELECT email FROM contact_details WHERE citizen_id = ?), '')`, c.id).Scan(ctx, &email); err != nil {
			return err
		}
		for _, q := range []string{`DELETE FROM mail_subscriptions WHERE citizen_id = ?`, `DELETE FROM sms_subscriptions WHERE citizen_id = ?`} {
			if _, err := c.db.NewRaw(q, c.id).Exec(ctx); err != nil {
				return err
			}
		}
		for _, s := range subs {
			if s.Email {
				if email == "" {
					return &shared.Error{Code: shared.EInvalid, Message: shared.MsgNoticeNeedsEmail,
						Fields: []shared.FieldError{{Field: shared.FieldNoticesEmail, Message: shared.MsgNoticeNeedsEmail}}}
				}
				if _, err := c.db.NewRaw(`INSERT INTO mail_subscriptions (citizen_id, campaign, email) VALUES (?, ?, ?)`,
					c.id, s.Campaign, email).Exec(ctx); err != nil {
					return err
				}
			}
			if s.SMS {
				if _, err := c.db.NewRaw(`INSERT INTO sms_subscriptions (citizen_id, campaign) VALUES (?, ?)`, c.id, s.Campaign).Exec(ctx); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// SMSSubscription is the phone the campaign's SMS go to; not found when
// the citizen does not get the campaign by SMS or has no phone.
func (c Citizen) SMSSubscription(ctx context.Context, campaign string) (string, error) {
	var phone string
	err := c.db.NewRaw(`SELECT cd.phone FROM sms_subscriptions s JOIN contact_details cd ON cd.citizen_id = s.citizen_id
		WHERE s.citizen_id = ? AND s.campaign = ? AND cd.phone <> ''`, c.id, campaign).Scan(ctx, &phone)
	return phone, notFound(err, "Abonnementet")
}

// DeleteAccount is "Slet min adgang" (003): "Ved sletning slettes borgers
// Jobnet account. CV i Jobsearch slettes for nuværende ikke." The login
// goes (its sessions with it, by the foreign key), and with it what only
// the account needs: the contact details, codes, temporary address and
// campaigns. The citizen's data as the jobcenter's case (the CV, plans,
// meetings, joblogs, messages) stays, as the citizen row does: a
// jobcenter may still hold a case, and a new account for the CPR number
// gets it back (Register). An enrolled citizen is refused (the handler
// checked the password).
func (c Citizen) DeleteAccount(ctx context.Context) error {
	return c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		var enrolment string
		if err := c.db.NewRaw(`SELECT enrolment FROM citizens WHERE id = ? FOR UPDATE`, c.id).Scan(ctx, &enrolment); err != nil {
			return notFound(err, "Borgeren")
		}
		if shared.EnrolmentStatus(enrolment) == shared.EnrolmentTilmeldt {
			return shared.Errorf(shared.EForbidden, "%s", shared.MsgDeleteEnrolled)
		}
		for _, q := range []string{
			`DELETE FROM mail_subscriptions WHERE citizen_id = ?`,
			`DELETE FROM sms_subscriptions WHERE citizen_id = ?`,
			`DELETE FROM email_codes WHERE citizen_id = ?`,
			`DELETE FROM temporary_addresses WHERE citizen_id = ?`,
			`DELETE FROM contact_details WHERE citizen_id = ?`,
			`DELETE FROM citizen_accounts WHERE citizen_id = ?`,
		} {
			if _, err := c.db.NewRaw(q, c.id).Exec(ctx); err != nil {
				return err
			}
		}
		return nil
	})
}
