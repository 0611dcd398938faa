package storage

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

// Seed is a data set to load at once: the demo's, or a test's.
type Seed struct {
	Organisations []shared.Organisation
	Tokens        []SeedToken
	Caseworkers   []SeedCaseworker
	Citizens      []SeedCitizen
}

// SeedToken is an ingestion API token; only its hash is stored.
type SeedToken struct {
	TokenHash []byte
	Org       string
	Name      string
}

// SeedCaseworker is a caseworker's login.
type SeedCaseworker struct {
	Username, PasswordHash, Name, Org string
	Role                              shared.Role
}

// SeedCitizen is a citizen with their data.
type SeedCitizen struct {
	CPR, Name, Jobcenter, AKasse string
	Enrolment                    shared.EnrolmentStatus
	Forloeb                      []shared.Forloeb
	Notifications                []shared.Notification
	Counters                     shared.Counters
	Plans                        []SeedPlan // oldest first
	Account                      *SeedAccount
	Logins                       []SeedLogin
	// "Jeg søger job som": the home postcode, the occupations in the order
	// added (all at the seed's moment) and the employment conditions.
	HomePostcode string
	Occupations  []shared.SoughtOccupationInput
	Conditions   *shared.EmploymentConditions
}

// SeedPlan is a plan version and who published it when.
type SeedPlan struct {
	Org       string
	Plan      shared.Plan
	Published time.Time
}

// SeedAccount is a citizen's login.
type SeedAccount struct {
	Username, PasswordHash string
	Created                time.Time
}

// SeedLogin is a row of Historik → Login; Caseworker is the username of a
// caseworker of the seed, empty for the citizen's own login.
type SeedLogin struct {
	At         time.Time
	Caseworker string
}

// Seed loads d in one transaction. It is idempotent: an organisation,
// token, caseworker or citizen that exists (by code, hash, username, CPR)
// is left as it is, with whatever was changed since.
func (s *Store) Seed(ctx context.Context, d Seed, now time.Time) error {
	return s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		for _, o := range d.Organisations {
			if _, err := tx.NewInsert().Model(&orgRow{Code: o.Code, Kind: string(o.Kind), Name: o.Name}).
				On("CONFLICT (code) DO NOTHING").Exec(ctx); err != nil {
				return err
			}
		}
		for _, t := range d.Tokens {
			if _, err := tx.NewRaw(`INSERT INTO api_tokens (token_hash, org_code, name, created_at) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING`, t.TokenHash, t.Org, t.Name, now).Exec(ctx); err != nil {
				return err
			}
		}
		caseworkers := map[string]Caseworker{}
		for _, c := range d.Caseworkers {
			cw, err := seedCaseworker(ctx, tx, c)
			if err != nil {
				return err
			}
			caseworkers[c.Username] = cw
		}
		for _, c := range d.Citizens {
			if err := seedCitizen(ctx, tx, c, caseworkers, now); err != nil {
				return err
			}
		}
		return nil
	})
}

func seedCaseworker(ctx context.Context, tx bun.Tx, c SeedCaseworker) (Caseworker, error) {
	var row caseworkerRow
	err := tx.NewSelect().Model(&row).Where("lower(username) = lower(?)", c.Username).Scan(ctx)
	if isNoRows(err) {
		row = caseworkerRow{Username: c.Username, PasswordHash: c.PasswordHash, Name: c.Name, OrgCode: c.Org, Role: string(c.Role)}
		_, err = tx.NewInsert().Model(&row).ExcludeColumn("id").Returning("id").Exec(ctx)
	}
	if err != nil {
		return Caseworker{}, err
	}
	var org orgRow
	if err := tx.NewSelect().Model(&org).Where("code = ?", row.OrgCode).Scan(ctx); err != nil {
		return Caseworker{}, err
	}
	return Caseworker{ID: row.ID, Name: row.Name, Role: shared.Role(row.Role),
		Organisation: shared.Organisation{Code: org.Code, Kind: shared.OrgKind(org.Kind), Name: org.Name}}, nil
}

func seedCitizen(ctx context.Context, tx bun.Tx, c SeedCitizen, caseworkers map[string]Caseworker, now time.Time) error {
	n, err := tx.NewSelect().Table("citizens").Where("cpr = ?", c.CPR).Count(ctx)
	if err != nil || n > 0 {
		return err
	}
	row := citizenRow{CPR: c.CPR, Name: c.Name, Enrolment: string(c.Enrolment), CreatedAt: now, UpdatedAt: now}
	if c.Jobcenter != "" {
		row.JobcenterCode = &c.Jobcenter
	}
	if c.AKasse != "" {
		row.AKasseCode = &c.AKasse
	}
	if _, err := tx.NewInsert().Model(&row).ExcludeColumn("id", "eures_visible").Returning("id").Exec(ctx); err != nil {
		return err
	}
	cit := Citizen{db: tx, id: row.ID}
	for _, f := range c.Forloeb {
		if err := cit.addForloeb(ctx, f); err != nil {
			return err
		}
	}
	for _, n := range c.Notifications {
		if err := cit.AddNotification(ctx, n); err != nil {
			return err
		}
	}
	if err := cit.StoreCounters(ctx, c.Counters, now); err != nil {
		return err
	}
	for _, p := range c.Plans {
		if err := cit.PublishPlan(ctx, p.Org, p.Plan, p.Published); err != nil {
			return err
		}
	}
	if c.HomePostcode != "" {
		if err := cit.SetHomePostcode(ctx, c.HomePostcode, now); err != nil {
			return err
		}
	}
	for _, o := range c.Occupations {
		if err := cit.AddSoughtOccupation(ctx, o, now); err != nil {
			return err
		}
	}
	if ec := c.Conditions; ec != nil {
		if err := cit.SetEmploymentConditions(ctx, *ec, now); err != nil {
			return err
		}
	}
	if a := c.Account; a != nil {
		acc := accountRow{CitizenID: row.ID, Username: a.Username, PasswordHash: a.PasswordHash, PrivacyAcceptedAt: a.Created, CreatedAt: a.Created}
		if _, err := tx.NewInsert().Model(&acc).ExcludeColumn("id").Exec(ctx); err != nil {
			return err
		}
	}
	for _, l := range c.Logins {
		rec := LoginRecord{CitizenID: row.ID, At: l.At, Name: c.Name}
		if l.Caseworker != "" {
			cw := caseworkers[l.Caseworker]
			rec.CaseworkerID, rec.Name, rec.Organisation = cw.ID, cw.Name, cw.Organisation.Name
		}
		if err := insertLogin(ctx, tx, rec); err != nil {
			return err
		}
	}
	return nil
}
