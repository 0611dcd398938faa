package shared

import (
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Job agents (issue 11; FEATURES.md 1.1–1.2): a Find Job search mailed
// daily or weekly with the ads new since the last mail. A citizen's
// agents are listed on Find Job; anyone — Work in Denmark's visitors, and
// Jobnet's without a login — may make one too, confirmed by a link in a
// mail before it sends anything. Every mail has an unsubscribe link that
// needs no login.

// The frequencies, as Jobnet says them ("dagligt eller ugentligt").
const (
	JobAgentDaily  = "daglig"
	JobAgentWeekly = "ugentlig"
)

// Bounds of job agents.
const (
	// JobAgentMaxPerCitizen: a citizen's agents.
	JobAgentMaxPerCitizen = 10
	// JobAgentMaxPerEmail: the anonymous agents of one address, confirmed
	// or not, so that the form cannot be used to flood an address.
	JobAgentMaxPerEmail = 5
	// JobAgentMaxAds: the ads one mail lists; "see all" opens the rest.
	JobAgentMaxAds = 20
	maxAgentName   = 100
	maxEmail       = 254
)

// JobAgentInput makes an agent: its name, the search as Find Job's
// address query (JobSearch.Query), how often, and where to. A citizen's
// agent may leave Email empty only when a profile address exists — none
// does yet, so it is required.
type JobAgentInput struct {
	Name      string `json:"name"`
	Search    string `json:"search"`
	Frequency string `json:"frequency"`
	Email     string `json:"email"`
}

// JobAgent is one agent as its owner (and a caseworker mirroring them,
// 000_…txt 4.2) sees it.
type JobAgent struct {
	ID        int64      `json:"id"`
	Name      string     `json:"name"`
	Search    string     `json:"search"` // the canonical query of the search
	Frequency string     `json:"frequency"`
	Email     string     `json:"email"`
	Created   time.Time  `json:"created"`
	LastRun   *time.Time `json:"last_run,omitempty"`
}

// JobAgents are a citizen's agents, oldest first.
type JobAgents struct {
	Agents []JobAgent `json:"agents"`
	Max    int        `json:"max"`
}

// JobAgentCreated answers the making of an agent: a citizen's is listed at
// once; an anonymous one waits for its confirmation link (Confirm).
type JobAgentCreated struct {
	Confirm bool      `json:"confirm"`
	Agents  JobAgents `json:"agents"`
}

// NoticePage is a small page the server answers a mail's link with (the
// confirmation and unsubscribe links): a title and a sentence, in the
// agent's language, with an HTTP status. A page that asks before it acts
// has a Button that posts to Action.
type NoticePage struct {
	Status int
	Lang   string
	Title  string
	Text   string
	Action string
	Button string
}

// A-kasse: the member's "søgeprofil" is seen whole (000_…txt 4.2); the
// notice pages are public.
func (JobAgents) akasseView()       {}
func (JobAgentCreated) akasseView() {}
func (NoticePage) akasseView()      {}
func (Unsubscribed) akasseView()    {}

// Unsubscribed answers the one-click unsubscribe (RFC 8058), which a
// mail system sends, not a person: no page.
type Unsubscribed struct {
	Unsubscribed bool `json:"unsubscribed"`
}

// JobAgentPath is the path of one agent of the citizen's.
func JobAgentPath(id int64) string { return APIJobAgents + "/" + strconv.FormatInt(id, 10) }

// Check judges the input — in English when the search is Work in
// Denmark's — and gives the search it names in its one form: the first
// page of the list, with no origin.
func (in JobAgentInput) Check() (JobSearch, error) {
	var en bool
	t := func(da, eng string) string {
		if en {
			return eng
		}
		return da
	}
	var fields []FieldError
	bad := func(field, da, eng string) { fields = append(fields, FieldError{Field: field, Message: t(da, eng)}) }
	var q JobSearch
	values, err := url.ParseQuery(in.Search)
	if err == nil {
		q, err = ParseJobSearch(values)
	}
	en = q.WIDK
	name := strings.TrimSpace(in.Name)
	switch {
	case name == "":
		bad("name", "Skriv et navn til jobagenten.", "Give the job agent a name.")
	case utf8.RuneCountInString(name) > maxAgentName:
		bad("name", "Navnet må højst være "+strconv.Itoa(maxAgentName)+" tegn.", "The name can have at most "+strconv.Itoa(maxAgentName)+" characters.")
	}
	if err != nil {
		bad("search", "Søgningen kunne ikke læses.", "The search could not be read.")
	}
	q.Page, q.Map, q.From = 1, false, ""
	if in.Frequency != JobAgentDaily && in.Frequency != JobAgentWeekly {
		bad("frequency", "Vælg dagligt eller ugentligt.", "Choose daily or weekly.")
	}
	if msg := checkEmail(in.Email, en); msg != "" {
		fields = append(fields, FieldError{Field: "email", Message: msg})
	}
	if len(fields) > 0 {
		return q, &Error{Code: EInvalid, Message: t("Jobagenten kunne ikke oprettes.", "The job agent could not be created."), Fields: fields}
	}
	return q.Normalize(), nil
}

// checkEmail is the message for an address that cannot be one, or "".
func checkEmail(email string, en bool) string {
	a, err := mail.ParseAddress(email)
	switch {
	case strings.TrimSpace(email) == "":
		if en {
			return "Enter your e-mail address."
		}
		return "Skriv din e-mailadresse."
	case err != nil || a.Address != strings.TrimSpace(email) || len(email) > maxEmail || !strings.Contains(email[strings.LastIndex(email, "@"):], "."):
		if en {
			return "Enter an e-mail address like name@example.com."
		}
		return "Skriv en e-mailadresse som navn@eksempel.dk."
	}
	return ""
}

// JobAgentName is a readable name of a search, the form's default: the
// free text and the place, or "Alle job".
func JobAgentName(q JobSearch) string {
	var parts []string
	if q.Q != "" {
		parts = append(parts, q.Q)
	}
	if q.Postcode != "" {
		p := q.Postcode
		if q.Km > 0 {
			p = strconv.Itoa(q.Km) + " km fra " + p
			if q.WIDK {
				p = strconv.Itoa(q.Km) + " km from " + q.Postcode
			}
		}
		parts = append(parts, p)
	}
	n := len(q.Areas) + len(q.Kommuner) + len(q.Disco) + len(q.Terms) + len(q.Durations) + len(q.WorkingTimes)
	if q.Abroad {
		n++
	}
	if q.Hotjob {
		n++
	}
	if len(parts) == 0 && n == 0 {
		if q.WIDK {
			return "All jobs"
		}
		return "Alle job"
	}
	if n > 0 {
		if q.WIDK {
			parts = append(parts, strconv.Itoa(n)+" filters")
		} else {
			parts = append(parts, strconv.Itoa(n)+" filtre")
		}
	}
	s := strings.Join(parts, ", ")
	if utf8.RuneCountInString(s) > maxAgentName {
		s = string([]rune(s)[:maxAgentName])
	}
	return s
}
