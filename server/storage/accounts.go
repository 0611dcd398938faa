package storage

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

type orgRow struct {
	bun.BaseModel `bun:"table:organisations"`
	Code          string `bun:"code,pk"`
	Kind          string `bun:"kind"`
	Name          string `bun:"name"`
}

type accountRow struct {
	bun.BaseModel     `bun:"table:citizen_accounts"`
	ID                int64     `bun:"id,pk,autoincrement"`
	CitizenID         int64     `bun:"citizen_id"`
	Username          string    `bun:"username"`
	PasswordHash      string    `bun:"password_hash"`
	PrivacyAcceptedAt time.Time `bun:"privacy_accepted_at"`
	CreatedAt         time.Time `bun:"created_at"`
}

type caseworkerRow struct {
	bun.BaseModel `bun:"table:caseworkers"`
	ID            int64  `bun:"id,pk,autoincrement"`
	Username      string `bun:"username"`
	PasswordHash  string `bun:"password_hash"`
	Name          string `bun:"name"`
	OrgCode       string `bun:"org_code"`
	Role          string `bun:"role"`
}

// Account is a citizen's login.
type Account struct {
	ID           int64
	CitizenID    int64
	PasswordHash string
}

// AccountByUsername finds a citizen's account (case-insensitively).
func (s *Store) AccountByUsername(ctx context.Context, username string) (Account, error) {
	var r accountRow
	err := s.db.NewSelect().Model(&r).Where("lower(username) = lower(?)", username).Scan(ctx)
	return Account{ID: r.ID, CitizenID: r.CitizenID, PasswordHash: r.PasswordHash}, notFound(err, "Brugeren")
}

// Caseworker is a caseworker's login and who they are.
type Caseworker struct {
	ID           int64
	Name         string
	Role         shared.Role
	Organisation shared.Organisation
	PasswordHash string
}

// CaseworkerByUsername finds a caseworker (case-insensitively) with their
// organisation.
func (s *Store) CaseworkerByUsername(ctx context.Context, username string) (Caseworker, error) {
	var r struct {
		ID           int64  `bun:"id"`
		Name         string `bun:"name"`
		Role         string `bun:"role"`
		PasswordHash string `bun:"password_hash"`
		OrgCode      string `bun:"code"`
		OrgKind      string `bun:"kind"`
		OrgName      string `bun:"org_name"`
	}
	err := s.db.NewRaw(`SELECT w.id, w.name, w.role, w.password_hash, o.code, o.kind, o.name AS org_name
		FROM caseworkers w JOIN organisations o ON o.code = w.org_code WHERE lower(w.username) = lower(?)`, username).Scan(ctx, &r)
	return Caseworker{ID: r.ID, Name: r.Name, Role: shared.Role(r.Role), PasswordHash: r.PasswordHash,
		Organisation: shared.Organisation{Code: r.OrgCode, Kind: shared.OrgKind(r.OrgKind), Name: r.OrgName}}, notFound(err, "Sagsbehandleren")
}

// OrganisationByToken resolves an ingestion API token (its hash) to the
// organisation it belongs to.
func (s *Store) OrganisationByToken(ctx context.Context, tokenHash []byte) (shared.Organisation, error) {
	var r orgRow
	err := s.db.NewRaw(`SELECT o.code, o.kind, o.name FROM api_tokens t JOIN organisations o ON o.code = t.org_code
		WHERE t.token_hash = ?`, tokenHash).Scan(ctx, &r)
	return shared.Organisation{Code: r.Code, Kind: shared.OrgKind(r.Kind), Name: r.Name}, notFound(err, "API-nøglen")
}

// NewAccount is a citizen's account creation (SPEC A1).
type NewAccount struct {
	CPR          shared.CPR
	Name         string
	Username     string
	PasswordHash string
	Now          time.Time
}

// Register creates a citizen's account and signs them in, in one
// transaction: a CPR number already known to Jobnet (enrolled by a
// jobcenter) gets the account, a new one becomes a citizen; one that has an
// account, or a username taken, is a conflict with its field.
func (s *Store) Register(ctx context.Context, in NewAccount, session NewSession, idle time.Duration) (CitizenLogin, error) {
	var login CitizenLogin
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		var citizenID int64
		err := tx.NewSelect().Table("citizens").Column("id").Where("cpr = ?", string(in.CPR)).For("UPDATE").Scan(ctx, &citizenID)
		switch {
		case isNoRows(err):
			c := citizenRow{CPR: string(in.CPR), Name: in.Name, Enrolment: string(shared.EnrolmentAfmeldt), CreatedAt: in.Now, UpdatedAt: in.Now}
			if _, err := tx.NewInsert().Model(&c).ExcludeColumn("id", "eures_visible").Returning("id").Exec(ctx); err != nil {
				return err
			}
			citizenID = c.ID
		case err != nil:
			return err
		}
		n, err := tx.NewSelect().Table("citizen_accounts").Where("citizen_id = ?", citizenID).Count(ctx)
		if err != nil {
			return err
		}
		if n > 0 {
			return fieldConflict("cpr", "Der findes allerede en bruger med dette CPR-nummer.", "")
		}
		acc := accountRow{CitizenID: citizenID, Username: in.Username, PasswordHash: in.PasswordHash, PrivacyAcceptedAt: in.Now, CreatedAt: in.Now}
		_, err = tx.NewInsert().Model(&acc).ExcludeColumn("id").Returning("id").Exec(ctx)
		if isUniqueViolation(err) {
			return fieldConflict("username", "Brugernavnet er optaget.", "Brugernavnet er optaget. Vælg et andet.")
		}
		if err != nil {
			return err
		}
		login, err = startCitizenSession(ctx, tx, Account{ID: acc.ID, CitizenID: citizenID}, session, idle)
		return err
	})
	return login, err
}

// fieldConflict is a conflict shown at one field of a form; fieldMsg
// defaults to msg.
func fieldConflict(field, msg, fieldMsg string) error {
	if fieldMsg == "" {
		fieldMsg = msg
	}
	return &shared.Error{Code: shared.EConflict, Message: msg, Fields: []shared.FieldError{{Field: field, Message: fieldMsg}}}
}
