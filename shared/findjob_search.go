package shared

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A Find Job search and its state in the URL (issue 10): the page's
// address says the whole search, so it can be shared and the back button
// works, and the public API takes the same query string. The state is
// versioned (v=1): a later version adds a case to ParseJobSearch, and
// links of every earlier version keep working.

// JobSearchVersion is the URL state's current version.
const JobSearchVersion = 1

// Page sizes and bounds of a search.
const (
	JobSearchPageSize = 20
	JobSearchMaxPage  = 500 // 10,000 ads into a result is far enough to page
	JobSearchMapMax   = 500 // "op til 500 job vises geografisk spredt på et kort"
	JobSearchMaxKm    = 200
	JobSearchMaxText  = 200 // characters of free text
	maxValues         = 100
)

// JobSearchTextError judges a search's free text (trimmed): its message,
// in English for Work in Denmark, or "" when it is good.
func JobSearchTextError(q string, english bool) string {
	n := utf8.RuneCountInString(q)
	if n <= JobSearchMaxText {
		return ""
	}
	if english {
		return fmt.Sprintf("The search text may be at most %d characters; it has %d.", JobSearchMaxText, n)
	}
	return fmt.Sprintf("Søgeteksten må højst være %d tegn. Den har %d.", JobSearchMaxText, n)
}

// JobSearch is one search: free text and the criteria of the filters, in
// the filters' order (Geografi, Arbejdsområde, Ansættelsesvilkår,
// Ansættelsens varighed, Arbejdstid). Within a criterion the values are
// alternatives (or); the criteria narrow each other (and).
type JobSearch struct {
	Q string
	// Geografi: areas, kommuner and abroad are alternatives; a postcode
	// narrows to the postcode, or with Km to a circle round its centre.
	Areas    []string
	Kommuner []string
	Abroad   bool
	Postcode string
	Km       int
	// Arbejdsområde: DISCO-08 codes of any level.
	Disco []string
	// Ansættelsesvilkår: Terms values, and Hotjob as one more alternative.
	Terms  []string
	Hotjob bool
	// Ansættelsens varighed.
	Durations []string
	// Arbejdstid: fuldtid, deltid; part-time hours between HoursMin and
	// HoursMax (0: no bound).
	WorkingTimes       []string
	HoursMin, HoursMax int
	Page               int  // from 1
	Map                bool // "Vis på kort"
	// WIDK is Work in Denmark's instance (FEATURES.md 1.2): English, only
	// its ads, fewer filters.
	WIDK bool
	// From is where Find Job was started from (FindJobOrigins), on the
	// link that started it; the search records it as "Find Job startet"
	// for a citizen.
	From string
}

// The URL parameters, Danish as Jobnet's addresses are.
const (
	paramVersion  = "v"
	paramQ        = "q"
	paramArea     = "omraade"
	paramKommune  = "kommune"
	paramAbroad   = "udland"
	paramPostcode = "postnr"
	paramKm       = "km"
	paramDisco    = "arbejdsomraade"
	paramTerms    = "vilkaar"
	paramHotjob   = "hotjob"
	paramDuration = "varighed"
	paramTime     = "arbejdstid"
	paramHoursMin = "timer_min"
	paramHoursMax = "timer_max"
	paramPage     = "side"
	paramView     = "visning"
	paramWIDK     = "WIDK" // as the sources spell it: "&WIDK=true"
	paramFrom     = "fra"
)

// ParseJobSearch reads a search from a URL's query. Values it does not
// know are errors at their parameter, so that the API answers a bad request
// with what is wrong; the page drops them instead (Normalize).
func ParseJobSearch(q url.Values) (JobSearch, error) {
	var s JobSearch
	var fields []FieldError
	bad := func(param, msg string) {
		if !slices.ContainsFunc(fields, func(f FieldError) bool { return f.Field == param }) {
			fields = append(fields, FieldError{Field: param, Message: msg})
		}
	}
	switch v := q.Get(paramVersion); v {
	case "", "1":
	default:
		bad(paramVersion, "Ukendt version af søgningen.")
	}
	s.WIDK = strings.EqualFold(q.Get(paramWIDK), "true")
	if from := q.Get(paramFrom); from != "" {
		if slices.Contains(FindJobOrigins, from) {
			s.From = from
		} else {
			bad(paramFrom, "Ukendt oprindelse.")
		}
	}
	s.Q = strings.TrimSpace(q.Get(paramQ))
	if msg := JobSearchTextError(s.Q, false); msg != "" {
		bad(paramQ, msg)
	}
	list := func(param string, ok func(string) bool) []string {
		var out []string
		for _, raw := range q[param] {
			for _, v := range strings.Split(raw, ",") {
				if v = strings.TrimSpace(v); v == "" || slices.Contains(out, v) {
					continue
				}
				if !ok(v) {
					bad(param, "Ukendt værdi: "+v+".")
					continue
				}
				out = append(out, v)
			}
		}
		if len(out) > maxValues {
			bad(param, "For mange værdier.")
			out = out[:maxValues]
		}
		return out
	}
	digits := func(n ...int) func(string) bool {
		return func(v string) bool {
			return slices.Contains(n, len(v)) && strings.Trim(v, "0123456789") == ""
		}
	}
	slug := func(v string) bool {
		return len(v) <= 60 && strings.Trim(v, "abcdefghijklmnopqrstuvwxyz0123456789-") == ""
	}
	in := func(opts []Option) func(string) bool {
		return func(v string) bool {
			return slices.ContainsFunc(opts, func(o Option) bool { return o.Value == v })
		}
	}
	s.Areas = list(paramArea, slug)
	s.Kommuner = list(paramKommune, digits(4))
	s.Disco = list(paramDisco, digits(1, 2, 3, 4, 6))
	s.Terms = list(paramTerms, in(TermsOptions))
	s.Durations = list(paramDuration, in(DurationOptions))
	s.WorkingTimes = list(paramTime, in(WorkingTimeOptions))
	flag := func(param string) bool {
		switch q.Get(param) {
		case "", "0", "false":
			return false
		case "1", "true":
			return true
		}
		bad(param, "Skal være 1 eller 0.")
		return false
	}
	s.Abroad, s.Hotjob = flag(paramAbroad), flag(paramHotjob)
	if p := q.Get(paramPostcode); p != "" {
		if !digits(4)(p) {
			bad(paramPostcode, "Et postnummer har 4 cifre.")
		} else {
			s.Postcode = p
		}
	}
	number := func(param string, lo, hi int) int {
		raw := q.Get(param)
		if raw == "" {
			return 0
		}
		n, err := strconv.Atoi(raw)
		if err != nil || n < lo || n > hi {
			bad(param, "Skal være et helt tal fra "+strconv.Itoa(lo)+" til "+strconv.Itoa(hi)+".")
			return 0
		}
		return n
	}
	s.Km = number(paramKm, 0, JobSearchMaxKm)
	s.HoursMin = number(paramHoursMin, 0, 37)
	s.HoursMax = number(paramHoursMax, 0, 37)
	if s.HoursMax != 0 && s.HoursMin > s.HoursMax {
		bad(paramHoursMin, "Mindste antal timer er større end højeste.")
	}
	s.Page = number(paramPage, 0, JobSearchMaxPage)
	switch q.Get(paramView) {
	case "", "liste":
	case "kort":
		s.Map = true
	default:
		bad(paramView, "Visningen er liste eller kort.")
	}
	if s.Km > 0 && s.Postcode == "" {
		bad(paramKm, "En afstand kræver et postnummer.")
	}
	if len(fields) > 0 {
		return s.Normalize(), &Error{Code: EInvalid, Message: "Søgningen kunne ikke læses.", Fields: fields}
	}
	return s.Normalize(), nil
}

// Normalize puts the search in its one form: WIDK's filters only in its
// instance (no Arbejdsområde, abroad or Ansættelsesvilkår; working time
// without hours), page 1 for 0, values sorted.
func (s JobSearch) Normalize() JobSearch {
	if s.WIDK {
		s.Disco, s.Abroad, s.Terms, s.Hotjob = nil, false, nil, false
		s.HoursMin, s.HoursMax = 0, 0
	}
	if s.Page < 1 {
		s.Page = 1
	}
	if s.Postcode == "" {
		s.Km = 0
	}
	for _, l := range [][]string{s.Areas, s.Kommuner, s.Disco, s.Terms, s.Durations, s.WorkingTimes} {
		slices.Sort(l)
	}
	return s
}

// Query is the search as URL parameters, in their one form: a search read
// back from its Query is the same search.
func (s JobSearch) Query() url.Values {
	s = s.Normalize()
	q := url.Values{}
	q.Set(paramVersion, strconv.Itoa(JobSearchVersion))
	set := func(param, v string) {
		if v != "" {
			q.Set(param, v)
		}
	}
	setList := func(param string, l []string) {
		if len(l) > 0 {
			q.Set(param, strings.Join(l, ","))
		}
	}
	setInt := func(param string, n int) {
		if n != 0 {
			q.Set(param, strconv.Itoa(n))
		}
	}
	setFlag := func(param string, b bool) {
		if b {
			q.Set(param, "1")
		}
	}
	set(paramQ, s.Q)
	setList(paramArea, s.Areas)
	setList(paramKommune, s.Kommuner)
	setFlag(paramAbroad, s.Abroad)
	set(paramPostcode, s.Postcode)
	setInt(paramKm, s.Km)
	setList(paramDisco, s.Disco)
	setList(paramTerms, s.Terms)
	setFlag(paramHotjob, s.Hotjob)
	setList(paramDuration, s.Durations)
	setList(paramTime, s.WorkingTimes)
	setInt(paramHoursMin, s.HoursMin)
	setInt(paramHoursMax, s.HoursMax)
	if s.Page > 1 {
		setInt(paramPage, s.Page)
	}
	if s.Map {
		q.Set(paramView, "kort")
	}
	if s.WIDK {
		q.Set(paramWIDK, "true")
	}
	set(paramFrom, s.From)
	return q
}

// Facet is one criterion's values with their counts. A value's count is
// the number of ads the search would find with that value chosen in
// place of the criterion's own choice: a criterion ignores itself, so
// choosing one area still shows the others' counts.
type Facet struct {
	Name   string       `json:"name"` // the URL parameter
	Values []FacetValue `json:"values"`
}

// FacetValue is one value of a criterion.
type FacetValue struct {
	Value    string `json:"value"`
	Label    string `json:"label"`
	Count    int    `json:"count"`
	Selected bool   `json:"selected"`
	// Parent is the value's parent in a hierarchy (Arbejdsområde), "" at
	// the top.
	Parent string `json:"parent,omitempty"`
}

// JobSearchResult is a page of the ads a search finds, their total and
// every criterion's counts.
type JobSearchResult struct {
	Total  int         `json:"total"`
	Page   int         `json:"page"`
	Pages  int         `json:"pages"`
	Ads    []JobAdView `json:"ads"`
	Facets []Facet     `json:"facets"`
	// WithoutPlace is, on the map, how many of the found ads have no
	// coordinates and are not drawn.
	WithoutPlace int `json:"without_place,omitempty"`
}

// Suggestion kinds, as the free text's suggestions are typed (FEATURES.md
// 1.1: "lande, postnumre, byer, stillingshieraki og stillinger").
const (
	SuggestOccupation = "stilling"
	SuggestAlias      = "alias"
	SuggestGroup      = "arbejdsomraade"
	SuggestTown       = "by"
	SuggestPostcode   = "postnummer"
	SuggestCountry    = "land"
)

// SuggestKinds are every kind, for the suggestions' kinds= parameter.
var SuggestKinds = []string{SuggestOccupation, SuggestAlias, SuggestGroup, SuggestTown, SuggestPostcode, SuggestCountry}

// Suggestion is one suggestion of the free text. What choosing it does is
// the kind's: an occupation or alias searches the occupation's title, a
// group chooses the Arbejdsområde, a postcode the postcode, a town
// searches its name and a country searches abroad.
type Suggestion struct {
	Kind  string `json:"kind"`
	Label string `json:"label"`
	Value string `json:"value"`
}

// Suggestions are the free text's suggestions for what was typed.
type Suggestions []Suggestion

// WorkInDenmarkCount is the public count of Work in Denmark's ads.
type WorkInDenmarkCount struct {
	Count int       `json:"count"`
	Until time.Time `json:"until"` // the count is kept until then
}

// APIDocument is the public API's OpenAPI document, as JSON.
type APIDocument []byte

// MarshalJSON writes the document as it is.
func (d APIDocument) MarshalJSON() ([]byte, error) { return d, nil }

// SuggestMinChars: suggestions start at the third character.
const SuggestMinChars = 3
