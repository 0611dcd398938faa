package shared

import (
	"slices"
	"testing"
	"time"
)

func TestMonthGrid(t *testing.T) {
	for _, tc := range []struct {
		name        string
		month       YearMonth
		weeks       []int
		first, last string // the grid's first Monday and last Sunday
	}{
		// Billede 19: "Kalender April 2020", 6.–12. April is "UGE 15".
		{"April2020Source", YearMonth{2020, time.April}, []int{14, 15, 16, 17, 18}, "2020-03-30", "2020-05-03"},
		// 2026 has 53 ISO weeks: 28 Dec 2026 – 3 Jan 2027 is week 53.
		{"Week53December", YearMonth{2026, time.December}, []int{49, 50, 51, 52, 53}, "2026-11-30", "2027-01-03"},
		{"Week53StartsJanuary", YearMonth{2027, time.January}, []int{53, 1, 2, 3, 4}, "2026-12-28", "2027-01-31"},
		// A 31-day month starting on a Sunday needs six rows.
		{"StartsOnSunday", YearMonth{2026, time.March}, []int{9, 10, 11, 12, 13, 14}, "2026-02-23", "2026-04-05"},
		// A 28-day February starting on a Monday is exactly four rows.
		{"FourRows", YearMonth{2021, time.February}, []int{5, 6, 7, 8}, "2021-02-01", "2021-02-28"},
		// ISO week 1 may start in December.
		{"Week1InDecember", YearMonth{2024, time.December}, []int{48, 49, 50, 51, 52, 1}, "2024-11-25", "2025-01-05"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := MonthGrid(tc.month)
			var weeks []int
			for _, w := range g {
				weeks = append(weeks, w.Number)
				for i, d := range w.Days {
					if d.Weekday() != i {
						t.Errorf("%s in column %d, weekday %d: not Monday first", d, i, d.Weekday())
					}
					if i > 0 && d != w.Days[i-1].AddDays(1) {
						t.Errorf("%s does not follow %s", d, w.Days[i-1])
					}
				}
			}
			if !slices.Equal(weeks, tc.weeks) {
				t.Errorf("weeks %v, want %v", weeks, tc.weeks)
			}
			if got := g[0].Days[0].String(); got != tc.first {
				t.Errorf("first day %s, want %s", got, tc.first)
			}
			if got := g[len(g)-1].Days[6].String(); got != tc.last {
				t.Errorf("last day %s, want %s", got, tc.last)
			}
		})
	}
}

func TestCalendarWeekdaysMondayFirst(t *testing.T) {
	want := [7]string{"MANDAG", "TIRSDAG", "ONSDAG", "TORSDAG", "FREDAG", "LØRDAG", "SØNDAG"}
	if CalendarWeekdays != want {
		t.Errorf("%v", CalendarWeekdays)
	}
	if d := MustDate("2026-11-30"); d.Weekday() != 0 { // a Monday
		t.Errorf("Monday is column %d", d.Weekday())
	}
	if d := MustDate("2026-12-06"); d.Weekday() != 6 { // a Sunday
		t.Errorf("Sunday is column %d", d.Weekday())
	}
}

func TestYearMonth(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		ok       bool
	}{
		{"OK", "2026-12", true}, {"OKJanuary", "2027-01", true},
		{"ErrMonth13", "2026-13", false}, {"ErrMonth0", "2026-00", false}, {"ErrNoPad", "2026-1", false},
		{"ErrText", "december", false}, {"ErrEmpty", "", false}, {"ErrFarFuture", "9999-01", false}, {"ErrDay", "2026-12-01", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := ParseYearMonth(tc.in)
			if (err == nil) != tc.ok {
				t.Fatalf("ParseYearMonth(%q) = %v, %v", tc.in, m, err)
			}
			if tc.ok && m.String() != tc.in {
				t.Errorf("String %q", m.String())
			}
		})
	}
	m := YearMonth{2026, time.December}
	if m.Danish() != "December 2026" || m.Add(1) != (YearMonth{2027, time.January}) || m.Add(-12) != (YearMonth{2025, time.December}) {
		t.Errorf("%s %v %v", m.Danish(), m.Add(1), m.Add(-12))
	}
	if m.Last() != MustDate("2026-12-31") || (YearMonth{2028, time.February}).Last() != MustDate("2028-02-29") {
		t.Errorf("last days")
	}
}

func TestJoblogCalendarDay(t *testing.T) {
	created := MustDate("2026-11-02")
	d := func(s string) *Date { v := MustDate(s); return &v }
	for _, tc := range []struct {
		name string
		log  CalendarLog
		want string
	}{
		{"JobOnDeadline", CalendarLog{Kind: JoblogJob, Deadline: d("2026-12-15"), Created: created}, "2026-12-15"},
		{"JobDeadlineInPast", CalendarLog{Kind: JoblogJob, Deadline: d("2026-10-01"), Created: created}, "2026-10-01"},
		{"JobWithoutDeadline", CalendarLog{Kind: JoblogJob, Created: created}, "2026-11-02"},
		{"JobZeroDeadline", CalendarLog{Kind: JoblogJob, Deadline: &Date{}, Created: created}, "2026-11-02"},
		{"JobIgnoresDate", CalendarLog{Kind: JoblogJob, Date: d("2026-12-20"), Created: created}, "2026-11-02"},
		{"ActivityOnDate", CalendarLog{Kind: JoblogActivity, Date: d("2026-12-03"), Created: created}, "2026-12-03"},
		{"ActivityIgnoresDeadline", CalendarLog{Kind: JoblogActivity, Deadline: d("2026-12-20"), Created: created}, "2026-11-02"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := JoblogCalendarDay(tc.log).String(); got != tc.want {
				t.Errorf("%s, want %s", got, tc.want)
			}
		})
	}
	for _, tc := range []struct {
		name string
		log  CalendarLog
		want string
	}{
		{"Title", CalendarLog{ID: 7, Kind: JoblogJob, Title: "Lagerarbejder", Company: "Firma"}, "Lagerarbejder"},
		{"Company", CalendarLog{ID: 7, Kind: JoblogJob, Company: "Firma"}, "Firma"},
		{"NoTitleJob", CalendarLog{ID: 7, Kind: JoblogJob}, "Jobsøgning"},
		{"NoTitleActivity", CalendarLog{ID: 7, Kind: JoblogActivity, Title: "  "}, "Anden aktivitet"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := JoblogEntry(tc.log)
			if e.Title != tc.want || e.ID != "joblog-7" || e.Kind != CalendarJoblog {
				t.Errorf("%+v, want title %q", e, tc.want)
			}
		})
	}
}

func TestPlanItemEntries(t *testing.T) {
	p := func(from, to string) Period {
		var out Period
		out.From = MustDate(from)
		if to != "" {
			out.To = MustDate(to)
		}
		return out
	}
	type want struct {
		id, date string
		kind     CalendarKind
		marker   CalendarMarker
	}
	for _, tc := range []struct {
		name string
		item PlanItem
		want []want
	}{
		{"MeetingOneDay", PlanItem{ID: "m1", Kind: "aftale_jobcenter", Title: "Jobsamtale", Period: p("2026-12-03", "2026-12-03")},
			[]want{{"aftale-m1", "2026-12-03", CalendarAgreement, MarkerDay}}},
		{"SpanStartAndEnd", PlanItem{ID: "v1", Kind: "virksomhedspraktik", Title: "Praktik", Period: p("2026-11-20", "2027-01-10")},
			[]want{{"indsats-v1-start", "2026-11-20", CalendarIntervention, MarkerStart}, {"indsats-v1-slut", "2027-01-10", CalendarIntervention, MarkerEnd}}},
		{"OngoingStartOnly", PlanItem{ID: "k1", Kind: "krav_til_jobsoegning", Title: "Krav", Authority: "a-kasse", Period: p("2026-01-01", "")},
			[]want{{"indsats-k1-start", "2026-01-01", CalendarIntervention, MarkerStart}}},
		{"NotOnTimelineAbsence", PlanItem{ID: "f1", Kind: "fravaer", Title: "Ferie", Period: p("2026-12-01", "2026-12-05")}, nil},
		{"NotOnTimelineDeadline", PlanItem{ID: "f2", Kind: "frist_selvbooking", Title: "Frist", Period: p("2026-12-01", "2026-12-01")}, nil},
		{"NoStart", PlanItem{ID: "x", Kind: "kursus", Title: "Kursus"}, nil},
		{"EndBeforeStart", PlanItem{ID: "x", Kind: "kursus", Title: "Kursus", Period: p("2026-12-05", "2026-12-01")},
			[]want{{"indsats-x-start", "2026-12-05", CalendarIntervention, MarkerStart}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := PlanItemEntries(tc.item)
			if len(got) != len(tc.want) {
				t.Fatalf("%+v, want %+v", got, tc.want)
			}
			for i, w := range tc.want {
				g := got[i]
				if g.ID != w.id || g.Date.String() != w.date || g.Kind != w.kind || g.Marker != w.marker || g.Title != tc.item.Heading() {
					t.Errorf("entry %d: %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

// calendarFixture is a December 2026 with one of everything; the citizen
// has a dagpenge forløb from 1 September 2026 and a sygedagpenge forløb
// before it.
func calendarFixture() (CalendarData, []Forloeb) {
	d := func(s string) Date { return MustDate(s) }
	cet, cest := time.FixedZone("CET", 3600), time.FixedZone("CEST", 7200)
	at := func(s string) time.Time {
		loc := cet
		if s < "2026-10-25" {
			loc = cest
		}
		t, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			panic(err)
		}
		return t
	}
	dl := d("2026-12-15")
	forloeb := []Forloeb{
		{Kontaktgruppe: KontaktgruppeSygedagpenge, Period: Period{From: d("2026-01-01"), To: d("2026-08-31")}},
		{Kontaktgruppe: 1, Period: Period{From: d("2026-09-01")}},
	}
	return CalendarData{
		Month: YearMonth{2026, time.December},
		Plan: []PlanItem{
			{ID: "a1", Kind: "aftale_akasse", Title: "CV-samtale", Period: Period{From: d("2026-12-03"), To: d("2026-12-03")}},
			{ID: "v1", Kind: "virksomhedspraktik", Title: "Praktik", Period: Period{From: d("2026-12-07"), To: d("2026-12-18")}},
			{ID: "k1", Kind: "krav_til_jobsoegning", Title: "Krav til jobsøgning", Period: Period{From: d("2026-12-01")}},
			// Hidden from the a-kasse: a hidden kind, and an item wholly in
			// the sygedagpenge forløb (its end marker would be in December
			// had it lasted).
			{ID: "s1", Kind: "sundhedsindsats", Title: "Fysioterapi", Period: Period{From: d("2026-12-10"), To: d("2026-12-10")}},
			{ID: "h1", Kind: "kursus", Title: "Sygeopfølgning", Period: Period{From: d("2026-06-01"), To: d("2026-08-01")}},
			// Outside the month.
			{ID: "n1", Kind: "kursus", Title: "Januarkursus", Period: Period{From: d("2027-01-04"), To: d("2027-01-04")}},
		},
		Joblogs: []CalendarLog{{ID: 1, Kind: JoblogJob, Title: "Lagerarbejder", Deadline: &dl, Created: d("2026-11-20")}},
		Meetings: []Meeting{
			{ID: 1, Org: "jc-1", OrgKind: OrgJobcenter, Type: "Jobsamtale", Start: at("2026-12-08 10:00"), Status: MeetingPlanned},
			{ID: 2, Org: "jc-1", OrgKind: OrgJobcenter, Type: "Jobsamtale", Start: at("2026-12-09 09:00"), Status: MeetingCancelled, CancelledBy: "org"},
			{ID: 3, Org: "ak-1", OrgKind: OrgAKasse, Type: "CV-samtale", Start: at("2026-12-10 09:00"), Status: MeetingCancelled, CancelledBy: "citizen"},
			// 00:30 Danish time on 1 December is December's.
			{ID: 4, Org: "ak-1", OrgKind: OrgAKasse, Type: "", Start: at("2026-12-01 00:30"), Status: MeetingHeld},
			// The a-kasse sees its own meetings only, in any forløb.
			{ID: 5, Org: "jc-1", OrgKind: OrgJobcenter, Type: "Sygeopfølgning", Start: at("2026-08-10 10:00"), Status: MeetingHeld},
			{ID: 6, Org: "ak-1", OrgKind: OrgAKasse, Type: "Rådighedssamtale", Start: at("2026-08-11 10:00"), Status: MeetingHeld},
			{ID: 7, Org: "ak-2", OrgKind: OrgAKasse, Type: "Anden a-kasse", Start: at("2026-08-12 10:00"), Status: MeetingHeld},
		},
		Deadlines: []Deadline{
			{ID: 1, Due: d("2026-12-20"), TypeCodes: []string{"JS"}},
			{ID: 2, Due: d("2026-12-21"), TypeCodes: []string{"JS"}, Met: 1},
			{ID: 3, Due: d("2026-08-20"), TypeCodes: []string{"JS"}},
		},
		Feed: CalendarFeedState{Active: true, Created: d("2026-11-01")},
	}, forloeb
}

func entryIDs[E any](es []E, id func(E) string) []string {
	var out []string
	for _, e := range es {
		out = append(out, id(e))
	}
	return out
}

func TestCalendarMonth(t *testing.T) {
	data, forloeb := calendarFixture()
	full := data.ForCitizen()
	wantFull := []string{"moede-4", "indsats-k1-start", "aftale-a1", "indsats-v1-start", "moede-1", "moede-2", "indsats-s1",
		"joblog-1", "indsats-v1-slut", "frist-1"}
	if got := entryIDs(full.Entries, func(e CalendarEntry) string { return e.ID }); !slices.Equal(got, wantFull) {
		t.Errorf("citizen: %v, want %v", got, wantFull)
	}
	if !slices.Equal(full.Filters, []CalendarFilter{FilterMeetings, FilterJoblog, FilterInterventions, FilterAbsence}) {
		t.Errorf("filters %v: Fravær has its source (fravaer.go)", full.Filters)
	}
	if !full.Feed.Active {
		t.Error("the citizen's calendar says whether a feed exists")
	}

	ak := ProjectCalendarForAKasse(data, forloeb, "ak-1")
	wantAK := []string{"moede-4", "indsats-k1-start", "aftale-a1", "indsats-v1-start", "joblog-1", "indsats-v1-slut", "frist-1"}
	if got := entryIDs(ak.Entries, func(e AKasseCalendarEntry) string { return e.ID }); !slices.Equal(got, wantAK) {
		t.Errorf("a-kasse: %v, want %v", got, wantAK)
	}
	// An item wholly in the sygedagpenge forløb: the citizen's August
	// shows its end, the a-kasse's does not.
	aug := data
	aug.Month = YearMonth{2026, time.August}
	if got := entryIDs(aug.ForCitizen().Entries, func(e CalendarEntry) string { return e.ID }); !slices.Equal(got,
		[]string{"indsats-h1-slut", "moede-5", "moede-6", "moede-7", "frist-3"}) {
		t.Errorf("citizen's August: %v", got)
	}
	if got := entryIDs(ProjectCalendarForAKasse(aug, forloeb, "ak-1").Entries, func(e AKasseCalendarEntry) string { return e.ID }); !slices.Equal(got, []string{"moede-6", "frist-3"}) {
		t.Errorf("a-kasse's August: %v", got)
	}
	for _, e := range full.Entries {
		switch e.ID {
		case "moede-2":
			if !e.Cancelled || e.Text() != "Møde: Jobsamtale (aflyst)" {
				t.Errorf("cancelled by the jobcenter: %+v %q", e, e.Text())
			}
		case "moede-4":
			if e.Title != "Aftale med a-kasse" || e.Date != MustDate("2026-12-01") {
				t.Errorf("untitled meeting: %+v", e)
			}
		case "frist-1":
			if e.Text() != "Frist: Frist for at booke et møde" {
				t.Errorf("deadline: %q", e.Text())
			}
		}
	}
	// The a-kasse sees what Min Plan shows it: the same items.
	shown := map[string]bool{}
	for _, it := range projectPlan(Plan{Items: data.Plan}, forloeb).Items {
		shown[it.ID] = true
	}
	for _, it := range data.Plan {
		for _, e := range PlanItemEntries(it) {
			inCal := slices.ContainsFunc(ak.Entries, func(a AKasseCalendarEntry) bool { return a.ID == e.ID })
			if inCal && !shown[it.ID] {
				t.Errorf("%s is in the a-kasse's calendar but not in its Min Plan", e.ID)
			}
		}
	}
}

func TestFilterCalendar(t *testing.T) {
	data, _ := calendarFixture()
	entries := data.ForCitizen().Entries
	all := map[CalendarFilter]bool{FilterMeetings: true, FilterJoblog: true, FilterInterventions: true, FilterAbsence: true}
	for _, tc := range []struct {
		name   string
		off    CalendarFilter
		hidden []string
	}{
		{"All", "", nil},
		{"NoMeetings", FilterMeetings, []string{"aftale-a1", "moede-1", "moede-2", "moede-4", "frist-1"}},
		{"NoJoblog", FilterJoblog, []string{"joblog-1"}},
		{"NoInterventions", FilterInterventions, []string{"indsats-k1-start", "indsats-v1-start", "indsats-s1", "indsats-v1-slut"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ticked := map[CalendarFilter]bool{}
			for f, on := range all {
				ticked[f] = on && f != tc.off
			}
			got := FilterCalendar(entries, ticked)
			if len(got)+len(tc.hidden) != len(entries) {
				t.Errorf("%d shown of %d, %d hidden", len(got), len(entries), len(tc.hidden))
			}
			for _, e := range got {
				if slices.Contains(tc.hidden, e.ID) {
					t.Errorf("%s shown", e.ID)
				}
			}
		})
	}
	if got := FilterCalendar(entries, map[CalendarFilter]bool{}); len(got) != 0 {
		t.Errorf("nothing ticked shows %v", got)
	}
}

func TestEntriesByDay(t *testing.T) {
	data, _ := calendarFixture()
	days := EntriesByDay(data.ForCitizen().Entries)
	var got []string
	for _, d := range days {
		got = append(got, d[0].Date.String())
		for _, e := range d {
			if e.Date != d[0].Date {
				t.Errorf("%s under %s", e.ID, d[0].Date)
			}
		}
	}
	want := []string{"2026-12-01", "2026-12-03", "2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-15", "2026-12-18", "2026-12-20"}
	if !slices.Equal(got, want) {
		t.Errorf("%v, want %v", got, want)
	}
	if EntriesByDay(nil) != nil {
		t.Error("no entries, no days")
	}
}
