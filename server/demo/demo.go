// Package demo is Jobnet's demo data: the citizens of the sources' examples
// (002_…txt Bilag 1–3, 000_…txt) with their forløb, plans and counters, two
// caseworkers and two case systems' API tokens. `make run` loads it, and
// the tests start from it.
//
// The data set is a pure function of the day it is built for (Build): every
// date is placed relative to "today" or to the a-kasse's statement date
// (shared.StatementDate), and the stories the README tells hold on every
// day of the year (TestDemoEveryDayOfAYear). Figures delivered "as of" a
// date describe nothing after it.
package demo

import (
	"context"
	"maps"
	"slices"
	"time"

	"jobnet/server/findjob"
	"jobnet/server/geo"
	"jobnet/server/jobadgen"
	"jobnet/server/password"
	"jobnet/server/storage"
	"jobnet/shared"
)

// Password is the password of every demo login.
const Password = "jobnet-demo-2026"

// Login is one demo user, printed by `make run` and listed in the README.
type Login struct {
	Username, Name, Description string
	CPR                         string // citizens only
}

// Organisations of the sources (002_…txt Bilag 2–3, 000_…txt).
var organisations = []shared.Organisation{
	{Code: "jc-101", Kind: shared.OrgJobcenter, Name: "Jobcenter København"},
	{Code: "jc-230", Kind: shared.OrgJobcenter, Name: "Jobcenter Rudersdal"},
	{Code: "jc-575", Kind: shared.OrgJobcenter, Name: "Jobcenter Vejen"},
	{Code: "ak-dfh", Kind: shared.OrgAKasse, Name: "Det Faglige Hus A-kasse"},
	{Code: "star", Kind: shared.OrgSTAR, Name: "Styrelsen for Arbejdsmarked og Rekruttering"},
}

// Tokens are the demo API tokens of the ingestion API, one per
// organisation that sends.
var Tokens = map[string]string{
	"demo-token-jobcenter-koebenhavn": "jc-101",
	"demo-token-det-faglige-hus":      "ak-dfh",
	"demo-token-star":                 "star",
}

var caseworkers = []struct {
	login Login
	org   string
	role  shared.Role
}{
	{Login{"nina", "Nina Pettersen", "Sagsbehandler, Jobcenter København", ""}, "jc-101", shared.RoleJobcenter},
	{Login{"berit", "Berit Hansen", "Sagsbehandler, Det Faglige Hus A-kasse", ""}, "ak-dfh", shared.RoleAKasse},
}

// days places a date relative to a day.
type days func(offset int) shared.Date

// citizen is one demo citizen: their login and how their data is built on
// a day (today) with the a-kasse's statement date asOf.
type citizen struct {
	login     Login
	jobcenter string
	akasse    string
	enrolment shared.EnrolmentStatus
	// forloeb are placed relative to today; to 0 is an open forløb.
	forloeb       []forloeb
	notifications []shared.NotificationKind
	// counters builds the figures delivered as of asOf, if any; they are
	// placed relative to asOf, never after it.
	counters func(asOf days) shared.Counters
	// plans builds the plan versions, oldest first, relative to today.
	plans func(today days) []shared.Plan
}

type forloeb struct {
	kg, kategori int
	from, to     int
}

// notifications are the texts of "Vigtig information" the demo uses.
var notifications = map[shared.NotificationKind]shared.Notification{
	shared.NotifyDagpengekort: {Kind: shared.NotifyDagpengekort,
		Title: "Husk: Du skal sende din ledighedserklæring og dit dagpengekort til a-kassen",
		Text:  "Når du har sendt dem, kan du markere det her."},
	shared.NotifyJoblog: {Kind: shared.NotifyJoblog,
		Title: "Husk: Du skal registrere alle dine jobsøgningsaktiviteter i din Joblog",
		Text:  "På den måde er både du og din jobkonsulent forberedt bedst muligt, når du skal til samtale med din a-kasse/jobcenter. Når du registrerer alle dine aktiviteter i Jobloggen, bliver det også nemmere for dig at planlægge din jobsøgning, og du viser, at du står til rådighed."},
	shared.NotifySygemelding: {Kind: shared.NotifySygemelding,
		Title: "Du er registreret som sygemeldt",
		Text:  "Du er registreret i jobcentret som sygemeldt resten af dagen."},
}

// citizens are the citizens of the sources' examples. The sources name none
// of the plan examples' citizens except Pete Adam-Janusz; the other names
// are invented. All CPR numbers are fictitious.
var citizens = []citizen{
	{login: Login{"mads", "Mads Kristensen", "Dagpengemodtager, rørlægger; var sygedagpengemodtager før (skjult for a-kassen)", "120385-1231"},
		jobcenter: "jc-101", akasse: "ak-dfh", enrolment: shared.EnrolmentTilmeldt,
		forloeb:       []forloeb{{6, 0, -480, -321}, {1, 0, -320, 0}},
		notifications: []shared.NotificationKind{shared.NotifyDagpengekort, shared.NotifyJoblog},
		counters: func(asOf days) shared.Counters {
			// The figures of the source's screenshots: 765 h → 1,530 h of
			// forlængelse; 76 of 148 h for karens. Dagpenge since the
			// forløb began at least 289 days before the statement: room
			// for the 1,409 hours used.
			return shared.Counters{Dagpenge: &shared.DagpengeCounters{AsOf: asOf(0), Insurance: shared.FullTime,
				Indplacering: asOf(-289), HoursUsed: 1409, ExtensionWorkHours: 765, KarensWorkHours: 76,
				KarensPeriodEnd: asOf(60), GenoptjeningWorkHours: 765}}
		},
		plans: madsPlans},
	{login: Login{"louise", "Louise Holm", "Jobparat kontanthjælpsmodtager, biblioteksassistent (Jobcenter Rudersdal)", "030792-2468"},
		jobcenter: "jc-230", enrolment: shared.EnrolmentTilmeldt,
		forloeb:       []forloeb{{2, 0, -240, 0}},
		notifications: []shared.NotificationKind{shared.NotifyJoblog},
		counters: func(asOf days) shared.Counters {
			return shared.Counters{Hours225: &shared.Hours225Counters{AsOf: asOf(0), HoursLast12Months: 150, HighBenefit: true}}
		},
		plans: louisePlans},
	{login: Login{"jonas", "Jonas Madsen", "Dagpengemodtager med uddannelsespålæg, tømrer/smed", "250899-1357"},
		jobcenter: "jc-101", akasse: "ak-dfh", enrolment: shared.EnrolmentTilmeldt,
		forloeb:       []forloeb{{1, 0, -640, 0}},
		notifications: []shared.NotificationKind{shared.NotifyDagpengekort},
		counters:      jonasCounters,
		plans:         jonasPlans},
	{login: Login{"henrik", "Henrik Poulsen", "Ressourceforløb, køkken- og kantinearbejde", "140271-3579"},
		jobcenter: "jc-101", enrolment: shared.EnrolmentAfmeldt,
		forloeb: []forloeb{{9, 0, -330, 0}},
		plans:   henrikPlans},
	{login: Login{"amina", "Amina Hassan", "Integrationskontrakt, social- og sundhedsassistent", "010190-2802"},
		jobcenter: "jc-101", enrolment: shared.EnrolmentTilmeldt,
		forloeb:       []forloeb{{18, 0, -180, 0}},
		notifications: []shared.NotificationKind{shared.NotifyJoblog},
		plans:         aminaPlans},
	{login: Login{"mette", "Mette Lauridsen", "Fleksjobber, sekretær (Jobcenter Vejen); medlem af a-kasse uden dagpengeforløb", "220578-2684"},
		jobcenter: "jc-575", akasse: "ak-dfh", enrolment: shared.EnrolmentAfmeldt,
		forloeb: []forloeb{{10, 0, -2900, 0}},
		plans:   mettePlans},
	{login: Login{"pete", "Pete Adam-Janusz", "Sygemeldt (sygedagpenge) efter et dagpengeforløb", "090688-1122"},
		jobcenter: "jc-101", akasse: "ak-dfh", enrolment: shared.EnrolmentAfmeldt,
		// His sygemelding is an absence (fravaer.go), whose notice the
		// front page derives.
		forloeb: []forloeb{{1, 0, -300, -31}, {6, 0, -30, 0}}},
	{login: Login{"sofie", "Sofie Lund Nielsen", "Dimittend, arkæolog", "170600-4123"},
		jobcenter: "jc-101", akasse: "ak-dfh", enrolment: shared.EnrolmentTilmeldt,
		forloeb:       []forloeb{{8, shared.TilmeldekategoriDimittend, -80, 0}},
		notifications: []shared.NotificationKind{shared.NotifyJoblog},
		counters: func(asOf days) shared.Counters {
			// A graduate on dagpenge since her forløb began, at least 49
			// days before the statement.
			return shared.Counters{Dagpenge: &shared.DagpengeCounters{AsOf: asOf(0), Insurance: shared.FullTime,
				Indplacering: asOf(-49), HoursUsed: 160, KarensPeriodEnd: asOf(85)}}
		},
		plans: sofiePlans},
	{login: Login{"emil", "Emil Sørensen", "Ung uddannelseshjælpsmodtager med uddannelsespålæg på trin 3", "150307-4455"},
		jobcenter: "jc-101", enrolment: shared.EnrolmentTilmeldt,
		forloeb: []forloeb{{4, 0, -200, 0}},
		plans:   emilPlans},
}

// jobSeeking is each citizen's "Jeg søger job som" (SPEC C2) and home
// postcode, by username: the occupations of the README's situations, by
// the taxonomy's ids, with Billede 7's "Kontorassistent
// (kontorfunktionær)" for Mette. Everyone with a duty to seek work today
// has at least one (shared.HasDutyToSeekWork); Emil, on an
// uddannelsespålæg, has none.
var jobSeeking = map[string]struct {
	home        string
	occupations []soughtOccupation
	conditions  *shared.EmploymentConditions
}{
	"mads": {"2300", []soughtOccupation{{id: 708, educated: true, years: 14, months: 2, lastDaysAgo: 330}}, // Rørlægger
		&shared.EmploymentConditions{WorkingTime: shared.FullTimeJob, StartASAP: true, StartByAgreement: true}},
	"louise": {"2840", []soughtOccupation{{id: 565, educated: true, years: 6, lastDaysAgo: 250}}, // Biblioteksassistent
		&shared.EmploymentConditions{WorkingTime: shared.FullTimeJob, StartASAP: true}},
	"jonas":  {"2400", []soughtOccupation{{id: 691, alias: "Tømrersvend", years: 2, months: 6, lastDaysAgo: 650}}, nil}, // Tømrer
	"henrik": {"2700", []soughtOccupation{{id: 897, years: 3, lastYear: 2019}}, nil},                                    // Køkkenmedhjælper
	"amina":  {"2200", []soughtOccupation{{id: 645, alias: "SOSU-assistent"}}, nil},                                     // Social- og sundhedsassistent
	"mette": {"6600", []soughtOccupation{
		{id: 530, alias: "Kontorfunktionær", educated: true, years: 12, months: 3, lastYear: 2008}, // Kontorassistent
		{id: 532, educated: true, years: 8, lastDaysAgo: 0}},                                       // Sekretær, her fleksjob
		&shared.EmploymentConditions{WorkingTime: shared.PartTimeJob, StartByAgreement: true}},
	"pete":  {"2500", []soughtOccupation{{id: 893, years: 5, lastDaysAgo: 310}}, nil},            // Lagermedarbejder
	"sofie": {"2100", []soughtOccupation{{id: 305, alias: "Feltarkæolog", educated: true}}, nil}, // Arkæolog
	"emil":  {"2450", nil, nil},
}

// soughtOccupation is one occupation of a demo citizen: experience when
// years or a last year is given, the last year either fixed (lastYear) or
// the year of lastDaysAgo days before today.
type soughtOccupation struct {
	id                    int
	alias                 string
	educated              bool
	years, months         int
	lastYear, lastDaysAgo int
}

func (o soughtOccupation) input(today shared.Date) shared.SoughtOccupationInput {
	in := shared.SoughtOccupationInput{OccupationID: o.id, Alias: o.alias, Educated: &o.educated}
	if o.years == 0 && o.lastYear == 0 && o.lastDaysAgo == 0 {
		return in
	}
	last := o.lastYear
	if last == 0 {
		last = today.AddDays(-o.lastDaysAgo).Year
	}
	in.ExperienceYears, in.LastWorked = &o.years, &last
	if o.months != 0 {
		in.ExperienceMonths = &o.months
	}
	return in
}

// jonasCounters: part-time insured, on supplerende dagpenge near the
// 30-week ceiling: 28 weeks used, one every third week back from the week
// before the statement, all within the 104-week window and inside his
// dagpenge forløb; one monthly report above the threshold gives 4 weeks of
// forlængelse.
func jonasCounters(asOf days) shared.Counters {
	var weeks []shared.Date
	for i := range 28 {
		weeks = append(weeks, asOf(-7*(i*3+1)))
	}
	report := asOf(0).AddMonths(-2)
	report.Day = 1
	return shared.Counters{
		Dagpenge: &shared.DagpengeCounters{AsOf: asOf(0), Insurance: shared.PartTime, Indplacering: asOf(-600),
			HoursUsed: 640, ExtensionWorkHours: 310, KarensWorkHours: 40, KarensPeriodEnd: asOf(20), GenoptjeningWorkHours: 520},
		Supplerende: &shared.SupplerendeCounters{AsOf: asOf(0), Insurance: shared.PartTime, UsedWeeks: weeks,
			Reports: []shared.WorkReport{{Kind: shared.ReportMonthly, Start: report, Hours: 150}}},
	}
}

// Logins lists the demo citizens and caseworkers.
func Logins() (citizenLogins, caseworkerLogins []Login) {
	for _, c := range citizens {
		citizenLogins = append(citizenLogins, c.login)
	}
	for _, c := range caseworkers {
		caseworkerLogins = append(caseworkerLogins, c.login)
	}
	return citizenLogins, caseworkerLogins
}

// Build is the demo data set on the day of now (in now's location, which
// the server keeps in Europe/Copenhagen). passwordHash is stored for every
// login; Build itself computes nothing slow and touches nothing.
func Build(now time.Time, passwordHash string) storage.Seed {
	today := shared.DateOf(now)
	asOf := shared.StatementDate(today)
	var d storage.Seed
	d.Organisations = append(d.Organisations, organisations...)
	for _, token := range slices.Sorted(maps.Keys(Tokens)) {
		d.Tokens = append(d.Tokens, storage.SeedToken{TokenHash: storage.TokenHash(token), Org: Tokens[token], Name: "demo"})
	}
	for _, c := range caseworkers {
		d.Caseworkers = append(d.Caseworkers, storage.SeedCaseworker{Username: c.login.Username, PasswordHash: passwordHash,
			Name: c.login.Name, Org: c.org, Role: c.role})
	}
	dayOf := func(n int) time.Time { return now.AddDate(0, 0, n) }
	for _, c := range citizens {
		sc := storage.SeedCitizen{CPR: c.login.CPR, Name: c.login.Name, Jobcenter: c.jobcenter, AKasse: c.akasse, Enrolment: c.enrolment,
			Account: &storage.SeedAccount{Username: c.login.Username, PasswordHash: passwordHash, Created: dayOf(-30)}}
		js := jobSeeking[c.login.Username]
		sc.HomePostcode, sc.Conditions = js.home, js.conditions
		for _, o := range js.occupations {
			sc.Occupations = append(sc.Occupations, o.input(today))
		}
		for _, f := range c.forloeb {
			p := shared.Period{From: today.AddDays(f.from)}
			if f.to != 0 {
				p.To = today.AddDays(f.to)
			}
			sc.Forloeb = append(sc.Forloeb, shared.Forloeb{Kontaktgruppe: f.kg, Tilmeldekategori: f.kategori, Period: p})
		}
		for i, kind := range c.notifications {
			n := notifications[kind]
			n.Created = dayOf(-(i + 1))
			sc.Notifications = append(sc.Notifications, n)
		}
		if c.counters != nil {
			sc.Counters = c.counters(asOf.AddDays)
		}
		if c.plans != nil {
			versions := c.plans(today.AddDays)
			for i, p := range versions {
				sc.Plans = append(sc.Plans, storage.SeedPlan{Org: c.jobcenter, Plan: p, Published: dayOf(-30 * (len(versions) - 1 - i))})
			}
		}
		// A little login history: the citizen's own logins and, for
		// citizens of Jobcenter København, one look by their caseworker.
		sc.Logins = append(sc.Logins, storage.SeedLogin{At: dayOf(-20)})
		if c.jobcenter == "jc-101" {
			sc.Logins = append(sc.Logins, storage.SeedLogin{At: dayOf(-12), Caseworker: "nina"})
		}
		sc.Logins = append(sc.Logins, storage.SeedLogin{At: dayOf(-3)})
		d.Citizens = append(d.Citizens, sc)
	}
	return d
}

// Seed loads the demo data set of the day of now. Like storage's Seed it
// leaves what exists as it is, so a second `make run` keeps whatever was
// changed.
func Seed(ctx context.Context, store *storage.Store, now time.Time) error {
	hash, err := password.Hash(Password)
	if err != nil {
		return err
	}
	if err := store.Seed(ctx, Build(now, hash), now); err != nil {
		return err
	}
	if err := seedBanner(ctx, store, now); err != nil {
		return err
	}
	if err := seedAds(ctx, store, now); err != nil {
		return err
	}
	if err := seedJoblogs(ctx, store, now); err != nil {
		return err
	}
	if err := seedMessages(ctx, store, now); err != nil {
		return err
	}
	if err := seedMeetings(ctx, store, now); err != nil {
		return err
	}
	if err := seedCVs(ctx, store, now); err != nil {
		return err
	}
	if err := seedScreenings(ctx, store, now); err != nil {
		return err
	}
	if err := seedRehabCases(ctx, store, now); err != nil {
		return err
	}
	if err := seedBooking(ctx, store, now); err != nil {
		return err
	}
	if err := seedAbsences(ctx, store, now); err != nil {
		return err
	}
	// The current enrolments before Mads' past one (SeedEnrolment gives a
	// citizen without any enrolment his current one).
	if err := seedEnrolments(ctx, store, now); err != nil {
		return err
	}
	if err := seedHistorik(ctx, store, now); err != nil {
		return err
	}
	if err := seedProfile(ctx, store, now); err != nil {
		return err
	}
	return seedSaved(ctx, store, now)
}

// seedBanner sets STAR's banner for a year from yesterday at the first
// seeding only: a banner STAR (someone trying the administration API)
// has changed or removed since stays so.
func seedBanner(ctx context.Context, store *storage.Store, now time.Time) error {
	first, err := store.CountJobAdsOf(ctx, AdsSender)
	if err != nil || first > 0 {
		return err
	}
	return store.PutBanner(ctx, Banner(shared.DateOf(now)), "star", now)
}

// Banner is the demo's banner on a day: from the day before, for a year.
func Banner(today shared.Date) shared.Banner {
	return shared.Banner{Text: "Nyt på forsiden: jobforslag, der passer til de job, du søger, og til hvor du bor.",
		LinkText: "Gode råd til jobsøgningen", LinkURL: "https://info.jobnet.dk/",
		Period: shared.Period{From: today.AddDays(-1), To: today.AddDays(365)}}
}

// SavedSearchName is the demo's saved search of Mads (issue 11).
const SavedSearchName = "Rørlægger nær hjemmet"

// seedSaved gives Mads, once, what Find Job keeps for a logged-in citizen
// (issue 11): the two newest ads of his jobmål Rørlægger as favourites
// (the newest two of all ads, should there be fewer) and a saved search
// of the occupation within 25 km of home. The ads are the day's generated
// ones, so it holds on every day.
func seedSaved(ctx context.Context, store *storage.Store, now time.Time) error {
	mads, err := store.CitizenByCPR(ctx, "120385-1231")
	if err != nil {
		return err
	}
	c := store.Citizen(mads.ID)
	if have, err := c.SavedSearches(ctx); err != nil || len(have) > 0 {
		return err
	}
	ix, err := findjob.Default()
	if err != nil {
		return err
	}
	var ads []shared.JobAdView
	for _, q := range []shared.JobSearch{{Q: "Rørlægger"}, {}} {
		res, err := store.SearchJobAds(ctx, ix, q.Normalize())
		if err != nil {
			return err
		}
		if ads = res.Ads; len(ads) >= 2 {
			break
		}
	}
	for _, a := range ads[:min(2, len(ads))] {
		if err := c.SaveJob(ctx, a.ID, now); err != nil {
			return err
		}
	}
	search := shared.JobSearch{Q: "Rørlægger", Postcode: "2300", Km: 25}
	if _, err = c.AddSavedSearch(ctx, shared.SavedSearchInput{Name: SavedSearchName, Query: search.Query().Encode()}, now); err != nil {
		return err
	}
	return seedAgent(ctx, store, now)
}

// AgentEmail is the address of the demo's job agent.
const AgentEmail = "louise.holm@example.dk"

// seedAgent gives Louise a daily job agent for her occupation near home,
// made a week ago: its first run is due, so the server's first start
// mails the week's ads, and a person trying the demo finds the mail on
// /dev/post.
func seedAgent(ctx context.Context, store *storage.Store, now time.Time) error {
	louise, err := store.CitizenByCPR(ctx, "030792-2468")
	if err != nil {
		return err
	}
	search := shared.JobSearch{Q: "Biblioteksassistent", Postcode: "2840", Km: 25}
	agent := shared.JobAgentInput{Name: "Biblioteksassistent nær Holte", Search: search.Query().Encode(),
		Frequency: shared.JobAgentDaily, Email: AgentEmail}
	return store.Citizen(louise.ID).CreateJobAgent(ctx, agent, search.Normalize(), now.AddDate(0, 0, -7))
}

// AdsSender is the sender of the demo's job ads: the employer side's
// service (JobAnnonceService), which has no API token in the demo.
const AdsSender = "jobannonceservice"

// Ads is the number of generated job ads in the demo, besides the demo
// citizens' own (nearAds); AdCount is all of them.
const Ads = 3000

// nearAges are the ages in days of each demo citizen's ads of each of
// their occupations: three new, and a vikariat.
var nearAges = []int{1, 3, 5, 12}

// AdCount is the number of ads in the demo.
func AdCount() int {
	n := Ads
	for _, js := range jobSeeking {
		n += len(js.occupations) * len(nearAges)
	}
	return n
}

// seedAds loads the generated job ads, once: they are published in the 30
// days before now, with deadlines after it.
func seedAds(ctx context.Context, store *storage.Store, now time.Time) error {
	n, err := store.CountJobAdsOf(ctx, AdsSender)
	if err != nil || n > 0 {
		return err
	}
	ix, err := findjob.Default()
	if err != nil {
		return err
	}
	gen := jobadgen.New(ix, now, 2026)
	if err := store.CopyJobAds(ctx, AdsSender, Ads, gen.Ad, now, nil); err != nil {
		return err
	}
	near := nearAds(gen, ix, now)
	return store.CopyJobAds(ctx, AdsSender, len(near), func(i int) findjob.Placed { return near[i] }, now, nil)
}

// nearAds are ads of each demo citizen's occupations near their home, so
// that every front page shows what a job seeker's would (issue 11):
// automatch's own occupation, "Opslåede stillinger" (three published in
// the last five days), "Vikarbureauer" (a vikariat), and for Mette,
// fleksjobvisiteret, fleksjob — a pure function of now, as the rest.
func nearAds(gen *jobadgen.Generator, ix *findjob.Index, now time.Time) []findjob.Placed {
	users := slices.Sorted(maps.Keys(jobSeeking))
	_, pcs, _ := ix.Geo()
	var out []findjob.Placed
	for _, u := range users {
		js := jobSeeking[u]
		home, ok := ix.Postcode(js.home)
		if !ok {
			continue
		}
		var around []geo.Postcode // within 20 km, in a fixed order
		for _, p := range pcs {
			if !p.Bulk && shared.DistanceKm(home.Lat, home.Lon, p.Lat, p.Lon) <= 20 {
				around = append(around, p)
			}
		}
		for _, o := range js.occupations {
			for i, age := range nearAges {
				mod := func(a *shared.JobAd) {
					a.Terms, a.Duration = shared.TermsOrdinary, shared.DurationPermanent
					if i == len(nearAges)-1 {
						a.Duration = shared.DurationTemporary
					}
					if u == "mette" && i < 2 {
						a.Terms = shared.TermsFleksjob
					}
				}
				published := now.Add(-time.Duration(age)*24*time.Hour + time.Duration(len(out))*time.Minute)
				out = append(out, gen.Near(len(out), o.id, around[(len(out)*7)%len(around)], published, mod))
			}
		}
	}
	return out
}
