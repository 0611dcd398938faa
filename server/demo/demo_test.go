package demo

import (
	"fmt"
	"iter"
	"reflect"
	"slices"
	"testing"
	"time"

	"jobnet/server/findjob"
	"jobnet/server/storage"
	"jobnet/shared"
)

// TestDemoEveryDayOfAYear builds the demo data set for every day of a year
// that has a 29 February and holds it to its invariants and its stories:
// figures delivered as of a date describe nothing after it, forløb and
// plans lie where the README says, and the numbers the browser tests read
// ("28 af 30 uger", "1.409 af 5.378 timer") come out on every day.
func TestDemoEveryDayOfAYear(t *testing.T) {
	for now := range aYearOfMoments(t) {
		d := Build(now, "hash")
		day := shared.DateOf(now)
		for _, err := range checkDemo(now, d) {
			t.Errorf("%s: %v", day, err)
		}
		if t.Failed() {
			t.FailNow() // one day's errors say enough
		}
	}
}

// aYearOfMoments are the moments the every-day tests build the demo at:
// each day of a year that has a 29 February, at half past midnight on one
// day (the day has barely begun) and at half past eleven at night on the
// next (it is nearly over), Danish time.
func aYearOfMoments(t *testing.T) iter.Seq[time.Time] {
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Fatal(err)
	}
	first := time.Date(2027, 3, 1, 0, 30, 0, 0, loc)
	return func(yield func(time.Time) bool) {
		for i := range 366 {
			now := first.AddDate(0, 0, i)
			if i%2 == 1 {
				now = now.Add(23 * time.Hour)
			}
			if !yield(now) {
				return
			}
		}
	}
}

// checkDemo lists what is wrong with the data set built at now.
func checkDemo(now time.Time, d storage.Seed) []error {
	today := shared.DateOf(now)
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	by := map[string]storage.SeedCitizen{}
	for _, c := range d.Citizens {
		by[c.Account.Username] = c
		errs = append(errs, checkCitizen(now, c)...)
	}
	if len(by) != 9 {
		fail("%d citizens, want the 9 of the README", len(by))
	}

	// Counters: the stories of the README and the browser tests.
	mads := by["mads"].Counters.Dagpenge
	if mads == nil {
		fail("mads has no dagpenge counters")
	} else {
		g := shared.ComputeDagpenge(*mads, 0)
		if g.Forlaengelse.Worked != 765 || g.Forlaengelse.Value != 1530 || g.Hourglass.Used != 1409 || g.Hourglass.Total != 3848+1530 || shared.KarensHoursRemaining(g.Karens) != 72 {
			fail("mads' counters: %+v", g)
		}
	}
	if s := by["jonas"].Counters.Supplerende; s == nil {
		fail("jonas has no supplerende counters")
	} else if st := shared.ComputeSupplerende(*s, 0); st.Used != 28 || st.Remaining != 2 || st.ExtensionWeeks != 4 {
		fail("jonas' supplerende: used %d, remaining %d, forlængelse %d weeks; want 28, 2, 4", st.Used, st.Remaining, st.ExtensionWeeks)
	}
	if h := by["louise"].Counters.Hours225; h == nil || shared.Compute225(*h, 0).Remaining() != 75 {
		fail("louise's 225 hours: %+v", h)
	}
	if by["sofie"].Counters.Dagpenge == nil {
		fail("sofie has no dagpenge counters")
	}

	// Who may mirror whom today (README, "Demo logins").
	orgs := map[string]*shared.Organisation{}
	for _, o := range d.Organisations {
		orgs[o.Code] = &o
	}
	nina := shared.Actor{Role: shared.RoleJobcenter, Organisation: orgs["jc-101"]}
	berit := shared.Actor{Role: shared.RoleAKasse, Organisation: orgs["ak-dfh"]}
	for user, want := range map[string][2]bool{ // nina, berit
		"mads": {true, true}, "louise": {false, false}, "jonas": {true, true}, "henrik": {true, false}, "amina": {true, false},
		"mette": {false, false}, "pete": {true, false}, "sofie": {true, true}, "emil": {true, false},
	} {
		c := citizenOf(by[user])
		for i, a := range []shared.Actor{nina, berit} {
			if got := shared.CheckMirrorAccess(a, c, today) == nil; got != want[i] {
				fail("%s may mirror %s: %v, want %v", a.Role, user, got, want[i])
			}
		}
	}

	// Plans: the items the pages and tests look for lie where intended.
	running := func(user, item string) {
		if it, ok := currentItem(by[user], item); !ok || !it.Period.Contains(today) {
			fail("%s's %s is not running today: %+v", user, item, it.Period)
		}
	}
	ahead := func(user, item string) {
		if it, ok := currentItem(by[user], item); !ok || !it.Period.From.After(today) {
			fail("%s's %s is not ahead: %+v", user, item, it.Period)
		}
	}
	behind := func(user, item string) {
		if it, ok := currentItem(by[user], item); !ok || !it.Period.To.Before(today) {
			fail("%s's %s is not behind: %+v", user, item, it.Period)
		}
	}
	running("mads", "mads-lt")
	running("mads", "mads-krav")
	ahead("mads", "mads-mode-2")
	behind("mads", "mads-kursus")
	ahead("louise", "louise-mode")
	ahead("jonas", "jonas-mode")
	running("henrik", "henrik-vp")
	running("amina", "amina-lt")
	running("mette", "mette-fj")
	running("sofie", "sofie-krav")
	behind("emil", "emil-mode-1")
	ahead("emil", "emil-mode-2")
	for user, step := range map[string]int{"jonas": 2, "emil": 3} {
		o := latestPlan(by[user]).EducationOrder
		if o == nil || o.Step != step || !o.Deadline.After(today) {
			fail("%s's uddannelsespålæg: %+v, want step %d with a deadline ahead", user, o, step)
		}
	}
	if !latestPlan(by["amina"]).IntegrationContract {
		fail("amina's plan has no integration contract")
	}
	// The a-kasse sees Mads' dagpenge plan, not his sygedagpenge months.
	m := by["mads"]
	a := shared.ProjectForAKasse(shared.CitizenData{Forloeb: m.Forloeb, Plan: ptr(latestPlan(m))}).Plan
	var ids []string
	for _, it := range a.Items {
		ids = append(ids, it.ID)
	}
	if slices.Contains(ids, "mads-syg-1") || slices.Contains(ids, "mads-hj") || !slices.Contains(ids, "mads-lt") || !slices.Contains(ids, "mads-krav") {
		fail("the a-kasse's view of mads' plan: %v", ids)
	}
	return errs
}

// checkCitizen holds one citizen's data to the invariants every demo
// citizen keeps.
func checkCitizen(now time.Time, c storage.SeedCitizen) []error {
	today := shared.DateOf(now)
	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf(c.Account.Username+": "+format, args...))
	}
	// Forløb: in order, not overlapping, one of them today's.
	for i, f := range c.Forloeb {
		if err := shared.Validate(f); err != nil {
			fail("forløb %d: %v", i, err)
		}
		if i > 0 && !f.Period.From.After(c.Forloeb[i-1].Period.To) {
			fail("forløb %d overlaps the one before", i)
		}
	}
	if _, ok := shared.CurrentForloeb(c.Forloeb, today); !ok {
		fail("no forløb today")
	}
	// Figures as of a date describe nothing after it.
	asOf := shared.StatementDate(today)
	if d := c.Counters.Dagpenge; d != nil {
		rules := shared.RulesFor(d.Insurance)
		switch {
		case shared.Validate(*d) != nil:
			fail("dagpenge counters: %v", shared.Validate(*d))
		case d.AsOf != asOf:
			fail("dagpenge as of %s, the statement is of %s", d.AsOf, asOf)
		case d.Indplacering.After(d.AsOf):
			fail("indplacering %s after the statement %s", d.Indplacering, d.AsOf)
		case !inDagpengeForloeb(c.Forloeb, d.Indplacering):
			fail("indplacering %s outside a dagpenge or dimittend forløb", d.Indplacering)
		case d.HoursUsed > monthsBetween(d.Indplacering, d.AsOf)*rules.MonthHours:
			fail("%v hours of dagpenge used in the %.1f months from %s to %s", d.HoursUsed, monthsBetween(d.Indplacering, d.AsOf), d.Indplacering, d.AsOf)
		case !d.KarensPeriodEnd.After(d.AsOf) || d.KarensPeriodEnd.AddMonths(-4).After(d.AsOf):
			fail("the karens period ending %s does not hold the statement's day %s", d.KarensPeriodEnd, d.AsOf)
		}
	}
	if s := c.Counters.Supplerende; s != nil {
		if err := shared.Validate(*s); err != nil || s.AsOf != asOf {
			fail("supplerende as of %s: %v", s.AsOf, err)
		}
		for _, w := range s.UsedWeeks {
			if w.After(s.AsOf) || !inDagpengeForloeb(c.Forloeb, w) {
				fail("supplerende week %s after the statement %s or outside a dagpenge forløb", w, s.AsOf)
			}
			if d := c.Counters.Dagpenge; d != nil && w.Before(d.Indplacering) {
				fail("supplerende week %s before the indplacering %s", w, d.Indplacering)
			}
		}
		for _, r := range s.Reports {
			if !r.Start.AddMonths(1).AddDays(-1).Before(s.AsOf) {
				fail("the report from %s is not over by the statement %s", r.Start, s.AsOf)
			}
		}
	}
	if h := c.Counters.Hours225; h != nil && (shared.Validate(*h) != nil || h.AsOf != asOf) {
		fail("225 hours as of %s", h.AsOf)
	}
	// Plans: valid, published in order and not in the future.
	for i, p := range c.Plans {
		if err := shared.Validate(p.Plan); err != nil {
			fail("plan %s: %v", p.Plan.VersionID, err)
		}
		if p.Published.After(now) || (i > 0 && !p.Published.After(c.Plans[i-1].Published)) {
			fail("plan %s published %s", p.Plan.VersionID, p.Published)
		}
	}
	for _, n := range c.Notifications {
		if n.Created.After(now) {
			fail("notification %q from the future", n.Title)
		}
	}
	for _, l := range c.Logins {
		if l.At.After(now) {
			fail("login at %s, in the future", l.At)
		}
	}
	// "Jeg søger job som": live occupations of the taxonomy, each once, by
	// their own aliases, valid today; at least one for a citizen with a
	// duty to seek work (002_…txt 3.1); a home that is a postcode.
	ix, err := findjobIndex()
	if err != nil {
		return append(errs, err)
	}
	if shared.HasDutyToSeekWork(c.Forloeb, today) && len(c.Occupations) == 0 {
		fail("a duty to seek work and no occupation under Jeg søger job som")
	}
	seen := map[int]bool{}
	for _, in := range c.Occupations {
		o, ok := ix.Tax.Occupation(in.OccupationID)
		switch {
		case in.Check(today) != nil:
			fail("occupation %d: %v", in.OccupationID, in.Check(today))
		case !ok || o.Discontinued() || seen[o.ID]:
			fail("occupation %d is unknown, udgået or there twice", in.OccupationID)
		case in.Alias != "" && !slices.Contains(o.Aliases, in.Alias):
			fail("%q is not an alias of %s", in.Alias, o.Title)
		}
		seen[o.ID] = true
	}
	if _, ok := ix.Postcode(c.HomePostcode); !ok {
		fail("home postcode %q", c.HomePostcode)
	}
	if ec := c.Conditions; ec != nil && ec.Check() != nil {
		fail("employment conditions: %v", ec.Check())
	}
	return errs
}

// findjobIndex is the taxonomy and the postcodes, read once.
var findjobIndex = findjob.Default

func monthsBetween(from, to shared.Date) float64 { return float64(to.DaysSince(from)) / (365.25 / 12) }

func inDagpengeForloeb(fs []shared.Forloeb, d shared.Date) bool {
	for _, f := range fs {
		if f.IsDagpengeOrDimittend() && f.Period.Contains(d) {
			return true
		}
	}
	return false
}

func latestPlan(c storage.SeedCitizen) shared.Plan {
	if len(c.Plans) == 0 {
		return shared.Plan{}
	}
	return c.Plans[len(c.Plans)-1].Plan
}

func currentItem(c storage.SeedCitizen, id string) (shared.PlanItem, bool) {
	for _, it := range latestPlan(c).Items {
		if it.ID == id {
			return it, true
		}
	}
	return shared.PlanItem{}, false
}

func citizenOf(c storage.SeedCitizen) shared.Citizen {
	return shared.Citizen{CPR: shared.CPR(c.CPR), Name: c.Name, Jobcenter: c.Jobcenter, AKasse: c.AKasse, Forloeb: c.Forloeb}
}

func ptr[T any](v T) *T { return &v }

// TestDemoBuildIsPure: the same moment gives the same data set.
func TestDemoBuildIsPure(t *testing.T) {
	now := time.Date(2027, 1, 5, 10, 0, 0, 0, time.UTC)
	if !reflect.DeepEqual(Build(now, "h"), Build(now, "h")) {
		t.Error("two builds of one moment differ")
	}
}
