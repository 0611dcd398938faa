package storage

import (
	"container/heap"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/RoaringBitmap/roaring/v2"

	"jobnet/server/findjob"
	"jobnet/shared"
)

// Find Job's in-memory index (issue 10). PostgreSQL does the language
// work: Danish stemming, the stored weighted tsvector and its GIN index
// (the search's other path, below, and the job agents'). A search with
// free text or a place then reads and groups every ad it finds, and a
// broad word finds tens of thousands: 20–30 ms of database CPU a search
// at 100,000 ads, ten times that at a million. So the store keeps, beside
// the database, each live ad's lexemes as compressed bitmaps (one per
// lexeme, of the ads' ids) and its criteria as a few numbers: a search
// takes the lexemes of its words from PostgreSQL (to_tsquery, cached),
// intersects bitmaps, counts every criterion and picks the page's ids in
// memory, and reads only that page's ads from the database.
//
// The index answers as the database does (TestSearchIndexAgrees): the
// same prefixes of the same lexemes, the same criteria (counter), the
// same circle (earthdistance's formula). It follows the ads by the
// transaction that last changed each (job_ads.changed, migration 043): a
// search refreshes it when it is older than adIndexFresh, or at once after
// a change through this store, so an ad is searchable the moment its
// sender is answered and another server's change shows within a second.
// Like the search in the database, it reads from the standby when there
// is one (UseStandby): a standby's snapshot counts the primary's
// transactions it has not replayed as running, so the refresh's mark
// (pg_snapshot_xmin) holds there too. Until it is built (KeepJobSearch builds it off the requests'
// path when the first search wants it) and for a text PostgreSQL parses
// into more than prefixes, the search runs in the database as before.
//
// Memory: about 50 bytes an ad and the bitmaps (≈ 6 MB at 100,000
// generated ads; reported by the benchmark).

const (
	// adIndexFresh is how old the index may be before a search reads the
	// ads changed since.
	adIndexFresh = time.Second
	// adIndexRebuild is how often KeepJobSearch builds the index anew.
	adIndexRebuild = time.Hour
	// adIndexBulk is the number of changed ads above which a refresh
	// builds the index anew instead.
	adIndexBulk = 5000
)

// adIndex holds the current adData and what keeps it.
type adIndex struct {
	refreshMu sync.Mutex   // one refresh or build at a time
	mu        sync.RWMutex // guards data while a refresh changes it
	data      *adData
	dirty     atomic.Bool   // changed through this store since the last refresh
	building  atomic.Bool   // WarmJobSearch is building anew
	stale     atomic.Bool   // wants building anew (a bulk load)
	want      chan struct{} // a search wants the index built
	// refreshed is this process's time of the last refresh or build.
	refreshed atomic.Int64 // Unix nanoseconds
	lexemes   lexemeCache
}

// adData is one state of the index.
type adData struct {
	words  map[string]*roaring.Bitmap // lexeme → ids of live ads that have it
	sorted []string                   // the lexemes in order, for prefixes
	live   *roaring.Bitmap
	widk   *roaring.Bitmap
	// hot is what the counting of every ad found reads, by id, packed in
	// a word so that a million fit the processor's cache: the facets
	// column (44 bits), the area's index + 1 from bit hotArea (0: none),
	// and hotPlaced set for an ad with coordinates.
	hot []uint64
	ads []adEntry // the rest, by id
	// mark is the oldest transaction that was still running when the
	// last read began: the next refresh reads the ads it and later ones
	// changed.
	mark uint64
}

// adEntry is what a search needs of an ad besides its words and hot.
type adEntry struct {
	published int64  // Unix microseconds
	changed   uint64 // the transaction of its last change; 0 for an ad unchanged since migration 043
	lat, lon  float64
	postcode  uint16 // 0 abroad
	placed    bool   // has coordinates
	known     bool   // in the index, live or not
}

// The bits of adData.hot above the facets column.
const (
	hotArea   = 48
	hotPlaced = 1 << 56
	hotFacets = 1<<hotArea - 1
)

// changed tells the index that an ad changed through this store: the
// next search refreshes first.
func (x *adIndex) changed() { x.dirty.Store(true) }

// bulkLoaded tells the index that many ads arrived at once: it is built
// anew, and until then searches run in the database.
func (x *adIndex) bulkLoaded() {
	x.stale.Store(true)
	x.wantBuilt()
}

func (x *adIndex) wantBuilt() {
	select {
	case x.want <- struct{}{}:
	default:
	}
}

// KeepJobSearch builds Find Job's index when the first search wants it
// and anew every adIndexRebuild, until ctx ends. A server runs it beside
// its requests; without it searches run in the database.
func (s *Store) KeepJobSearch(ctx context.Context, ix *findjob.Index, onError func(error)) {
	t := time.NewTimer(adIndexRebuild)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.ads.want:
		case <-t.C:
			if s.ads.current() == nil {
				t.Reset(adIndexRebuild)
				continue // nobody has searched yet
			}
		}
		if err := s.WarmJobSearch(ctx, ix); err != nil && ctx.Err() == nil && onError != nil {
			onError(err)
		}
		t.Reset(adIndexRebuild)
	}
}

// WarmJobSearch builds Find Job's index now from every live ad.
func (s *Store) WarmJobSearch(ctx context.Context, ix *findjob.Index) error {
	s.ads.refreshMu.Lock()
	defer s.ads.refreshMu.Unlock()
	s.ads.building.Store(true)
	defer s.ads.building.Store(false)
	// dirty stays: a change while this builds may be missing from what it
	// reads, and the index it replaces is in use until it is done; the
	// next search refreshes the new one.
	s.ads.stale.Store(false)
	d := &adData{words: map[string]*roaring.Bitmap{}, live: roaring.New(), widk: roaring.New()}
	areaOf := areaIndexes(ix)
	mark, err := s.readAds(ctx, nil, func(r adIndexRow) error { return d.apply(r, areaOf) })
	if err != nil {
		return err
	}
	d.mark = mark
	d.sorted = make([]string, 0, len(d.words))
	for w, b := range d.words {
		b.RunOptimize()
		d.sorted = append(d.sorted, w)
	}
	slices.Sort(d.sorted)
	d.live.RunOptimize()
	d.widk.RunOptimize()
	s.ads.mu.Lock()
	s.ads.data = d
	s.ads.mu.Unlock()
	s.ads.refreshed.Store(time.Now().UnixNano())
	return nil
}

func (x *adIndex) current() *adData {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.data
}

// readAds reads the ads: every live ad when since is nil, else every ad
// changed by the transaction *since or a later one (withdrawn or not). It
// returns where the next refresh reads from: the oldest transaction still
// running before the read, whose changes it may not see.
func (s *Store) readAds(ctx context.Context, since *uint64, each func(adIndexRow) error) (mark uint64, err error) {
	var xmin string
	if err := s.standby.NewRaw("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").Scan(ctx, &xmin); err != nil {
		return 0, err
	}
	if mark, err = strconv.ParseUint(xmin, 10, 64); err != nil {
		return 0, err
	}
	query := `SELECT id, facets, published, coalesce(changed::text, '0'), widk, lat, lon, coalesce(postcode, ''),
		withdrawn IS NOT NULL, array_to_string(tsvector_to_array(search), ' ') FROM job_ads WHERE `
	var args []any
	if since == nil {
		query += "withdrawn IS NULL"
	} else {
		query += "changed >= ?::xid8"
		args = append(args, strconv.FormatUint(*since, 10))
	}
	rows, err := s.standby.QueryContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var r adIndexRow
		var changed string
		if err := rows.Scan(&r.id, &r.facets, &r.published, &changed, &r.widk, &r.lat, &r.lon, &r.postcode, &r.withdrawn, &r.words); err != nil {
			return 0, err
		}
		if r.changed, err = strconv.ParseUint(changed, 10, 64); err != nil {
			return 0, err
		}
		if err := each(r); err != nil {
			return 0, err
		}
	}
	return mark, rows.Err()
}

type adIndexRow struct {
	id, facets int64
	published  time.Time
	changed    uint64
	widk       bool
	lat, lon   sql.NullFloat64
	postcode   string
	withdrawn  bool
	words      string
}

var errAdID = errors.New("an ad's id is beyond the index's 32 bits")

// errBulk stops a refresh that finds more than adIndexBulk changed ads.
var errBulk = errors.New("a bulk of changed ads")

// apply puts one ad's row into the index, in its place if it was there.
func (d *adData) apply(r adIndexRow, areaOf map[int]int) error {
	if r.id <= 0 || r.id > math.MaxUint32 {
		return errAdID
	}
	id := uint32(r.id)
	if int(id) >= len(d.ads) {
		more := int(id) + 1 - len(d.ads) + len(d.ads)/4
		d.ads = slices.Grow(d.ads, more)[:int(id)+1]
		d.hot = slices.Grow(d.hot, more)[:int(id)+1]
	}
	e := &d.ads[id]
	if e.known {
		if e.changed == r.changed {
			return nil // read again in the overlap
		}
		for _, b := range d.words {
			b.Remove(id)
		}
		d.live.Remove(id)
		d.widk.Remove(id)
	}
	*e = adEntry{published: r.published.UnixMicro(), changed: r.changed, known: true}
	d.hot[id] = 0
	if r.withdrawn {
		return nil
	}
	if r.facets < 0 || r.facets > hotFacets {
		return fmt.Errorf("ad %d: facets %x beyond their 48 bits", r.id, r.facets)
	}
	hot := uint64(r.facets)
	k := unpackFacets(r.facets)
	if a, ok := areaOf[k.Kommune]; ok && !k.Abroad {
		hot |= uint64(a+1) << hotArea
	}
	if r.lat.Valid && r.lon.Valid {
		e.lat, e.lon, e.placed = r.lat.Float64, r.lon.Float64, true
		hot |= hotPlaced
	}
	d.hot[id] = hot
	if r.postcode != "" {
		pc, err := strconv.ParseUint(r.postcode, 10, 16)
		if err != nil {
			return err
		}
		e.postcode = uint16(pc)
	}
	d.live.Add(id)
	if r.widk {
		d.widk.Add(id)
	}
	for _, w := range strings.Fields(r.words) {
		b, ok := d.words[w]
		if !ok {
			b = roaring.New()
			d.words[w] = b
			if d.sorted != nil {
				i, _ := slices.BinarySearch(d.sorted, w)
				d.sorted = slices.Insert(d.sorted, i, w)
			}
		}
		b.Add(id)
	}
	return nil
}

// areaIndexes is each kommune's area, by their numbers as combos have them.
func areaIndexes(ix *findjob.Index) map[int]int {
	areaOf := map[int]int{}
	for i, a := range ix.Tax.Areas() {
		for _, k := range a.Municipalities {
			n, _ := strconv.Atoi(k)
			areaOf[n] = i
		}
	}
	return areaOf
}

// freshAds is the index ready for a search, refreshed if it must be, and
// its read lock, which the caller releases; nil (and no lock) when it is
// not built, and then KeepJobSearch is asked to build it.
func (s *Store) freshAds(ctx context.Context, ix *findjob.Index) (*adData, func(), error) {
	x := &s.ads
	d := x.current()
	if d == nil || x.stale.Load() {
		x.wantBuilt()
		return nil, nil, nil
	}
	switch {
	case x.dirty.Load() && x.building.Load():
		// Your own write, while the index is built anew: the database
		// has it.
		return nil, nil, nil
	case x.dirty.Load():
		// Read your own write: wait for the refresh.
		x.refreshMu.Lock()
		err := s.refreshAds(ctx, ix)
		x.refreshMu.Unlock()
		if err != nil {
			return nil, nil, err
		}
	case time.Since(time.Unix(0, x.refreshed.Load())) > adIndexFresh && x.refreshMu.TryLock():
		// Another server's change: one search refreshes, the others go on
		// with what is there. A refresh that fails (the database lost
		// midway) leaves the index as it was, to be refreshed by a search
		// a second later: what it has is at most that much older.
		_ = s.refreshAds(ctx, ix)
		x.refreshMu.Unlock()
	}
	if x.stale.Load() {
		return nil, nil, nil // the refresh found a bulk load: built anew
	}
	x.mu.RLock()
	if x.data == nil {
		x.mu.RUnlock()
		return nil, nil, nil
	}
	return x.data, x.mu.RUnlock, nil
}

// refreshAds reads the ads changed since the last refresh into the index;
// with many, it builds anew. The caller holds refreshMu.
func (s *Store) refreshAds(ctx context.Context, ix *findjob.Index) error {
	x := &s.ads
	x.dirty.Store(false)
	x.refreshed.Store(time.Now().UnixNano()) // tried: the next in a second, whatever comes of this one
	d := x.current()
	if d == nil {
		return nil
	}
	var rows []adIndexRow
	mark, err := s.readAds(ctx, &d.mark, func(r adIndexRow) error {
		if len(rows) == adIndexBulk {
			return errBulk
		}
		rows = append(rows, r)
		return nil
	})
	if errors.Is(err, errBulk) {
		x.stale.Store(true)
		x.wantBuilt()
		return nil
	}
	if err != nil {
		return err
	}
	areaOf := areaIndexes(ix)
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, r := range rows {
		if err := d.apply(r, areaOf); err != nil {
			return err
		}
	}
	d.mark = mark
	return nil
}

// candidates are the live ads of the instance whose lexemes begin with
// every one of prefixes (nil: no text; empty: a text of stop words, which
// finds nothing).
func (d *adData) candidates(prefixes []string, widk bool) *roaring.Bitmap {
	if prefixes != nil && len(prefixes) == 0 {
		return roaring.New() // a text of stop words only
	}
	out := d.live.Clone()
	if widk {
		out.And(d.widk)
	}
	for _, p := range prefixes {
		var with []*roaring.Bitmap
		for i := sort.SearchStrings(d.sorted, p); i < len(d.sorted) && strings.HasPrefix(d.sorted[i], p); i++ {
			with = append(with, d.words[d.sorted[i]])
		}
		if len(with) == 0 {
			return roaring.New()
		}
		out.And(roaring.FastOr(with...))
	}
	return out
}

// earthRadius is earthdistance's earth(), in metres.
const earthRadius = 6378168.0

// earthDistance is earthdistance's earth_distance(ll_to_earth(…),
// ll_to_earth(…)): the great circle through the chord between the points.
func earthDistance(lat1, lon1, lat2, lon2 float64) float64 {
	point := func(lat, lon float64) (x, y, z float64) {
		la, lo := lat*(math.Pi/180), lon*(math.Pi/180)
		return earthRadius * math.Cos(la) * math.Cos(lo), earthRadius * math.Cos(la) * math.Sin(lo), earthRadius * math.Sin(la)
	}
	x1, y1, z1 := point(lat1, lon1)
	x2, y2, z2 := point(lat2, lon2)
	chord := math.Sqrt((x1-x2)*(x1-x2) + (y1-y2)*(y1-y2) + (z1-z2)*(z1-z2))
	if chord/(2*earthRadius) > 1 {
		return math.Pi * earthRadius
	}
	return 2 * earthRadius * math.Asin(chord/(2*earthRadius))
}

// searchIndex is searchJobAds over the index: the counts and the page's
// ids from memory, the page's ads from the database.
func (s *Store) searchIndex(ctx context.Context, ix *findjob.Index, d *adData, q shared.JobSearch, prefixes []string) (shared.JobSearchResult, error) {
	var place func(*adEntry) bool // nil: anywhere
	if q.Postcode != "" {
		pc, ok := ix.Postcode(q.Postcode)
		if !ok {
			return shared.JobSearchResult{}, noPostcode()
		}
		if q.Km > 0 {
			r := float64(q.Km * 1000)
			place = func(e *adEntry) bool { return e.placed && earthDistance(pc.Lat, pc.Lon, e.lat, e.lon) <= r }
		} else {
			code, err := strconv.ParseUint(q.Postcode, 10, 16)
			if err != nil {
				return shared.JobSearchResult{}, noPostcode()
			}
			place = func(e *adEntry) bool { return e.postcode == uint16(code) }
		}
	}
	limit, offset := shared.JobSearchPageSize, (q.Page-1)*shared.JobSearchPageSize
	if q.Map {
		limit, offset = shared.JobSearchMapMax, 0
	}
	c := newCounter(ix, q)
	top := newestAds{k: offset + limit}
	d.tally(c, &top, d.candidates(prefixes, q.WIDK), place, q.Map)
	counts := c.counts()
	res := shared.JobSearchResult{Total: counts.total, Page: q.Page, Facets: buildFacets(ix, q, counts)}
	res.Pages = max(1, (res.Total+shared.JobSearchPageSize-1)/shared.JobSearchPageSize)
	if q.Map {
		res.WithoutPlace = counts.withoutPlace
	}
	ids := top.newestFirst()
	ids = ids[min(offset, len(ids)):]
	res.Ads = make([]shared.JobAdView, 0, len(ids))
	if len(ids) == 0 {
		return res, nil
	}
	var rows []adRow
	found, err := preparedRows(ctx, s.standby, `SELECT `+adColumns+` FROM job_ads a `+adJoins+` WHERE a.id = ANY($1) AND a.withdrawn IS NULL`, ids)
	if err != nil {
		return shared.JobSearchResult{}, err
	}
	if err := s.standby.ScanRows(ctx, found, &rows); err != nil {
		return shared.JobSearchResult{}, err
	}
	byID := make(map[int64]adRow, len(rows))
	for _, r := range rows {
		byID[r.ID] = r
	}
	for _, id := range ids {
		r, ok := byID[id]
		if !ok {
			continue // withdrawn since the index was read
		}
		v, err := r.view()
		if err != nil {
			return shared.JobSearchResult{}, err
		}
		res.Ads = append(res.Ads, v)
	}
	return res, nil
}

// tally counts the candidates in their place into c, and offers those
// that meet every criterion to top (with coordinates only, for the map).
func (d *adData) tally(c *counter, top *newestAds, cand *roaring.Bitmap, place func(*adEntry) bool, mapOnly bool) {
	it := cand.Iterator()
	for it.HasNext() {
		id := it.Next()
		if place != nil && !place(&d.ads[id]) {
			continue
		}
		hot := d.hot[id]
		k := unpackFacets(int64(hot & hotFacets))
		k.Area, k.N = int(hot>>hotArea&0xff)-1, 1
		if c.add(k) && (!mapOnly || hot&hotPlaced != 0) {
			top.offer(id, d.ads[id].published)
		}
	}
}

// noPostcode is the answer to a search by a postcode that does not exist.
func noPostcode() error {
	return &shared.Error{Code: shared.EInvalid, Message: "Søgningen kunne ikke læses.",
		Fields: []shared.FieldError{{Field: "postnr", Message: "Postnummeret findes ikke."}}}
}

// newestAds keeps the k newest ads offered (by publication, then id, as
// the database orders the page) in a min-heap.
type newestAds struct {
	k    int
	heap adHeap
}

type newAd struct {
	published int64
	id        uint32
}

type adHeap []newAd

func (h adHeap) Len() int { return len(h) }
func (h adHeap) Less(i, j int) bool {
	return h[i].published < h[j].published || (h[i].published == h[j].published && h[i].id < h[j].id)
}
func (h adHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *adHeap) Push(x any)   { *h = append(*h, x.(newAd)) }
func (h *adHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func (t *newestAds) offer(id uint32, published int64) {
	a := newAd{published: published, id: id}
	switch {
	case t.k <= 0:
	case len(t.heap) < t.k:
		heap.Push(&t.heap, a)
	case (adHeap{t.heap[0], a}).Less(0, 1): // newer than the oldest kept
		t.heap[0] = a
		heap.Fix(&t.heap, 0)
	}
}

// newestFirst is the ads kept, newest first, as database ids.
func (t *newestAds) newestFirst() []int64 {
	out := make([]int64, len(t.heap))
	h := slices.Clone(t.heap)
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = int64(heap.Pop(&h).(newAd).id)
	}
	return out
}

// lexemeCache keeps the lexemes of recent free texts: to_tsquery's
// Danish stemming of a text is the same every time.
type lexemeCache struct {
	mu sync.Mutex
	m  map[string][]string
}

const lexemeCacheMax = 10000

// prefixes are the lexemes PostgreSQL makes of tsQuery's prefix query,
// each to be a lexeme's beginning; ok is false when the query is more
// than a conjunction of prefixes (the database then searches itself).
func (s *Store) prefixes(ctx context.Context, tsq string) (out []string, ok bool, err error) {
	c := &s.ads.lexemes
	c.mu.Lock()
	out, ok = c.m[tsq]
	c.mu.Unlock()
	if ok {
		return out, out != nil, nil
	}
	var parsed string
	if err := s.standby.NewRaw("SELECT to_tsquery('danish', ?)::text", tsq).Scan(ctx, &parsed); err != nil {
		return nil, false, err
	}
	out, ok = parsePrefixes(parsed)
	if ok && out == nil {
		out = []string{} // only stop words: matches nothing
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= lexemeCacheMax {
		c.m = map[string][]string{}
	}
	c.m[tsq] = out
	c.mu.Unlock()
	return out, ok, nil
}

// parsePrefixes reads a tsquery's text of the form 'a':* & 'b':*.
func parsePrefixes(q string) ([]string, bool) {
	if q == "" {
		return nil, true
	}
	var out []string
	for _, term := range strings.Split(q, " & ") {
		w, ok := strings.CutSuffix(term, ":*")
		if !ok || len(w) < 2 || w[0] != '\'' || w[len(w)-1] != '\'' {
			return nil, false
		}
		w = w[1 : len(w)-1]
		if strings.ContainsAny(w, "' ") {
			return nil, false
		}
		out = append(out, w)
	}
	return out, true
}
