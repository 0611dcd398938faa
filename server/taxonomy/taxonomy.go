package taxonomy

import (
	"embed"
	"io/fs"
	"maps"
	"slices"
	"strings"
)

//go:embed data/*.csv
var embedded embed.FS

// Occupation is a stillingsbetegnelse: what a citizen "søger job som" and
// what an ad is posted on.
type Occupation struct {
	ID    int
	Title string
	// DISCO is the occupation's 6-digit DISCO-08 code.
	DISCO string
	// Aliases are other names for the same occupation; choosing one chooses
	// the occupation ("Vælger borger Fiskekok, så vælges implicit Kok").
	Aliases []string
	// Since is the data release that added the occupation.
	Since int
	// DiscontinuedSince is the data release from which the occupation is
	// udgået; 0 while it is live.
	DiscontinuedSince int
	// ReplacedBy is the ID of the live occupation that replaces a
	// discontinued one; 0 when there is none.
	ReplacedBy int
}

// Discontinued reports whether the occupation is udgået.
func (o Occupation) Discontinued() bool { return o.DiscontinuedSince != 0 }

// Group is one node of the DISCO-08 hierarchy, from a hovedgruppe (level 1,
// one digit) to a stilling (level 5, six digits). A code begins with its
// parent's code.
type Group struct {
	Code   string
	Level  int
	Parent string // "" for a hovedgruppe
	Title  string
}

// Area is a geographic area of Find Job's "Geografi" filter.
type Area struct {
	Code string // stable, URL-safe, e.g. "hovedstaden-og-bornholm"
	Name string // as shown, e.g. "Hovedstaden og Bornholm"
	// Municipalities are the 4-digit kommune codes in the area.
	Municipalities []string
}

// Taxonomy is one release of the data. It is not changed after Load and is
// safe for concurrent use. The slices it returns share its memory and must
// not be modified.
type Taxonomy struct {
	version     int
	occupations []Occupation      // ordered by ID
	byID        map[int]int       // ID → index in occupations
	byName      map[string]int    // folded title or alias of a live occupation → index in occupations
	groups      map[string]Group  // every DISCO-08 code
	sorted      []Group           // the groups by code, made once (Find Job's every search reads them)
	hotjob      map[string]string // hotjob-qualified unit group → reason
	areas       []Area
	areaOf      map[string]int // kommune code → index in areas
}

// Load reads the data embedded in the binary.
func Load() (*Taxonomy, error) {
	data, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, err
	}
	return LoadFS(data)
}

// LoadFS reads the data files from the top of fsys; tests use it for data
// of their own. Every broken rule is a *DataError naming the file and line.
func LoadFS(fsys fs.FS) (*Taxonomy, error) {
	t := &Taxonomy{}
	steps := []func(fs.FS) error{
		t.readVersions,
		t.readDISCO,
		t.readOccupations,
		t.readHotjob,
		t.readAreas,
	}
	for _, step := range steps {
		if err := step(fsys); err != nil {
			return nil, err
		}
	}
	for _, g := range t.groups {
		t.sorted = append(t.sorted, g)
	}
	slices.SortFunc(t.sorted, func(a, b Group) int { return strings.Compare(a.Code, b.Code) })
	return t, nil
}

// Version is the data release, the last row of versions.csv.
func (t *Taxonomy) Version() int { return t.version }

// Occupations are all occupations, discontinued ones included, by ID.
func (t *Taxonomy) Occupations() []Occupation { return t.occupations }

// Occupation finds an occupation by ID, discontinued or not, so that a
// citizen's earlier choice can still be shown.
func (t *Taxonomy) Occupation(id int) (Occupation, bool) {
	i, ok := t.byID[id]
	if !ok {
		return Occupation{}, false
	}
	return t.occupations[i], true
}

// Lookup finds the live occupation with the title or alias name, compared
// without regard to case or repeated spaces.
func (t *Taxonomy) Lookup(name string) (Occupation, bool) {
	i, ok := t.byName[fold(name)]
	if !ok {
		return Occupation{}, false
	}
	return t.occupations[i], true
}

// ByDISCO returns the live occupations at or under a DISCO-08 code of any
// level (e.g. "5120" or "512000"), by ID; nil for an unknown code.
func (t *Taxonomy) ByDISCO(code string) []Occupation {
	if _, ok := t.groups[code]; !ok {
		return nil
	}
	var out []Occupation
	for _, o := range t.occupations {
		if !o.Discontinued() && strings.HasPrefix(o.DISCO, code) {
			out = append(out, o)
		}
	}
	return out
}

// Groups are every DISCO-08 group, ordered by code.
func (t *Taxonomy) Groups() []Group {
	return slices.Clone(t.sorted)
}

// Group finds a DISCO-08 group by its code.
func (t *Taxonomy) Group(code string) (Group, bool) {
	g, ok := t.groups[code]
	return g, ok
}

// Path returns the groups from the hovedgruppe down to code itself — the
// trail of Find Job's "Arbejdsområde" — or nil for an unknown code.
func (t *Taxonomy) Path(code string) []Group {
	var path []Group
	for code != "" {
		g, ok := t.groups[code]
		if !ok {
			return nil
		}
		path = append(path, g)
		code = g.Parent
	}
	slices.Reverse(path)
	return path
}

// HotjobQualified reports whether ads on a DISCO-08 code (the unit group or
// any 6-digit code in it) are hotjoblignende: STAR's IsHotjobQualified for
// the occupation group [003 «Automatch»].
func (t *Taxonomy) HotjobQualified(disco string) bool {
	g, ok := t.groups[disco]
	if !ok || g.Level < 4 {
		return false
	}
	_, qualified := t.hotjob[disco[:4]]
	return qualified
}

// HotjobGroups are the hotjob-qualified unit groups, sorted.
func (t *Taxonomy) HotjobGroups() []string {
	return slices.Sorted(maps.Keys(t.hotjob))
}

// Areas are the areas in the order the filter shows them.
func (t *Taxonomy) Areas() []Area { return t.areas }

// AreaOf finds the area of a kommune by its 4-digit code.
func (t *Taxonomy) AreaOf(kommune string) (Area, bool) {
	i, ok := t.areaOf[kommune]
	if !ok {
		return Area{}, false
	}
	return t.areas[i], true
}

// fold is the form in which titles and aliases are compared: lower case,
// spaces trimmed and runs of spaces made one.
func fold(name string) string {
	return strings.ToLower(strings.Join(strings.Fields(name), " "))
}
