package storage_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"jobnet/internal/fill"
	"jobnet/server/dbtest"
	"jobnet/server/storage"
	"jobnet/shared"

	"github.com/uptrace/bun"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

func filler(seed int) *fill.Filler {
	return fill.With(fill.New(seed), func(n int) shared.Date {
		return shared.Date{Year: 2000 + n%30, Month: time.Month(1 + n%12), Day: 1 + n%28}
	})
}

// now is the moment the storage tests write at.
var now = time.Date(2027, 1, 5, 10, 0, 0, 0, time.UTC)

// oneCitizen is a fresh database with one jobcenter ("jc-1") and one
// citizen attached to it.
func oneCitizen(t *testing.T) (*bun.DB, storage.Citizen) {
	t.Helper()
	ctx := context.Background()
	db := dbtest.MustOpenDB(t)
	s := storage.New(db, nil)
	if err := s.Seed(ctx, storage.Seed{Organisations: []shared.Organisation{{Code: "jc-1", Kind: shared.OrgJobcenter, Name: "Jobcenter"}},
		Citizens: []storage.SeedCitizen{{CPR: "010203-1234", Name: "Test", Jobcenter: "jc-1", Enrolment: shared.EnrolmentTilmeldt}}}, now); err != nil {
		t.Fatal(err)
	}
	who, err := s.CitizenByCPR(ctx, "010203-1234")
	if err != nil {
		t.Fatal(err)
	}
	return db, s.Citizen(who.ID)
}

// Stored documents keep every field: what is stored reads back the same,
// so a field added to a domain type and not to its document fails here.
func TestDocumentsKeepEveryField(t *testing.T) {
	ctx := context.Background()
	_, c := oneCitizen(t)

	var p shared.Plan
	filler(1).Fill(&p)
	if err := c.PublishPlan(ctx, "jc-1", p, now); err != nil {
		t.Fatal(err)
	}
	var cs shared.Counters
	filler(2).Fill(&cs)
	if err := c.StoreCounters(ctx, cs, now); err != nil {
		t.Fatal(err)
	}
	var a shared.EducationAnswer
	filler(3).Fill(&a)
	a.Step = 2
	if _, err := c.SaveEducation(ctx, a, true, now); err != nil {
		t.Fatal(err)
	}

	page, err := c.PlanPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if page.Current == nil || !reflect.DeepEqual(*page.Current, p) {
		t.Errorf("plan:\n stored %+v\n read   %+v", p, page.Current)
	}
	if st := page.Education[2]; !reflect.DeepEqual(st.Answer, a) || st.Sent == nil || !reflect.DeepEqual(*st.Sent, a) {
		t.Errorf("education answer:\n stored %+v\n read   %+v", a, st)
	}
	back, err := c.Counters(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, cs) {
		t.Errorf("counters:\n stored %+v\n read   %+v", cs, back)
	}
	if page.Features != (shared.Features{Dagpengetaellere: true, Supplerende: true, Timer225: true}) {
		t.Errorf("features %+v", page.Features)
	}
}

// Documents written before they named their version read as version 1;
// one from a newer server is refused rather than misread.
func TestDocumentVersions(t *testing.T) {
	old := []byte(`{"version_id":"v1","cpr":"","type":"jobplan","job_goals":[{"title":"Kok","function":false,"agreed_with":""}],"items":[]}`)
	p, err := storage.DecodePlan(old)
	if err != nil || p.VersionID != "v1" || p.JobGoals[0].Title != "Kok" {
		t.Errorf("an unversioned plan: %+v %v", p, err)
	}
	if _, err := storage.DecodePlan([]byte(`{"v":2}`)); err == nil {
		t.Error("a plan document of version 2 was read")
	}
	a, err := storage.DecodeEducation([]byte(`{"step":1,"wishes":[{"title":"Smed"}],"places":[],"reason":"","send":true}`))
	if err != nil || a.Step != 1 || a.Wishes[0].Title != "Smed" {
		t.Errorf("an unversioned answer with the old send flag: %+v %v", a, err)
	}
}

// Min plan reads a decoded version once: the second read comes from the
// cache and is the same; a new version is read as it is published.
func TestPlanPageCache(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	publish := func(version string) {
		t.Helper()
		p := shared.Plan{VersionID: version, Type: shared.PlanJob, JobGoals: []shared.JobGoal{{Title: "Kok " + version}}}
		if err := c.PublishPlan(ctx, "jc-1", p, now); err != nil {
			t.Fatal(err)
		}
	}
	page := func() storage.PlanPage {
		t.Helper()
		p, err := c.PlanPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	publish("v1")
	publish("v2")
	first, second := page(), page()
	if first.Current.VersionID != "v2" || first.Previous.VersionID != "v1" || !reflect.DeepEqual(first, second) {
		t.Fatalf("first %+v, second %+v", first.Plans, second.Plans)
	}
	publish("v3")
	if third := page(); third.Current.VersionID != "v3" || third.Previous.VersionID != "v2" || third.Current.JobGoals[0].Title != "Kok v3" {
		t.Fatalf("after v3: %+v / %+v", third.Current, third.Previous)
	}
	// Another store (another server process) reads the same from nothing.
	other, err := storage.New(db, nil).Citizen(c.ID()).PlanPage(ctx)
	if err != nil || !reflect.DeepEqual(other.Plans, page().Plans) {
		t.Errorf("a fresh store reads %+v (%v)", other.Plans, err)
	}
}
