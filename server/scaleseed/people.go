package scaleseed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/schollz/progressbar/v3"

	"jobnet/server/geo"
	"jobnet/server/jobadgen"
	"jobnet/shared"
)

// generator makes the rows; it holds what every stage shares.
type generator struct {
	cfg    Config
	now    time.Time
	today  shared.Date
	loc    *time.Location
	places shared.JoblogPlaces

	jobcentres []org
	akasser    []org
	// postcodes of each jobcentre's kommune (not bulk), by jobcentre index.
	postcodes [][]geo.Postcode

	// The ids of citizen 0 and of its account: the citizens stage gives
	// the citizens consecutive ids (citizen i is citizenBase+i).
	citizenBase, accountBase int64

	// phase is the progress bar of the stages running (Run).
	phase *progressbar.ProgressBar
}

type org struct{ code, name string }

// aKasser are a-kasser by their names; Det Faglige Hus is the demo's.
var aKasser = []org{
	{"ak-dfh", "Det Faglige Hus A-kasse"}, {"ak-3f", "3F A-kasse"}, {"ak-hk", "HK Danmarks A-kasse"},
	{"ak-ase", "A-kassen ASE"}, {"ak-krifa", "Krifa A-kasse"}, {"ak-foa", "FOA A-kasse"},
	{"ak-ca", "CA a-kasse"}, {"ak-aka", "Akademikernes A-kasse"}, {"ak-metal", "Metalarbejdernes A-kasse"},
	{"ak-fa", "Fagforeningernes A-kasse"},
}

func newGenerator(cfg Config, today shared.Date, places shared.JoblogPlaces) (*generator, error) {
	loc := cfg.Now.Location()
	g := &generator{cfg: cfg, now: cfg.Now, today: today, loc: loc, places: places, akasser: aKasser}
	ks, err := geo.Kommuner()
	if err != nil {
		return nil, err
	}
	pcs, err := geo.Postcodes()
	if err != nil {
		return nil, err
	}
	byKommune := map[string][]geo.Postcode{}
	for _, p := range pcs {
		// Only postcodes the Joblog knows as places (not bulk).
		if _, ok := places.Postcodes[p.Code]; ok && !p.Bulk {
			byKommune[p.Kommune] = append(byKommune[p.Kommune], p)
		}
	}
	for _, k := range ks {
		if !k.Municipality || len(byKommune[k.Code]) == 0 {
			continue
		}
		// The demo's jobcentres are "jc-" and the kommune's number (jc-101).
		g.jobcentres = append(g.jobcentres, org{"jc-" + strings.TrimLeft(k.Code, "0"), "Jobcenter " + k.Name})
		g.postcodes = append(g.postcodes, byKommune[k.Code])
	}
	if len(g.jobcentres) == 0 {
		return nil, fmt.Errorf("no kommuner with postcodes")
	}
	return g, nil
}

func (g *generator) adGenerator() *jobadgen.Generator {
	return jobadgen.New(g.cfg.Index, g.now, g.cfg.Seed)
}

// rng is citizen i's random numbers in one stream (a stage's own, so
// that stages do not depend on each other's draws).
func (g *generator) rng(i int, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.cfg.Seed^stream<<56, uint64(i)))
}

// Streams of random numbers.
const (
	streamPerson uint64 = iota + 1
	streamPlan
	streamCounters
	streamJoblogs
	streamMessages
	streamMeetings
	streamHistory
)

// ids finds the citizens' ids (after the citizens stage).
func (g *generator) ids(ctx context.Context, tx pgx.Tx) error {
	if g.citizenBase != 0 {
		return nil
	}
	return tx.QueryRow(ctx, `SELECT c.id, a.id FROM citizens c JOIN citizen_accounts a ON a.citizen_id = c.id WHERE c.cpr = $1`,
		g.person(0).cpr).Scan(&g.citizenBase, &g.accountBase)
}

// person is citizen i as every stage sees them.
type person struct {
	i            int
	cpr          string
	first, name  string
	birth        shared.Date
	kg, kategori int
	jc           int // index of the jobcentre
	akasse       int // index of the a-kasse, -1 for none
	postcode     geo.Postcode
	tilmeldt     bool
	from         shared.Date // the open forløb's first day
	prevKG       int         // 0: no earlier forløb
	prevFrom     shared.Date
	partTime     bool
}

// kontaktgrupper weighs the target groups roughly as the jobcentres'
// caseloads: dagpenge the most, then the kontanthjælp and sygedagpenge
// groups. Group 8 is the dimittends (tilmeldekategori 5).
var kontaktgrupper = []struct{ kg, weight int }{
	{1, 34}, {2, 12}, {3, 9}, {4, 4}, {5, 3}, {6, 12}, {7, 3}, {8, 5}, {9, 3}, {10, 6}, {11, 1}, {15, 2}, {18, 4}, {19, 2},
}

var kgTotal = func() int {
	t := 0
	for _, k := range kontaktgrupper {
		t += k.weight
	}
	return t
}()

// Ages 18–66 on the anchor day: the birth dates are spread over daysOfAges
// days, and citizen i is the (i mod daysOfAges)-th day (scrambled) with
// a serial made of i / daysOfAges: the pair, and so the CPR number, is
// unique.
const daysOfAges = 48 * 365

func (g *generator) person(i int) person {
	r := g.rng(i, streamPerson)
	p := person{i: i, akasse: -1}
	var serial int
	p.cpr, p.birth, serial = cprOf(i, g.today)
	if serial%2 == 1 {
		p.first = menNames[r.IntN(len(menNames))]
	} else {
		p.first = womenNames[r.IntN(len(womenNames))]
	}
	p.name = p.first + " " + surnames[r.IntN(len(surnames))]
	if r.IntN(5) == 0 {
		p.name = p.first + " " + surnames[r.IntN(len(surnames))] + " " + surnames[r.IntN(len(surnames))]
	}
	w := r.IntN(kgTotal)
	for _, k := range kontaktgrupper {
		if w -= k.weight; w < 0 {
			p.kg = k.kg
			break
		}
	}
	if p.kg == 8 {
		p.kategori = shared.TilmeldekategoriDimittend
	}
	p.jc = r.IntN(len(g.jobcentres))
	pcs := g.postcodes[p.jc]
	p.postcode = pcs[r.IntN(len(pcs))]
	if p.dagpenge() || r.IntN(3) == 0 {
		p.akasse = r.IntN(len(g.akasser))
	}
	switch p.kg {
	case 1, 2, 4, 8, 18:
		p.tilmeldt = true
	}
	p.from = g.today.AddDays(-(14 + r.IntN(700)))
	if r.IntN(10) < 3 {
		p.prevKG = []int{1, 2, 6, 15}[r.IntN(4)]
		p.prevFrom = p.from.AddDays(-(60 + r.IntN(400)))
	}
	p.partTime = r.IntN(7) == 0
	return p
}

// dagpenge: the member's a-kasse delivers dagpenge counters (KG 1, and
// KG 8 with tilmeldekategori 5 as the demo's Sofie).
func (p person) dagpenge() bool {
	return p.kg == 1 || (p.kg == 8 && p.kategori == shared.TilmeldekategoriDimittend)
}

// Username is citizen i's login name.
func Username(i int) string { return fmt.Sprintf("skala%07d", i) }

// cprOf is citizen i's CPR number, birth date and serial number in a
// data set built on the day anchor.
func cprOf(i int, anchor shared.Date) (string, shared.Date, int) {
	day := (i * 7919) % daysOfAges // 7919 is prime, not a factor of daysOfAges: a permutation
	birth := anchor.AddDays(-18*365 - day)
	// The last digit is odd for a man: 2k+sex stays unique per k, and
	// below 1000 for up to 7 million citizens.
	serial := 100 + 2*(i/daysOfAges) + (i^i>>3)&1
	century := 0 // with 0–3 the year is 19xx (shared.ParseCPR)
	if birth.Year >= 2000 {
		century = 4 // and year ≤ 36: 20xx
	}
	return fmt.Sprintf("%02d%02d%02d-%d%03d", birth.Day, int(birth.Month), birth.Year%100, century, serial), birth, serial
}

// at is a moment on day d at hour:min in the generator's location.
func (g *generator) at(d shared.Date, hour, min int) time.Time {
	return time.Date(d.Year, d.Month, d.Day, hour, min, 0, 0, g.loc)
}

var menNames = strings.Fields(`Peter Jens Lars Michael Henrik Thomas Søren Jan Niels Christian Martin Anders Morten Jesper Mads Rasmus
	Per Hans Kim Ole Brian Mikkel Jørgen Erik Frederik Kasper Jakob Carsten Torben Steen Lasse Nicolai Oliver William Emil Noah Lucas
	Malthe Victor Magnus Mathias Simon Daniel Kristian Allan Bo Claus René Tobias Jonas Ahmed Mohammad Ali Omar Piotr Tomasz`)

var womenNames = strings.Fields(`Anne Kirsten Mette Hanne Helle Susanne Lene Maria Marianne Lone Camilla Pia Louise Charlotte Tina Gitte
	Bente Karen Julie Sofie Ida Emma Laura Freja Clara Ella Anna Mathilde Line Katrine Rikke Maja Cecilie Sara Nanna Signe Christina
	Birgitte Inge Dorthe Vibeke Heidi Stine Amalie Josefine Fatima Aisha Zainab Agnieszka Anna-Katrine`)

var surnames = strings.Fields(`Nielsen Jensen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen Petersen Madsen
	Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller Mortensen Knudsen Jakobsen Jacobsen Mikkelsen Olesen Frederiksen
	Laursen Henriksen Lund Schmidt Holm Eriksen Kristiansen Nissen Clausen Simonsen Svendsen Andreasen Iversen Østergaard Jeppesen
	Vestergaard Mogensen Nørgaard Jepsen Hassan Ali Nowak Kowalski Yilmaz Dahl Bach Berg Lauridsen Kjær Winther Bang Juhl`)
