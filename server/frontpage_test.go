package server

import (
	"context"
	"math"
	"slices"
	"testing"
	"time"

	"jobnet/server/demo"
	"jobnet/server/ingestv1"
	"jobnet/shared"
)

func (c *client) overview() shared.Overview {
	c.env.tb.Helper()
	var o shared.Overview
	c.decode(c.do("GET", shared.APIOverview, nil), 200, &o)
	return o
}

func titlesOf(g shared.AutomatchGroup) []string {
	out := []string{}
	for _, a := range g.Ads {
		out = append(out, a.Title)
	}
	return out
}

// TestAutomatch: Mads (home 2300) seeks an occupation no demo ad has or
// names. His ads of it in the square are "inden for dit fag", newest
// first — one in a corner more than 75 km away too, none just outside an
// edge; an ad of another occupation that names his is "beslægtet"; the
// rest are filled from hotjobs up to ten. As fleksjobvisiteret he gets the fleksjob variant.
func TestAutomatch(t *testing.T) {
	env := newTestEnv(t)
	ix := findjobIndex()
	occ := unadvertised(t, env, true)
	home, _ := ix.Postcode("2300")
	box := shared.SquareAround(home.Lat, home.Lon, shared.AutomatchSquareKm)
	// A postcode in the square's corner, further than 70 km, and one
	// outside the square but nearer than the corner: the square, not a
	// circle.
	var corner, outside string
	_, pcs, _ := ix.Geo()
	for _, p := range pcs {
		d := shared.DistanceKm(home.Lat, home.Lon, p.Lat, p.Lon)
		switch {
		case p.Bulk:
		case corner == "" && d > 75 && box.Contains(p.Lat, p.Lon):
			corner = p.Code
		case outside == "" && d < 85 && d > 71 && !box.Contains(p.Lat, p.Lon) && math.Abs(p.Lat-home.Lat) < 0.3:
			outside = p.Code
		}
	}
	if corner == "" || outside == "" {
		t.Fatalf("no postcodes to test with: corner %q, outside %q", corner, outside)
	}

	mads := env.client()
	mads.loginCitizen("mads")
	yes := true
	mads.page(mads.do("POST", shared.APISoughtOccupations, shared.SoughtOccupationInput{OccupationID: occ.ID, Educated: &yes}))
	mads.page(mads.do("DELETE", shared.SoughtOccupationPath(occupationID("Rørlægger")), nil))

	sys := env.client().withHeader("Authorization", jobcenterToken)
	now := env.clock.Now()
	post := func(id, title string, occupation int, postcode string, age time.Duration, mod func(*ingestv1.JobAd)) {
		a := anAd(id)
		a.Title, a.OccupationID, a.Employer.Postcode, a.Published = title, occupation, postcode, now.Add(-age)
		a.Description = "Et godt job."
		if mod != nil {
			mod(&a)
		}
		sys.decode(sys.do("POST", "/api/ingest/v1/jobads", a), 200, nil)
	}
	post("own-old", occ.Title+" 1", occ.ID, "2300", 48*time.Hour, nil)
	post("own-new", occ.Title+" 2", occ.ID, "2300", time.Hour, nil)
	post("own-corner", occ.Title+" i hjørnet", occ.ID, corner, 2*time.Hour, nil)
	post("own-outside", occ.Title+" udenfor", occ.ID, outside, 3*time.Hour, nil)
	post("related", "Medhjælper for "+occ.Title, occupationID("Lagermedarbejder"), "2300", 5*time.Hour, nil)

	o := mads.overview()
	a := o.Automatch
	if !a.Active || len(a.Groups) == 0 {
		t.Fatalf("automatch %+v", a)
	}
	if g := a.Groups[0]; g.Heading != "Jobforslag inden for dit fag" ||
		!slices.Equal(titlesOf(g), []string{occ.Title + " 2", occ.Title + " i hjørnet", occ.Title + " 1"}) {
		t.Errorf("rule 1: %q %q", g.Heading, titlesOf(g))
	}
	if len(a.Groups) < 2 || a.Groups[1].Heading != "Jobforslag beslægtet med dit fag" || titlesOf(a.Groups[1])[0] != "Medhjælper for "+occ.Title {
		t.Errorf("rule 2: %+v", a.Groups)
	}
	// The demo's ads near 2300 have hotjobs enough to fill up to ten.
	if len(a.Groups) != 3 || a.Groups[2].Heading != "Jobforslag uden for dit fag" || a.Count() != shared.AutomatchMax {
		t.Errorf("rule 3 did not fill up to ten: %d ads in %d groups", a.Count(), len(a.Groups))
	}
	for _, g := range a.Groups[2:] {
		for _, ad := range g.Ads {
			var hot bool
			var disco string
			if err := env.db.NewRaw("SELECT hotjob, disco FROM job_ads WHERE id = ?", ad.ID).Scan(context.Background(), &hot, &disco); err != nil {
				t.Fatal(err)
			}
			if !hot && !ix.Tax.HotjobQualified(disco) {
				t.Errorf("%q (%s) is neither a hotjob nor hotjob-qualified", ad.Title, disco)
			}
		}
	}

	// Fleksjobvisiteret: fleksjob of the occupation, then part-time.
	post("fleks", occ.Title+" i fleksjob", occ.ID, "2300", 4*time.Hour, func(a *ingestv1.JobAd) { a.Terms = shared.TermsFleksjob })
	post("deltid", occ.Title+" på deltid", occ.ID, "2300", 6*time.Hour, func(a *ingestv1.JobAd) {
		a.WorkingTime, a.HoursPerWeek = shared.PartTimeJob, 20
	})
	ingestTargetGroup(t, env, "fleks-1", "1203851231", shared.KontaktgruppeFleksjob, 0, shared.DateOf(now).AddDays(-1))
	mads = env.client()
	mads.loginCitizen("mads")
	a = mads.overview().Automatch
	var got [][]string
	for _, g := range a.Groups {
		got = append(got, append([]string{g.Heading}, titlesOf(g)...))
	}
	want := [][]string{
		{"Fleksjob - der passer til de job, du har valgt under Jeg søger job som", occ.Title + " i fleksjob"},
		{"Deltidsjob - der passer til de job, du har valgt under Jeg søger job som", occ.Title + " på deltid"},
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("fleksjob variant %q", got)
	}
	if o := mads.overview(); o.Primary.Title != "Læs om fleksjob" || len(o.Cards) != 0 {
		t.Errorf("fleksjobvisiteret: primary %q, cards %v", o.Primary.Title, o.Cards)
	}
}

// TestAutomatchNeedsHomeAndOccupation: 001: no automatch before an
// occupation and an address are registered; automatch is computed at
// login and kept for the session (003: "ved logon"), and anew when the
// citizen changes what feeds it.
func TestAutomatchNeedsHomeAndOccupation(t *testing.T) {
	env := newTestEnv(t)
	mads := env.client()
	mads.loginCitizen("mads")
	if a := mads.overview().Automatch; !a.Active || a.Count() == 0 || a.Groups[0].Rule != shared.RuleOwnOccupation {
		t.Fatalf("Mads, rørlægger in 2300, has no automatch of his own occupation: %+v", a)
	}
	// A change of "Jeg søger job som" counts at once, not at the next
	// login: no ad is of his new occupation.
	yes := true
	mads.page(mads.do("POST", shared.APISoughtOccupations, shared.SoughtOccupationInput{OccupationID: unadvertised(t, env, false).ID, Educated: &yes}))
	mads.page(mads.do("DELETE", shared.SoughtOccupationPath(occupationID("Rørlægger")), nil))
	if a := mads.overview().Automatch; !a.Active || (len(a.Groups) > 0 && a.Groups[0].Rule == shared.RuleOwnOccupation) {
		t.Errorf("after changing his occupation: %+v", a.Groups)
	}
	if _, err := env.db.NewRaw("UPDATE citizens SET home_postcode = NULL WHERE cpr = '120385-1231'").Exec(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Automatch is the login's: the next login has none.
	if a := mads.overview().Automatch; !a.Active {
		t.Errorf("the session's automatch changed without a login")
	}
	mads = env.client()
	mads.loginCitizen("mads")
	if a := mads.overview().Automatch; a.Active || len(a.Groups) != 0 {
		t.Errorf("without a home: %+v", a)
	}
}

// TestBanner: STAR sets, changes and removes the banner with its own
// token; it comes with every signed-in session while its period includes
// today; bad input is refused at its field, and no one else may set it.
func TestBanner(t *testing.T) {
	env := newTestEnv(t)
	star := env.client().withHeader("Authorization", "Bearer demo-token-star")
	today := shared.DateOf(env.clock.Now())
	session := func() shared.Session {
		t.Helper()
		c := env.client()
		c.loginCitizen("louise")
		var s shared.Session
		c.decode(c.do("GET", shared.APISession, nil), 200, &s)
		return s
	}
	// The demo's banner, from yesterday.
	if s := session(); s.Banner == nil || s.Banner.Text != demo.Banner(today).Text {
		t.Fatalf("the demo's banner: %+v", s.Banner)
	}

	b := shared.Banner{Text: "Jobnet holder lukket for vedligehold søndag.", Subpages: true,
		Period: shared.Period{From: today, To: today.AddDays(2)}}
	star.decode(star.do("PUT", shared.APIAdminBanner, b), 200, nil)
	if s := session(); s.Banner == nil || *s.Banner != b {
		t.Errorf("after PUT: %+v", s.Banner)
	}
	var got shared.Banner
	star.decode(star.do("GET", shared.APIAdminBanner, nil), 200, &got)
	if got != b {
		t.Errorf("GET: %+v", got)
	}

	// From tomorrow: set, but not shown today.
	later := b
	later.Period = shared.Period{From: today.AddDays(1), To: today.AddDays(3)}
	star.decode(star.do("PUT", shared.APIAdminBanner, later), 200, nil)
	if s := session(); s.Banner != nil {
		t.Errorf("a banner from tomorrow shows today: %+v", s.Banner)
	}

	bad := b
	bad.Text, bad.LinkText = "", "Læs mere"
	if status, msg := star.do("PUT", shared.APIAdminBanner, bad).fieldMessage("text"); status != 400 || msg != "Feltet skal udfyldes." {
		t.Errorf("no text: %d %q", status, msg)
	}
	if status, msg := star.do("PUT", shared.APIAdminBanner, bad).fieldMessage("link_url"); status != 400 || msg != "Feltet skal udfyldes." {
		t.Errorf("a link text without its address: %d %q", status, msg)
	}
	jc := env.client().withHeader("Authorization", jobcenterToken)
	if r := jc.do("PUT", shared.APIAdminBanner, b); r.status != 403 {
		t.Errorf("a jobcenter sets the banner: %d", r.status)
	}

	if r := star.do("DELETE", shared.APIAdminBanner, nil); r.status != 204 {
		t.Errorf("DELETE: %d %s", r.status, r.body)
	}
	if r := star.do("DELETE", shared.APIAdminBanner, nil); r.status != 404 {
		t.Errorf("DELETE again: %d", r.status)
	}
	if s := session(); s.Banner != nil {
		t.Errorf("after DELETE: %+v", s.Banner)
	}
}
