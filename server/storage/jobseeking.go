package storage

import (
	"context"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

// "Jeg søger job som" (SPEC C2): the occupations a citizen seeks work as,
// read with the taxonomy's titles and what replaces a discontinued one,
// and with the live ads of each within shared.FindJobRadiusKm of home; the
// employment conditions; and the history of adds and removes. Every add
// and remove is one transaction with its history row, under a lock on the
// citizen's row, so that two at once cannot both pass the rules (each
// occupation once, at most shared.MaxSoughtOccupations, the last one kept
// by a citizen with a duty to seek work).

type soughtOccupationRow struct {
	bun.BaseModel    `bun:"table:sought_occupations"`
	CitizenID        int64     `bun:"citizen_id,pk"`
	OccupationID     int       `bun:"occupation_id,pk"`
	Alias            *string   `bun:"alias"`
	Educated         bool      `bun:"educated"`
	ExperienceYears  *int      `bun:"experience_years"`
	ExperienceMonths *int      `bun:"experience_months"`
	LastWorked       *int      `bun:"last_worked"`
	AddedAt          time.Time `bun:"added_at"`
	UpdatedAt        time.Time `bun:"updated_at"`
}

type soughtOccupationHistoryRow struct {
	bun.BaseModel `bun:"table:sought_occupation_history"`
	ID            int64     `bun:"id,pk,autoincrement"`
	CitizenID     int64     `bun:"citizen_id"`
	OccupationID  int       `bun:"occupation_id"`
	Alias         *string   `bun:"alias"`
	Change        string    `bun:"change"`
	At            time.Time `bun:"at"`
}

type employmentConditionsRow struct {
	bun.BaseModel    `bun:"table:employment_conditions"`
	CitizenID        int64     `bun:"citizen_id,pk"`
	WorkingTime      string    `bun:"working_time"`
	StartASAP        bool      `bun:"start_asap"`
	StartByAgreement bool      `bun:"start_by_agreement"`
	UpdatedAt        time.Time `bun:"updated_at"`
}

// soughtOccupationView is what the page's query scans into: the row with
// the taxonomy's names and the ads near home.
type soughtOccupationView struct {
	OccupationID     int       `bun:"occupation_id"`
	Title            string    `bun:"title"`
	Alias            *string   `bun:"alias"`
	Educated         bool      `bun:"educated"`
	ExperienceYears  *int      `bun:"experience_years"`
	ExperienceMonths *int      `bun:"experience_months"`
	LastWorked       *int      `bun:"last_worked"`
	AddedAt          time.Time `bun:"added_at"`
	Discontinued     bool      `bun:"discontinued"`
	ReplacedByID     *int      `bun:"replaced_by_id"`
	ReplacedByTitle  *string   `bun:"replaced_by_title"`
	NearbyAds        int       `bun:"nearby_ads"`
}

func (v soughtOccupationView) occupation() shared.SoughtOccupation {
	o := shared.SoughtOccupation{OccupationID: v.OccupationID, Title: v.Title, Educated: v.Educated, Added: v.AddedAt,
		Discontinued: v.Discontinued, NearbyAds: v.NearbyAds}
	if v.Alias != nil {
		o.Alias = *v.Alias
	}
	if v.ExperienceYears != nil {
		o.Experience = &shared.Experience{Years: *v.ExperienceYears}
		if v.ExperienceMonths != nil {
			o.Experience.Months = *v.ExperienceMonths
		}
		if v.LastWorked != nil {
			o.Experience.LastWorked = *v.LastWorked
		}
	}
	if v.ReplacedByID != nil && v.ReplacedByTitle != nil {
		o.ReplacedBy = &shared.OccupationRef{ID: *v.ReplacedByID, Title: *v.ReplacedByTitle}
	}
	return o
}

// soughtOccupationsQuery lists a citizen's occupations, oldest first. An
// occupation's nearby ads are its live ads with coordinates in the circle
// round the centre of the citizen's home postcode: the box of the ads'
// earthdistance index first, then the exact distance, as Find Job's
// radius search does (jobsearch.go); none without a home.
const soughtOccupationsQuery = `SELECT s.occupation_id, coalesce(o.title, '') AS title, s.alias, s.educated,
		s.experience_years, s.experience_months, s.last_worked, s.added_at,
		o.discontinued_since IS NOT NULL AS discontinued, r.id AS replaced_by_id, r.title AS replaced_by_title,
		CASE WHEN h.code IS NULL THEN 0 ELSE (SELECT count(*) FROM job_ads a
			WHERE a.occupation_id = s.occupation_id AND a.withdrawn IS NULL AND a.lat IS NOT NULL
			AND earth_box(ll_to_earth(h.lat, h.lon), ?0) @> ll_to_earth(a.lat, a.lon)
			AND earth_distance(ll_to_earth(h.lat, h.lon), ll_to_earth(a.lat, a.lon)) <= ?0) END AS nearby_ads
	FROM sought_occupations s
	JOIN citizens c ON c.id = s.citizen_id
	LEFT JOIN occupations o ON o.id = s.occupation_id
	LEFT JOIN occupations r ON r.id = o.replaced_by
	LEFT JOIN postcodes h ON h.code = c.home_postcode
	WHERE s.citizen_id = ?1
	ORDER BY s.seq`

// JobSeeking reads the page "Jeg søger job som"; the caller decides
// MustKeepOne from the citizen's forløb.
func (c Citizen) JobSeeking(ctx context.Context) (shared.JobSeeking, error) {
	var rows []soughtOccupationView
	if err := c.db.NewRaw(soughtOccupationsQuery, float64(shared.FindJobRadiusKm*1000), c.id).Scan(ctx, &rows); err != nil {
		return shared.JobSeeking{}, err
	}
	out := shared.JobSeeking{Occupations: make([]shared.SoughtOccupation, 0, len(rows))}
	for _, r := range rows {
		out.Occupations = append(out.Occupations, r.occupation())
	}
	var head struct {
		HomePostcode     *string `bun:"home_postcode"`
		WorkingTime      *string `bun:"working_time"`
		StartASAP        bool    `bun:"start_asap"`
		StartByAgreement bool    `bun:"start_by_agreement"`
	}
	err := c.db.NewRaw(`SELECT c.home_postcode, e.working_time, coalesce(e.start_asap, false) AS start_asap,
			coalesce(e.start_by_agreement, false) AS start_by_agreement
		FROM citizens c LEFT JOIN employment_conditions e ON e.citizen_id = c.id WHERE c.id = ?`, c.id).Scan(ctx, &head)
	if err != nil {
		return shared.JobSeeking{}, notFound(err, "Borgeren")
	}
	if head.HomePostcode != nil {
		out.HomePostcode = *head.HomePostcode
	}
	if head.WorkingTime != nil {
		out.Conditions = &shared.EmploymentConditions{WorkingTime: shared.WorkingTime(*head.WorkingTime),
			StartASAP: head.StartASAP, StartByAgreement: head.StartByAgreement}
	}
	return out, nil
}

// lockCitizen takes the citizen's row for the rest of the transaction:
// changes to the list wait for each other.
func (c Citizen) lockCitizen(ctx context.Context) error {
	var id int64
	err := c.db.NewRaw("SELECT id FROM citizens WHERE id = ? FOR UPDATE", c.id).Scan(ctx, &id)
	return notFound(err, "Borgeren")
}

// liveOccupation is the taxonomy's occupation id with the alias as the
// taxonomy spells it; a discontinued or unknown occupation, or an alias
// that is not the occupation's, is refused at the field.
func liveOccupation(ctx context.Context, db bun.IDB, id int, alias string) (title, canonicalAlias string, err error) {
	var o occupationRow
	err = db.NewSelect().Model(&o).Where("id = ?", id).Scan(ctx)
	if isNoRows(err) || (err == nil && o.DiscontinuedSince != nil) {
		return "", "", shared.ErrOccupationUnknown()
	}
	if err != nil {
		return "", "", err
	}
	if alias == "" {
		return o.Title, "", nil
	}
	for _, a := range o.Aliases {
		if strings.EqualFold(a, strings.TrimSpace(alias)) {
			return o.Title, a, nil
		}
	}
	return "", "", shared.ErrOccupationUnknown()
}

// AddSoughtOccupation adds an occupation and records the add in the
// history. The input is judged by shared's Check on the day of now, the
// taxonomy decides what exists, and the rules of the list are shared's
// (JobSeeking.CheckAdd), judged here against what is stored.
func (c Citizen) AddSoughtOccupation(ctx context.Context, in shared.SoughtOccupationInput, now time.Time) error {
	if err := in.Check(shared.DateOf(now)); err != nil {
		return err
	}
	return c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		if err := c.lockCitizen(ctx); err != nil {
			return err
		}
		title, alias, err := liveOccupation(ctx, c.db, in.OccupationID, in.Alias)
		if err != nil {
			return err
		}
		var have []soughtOccupationRow
		if err := c.db.NewSelect().Model(&have).Column("occupation_id").Where("citizen_id = ?", c.id).Scan(ctx); err != nil {
			return err
		}
		for _, h := range have {
			if h.OccupationID == in.OccupationID {
				return shared.ErrOccupationTwice(title)
			}
		}
		if len(have) >= shared.MaxSoughtOccupations {
			return shared.ErrTooManyOccupations()
		}
		row := soughtOccupationRow{CitizenID: c.id, OccupationID: in.OccupationID, Educated: *in.Educated,
			ExperienceYears: in.ExperienceYears, ExperienceMonths: in.ExperienceMonths, LastWorked: in.LastWorked,
			AddedAt: now, UpdatedAt: now}
		if alias != "" {
			row.Alias = &alias
		}
		if _, err := c.db.NewInsert().Model(&row).Exec(ctx); err != nil {
			return err
		}
		return c.recordOccupationChange(ctx, in.OccupationID, row.Alias, shared.OccupationAdded, now)
	})
}

// UpdateSoughtOccupation changes an occupation's education and experience,
// judged by shared's Check on the day of now; the occupation and its alias
// stay.
func (c Citizen) UpdateSoughtOccupation(ctx context.Context, occupationID int, in shared.SoughtOccupationInput, now time.Time) error {
	in.OccupationID = occupationID
	if err := in.Check(shared.DateOf(now)); err != nil {
		return err
	}
	res, err := c.db.NewUpdate().Model((*soughtOccupationRow)(nil)).
		Set("educated = ?", *in.Educated).Set("experience_years = ?", in.ExperienceYears).
		Set("experience_months = ?", in.ExperienceMonths).Set("last_worked = ?", in.LastWorked).Set("updated_at = ?", now).
		Where("citizen_id = ? AND occupation_id = ?", c.id, occupationID).Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return cmpErr(err, shared.ErrNotOnList())
	}
	return nil
}

// RemoveSoughtOccupation removes an occupation and records it in the
// history. keepOne: the citizen has a duty to seek work and keeps at
// least one (shared.JobSeeking.CheckRemove).
func (c Citizen) RemoveSoughtOccupation(ctx context.Context, occupationID int, keepOne bool, now time.Time) error {
	return c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		if err := c.lockCitizen(ctx); err != nil {
			return err
		}
		var have []soughtOccupationRow
		if err := c.db.NewSelect().Model(&have).Column("occupation_id", "alias").Where("citizen_id = ?", c.id).Scan(ctx); err != nil {
			return err
		}
		var gone *soughtOccupationRow
		for i := range have {
			if have[i].OccupationID == occupationID {
				gone = &have[i]
			}
		}
		if gone == nil {
			return shared.ErrNotOnList()
		}
		if keepOne && len(have) <= 1 {
			return shared.ErrLastOccupation()
		}
		if _, err := c.db.NewDelete().Model((*soughtOccupationRow)(nil)).
			Where("citizen_id = ? AND occupation_id = ?", c.id, occupationID).Exec(ctx); err != nil {
			return err
		}
		return c.recordOccupationChange(ctx, occupationID, gone.Alias, shared.OccupationRemoved, now)
	})
}

func (c Citizen) recordOccupationChange(ctx context.Context, occupationID int, alias *string, change string, now time.Time) error {
	row := soughtOccupationHistoryRow{CitizenID: c.id, OccupationID: occupationID, Alias: alias, Change: change, At: now}
	_, err := c.db.NewInsert().Model(&row).ExcludeColumn("id").Exec(ctx)
	return err
}

// SoughtOccupationHistory lists the adds and removes since the given
// time, newest first.
func (c Citizen) SoughtOccupationHistory(ctx context.Context, since time.Time) ([]shared.SoughtOccupationChange, error) {
	var rows []struct {
		OccupationID int       `bun:"occupation_id"`
		Title        string    `bun:"title"`
		Alias        *string   `bun:"alias"`
		Change       string    `bun:"change"`
		At           time.Time `bun:"at"`
	}
	err := c.db.NewRaw(`SELECT h.occupation_id, coalesce(o.title, '') AS title, h.alias, h.change, h.at
		FROM sought_occupation_history h LEFT JOIN occupations o ON o.id = h.occupation_id
		WHERE h.citizen_id = ? AND h.at >= ? ORDER BY h.at DESC, h.id DESC`, c.id, since).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	out := make([]shared.SoughtOccupationChange, 0, len(rows))
	for _, r := range rows {
		ch := shared.SoughtOccupationChange{OccupationID: r.OccupationID, Title: r.Title, Change: r.Change, At: r.At}
		if r.Alias != nil {
			ch.Alias = *r.Alias
		}
		out = append(out, ch)
	}
	return out, nil
}

// SetEmploymentConditions stores the Ansættelsesbetingelser, judged by
// their Check.
func (c Citizen) SetEmploymentConditions(ctx context.Context, ec shared.EmploymentConditions, now time.Time) error {
	if err := ec.Check(); err != nil {
		return err
	}
	row := employmentConditionsRow{CitizenID: c.id, WorkingTime: string(ec.WorkingTime), StartASAP: ec.StartASAP,
		StartByAgreement: ec.StartByAgreement, UpdatedAt: now}
	_, err := c.db.NewInsert().Model(&row).On("CONFLICT (citizen_id) DO UPDATE").
		Set("working_time = EXCLUDED.working_time, start_asap = EXCLUDED.start_asap").
		Set("start_by_agreement = EXCLUDED.start_by_agreement, updated_at = EXCLUDED.updated_at").Exec(ctx)
	return err
}

// SetHomePostcode sets the postcode whose centre is the citizen's home, or
// none with "". Until addresses come from the CPR register, the demo and
// the tests set it.
func (c Citizen) SetHomePostcode(ctx context.Context, postcode string, now time.Time) error {
	var pc *string
	if postcode != "" {
		pc = &postcode
	}
	_, err := c.db.NewUpdate().Table("citizens").Set("home_postcode = ?", pc).Set("updated_at = ?", now).Where("id = ?", c.id).Exec(ctx)
	return err
}
