package shared

import (
	"cmp"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Find Job for a logged-in citizen (issue 11; FEATURES.md 1.1: "markere
// favoritjob, se hvilke job man har set/ikke set, oprette gemte
// søgninger, som efterfølgende let kan eksekveres igen og igen, fra en
// vilkårlig enhed"). All of it is stored on the server. This project's
// choices where the sources are silent:
//   - Seen = the citizen opened the ad in their own session: its page on
//     Jobnet, or an external ad's source from its teaser (FEATURES.md's
//     proposal). A caseworker's look marks nothing.
//   - A favourite whose ad is taken off Find Job stays on "Se gemte job",
//     marked "Udløbet", with the title, employer and place it had when
//     saved; the citizen removes it.
//   - A saved search is the search's criteria (its address without page,
//     view and origin) under a name; the default name is a summary of the
//     criteria (JobSearch.Summary). Work in Denmark's instance has no
//     "Gem søgning" (FEATURES.md 1.2).

// Bounds of what a citizen keeps.
const (
	MaxSavedSearches   = 25
	MaxSavedJobs       = 200
	MaxSearchNameChars = 100
	// MaxMarkedAds bounds one question for the marks of a list's ads (the
	// map shows up to JobSearchMapMax).
	MaxMarkedAds = JobSearchMapMax
)

// SavedJob is a favourite on "Se gemte job".
type SavedJob struct {
	AdID        int64     `json:"ad_id"`
	Title       string    `json:"title"`
	Employer    string    `json:"employer"`
	Place       string    `json:"place"`
	ExternalURL string    `json:"external_url,omitempty"`
	SavedAt     time.Time `json:"saved_at"`
	// Expired: the ad is no longer on Find Job ("Udløbet").
	Expired bool `json:"expired"`
}

// SavedJobs are "Se gemte job", the newest first.
type SavedJobs []SavedJob

// JobMarks are, of the ads asked about, the citizen's favourites and the
// ones the citizen has opened.
type JobMarks struct {
	Saved []int64 `json:"saved"`
	Seen  []int64 `json:"seen"`
}

// SavedSearch is a saved search: its name and its criteria as Find Job's
// address says them.
type SavedSearch struct {
	ID      int64     `json:"id"`
	Name    string    `json:"name"`
	Query   string    `json:"query"`
	Created time.Time `json:"created"`
}

// Href is Find Job's address that runs the search again.
func (s SavedSearch) Href(findJobPath string) string { return findJobPath + "?" + s.Query }

// SavedSearches are a citizen's saved searches, the oldest first.
type SavedSearches []SavedSearch

// SavedSearchInput is "Gem søgning": a name and the search's query string.
type SavedSearchInput struct {
	Name  string `json:"name" validate:"required,max=100"`
	Query string `json:"query" validate:"max=4000"`
}

// Check judges the input and returns it in its stored form: the name
// trimmed, the query in Find Job's one form without page, view and
// origin. A query Find Job cannot read, or one of Work in Denmark's
// instance, is refused at the query.
func (in SavedSearchInput) Check() (SavedSearchInput, error) {
	in.Name = strings.Join(strings.Fields(in.Name), " ")
	if err := Validate(in); err != nil {
		return in, err
	}
	values, err := url.ParseQuery(in.Query)
	var q JobSearch
	if err == nil {
		q, err = ParseJobSearch(values)
	}
	if err != nil || q.WIDK {
		return in, &Error{Code: EInvalid, Message: defaultMessages[EInvalid],
			Fields: []FieldError{{Field: "query", Message: "Søgningen kan ikke gemmes."}}}
	}
	in.Query = SavedSearchQuery(q)
	return in, nil
}

// SavedSearchQuery is the search as a saved search keeps it: the criteria
// only.
func SavedSearchQuery(q JobSearch) string {
	q.Page, q.Map, q.From = 1, false, ""
	return q.Query().Encode()
}

// ErrTooManySavedSearches refuses one more than MaxSavedSearches.
func ErrTooManySavedSearches() error {
	return &Error{Code: EInvalid, Message: defaultMessages[EInvalid], Fields: []FieldError{{Field: "name",
		Message: fmt.Sprintf("Du kan højst have %d gemte søgninger. Slet en, før du gemmer en ny.", MaxSavedSearches)}}}
}

// ErrSearchNameTaken refuses a second saved search with the same name.
func ErrSearchNameTaken(name string) error {
	return &Error{Code: EInvalid, Message: defaultMessages[EInvalid], Fields: []FieldError{{Field: "name",
		Message: "Du har allerede en gemt søgning med navnet \"" + name + "\". Vælg et andet navn."}}}
}

// ErrTooManySavedJobs refuses one more than MaxSavedJobs.
func ErrTooManySavedJobs() error {
	return Errorf(EInvalid, "Du kan højst gemme %d job. Fjern nogle under \"Se gemte job\", før du gemmer flere.", MaxSavedJobs)
}

// ErrSavedSearchNotFound answers a change to a saved search the citizen
// does not have.
func ErrSavedSearchNotFound() error { return Errorf(ENotFound, "Den gemte søgning findes ikke.") }

// Summary is the search's criteria in words, the default name of a saved
// search: "kok · 2300, 10 km · Fuldtid", or "Alle job" without criteria.
// label names a criterion's value (its URL parameter and value) as Find
// Job's filters do; nil, or "" from it, keeps the value.
func (s JobSearch) Summary(label func(param, value string) string) string {
	name := func(param, v string) string {
		if label != nil {
			if l := label(param, v); l != "" {
				return l
			}
		}
		return v
	}
	var parts []string
	if s.Q != "" {
		parts = append(parts, s.Q)
	}
	list := func(param string, values []string) {
		for _, v := range values {
			parts = append(parts, name(param, v))
		}
	}
	list(paramArea, s.Areas)
	list(paramKommune, s.Kommuner)
	if s.Abroad {
		parts = append(parts, "Udlandet")
	}
	if s.Postcode != "" {
		p := name(paramPostcode, s.Postcode)
		if s.Km > 0 {
			p += ", " + strconv.Itoa(s.Km) + " km"
		}
		parts = append(parts, p)
	}
	list(paramDisco, s.Disco)
	for _, v := range s.Terms {
		parts = append(parts, OptionLabel(TermsOptions, v))
	}
	if s.Hotjob {
		parts = append(parts, "Hotjob")
	}
	for _, v := range s.Durations {
		parts = append(parts, OptionLabel(DurationOptions, v))
	}
	for _, v := range s.WorkingTimes {
		parts = append(parts, OptionLabel(WorkingTimeOptions, v))
	}
	if s.HoursMin > 0 || s.HoursMax > 0 {
		parts = append(parts, fmt.Sprintf("%d–%d timer", s.HoursMin, cmp.Or(s.HoursMax, 37)))
	}
	if len(parts) == 0 {
		return "Alle job"
	}
	out := strings.Join(parts, " · ")
	if r := []rune(out); len(r) > MaxSearchNameChars {
		out = string(r[:MaxSearchNameChars-1]) + "…"
	}
	return out
}

// SavedSearchPath is APISavedSearch for one saved search.
func SavedSearchPath(id int64) string { return APISavedSearches + "/" + strconv.FormatInt(id, 10) }

// SavedJobPath is APISavedJob for one ad.
func SavedJobPath(adID int64) string { return APISavedJobs + "/" + strconv.FormatInt(adID, 10) }

// JobMarksPath is APIJobMarks for the ads.
func JobMarksPath(ids []int64) string {
	s := make([]string, len(ids))
	for i, id := range ids {
		s[i] = strconv.FormatInt(id, 10)
	}
	return APIJobMarks + "?ads=" + strings.Join(s, ",")
}
