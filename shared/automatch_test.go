package shared

import (
	"fmt"
	"reflect"
	"testing"
)

// aarhus is home in these tests: Aarhus C, 8000.
var aarhus = LatLon{Lat: 56.1567, Lon: 10.2108}

const (
	kok       = 101
	tjener    = 102
	lagerarb  = 103
	elsewhere = 999
)

// at is a point dkm north and ekm east of home.
func at(dkm, ekm float64) (*float64, *float64) {
	s := SquareAround(aarhus.Lat, aarhus.Lon, 1)
	lat := aarhus.Lat + dkm*(s.MaxLat-aarhus.Lat)
	lon := aarhus.Lon + ekm*(s.MaxLon-aarhus.Lon)
	return &lat, &lon
}

func facts(occupation int, mod func(*AutomatchFacts)) AutomatchFacts {
	lat, lon := at(10, 10)
	f := AutomatchFacts{Lat: lat, Lon: lon, OccupationID: occupation, Terms: TermsOrdinary, WorkingTime: FullTimeJob}
	if mod != nil {
		mod(&f)
	}
	return f
}

func TestAutomatchRule(t *testing.T) {
	home := aarhus
	ordinary := AutomatchProfile{Occupations: []int{kok, tjener}, Home: &home}
	fleks := AutomatchProfile{Occupations: []int{kok}, Home: &home, Fleksjob: true}
	text := func(f *AutomatchFacts) { f.TextMatch = true }
	hot := func(f *AutomatchFacts) { f.Hotjob = true }
	hotGroup := func(f *AutomatchFacts) { f.HotjobQualified = true }
	fleksjob := func(f *AutomatchFacts) { f.Terms = TermsFleksjob }
	partTime := func(f *AutomatchFacts) { f.WorkingTime = PartTimeJob }
	place := func(dkm, ekm float64) func(*AutomatchFacts) {
		return func(f *AutomatchFacts) { f.Lat, f.Lon = at(dkm, ekm) }
	}
	both := func(mods ...func(*AutomatchFacts)) func(*AutomatchFacts) {
		return func(f *AutomatchFacts) {
			for _, m := range mods {
				m(f)
			}
		}
	}
	tests := []struct {
		name    string
		profile AutomatchProfile
		facts   AutomatchFacts
		want    AutomatchRule // 0: no rule
	}{
		{"OwnOccupation", ordinary, facts(kok, nil), RuleOwnOccupation},
		{"SecondOccupation", ordinary, facts(tjener, nil), RuleOwnOccupation},
		{"OwnOccupationBeatsText", ordinary, facts(kok, text), RuleOwnOccupation},
		{"OwnOccupationBeatsHotjob", ordinary, facts(kok, hot), RuleOwnOccupation},
		{"Related", ordinary, facts(elsewhere, text), RuleRelated},
		{"RelatedBeatsHotjob", ordinary, facts(elsewhere, both(text, hot)), RuleRelated},
		{"Hotjob", ordinary, facts(elsewhere, hot), RuleOutside},
		{"HotjobQualifiedGroup", ordinary, facts(elsewhere, hotGroup), RuleOutside},
		{"ErrNoRule", ordinary, facts(elsewhere, nil), 0},
		// The square: 70 km to each edge, so 69 km east is in, 71 km is
		// out, and a corner 65 km north and 65 km east (92 km away) is in.
		{"EdgeInside", ordinary, facts(kok, place(0, 69)), RuleOwnOccupation},
		{"ErrEdgeOutside", ordinary, facts(kok, place(0, 71)), 0},
		{"ErrSouthOutside", ordinary, facts(kok, place(-71, 0)), 0},
		{"CornerInside", ordinary, facts(kok, place(65, 65)), RuleOwnOccupation},
		{"ErrNoCoordinate", ordinary, facts(kok, func(f *AutomatchFacts) { f.Lat, f.Lon = nil, nil }), 0},
		{"ErrNoHome", AutomatchProfile{Occupations: []int{kok}}, facts(kok, nil), 0},
		{"ErrNoOccupation", AutomatchProfile{Home: &home}, facts(elsewhere, hot), 0},

		// Fleksjobvisiterede: fleksjob of the occupation, fleksjob by free
		// text, part-time of the occupation; a hotjob is not a rule.
		{"FleksOwn", fleks, facts(kok, fleksjob), RuleOwnOccupation},
		{"FleksRelated", fleks, facts(elsewhere, both(fleksjob, text)), RuleRelated},
		{"FleksPartTime", fleks, facts(kok, partTime), RuleOutside},
		{"FleksOwnBeatsPartTime", fleks, facts(kok, both(fleksjob, partTime)), RuleOwnOccupation},
		{"ErrFleksOrdinaryOwn", fleks, facts(kok, nil), 0},
		{"ErrFleksOrdinaryText", fleks, facts(elsewhere, text), 0},
		{"ErrFleksHotjob", fleks, facts(elsewhere, both(hot, hotGroup)), 0},
		{"ErrFleksPartTimeElsewhere", fleks, facts(elsewhere, partTime), 0},
		{"ErrFleksOutside", fleks, facts(kok, both(fleksjob, place(80, 0))), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.profile.Rule(tt.facts)
			if ok != (tt.want != 0) || got != tt.want {
				t.Errorf("Rule = %d, %v; want %d", got, ok, tt.want)
			}
		})
	}
}

// candidates makes n ads of one kind, ids from first.
func candidates(first int64, n int, f AutomatchFacts) []AutomatchCandidate {
	out := make([]AutomatchCandidate, n)
	for i := range out {
		id := first + int64(i)
		out[i] = AutomatchCandidate{Ad: AutomatchAd{ID: id, Title: fmt.Sprint("ad ", id)}, Facts: f}
	}
	return out
}

func ids(g AutomatchGroup) []int64 {
	out := []int64{}
	for _, a := range g.Ads {
		out = append(out, a.ID)
	}
	return out
}

func TestAutomatchFill(t *testing.T) {
	home := aarhus
	p := AutomatchProfile{Occupations: []int{kok}, Home: &home}
	own, related, outside := facts(kok, nil), facts(elsewhere, func(f *AutomatchFacts) { f.TextMatch = true }),
		facts(elsewhere, func(f *AutomatchFacts) { f.Hotjob = true })
	type group struct {
		rule AutomatchRule
		ids  []int64
	}
	tests := []struct {
		name  string
		cands []AutomatchCandidate
		want  []group
	}{
		// "Kan der fyldes op med 10 jobopslag inden for første regel vises
		// kun de."
		{"TenOwnOnly", join(candidates(1, 12, own), candidates(100, 5, related), candidates(200, 5, outside)),
			[]group{{RuleOwnOccupation, []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}}}},
		// "Ellers fyldes op efter regel 2 og 3."
		{"FillFromTwoThenThree", join(candidates(1, 4, own), candidates(100, 3, related), candidates(200, 5, outside)),
			[]group{{RuleOwnOccupation, []int64{1, 2, 3, 4}}, {RuleRelated, []int64{100, 101, 102}}, {RuleOutside, []int64{200, 201, 202}}}},
		{"NoOwn", join(candidates(100, 2, related), candidates(200, 1, outside)),
			[]group{{RuleRelated, []int64{100, 101}}, {RuleOutside, []int64{200}}}},
		{"FewerThanTen", candidates(200, 3, outside), []group{{RuleOutside, []int64{200, 201, 202}}}},
		// The same ad found by two of storage's queries counts once, under
		// the first rule it meets.
		{"DuplicateOnce", join(candidates(1, 1, own), candidates(1, 1, own), candidates(2, 1, related)),
			[]group{{RuleOwnOccupation, []int64{1}}, {RuleRelated, []int64{2}}}},
		{"OutsideSquareLeftOut", join(candidates(1, 2, facts(kok, func(f *AutomatchFacts) { f.Lat, f.Lon = at(0, 90) })), candidates(5, 1, own)),
			[]group{{RuleOwnOccupation, []int64{5}}}},
		{"None", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := AutomatchOf(p, tt.cands)
			if !a.Active {
				t.Fatal("not active for a citizen with an occupation and a home")
			}
			var got []group
			for _, g := range a.Groups {
				got = append(got, group{g.Rule, ids(g)})
				if g.Heading != automatchHeadings[false][g.Rule] {
					t.Errorf("rule %d heading %q", g.Rule, g.Heading)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("groups %v, want %v", got, tt.want)
			}
			if a.Count() > AutomatchMax {
				t.Errorf("%d ads, at most %d", a.Count(), AutomatchMax)
			}
		})
	}
}

func TestAutomatchHeadings(t *testing.T) {
	home := aarhus
	p := AutomatchProfile{Occupations: []int{kok}, Home: &home, Fleksjob: true}
	a := AutomatchOf(p, join(candidates(1, 1, facts(kok, func(f *AutomatchFacts) { f.Terms = TermsFleksjob })),
		candidates(2, 1, facts(elsewhere, func(f *AutomatchFacts) { f.Terms, f.TextMatch = TermsFleksjob, true })),
		candidates(3, 1, facts(kok, func(f *AutomatchFacts) { f.WorkingTime = PartTimeJob }))))
	want := []string{
		"Fleksjob - der passer til de job, du har valgt under Jeg søger job som",
		"Fleksjob - der er beslægtede med de job, du har valgt under Jeg søger job som",
		"Deltidsjob - der passer til de job, du har valgt under Jeg søger job som",
	}
	var got []string
	for _, g := range a.Groups {
		got = append(got, g.Heading)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fleksjob headings %q", got)
	}
}

func join(parts ...[]AutomatchCandidate) []AutomatchCandidate {
	var out []AutomatchCandidate
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// TestAutomatchInactive: no occupation or no home, no automatch — not an
// empty one (001: nothing is shown).
func TestAutomatchInactive(t *testing.T) {
	home := aarhus
	for name, p := range map[string]AutomatchProfile{
		"NoHome":       {Occupations: []int{kok}},
		"NoOccupation": {Home: &home},
	} {
		a := AutomatchOf(p, candidates(1, 3, facts(kok, nil)))
		if a.Active || len(a.Groups) != 0 {
			t.Errorf("%s: %+v", name, a)
		}
	}
}
