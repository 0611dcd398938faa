package shared

import "time"

// Automatch (SPEC B5, FEATURES.md 1.3): up to ten job suggestions on the
// front page, computed at every login for everyone — enrolled or not — who
// has an occupation under "Jeg søger job som" and a home with a coordinate
// [003 «Automatch»: "Alle - også ikke tilmeldte - bliver automatchet ved
// logon på Jobnet, blot de har en bopæl med et geokordinat og angivelser af
// "Jeg søger job som""].
//
// The rules are this file's pure functions over the ads storage found and
// the citizen's data, so that they are table-tested; storage only narrows
// the ads down to the square and to each rule's best few.
const (
	// AutomatchMax: "I automatch vises op til 10 jobopslag".
	AutomatchMax = 10
	// AutomatchSquareKm: "Der søges kvadratisk, med borgers bopæl som
	// centrum. Der søges 70 km ud til kanterne".
	AutomatchSquareKm = 70
)

// AutomatchRule is one of automatch's three rules, in the order they fill.
type AutomatchRule int

const (
	// RuleOwnOccupation: the same occupation code (ordinary), or a fleksjob
	// of it (fleksjob variant).
	RuleOwnOccupation AutomatchRule = 1
	// RuleRelated: found by free text on the occupations' titles (ordinary),
	// among fleksjob ads (fleksjob variant).
	RuleRelated AutomatchRule = 2
	// RuleOutside: a hotjob or hotjob-qualified occupation group (ordinary);
	// a part-time job of the occupation (fleksjob variant).
	RuleOutside AutomatchRule = 3
)

// automatchHeadings are the groups' headings, exactly as the sources give
// them, for ordinary citizens and for fleksjobvisiterede.
var automatchHeadings = map[bool][4]string{
	false: {"", "Jobforslag inden for dit fag", "Jobforslag beslægtet med dit fag", "Jobforslag uden for dit fag"},
	true: {"",
		"Fleksjob - der passer til de job, du har valgt under Jeg søger job som",
		"Fleksjob - der er beslægtede med de job, du har valgt under Jeg søger job som",
		"Deltidsjob - der passer til de job, du har valgt under Jeg søger job som"},
}

// AutomatchProfile is what the rules need to know about the citizen.
type AutomatchProfile struct {
	// Occupations are the taxonomy ids under "Jeg søger job som".
	Occupations []int
	// Home is the coordinate of home; nil when Jobnet knows none.
	Home *LatLon
	// Fleksjob: the citizen is fleksjobvisiteret (the fleksjob variant).
	Fleksjob bool
}

// LatLon is a point on the earth.
type LatLon struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// Matches reports whether automatch runs for the citizen at all.
func (p AutomatchProfile) Matches() bool { return len(p.Occupations) > 0 && p.Home != nil }

// Square is automatch's search area round home.
func (p AutomatchProfile) Square() Square {
	return SquareAround(p.Home.Lat, p.Home.Lon, AutomatchSquareKm)
}

func (p AutomatchProfile) seeks(occupation int) bool {
	for _, o := range p.Occupations {
		if o == occupation {
			return true
		}
	}
	return false
}

// AutomatchFacts are what the rules judge an ad by.
type AutomatchFacts struct {
	Lat, Lon     *float64
	OccupationID int
	// TextMatch: the ad is found by a free-text search on the titles of the
	// citizen's occupations (the sources' search "mod Ankiro").
	TextMatch bool
	// Hotjob: the employer marked the ad as needing no particular
	// qualifications; HotjobQualified: its occupation group is one STAR
	// judged so ("IsHotjobQualified").
	Hotjob, HotjobQualified bool
	Terms                   Terms
	WorkingTime             WorkingTime
}

// Rule is the first of the three rules the ad meets, and false when it
// meets none or lies outside the square.
func (p AutomatchProfile) Rule(f AutomatchFacts) (AutomatchRule, bool) {
	if !p.Matches() || f.Lat == nil || f.Lon == nil || !p.Square().Contains(*f.Lat, *f.Lon) {
		return 0, false
	}
	own := p.seeks(f.OccupationID)
	var meets [4]bool
	if p.Fleksjob {
		fleks := f.Terms == TermsFleksjob
		meets = [4]bool{false, fleks && own, fleks && f.TextMatch, own && f.WorkingTime == PartTimeJob}
	} else {
		meets = [4]bool{false, own, f.TextMatch, f.Hotjob || f.HotjobQualified}
	}
	for r := RuleOwnOccupation; r <= RuleOutside; r++ {
		if meets[r] {
			return r, true
		}
	}
	return 0, false
}

// AutomatchAd is an ad as the front page shows it: a teaser.
type AutomatchAd struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	Employer  string    `json:"employer"`
	Place     string    `json:"place"`
	Published time.Time `json:"published"`
	// External: the ad opens at its source (ExternalURL); otherwise on
	// Jobnet's own page.
	ExternalURL string `json:"external_url,omitempty"`
}

// AutomatchCandidate is an ad storage found, with the facts the rules
// judge it by.
type AutomatchCandidate struct {
	Ad    AutomatchAd
	Facts AutomatchFacts
}

// AutomatchGroup is the ads one rule gave, under its heading.
type AutomatchGroup struct {
	Rule    AutomatchRule `json:"rule"`
	Heading string        `json:"heading"`
	Ads     []AutomatchAd `json:"ads"`
}

// Automatch is the front page's job suggestions. Active is false for a
// citizen without an occupation or a home, who sees no automatch [001:
// "Der vises ikke "automatch" … før, der er registreret en
// stillingsbetegnelse/et jobønske samt adresse"].
type Automatch struct {
	Active bool             `json:"active"`
	Groups []AutomatchGroup `json:"groups"`
}

// Count is the number of ads in all groups.
func (a Automatch) Count() int {
	n := 0
	for _, g := range a.Groups {
		n += len(g.Ads)
	}
	return n
}

// AutomatchOf fills up to AutomatchMax ads from the candidates: rule 1
// first, then 2, then 3 ["Kan der fyldes op med 10 jobopslag inden for
// første regel vises kun de. Ellers fyldes op efter regel 2 og 3"]. An ad
// counts under the first rule it meets, once; within a rule the
// candidates keep the order storage gave them (newest first, or best
// match first for the free text). Empty groups are left out.
func AutomatchOf(p AutomatchProfile, candidates []AutomatchCandidate) Automatch {
	out := Automatch{Active: p.Matches(), Groups: []AutomatchGroup{}}
	if !out.Active {
		return out
	}
	var byRule [4][]AutomatchAd
	seen := make(map[int64]bool, len(candidates))
	for _, c := range candidates {
		if seen[c.Ad.ID] {
			continue
		}
		if r, ok := p.Rule(c.Facts); ok {
			seen[c.Ad.ID] = true
			byRule[r] = append(byRule[r], c.Ad)
		}
	}
	left := AutomatchMax
	for r := RuleOwnOccupation; r <= RuleOutside && left > 0; r++ {
		ads := byRule[r]
		if len(ads) == 0 {
			continue
		}
		if len(ads) > left {
			ads = ads[:left]
		}
		left -= len(ads)
		out.Groups = append(out.Groups, AutomatchGroup{Rule: r, Heading: automatchHeadings[p.Fleksjob][r], Ads: ads})
	}
	return out
}
