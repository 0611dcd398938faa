package httpapi

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"jobnet/server/storage"
	"jobnet/shared"
)

// Kalender (SPEC D5, K4). The month is read once (storage.CalendarMonth)
// and placed by shared's rules: whole for the citizen and the jobcenter,
// by Min Plan's rule for the a-kasse (shared.ProjectCalendarForAKasse),
// before anything is encoded. The private iCalendar feed is the citizen's
// own: made and revoked from the citizen's session only (citizenWrite),
// fetched by the phone's calendar with the secret as the only authority.

// errMonth is the answer to a month that is not one.
func errMonth() error {
	return &shared.Error{Code: shared.EInvalid, Message: "Måneden i adressen findes ikke.",
		Fields: []shared.FieldError{{Field: shared.CalendarMonthParam, Message: "Vælg en måned, fx 2026-12."}}}
}

// loadCalendar: GET /api/calendar?maaned=YYYY-MM — the month's data; this
// month without (or with an empty) maaned.
func loadCalendar(req *citizenRequest) (shared.CalendarData, error) {
	m := shared.YearMonthOf(req.today())
	if s := req.r.URL.Query().Get(shared.CalendarMonthParam); s != "" {
		v, err := shared.ParseYearMonth(s)
		if err != nil {
			return shared.CalendarData{}, errMonth()
		}
		m = v
	}
	d, err := req.citizen.CalendarMonth(req.ctx(), m, req.loc)
	d.Today = req.today() // the a-kasse's current absences (Fravær)
	return d, err
}

// calendarForCitizen: the month whole (the citizen, the jobcenter, which
// sees that a feed exists and never its secret: it is not stored).
func calendarForCitizen(_ *citizenRequest, d shared.CalendarData) (shared.CalendarMonth, error) {
	return d.ForCitizen(), nil
}

// calendarForAKasse: the month "filtered like Min Plan's timeline" (000 5.3).
func calendarForAKasse(req *citizenRequest, d shared.CalendarData) (shared.AKasseCalendarMonth, error) {
	return shared.ProjectCalendarForAKasse(d, req.who.Forloeb, akasseCode(req)), nil
}

// handleCreateCalendarFeed: POST /api/calendar/feed — a new private
// address, replacing the one before; its secret is in this answer only.
func handleCreateCalendarFeed(req *citizenRequest) (shared.CalendarFeedCreated, error) {
	secret, err := req.citizen.CreateCalendarFeed(req.ctx(), req.now)
	if err != nil {
		return shared.CalendarFeedCreated{}, err
	}
	return shared.CalendarFeedCreated{CalendarFeedState: shared.CalendarFeedState{Active: true, Created: req.today()},
		Path: shared.CalendarICSPath(secret)}, nil
}

// handleRevokeCalendarFeed: DELETE /api/calendar/feed — the address stops
// working at once.
func handleRevokeCalendarFeed(req *citizenRequest) (noContent, error) {
	return noContent{}, req.citizen.RevokeCalendarFeed(req.ctx())
}

// The feed's window of meetings: the last quarter (a phone keeps what
// happened lately) and two years ahead.
const (
	feedPast   = 90 * 24 * time.Hour
	feedFuture = 2 * 365 * 24 * time.Hour
)

// handleCalendarICS: GET /api/v1/calendar/{secret} — the private feed, no
// session: a revoked, replaced or unknown secret is 404 with nothing more
// said.
func handleCalendarICS(req *sessionRequest) (icsFeed, error) {
	c, err := req.api.store.CalendarFeedCitizen(req.ctx(), req.r.PathValue("secret"))
	if err != nil {
		return nil, err
	}
	f, err := c.CalendarFeed(req.ctx(), req.now.Add(-feedPast), req.now.Add(feedFuture))
	if err != nil {
		return nil, err
	}
	return encodeFeed(c.ID(), f, req.now), nil
}

// icsFeed is an iCalendar document (RFC 5545), sent as text/calendar.
type icsFeed []byte

func writeICS(w http.ResponseWriter, b icsFeed) {
	h := w.Header()
	h.Set("Content-Type", "text/calendar; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	h.Set("X-Content-Type-Options", "nosniff")
	// The feed is one person's: kept by no shared cache.
	h.Set("Cache-Control", "private, no-store")
	h.Set("X-Robots-Tag", "noindex")
	_, _ = w.Write(b)
}

// encodeFeed writes the feed. Decisions (the sources say nothing of a
// feed; FEATURES.md 5.3 is the calendar):
//   - Meetings at their times in UTC; a cancelled one stays, as STATUS:
//     CANCELLED, so a subscribed calendar strikes it out (a subscription
//     is a published calendar, METHOD:PUBLISH: there is no CANCEL message
//     to send, the event's status says it).
//   - Open booking deadlines and the plan's items (the timeline's
//     agreements and interventions) as whole days: a plan item's time is
//     free text, and a deadline is a day. An item over several days is one
//     event over them; an ongoing one a day on its start.
//   - No logs: the Joblog is the citizen's own notes, a feed is for
//     appointments with the jobcenter and the a-kasse.
//   - UIDs "<kind>-<id>@jobnet.dk", with the citizen for plan items (their
//     ids are the case systems', not unique across citizens); SEQUENCE
//     the meeting's and the deadline's version less one, and for a plan
//     item the versions that changed what the feed shows of it; DTSTAMP
//     the time of the fetch (RFC 5545 3.8.7.2 for a published calendar),
//     LAST-MODIFIED the change where it is known.
//   - Summaries say type and title only, as the calendar does; the
//     meeting's place and form, which the phone needs, in LOCATION and
//     DESCRIPTION with the note that the letter is the binding call-in.
func encodeFeed(citizen int64, f storage.CalendarFeed, now time.Time) icsFeed {
	cal := ics.NewCalendarFor("Jobnet")
	cal.SetProductId("-//Jobnet//Kalender//DA")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName("Jobnet")
	cal.SetXWRCalName("Jobnet")
	cal.SetRefreshInterval("PT1H", ics.WithValue("DURATION"))
	cal.SetXPublishedTTL("PT1H")
	cal.SetCalscale("GREGORIAN")
	for _, m := range f.Meetings {
		e := cal.AddEvent("moede-" + strconv.FormatInt(m.ID, 10) + "@jobnet.dk")
		e.SetDtStampTime(now)
		e.SetSequence(max(0, m.Version-1))
		e.SetStartAt(m.Start)
		e.SetEndAt(m.End)
		title := m.Type
		if title == "" {
			title = shared.MeetingOfOrg(m.OrgKind)
		}
		e.SetSummary(shared.CalendarMeeting.Label() + ": " + title)
		if m.Place != "" {
			e.SetLocation(m.Place)
		}
		desc := []string{shared.MeetingOfOrg(m.OrgKind)}
		if m.OrgName != "" {
			desc[0] += " (" + m.OrgName + ")"
		}
		if m.Form != "" {
			desc = append(desc, "Mødeform: "+m.Form)
		}
		if m.Phone != "" {
			desc = append(desc, "Telefon: "+m.Phone)
		}
		desc = append(desc, shared.MeetingsNote)
		e.SetDescription(strings.Join(desc, "\n"))
		if m.Status == shared.MeetingCancelled {
			e.SetStatus(ics.ObjectStatusCancelled)
		} else {
			e.SetStatus(ics.ObjectStatusConfirmed)
		}
	}
	for _, dl := range f.Deadlines {
		e := cal.AddEvent("frist-" + strconv.FormatInt(dl.ID, 10) + "@jobnet.dk")
		e.SetDtStampTime(now)
		e.SetSequence(max(0, dl.Version-1))
		allDay(e, dl.Due, dl.Due)
		e.SetSummary(shared.CalendarDeadline.Label() + ": " + shared.DeadlineTitle)
		e.SetStatus(ics.ObjectStatusConfirmed)
	}
	for _, it := range f.Items {
		entries := shared.PlanItemEntries(it.Item)
		if len(entries) == 0 { // not on the timeline
			continue
		}
		first := entries[0]
		e := cal.AddEvent(string(first.Kind) + "-" + strconv.FormatInt(citizen, 10) + "-" + it.Item.ID + "@jobnet.dk")
		e.SetDtStampTime(now)
		e.SetSequence(it.Sequence)
		e.SetLastModifiedAt(it.Changed)
		summary := first.Kind.Label() + ": " + first.Title
		p := it.Item.Period
		switch {
		case p.To.IsZero():
			allDay(e, p.From, p.From)
			summary += " (start)"
		case p.To.Before(p.From):
			allDay(e, p.From, p.From)
		default:
			allDay(e, p.From, p.To)
		}
		e.SetSummary(summary)
		e.SetStatus(ics.ObjectStatusConfirmed)
	}
	return icsFeed(cal.Serialize())
}

// allDay makes the event the whole days from to to (both included): DTEND
// of an all-day event is the day after (RFC 5545 3.6.1).
func allDay(e *ics.VEvent, from, to shared.Date) {
	e.SetAllDayStartAt(time.Date(from.Year, from.Month, from.Day, 0, 0, 0, 0, time.UTC))
	end := to.AddDays(1)
	e.SetAllDayEndAt(time.Date(end.Year, end.Month, end.Day, 0, 0, 0, 0, time.UTC))
}
