package server

import (
	"strings"
	"testing"

	"jobnet/server/ingestv1"
	"jobnet/shared"
)

// testPlan is a plan for Mads as a jobcenter's case system sends it.
func testPlan(version string, today shared.Date) ingestv1.Plan {
	return ingestv1.NewPlan(cprMads, shared.Plan{
		VersionID: version, Type: shared.PlanJob,
		JobGoals:    []shared.JobGoal{{Title: "Rørlægger", AgreedWith: "Nina Pettersen"}},
		Description: "Du skal søge job som rørlægger.",
		Items: []shared.PlanItem{
			// During Mads' sygedagpenge period, more than 320 days ago.
			{ID: "syg", Kind: "aftale_jobcenter", Title: "SYGEOPFOELGNING-MARKER", Period: shared.Period{From: today.AddDays(-350), To: today.AddDays(-350)}},
			{ID: "hj", Kind: "hjaelpemiddel", Title: "HJAELPEMIDDEL-MARKER", Period: shared.Period{From: today.AddDays(-10), To: today.AddDays(20)}},
			{ID: "lt", Kind: "loentilskud", Title: "Løntilskud som svejser", Period: shared.Period{From: today.AddDays(-10), To: today.AddDays(80)}},
		},
	})
}

func TestPublishPlan(t *testing.T) {
	env := newTestEnv(t)
	const jc, ak = "Bearer demo-token-jobcenter-koebenhavn", "Bearer demo-token-det-faglige-hus"
	today := shared.DateOf(env.clock.Now())
	c := env.client()
	post := func(p ingestv1.Plan, auth string) response {
		return c.do("POST", "/api/ingest/v1/plan", p, "Authorization", auth)
	}
	pete := env.client()
	pete.loginCitizen("pete") // the demo gives Pete no plan
	var view shared.PlanView
	pete.decode(pete.do("GET", "/api/plan", nil), 200, &view)
	if view.Plan != nil || len(view.Changes) != 0 {
		t.Fatalf("no plan: %+v", view)
	}
	own := env.client()
	own.loginCitizen("mads")

	v1 := testPlan("v1", today)
	c.decode(post(v1, jc), 200, nil)
	var rec ingestv1.Receipt
	c.decode(post(v1, jc), 200, &rec)
	if !rec.Duplicate {
		t.Error("re-sending a version must change nothing")
	}
	changed := v1
	changed.Description = "Noget andet"
	if r := post(changed, jc); r.status != 409 {
		t.Errorf("same version id, other plan: %d", r.status)
	}
	bad := v1
	bad.VersionID, bad.Items = "v-bad", []ingestv1.PlanItem{{ID: "x", Kind: "ferie", Title: "x", What: strings.Repeat("a", shared.PlanWhatMaxChars+1)}}
	if r := post(bad, jc); r.status != 400 || r.err().FieldMessage("items[0].kind") == "" || r.err().FieldMessage("items[0].what") == "" {
		t.Errorf("invalid plan: %d %s", r.status, r.body)
	}
	other := v1
	other.VersionID, other.CPR = "v-other", cprLouise
	if r := post(other, jc); r.status != 403 {
		t.Errorf("another jobcenter's citizen: %d", r.status)
	}
	if r := post(other, ak); r.status != 403 {
		t.Errorf("not a member of the a-kasse: %d", r.status)
	}

	v2 := testPlan("v2", today)
	v2.JobGoals = append(v2.JobGoals, ingestv1.JobGoal{Title: "Svejser"})
	c.decode(post(v2, ak), 200, nil) // the a-kasse may publish for its member

	r := own.do("GET", "/api/plan", nil)
	own.decode(r, 200, &view)
	if view.Plan == nil || view.Plan.VersionID != "v2" || len(view.Plan.Items) != 3 || strings.Contains(string(r.body), cprMads) {
		t.Fatalf("citizen sees %s", r.body)
	}
	if len(view.Changes) != 1 || view.Changes[0].Title != "Svejser" || view.Published != today {
		t.Errorf("changes %+v published %s", view.Changes, view.Published)
	}
	nina := env.mirror("nina", cprMads)
	var jcView shared.PlanView
	nina.decode(nina.do("GET", "/api/plan", nil), 200, &jcView)
	if len(jcView.Plan.Items) != 3 {
		t.Errorf("jobcenter sees %d items", len(jcView.Plan.Items))
	}

	// The a-kasse: no hjælpemiddel, nothing from the sygedagpenge period —
	// not one byte of it.
	berit := env.mirror("berit", cprMads)
	r = berit.do("GET", "/api/plan", nil)
	var akView shared.AKassePlanView
	berit.decode(r, 200, &akView)
	if strings.Contains(string(r.body), "MARKER") || len(akView.Plan.Items) != 1 || akView.Plan.Items[0].ID != "lt" {
		t.Errorf("a-kasse sees %s", r.body)
	}
}

// TestDemoPlans: every demo plan passed the validators when seeded (the seed
// fails otherwise); the a-kasse's view of Mads' demo plan lacks the
// sygedagpenge period and the hjælpemiddel.
func TestDemoPlans(t *testing.T) {
	env := newTestEnv(t)
	for _, user := range []string{"mads", "louise", "jonas", "henrik", "amina", "mette", "sofie", "emil"} {
		c := env.client()
		c.loginCitizen(user)
		var v shared.PlanView
		c.decode(c.do("GET", "/api/plan", nil), 200, &v)
		if v.Plan == nil {
			t.Errorf("%s has no demo plan", user)
		}
	}
	berit := env.mirror("berit", cprMads)
	r := berit.do("GET", "/api/plan", nil)
	if r.status != 200 || strings.Contains(string(r.body), "Sygeopfølgningssamtale") || strings.Contains(string(r.body), "Hæve-sænkebord") {
		t.Errorf("a-kasse view of Mads' plan: %s", r.body)
	}
	if !strings.Contains(string(r.body), "Svejsefabrikken") {
		t.Errorf("the a-kasse should see the løntilskud: %s", r.body)
	}
}

// TestPlanNotices: the front page tells of a new or changed plan until the
// citizen opens it; caseworkers see the same and change nothing; the
// first-plan box goes for good with "Vis ikke denne besked igen".
func TestPlanNotices(t *testing.T) {
	env := newTestEnv(t)
	planNotified := func(c *client) bool {
		var o shared.Overview
		c.decode(c.do("GET", "/api/overview", nil), 200, &o)
		for _, n := range o.Notifications {
			if n.Kind == shared.NotifyPlan {
				return true
			}
		}
		return false
	}
	getPlan := func(c *client) shared.PlanView {
		var v shared.PlanView
		c.decode(c.do("GET", "/api/plan", nil), 200, &v)
		return v
	}
	mads := env.client()
	mads.loginCitizen("mads")
	if !planNotified(mads) {
		t.Fatal("no notice of the unseen plan")
	}
	for _, cw := range []string{"nina", "berit"} {
		if v := getPlan(env.mirror(cw, cprMads)); !v.NewVersion {
			t.Errorf("%s should see the citizen's notice: %+v", cw, v.PlanNotice)
		}
	}
	if v := getPlan(mads); !v.NewVersion || v.FirstPlan {
		t.Errorf("first visit: %+v", v.PlanNotice)
	}
	if v := getPlan(mads); v.NewVersion {
		t.Errorf("second visit still new: %+v", v.PlanNotice)
	}
	if planNotified(mads) {
		t.Error("the notice stays after the citizen opened the plan")
	}

	louise := env.client()
	louise.loginCitizen("louise")
	if v := getPlan(louise); !v.FirstPlan {
		t.Fatalf("Louise's only plan: %+v", v.PlanNotice)
	}
	louise.decode(louise.do("POST", "/api/plan/first-plan-box", nil), 204, nil)
	if v := getPlan(louise); v.FirstPlan {
		t.Errorf("dismissed for good, but: %+v", v.PlanNotice)
	}
}

// The nudges at the bottom of the plan follow its type and the counters the
// viewer may see (SPEC D1, K4).
func TestPlanNudges(t *testing.T) {
	env := newTestEnv(t)
	titles := func(ns []shared.PlanNudge) string {
		var s []string
		for _, n := range ns {
			s = append(s, n.Title)
		}
		return strings.Join(s, " | ")
	}
	var view shared.PlanView
	louise := env.client()
	louise.loginCitizen("louise") // job plan, 225 hours
	louise.decode(louise.do("GET", "/api/plan", nil), 200, &view)
	if got := titles(view.Nudges); got != "Gode råd til jobsøgningen | 225-timers-reglen" {
		t.Errorf("Louise's nudges: %s", got)
	}
	emil := env.client()
	emil.loginCitizen("emil")
	emil.decode(emil.do("GET", "/api/plan", nil), 200, &view)
	if got := titles(view.Nudges); got != "Få hjælp til at finde uddannelser" {
		t.Errorf("Emil's nudges: %s", got)
	}
	berit := env.mirror("berit", cprMads)
	var ak shared.AKassePlanView
	berit.decode(berit.do("GET", "/api/plan", nil), 200, &ak)
	if got := titles(ak.Nudges); got != "Gode råd til jobsøgningen | Følg din dagpengeret" {
		t.Errorf("the a-kasse's nudges for Mads: %s", got)
	}
	pete := env.client()
	pete.loginCitizen("pete") // no plan
	pete.decode(pete.do("GET", "/api/plan", nil), 200, &view)
	if view.Nudges == nil || len(view.Nudges) != 0 {
		t.Errorf("no plan, nudges %+v", view.Nudges)
	}
}
