package shared

import (
	"strconv"
	"strings"
	"time"
)

// Joblog (SPEC C3; FEATURES.md 3; 003_…txt «Joblog»; 000_…txt 4.4 and
// Billede 8): the citizen's own record of the jobs they seek and of other
// things they do to get work, which the jobcenter and the a-kasse read
// before a meeting and never change (000_…txt 4.4). A log may come from a
// case system through the ingestion API; then Origin names the sender
// [003: "En log der vises og editeres i Jobnet, kan altså meget vel have
// sin oprindelse i et andet system"], and the citizen edits it as any.
//
// Decisions where the sources are silent:
//   - "Log om anden aktivitet" [003: "aktiviteter, der demonstrerer
//     borgerens aktive indsats for at komme i arbejde, selvom der ikke er
//     tale om en konkret ansøgning", e.g. "Jobmesser, kaffemøder hos
//     virksomheder"] has: what the activity was (required, like a log's
//     title), its date (required: the caseworker reads when), where
//     (optional) and a description (optional). It has no status: the
//     three statuses are steps of an application, and it shows only under
//     "Alle logs".
//   - The option lists of "Hvordan fandt du jobbet" and "Hvordan søger du
//     jobbet" are this project's (JoblogFoundViaOptions,
//     JoblogApplyViaOptions).
//   - Deltid's "Ugentligt timeantal" is a whole number of hours, 1 to 37
//     (37 is full time).
//   - In Danmark, a workplace has a postcode Jobnet knows, or, with
//     "Postnummer/by ikke kendt", one of Find Job's areas; abroad it has
//     neither. The city is always the postcode's name.
//   - The default deadline (today + JoblogDefaultDeadlineDays) is set by
//     the server when a log is saved without one; the form says so.
//   - Documents: joblog_docs.go.
//   - The travel time by public transport (JoblogTravel) goes from the
//     citizen's home postcode to the workplace's postcode, arriving at
//     8:00 on the next weekday; without a journey planner it is not shown.
//   - The map places a log at its workplace postcode's centre; a log
//     with only an area, abroad or an activity is counted, not placed.

// JoblogKind is the kind of log.
type JoblogKind string

const (
	// JoblogJob is "Log om jobsøgning".
	JoblogJob JoblogKind = "jobsoegning"
	// JoblogActivity is "Log om anden aktivitet".
	JoblogActivity JoblogKind = "anden_aktivitet"
)

// JoblogStatus is where an application stands; the citizen moves it freely
// [003: "Det står borger frit for at ændre status frem og tilbage"].
type JoblogStatus string

const (
	JoblogNotApplied JoblogStatus = "ikke_soegt"
	JoblogApplied    JoblogStatus = "soegt"
	JoblogInterview  JoblogStatus = "samtale"
)

// Limits and defaults of a log.
const (
	// JoblogDefaultDeadlineDays: a log saved without an ansøgningsfrist
	// gets today + 5 days [003].
	JoblogDefaultDeadlineDays = 5
	JoblogMaxWeeklyHours      = 37
	// JoblogCountryDenmark is the country's default.
	JoblogCountryDenmark = "Danmark"
	// JoblogRetentionYears: a log not edited for 4 years is deleted [003:
	// "Logs der ikke de seneste 4 år er redigeret, vil automatisk blive
	// slettet"].
	JoblogRetentionYears = 4
)

// The closed lists of a log, in the order the form shows them.
var (
	JoblogStatusOptions = []Option{
		{string(JoblogNotApplied), "Ikke søgt", "Not applied"},
		{string(JoblogApplied), "Søgt", "Applied"},
		{string(JoblogInterview), "Samtale", "Interview"},
	}
	// JoblogFoundViaOptions is "Hvordan fandt du jobbet". This project's
	// list: the sources require an answer and give no options; it follows
	// the ways of finding work in Forberedelsesskema's question 8
	// (annoncer, uopfordret, netværk, sociale medier).
	JoblogFoundViaOptions = []Option{
		{"jobnet", "Jobannonce på Jobnet", "Job ad on Jobnet"},
		{"anden_jobportal", "Jobannonce på en anden jobportal", "Job ad on another job portal"},
		{"virksomhedens_hjemmeside", "Virksomhedens hjemmeside", "The company's website"},
		{"sociale_medier", "Sociale medier (fx LinkedIn eller Facebook)", "Social media"},
		{"netvaerk", "Netværk, familie eller venner", "Network, family or friends"},
		{"jobcenter_akasse", "Jobcenter eller a-kasse", "Jobcentre or unemployment fund"},
		{"vikarbureau", "Vikarbureau", "Temp agency"},
		{"uopfordret", "Uopfordret (ingen annonce)", "Unsolicited (no ad)"},
		{"andet", "Andet", "Other"},
	}
	// JoblogApplyViaOptions is "Hvordan søger du jobbet". This project's
	// list, as JoblogFoundViaOptions.
	JoblogApplyViaOptions = []Option{
		{"skriftlig", "Skriftlig ansøgning (e-mail eller post)", "Written application"},
		{"online_formular", "Virksomhedens ansøgningsformular på nettet", "Online form"},
		{"telefon", "Telefonisk henvendelse", "By telephone"},
		{"personligt", "Personlig henvendelse", "In person"},
		{"cv", "CV uden ansøgning", "CV only"},
		{"vikarbureau", "Gennem et vikarbureau", "Through a temp agency"},
		{"andet", "Andet", "Other"},
	}
)

// JoblogInput is a log as the form, the API and the ingestion API send it.
// The fields of the other kind are ignored.
type JoblogInput struct {
	Kind JoblogKind `json:"kind" validate:"required,oneof=jobsoegning anden_aktivitet"`
	// Title is "Stilling/arbejdsområde", or what the activity was.
	Title string `json:"title" validate:"max=200"`

	// Om jobbet.
	WorkingTime WorkingTime `json:"working_time,omitempty" validate:"omitempty,oneof=fuldtid deltid"`
	WeeklyHours *int        `json:"weekly_hours,omitempty" validate:"omitempty,gte=1,lte=37"`
	// Deadline is the ansøgningsfrist; it may lie in the past [003: "da en
	// log kan udfyldes som en efterregistrering"].
	Deadline *Date `json:"deadline,omitempty"`

	// Om arbejdspladsen.
	Company      string `json:"company,omitempty" validate:"max=200"`
	Address      string `json:"address,omitempty" validate:"max=300"`
	Contact      string `json:"contact,omitempty" validate:"max=300"`
	Country      string `json:"country,omitempty" validate:"max=100"`
	Postcode     string `json:"postcode,omitempty" validate:"omitempty,len=4,numeric"`
	City         string `json:"city,omitempty" validate:"max=100"`
	PlaceUnknown bool   `json:"place_unknown,omitempty"`
	Area         string `json:"area,omitempty" validate:"max=50"`

	// Om din jobsøgning.
	Status   JoblogStatus `json:"status,omitempty" validate:"omitempty,oneof=ikke_soegt soegt samtale"`
	FoundVia string       `json:"found_via,omitempty" validate:"max=50"`
	ApplyVia string       `json:"apply_via,omitempty" validate:"max=50"`

	// Anden aktivitet.
	Date        *Date  `json:"date,omitempty"`
	Place       string `json:"place,omitempty" validate:"max=200"`
	Description string `json:"description,omitempty" validate:"max=2000"`

	// Closed is "afsluttet": a flag beside the status.
	Closed bool `json:"closed,omitempty"`
}

// Field names of JoblogInput, where its messages go.
const (
	FieldJoblogTitle       = "title"
	FieldJoblogWorkingTime = "working_time"
	FieldJoblogWeeklyHours = "weekly_hours"
	FieldJoblogDeadline    = "deadline"
	FieldJoblogCompany     = "company"
	FieldJoblogPostcode    = "postcode"
	FieldJoblogCity        = "city"
	FieldJoblogArea        = "area"
	FieldJoblogStatus      = "status"
	FieldJoblogFoundVia    = "found_via"
	FieldJoblogApplyVia    = "apply_via"
	FieldJoblogDate        = "date"
)

// JoblogPlaces are the postcodes and areas a log's workplace is judged
// against: in the browser all of them (GET APIJoblogPlaces), on the server
// those the log names.
type JoblogPlaces struct {
	// Postcodes are postcode → city (the postcode's name).
	Postcodes map[string]string `json:"postcodes"`
	// Areas are Find Job's areas, by code.
	Areas []Option `json:"areas"`
}

// City is the postcode's name, "" when unknown.
func (p JoblogPlaces) City(postcode string) string { return p.Postcodes[postcode] }

// PostcodeOf is the postcode of a city's name, "" when no postcode or
// more than one has the name (København K has many): then the citizen
// types the postcode.
func (p JoblogPlaces) PostcodeOf(city string) string {
	city = strings.TrimSpace(city)
	found := ""
	for code, name := range p.Postcodes {
		if strings.EqualFold(name, city) {
			if found != "" {
				return ""
			}
			found = code
		}
	}
	return found
}

// AreaName is the name of an area, "" when unknown.
func (p JoblogPlaces) AreaName(code string) string {
	for _, a := range p.Areas {
		if a.Value == code {
			return a.Label
		}
	}
	return ""
}

// DefaultDeadline is the ansøgningsfrist of a log saved without one.
func DefaultDeadline(today Date) Date { return today.AddDays(JoblogDefaultDeadlineDays) }

// Normalized is the input as it is stored: the text trimmed, the fields of
// the other kind dropped, the defaults set (status Ikke søgt, country
// Danmark, deadline today + 5 days when none was picked), the city from the
// postcode and the postcode from a city's unique name.
func (in JoblogInput) Normalized(today Date, places JoblogPlaces) JoblogInput {
	trim := func(s *string) { *s = strings.TrimSpace(*s) }
	for _, s := range []*string{&in.Title, &in.Company, &in.Address, &in.Contact, &in.Country, &in.Postcode, &in.City,
		&in.Area, &in.FoundVia, &in.ApplyVia, &in.Place, &in.Description} {
		trim(s)
	}
	if in.Kind == JoblogActivity {
		return JoblogInput{Kind: in.Kind, Title: in.Title, Date: in.Date, Place: in.Place, Description: in.Description, Closed: in.Closed}
	}
	in.Date, in.Place, in.Description = nil, "", ""
	if in.WorkingTime != PartTimeJob {
		in.WeeklyHours = nil
	}
	if in.Deadline == nil {
		d := DefaultDeadline(today)
		in.Deadline = &d
	}
	if in.Status == "" {
		in.Status = JoblogNotApplied
	}
	if in.Country == "" {
		in.Country = JoblogCountryDenmark
	}
	if !strings.EqualFold(in.Country, JoblogCountryDenmark) {
		in.Postcode, in.City, in.PlaceUnknown, in.Area = "", "", false, ""
		return in
	}
	in.Country = JoblogCountryDenmark
	if in.PlaceUnknown {
		in.Postcode, in.City = "", ""
		return in
	}
	in.Area = ""
	if in.Postcode == "" && in.City != "" {
		in.Postcode = places.PostcodeOf(in.City)
	}
	if city := places.City(in.Postcode); city != "" {
		in.City = city
	}
	return in
}

// Check judges a normalized input (Normalized) as the browser and the
// server both do: the tags, then the rules of the sources — a title;
// Fuldtid or Deltid, Deltid with its weekly hours; in Danmark a known
// postcode or, with "Postnummer/by ikke kendt", an area; a status and both
// "Hvordan" answers from their lists. An activity needs what and when.
func (in JoblogInput) Check(places JoblogPlaces) error {
	c, err := checking(in)
	if err != nil {
		return err
	}
	field := c.add
	switch in.Kind {
	case JoblogActivity:
		if in.Title == "" {
			field(FieldJoblogTitle, "Skriv, hvad aktiviteten var.")
		}
		if in.Date == nil {
			field(FieldJoblogDate, "Vælg datoen for aktiviteten.")
		}
	case JoblogJob:
		if in.Title == "" {
			field(FieldJoblogTitle, "Skriv stillingen eller arbejdsområdet.")
		}
		switch {
		case in.WorkingTime == "":
			field(FieldJoblogWorkingTime, "Vælg fuldtid eller deltid.")
		case in.WorkingTime == PartTimeJob && in.WeeklyHours == nil:
			// 003: "Vælges Deltid valideres på, om et Ugentligt timeantal er angivet."
			field(FieldJoblogWeeklyHours, "Skriv det ugentlige timeantal, når jobbet er på deltid.")
		}
		if in.Company == "" {
			field(FieldJoblogCompany, "Skriv virksomhedens navn.")
		}
		if in.Country == JoblogCountryDenmark {
			switch {
			case in.PlaceUnknown && places.AreaName(in.Area) == "":
				field(FieldJoblogArea, "Vælg et område, når du ikke kender postnummer og by.")
			case !in.PlaceUnknown && in.Postcode == "" && in.City != "":
				field(FieldJoblogPostcode, "Skriv postnummeret. Vælg \"Postnummer/by ikke kendt\", hvis du ikke kender det.")
			case !in.PlaceUnknown && in.Postcode == "":
				field(FieldJoblogPostcode, "Skriv postnummer eller by. Vælg \"Postnummer/by ikke kendt\", hvis du ikke kender dem.")
			case !in.PlaceUnknown && places.City(in.Postcode) == "":
				field(FieldJoblogPostcode, "Postnummeret findes ikke. Vælg \"Postnummer/by ikke kendt\", hvis du ikke kender det.")
			}
		}
		if in.Status == "" {
			field(FieldJoblogStatus, "Vælg status.")
		}
		if !isOption(JoblogFoundViaOptions, in.FoundVia) {
			field(FieldJoblogFoundVia, "Vælg, hvordan du fandt jobbet.")
		}
		if !isOption(JoblogApplyViaOptions, in.ApplyVia) {
			field(FieldJoblogApplyVia, "Vælg, hvordan du søger jobbet.")
		}
	}
	return c.err()
}

func isOption(opts []Option, value string) bool {
	for _, o := range opts {
		if o.Value == value {
			return true
		}
	}
	return false
}

// Joblog is one stored log.
type Joblog struct {
	ID int64 `json:"id"`
	JoblogInput
	// AreaName is the area's name when the place is not known.
	AreaName string `json:"area_name,omitempty"`
	// Origin is the organisation whose case system sent the log; "" for
	// one made in Jobnet.
	Origin  string    `json:"origin,omitempty"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
	// Documents is how many documents the log has (the list's paperclip);
	// DocumentList are they, in the log's own answer only (joblog_docs.go).
	Documents    int              `json:"documents,omitempty"`
	DocumentList []JoblogDocument `json:"document_list,omitempty"`
}

// OriginText is "Oprettet af <organisation>", or "Oprettet i Jobnet".
func (l Joblog) OriginText() string {
	if l.Origin == "" {
		return "Oprettet i Jobnet"
	}
	return "Oprettet af " + l.Origin
}

// PlaceText is the workplace's place as one line: "2300 København S",
// the area, or the country abroad.
func (l Joblog) PlaceText() string {
	switch {
	case l.Kind == JoblogActivity:
		return l.Place
	case l.Country != "" && l.Country != JoblogCountryDenmark:
		return l.Country
	case l.PlaceUnknown:
		return l.AreaName
	}
	return strings.TrimSpace(l.Postcode + " " + l.City)
}

// JoblogQuery filters the list: free text over title, company and
// contact; last changed from and to (both days included); a status
// (JoblogStatus, "" for all); and whether afsluttede logs are shown.
type JoblogQuery struct {
	Q      string       `json:"q"`
	From   *Date        `json:"from,omitempty"`
	To     *Date        `json:"to,omitempty"`
	Status JoblogStatus `json:"status,omitempty"`
	Closed bool         `json:"closed,omitempty"`
}

// Query parameters of APIJoblogs.
const (
	paramJoblogQ      = "q"
	paramJoblogFrom   = "from"
	paramJoblogTo     = "to"
	paramJoblogStatus = "status"
	paramJoblogClosed = "closed"
)

// Params are the query's URL parameters.
func (q JoblogQuery) Params() map[string]string {
	p := map[string]string{}
	if q.Q != "" {
		p[paramJoblogQ] = q.Q
	}
	if q.From != nil {
		p[paramJoblogFrom] = q.From.String()
	}
	if q.To != nil {
		p[paramJoblogTo] = q.To.String()
	}
	if q.Status != "" {
		p[paramJoblogStatus] = string(q.Status)
	}
	if q.Closed {
		p[paramJoblogClosed] = "true"
	}
	return p
}

// ParseJoblogQuery reads the query's URL parameters (get is url.Values.Get).
func ParseJoblogQuery(get func(string) string) (JoblogQuery, error) {
	q := JoblogQuery{Q: strings.TrimSpace(get(paramJoblogQ)), Status: JoblogStatus(get(paramJoblogStatus))}
	e := &Error{Code: EInvalid, Message: defaultMessages[EInvalid]}
	date := func(name string) *Date {
		s := get(name)
		if s == "" {
			return nil
		}
		d, err := ParseDate(s)
		if err != nil {
			e.Fields = append(e.Fields, FieldError{Field: name, Message: "Skriv en gyldig dato."})
			return nil
		}
		return &d
	}
	q.From, q.To = date(paramJoblogFrom), date(paramJoblogTo)
	if q.Status != "" && !isOption(JoblogStatusOptions, string(q.Status)) {
		e.Fields = append(e.Fields, FieldError{Field: paramJoblogStatus, Message: "Ukendt status."})
	}
	if q.From != nil && q.To != nil && q.To.Before(*q.From) {
		e.Fields = append(e.Fields, FieldError{Field: paramJoblogTo, Message: "Til dato må ikke ligge før Fra dato."})
	}
	if len([]rune(q.Q)) > 200 {
		e.Fields = append(e.Fields, FieldError{Field: paramJoblogQ, Message: "Må højst være 200 tegn."})
	}
	q.Closed, _ = strconv.ParseBool(get(paramJoblogClosed))
	if len(e.Fields) > 0 {
		return q, e
	}
	return q, nil
}

// JoblogList is the list page: the logs the query finds, not afsluttede
// first, each part newest change first; and the counts of each status
// under the query's other filters ("Alle Logs (n)", "Ikke søgt (n)" …).
type JoblogList struct {
	Logs   []JoblogListItem `json:"logs"`
	Counts JoblogCounts     `json:"counts"`
}

// JoblogListItem is a log as the list and its map show it: only what they
// show, so the list does not carry (or read) every log whole.
type JoblogListItem struct {
	ID      int64        `json:"id"`
	Kind    JoblogKind   `json:"kind"`
	Title   string       `json:"title"`
	Company string       `json:"company,omitempty"`
	Status  JoblogStatus `json:"status,omitempty"`
	Closed  bool         `json:"closed,omitempty"`
	// Place is the workplace's (or activity's) place in one line, as
	// Joblog.PlaceText.
	Place string `json:"place,omitempty"`
	// Lat and Lon are the centre of the workplace's postcode, where the
	// map puts the log; nil for a log with only an area, abroad, or an
	// activity.
	Lat     *float64  `json:"lat,omitempty"`
	Lon     *float64  `json:"lon,omitempty"`
	Origin  string    `json:"origin,omitempty"`
	Updated time.Time `json:"updated"`
	// Documents is how many documents the log has: the list's paperclip.
	Documents int `json:"documents,omitempty"`
}

// OriginText is "Oprettet af <organisation>", or "Oprettet i Jobnet".
func (l JoblogListItem) OriginText() string { return Joblog{Origin: l.Origin}.OriginText() }

// ListItem is the log as the list shows it, without its position.
func (l Joblog) ListItem() JoblogListItem {
	return JoblogListItem{ID: l.ID, Kind: l.Kind, Title: l.Title, Company: l.Company, Status: l.Status, Closed: l.Closed,
		Place: l.PlaceText(), Origin: l.Origin, Updated: l.Updated, Documents: l.Documents}
}

// JoblogCounts are the counts of the status filter.
type JoblogCounts struct {
	All        int `json:"all"`
	NotApplied int `json:"ikke_soegt"`
	Applied    int `json:"soegt"`
	Interview  int `json:"samtale"`
}

// Of is the count of a status, All for "".
func (c JoblogCounts) Of(s JoblogStatus) int {
	switch s {
	case JoblogNotApplied:
		return c.NotApplied
	case JoblogApplied:
		return c.Applied
	case JoblogInterview:
		return c.Interview
	}
	return c.All
}

// JoblogStatusChange is the list's quick change of a log's status.
type JoblogStatusChange struct {
	Status JoblogStatus `json:"status" validate:"required,oneof=ikke_soegt soegt samtale"`
}

// JoblogTravel is the travel time by public transport from the citizen's
// home to a log's workplace [003 «Joblog»: "Rejsetid med offentlig
// transport"]: from the home postcode to the workplace postcode, arriving
// at 8:00 on the next weekday (server/journey). Known is false when
// Jobnet has no journey planner, the citizen no home postcode, the log no
// postcode (an area, abroad, an activity), or the planner did not answer:
// then the log's view shows no line at all.
type JoblogTravel struct {
	Known   bool   `json:"known"`
	Minutes int    `json:"minutes,omitempty"`
	From    string `json:"from,omitempty"` // "2300 København S"
	To      string `json:"to,omitempty"`
}

// Text is the line the log's view shows: "1 t 25 min fra 2300 København S".
func (t JoblogTravel) Text() string {
	h, m := t.Minutes/60, t.Minutes%60
	d := strconv.Itoa(m) + " min"
	switch {
	case h > 0 && m == 0:
		d = strconv.Itoa(h) + " t"
	case h > 0:
		d = strconv.Itoa(h) + " t " + d
	}
	return "Ca. " + d + " fra " + t.From
}

// ErrJoblogNotFound answers a log the citizen does not have.
func ErrJoblogNotFound() error { return Errorf(ENotFound, "Loggen findes ikke.") }

// ErrJoblogNoStatus refuses a status change on an activity, which has none.
func ErrJoblogNoStatus() error {
	return Errorf(EInvalid, "En log om anden aktivitet har ingen status.")
}

// JoblogForm is a log as typed: the numbers and dates as text, so that
// nothing typed is lost when a message shows.
type JoblogForm struct {
	Input       JoblogInput
	WeeklyHours string
	Deadline    string // YYYY-MM-DD, as the date field gives it; "" for none
	Date        string
}

// JoblogFormOf is the form of a stored log, for editing.
func JoblogFormOf(l Joblog) JoblogForm {
	f := JoblogForm{Input: l.JoblogInput}
	if l.WeeklyHours != nil {
		f.WeeklyHours = strconv.Itoa(*l.WeeklyHours)
	}
	if l.Deadline != nil {
		f.Deadline = l.Deadline.String()
	}
	if l.Date != nil {
		f.Date = l.Date.String()
	}
	return f
}

// Read is the input of the form, judged as the server will judge it
// (Normalized, then Check), with "Skriv et helt tal." or "Skriv en gyldig
// dato." at text that is not one. The input returned is as typed: the
// server sets the defaults.
func (f JoblogForm) Read(today Date, places JoblogPlaces) (JoblogInput, error) {
	in := f.Input
	var bad []FieldError
	if s := strings.TrimSpace(f.WeeklyHours); s != "" && in.WorkingTime == PartTimeJob {
		if n, err := strconv.Atoi(s); err != nil {
			bad = append(bad, FieldError{Field: FieldJoblogWeeklyHours, Message: "Skriv et helt tal."})
		} else {
			in.WeeklyHours = &n
		}
	} else {
		in.WeeklyHours = nil
	}
	date := func(field, s string) *Date {
		if s = strings.TrimSpace(s); s == "" {
			return nil
		}
		d, err := ParseDate(s)
		if err != nil {
			bad = append(bad, FieldError{Field: field, Message: "Skriv en gyldig dato."})
			return nil
		}
		return &d
	}
	in.Deadline, in.Date = date(FieldJoblogDeadline, f.Deadline), date(FieldJoblogDate, f.Date)
	return in, withFieldErrors(bad, in.Normalized(today, places).Check(places))
}

// JoblogFromAd is a new log filled from a Find Job ad ("Opret joblog"):
// the ad's title, employer, address and working time, found on Jobnet,
// status Ikke søgt, and the ad's deadline when it has a date; an ad whose
// deadline is "Snarest" or "Ikke oplyst" leaves it empty, so the log gets
// today + 5 days [003: case (a)].
func JoblogFromAd(a JobAdView) JoblogInput {
	in := JoblogInput{Kind: JoblogJob, Title: a.Title, WorkingTime: a.WorkingTime, Company: a.Employer.Name,
		Address: a.Employer.Address, Country: JoblogCountryDenmark, Postcode: a.Employer.Postcode, City: a.Town,
		Status: JoblogNotApplied, FoundVia: "jobnet"}
	if a.Employer.Postcode == "" && a.Employer.Country != "" {
		in.Country = a.Employer.Country
	}
	if a.WorkingTime == PartTimeJob && a.HoursPerWeek >= 1 {
		h := min(int(a.HoursPerWeek+0.5), JoblogMaxWeeklyHours)
		in.WeeklyHours = &h
	}
	if a.DeadlineKind == DeadlineDate && !a.Deadline.IsZero() {
		d := a.Deadline
		in.Deadline = &d
	}
	if len([]rune(in.Title)) > 200 {
		in.Title = string([]rune(in.Title)[:200])
	}
	return in
}
