package storage

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/uptrace/bun/dialect/pgdialect"

	"jobnet/server/findjob"
	"jobnet/shared"
)

// Find Job's search (issue 10, FEATURES.md 1.1): free text over the stored
// tsvector, the criteria of the filters, a page of ads newest first, and
// every criterion's counts, each ignoring its own choice.
//
// One statement: the ads the text, the postcode or circle and the
// instance (WIDK) leave are taken once (a materialized CTE); each
// criterion is counted over them with the other criteria applied, and the
// total with all. The page of ads is a second statement over the same
// conditions, newest first, through the published index.

// cond is a piece of SQL with its arguments.
type cond struct {
	sql  string
	args []any
}

func (c cond) and(others ...cond) cond {
	out := c
	for _, o := range others {
		if o.sql == "" {
			continue
		}
		if out.sql == "" {
			out = o
			continue
		}
		out = cond{sql: out.sql + " AND " + o.sql, args: append(slices.Clone(out.args), o.args...)}
	}
	return out
}

func (c cond) where() (string, []any) {
	if c.sql == "" {
		return "true", nil
	}
	return c.sql, c.args
}

// The criteria, by the facet they belong to.
const (
	critGeo      = "geo"
	critDisco    = "disco"
	critTerms    = "terms"
	critDuration = "duration"
	critTime     = "time"
)

var criteria = []string{critGeo, critDisco, critTerms, critDuration, critTime}

// searchConds are a search's conditions: the base (text, place,
// instance) and one per criterion the search chooses.
func searchConds(ix *findjob.Index, s shared.JobSearch) (base cond, crit map[string]cond, err error) {
	base = cond{sql: "a.withdrawn IS NULL"}
	if tsq := tsQuery(s.Q); tsq != "" {
		base = base.and(cond{"a.search @@ to_tsquery('danish', ?)", []any{tsq}})
	} else if strings.TrimSpace(s.Q) != "" {
		base = base.and(cond{sql: "false"}) // nothing searchable in the text
	}
	if s.WIDK {
		base = base.and(cond{sql: "a.widk"})
	}
	if s.Postcode != "" {
		pc, ok := ix.Postcode(s.Postcode)
		switch {
		case !ok:
			return cond{}, nil, noPostcode()
		case s.Km > 0:
			// Ads without coordinates are never in a circle.
			base = base.and(cond{`a.lat IS NOT NULL AND earth_box(ll_to_earth(?, ?), ?) @> ll_to_earth(a.lat, a.lon)
				AND earth_distance(ll_to_earth(?, ?), ll_to_earth(a.lat, a.lon)) <= ?`,
				[]any{pc.Lat, pc.Lon, s.Km * 1000, pc.Lat, pc.Lon, s.Km * 1000}})
		default:
			base = base.and(cond{"a.postcode = ?", []any{s.Postcode}})
		}
	}
	crit = map[string]cond{}
	var geo []string
	var geoArgs []any
	if len(s.Areas) > 0 {
		geo, geoArgs = append(geo, "a.area = ANY(?)"), append(geoArgs, pgdialect.Array(s.Areas))
	}
	if len(s.Kommuner) > 0 {
		geo, geoArgs = append(geo, "a.kommune = ANY(?)"), append(geoArgs, pgdialect.Array(s.Kommuner))
	}
	if s.Abroad {
		geo = append(geo, "a.abroad")
	}
	if len(geo) > 0 {
		crit[critGeo] = cond{"(" + strings.Join(geo, " OR ") + ")", geoArgs}
	}
	if len(s.Disco) > 0 {
		var ors []string
		var args []any
		for _, d := range s.Disco {
			ors, args = append(ors, "a.disco LIKE ?"), append(args, d+"%")
		}
		crit[critDisco] = cond{"(" + strings.Join(ors, " OR ") + ")", args}
	}
	var terms []string
	var termArgs []any
	if len(s.Terms) > 0 {
		terms, termArgs = append(terms, "a.terms = ANY(?)"), append(termArgs, pgdialect.Array(s.Terms))
	}
	if s.Hotjob {
		terms = append(terms, "a.hotjob")
	}
	if len(terms) > 0 {
		crit[critTerms] = cond{"(" + strings.Join(terms, " OR ") + ")", termArgs}
	}
	if len(s.Durations) > 0 {
		crit[critDuration] = cond{"a.duration = ANY(?)", []any{pgdialect.Array(s.Durations)}}
	}
	var tm cond
	if len(s.WorkingTimes) > 0 {
		tm = cond{"a.working_time = ANY(?)", []any{pgdialect.Array(s.WorkingTimes)}}
	}
	if s.HoursMin > 0 || s.HoursMax > 0 {
		// The slider narrows part-time ads that state their hours; a
		// full-time ad is not part-time at any hours.
		hi := s.HoursMax
		if hi == 0 {
			hi = 37
		}
		tm = tm.and(cond{"a.working_time = 'deltid' AND a.hours_per_week BETWEEN ? AND ?", []any{s.HoursMin, hi}})
	}
	if tm.sql != "" {
		crit[critTime] = tm
	}
	return base, crit, nil
}

// others is every criterion's condition but skip's.
func others(crit map[string]cond, skip string) cond {
	var c cond
	for _, name := range criteria {
		if name != skip {
			c = c.and(crit[name])
		}
	}
	return c
}

// tsQuery makes the free text a prefix query: every word must begin a
// word of the ad (after Danish stemming), so "lager" finds
// "lagermedarbejder". Only letters and digits are kept, so the text can
// never be tsquery syntax.
func tsQuery(q string) string {
	var terms []string
	for _, w := range strings.FieldsFunc(strings.ToLower(q), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len(terms) == 12 {
			break
		}
		terms = append(terms, "'"+w+"':*")
	}
	return strings.Join(terms, " & ")
}

// SearchJobAds runs a search: a page of ads (or up to
// shared.JobSearchMapMax with coordinates for the map) and the facets. It
// reads from the standby (UseStandby), again when that is lost midway.
func (s *Store) SearchJobAds(ctx context.Context, ix *findjob.Index, q shared.JobSearch) (res shared.JobSearchResult, err error) {
	err = retryRead(ctx, func() error {
		res, err = s.searchJobAds(ctx, ix, q)
		return err
	})
	return res, err
}

func (s *Store) searchJobAds(ctx context.Context, ix *findjob.Index, q shared.JobSearch) (shared.JobSearchResult, error) {
	q = q.Normalize()
	// A search with text or a place reads what it finds in the index
	// (adindex.go), when there is one; a search of all ads (the page as it
	// opens, a filter chosen) is the database's, through the publication
	// index and the whole instance's cached counts.
	if narrowed := q.Q != "" || q.Postcode != ""; narrowed {
		if res, ok, err := s.searchJobAdsIndexed(ctx, ix, q); ok || err != nil {
			return res, err
		}
	}
	return s.searchJobAdsSQL(ctx, ix, q)
}

// searchJobAdsIndexed is the search through the index; ok is false when
// it has none to offer (not built, or a text it cannot read).
func (s *Store) searchJobAdsIndexed(ctx context.Context, ix *findjob.Index, q shared.JobSearch) (shared.JobSearchResult, bool, error) {
	var prefixes []string
	if tsq := tsQuery(q.Q); tsq != "" {
		p, ok, err := s.prefixes(ctx, tsq)
		if !ok || err != nil {
			return shared.JobSearchResult{}, false, err
		}
		prefixes = p
	} else if strings.TrimSpace(q.Q) != "" {
		return shared.JobSearchResult{}, false, nil // nothing searchable in the text: the database says none
	}
	d, release, err := s.freshAds(ctx, ix)
	if d == nil || err != nil {
		return shared.JobSearchResult{}, false, err
	}
	defer release()
	res, err := s.searchIndex(ctx, ix, d, q, prefixes)
	return res, true, err
}

// searchJobAdsSQL is the search in the database.
func (s *Store) searchJobAdsSQL(ctx context.Context, ix *findjob.Index, q shared.JobSearch) (shared.JobSearchResult, error) {
	base, crit, err := searchConds(ix, q)
	if err != nil {
		return shared.JobSearchResult{}, err
	}
	// A search of all ads (Find Job as it opens, a filter chosen) counts
	// the whole instance's combinations, which are kept a while; so are
	// the counts for its criteria, the same for each of its pages.
	whole := q.Q == "" && q.Postcode == ""
	var key string
	var counts counts
	cached := false
	if whole {
		key = countsKey(q)
		counts, cached = s.combosCache.countsFor(q.WIDK, key)
	}
	var combos []combo
	if !cached {
		combos, err = s.combos(ctx, ix, q, base)
		if err != nil {
			return shared.JobSearchResult{}, err
		}
		counts = count(ix, combos, q)
		if whole {
			s.combosCache.putCounts(q.WIDK, key, combos, counts)
		}
	}
	res := shared.JobSearchResult{Total: counts.total, Page: q.Page, Facets: buildFacets(ix, q, counts)}
	res.Pages = max(1, (res.Total+shared.JobSearchPageSize-1)/shared.JobSearchPageSize)
	all := base.and(others(crit, ""))
	where, args := all.where()
	limit, offset := shared.JobSearchPageSize, (q.Page-1)*shared.JobSearchPageSize
	if q.Map {
		where, limit, offset = where+" AND a.lat IS NOT NULL", shared.JobSearchMapMax, 0
		res.WithoutPlace = counts.withoutPlace
	}
	// Two ways to the page, newest first. Walking the publication index
	// and testing each ad reads about (offset+limit) × all / found ads;
	// taking the ads the text (or circle) finds through their index and
	// sorting them reads those. PostgreSQL cannot know how many the text
	// finds before it runs; the counts above say it, so the store chooses.
	query := `SELECT ` + adColumns + ` FROM job_ads a ` + adJoins + ` WHERE ` + where +
		` ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?`
	if narrowed := q.Q != "" || q.Postcode != ""; narrowed {
		found := 0
		for _, k := range combos {
			found += k.N
		}
		all, err := s.liveAds(ctx, ix, q.WIDK)
		if err != nil {
			return shared.JobSearchResult{}, err
		}
		if walk := (offset + limit) * all / max(1, res.Total); found < walk {
			// The found ads first, unordered, so that their own index
			// finds them; then the newest of them.
			query = `WITH f AS MATERIALIZED (SELECT a.id, a.published FROM job_ads a WHERE ` + where + `),
				pg AS (SELECT * FROM f ORDER BY published DESC, id DESC LIMIT ? OFFSET ?)
				SELECT ` + adColumns + ` FROM pg JOIN job_ads a ON a.id = pg.id ` + adJoins + ` ORDER BY pg.published DESC, pg.id DESC`
		}
	}
	var rows []adRow
	if err := s.standby.NewRaw(query, append(args, limit, offset)...).Scan(ctx, &rows); err != nil {
		return shared.JobSearchResult{}, err
	}
	res.Ads = make([]shared.JobAdView, 0, len(rows))
	for _, r := range rows {
		v, err := r.view()
		if err != nil {
			return shared.JobSearchResult{}, err
		}
		res.Ads = append(res.Ads, v)
	}
	return res, nil
}

// combo is one combination of the criteria's columns and the number of
// ads that have it: the ads a search's text, place and instance leave,
// counted once by every column the filters choose by (the facets column,
// facetKey). Every criterion's counts, and the total, are sums over them
// (count), so the database groups the ads once, however many criteria
// there are. The columns are small numbers, so that the sums are cheap
// for the tens of thousands of combinations of all ads.
type combo struct {
	Kommune  int // the kommune's code as a number; 0 abroad
	Area     int // the area's index in the taxonomy's list; -1 for none
	Abroad   bool
	Disco    int // the 6-digit DISCO-08 code as a number
	Terms    int // the index in shared.TermsOptions
	Hotjob   bool
	Duration int // the index in shared.DurationOptions
	Time     int // the index in shared.WorkingTimeOptions
	HalfHrs  int // hours a week, doubled; 0 when not stated
	N        int
}

// maxAreas bounds the taxonomy's areas (Find Job's landsdele: 7).
const maxAreas = 31

// criteriaSets is a search's criteria as sets of the combinations'
// numbers, made once per search.
type criteriaSets struct {
	anyGeo, anyDisco, anyTerms, anyDuration, anyTime bool
	active                                           []int              // the criteria chosen, by their index in criteria
	areas                                            [maxAreas + 1]bool // by area index + 1 (0: none)
	kommuner                                         [1024]bool         // by kommune code
	abroad                                           bool
	disco                                            [][2]int // prefix as a number, and 10^(6 − its digits)
	terms, durations, times                          [4]bool
	hotjob                                           bool
	hoursLo, hoursHi                                 int // in half hours; hoursHi 0: no bound
}

func setsOf(ix *findjob.Index, q shared.JobSearch) criteriaSets {
	c := criteriaSets{abroad: q.Abroad, hotjob: q.Hotjob}
	for i, a := range ix.Tax.Areas()[:min(len(ix.Tax.Areas()), maxAreas)] { // TestMaxAreas
		if slices.Contains(q.Areas, a.Code) {
			c.areas[i+1] = true
		}
	}
	for _, k := range q.Kommuner {
		n, _ := strconv.Atoi(k)
		c.kommuner[n&1023] = true
	}
	for _, d := range q.Disco {
		n, _ := strconv.Atoi(d)
		c.disco = append(c.disco, [2]int{n, int(math.Pow10(6 - len(d)))})
	}
	index := func(opts []shared.Option, vs []string, set *[4]bool) {
		for i, o := range opts {
			set[i] = slices.Contains(vs, o.Value)
		}
	}
	index(shared.TermsOptions, q.Terms, &c.terms)
	index(shared.DurationOptions, q.Durations, &c.durations)
	index(shared.WorkingTimeOptions, q.WorkingTimes, &c.times)
	c.anyGeo = len(q.Areas) > 0 || len(q.Kommuner) > 0 || q.Abroad
	c.anyDisco = len(q.Disco) > 0
	c.anyTerms = len(q.Terms) > 0 || q.Hotjob
	c.anyDuration = len(q.Durations) > 0
	c.anyTime = len(q.WorkingTimes) > 0 || q.HoursMin > 0 || q.HoursMax > 0
	for i, chosen := range []bool{c.anyGeo, c.anyDisco, c.anyTerms, c.anyDuration, c.anyTime} {
		if chosen {
			c.active = append(c.active, i)
		}
	}
	if q.HoursMin > 0 || q.HoursMax > 0 {
		c.hoursLo, c.hoursHi = 2*q.HoursMin, 2*cmp.Or(q.HoursMax, 37)
	}
	return c
}

// meets reports whether the combination meets the criterion i (in the
// order of criteria): the same criteria as searchConds, for the counts.
func (k combo) meets(c *criteriaSets, i int) bool {
	switch i {
	case 0:
		return !c.anyGeo || c.areas[k.Area+1] || c.kommuner[k.Kommune&1023] || (c.abroad && k.Abroad)
	case 1:
		if !c.anyDisco {
			return true
		}
		for _, d := range c.disco {
			if k.Disco/d[1] == d[0] {
				return true
			}
		}
		return false
	case 2:
		return !c.anyTerms || c.terms[k.Terms] || (c.hotjob && k.Hotjob)
	case 3:
		return !c.anyDuration || c.durations[k.Duration]
	}
	if !c.anyTime {
		return true
	}
	if slices.Contains(c.times[:], true) && !c.times[k.Time] {
		return false
	}
	if c.hoursHi > 0 {
		return k.Time == 1 && k.HalfHrs != 0 && k.HalfHrs >= c.hoursLo && k.HalfHrs <= c.hoursHi // 1: deltid
	}
	return true
}

type counts struct {
	total, withoutPlace int
	geo                 map[string]int // kommune code, or "udland"
	disco               map[string]int // 6-digit code
	terms               map[string]int // terms value, or "hotjob"
	duration, time      map[string]int
}

// count sums the combinations into every criterion's counts.
func count(ix *findjob.Index, combos []combo, q shared.JobSearch) counts {
	c := newCounter(ix, q)
	for _, k := range combos {
		c.add(k)
	}
	return c.counts()
}

// counter sums combinations into every criterion's counts. Each
// combination is judged once per criterion; a criterion's counts take the
// combinations every other criterion lets through.
type counter struct {
	sets                            criteriaSets
	geo                             [1024]int
	abroad, hotjob, total, unplaced int
	disco                           map[int]int
	terms, duration, times          [4]int
}

func newCounter(ix *findjob.Index, q shared.JobSearch) *counter {
	return &counter{sets: setsOf(ix, q), disco: map[int]int{}}
}

// add counts k, and reports whether it meets every criterion.
func (c *counter) add(k combo) bool {
	fails, failed := 0, -1
	for _, i := range c.sets.active { // the others meet every combination
		if !k.meets(&c.sets, i) {
			fails++
			failed = i
			if fails > 1 {
				return false // no criterion's count takes it
			}
		}
	}
	// With no failure every count takes it; with one, only the failing
	// criterion's own.
	if fails == 0 {
		c.total += k.N
		if k.Abroad {
			c.unplaced += k.N
		}
	}
	if fails == 0 || failed == 0 {
		if k.Abroad {
			c.abroad += k.N
		} else {
			c.geo[k.Kommune&1023] += k.N
		}
	}
	if fails == 0 || failed == 1 {
		c.disco[k.Disco] += k.N
	}
	if fails == 0 || failed == 2 {
		c.terms[k.Terms] += k.N
		if k.Hotjob {
			c.hotjob += k.N
		}
	}
	if fails == 0 || failed == 3 {
		c.duration[k.Duration] += k.N
	}
	if fails == 0 || failed == 4 {
		c.times[k.Time] += k.N
	}
	return fails == 0
}

func (c *counter) counts() counts {
	out := counts{total: c.total, withoutPlace: c.unplaced, geo: map[string]int{"udland": c.abroad}, disco: map[string]int{},
		terms: map[string]int{"hotjob": c.hotjob}, duration: map[string]int{}, time: map[string]int{}}
	for code, n := range c.geo {
		if n > 0 {
			out.geo[fmt.Sprintf("%04d", code)] = n
		}
	}
	for code, n := range c.disco {
		out.disco[fmt.Sprintf("%06d", code)] = n
	}
	for i, o := range shared.TermsOptions {
		out.terms[o.Value] = c.terms[i]
	}
	for i, o := range shared.DurationOptions {
		out.duration[o.Value] = c.duration[i]
	}
	for i, o := range shared.WorkingTimeOptions {
		out.time[o.Value] = c.times[i]
	}
	return out
}

// liveAds is the number of live ads of the instance, from the whole
// instance's combinations (kept for comboTTL).
func (s *Store) liveAds(ctx context.Context, ix *findjob.Index, widk bool) (int, error) {
	base := cond{sql: "a.withdrawn IS NULL"}
	if widk {
		base = base.and(cond{sql: "a.widk"})
	}
	cs, err := s.combos(ctx, ix, shared.JobSearch{WIDK: widk}, base)
	n := 0
	for _, k := range cs {
		n += k.N
	}
	return n, err
}

// combos groups the ads the base condition leaves by the criteria's
// columns. Without text or place the base is the whole instance, which
// the store keeps for a while (comboCache).
func (s *Store) combos(ctx context.Context, ix *findjob.Index, q shared.JobSearch, base cond) ([]combo, error) {
	whole := q.Q == "" && q.Postcode == ""
	if whole {
		if cs, ok := s.combosCache.get(q.WIDK); ok {
			return cs, nil
		}
	}
	w, args := base.where()
	var rows []struct {
		Facets int64
		N      int
	}
	err := s.standby.NewRaw(`SELECT a.facets, count(*) AS n FROM job_ads a WHERE `+w+` GROUP BY a.facets`, args...).Scan(ctx, &rows)
	areaOf := areaIndexes(ix)
	out := make([]combo, len(rows))
	for i, r := range rows {
		out[i] = unpackFacets(r.Facets)
		out[i].N = r.N
		out[i].Area = -1
		if a, ok := areaOf[out[i].Kommune]; ok && !out[i].Abroad {
			out[i].Area = a
		}
	}
	if err == nil && whole {
		s.combosCache.put(q.WIDK, out)
	}
	return out, err
}

// The facets column packs a combination's columns into one integer, so
// that PostgreSQL groups by one integer: from the low bits, half hours a
// week (7 bits, 0–74; findjob.Place takes whole and half hours only),
// working time (1), duration (2), terms (2), hotjob (1), abroad (1), the
// kommune's code (10 bits, 0 for none) and the DISCO-08 code as a number
// (20 bits). The enums are numbered in their closed
// lists' order (shared.TermsOptions …).
func facetKey(kommune string, abroad bool, disco string, terms shared.Terms, hotjob bool, duration shared.Duration,
	wt shared.WorkingTime, hours float64) int64 {
	idx := func(opts []shared.Option, v string) int64 {
		return int64(max(0, slices.IndexFunc(opts, func(o shared.Option) bool { return o.Value == v })))
	}
	num := func(s string) int64 {
		n, _ := strconv.ParseInt(s, 10, 64)
		return n
	}
	bit := func(b bool) int64 {
		if b {
			return 1
		}
		return 0
	}
	k := int64(min(max(math.Round(hours*2), 0), 127))
	k |= idx(shared.WorkingTimeOptions, string(wt)) << 7
	k |= idx(shared.DurationOptions, string(duration)) << 8
	k |= idx(shared.TermsOptions, string(terms)) << 10
	k |= bit(hotjob) << 12
	k |= bit(abroad) << 13
	k |= num(kommune) << 14
	k |= num(disco) << 24
	return k
}

// unpackFacets is facetKey backwards.
func unpackFacets(k int64) combo {
	return combo{
		HalfHrs:  int(k & 127),
		Time:     int(k >> 7 & 1),
		Duration: int(min(k>>8&3, int64(len(shared.DurationOptions)-1))),
		Terms:    int(k >> 10 & 3),
		Hotjob:   k>>12&1 == 1,
		Abroad:   k>>13&1 == 1,
		Kommune:  int(k >> 14 & 1023),
		Disco:    int(k >> 24),
	}
}

// comboCache keeps the combinations of every live ad (and of Work in
// Denmark's) for comboTTL: the search without text or place — Find Job
// as it opens, and every choice of a filter after — then needs no
// grouping of the whole table. A change to the ads through this process
// empties it; another process's change shows within comboTTL.
type comboCache struct {
	mu      sync.Mutex
	entries map[bool]comboEntry
}

type comboEntry struct {
	combos []combo
	counts map[string]counts // by countsKey
	at     time.Time
}

const comboTTL = 30 * time.Second

func (c *comboCache) get(widk bool) ([]combo, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[widk]
	return e.combos, ok && time.Since(e.at) < comboTTL
}

func (c *comboCache) put(widk bool, cs []combo) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[bool]comboEntry{}
	}
	c.entries[widk] = comboEntry{combos: cs, counts: map[string]counts{}, at: time.Now()}
}

// countsKey is a search's criteria: what its counts depend on.
func countsKey(q shared.JobSearch) string {
	q.Page, q.Map, q.From = 1, false, ""
	return q.Query().Encode()
}

// countsFor is the whole instance's counts for a search's criteria, while
// its combinations are kept.
func (c *comboCache) countsFor(widk bool, key string) (counts, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[widk]
	n, found := e.counts[key]
	return n, ok && found && time.Since(e.at) < comboTTL
}

// putCounts keeps the counts made of cs, if cs are still the kept
// combinations (not emptied or made anew since).
func (c *comboCache) putCounts(widk bool, key string, cs []combo, n counts) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[widk]
	if !ok || len(e.combos) != len(cs) || (len(cs) > 0 && &e.combos[0] != &cs[0]) {
		return
	}
	if len(e.counts) >= countsKept {
		clear(e.counts)
	}
	e.counts[key] = n
}

// countsKept is the number of criteria whose counts are kept at most.
const countsKept = 1000

func (c *comboCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries = nil
}

// Facet names: the URL parameters their values choose.
const (
	FacetArea     = "omraade"
	FacetKommune  = "kommune"
	FacetAbroad   = "udland"
	FacetDisco    = "arbejdsomraade"
	FacetTerms    = "vilkaar"
	FacetHotjob   = "hotjob"
	FacetDuration = "varighed"
	FacetTime     = "arbejdstid"
)

// buildFacets turns the counts into the filters' values, in their order,
// with labels: Danish, or English in Work in Denmark's instance, which has
// no Arbejdsområde, abroad or Ansættelsesvilkår.
func buildFacets(ix *findjob.Index, q shared.JobSearch, c counts) []shared.Facet {
	var facets []shared.Facet
	// Geografi: areas; the kommuner of an area chosen or holding a chosen
	// kommune; abroad.
	areaCount := map[string]int{}
	for k, n := range c.geo {
		if kk, ok := ix.Kommune(k); ok {
			if a, ok := ix.Tax.AreaOf(kk.Code); ok {
				areaCount[a.Code] += n
			}
		}
	}
	areas := shared.Facet{Name: FacetArea, Values: []shared.FacetValue{}}
	kommuner := shared.Facet{Name: FacetKommune, Values: []shared.FacetValue{}}
	for _, a := range ix.Tax.Areas() {
		areas.Values = append(areas.Values, shared.FacetValue{Value: a.Code, Label: a.Name, Count: areaCount[a.Code], Selected: slices.Contains(q.Areas, a.Code)})
		open := slices.Contains(q.Areas, a.Code) || slices.ContainsFunc(q.Kommuner, func(k string) bool { return slices.Contains(a.Municipalities, k) })
		if !open {
			continue
		}
		for _, code := range a.Municipalities {
			k, _ := ix.Kommune(code)
			kommuner.Values = append(kommuner.Values, shared.FacetValue{Value: code, Label: k.Name, Count: c.geo[code],
				Selected: slices.Contains(q.Kommuner, code), Parent: a.Code})
		}
	}
	facets = append(facets, areas, kommuner)
	if !q.WIDK {
		facets = append(facets, shared.Facet{Name: FacetAbroad, Values: []shared.FacetValue{{Value: "1", Label: "Udlandet", Count: c.geo["udland"], Selected: q.Abroad}}})
		facets = append(facets, discoFacet(ix, q, c.disco))
		terms := shared.Facet{Name: FacetTerms}
		for _, o := range shared.TermsOptions {
			terms.Values = append(terms.Values, shared.FacetValue{Value: o.Value, Label: o.In(q.WIDK), Count: c.terms[o.Value], Selected: slices.Contains(q.Terms, o.Value)})
		}
		facets = append(facets, terms, shared.Facet{Name: FacetHotjob, Values: []shared.FacetValue{{Value: "1", Label: "Hotjob", Count: c.terms["hotjob"], Selected: q.Hotjob}}})
	}
	dur := shared.Facet{Name: FacetDuration}
	for _, o := range shared.DurationOptions {
		dur.Values = append(dur.Values, shared.FacetValue{Value: o.Value, Label: o.In(q.WIDK), Count: c.duration[o.Value], Selected: slices.Contains(q.Durations, o.Value)})
	}
	tm := shared.Facet{Name: FacetTime}
	for _, o := range shared.WorkingTimeOptions {
		tm.Values = append(tm.Values, shared.FacetValue{Value: o.Value, Label: o.In(q.WIDK), Count: c.time[o.Value], Selected: slices.Contains(q.WorkingTimes, o.Value)})
	}
	return append(facets, dur, tm)
}

// discoFacet is Arbejdsområde's tree as far as the search has drilled:
// the hovedgrupper, and the children of every chosen group and of its
// ancestors. A group's count is its ads' whatever their depth.
func discoFacet(ix *findjob.Index, q shared.JobSearch, byCode map[string]int) shared.Facet {
	count := func(prefix string) int {
		n := 0
		for code, c := range byCode {
			if strings.HasPrefix(code, prefix) {
				n += c
			}
		}
		return n
	}
	open := map[string]bool{}
	for _, d := range q.Disco {
		for _, g := range ix.Tax.Path(d) {
			open[g.Code] = true
		}
	}
	f := shared.Facet{Name: FacetDisco, Values: []shared.FacetValue{}}
	for _, g := range ix.Tax.Groups() {
		if g.Parent == "" || (open[g.Parent] && g.Level <= 5) {
			n := count(g.Code)
			selected := slices.Contains(q.Disco, g.Code)
			if g.Parent != "" && n == 0 && !selected {
				continue // an empty subgroup is not worth a line
			}
			f.Values = append(f.Values, shared.FacetValue{Value: g.Code, Label: g.Title, Count: n, Selected: selected, Parent: g.Parent})
		}
	}
	return f
}

// Suggest is the free text's suggestions for q (from its third
// character), a few of each kind, best first: labels that begin with q
// before those that contain it, then the kind's rank and the shorter
// label. kinds limits the kinds (Work in Denmark suggests places only).
func (s *Store) Suggest(ctx context.Context, q string, kinds []string, limit int) (shared.Suggestions, error) {
	folded := strings.ToLower(strings.TrimSpace(q))
	if len([]rune(folded)) < shared.SuggestMinChars {
		return shared.Suggestions{}, nil
	}
	key := fmt.Sprintf("%s\x00%s\x00%d", folded, strings.Join(kinds, ","), limit)
	if out, ok := s.suggestions.get(key); ok {
		return out, nil
	}
	out, err := s.suggest(ctx, folded, kinds, limit)
	if err == nil {
		s.suggestions.put(key, out)
	}
	return out, err
}

// suggest is Suggest in the database: pg_trgm's index finds the labels
// that hold the text.
func (s *Store) suggest(ctx context.Context, folded string, kinds []string, limit int) (shared.Suggestions, error) {
	like := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(folded)
	// Prepared: planning the statement took longer than running it.
	rows, err := preparedRows(ctx, s.standby, `SELECT kind, label, value FROM (
			SELECT kind, label, value, rank, folded LIKE $1 AS prefix,
				row_number() OVER (PARTITION BY kind ORDER BY folded LIKE $1 DESC, length(label), label) AS n
			FROM suggestions WHERE folded LIKE $2 AND kind = ANY($3)) s
		WHERE n <= 4 ORDER BY prefix DESC, rank, length(label), label LIMIT $4`,
		like+"%", "%"+like+"%", kinds, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := shared.Suggestions{}
	for rows.Next() {
		var sg shared.Suggestion
		if err := rows.Scan(&sg.Kind, &sg.Label, &sg.Value); err != nil {
			return nil, err
		}
		out = append(out, sg)
	}
	return out, rows.Err()
}

// suggestionCache keeps the suggestions' answers by what was typed. They
// change only with the taxonomy's release, which comes with a new server
// (storage.LoadReference loads it as that server starts), so an answer is
// good for the process's life; the cache starts over when it holds
// suggestionCacheMax answers. People type the same beginnings of words
// ("pæd", "lager"), so most answers come from it.
type suggestionCache struct {
	mu sync.Mutex
	m  map[string]shared.Suggestions
}

const suggestionCacheMax = 20000

func (c *suggestionCache) get(key string) (shared.Suggestions, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	out, ok := c.m[key]
	return slices.Clone(out), ok
}

func (c *suggestionCache) put(key string, out shared.Suggestions) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= suggestionCacheMax {
		c.m = map[string]shared.Suggestions{}
	}
	c.m[key] = slices.Clone(out)
}
