package server

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"jobnet/shared"
)

// calendar is the month as c sees it (maaned "" is this month).
func (c *client) calendar(maaned string) shared.CalendarMonth {
	c.env.tb.Helper()
	var m shared.CalendarMonth
	c.decode(c.do("GET", shared.APICalendar+"?maaned="+maaned, nil), 200, &m)
	return m
}

func calendarIDs(m shared.CalendarMonth) []string {
	var out []string
	for _, e := range m.Entries {
		out = append(out, e.ID)
	}
	return out
}

// TestCalendarRoles: the citizen's month (this month by default, any month
// by maaned, a bad maaned refused at its field); the jobcenter sees the
// same, read-only; the a-kasse sees Min Plan's items for it and not Mads'
// sygeopfølgning or his hjælpemiddel.
func TestCalendarRoles(t *testing.T) {
	env := newTestEnv(t)
	today := shared.DateOf(env.clock.Now())
	mads := env.client()
	mads.loginCitizen("mads")

	now := mads.calendar("")
	if now.Month != shared.YearMonthOf(today) || len(now.Entries) == 0 {
		t.Fatalf("this month: %+v", now)
	}
	if !slices.Equal(now.Filters, []shared.CalendarFilter{shared.FilterMeetings, shared.FilterJoblog, shared.FilterInterventions, shared.FilterAbsence}) {
		t.Errorf("filters %v", now.Filters)
	}
	for _, e := range now.Entries {
		if shared.YearMonthOf(e.Date) != now.Month {
			t.Errorf("%s on %s, outside the month", e.ID, e.Date)
		}
	}
	if !slices.Contains(calendarIDs(now), "joblog-1") && !slices.ContainsFunc(now.Entries, func(e shared.CalendarEntry) bool { return e.Kind == shared.CalendarJoblog }) {
		t.Errorf("no logs this month: %v", calendarIDs(now))
	}
	for _, bad := range []string{"2026-13", "dec", "2026-12-01"} {
		r := mads.do("GET", shared.APICalendar+"?maaned="+bad, nil)
		if e := r.err(); r.status != 400 || len(e.Fields) != 1 || e.Fields[0].Field != "maaned" {
			t.Errorf("maaned=%s: %d %s", bad, r.status, r.body)
		}
	}

	// Mads' sygeopfølgning (400 days ago) and hjælpemiddel (380–330 days
	// ago, in his sygedagpenge forløb) are his and the jobcenter's only.
	syg := shared.YearMonthOf(today.AddDays(-400)).String()
	hj := shared.YearMonthOf(today.AddDays(-380)).String()
	nina := env.mirror("nina", cprMads)
	berit := env.mirror("berit", cprMads)
	for _, tc := range []struct {
		maaned, id string
	}{{syg, "aftale-mads-syg-1"}, {hj, "indsats-mads-hj-start"}} {
		if ids := calendarIDs(mads.calendar(tc.maaned)); !slices.Contains(ids, tc.id) {
			t.Errorf("Mads' %s lacks %s: %v", tc.maaned, tc.id, ids)
		}
		if ids := calendarIDs(nina.calendar(tc.maaned)); !slices.Contains(ids, tc.id) {
			t.Errorf("the jobcenter's %s lacks %s: %v", tc.maaned, tc.id, ids)
		}
		r := berit.do("GET", shared.APICalendar+"?maaned="+tc.maaned, nil)
		if r.status != 200 || bytes.Contains(r.body, []byte("mads-syg")) || bytes.Contains(r.body, []byte("mads-hj")) ||
			bytes.Contains(r.body, []byte("Sygeopfølgning")) || bytes.Contains(r.body, []byte("Hjælpemiddel")) {
			t.Errorf("the a-kasse's %s: %d %s", tc.maaned, r.status, r.body)
		}
	}
	// This month the a-kasse sees what its Min Plan shows: the same
	// entries as Mads but the hidden ones.
	var ak shared.CalendarMonth
	berit.decode(berit.do("GET", shared.APICalendar, nil), 200, &ak)
	if len(ak.Entries) == 0 || len(ak.Entries) > len(now.Entries) {
		t.Errorf("the a-kasse's month: %v; Mads': %v", calendarIDs(ak), calendarIDs(now))
	}

	// Caseworkers make no feed; the citizen does.
	for _, cw := range []*client{nina, berit} {
		for _, method := range []string{"POST", "DELETE"} {
			if r := cw.do(method, shared.APICalendarFeed, nil); r.status != 403 || r.err().Message != shared.MsgReadOnly {
				t.Errorf("%s feed as a caseworker: %d %s", method, r.status, r.body)
			}
		}
	}
}

// feed fetches the feed at path without a session and parses it.
func (e *testEnv) feed(path string) (*ics.Calendar, response) {
	e.tb.Helper()
	r := e.client().do("GET", path, nil)
	if r.status != 200 {
		return nil, r
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(r.body))
	if err != nil {
		e.tb.Fatalf("the feed does not parse: %v\n%s", err, r.body)
	}
	return cal, r
}

type feedEvent struct {
	summary, status, start, end string
	sequence                    string
}

func feedEvents(cal *ics.Calendar) map[string]feedEvent {
	out := map[string]feedEvent{}
	prop := func(e *ics.VEvent, p ics.ComponentProperty) string {
		if v := e.GetProperty(p); v != nil {
			return v.Value
		}
		return ""
	}
	for _, e := range cal.Events() {
		out[e.Id()] = feedEvent{summary: prop(e, ics.ComponentPropertySummary), status: prop(e, ics.ComponentPropertyStatus),
			start: prop(e, ics.ComponentPropertyDtStart), end: prop(e, ics.ComponentPropertyDtEnd), sequence: prop(e, ics.ComponentPropertySequence)}
	}
	return out
}

// TestCalendarFeed: the citizen makes an address and the phone fetches it
// without a session: meetings in UTC (a cancelled one CANCELLED),
// deadlines and the plan's items as whole days, no logs; the UIDs stay
// from fetch to fetch, SEQUENCE grows when an entry changes; a caseworker
// sees that a feed exists and never its secret; a new address ends the
// old one, and a revoked one answers 404 and nothing more.
func TestCalendarFeed(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	today := shared.DateOf(env.clock.Now())
	mads := env.client()
	mads.loginCitizen("mads")
	who, err := env.store.CitizenByCPR(ctx, cprMads)
	if err != nil {
		t.Fatal(err)
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := env.db.NewRaw(q, args...).Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// The demo's meetings and deadline for the citizen aside (server/demo):
	// the feed's meetings are this test's.
	exec(`DELETE FROM meetings WHERE citizen_id = ?`, who.ID)
	exec(`DELETE FROM meeting_deadlines WHERE citizen_id = ?`, who.ID)
	start := time.Date(2027, 1, 12, 9, 0, 0, 0, time.UTC) // 10:00 in Copenhagen
	exec(`INSERT INTO meetings (citizen_id, org, origin_id, type_name, form, place, starts_at, ends_at, status, updated_at)
		VALUES (?, 'jc-101', 'cal-1', 'Jobsamtale', 'Personligt fremmøde', 'Gyldenløvesgade 15', ?, ?, 'planned', ?)`,
		who.ID, start, start.Add(30*time.Minute), env.clock.Now())
	exec(`INSERT INTO meetings (citizen_id, org, origin_id, type_name, form, starts_at, ends_at, status, cancelled_by, updated_at)
		VALUES (?, 'jc-101', 'cal-2', 'Opfølgning', 'Telefonisk', ?, ?, 'cancelled', 'org', ?)`,
		who.ID, start.AddDate(0, 0, 1), start.AddDate(0, 0, 1).Add(time.Hour), env.clock.Now())
	exec(`INSERT INTO meeting_deadlines (citizen_id, org, origin_id, due, type_codes) VALUES (?, 'jc-101', 'cal-f', ?, '{JS}')`,
		who.ID, today.AddDays(10).String())

	if r := mads.do("GET", shared.APICalendar, nil); bytes.Contains(r.body, []byte(`"active":true`)) {
		t.Fatalf("a feed before one is made: %s", r.body)
	}
	var made shared.CalendarFeedCreated
	mads.decode(mads.do("POST", shared.APICalendarFeed, nil), 200, &made)
	if !made.Active || made.Created != today || !strings.HasPrefix(made.Path, "/api/v1/calendar/") || len(made.Path) < len("/api/v1/calendar/")+40 {
		t.Fatalf("made %+v", made)
	}
	secret := strings.TrimPrefix(made.Path, "/api/v1/calendar/")

	cal, r := env.feed(made.Path)
	if cal == nil {
		t.Fatalf("feed: %d %s", r.status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "text/calendar; charset=utf-8" || r.header.Get("Cache-Control") != "private, no-store" {
		t.Errorf("headers %v", r.header)
	}
	events := feedEvents(cal)
	var meetingUID, cancelledUID, deadlineUID, lonUID string
	for uid, e := range events {
		switch {
		case e.summary == "Møde: Jobsamtale":
			meetingUID = uid
		case e.summary == "Møde: Opfølgning":
			cancelledUID = uid
		case strings.HasPrefix(e.summary, "Frist: "):
			deadlineUID = uid
		case e.summary == "Indsats: Løntilskud":
			lonUID = uid
		case strings.HasPrefix(e.summary, "Joblog"):
			t.Errorf("a log in the feed: %+v", e)
		}
		if !strings.HasSuffix(uid, "@jobnet.dk") {
			t.Errorf("uid %q", uid)
		}
	}
	if meetingUID == "" || cancelledUID == "" || deadlineUID == "" || lonUID == "" {
		t.Fatalf("the feed lacks an event: %+v\n%s", events, r.body)
	}
	if e := events[meetingUID]; e.start != "20270112T090000Z" || e.end != "20270112T093000Z" || e.status != "CONFIRMED" || e.sequence != "0" {
		t.Errorf("meeting: %+v", e)
	}
	if e := events[cancelledUID]; e.status != "CANCELLED" {
		t.Errorf("cancelled meeting: %+v", e)
	}
	if e := events[deadlineUID]; e.start != strings.ReplaceAll(today.AddDays(10).String(), "-", "") ||
		e.end != strings.ReplaceAll(today.AddDays(11).String(), "-", "") {
		t.Errorf("deadline: %+v", e)
	}
	// Mads' løntilskud lasts from 40 days ago to 50 days ahead.
	if e := events[lonUID]; e.start != strings.ReplaceAll(today.AddDays(-40).String(), "-", "") ||
		e.end != strings.ReplaceAll(today.AddDays(51).String(), "-", "") || e.sequence != "0" {
		t.Errorf("løntilskud: %+v", e)
	}
	if !bytes.Contains(r.body, []byte("METHOD:PUBLISH")) || !bytes.Contains(r.body, []byte("DTSTART;VALUE=DATE:")) {
		t.Errorf("feed:\n%s", r.body)
	}

	// Fetched again: the same UIDs. Then a change to each kind of entry.
	cal, _ = env.feed(made.Path)
	again := feedEvents(cal)
	for uid := range events {
		if _, ok := again[uid]; !ok {
			t.Errorf("%s gone on the second fetch", uid)
		}
	}
	if len(again) != len(events) {
		t.Errorf("%d events, then %d", len(events), len(again))
	}
	exec(`UPDATE meetings SET starts_at = starts_at + interval '1 hour', ends_at = ends_at + interval '1 hour', version = version + 1
		WHERE origin_id = 'cal-1'`)
	exec(`UPDATE meeting_deadlines SET due = due + 1 WHERE origin_id = 'cal-f'`)
	plans, err := env.store.Citizen(who.ID).Plans(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p := *plans.Current
	p.VersionID += "-ny"
	p.Items = slices.Clone(p.Items)
	for i := range p.Items {
		if p.Items[i].Title == "Løntilskud" {
			p.Items[i].Period.To = p.Items[i].Period.To.AddDays(30)
		}
	}
	if err := env.store.Citizen(who.ID).PublishPlan(ctx, "jc-101", p, env.clock.Now()); err != nil {
		t.Fatal(err)
	}
	cal, _ = env.feed(made.Path)
	changed := feedEvents(cal)
	for uid, want := range map[string]string{meetingUID: "1", deadlineUID: "1", lonUID: "1", cancelledUID: "0"} {
		if got := changed[uid].sequence; got != want {
			t.Errorf("%s: SEQUENCE %s after the change, want %s", uid, got, want)
		}
	}
	if changed[meetingUID].start != "20270112T100000Z" {
		t.Errorf("moved meeting: %+v", changed[meetingUID])
	}

	// Caseworkers: the jobcenter sees that there is a feed, no one sees
	// the secret; the a-kasse is refused the feed itself.
	nina := env.mirror("nina", cprMads)
	berit := env.mirror("berit", cprMads)
	if r := nina.do("GET", shared.APICalendar, nil); !bytes.Contains(r.body, []byte(`"active":true`)) || bytes.Contains(r.body, []byte(secret)) {
		t.Errorf("the jobcenter's month: %s", r.body)
	}
	if r := berit.do("GET", shared.APICalendar, nil); bytes.Contains(r.body, []byte(`"feed"`)) || bytes.Contains(r.body, []byte(secret)) {
		t.Errorf("the a-kasse's month: %s", r.body)
	}
	if r := berit.do("GET", made.Path, nil); r.status != 403 {
		t.Errorf("the a-kasse's session on the feed: %d", r.status)
	}

	// A new address ends the old; a revoked one is 404, saying nothing.
	var second shared.CalendarFeedCreated
	mads.decode(mads.do("POST", shared.APICalendarFeed, nil), 200, &second)
	if second.Path == made.Path {
		t.Fatal("the same address twice")
	}
	if _, r := env.feed(made.Path); r.status != 404 {
		t.Errorf("the replaced address: %d %s", r.status, r.body)
	}
	if cal, _ := env.feed(second.Path); cal == nil {
		t.Error("the new address does not work")
	}
	mads.decode(mads.do("DELETE", shared.APICalendarFeed, nil), 204, nil)
	_, r = env.feed(second.Path)
	if r.status != 404 || bytes.Contains(r.body, []byte("tilbagekald")) || bytes.Contains(r.body, []byte("Mads")) {
		t.Errorf("the revoked address: %d %s", r.status, r.body)
	}
	if r := mads.do("GET", shared.APICalendar, nil); bytes.Contains(r.body, []byte(`"active":true`)) {
		t.Errorf("after revoking: %s", r.body)
	}
}

// TestCalendarPreloaded: the Kalender's page comes with the month its
// address names, prerendered (the month's heading and entries before the
// app starts); a wrong month is not preloaded (the app then says so).
func TestCalendarPreloaded(t *testing.T) {
	env := newTestEnv(t)
	mads := env.client()
	mads.loginCitizen("mads")
	today := shared.DateOf(env.clock.Now())
	for _, tc := range []struct{ path, heading, entry string }{
		{"/kalender", "Kalender " + shared.YearMonthOf(today).Danish(), "Rørlægger"},
		// Mads' sygeopfølgning, 400 days ago.
		{"/kalender?maaned=" + shared.YearMonthOf(today.AddDays(-400)).String(), "Kalender " + shared.YearMonthOf(today.AddDays(-400)).Danish(),
			"Sygeopfølgningssamtale"},
	} {
		r := mads.do("GET", tc.path, nil)
		head, body, _ := strings.Cut(string(r.body), "</head>")
		if r.status != 200 || !strings.Contains(head, `id="jobnet-preload"`) || !strings.Contains(body, tc.heading) || !strings.Contains(body, tc.entry) {
			t.Errorf("%s: %d, preloaded %v, heading %v, entry %v", tc.path, r.status, strings.Contains(head, `id="jobnet-preload"`),
				strings.Contains(body, tc.heading), strings.Contains(body, tc.entry))
		}
	}
	if r := mads.do("GET", "/kalender?maaned=2026-13", nil); r.status != 200 || strings.Contains(string(r.body), "jobnet-preload") {
		t.Errorf("a wrong month: %d, preloaded %v", r.status, strings.Contains(string(r.body), "jobnet-preload"))
	}
}
