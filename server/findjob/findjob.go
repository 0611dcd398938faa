// Package findjob is what Find Job knows beyond the database (issue 10):
// the reference data an ad is placed and described by when it arrives —
// its occupation's DISCO-08 code, the postcode's town, kommune, area and
// coordinates — and the text its search column is made of, with the parts
// of Danish compound words, so that a search for "medarbejder" finds a
// lagermedarbejder as one for "lager" does.
//
// Why PostgreSQL's own search and not a search engine: at Jobnet's volume
// (tens of thousands of live ads, a million in the benchmarks) a stored,
// weighted tsvector with a GIN index, pg_trgm for the suggestions and
// earthdistance for radius searches answer within the targets on one
// database (README, "Find Job"), with no second system to keep in step.
package findjob

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"

	"jobnet/server/geo"
	"jobnet/server/taxonomy"
	"jobnet/shared"
)

// Index is the reference data by key. It is built once and only read.
type Index struct {
	Tax       *taxonomy.Taxonomy
	postcodes map[string]geo.Postcode
	kommuner  map[string]geo.Kommune
	pcList    []geo.Postcode
	kList     []geo.Kommune
	// vocabulary: the words of the occupations' titles and aliases and of
	// DISCO-08's titles, folded, that are long enough to be a part of a
	// compound word.
	vocabulary map[string]bool
}

// minPart is the shortest word taken as a part of a compound: shorter ones
// ("is", "kok") would split words that are not compounds.
const minPart = 4

// Default is the index of the embedded data, built once for the process:
// the migrations, the API and the demo share it (it is only read).
var Default = sync.OnceValues(NewIndex)

// NewIndex builds the index from the embedded data; Default keeps one.
func NewIndex() (*Index, error) {
	tax, err := taxonomy.Load()
	if err != nil {
		return nil, err
	}
	pcs, err := geo.Postcodes()
	if err != nil {
		return nil, err
	}
	ks, err := geo.Kommuner()
	if err != nil {
		return nil, err
	}
	ix := &Index{Tax: tax, postcodes: map[string]geo.Postcode{}, kommuner: map[string]geo.Kommune{}, vocabulary: map[string]bool{},
		pcList: pcs, kList: ks}
	for _, p := range pcs {
		ix.postcodes[p.Code] = p
	}
	for _, k := range ks {
		ix.kommuner[k.Code] = k
	}
	add := func(text string) {
		for _, w := range words(text) {
			if len([]rune(w)) >= minPart {
				ix.vocabulary[w] = true
			}
		}
	}
	for _, o := range tax.Occupations() {
		add(o.Title)
		for _, a := range o.Aliases {
			add(a)
		}
	}
	for _, g := range tax.Groups() {
		add(g.Title)
	}
	return ix, nil
}

// Geo is every kommune and postcode.
func (ix *Index) Geo() ([]geo.Kommune, []geo.Postcode, error) { return ix.kList, ix.pcList, nil }

// Postcode finds a postcode.
func (ix *Index) Postcode(code string) (geo.Postcode, bool) {
	p, ok := ix.postcodes[code]
	return p, ok
}

// Kommune finds a kommune.
func (ix *Index) Kommune(code string) (geo.Kommune, bool) {
	k, ok := ix.kommuner[code]
	return k, ok
}

// Placed is an ad with what the search needs to know about it.
type Placed struct {
	Ad          shared.JobAd
	Occupation  taxonomy.Occupation
	Postcode    *geo.Postcode // nil abroad
	Kommune     *geo.Kommune
	Area        *taxonomy.Area
	SearchText  string
	Description string
}

// Place checks what the validators cannot (the occupation and the postcode
// exist, the dates and hours agree with their kinds) and places the ad.
// Every problem is a field error in Danish, as the validators' are.
func (ix *Index) Place(ad shared.JobAd) (Placed, error) {
	var fields []shared.FieldError
	bad := func(field, msg string) { fields = append(fields, shared.FieldError{Field: field, Message: msg}) }
	p := Placed{Ad: ad, Description: ad.Description}
	if o, ok := ix.Tax.Occupation(ad.OccupationID); !ok {
		bad("occupation_id", "Stillingsbetegnelsen findes ikke.")
	} else if o.Discontinued() {
		bad("occupation_id", "Stillingsbetegnelsen er udgået. Brug den, der erstatter den.")
	} else {
		p.Occupation = o
	}
	switch {
	case ad.Employer.Postcode != "":
		pc, ok := ix.postcodes[ad.Employer.Postcode]
		if !ok {
			bad("employer.postcode", "Postnummeret findes ikke.")
			break
		}
		k := ix.kommuner[pc.Kommune]
		p.Postcode, p.Kommune = &pc, &k
		if a, ok := ix.Tax.AreaOf(pc.Kommune); ok {
			p.Area = &a
		}
	case strings.TrimSpace(ad.Employer.Country) == "":
		bad("employer.postcode", "Angiv arbejdsstedets postnummer, eller landet for et job i udlandet.")
	}
	if (ad.DeadlineKind == shared.DeadlineDate) != !ad.Deadline.IsZero() {
		bad("deadline", "En ansøgningsfrist har en dato, når og kun når fristen er en dato.")
	}
	if (ad.StartKind == shared.StartDate) != !ad.Start.IsZero() {
		bad("start", "Tiltrædelse har en dato, når og kun når den er en dato.")
	}
	switch {
	case ad.HoursPerWeek > 0 && ad.WorkingTime != shared.PartTimeJob:
		bad("hours_per_week", "Timer om ugen angives kun for deltid.")
	case ad.HoursPerWeek*2 != math.Trunc(ad.HoursPerWeek*2):
		bad("hours_per_week", "Timer om ugen angives i hele eller halve timer.")
	}
	if len(fields) > 0 {
		return Placed{}, &shared.Error{Code: shared.EInvalid, Message: "Jobannoncen kunne ikke modtages.", Fields: fields}
	}
	p.SearchText = ix.searchText(p)
	return p, nil
}

// searchText is what an ad is found by beside its title and description:
// its occupation with aliases, its DISCO-08 unit group and code titles,
// the employer and the place, and the parts of the compound words of the
// title and occupation.
func (ix *Index) searchText(p Placed) string {
	var parts []string
	o := p.Occupation
	parts = append(parts, o.Title)
	parts = append(parts, o.Aliases...)
	for _, g := range ix.Tax.Path(o.DISCO) {
		if g.Level >= 4 {
			parts = append(parts, g.Title)
		}
	}
	parts = append(parts, p.Ad.Employer.Name)
	if p.Postcode != nil {
		parts = append(parts, p.Postcode.Name, p.Kommune.Name)
	} else {
		parts = append(parts, p.Ad.Employer.Country)
	}
	if p.Area != nil {
		parts = append(parts, p.Area.Name)
	}
	parts = append(parts, ix.compoundParts(p.Ad.Title+" "+o.Title+" "+strings.Join(o.Aliases, " "))...)
	return strings.Join(parts, " ")
}

// compoundParts are the known words that end a longer word of text:
// "lagermedarbejder" gives "medarbejder", "operationssygeplejerske" gives
// "sygeplejerske". The word's beginning needs no part of its own: the
// search matches words by their beginning.
func (ix *Index) compoundParts(text string) []string {
	var out []string
	for _, w := range words(text) {
		r := []rune(w)
		for i := 2; i <= len(r)-minPart; i++ {
			if tail := string(r[i:]); ix.vocabulary[tail] && !slices.Contains(out, tail) {
				out = append(out, tail)
				break // the longest known ending; its own parts follow from it
			}
		}
	}
	return out
}

// words splits text into folded words of letters.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
}
