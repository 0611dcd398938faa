package storage

import (
	"context"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

// Mit CV and the Præsentations-CV (SPEC C4; migrations/018_cv). Every
// save normalizes and judges by shared's rules, as the browser did. The CV
// row, and with it the CV number, is made by the citizen's first save of
// anything on the CV; reading a CV that has none is the empty CV, not an
// error (a mirror session's read-only transaction makes nothing).

type cvRow struct {
	bun.BaseModel      `bun:"table:cvs"`
	CitizenID          int64               `bun:"citizen_id,pk"`
	Number             int64               `bun:"number,scanonly"`
	Searchable         bool                `bun:"searchable"`
	Phone              string              `bun:"phone"`
	Email              string              `bun:"email"`
	Link               string              `bun:"link"`
	LinkNudgeDismissed bool                `bun:"link_nudge_dismissed"`
	Languages          []shared.CVLanguage `bun:"languages,type:jsonb"`
	Licences           []string            `bun:"licences,type:jsonb"`
	CreatedAt          time.Time           `bun:"created_at"`
	UpdatedAt          time.Time           `bun:"updated_at"`
}

type cvEntryRow struct {
	bun.BaseModel `bun:"table:cv_entries"`
	ID            int64               `bun:"id,pk,autoincrement"`
	CitizenID     int64               `bun:"citizen_id"`
	Section       string              `bun:"section"`
	Entry         shared.CVEntryInput `bun:"entry,type:jsonb"`
	CreatedAt     time.Time           `bun:"created_at"`
	UpdatedAt     time.Time           `bun:"updated_at"`
}

type presentationRow struct {
	bun.BaseModel `bun:"table:presentation_cvs"`
	CitizenID     int64                 `bun:"citizen_id,pk"`
	Content       shared.PresentationCV `bun:"content,type:jsonb"`
	CreatedAt     time.Time             `bun:"created_at"`
	UpdatedAt     time.Time             `bun:"updated_at"`
}

// CV is Mit CV: the empty CV (no number) before the first save.
func (c Citizen) CV(ctx context.Context) (shared.CV, error) {
	cv := shared.CV{Experience: []shared.CVEntry{}, Education: []shared.CVEntry{}, Qualifications: []shared.CVEntry{}}
	cv.Languages, cv.Licences = []shared.CVLanguage{}, []string{}
	eures, err := c.Eures(ctx)
	if err != nil {
		return cv, err
	}
	cv.Eures = eures.Visible
	var row cvRow
	err = c.db.NewSelect().Model(&row).Column("*").Where("citizen_id = ?", c.id).Scan(ctx)
	if isNoRows(err) {
		return cv, nil
	}
	if err != nil {
		return cv, err
	}
	cv.Number = strconv.FormatInt(row.Number, 10)
	cv.CVSettings = shared.CVSettings{Searchable: row.Searchable, Phone: row.Phone, Email: row.Email, Link: row.Link,
		Languages: row.Languages, Licences: row.Licences}
	if cv.Languages == nil {
		cv.Languages = []shared.CVLanguage{}
	}
	if cv.Licences == nil {
		cv.Licences = []string{}
	}
	cv.LinkNudgeDismissed = row.LinkNudgeDismissed
	updated := row.UpdatedAt
	var rows []cvEntryRow
	if err := c.db.NewSelect().Model(&rows).Where("citizen_id = ?", c.id).Scan(ctx); err != nil {
		return cv, err
	}
	for _, r := range rows {
		e := shared.CVEntry{ID: r.ID, CVEntryInput: r.Entry, Updated: r.UpdatedAt}
		switch shared.CVSection(r.Section) {
		case shared.CVExperience:
			cv.Experience = append(cv.Experience, e)
		case shared.CVEducation:
			cv.Education = append(cv.Education, e)
		default:
			cv.Qualifications = append(cv.Qualifications, e)
		}
		if r.UpdatedAt.After(updated) {
			updated = r.UpdatedAt
		}
	}
	for _, es := range [][]shared.CVEntry{cv.Experience, cv.Education, cv.Qualifications} {
		shared.SortCVEntries(es)
	}
	cv.Updated = &updated
	return cv, nil
}

// ensureCV makes the CV row, and its number, unless it exists, and locks
// it for the rest of the transaction.
func (c Citizen) ensureCV(ctx context.Context, now time.Time) error {
	if _, err := c.db.NewRaw(`INSERT INTO cvs (citizen_id, created_at, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (citizen_id) DO NOTHING`, c.id, now, now).Exec(ctx); err != nil {
		return err
	}
	_, err := c.db.NewRaw(`SELECT 1 FROM cvs WHERE citizen_id = ? FOR UPDATE`, c.id).Exec(ctx)
	return err
}

// SaveCVSettings stores whether the CV is søgbart, the contact data, the
// link, languages and driving licence, judged for a citizen of the
// enrolment status.
func (c Citizen) SaveCVSettings(ctx context.Context, in shared.CVSettings, enrolment shared.EnrolmentStatus, now time.Time) (shared.CV, error) {
	in = in.Normalized()
	if err := in.Check(enrolment); err != nil {
		return shared.CV{}, err
	}
	err := c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		if err := c.ensureCV(ctx, now); err != nil {
			return err
		}
		row := cvRow{CitizenID: c.id, Searchable: in.Searchable, Phone: in.Phone, Email: in.Email, Link: in.Link,
			Languages: in.Languages, Licences: in.Licences, UpdatedAt: now}
		_, err := c.db.NewUpdate().Model(&row).
			Column("searchable", "phone", "email", "link", "languages", "licences", "updated_at").WherePK().Exec(ctx)
		return err
	})
	if err != nil {
		return shared.CV{}, err
	}
	return c.CV(ctx)
}

// DismissCVLinkNudge stores "Vis ikke denne besked igen" of the LinkedIn
// box.
func (c Citizen) DismissCVLinkNudge(ctx context.Context, now time.Time) error {
	return c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		if err := c.ensureCV(ctx, now); err != nil {
			return err
		}
		_, err := c.db.NewUpdate().Table("cvs").Set("link_nudge_dismissed = true").Where("citizen_id = ?", c.id).Exec(ctx)
		return err
	})
}

// AddCVEntry adds an entry to one of the folds.
func (c Citizen) AddCVEntry(ctx context.Context, in shared.CVEntryInput, now time.Time) (shared.CVEntry, error) {
	today := shared.DateOf(now)
	in = in.Normalized(today)
	if err := in.Check(today); err != nil {
		return shared.CVEntry{}, err
	}
	row := cvEntryRow{CitizenID: c.id, Section: string(in.Section), Entry: in, CreatedAt: now, UpdatedAt: now}
	err := c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		if err := c.ensureCV(ctx, now); err != nil {
			return err
		}
		n, err := c.db.NewSelect().Model((*cvEntryRow)(nil)).Where("citizen_id = ? AND section = ?", c.id, row.Section).Count(ctx)
		if err != nil {
			return err
		}
		if n >= shared.CVMaxEntries {
			return shared.ErrCVTooManyEntries()
		}
		if _, err := c.db.NewInsert().Model(&row).Exec(ctx); err != nil {
			return err
		}
		return c.touchCV(ctx, now)
	})
	return shared.CVEntry{ID: row.ID, CVEntryInput: in, Updated: now}, err
}

// UpdateCVEntry changes an entry; its fold stays.
func (c Citizen) UpdateCVEntry(ctx context.Context, id int64, in shared.CVEntryInput, now time.Time) (shared.CVEntry, error) {
	today := shared.DateOf(now)
	in = in.Normalized(today)
	if err := in.Check(today); err != nil {
		return shared.CVEntry{}, err
	}
	err := c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		res, err := c.db.NewUpdate().Model((*cvEntryRow)(nil)).Set("entry = ?", in).Set("updated_at = ?", now).
			Where("citizen_id = ? AND id = ? AND section = ?", c.id, id, string(in.Section)).Exec(ctx)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return cmpErr(err, shared.ErrCVEntryNotFound())
		}
		return c.touchCV(ctx, now)
	})
	return shared.CVEntry{ID: id, CVEntryInput: in, Updated: now}, err
}

// DeleteCVEntry deletes an entry.
func (c Citizen) DeleteCVEntry(ctx context.Context, id int64, now time.Time) error {
	return c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		res, err := c.db.NewDelete().Model((*cvEntryRow)(nil)).Where("citizen_id = ? AND id = ?", c.id, id).Exec(ctx)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return cmpErr(err, shared.ErrCVEntryNotFound())
		}
		return c.touchCV(ctx, now)
	})
}

// touchCV marks the CV changed.
func (c Citizen) touchCV(ctx context.Context, now time.Time) error {
	_, err := c.db.NewUpdate().Table("cvs").Set("updated_at = ?", now).Where("citizen_id = ?", c.id).Exec(ctx)
	return err
}

// PresentationCV is the Præsentations-CV; Saved false before the first
// save.
func (c Citizen) PresentationCV(ctx context.Context) (shared.PresentationCVPage, error) {
	var row presentationRow
	err := c.db.NewSelect().Model(&row).Where("citizen_id = ?", c.id).Scan(ctx)
	if isNoRows(err) {
		return shared.PresentationCVPage{}, nil
	}
	if err != nil {
		return shared.PresentationCVPage{}, err
	}
	return shared.PresentationCVPage{CV: row.Content, Saved: true, Updated: &row.UpdatedAt}, nil
}

// SavePresentationCV stores the Præsentations-CV.
func (c Citizen) SavePresentationCV(ctx context.Context, in shared.PresentationCV, now time.Time) (shared.PresentationCVPage, error) {
	in = in.Normalized()
	if err := in.Check(); err != nil {
		return shared.PresentationCVPage{}, err
	}
	row := presentationRow{CitizenID: c.id, Content: in, CreatedAt: now, UpdatedAt: now}
	if _, err := c.db.NewInsert().Model(&row).
		On("CONFLICT (citizen_id) DO UPDATE").Set("content = EXCLUDED.content").Set("updated_at = EXCLUDED.updated_at").
		Exec(ctx); err != nil {
		return shared.PresentationCVPage{}, err
	}
	return c.PresentationCV(ctx)
}
