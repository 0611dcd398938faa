package server

import (
	"context"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

// DemoPassword is the password of every demo login.
const DemoPassword = "jobnet-demo-2026"

// DemoLogin is one demo user, printed by `make run` and listed in the README.
type DemoLogin struct {
	Username, Name, Description string
	CPR                         string // citizens only
}

// Demo organisations, taken from the sources (002_…txt Bilag 2–3, 000_…txt).
var demoOrgs = []orgRow{
	{Code: "jc-101", Kind: "jobcenter", Name: "Jobcenter København"},
	{Code: "jc-230", Kind: "jobcenter", Name: "Jobcenter Rudersdal"},
	{Code: "jc-575", Kind: "jobcenter", Name: "Jobcenter Vejen"},
	{Code: "ak-dfh", Kind: "akasse", Name: "Det Faglige Hus A-kasse"},
}

// Demo API tokens for the ingestion API, one per organisation that sends.
var demoTokens = map[string]string{
	"demo-token-jobcenter-koebenhavn": "jc-101",
	"demo-token-det-faglige-hus":      "ak-dfh",
}

type demoForloeb struct {
	kg, kategori     int
	fromDays, toDays int // days relative to the seeding day; toDays 0 = open
}

type demoCitizen struct {
	login         DemoLogin
	jobcenter     string
	akasse        string
	enrolment     shared.EnrolmentStatus
	forloeb       []demoForloeb
	notifications []notificationRow
	// counters builds the counter figures delivered for the citizen, if any.
	counters func(today shared.Date) shared.Counters
}

var (
	notifyDagpengekort = notificationRow{Kind: string(shared.NotifyDagpengekort),
		Title: "Husk: Du skal sende din ledighedserklæring og dit dagpengekort til a-kassen",
		Text:  "Når du har sendt dem, kan du markere det her."}
	notifyJoblog = notificationRow{Kind: string(shared.NotifyJoblog),
		Title: "Husk: Du skal registrere alle dine jobsøgningsaktiviteter i din Joblog",
		Text:  "På den måde er både du og din jobkonsulent forberedt bedst muligt, når du skal til samtale med din a-kasse/jobcenter. Når du registrerer alle dine aktiviteter i Jobloggen, bliver det også nemmere for dig at planlægge din jobsøgning, og du viser, at du står til rådighed."}
	notifySyg = notificationRow{Kind: string(shared.NotifySygemelding),
		Title: "Du er registreret som sygemeldt",
		Text:  "Du er registreret i jobcentret som sygemeldt resten af dagen."}
)

// demoCitizens are the citizens of the sources' examples (002_…txt Bilag 1–3,
// 000_…txt). The sources name none of the plan examples' citizens except
// Pete Adam-Janusz; the other names are invented. All CPR numbers are
// fictitious.
var demoCitizens = []demoCitizen{
	{DemoLogin{"mads", "Mads Kristensen", "Dagpengemodtager, rørlægger; var sygedagpengemodtager før (skjult for a-kassen)", "120385-1231"},
		"jc-101", "ak-dfh", shared.EnrolmentTilmeldt,
		[]demoForloeb{{6, 0, -430, -271}, {1, 0, -270, 0}}, []notificationRow{notifyDagpengekort, notifyJoblog},
		func(today shared.Date) shared.Counters {
			// The figures of the source's screenshots: 765 h → 1,530 h; 76 of 148 h.
			return shared.Counters{Dagpenge: &shared.DagpengeCounters{AsOf: shared.StatementDate(today), Insurance: shared.FullTime,
				Indplacering: today.AddDays(-270), HoursUsed: 1409, ExtensionWorkHours: 765, KarensWorkHours: 76,
				KarensPeriodEnd: today.AddDays(45), GenoptjeningWorkHours: 765}}
		}},
	{DemoLogin{"louise", "Louise Holm", "Jobparat kontanthjælpsmodtager, biblioteksassistent (Jobcenter Rudersdal)", "030792-2468"},
		"jc-230", "", shared.EnrolmentTilmeldt,
		[]demoForloeb{{2, 0, -240, 0}}, []notificationRow{notifyJoblog},
		func(today shared.Date) shared.Counters {
			return shared.Counters{Hours225: &shared.Hours225Counters{AsOf: shared.StatementDate(today), HoursLast12Months: 150, HighBenefit: true}}
		}},
	{DemoLogin{"jonas", "Jonas Madsen", "Dagpengemodtager med uddannelsespålæg, tømrer/smed", "250899-1357"},
		"jc-101", "ak-dfh", shared.EnrolmentTilmeldt,
		[]demoForloeb{{1, 0, -150, 0}}, []notificationRow{notifyDagpengekort},
		func(today shared.Date) shared.Counters {
			// Part-time insured, on supplerende dagpenge near the 30-week ceiling.
			var weeks []shared.Date
			for i := 0; i < 28; i++ {
				weeks = append(weeks, today.AddDays(-7*(i*3+1)))
			}
			return shared.Counters{
				Dagpenge: &shared.DagpengeCounters{AsOf: shared.StatementDate(today), Insurance: shared.PartTime, Indplacering: today.AddDays(-150),
					HoursUsed: 640, ExtensionWorkHours: 310, KarensWorkHours: 40, KarensPeriodEnd: today.AddDays(20), GenoptjeningWorkHours: 520},
				Supplerende: &shared.SupplerendeCounters{AsOf: shared.StatementDate(today), Insurance: shared.PartTime, UsedWeeks: weeks,
					Reports: []shared.WorkReport{{Kind: shared.ReportMonthly, Start: today.AddMonths(-2), Hours: 150}}},
			}
		}},
	{DemoLogin{"henrik", "Henrik Poulsen", "Ressourceforløb, køkken- og kantinearbejde", "140271-3579"},
		"jc-101", "", shared.EnrolmentAfmeldt,
		[]demoForloeb{{9, 0, -330, 0}}, nil, nil},
	{DemoLogin{"amina", "Amina Hassan", "Integrationskontrakt, social- og sundhedsassistent", "010190-2802"},
		"jc-101", "", shared.EnrolmentTilmeldt,
		[]demoForloeb{{18, 0, -180, 0}}, []notificationRow{notifyJoblog}, nil},
	{DemoLogin{"mette", "Mette Lauridsen", "Fleksjobber, sekretær (Jobcenter Vejen); medlem af a-kasse uden dagpengeforløb", "220578-2684"},
		"jc-575", "ak-dfh", shared.EnrolmentAfmeldt,
		[]demoForloeb{{10, 0, -2900, 0}}, nil, nil},
	{DemoLogin{"pete", "Pete Adam-Janusz", "Sygemeldt (sygedagpenge) efter et dagpengeforløb", "090688-1122"},
		"jc-101", "ak-dfh", shared.EnrolmentAfmeldt,
		[]demoForloeb{{1, 0, -300, -31}, {6, 0, -30, 0}}, []notificationRow{notifySyg}, nil},
	{DemoLogin{"sofie", "Sofie Lund Nielsen", "Dimittend, arkæolog", "170600-4123"},
		"jc-101", "ak-dfh", shared.EnrolmentTilmeldt,
		[]demoForloeb{{8, shared.TilmeldekategoriDimittend, -35, 0}}, []notificationRow{notifyJoblog},
		func(today shared.Date) shared.Counters {
			return shared.Counters{Dagpenge: &shared.DagpengeCounters{AsOf: shared.StatementDate(today), Insurance: shared.FullTime,
				Indplacering: today.AddDays(-35), HoursUsed: 160, ExtensionWorkHours: 0, KarensWorkHours: 0,
				KarensPeriodEnd: today.AddDays(85), GenoptjeningWorkHours: 0}}
		}},
	{DemoLogin{"emil", "Emil Sørensen", "Ung uddannelseshjælpsmodtager med uddannelsespålæg på trin 3", "150307-4455"},
		"jc-101", "", shared.EnrolmentTilmeldt,
		[]demoForloeb{{4, 0, -200, 0}}, nil, nil},
}

var demoCaseworkers = []struct {
	login DemoLogin
	org   string
	role  shared.Role
}{
	{DemoLogin{"nina", "Nina Pettersen", "Sagsbehandler, Jobcenter København", ""}, "jc-101", shared.RoleJobcenter},
	{DemoLogin{"berit", "Berit Hansen", "Sagsbehandler, Det Faglige Hus A-kasse", ""}, "ak-dfh", shared.RoleAKasse},
}

// DemoLogins lists the demo citizens and caseworkers.
func DemoLogins() (citizens, caseworkers []DemoLogin) {
	for _, c := range demoCitizens {
		citizens = append(citizens, c.login)
	}
	for _, c := range demoCaseworkers {
		caseworkers = append(caseworkers, c.login)
	}
	return citizens, caseworkers
}

// SeedDemo loads the demo data in one transaction. It is idempotent: a
// citizen, caseworker or token that exists is left as it is, so a second
// `make run` keeps whatever was changed.
func SeedDemo(ctx context.Context, db *bun.DB, today time.Time) error {
	return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		if _, err := tx.NewInsert().Model(&demoOrgs).On("CONFLICT (code) DO NOTHING").Exec(ctx); err != nil {
			return err
		}
		for token, org := range demoTokens {
			if _, err := tx.NewRaw("INSERT INTO api_tokens (token_hash, org_code, name) VALUES (?, ?, 'demo') ON CONFLICT DO NOTHING",
				hashToken(token), org).Exec(ctx); err != nil {
				return err
			}
		}
		cwIDs := map[string]int64{}
		for _, c := range demoCaseworkers {
			id, err := seedCaseworker(ctx, tx, c.login, c.org, c.role)
			if err != nil {
				return err
			}
			cwIDs[c.org] = id
		}
		for _, c := range demoCitizens {
			if err := seedCitizen(ctx, tx, c, today, cwIDs); err != nil {
				return err
			}
		}
		return nil
	})
}

func seedCaseworker(ctx context.Context, tx bun.Tx, l DemoLogin, org string, role shared.Role) (int64, error) {
	var id int64
	err := tx.NewSelect().Table("caseworkers").Column("id").Where("lower(username) = ?", l.Username).Scan(ctx, &id)
	if err == nil || !isNoRows(err) {
		return id, err
	}
	hash, err := hashPassword(DemoPassword)
	if err != nil {
		return 0, err
	}
	row := caseworkerRow{Username: l.Username, PasswordHash: hash, Name: l.Name, OrgCode: org, Role: string(role)}
	_, err = tx.NewInsert().Model(&row).ExcludeColumn("id").Returning("id").Exec(ctx)
	return row.ID, err
}

func seedCitizen(ctx context.Context, tx bun.Tx, c demoCitizen, today time.Time, cwIDs map[string]int64) error {
	n, err := tx.NewSelect().Table("citizens").Where("cpr = ?", c.login.CPR).Count(ctx)
	if err != nil || n > 0 {
		return err
	}
	row := citizenRow{CPR: c.login.CPR, Name: c.login.Name, Enrolment: string(c.enrolment)}
	if c.jobcenter != "" {
		row.JobcenterCode = &c.jobcenter
	}
	if c.akasse != "" {
		row.AKasseCode = &c.akasse
	}
	if _, err := tx.NewInsert().Model(&row).ExcludeColumn("id", "updated_at", "eures_visible").Returning("id").Exec(ctx); err != nil {
		return err
	}
	day := func(offset int) time.Time {
		y, m, d := today.Date()
		return time.Date(y, m, d+offset, 0, 0, 0, 0, time.UTC)
	}
	for _, f := range c.forloeb {
		fr := forloebRow{CitizenID: row.ID, Kontaktgruppe: f.kg, Tilmeldekategori: f.kategori, FromDate: day(f.fromDays)}
		if f.toDays != 0 {
			to := day(f.toDays)
			fr.ToDate = &to
		}
		if _, err := tx.NewInsert().Model(&fr).ExcludeColumn("id").Exec(ctx); err != nil {
			return err
		}
	}
	for i, n := range c.notifications {
		n.CitizenID = row.ID
		n.CreatedAt = today.Add(-time.Duration(i+1) * 24 * time.Hour)
		if _, err := tx.NewInsert().Model(&n).ExcludeColumn("id").Exec(ctx); err != nil {
			return err
		}
	}
	if c.counters != nil {
		if err := storeCounters(ctx, tx, row.ID, c.counters(shared.DateOf(today))); err != nil {
			return err
		}
	}
	plans := demoPlans(c.login.CPR, shared.DateOf(today).AddDays)
	for i, p := range plans {
		if err := shared.Validate(p); err != nil {
			return fmt.Errorf("demo plan %s: %w", p.VersionID, err)
		}
		published := today.Add(-time.Duration(len(plans)-1-i) * 30 * 24 * time.Hour)
		if err := insertPlanVersion(ctx, tx, row.ID, c.jobcenter, p, published); err != nil {
			return err
		}
	}
	hash, err := hashPassword(DemoPassword)
	if err != nil {
		return err
	}
	acc := accountRow{CitizenID: row.ID, Username: c.login.Username, PasswordHash: hash, PrivacyAcceptedAt: today}
	if _, err := tx.NewInsert().Model(&acc).ExcludeColumn("id").Exec(ctx); err != nil {
		return err
	}
	// A little login history: the citizen's own logins and, for citizens of
	// Jobcenter København, one look by their caseworker.
	if err := insertLogin(ctx, tx, row.ID, today.Add(-20*24*time.Hour), nil, c.login.Name, nil); err != nil {
		return err
	}
	if c.jobcenter == "jc-101" {
		id, name, org := cwIDs["jc-101"], "Nina Pettersen", "Jobcenter København"
		if err := insertLogin(ctx, tx, row.ID, today.Add(-12*24*time.Hour), &id, name, &org); err != nil {
			return err
		}
	}
	return insertLogin(ctx, tx, row.ID, today.Add(-3*24*time.Hour), nil, c.login.Name, nil)
}

func insertLogin(ctx context.Context, tx bun.IDB, citizenID int64, at time.Time, cwID *int64, name string, org *string) error {
	_, err := tx.NewInsert().Model(&loginEventRow{CitizenID: citizenID, At: at, CaseworkerID: cwID, Name: name, Organisation: org}).
		ExcludeColumn("id").Exec(ctx)
	return err
}
