package storage

import (
	"cmp"
	"slices"
	"sync"

	"jobnet/shared"
)

// planCache keeps the decoded newest plan versions of the citizens who
// opened Min plan lately. A published version never changes, so its
// document, decoded once, serves every later read: Min plan's query then
// sends only the ids of versions already here, and no JSON is decoded
// again (decoding was two thirds of Min plan's time on the server).
// Bounded: when full, it starts over.
type planCache struct {
	mu        sync.Mutex
	byCitizen map[int64][]cachedPlan // newest first
}

type cachedPlan struct {
	id   int64
	plan *shared.Plan // shared by every reader: never changed
}

// planCacheCitizens bounds the cache: two plans of a few kilobytes each.
const planCacheCitizens = 20_000

func newPlanCache() *planCache { return &planCache{byCitizen: map[int64][]cachedPlan{}} }

// known lists the ids of the citizen's versions at hand.
func (c *planCache) known(citizen int64) []int64 {
	if c == nil {
		return []int64{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	ids := []int64{}
	for _, v := range c.byCitizen[citizen] {
		ids = append(ids, v.id)
	}
	return ids
}

func (c *planCache) get(citizen, id int64) (*shared.Plan, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, v := range c.byCitizen[citizen] {
		if v.id == id {
			return v.plan, true
		}
	}
	return nil, false
}

// put keeps the citizen's newest versions, newest first.
func (c *planCache) put(citizen int64, versions []cachedPlan) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.byCitizen) >= planCacheCitizens {
		clear(c.byCitizen)
	}
	c.byCitizen[citizen] = versions
}

// keep adds a version the calendar decoded, newest first, unless it is
// there already; the citizen keeps at most the newest two, as Min plan's.
func (c *planCache) keep(citizen int64, v cachedPlan) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	vs := c.byCitizen[citizen]
	for _, have := range vs {
		if have.id == v.id {
			return
		}
	}
	if len(c.byCitizen) >= planCacheCitizens {
		clear(c.byCitizen)
	}
	vs = append([]cachedPlan{v}, vs...)
	slices.SortFunc(vs, func(a, b cachedPlan) int { return cmp.Compare(b.id, a.id) })
	c.byCitizen[citizen] = vs[:min(len(vs), 2)]
}
