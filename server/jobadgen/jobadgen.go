// Package jobadgen makes realistic, fictitious Danish job ads from the
// taxonomy, the postcodes and made-up employers (issue 10): a few thousand
// for `make run` and the tests, 100,000 and 1,000,000 for the benchmarks.
// The ads are a pure function of the seed and "now": the same call makes
// the same ads, published in the 30 days before now with deadlines after
// it, so the demo holds on every day.
package jobadgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"

	"jobnet/server/findjob"
	"jobnet/server/geo"
	"jobnet/server/taxonomy"
	"jobnet/shared"
)

// Generator makes ads.
type Generator struct {
	ix        *findjob.Index
	occs      []taxonomy.Occupation // live, weighted by repetition
	postcodes []geo.Postcode        // not bulk
	// byKommune: half the ads are placed by kommune rather than by
	// postcode, or København's many postcodes would hold half the jobs.
	byKommune [][]geo.Postcode
	now       time.Time
	rng       *rand.Rand
}

// majorWeights weigh the occupations by their DISCO-08 hovedgruppe, so
// that there are more ads for social- og sundhedshjælpere than for
// officers, as on a real job board.
var majorWeights = map[byte]int{'0': 1, '1': 2, '2': 5, '3': 5, '4': 6, '5': 8, '6': 2, '7': 6, '8': 5, '9': 7}

// New returns a generator of ads published before now.
func New(ix *findjob.Index, now time.Time, seed uint64) *Generator {
	g := &Generator{ix: ix, now: now, rng: rand.New(rand.NewPCG(seed, 0x6a6f626164))}
	for _, o := range ix.Tax.Occupations() {
		if o.Discontinued() {
			continue
		}
		for range majorWeights[o.DISCO[0]] {
			g.occs = append(g.occs, o)
		}
	}
	_, pcs, _ := ix.Geo()
	idx := map[string]int{}
	for _, p := range pcs {
		if p.Bulk {
			continue
		}
		g.postcodes = append(g.postcodes, p)
		i, ok := idx[p.Kommune]
		if !ok {
			i = len(g.byKommune)
			idx[p.Kommune] = i
			g.byKommune = append(g.byKommune, nil)
		}
		g.byKommune[i] = append(g.byKommune[i], p)
	}
	return g
}

var (
	employerFirst = []string{"Nordisk", "Dansk", "Jysk", "Fynsk", "Sjællandsk", "Øresund", "Vestkyst", "Limfjord",
		"Midtjysk", "Sydfyns", "Nordsø", "Kattegat", "Bornholms", "Himmerlands", "Lolland-Falster", "Storebælt", "Gudenå", "Skagerrak"}
	employerSecond = []string{"Service", "Byg", "Logistik", "Pleje", "IT", "Rengøring", "Transport", "Energi", "Fødevarer",
		"Smede", "El-teknik", "Consult", "Handel", "Maskin", "Tømrer", "Catering", "Data", "Revision", "Medico", "Trafik"}
	employerForm = []string{"A/S", "ApS", "I/S", "& Co. ApS", "Gruppen A/S"}
	titleLead    = []string{"", "", "", "", "Erfaren ", "Ny ", "Dygtig ", "Engageret "}
	titleTail    = []string{"", "", "", "", " til fast stilling", " til travl afdeling", " søges", " til vores team"}
	sentences    = []string{
		"Vi søger en %s, der vil være med til at udvikle vores arbejdsplads i %s.",
		"Som %s hos %s får du et alsidigt job med gode kolleger og ordnede forhold.",
		"Du har erfaring som %s eller en relevant uddannelse, og du trives med ansvar.",
		"Vi tilbyder løn efter overenskomst, pension og mulighed for efteruddannelse.",
		"Arbejdspladsen ligger i %s, tæt på offentlig transport.",
		"Du bliver en del af et team, hvor vi hjælper hinanden og tager fælles ansvar.",
		"Har du spørgsmål til stillingen, er du velkommen til at kontakte os.",
		"Vi ser frem til at modtage din ansøgning med CV.",
	}
	countries = []string{"Sverige", "Norge", "Tyskland", "Holland", "Island", "Grønland"}
)

func (g *Generator) pick(l []string) string { return l[g.rng.IntN(len(l))] }

// Ad makes the n-th ad, placed: the sender id is "gen-n".
func (g *Generator) Ad(n int) findjob.Placed {
	o := g.occs[g.rng.IntN(len(g.occs))]
	employer := g.pick(employerFirst) + " " + g.pick(employerSecond) + " " + g.pick(employerForm)
	if g.rng.IntN(6) == 0 {
		employer = g.pick([]string{"Region Hovedstaden", "Region Midtjylland", "Region Syddanmark", "Region Sjælland", "Region Nordjylland"})
	}
	published := g.now.Add(-time.Duration(g.rng.Int64N(int64(30 * 24 * time.Hour))))
	ad := shared.JobAd{
		SenderID:     fmt.Sprintf("gen-%d", n),
		Title:        titled(g.pick(titleLead), o.Title) + g.pick(titleTail),
		OccupationID: o.ID,
		WorkingTime:  shared.FullTimeJob,
		Terms:        shared.TermsOrdinary,
		Duration:     shared.DurationPermanent,
		Published:    published.Truncate(time.Second),
	}
	var town string
	if g.rng.IntN(40) == 0 {
		ad.Employer = shared.Employer{Name: employer, Country: g.pick(countries)}
		town = ad.Employer.Country
	} else {
		p := g.postcodes[g.rng.IntN(len(g.postcodes))]
		if g.rng.IntN(2) == 0 {
			k := g.byKommune[g.rng.IntN(len(g.byKommune))]
			p = k[g.rng.IntN(len(k))]
		}
		ad.Employer = shared.Employer{Name: employer, Address: fmt.Sprintf("%s %d", g.pick([]string{"Hovedgaden", "Industrivej", "Stationsvej", "Havnegade", "Skolevej", "Kirkevej"}), 1+g.rng.IntN(120)), Postcode: p.Code}
		town = p.Name
	}
	return g.place(g.finish(ad, o, employer, town, n))
}

// Near makes a demo citizen's ad (sender id "near-n"): one of the
// occupation, at the postcode, published at the given time, the rest
// as Ad draws it; mod, if any, changes the ad before it is placed.
func (g *Generator) Near(n int, occupationID int, postcode geo.Postcode, published time.Time, mod func(*shared.JobAd)) findjob.Placed {
	o, ok := g.ix.Tax.Occupation(occupationID)
	if !ok {
		panic(fmt.Sprintf("jobadgen: no occupation %d", occupationID))
	}
	employer := g.pick(employerFirst) + " " + g.pick(employerSecond) + " " + g.pick(employerForm)
	ad := shared.JobAd{
		SenderID: fmt.Sprintf("near-%d", n), Title: titled(g.pick(titleLead), o.Title) + g.pick(titleTail), OccupationID: o.ID,
		WorkingTime: shared.FullTimeJob, Terms: shared.TermsOrdinary, Duration: shared.DurationPermanent,
		Published: published.Truncate(time.Second),
		Employer:  shared.Employer{Name: employer, Address: fmt.Sprintf("Stationsvej %d", 1+g.rng.IntN(120)), Postcode: postcode.Code},
	}
	ad = g.finish(ad, o, employer, postcode.Name, n)
	if mod != nil {
		mod(&ad)
	}
	return g.place(ad)
}

// finish draws the rest of an ad: its text, deadline, start, working
// time, terms, duration and marks.
func (g *Generator) finish(ad shared.JobAd, o taxonomy.Occupation, employer, town string, n int) shared.JobAd {
	today := shared.DateOf(g.now)
	title := strings.ToLower(o.Title)
	var desc []string
	for i, s := range sentences {
		if i > 1 && g.rng.IntN(3) == 0 {
			continue
		}
		switch strings.Count(s, "%s") {
		case 2:
			if i == 0 {
				s = fmt.Sprintf(s, title, town)
			} else {
				s = fmt.Sprintf(s, title, employer)
			}
		case 1:
			if strings.Contains(s, "ligger i") {
				s = fmt.Sprintf(s, town)
			} else {
				s = fmt.Sprintf(s, title)
			}
		}
		desc = append(desc, s)
	}
	ad.Description = strings.Join(desc, " ")
	switch r := g.rng.IntN(10); {
	case r < 7:
		ad.DeadlineKind, ad.Deadline = shared.DeadlineDate, today.AddDays(7+g.rng.IntN(40))
	case r < 9:
		ad.DeadlineKind = shared.DeadlineSnarest
	default:
		ad.DeadlineKind = shared.DeadlineUnstated
	}
	switch r := g.rng.IntN(3); r {
	case 0:
		ad.StartKind = shared.StartSnarest
	case 1:
		ad.StartKind = shared.StartByAgreeing
	default:
		ad.StartKind, ad.Start = shared.StartDate, today.AddDays(30+g.rng.IntN(60))
	}
	if g.rng.IntN(5) == 0 {
		ad.WorkingTime = shared.PartTimeJob
		if g.rng.IntN(2) == 0 {
			ad.HoursPerWeek = float64(15 + g.rng.IntN(18))
		}
	}
	switch r := g.rng.IntN(20); {
	case r == 0:
		ad.Terms = shared.TermsFleksjob
	case r == 1:
		ad.Terms = shared.TermsLoentilskud
	case r == 2:
		ad.Terms = shared.TermsElev
	}
	switch r := g.rng.IntN(20); {
	case r < 3:
		ad.Duration = shared.DurationFixedTerm
	case r < 5:
		ad.Duration = shared.DurationTemporary
	}
	ad.Hotjob = g.ix.Tax.HotjobQualified(o.DISCO) && g.rng.IntN(4) == 0
	ad.WorkInDenmark = g.rng.IntN(12) == 0
	if g.rng.IntN(5) < 2 {
		ad.ExternalURL = fmt.Sprintf("https://job.example.org/%s/%d", slug(employer), n)
	}
	return ad
}

func (g *Generator) place(ad shared.JobAd) findjob.Placed {
	p, err := g.ix.Place(ad)
	if err != nil {
		panic(fmt.Sprintf("jobadgen: a generated ad does not place: %v", err)) // a bug in the generator
	}
	return p
}

// titled puts a lead word before a title: "Erfaren kok".
func titled(lead, title string) string {
	if lead == "" {
		return title
	}
	r := []rune(title)
	if len(r) > 1 && !unicode.IsUpper(r[1]) { // not an acronym
		r[0] = unicode.ToLower(r[0])
	}
	return lead + string(r)
}

func slug(s string) string {
	return strings.Trim(strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return '-'
	}, s), "-")
}
