package taxonomy

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The data files. Each begins with exactly the header given where it is read.
const (
	versionsFile    = "versions.csv"
	discoFile       = "disco08.csv"
	occupationsFile = "occupations.csv"
	hotjobFile      = "hotjob_groups.csv"
	areasFile       = "areas.csv"
)

// A DataError says which rule a data file breaks, and where.
type DataError struct {
	File string // e.g. "occupations.csv"
	Line int    // from 1; 0 when the rule concerns the file as a whole
	Err  error
}

func (e *DataError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("taxonomy: %s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("taxonomy: %s line %d: %v", e.File, e.Line, e.Err)
}

func (e *DataError) Unwrap() error { return e.Err }

// readCSV reads the file name of fsys, checks its header and calls row for
// every record after it with the line the record starts on. A record with
// more or fewer fields than the header, a CSV syntax error and an error from
// row stop the reading as a *DataError at that line.
func readCSV(fsys fs.FS, name string, header []string, row func(line int, rec []string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return &DataError{File: name, Err: err}
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1 // counted below, to say how many fields a row lacks
	got, err := r.Read()
	if err == io.EOF {
		return &DataError{File: name, Line: 1, Err: errors.New("the file is empty; it needs at least its header")}
	}
	if err != nil {
		return csvError(name, err)
	}
	got[0] = strings.TrimPrefix(got[0], "\ufeff") // the byte order mark a spreadsheet may write
	if !slices.Equal(got, header) {
		return &DataError{File: name, Line: 1, Err: fmt.Errorf("the header is %q, want %q",
			strings.Join(got, ","), strings.Join(header, ","))}
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvError(name, err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(header) {
			return &DataError{File: name, Line: line, Err: fmt.Errorf("the row has %d fields, the header %d: %w",
				len(rec), len(header), csv.ErrFieldCount)}
		}
		if err := row(line, rec); err != nil {
			return &DataError{File: name, Line: line, Err: err}
		}
	}
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &DataError{File: name, Line: pe.StartLine, Err: pe.Err}
	}
	return &DataError{File: name, Err: err}
}

// readVersions reads the data releases, numbered 1, 2, 3, … in date order.
func (t *Taxonomy) readVersions(fsys fs.FS) error {
	var last time.Time
	err := readCSV(fsys, versionsFile, []string{"version", "released", "note"}, func(_ int, rec []string) error {
		v, err := positive("version", rec[0])
		if err != nil {
			return err
		}
		if v != t.version+1 {
			return fmt.Errorf("version %d follows version %d; releases are numbered 1, 2, 3, …", v, t.version)
		}
		released, err := time.Parse(time.DateOnly, rec[1])
		if err != nil {
			return fmt.Errorf("released %q is not a date YYYY-MM-DD", rec[1])
		}
		if released.Before(last) {
			return fmt.Errorf("released %s is before the release before it", rec[1])
		}
		if _, err := text("note", rec[2]); err != nil {
			return err
		}
		t.version, last = v, released
		return nil
	})
	if err == nil && t.version == 0 {
		err = &DataError{File: versionsFile, Err: errors.New("there is no release")}
	}
	return err
}

// codeLength is the length of a DISCO-08 code at each level.
var codeLength = [...]int{1: 1, 2: 2, 3: 3, 4: 4, 5: 6}

// readDISCO reads the DISCO-08 hierarchy; a group comes after its parent.
func (t *Taxonomy) readDISCO(fsys fs.FS) error {
	t.groups = make(map[string]Group)
	return readCSV(fsys, discoFile, []string{"code", "level", "parent_code", "title_da"}, func(_ int, rec []string) error {
		g := Group{Code: rec[0], Parent: rec[2]}
		level, err := strconv.Atoi(rec[1])
		if err != nil || level < 1 || level > 5 {
			return fmt.Errorf("level %q is not 1 to 5", rec[1])
		}
		g.Level = level
		if !digits(g.Code, codeLength[level]) {
			return fmt.Errorf("code %q is not %d digits, as a code of level %d is", g.Code, codeLength[level], level)
		}
		if _, dup := t.groups[g.Code]; dup {
			return fmt.Errorf("code %s is already in the file", g.Code)
		}
		if level == 1 && g.Parent != "" {
			return fmt.Errorf("hovedgruppe %s has parent %q", g.Code, g.Parent)
		}
		if p, ok := t.groups[g.Parent]; level > 1 && (!ok || p.Level != level-1 || !strings.HasPrefix(g.Code, p.Code)) {
			return fmt.Errorf("parent %q of %s is not a group of level %d above it in the file", g.Parent, g.Code, level-1)
		}
		if g.Title, err = text("title_da", rec[3]); err != nil {
			return err
		}
		t.groups[g.Code] = g
		return nil
	})
}

// readOccupations reads the occupations, in ascending ID order, and checks
// them against the DISCO-08 groups and the releases read before.
func (t *Taxonomy) readOccupations(fsys fs.FS) error {
	t.byID = make(map[int]int)
	t.byName = make(map[string]int)
	lines := make(map[int]int) // ID → its line, for the checks after the last row
	header := []string{"id", "title", "disco", "aliases", "since", "discontinued_since", "replaced_by"}
	err := readCSV(fsys, occupationsFile, header, func(line int, rec []string) error {
		o, err := t.parseOccupation(rec)
		if err != nil {
			return err
		}
		if n := len(t.occupations); n > 0 && o.ID <= t.occupations[n-1].ID {
			return fmt.Errorf("id %d comes after id %d; rows are in ascending id order", o.ID, t.occupations[n-1].ID)
		}
		i := len(t.occupations)
		if !o.Discontinued() {
			for _, name := range append([]string{o.Title}, o.Aliases...) {
				if j, taken := t.byName[fold(name)]; taken {
					if j == i {
						return fmt.Errorf("%q names this occupation twice", name)
					}
					other := t.occupations[j]
					return fmt.Errorf("%q already names occupation %d %q on line %d", name, other.ID, other.Title, lines[other.ID])
				}
				t.byName[fold(name)] = i
			}
		}
		lines[o.ID] = line
		t.byID[o.ID] = i
		t.occupations = append(t.occupations, o)
		return nil
	})
	if err != nil {
		return err
	}
	for _, o := range t.occupations {
		if o.ReplacedBy == 0 {
			continue
		}
		if r, ok := t.Occupation(o.ReplacedBy); !ok || r.Discontinued() {
			return &DataError{File: occupationsFile, Line: lines[o.ID],
				Err: fmt.Errorf("replaced_by %d is not a live occupation", o.ReplacedBy)}
		}
	}
	covered := make(map[string]bool)
	for _, o := range t.occupations {
		if !o.Discontinued() {
			covered[o.DISCO[:4]] = true
		}
	}
	for _, g := range t.sortedGroups(4) {
		if !covered[g.Code] {
			return &DataError{File: occupationsFile,
				Err: fmt.Errorf("unit group %s %q has no live occupation", g.Code, g.Title)}
		}
	}
	return nil
}

// parseOccupation checks the fields of one row on their own.
func (t *Taxonomy) parseOccupation(rec []string) (Occupation, error) {
	var o Occupation
	var err error
	if o.ID, err = positive("id", rec[0]); err != nil {
		return o, err
	}
	if o.Title, err = text("title", rec[1]); err != nil {
		return o, err
	}
	if g, ok := t.groups[rec[2]]; !ok || g.Level != 5 {
		return o, fmt.Errorf("disco %q is not a 6-digit code in %s", rec[2], discoFile)
	}
	o.DISCO = rec[2]
	if rec[3] != "" {
		for _, a := range strings.Split(rec[3], "|") {
			if a, err = text("alias", a); err != nil {
				return o, err
			}
			o.Aliases = append(o.Aliases, a)
		}
	}
	if o.Since, err = t.release("since", rec[4]); err != nil {
		return o, err
	}
	if rec[5] != "" {
		if o.DiscontinuedSince, err = t.release("discontinued_since", rec[5]); err != nil {
			return o, err
		}
		if o.DiscontinuedSince <= o.Since {
			return o, fmt.Errorf("discontinued_since %d is not after since %d", o.DiscontinuedSince, o.Since)
		}
	}
	if rec[6] != "" {
		if !o.Discontinued() {
			return o, errors.New("replaced_by is set, but discontinued_since is not")
		}
		if o.ReplacedBy, err = positive("replaced_by", rec[6]); err != nil {
			return o, err
		}
		if o.ReplacedBy == o.ID {
			return o, errors.New("an occupation cannot replace itself")
		}
	}
	return o, nil
}

// readHotjob reads the hotjob-qualified unit groups.
func (t *Taxonomy) readHotjob(fsys fs.FS) error {
	t.hotjob = make(map[string]string)
	return readCSV(fsys, hotjobFile, []string{"unit_group", "reason"}, func(_ int, rec []string) error {
		if g, ok := t.groups[rec[0]]; !ok || g.Level != 4 {
			return fmt.Errorf("unit_group %q is not a 4-digit unit group in %s", rec[0], discoFile)
		}
		if _, dup := t.hotjob[rec[0]]; dup {
			return fmt.Errorf("unit group %s is already listed", rec[0])
		}
		reason, err := text("reason", rec[1])
		if err != nil {
			return err
		}
		t.hotjob[rec[0]] = reason
		return nil
	})
}

// readAreas reads the areas, one row per kommune. An area is a union of
// whole landsdele, and a kommune is in one area only.
func (t *Taxonomy) readAreas(fsys fs.FS) error {
	t.areaOf = make(map[string]int)
	byCode := make(map[string]int)       // area code → index in t.areas
	byName := make(map[string]string)    // area name → area code
	landsdele := make(map[string]string) // landsdel → area code
	header := []string{"area_code", "area_name", "landsdel", "kommune_code", "kommune_name"}
	err := readCSV(fsys, areasFile, header, func(_ int, rec []string) error {
		code := rec[0]
		if !slug(code) {
			return fmt.Errorf("area_code %q is not lower-case letters and digits joined by hyphens", code)
		}
		name, err := text("area_name", rec[1])
		if err != nil {
			return err
		}
		i, seen := byCode[code]
		switch {
		case seen && t.areas[i].Name != name:
			return fmt.Errorf("area %s is named %q, and %q above", code, name, t.areas[i].Name)
		case !seen && byName[name] != "":
			return fmt.Errorf("area name %q is already the name of area %s", name, byName[name])
		case !seen:
			i = len(t.areas)
			byCode[code], byName[name] = i, code
			t.areas = append(t.areas, Area{Code: code, Name: name})
		}
		landsdel, err := text("landsdel", rec[2])
		if err != nil {
			return err
		}
		if other, ok := landsdele[landsdel]; ok && other != code {
			return fmt.Errorf("landsdel %q is already in area %s", landsdel, other)
		}
		landsdele[landsdel] = code
		kommune := rec[3]
		if !digits(kommune, 4) {
			return fmt.Errorf("kommune_code %q is not 4 digits", kommune)
		}
		if j, dup := t.areaOf[kommune]; dup {
			return fmt.Errorf("kommune %s is already in area %s", kommune, t.areas[j].Code)
		}
		if _, err := text("kommune_name", rec[4]); err != nil {
			return err
		}
		t.areaOf[kommune] = i
		t.areas[i].Municipalities = append(t.areas[i].Municipalities, kommune)
		return nil
	})
	if err == nil && len(t.areas) == 0 {
		err = &DataError{File: areasFile, Err: errors.New("there is no area")}
	}
	return err
}

// sortedGroups returns the DISCO-08 groups of one level in code order.
func (t *Taxonomy) sortedGroups(level int) []Group {
	var out []Group
	for _, g := range t.groups {
		if g.Level == level {
			out = append(out, g)
		}
	}
	slices.SortFunc(out, func(a, b Group) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// release parses a reference to a data release in versions.csv.
func (t *Taxonomy) release(column, s string) (int, error) {
	v, err := positive(column, s)
	if err != nil {
		return 0, err
	}
	if v > t.version {
		return 0, fmt.Errorf("%s %d is not a release in %s (the last is %d)", column, v, versionsFile, t.version)
	}
	return v, nil
}

// text checks a required text field: not empty, no spaces around it.
func text(column, s string) (string, error) {
	if s == "" {
		return "", fmt.Errorf("%s is empty", column)
	}
	if strings.TrimSpace(s) != s {
		return "", fmt.Errorf("%s %q has spaces around it", column, s)
	}
	return s, nil
}

// positive parses a whole number above 0 written plainly ("7", not "07").
func positive(column, s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 || strconv.Itoa(n) != s {
		return 0, fmt.Errorf("%s %q is not a whole number above 0", column, s)
	}
	return n, nil
}

// digits reports whether s is n decimal digits.
func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// slug reports whether s is lower-case ASCII letters and digits in words
// joined by single hyphens, e.g. "hovedstaden-og-bornholm".
func slug(s string) bool {
	for _, w := range strings.Split(s, "-") {
		if w == "" {
			return false
		}
		for _, c := range []byte(w) {
			if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
}
