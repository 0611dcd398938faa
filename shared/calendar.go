package shared

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Kalender (SPEC D5; 000_…txt 5.3, Billede 19; 002_…txt Bilag 1;
// FEATURES.md 5.3): a month, Monday first, with ISO week numbers ("UGE
// 15"), and the entries of the citizen's sources placed on their days.
// Entries show type, title and date only ("samme overordnede oplysninger,
// men ikke selve indholdet i aftalerne og indsatserne", 000 5.3): the
// details stay in Min Plan and the Joblog. The month grid and the placing
// of entries are pure, so the app only draws what they return and the
// server's a-kasse view is made by the same rules.

// APICalendar is GET: the month ?maaned=YYYY-MM (empty: this month).
const (
	APICalendar = "/api/calendar"
	// APICalendarFeed is the citizen's private iCalendar address: POST
	// makes a new one (and so revokes the old), DELETE revokes it.
	APICalendarFeed = "/api/calendar/feed"
	// APICalendarICS is the feed itself, fetched by a phone's calendar
	// without a session: the secret in the path is the authority. Under
	// the public API's prefix, so it is rate-limited like the rest of it.
	APICalendarICS = APIPublicPrefix + "calendar/{secret}"
)

// CalendarICSPath is APICalendarICS for one secret.
func CalendarICSPath(secret string) string { return APIPublicPrefix + "calendar/" + secret }

// CalendarMonthParam is the page's and the API's query parameter.
const CalendarMonthParam = "maaned"

// YearMonth is a month of a year; its text form is "2026-12".
type YearMonth struct {
	Year  int
	Month time.Month
}

// YearMonthOf is the month of a day.
func YearMonthOf(d Date) YearMonth { return YearMonth{d.Year, d.Month} }

// ParseYearMonth reads "2026-12". The years are bounded so that no link can
// ask for a month no one has data in (and the grid's arithmetic stays in
// range).
func ParseYearMonth(s string) (YearMonth, error) {
	y, m, ok := strings.Cut(s, "-")
	year, err1 := strconv.Atoi(y)
	month, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || len(y) != 4 || len(m) != 2 || year < 1900 || year > 2200 || month < 1 || month > 12 {
		return YearMonth{}, fmt.Errorf("ugyldig måned %q", s)
	}
	return YearMonth{year, time.Month(month)}, nil
}

func (m YearMonth) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// MarshalText is the JSON form.
func (m YearMonth) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads the JSON form.
func (m *YearMonth) UnmarshalText(b []byte) error {
	v, err := ParseYearMonth(string(b))
	*m = v
	return err
}

// First is the month's first day.
func (m YearMonth) First() Date { return Date{m.Year, m.Month, 1} }

// Last is the month's last day.
func (m YearMonth) Last() Date { return m.First().AddMonths(1).AddDays(-1) }

// Add is the month n months later (earlier for negative n).
func (m YearMonth) Add(n int) YearMonth { return YearMonthOf(m.First().AddMonths(n)) }

// Danish is the header's "April 2020".
func (m YearMonth) Danish() string {
	name := danishMonths[m.Month-1]
	return strings.ToUpper(name[:1]) + name[1:] + " " + strconv.Itoa(m.Year)
}

// CalendarWeekdays are the column headings, Monday first (Billede 19).
var CalendarWeekdays = [7]string{"MANDAG", "TIRSDAG", "ONSDAG", "TORSDAG", "FREDAG", "LØRDAG", "SØNDAG"}

// CalendarWeek is a row of the month: its ISO week number ("UGE 15") and
// its days Monday to Sunday, days of the months around included (the app
// shows those greyed, without entries).
type CalendarWeek struct {
	Number int
	Days   [7]Date
}

// Weekday is the day's column, Monday 0 … Sunday 6.
func (d Date) Weekday() int { return (int(d.time().Weekday()) + 6) % 7 }

// ISOWeek is the day's ISO 8601 week number: the week of its Thursday.
func (d Date) ISOWeek() int {
	_, w := d.time().ISOWeek()
	return w
}

// MonthGrid is the month as weeks, Monday first: from the week of its
// first day to the week of its last (4 to 6 rows).
func MonthGrid(m YearMonth) []CalendarWeek {
	first, last := m.First(), m.Last()
	monday := first.AddDays(-first.Weekday())
	var weeks []CalendarWeek
	for d := monday; !d.After(last); d = d.AddDays(7) {
		w := CalendarWeek{Number: d.ISOWeek()}
		for i := range w.Days {
			w.Days[i] = d.AddDays(i)
		}
		weeks = append(weeks, w)
	}
	return weeks
}

// CalendarKind is what an entry is.
type CalendarKind string

const (
	// CalendarMeeting is a meeting with the jobcenter or the a-kasse
	// (the meetings of the case systems).
	CalendarMeeting CalendarKind = "moede"
	// CalendarDeadline is a booking deadline (a frist for selvbooking).
	CalendarDeadline CalendarKind = "frist"
	// CalendarAgreement is an agreement of Min Plan's timeline (the row
	// "Aftaler": "møder med Jobcenter og/eller a-kasse", 003_…txt).
	CalendarAgreement CalendarKind = "aftale"
	// CalendarIntervention is any other item of Min Plan's timeline: krav
	// til jobsøgning and the interventions.
	CalendarIntervention CalendarKind = "indsats"
	// CalendarJoblog is a log of the Joblog.
	CalendarJoblog CalendarKind = "joblog"
	// CalendarAbsence is an absence (Fravær, fravaer.go).
	CalendarAbsence CalendarKind = "fravaer"
)

// Label is the entry's type as shown.
func (k CalendarKind) Label() string {
	switch k {
	case CalendarMeeting:
		return "Møde"
	case CalendarDeadline:
		return "Frist"
	case CalendarAgreement:
		return "Aftale"
	case CalendarIntervention:
		return "Indsats"
	case CalendarJoblog:
		return "Joblog"
	case CalendarAbsence:
		return "Fravær"
	}
	return string(k)
}

// CalendarFilter is one of the checkboxes "Møder", "Joblog", "Indsatser",
// "Fravær" (Billede 19), all ticked by default.
type CalendarFilter string

const (
	FilterMeetings      CalendarFilter = "moeder"
	FilterJoblog        CalendarFilter = "joblog"
	FilterInterventions CalendarFilter = "indsatser"
	FilterAbsence       CalendarFilter = "fravaer"
)

// CalendarFilterOrder is the checkboxes' order in the sources.
var CalendarFilterOrder = []CalendarFilter{FilterMeetings, FilterJoblog, FilterInterventions, FilterAbsence}

// Label is the checkbox's text.
func (f CalendarFilter) Label() string {
	switch f {
	case FilterMeetings:
		return "Møder"
	case FilterJoblog:
		return "Joblog"
	case FilterInterventions:
		return "Indsatser"
	case FilterAbsence:
		return "Fravær"
	}
	return string(f)
}

// Filter is the checkbox an entry's kind is under. The plan's agreements
// are meetings (003_…txt: "Aftaler, dvs. møder med Jobcenter og/eller
// a-kasse"), and a booking deadline belongs with the meetings it is for.
func (k CalendarKind) Filter() CalendarFilter {
	switch k {
	case CalendarMeeting, CalendarDeadline, CalendarAgreement:
		return FilterMeetings
	case CalendarJoblog:
		return FilterJoblog
	case CalendarAbsence:
		return FilterAbsence
	}
	return FilterInterventions
}

// CalendarMarker says which end of a span an entry marks.
type CalendarMarker string

const (
	// MarkerDay: a one-day entry (a meeting, a log, a one-day item).
	MarkerDay   CalendarMarker = ""
	MarkerStart CalendarMarker = "start"
	MarkerEnd   CalendarMarker = "slut"
)

// CalendarEntry is one entry on one day: type, title and date only.
type CalendarEntry struct {
	// ID is stable across reads: the source's kind and id, and the marker.
	ID     string         `json:"id"`
	Kind   CalendarKind   `json:"kind"`
	Title  string         `json:"title"`
	Date   Date           `json:"date"`
	Marker CalendarMarker `json:"marker,omitempty"`
	// Cancelled: a meeting the jobcenter or a-kasse cancelled, shown so
	// the citizen learns of it (as the Møder list does, MeetingShown).
	Cancelled bool `json:"cancelled,omitempty"`
}

// Text is the entry as one line: "Indsats: Virksomhedspraktik (start)".
func (e CalendarEntry) Text() string {
	s := e.Kind.Label() + ": " + e.Title
	switch e.Marker {
	case MarkerStart:
		s += " (start)"
	case MarkerEnd:
		s += " (slut)"
	}
	if e.Cancelled {
		s += " (aflyst)"
	}
	return s
}

// CalendarFeedState is what the Kalender page says of the private
// iCalendar address: whether there is one and since when. The secret
// itself is never in it: Jobnet keeps only its hash, so it is shown once,
// when made (CalendarFeedCreated).
type CalendarFeedState struct {
	Active  bool `json:"active"`
	Created Date `json:"created,omitempty"`
}

// CalendarFeedCreated is the answer to making a new address: the one time
// the secret is shown.
type CalendarFeedCreated struct {
	CalendarFeedState
	// Path is the feed's path on the portal (CalendarICSPath); the app
	// puts the portal's address before it.
	Path string `json:"path"`
}

// CalendarMonth is GET APICalendar's answer: the month, its entries in
// order, the filters that have a source, and the feed's state.
type CalendarMonth struct {
	Month   YearMonth         `json:"month"`
	Entries []CalendarEntry   `json:"entries"`
	Filters []CalendarFilter  `json:"filters"`
	Feed    CalendarFeedState `json:"feed"`
}

// CalendarData is what the calendar's sources read for one month, before
// the entries are placed: the current plan's items, the logs whose day
// lies in the month, the month's meetings and booking deadlines, and
// whether a feed exists. Absences have no source yet (calendarSources).
type CalendarData struct {
	Month   YearMonth
	Plan    []PlanItem
	Joblogs []CalendarLog
	// Meetings are the month's meetings, their times in Danish time;
	// Deadlines the booking deadlines due in the month.
	Meetings  []Meeting
	Deadlines []Deadline
	Feed      CalendarFeedState
	// Absences are those that overlap the month (Fravær); Today is the
	// day the a-kasse's "aktuelle" absences are judged on (projectAbsences):
	// without it the a-kasse is shown none.
	Absences []Absence
	Today    Date
}

// CalendarLog is what the calendar reads of a log.
type CalendarLog struct {
	ID       int64      `json:"id"`
	Kind     JoblogKind `json:"kind"`
	Title    string     `json:"title"`
	Company  string     `json:"company"`
	Deadline *Date      `json:"deadline"`
	Date     *Date      `json:"date"`
	Created  Date       `json:"created"` // in Danish time
}

// JoblogCalendarDay places a log. The sources do not say which date
// (FEATURES.md 5.3: "NOT IN THE SOURCES"); this project's rule: a job
// application on its ansøgningsfrist (FEATURES' proposal: the day that
// matters for a search), an activity on its date; without that date, the
// day the log was made. A log's last change is not used: an edit would
// then move it about the calendar.
func JoblogCalendarDay(l CalendarLog) Date {
	switch {
	case l.Kind == JoblogJob && l.Deadline != nil && !l.Deadline.IsZero():
		return *l.Deadline
	case l.Kind == JoblogActivity && l.Date != nil && !l.Date.IsZero():
		return *l.Date
	}
	return l.Created
}

// calendarSource is one source of entries: the filter it feeds and how it
// places its entries for the citizen (and, projected, for the a-kasse).
// Adding a source is a line in calendarSources.
type calendarSource struct {
	filter  CalendarFilter
	entries func(d CalendarData, view calendarView) []CalendarEntry
}

// calendarView is whose calendar is placed: the citizen's (akasse false,
// as the jobcenter sees it too) or the a-kasse's, judged by the forløb and
// its code (akasseCode: the meetings it holds).
type calendarView struct {
	akasse     bool
	forloeb    []Forloeb
	akasseCode string
}

// calendarSources are the calendar's sources. Fravær has no source:
// absences are not stored yet (the absence issue builds them), and a
// checkbox that filters nothing is not shown, so "Fravær" appears with its
// source: a line here, {FilterAbsence, absenceEntries}, with the
// a-kasse's rule projectAbsences already written (akasse_rules.go).
var calendarSources = []calendarSource{
	{FilterMeetings, meetingEntries},
	{FilterMeetings, deadlineEntries},
	{FilterMeetings, planAgreementEntries},
	{FilterJoblog, joblogEntries},
	{FilterInterventions, planInterventionEntries},
	{FilterAbsence, absenceEntries},
}

// CalendarFilters are the checkboxes to show: those with a source, in the
// sources' order.
func CalendarFilters() []CalendarFilter {
	var out []CalendarFilter
	for _, f := range CalendarFilterOrder {
		if slices.ContainsFunc(calendarSources, func(s calendarSource) bool { return s.filter == f }) {
			out = append(out, f)
		}
	}
	return out
}

// ForCitizen is the citizen's calendar (the citizen, the jobcenter).
func (d CalendarData) ForCitizen() CalendarMonth {
	return CalendarMonth{Month: d.Month, Entries: placeCalendar(d, calendarView{}), Filters: CalendarFilters(), Feed: d.Feed}
}

func placeCalendar(d CalendarData, v calendarView) []CalendarEntry {
	out := []CalendarEntry{}
	for _, s := range calendarSources {
		out = append(out, s.entries(d, v)...)
	}
	first, last := d.Month.First(), d.Month.Last()
	out = slices.DeleteFunc(out, func(e CalendarEntry) bool { return e.Date.Before(first) || e.Date.After(last) })
	slices.SortFunc(out, func(a, b CalendarEntry) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(calendarKindOrder(a.Kind), calendarKindOrder(b.Kind)),
			strings.Compare(a.Title, b.Title), strings.Compare(a.ID, b.ID))
	})
	return out
}

// calendarKindOrder: within a day, meetings and deadlines first, then the
// plan, then the logs.
func calendarKindOrder(k CalendarKind) int {
	return slices.Index([]CalendarKind{CalendarMeeting, CalendarDeadline, CalendarAgreement, CalendarIntervention,
		CalendarAbsence, CalendarJoblog}, k)
}

// PlanItemEntries places a plan item of the timeline. A one-day item
// (a meeting's agreement) is one entry; an item over several days is
// marked where it starts and where it ends (an ongoing one only where it
// starts). Not on each of its days: krav til jobsøgning lasts as long as
// the citizen has a jobmål (003_…txt: "reelt blot er en lang periode"), and
// would fill every day of every month; the timeline shows the spans, the
// calendar the days something happens. Items without a timeline row
// (fravær, frister, befordring: 002_…txt "Hvad indgår ikke i
// tidslinjen?") are not the timeline's and not placed here.
func PlanItemEntries(it PlanItem) []CalendarEntry {
	row, ok := TimelineRowOf(it.Kind)
	if !ok || it.Period.From.IsZero() {
		return nil
	}
	kind := CalendarIntervention
	if row == RowAftaler {
		kind = CalendarAgreement
	}
	id := string(kind) + "-" + it.ID
	title := it.Heading()
	p := it.Period
	if p.To == p.From {
		return []CalendarEntry{{ID: id, Kind: kind, Title: title, Date: p.From}}
	}
	out := []CalendarEntry{{ID: id + "-start", Kind: kind, Title: title, Date: p.From, Marker: MarkerStart}}
	if !p.To.IsZero() && p.To.After(p.From) {
		out = append(out, CalendarEntry{ID: id + "-slut", Kind: kind, Title: title, Date: p.To, Marker: MarkerEnd})
	}
	return out
}

// akasseSeesPlanItem is Min Plan's rule for the a-kasse (projectPlan): the
// calendar "viser som udgangspunkt de aftaler og indsatser, som
// tidslinjen i medlemmets Min Plan også indeholder" (000 5.3).
func akasseSeesPlanItem(it PlanItem, forloeb []Forloeb) bool {
	return !akasseHiddenKinds[it.Kind] && overlapsDagpenge(it.Period, forloeb)
}

func planEntries(d CalendarData, v calendarView, want CalendarKind) []CalendarEntry {
	var out []CalendarEntry
	for _, it := range d.Plan {
		if v.akasse && !akasseSeesPlanItem(it, v.forloeb) {
			continue
		}
		for _, e := range PlanItemEntries(it) {
			if e.Kind == want {
				out = append(out, e)
			}
		}
	}
	return out
}

func planAgreementEntries(d CalendarData, v calendarView) []CalendarEntry {
	return planEntries(d, v, CalendarAgreement)
}

func planInterventionEntries(d CalendarData, v calendarView) []CalendarEntry {
	return planEntries(d, v, CalendarIntervention)
}

// JoblogEntry places a log: its title, else its company, else the kind.
// The a-kasse reads the Joblog whole (000_…txt 4.4), so it sees these too.
func JoblogEntry(l CalendarLog) CalendarEntry {
	title := cmp.Or(strings.TrimSpace(l.Title), strings.TrimSpace(l.Company))
	if title == "" {
		title = "Jobsøgning"
		if l.Kind == JoblogActivity {
			title = "Anden aktivitet"
		}
	}
	return CalendarEntry{ID: "joblog-" + strconv.FormatInt(l.ID, 10), Kind: CalendarJoblog, Title: title, Date: JoblogCalendarDay(l)}
}

func joblogEntries(d CalendarData, _ calendarView) []CalendarEntry {
	out := make([]CalendarEntry, 0, len(d.Joblogs))
	for _, l := range d.Joblogs {
		out = append(out, JoblogEntry(l))
	}
	return out
}

// MeetingEntry places a meeting on its day (its start in Danish time),
// titled by its type; false for a meeting the calendar does not show: one
// the citizen cancelled (they know), as on the Møder list. A held meeting
// stays: the calendar shows the past months too.
func MeetingEntry(m Meeting) (CalendarEntry, bool) {
	if m.Status == MeetingCancelled && m.CancelledBy != "org" {
		return CalendarEntry{}, false
	}
	return CalendarEntry{ID: "moede-" + strconv.FormatInt(m.ID, 10), Kind: CalendarMeeting, Title: cmp.Or(m.Type, MeetingOfOrg(m.OrgKind)),
		Date: DateOf(m.Start), Cancelled: m.Status == MeetingCancelled}, true
}

func meetingEntries(d CalendarData, v calendarView) []CalendarEntry {
	var out []CalendarEntry
	for _, m := range d.Meetings {
		// The a-kasse sees the meetings it holds, as on the Møder page
		// (000 5.2); a jobcenter's agreement still shows through Min
		// plan's items, by Min plan's rule.
		if v.akasse && !AKasseSeesMeeting(m, v.akasseCode) {
			continue
		}
		if e, ok := MeetingEntry(m); ok {
			out = append(out, e)
		}
	}
	return out
}

// DeadlineTitle names a booking deadline in the calendar and the feed
// (the sources give it no title; this says what it asks).
const DeadlineTitle = "Frist for at booke et møde"

// DeadlineEntry places an open booking deadline on its day; a met one
// asks nothing more and is not shown.
func DeadlineEntry(dl Deadline) (CalendarEntry, bool) {
	if !dl.Open() {
		return CalendarEntry{}, false
	}
	return CalendarEntry{ID: "frist-" + strconv.FormatInt(dl.ID, 10), Kind: CalendarDeadline, Title: DeadlineTitle, Date: dl.Due}, true
}

// The a-kasse sees every booking deadline, whoever set it, as on the Møder
// page: it "kan se medlemmets muligheder og guide et medlem" (000 5.2),
// and a deadline is a date, no meeting's content.
func deadlineEntries(d CalendarData, v calendarView) []CalendarEntry {
	var out []CalendarEntry
	for _, dl := range d.Deadlines {
		if v.akasse && v.akasseCode == "" {
			continue
		}
		if e, ok := DeadlineEntry(dl); ok {
			out = append(out, e)
		}
	}
	return out
}

// FilterCalendar keeps the entries of the ticked filters.
func FilterCalendar(entries []CalendarEntry, ticked map[CalendarFilter]bool) []CalendarEntry {
	out := []CalendarEntry{}
	for _, e := range entries {
		if ticked[e.Kind.Filter()] {
			out = append(out, e)
		}
	}
	return out
}

// EntriesByDay groups ordered entries by their day, in order: the phone's
// list.
func EntriesByDay(entries []CalendarEntry) [][]CalendarEntry {
	var out [][]CalendarEntry
	for i, e := range entries {
		if i == 0 || e.Date != entries[i-1].Date {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], e)
	}
	return out
}

// AKasseCalendarMonth is what an a-kasse caseworker may see of the
// calendar: the entries placed by Min Plan's rule for the a-kasse
// (akasseSeesPlanItem: not the five hidden kinds, nothing wholly outside
// the dagpenge and dimittend forløb), its own meetings, the booking
// deadlines, and the logs, which the a-kasse reads whole. Not the feed: the private address is the citizen's own tool, not
// an "aftale" or "indsats" (this project's choice; the jobcenter, which
// sees everything, sees that one exists, never the secret).
type AKasseCalendarMonth struct {
	Month   YearMonth             `json:"month"`
	Entries []AKasseCalendarEntry `json:"entries"`
	Filters []CalendarFilter      `json:"filters"`
}

// AKasseCalendarEntry is a CalendarEntry as the a-kasse sees it.
type AKasseCalendarEntry struct {
	ID        string         `json:"id"`
	Kind      CalendarKind   `json:"kind"`
	Title     string         `json:"title"`
	Date      Date           `json:"date"`
	Marker    CalendarMarker `json:"marker,omitempty"`
	Cancelled bool           `json:"cancelled,omitempty"`
}

func (AKasseCalendarMonth) akasseView() {}

// ProjectCalendarForAKasse is the a-kasse's calendar of the month, placed
// from the citizen's data with the a-kasse's rules before anything is
// encoded: a hidden item is never placed, so it cannot leave the server.
func ProjectCalendarForAKasse(d CalendarData, forloeb []Forloeb, akasse string) AKasseCalendarMonth {
	placed := placeCalendar(d, calendarView{akasse: true, forloeb: forloeb, akasseCode: akasse})
	out := AKasseCalendarMonth{Month: d.Month, Entries: make([]AKasseCalendarEntry, 0, len(placed)), Filters: CalendarFilters()}
	for _, e := range placed {
		out.Entries = append(out.Entries, AKasseCalendarEntry{ID: e.ID, Kind: e.Kind, Title: e.Title, Date: e.Date, Marker: e.Marker, Cancelled: e.Cancelled})
	}
	return out
}

// CalendarPath is APICalendar for the month the page's maaned names, as
// the page has it ("" for this month): the app asks this path, and the
// server preloads the same (app.PreloadPaths).
func CalendarPath(maaned string) string {
	return APICalendar + "?" + CalendarMonthParam + "=" + url.QueryEscape(maaned)
}

// absenceEntries places the absences shown on Jobnet (AbsenceTypeOf) as a
// plan item is placed: a one-day absence on its day, a longer one where it
// starts and where it ends (an open one where it starts). The a-kasse sees
// those of "Aktuelt fravær" only: lawful on dagpenge and not ended on
// Today (projectAbsences, 000 5.5), no historical ones.
func absenceEntries(d CalendarData, v calendarView) []CalendarEntry {
	var out []CalendarEntry
	for _, a := range d.Absences {
		if !AbsenceTypeOf(a.Kind).Shown {
			continue
		}
		if v.akasse && (d.Today.IsZero() || len(projectAbsences([]Absence{a}, d.Today)) == 0) {
			continue
		}
		id, title, p := "fravaer-"+a.ID, a.Kind.Label(), a.Period
		if p.To == p.From {
			out = append(out, CalendarEntry{ID: id, Kind: CalendarAbsence, Title: title, Date: p.From})
			continue
		}
		out = append(out, CalendarEntry{ID: id + "-start", Kind: CalendarAbsence, Title: title, Date: p.From, Marker: MarkerStart})
		if !p.To.IsZero() {
			out = append(out, CalendarEntry{ID: id + "-slut", Kind: CalendarAbsence, Title: title, Date: p.To, Marker: MarkerEnd})
		}
	}
	return out
}
