package shared

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"jobnet/internal/fill"
)

// The app decodes an a-kasse view into the citizen's type (it renders
// both alike), so every field of a view must have its JSON name, of the
// same kind, in the citizen's type — at every depth.
func TestAKasseViewsReadAsCitizenTypes(t *testing.T) {
	pairs := []struct{ view, full reflect.Type }{
		{reflect.TypeFor[AKasseOverview](), reflect.TypeFor[Overview]()},
		{reflect.TypeFor[AKassePlanView](), reflect.TypeFor[PlanView]()},
		{reflect.TypeFor[AKasseCounters](), reflect.TypeFor[Counters]()},
		{reflect.TypeFor[AKasseMessage](), reflect.TypeFor[Message]()},
		{reflect.TypeFor[AKasseMessages](), reflect.TypeFor[Messages]()},
		{reflect.TypeFor[AKasseAbsence](), reflect.TypeFor[Absence]()},
		{reflect.TypeFor[AKasseScreeningPage](), reflect.TypeFor[ScreeningPage]()},
		{reflect.TypeFor[AKasseCalendarMonth](), reflect.TypeFor[CalendarMonth]()},
		{reflect.TypeFor[AKasseFravaer](), reflect.TypeFor[Fravaer]()},
		{reflect.TypeFor[AKasseEnrolmentPage](), reflect.TypeFor[EnrolmentPage]()},
	}
	for _, p := range pairs {
		for _, problem := range readsAs(p.view, p.full, p.view.Name()) {
			t.Error(problem)
		}
	}
}

// readsAs lists where view's JSON does not read as full's.
func readsAs(view, full reflect.Type, path string) []string {
	for view.Kind() == reflect.Pointer || view.Kind() == reflect.Slice {
		if full.Kind() != view.Kind() {
			return []string{path + ": " + view.Kind().String() + " where the citizen's type has " + full.Kind().String()}
		}
		view, full = view.Elem(), full.Elem()
	}
	if view.Kind() != reflect.Struct || view.PkgPath() == "time" || view == reflect.TypeFor[Date]() || view == reflect.TypeFor[Period]() {
		if view != full {
			return []string{path + ": " + view.String() + " where the citizen's type has " + full.String()}
		}
		return nil
	}
	if full.Kind() != reflect.Struct {
		return []string{path + ": a struct where the citizen's type has " + full.String()}
	}
	byName := jsonFields(full)
	var out []string
	for name, vf := range jsonFields(view) {
		ff, ok := byName[name]
		if !ok {
			out = append(out, path+"."+name+": not in the citizen's type")
			continue
		}
		out = append(out, readsAs(vf, ff, path+"."+name)...)
	}
	return out
}

// jsonFields are a struct's fields by JSON name, embedded structs' fields
// included.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			for n, ft := range jsonFields(f.Type) {
				out[n] = ft
			}
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}

// akasseHiddenFields are the fields of a citizen's plan, item, answer and
// figures that the a-kasse's view leaves out on purpose; none today. A
// field added to one of those types fails TestAKasseProjectionsKeepFields
// until it is added to the a-kasse's view or listed here.
var akasseHiddenFields = map[string]bool{}

func viewFiller(seed int) *fill.Filler {
	return fill.With(fill.New(seed), func(n int) Date { return Date{Year: 2026, Month: time.Month(1 + n%12), Day: 1 + n%28} })
}

// The projections copy field by field; a field they forget is either
// hidden on purpose (akasseHiddenFields) or a mistake that fails here.
func TestAKasseProjectionsKeepFields(t *testing.T) {
	forloeb := []Forloeb{{Kontaktgruppe: 1, Period: Period{From: MustDate("2020-01-01")}}}
	var p Plan
	viewFiller(1).Fill(&p)
	for i := range p.Items {
		p.Items[i].Kind = "kursus" // shown to the a-kasse
		p.Items[i].Period = Period{From: MustDate("2026-01-01"), To: MustDate("2026-02-01")}
	}
	back := projectPlan(p, forloeb).AsPlan()
	diffFields(t, "Plan", reflect.ValueOf(p), reflect.ValueOf(back))

	var c Counters
	viewFiller(2).Fill(&c)
	pc := projectCounters(c)
	diffFields(t, "DagpengeCounters", reflect.ValueOf(*c.Dagpenge), reflect.ValueOf(*pc.Dagpenge))
	diffFields(t, "SupplerendeCounters", reflect.ValueOf(*c.Supplerende), reflect.ValueOf(*pc.Supplerende))

	var st EducationState
	viewFiller(3).Fill(&st)
	diffFields(t, "EducationAnswer", reflect.ValueOf(*st.Sent), reflect.ValueOf(*projectEducation(&st).Sent))

	var o Overview
	viewFiller(4).Fill(&o)
	o.Forloeb = forloeb
	// One notice, not of a message: the message notice is judged again
	// (TestAKasseMessageNotice), and the notices put in order.
	o.Notifications, o.Unread = o.Notifications[:1], nil
	o.Notifications[0].Kind = NotifyPlan
	po := projectOverview(o, "")
	diffFields(t, "Notification", reflect.ValueOf(o.Notifications[0]), reflect.ValueOf(po.Notifications[0]))
	diffFields(t, "Forloeb", reflect.ValueOf(o.Forloeb[0]), reflect.ValueOf(po.Forloeb[0]))
}

// diffFields compares full with its projection field by field (by Go
// name, into structs and slices), reporting a field that differs and is
// not hidden on purpose.
func diffFields(t *testing.T, path string, full, proj reflect.Value) {
	t.Helper()
	if full.Kind() == reflect.Pointer {
		if full.IsNil() != proj.IsNil() {
			t.Errorf("%s: nil in one, not the other", path)
			return
		}
		if full.IsNil() {
			return
		}
		full, proj = full.Elem(), proj.Elem()
	}
	switch full.Kind() {
	case reflect.Struct:
		if full.Type() == reflect.TypeFor[Date]() || full.Type() == reflect.TypeFor[Period]() || full.Type().PkgPath() == "time" {
			if !reflect.DeepEqual(full.Interface(), proj.Interface()) {
				t.Errorf("%s: %v, the a-kasse gets %v", path, full, proj)
			}
			return
		}
		for i := range full.NumField() {
			name := full.Type().Field(i).Name
			if akasseHiddenFields[full.Type().Name()+"."+name] {
				continue
			}
			pf := proj.FieldByName(name)
			if !pf.IsValid() {
				t.Errorf("%s.%s: not in the a-kasse's view — add it there, or to akasseHiddenFields if the a-kasse may not see it", path, name)
				continue
			}
			diffFields(t, path+"."+name, full.Field(i), pf)
		}
	case reflect.Slice:
		if full.Len() != proj.Len() {
			t.Errorf("%s: %d elements, the a-kasse gets %d", path, full.Len(), proj.Len())
			return
		}
		for i := range full.Len() {
			diffFields(t, path, full.Index(i), proj.Index(i))
		}
	default:
		if full.Interface() != proj.Convert(full.Type()).Interface() {
			t.Errorf("%s: %v, the a-kasse gets %v", path, full, proj)
		}
	}
}
