package taxonomy_test

import (
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"jobnet/server/taxonomy"
)

// mustLoad loads the embedded data.
func mustLoad(t *testing.T) *taxonomy.Taxonomy {
	t.Helper()
	tx, err := taxonomy.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return tx
}

// loadTestdata loads the small data set in testdata/minimal with some of its
// files replaced: overrides maps a data file name to a file under testdata.
func loadTestdata(t *testing.T, overrides map[string]string) (*taxonomy.Taxonomy, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{"versions.csv", "disco08.csv", "occupations.csv", "hotjob_groups.csv", "areas.csv"} {
		path := filepath.Join("testdata", "minimal", name)
		if o, ok := overrides[name]; ok {
			path = filepath.Join("testdata", o)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return taxonomy.LoadFS(fsys)
}

// readRecords reads a CSV file of this package's own, header included.
func readRecords(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestLoad(t *testing.T) {
	tx := mustLoad(t)
	if tx.Version() != 1 {
		t.Errorf("Version = %d, want 1", tx.Version())
	}
	var live, aliases int
	for _, o := range tx.Occupations() {
		if !o.Discontinued() {
			live++
		}
		aliases += len(o.Aliases)
	}
	if live < 600 {
		t.Errorf("%d live occupations, want at least 600", live)
	}
	if aliases < 300 {
		t.Errorf("%d aliases, want at least 300", aliases)
	}
}

// Every unit group of DISCO-08 has an occupation, read from the file itself
// rather than from the loader.
func TestEveryUnitGroupCovered(t *testing.T) {
	tx := mustLoad(t)
	var units int
	for _, rec := range readRecords(t, "data/disco08.csv")[1:] {
		if rec[1] != "4" {
			continue
		}
		units++
		if len(tx.ByDISCO(rec[0])) == 0 {
			t.Errorf("unit group %s %q has no occupation", rec[0], rec[3])
		}
	}
	if units != 429 {
		t.Errorf("%d unit groups in disco08.csv, want 429", units)
	}
}

// "En stillingsbetegnelse kan have et eller flere aliasser. Aliasserne
// peger altså på stillingsbetegnelsen" [003]: each title and alias names one
// live occupation, however it is capitalised.
func TestNamesNameOneOccupation(t *testing.T) {
	tx := mustLoad(t)
	owner := make(map[string]taxonomy.Occupation)
	for _, o := range tx.Occupations() {
		if o.Discontinued() {
			continue
		}
		for _, name := range append([]string{o.Title}, o.Aliases...) {
			key := strings.ToLower(strings.Join(strings.Fields(name), " "))
			if other, ok := owner[key]; ok {
				t.Errorf("%q names both %d %q and %d %q", name, other.ID, other.Title, o.ID, o.Title)
			}
			owner[key] = o
		}
	}
}

func TestLookup(t *testing.T) {
	tx := mustLoad(t)
	tests := []struct {
		name, want string // want "" when nothing is found
	}{
		{"Kok", "Kok"},
		{"Fiskekok", "Kok"}, // "Vælger borger Fiskekok, så vælges implicit Kok" [003]
		{"  fiskekok ", "Kok"},
		{"Kontorfunktionær", "Kontorassistent"}, // "Kontorassistent (kontorfunktionær)" [000]
		{"SOSU-hjælper", "Social- og sundhedshjælper"},
		{"Psykomotorisk terapeut", "Psykomotorisk terapeut"},
		{"Afspændingspædagog", "Psykomotorisk terapeut"},
		{"Kokkeelev", ""}, // a trainee is not an alias
		{"", ""},
		// The demo citizens' jobmål (server/demo/plans.go).
		{"Rørlægger", "Rørlægger"},
		{"Biblioteksassistent", "Biblioteksassistent"},
		{"Account manager", "Account manager"},
		{"Social- og sundhedsassistent", "Social- og sundhedsassistent"},
		{"Rengøringsassistent", "Rengøringsassistent"},
		{"Sekretær", "Sekretær"},
		{"Arkæolog", "Arkæolog"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, ok := tx.Lookup(tt.name)
			if ok != (tt.want != "") || o.Title != tt.want {
				t.Errorf("Lookup(%q) = %q, %v; want %q", tt.name, o.Title, ok, tt.want)
			}
		})
	}
}

func TestKokHasAliasFiskekok(t *testing.T) {
	tx := mustLoad(t)
	kok, ok := tx.Lookup("Kok")
	if !ok {
		t.Fatal("no occupation Kok")
	}
	if !slices.Contains(kok.Aliases, "Fiskekok") {
		t.Errorf("Kok has aliases %q, want Fiskekok among them", kok.Aliases)
	}
	if kok.DISCO != "512000" {
		t.Errorf("Kok has DISCO %s, want 512000", kok.DISCO)
	}
	byID, ok := tx.Occupation(kok.ID)
	if !ok || byID.Title != "Kok" {
		t.Errorf("Occupation(%d) = %q, %v; want Kok", kok.ID, byID.Title, ok)
	}
	if !slices.ContainsFunc(tx.ByDISCO("5120"), func(o taxonomy.Occupation) bool { return o.ID == kok.ID }) {
		t.Error("ByDISCO(5120) does not list Kok")
	}
}

func TestPath(t *testing.T) {
	tx := mustLoad(t)
	tests := []struct {
		code string
		want []string
	}{
		{"512000", []string{"5", "51", "512", "5120", "512000"}},
		{"0110", []string{"0", "01", "011", "0110"}},
		{"2", []string{"2"}},
		{"512001", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			var got []string
			for _, g := range tx.Path(tt.code) {
				got = append(got, g.Code)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Path(%q) = %q, want %q", tt.code, got, tt.want)
			}
		})
	}
	if g, _ := tx.Group("5120"); g.Title != "Kokkearbejde (ekskl. køkkenchefarbejde)" || g.Level != 4 {
		t.Errorf("Group(5120) = %+v", g)
	}
}

func TestHotjobQualified(t *testing.T) {
	tx := mustLoad(t)
	tests := []struct {
		disco string
		want  bool
	}{
		{"941210", true},  // Køkkenmedhjælper
		{"9412", true},    // the unit group itself
		{"933410", true},  // Lagermedarbejder
		{"911210", true},  // Rengøringsassistent
		{"523000", true},  // Kassemedarbejder
		{"512000", false}, // Kok
		{"222110", false}, // Sygeplejerske
		{"833110", false}, // Buschauffør
		{"94", false},     // above the unit groups
		{"941299", false}, // no such code
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.disco, func(t *testing.T) {
			if got := tx.HotjobQualified(tt.disco); got != tt.want {
				t.Errorf("HotjobQualified(%q) = %v, want %v", tt.disco, got, tt.want)
			}
		})
	}
}

func TestAreas(t *testing.T) {
	tx := mustLoad(t)
	var names []string
	for _, a := range tx.Areas() {
		names = append(names, a.Name)
	}
	want := []string{"Hovedstaden og Bornholm", "Øvrige Sjælland", "Fyn", "Sydjylland", "Østjylland", "Vestjylland", "Nordjylland"}
	if !slices.Equal(names, want) {
		t.Errorf("areas %q, want %q", names, want)
	}

	// Every kommune of the reference list is in exactly one area, no area
	// holds anything else, and an area lies within one region.
	type kommune struct{ name, region string }
	kommuner := make(map[string]kommune)
	for _, rec := range readRecords(t, "testdata/dk_municipalities.csv")[1:] {
		if rec[4] == "true" {
			kommuner[rec[0]] = kommune{rec[1], rec[3]}
		}
	}
	if len(kommuner) != 98 {
		t.Fatalf("%d kommuner in the reference list, want 98", len(kommuner))
	}
	seen := make(map[string]int)
	for _, a := range tx.Areas() {
		regions := make(map[string]bool)
		for _, k := range a.Municipalities {
			seen[k]++
			regions[kommuner[k].region] = true
			if _, ok := kommuner[k]; !ok {
				t.Errorf("area %s holds %s, which is not a kommune", a.Code, k)
			}
		}
		if len(regions) != 1 {
			t.Errorf("area %s lies in %d regions", a.Code, len(regions))
		}
	}
	for code, k := range kommuner {
		if seen[code] != 1 {
			t.Errorf("kommune %s %s is in %d areas, want 1", code, k.name, seen[code])
		}
		if a, ok := tx.AreaOf(code); !ok || !slices.Contains(a.Municipalities, code) {
			t.Errorf("AreaOf(%s) = %q, %v", code, a.Code, ok)
		}
	}
	if a, ok := tx.AreaOf("0400"); a.Name != "Hovedstaden og Bornholm" {
		t.Errorf("AreaOf(0400 Bornholm) = %q, %v; want Hovedstaden og Bornholm", a.Name, ok)
	}
	if _, ok := tx.AreaOf("0411"); ok {
		t.Error("Christiansø, not a kommune, is in an area")
	}
}

// A later release discontinues an occupation and names its replacement by
// data alone (testdata/discontinued: release 2 replaces Opvasker by
// Opvaskemedarbejder, which takes the old title as an alias).
func TestDiscontinued(t *testing.T) {
	before, err := loadTestdata(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if o, _ := before.Lookup("Opvasker"); o.ID != 4 || o.Discontinued() {
		t.Fatalf("release 1: Lookup(Opvasker) = %+v, want the live occupation 4", o)
	}

	tx, err := loadTestdata(t, map[string]string{
		"versions.csv":    "discontinued/versions.csv",
		"occupations.csv": "discontinued/occupations.csv",
	})
	if err != nil {
		t.Fatal(err)
	}
	if tx.Version() != 2 {
		t.Errorf("Version = %d, want 2", tx.Version())
	}
	old, ok := tx.Occupation(4)
	if !ok || old.Title != "Opvasker" || !old.Discontinued() || old.DiscontinuedSince != 2 || old.ReplacedBy != 5 {
		t.Errorf("Occupation(4) = %+v, %v; want Opvasker, discontinued since 2, replaced by 5", old, ok)
	}
	if o, _ := tx.Lookup("Opvasker"); o.ID != 5 {
		t.Errorf("Lookup(Opvasker) = %d %q, want the replacement 5", o.ID, o.Title)
	}
	var ids []int
	for _, o := range tx.ByDISCO("941210") {
		ids = append(ids, o.ID)
	}
	if !slices.Equal(ids, []int{3, 5}) {
		t.Errorf("ByDISCO(941210) = %v, want the live occupations [3 5]", ids)
	}
	if n := len(tx.Occupations()); n != 5 {
		t.Errorf("%d occupations, want all 5 including the discontinued one", n)
	}
}

// A broken data file is refused with the file and line that break a rule.
func TestBrokenData(t *testing.T) {
	release2 := "discontinued/versions.csv"
	tests := []struct {
		name      string
		overrides map[string]string // data file → file under testdata
		file      string
		line      int
		msg       string
	}{
		{"OK", nil, "", 0, ""},
		{"ErrFieldCount", map[string]string{"occupations.csv": "broken/occupations_fields.csv"},
			"occupations.csv", 3, "the row has 6 fields, the header 7"},
		{"ErrBareQuote", map[string]string{"occupations.csv": "broken/occupations_quote.csv"},
			"occupations.csv", 3, "bare \""},
		{"ErrHeader", map[string]string{"occupations.csv": "broken/occupations_header.csv"},
			"occupations.csv", 1, "the header is"},
		{"ErrDuplicateID", map[string]string{"occupations.csv": "broken/occupations_duplicate_id.csv"},
			"occupations.csv", 5, "id 3 comes after id 3"},
		{"ErrDuplicateTitle", map[string]string{"occupations.csv": "broken/occupations_duplicate_title.csv"},
			"occupations.csv", 5, `"kok" already names occupation 1 "Kok" on line 2`},
		{"ErrAliasIsTitle", map[string]string{"occupations.csv": "broken/occupations_alias_is_title.csv"},
			"occupations.csv", 4, `"Kok" already names occupation 1 "Kok"`},
		{"ErrAliasTwice", map[string]string{"occupations.csv": "broken/occupations_alias_twice.csv"},
			"occupations.csv", 5, `"Fiskekok" already names occupation 1 "Kok"`},
		{"ErrAliasEmpty", map[string]string{"occupations.csv": "broken/occupations_alias_empty.csv"},
			"occupations.csv", 2, "alias is empty"},
		{"ErrDISCOUnitGroup", map[string]string{"occupations.csv": "broken/occupations_disco_unit_group.csv"},
			"occupations.csv", 2, `disco "5120" is not a 6-digit code`},
		{"ErrDISCOUnknown", map[string]string{"occupations.csv": "broken/occupations_disco_unknown.csv"},
			"occupations.csv", 3, `disco "941290" is not a 6-digit code`},
		{"ErrUnitGroupUncovered", map[string]string{"occupations.csv": "broken/occupations_unit_group_uncovered.csv"},
			"occupations.csv", 0, "unit group 9412"},
		{"ErrReplacedByDiscontinued", map[string]string{"versions.csv": release2, "occupations.csv": "broken/occupations_replaced_by_discontinued.csv"},
			"occupations.csv", 3, "replaced_by 4 is not a live occupation"},
		{"ErrReplacedByUnknown", map[string]string{"versions.csv": release2, "occupations.csv": "broken/occupations_replaced_by_unknown.csv"},
			"occupations.csv", 3, "replaced_by 9 is not a live occupation"},
		{"ErrReplacedButLive", map[string]string{"occupations.csv": "broken/occupations_replaced_but_live.csv"},
			"occupations.csv", 3, "discontinued_since is not"},
		{"ErrUnknownRelease", map[string]string{"occupations.csv": "broken/occupations_discontinued_unknown_release.csv"},
			"occupations.csv", 3, "discontinued_since 3 is not a release"},
		{"ErrVersionGap", map[string]string{"versions.csv": "broken/versions_gap.csv"},
			"versions.csv", 3, "version 3 follows version 1"},
		{"ErrDISCOParent", map[string]string{"disco08.csv": "broken/disco_parent_missing.csv"},
			"disco08.csv", 4, `parent "512" of 5120`},
		{"ErrHotjobNotUnitGroup", map[string]string{"hotjob_groups.csv": "broken/hotjob_not_unit_group.csv"},
			"hotjob_groups.csv", 2, "not a 4-digit unit group"},
		{"ErrKommuneTwice", map[string]string{"areas.csv": "broken/areas_kommune_twice.csv"},
			"areas.csv", 4, "kommune 0461 is already in area fyn"},
		{"ErrLandsdelSplit", map[string]string{"areas.csv": "broken/areas_landsdel_split.csv"},
			"areas.csv", 3, `landsdel "Fyn" is already in area fyn`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadTestdata(t, tt.overrides)
			if tt.file == "" {
				if err != nil {
					t.Fatalf("LoadFS: %v", err)
				}
				return
			}
			var de *taxonomy.DataError
			if !errors.As(err, &de) {
				t.Fatalf("LoadFS error = %v, want a *DataError", err)
			}
			if de.File != tt.file || de.Line != tt.line || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("LoadFS error = %q (file %s, line %d); want file %s, line %d, saying %q",
					err, de.File, de.Line, tt.file, tt.line, tt.msg)
			}
		})
	}
}
