package storage_test

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"jobnet/server/geo"
	"jobnet/server/storage"
	"jobnet/shared"
)

func aJoblog(title, company string, status shared.JoblogStatus) shared.JoblogInput {
	return shared.JoblogInput{Kind: shared.JoblogJob, Title: title, WorkingTime: shared.FullTimeJob, Company: company,
		Postcode: "2300", Status: status, FoundVia: "jobnet", ApplyVia: "skriftlig"}
}

func titles(l shared.JoblogList) []string {
	var out []string
	for _, j := range l.Logs {
		out = append(out, j.Title)
	}
	return out
}

// TestJoblogStorage: saved with the city of its postcode and the default
// deadline; the list's free text, date range, status filter with counts
// under the other filters, afsluttede only when asked and then last, newest
// change first; the status change and the edit move a log to the top;
// refusals at their fields; delete; another citizen's log is not found.
func TestJoblogStorage(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	s := storage.New(db, nil)
	at := func(d int) time.Time { return now.AddDate(0, 0, d) }

	a, err := c.CreateJoblog(ctx, aJoblog("Rørlægger", "VVS Hansen", ""), at(-20))
	if err != nil {
		t.Fatal(err)
	}
	if a.City != "København S" || a.Status != shared.JoblogNotApplied || *a.Deadline != shared.DateOf(at(-15)) || a.Origin != "" {
		t.Errorf("saved as %+v", a)
	}
	b, _ := c.CreateJoblog(ctx, aJoblog("Kok", "Restaurant Hav", shared.JoblogApplied), at(-10))
	closed := aJoblog("Tømrer", "Byg A/S", shared.JoblogInterview)
	closed.Closed = true
	cl, _ := c.CreateJoblog(ctx, closed, at(-5))
	act, err := c.CreateJoblog(ctx, shared.JoblogInput{Kind: shared.JoblogActivity, Title: "Jobmesse", Date: ptrTo(shared.DateOf(at(-3)))}, at(-3))
	if err != nil {
		t.Fatal(err)
	}
	withContact := aJoblog("Kok", "Kantinen", shared.JoblogApplied)
	withContact.Contact = "Birgit Jensen, 12345678"
	wc, _ := c.CreateJoblog(ctx, withContact, at(-1))

	list := func(q shared.JoblogQuery) shared.JoblogList {
		t.Helper()
		l, err := c.Joblogs(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	all := list(shared.JoblogQuery{})
	if fmt.Sprint(titles(all)) != "[Kok Jobmesse Kok Rørlægger]" ||
		all.Counts != (shared.JoblogCounts{All: 4, NotApplied: 1, Applied: 2}) {
		t.Errorf("all: %v %+v", titles(all), all.Counts)
	}
	withClosed := list(shared.JoblogQuery{Closed: true})
	if fmt.Sprint(titles(withClosed)) != "[Kok Jobmesse Kok Rørlægger Tømrer]" || withClosed.Counts.Interview != 1 {
		t.Errorf("with afsluttede, listed last: %v %+v", titles(withClosed), withClosed.Counts)
	}
	applied := list(shared.JoblogQuery{Status: shared.JoblogApplied})
	if len(applied.Logs) != 2 || applied.Counts.All != 4 {
		t.Errorf("Søgt: %v %+v", titles(applied), applied.Counts)
	}
	if got := list(shared.JoblogQuery{Q: "birgit"}); len(got.Logs) != 1 || got.Logs[0].ID != wc.ID || got.Counts.All != 1 {
		t.Errorf("by contact: %v %+v", titles(got), got.Counts)
	}
	if got := list(shared.JoblogQuery{Q: "kok hav"}); len(got.Logs) != 1 || got.Logs[0].ID != b.ID {
		t.Errorf("two words: %v", titles(got))
	}
	from, to := shared.DateOf(at(-12)), shared.DateOf(at(-3))
	if got := list(shared.JoblogQuery{From: &from, To: &to}); fmt.Sprint(titles(got)) != "[Jobmesse Kok]" {
		t.Errorf("changed in the period: %v", titles(got))
	}

	// The quick status change counts as an edit: the log goes to the top.
	if got, err := c.SetJoblogStatus(ctx, a.ID, shared.JoblogInterview, at(0)); err != nil || got.Status != shared.JoblogInterview {
		t.Fatalf("status: %+v %v", got, err)
	}
	if got := list(shared.JoblogQuery{}); got.Logs[0].ID != a.ID || got.Counts.Interview != 1 {
		t.Errorf("after the status change: %v %+v", titles(got), got.Counts)
	}
	if _, err := c.SetJoblogStatus(ctx, act.ID, shared.JoblogApplied, at(0)); shared.ErrorCodeOf(err) != shared.EInvalid {
		t.Errorf("status of an activity: %v", err)
	}

	// Refusals at their fields, the kind stays.
	bad := aJoblog("Kok", "Kantinen", "")
	bad.Postcode = "0001"
	if code, msg := fieldError(mustErr(c.UpdateJoblog(ctx, wc.ID, bad, now)), shared.FieldJoblogPostcode); code != shared.EInvalid || msg == "" {
		t.Errorf("unknown postcode: %s %q", code, msg)
	}
	bad.Postcode, bad.PlaceUnknown, bad.Area = "", true, "no-such-area"
	if code, msg := fieldError(mustErr(c.UpdateJoblog(ctx, wc.ID, bad, now)), shared.FieldJoblogArea); code != shared.EInvalid || msg == "" {
		t.Errorf("unknown area: %s %q", code, msg)
	}
	places, err := s.JoblogPlaces(ctx)
	if err != nil || len(places.Areas) == 0 || places.City("8000") != "Aarhus C" {
		t.Fatalf("places: %d areas, 8000 %q, %v", len(places.Areas), places.City("8000"), err)
	}
	bad.Area = places.Areas[0].Value
	if got, err := c.UpdateJoblog(ctx, wc.ID, bad, at(1)); err != nil || got.AreaName != places.Areas[0].Label || got.PlaceText() != places.Areas[0].Label {
		t.Errorf("with an area: %+v %v", got, err)
	}
	if _, err := c.UpdateJoblog(ctx, act.ID, aJoblog("x", "y", ""), now); shared.ErrorCodeOf(err) != shared.EInvalid {
		t.Errorf("changed kind: %v", err)
	}

	// Delete, and not found after.
	if err := c.DeleteJoblog(ctx, cl.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Joblog(ctx, cl.ID); !storage.IsNotFound(err) {
		t.Errorf("deleted log: %v", err)
	}
	if err := c.DeleteJoblog(ctx, cl.ID); !storage.IsNotFound(err) {
		t.Errorf("deleted twice: %v", err)
	}
	other := s.Citizen(c.ID() + 1000)
	if _, err := other.Joblog(ctx, a.ID); !storage.IsNotFound(err) {
		t.Errorf("another citizen reads the log: %v", err)
	}
	if _, err := other.SetJoblogStatus(ctx, a.ID, shared.JoblogApplied, now); !storage.IsNotFound(err) {
		t.Errorf("another citizen changes the log: %v", err)
	}
}

// TestJoblogListItems: the list's item of every kind of log is the log
// as Joblog.ListItem says, with the centre of the workplace's postcode
// (from the geo data) where it has one and none with only an area, abroad
// or for an activity; an ingested log names its sender. A status no log
// has lists none and still counts the others. "%" and "_" in the free
// text are letters, not wildcards.
func TestJoblogListItems(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	s := storage.New(db, nil)
	places, err := s.JoblogPlaces(ctx)
	if err != nil || len(places.Areas) == 0 {
		t.Fatalf("places: %v", err)
	}
	mk := func(in shared.JoblogInput, d int) shared.Joblog {
		t.Helper()
		l, err := c.CreateJoblog(ctx, in, now.AddDate(0, 0, d))
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	inCity := mk(aJoblog("Kok 50%", "Kantinen", shared.JoblogApplied), -1)
	area := aJoblog("Tømrer", "Byg A/S", "")
	area.Postcode, area.PlaceUnknown, area.Area = "", true, places.Areas[0].Value
	inArea := mk(area, -2)
	abroad := aJoblog("Smed", "Smedjen AB", "")
	abroad.Postcode, abroad.Country = "", "Sverige"
	inSweden := mk(abroad, -3)
	act := mk(shared.JoblogInput{Kind: shared.JoblogActivity, Title: "Jobmesse", Date: ptrTo(shared.DateOf(now)), Place: "Bella Center"}, -4)
	msg := storage.Message{Org: shared.Organisation{Code: "jc-1", Kind: shared.OrgJobcenter, Name: "Jobcenter"}, MessageID: "m-1",
		Body: "log-1", CPR: "010203-1234", Now: now}
	if _, err := s.Ingest(ctx, msg, func(ctx context.Context, ic storage.Citizen, _ shared.Citizen) error {
		return ic.IngestJoblog(ctx, "jc-1", "log-1", aJoblog("Lagerarbejder", "Lageret", ""), now.AddDate(0, 0, -5))
	}); err != nil {
		t.Fatal(err)
	}
	l, err := c.Joblogs(ctx, shared.JoblogQuery{})
	if err != nil || len(l.Logs) != 5 {
		t.Fatalf("%d logs, %v", len(l.Logs), err)
	}
	var pc geo.Postcode
	all, _ := geo.Postcodes()
	for _, p := range all {
		if p.Code == "2300" {
			pc = p
		}
	}
	for i, want := range []shared.Joblog{inCity, inArea, inSweden, act} {
		got := l.Logs[i]
		w := want.ListItem()
		if want.ID == inCity.ID {
			w.Lat, w.Lon = &pc.Lat, &pc.Lon
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("item %d:\n got %s\nwant %s", i, jsonOf(got), jsonOf(w))
		}
	}
	if got := l.Logs; got[1].Place != places.Areas[0].Label || got[2].Place != "Sverige" || got[3].Place != "Bella Center" {
		t.Errorf("places: %q %q %q", got[1].Place, got[2].Place, got[3].Place)
	}
	if got := l.Logs[4]; got.Origin != "Jobcenter" || got.Lat == nil || got.Place != "2300 København S" {
		t.Errorf("ingested: %s", jsonOf(got))
	}
	if got, err := c.Joblogs(ctx, shared.JoblogQuery{Status: shared.JoblogInterview}); err != nil || len(got.Logs) != 0 ||
		got.Counts != (shared.JoblogCounts{All: 5, NotApplied: 3, Applied: 1}) {
		t.Errorf("Samtale, which none has: %+v %v", got, err)
	}
	for q, want := range map[string]int{"50%": 1, "%": 1, "5_": 0, "kok 50%": 1, "": 5} {
		if got, err := c.Joblogs(ctx, shared.JoblogQuery{Q: q}); err != nil || len(got.Logs) != want {
			t.Errorf("%q finds %d, want %d (%v)", q, len(got.Logs), want, err)
		}
	}
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestJoblogRetention: a log not edited for 4 years goes; one edited since
// stays (SPEC E2).
func TestJoblogRetention(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	s := storage.New(db, nil)
	rule := ruleNamed(t, "joblogs")
	old := rule.Cutoff(now).Add(-time.Hour)
	if want := now.AddDate(-4, 0, 0); !rule.Cutoff(now).Equal(want) {
		t.Errorf("cutoff %v, want %v", rule.Cutoff(now), want)
	}
	gone, _ := c.CreateJoblog(ctx, aJoblog("Gammel", "A", ""), old)
	kept, _ := c.CreateJoblog(ctx, aJoblog("Redigeret", "B", ""), old)
	if _, err := c.SetJoblogStatus(ctx, kept.ID, shared.JoblogApplied, rule.Cutoff(now).Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if n, err := s.DeleteExpired(ctx, rule, now, 100); err != nil || n != 1 {
		t.Errorf("retention deleted %d (%v), want 1", n, err)
	}
	l, _ := c.Joblogs(ctx, shared.JoblogQuery{})
	if ids := []int64{l.Logs[0].ID}; len(l.Logs) != 1 || !slices.Equal(ids, []int64{kept.ID}) || gone.ID == kept.ID {
		t.Errorf("after retention: %v", titles(l))
	}
}

func ptrTo[T any](v T) *T { return &v }

func mustErr(_ shared.Joblog, err error) error { return err }
