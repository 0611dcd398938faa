package httpapi

import (
	"sync"
	"time"

	"jobnet/shared"
)

// STAR's banner (SPEC B1): set, changed and removed through the
// administration API with STAR's own token; shown to everyone signed in
// with the session, which every page loads.

// bannerFor is how long a server keeps the banner it read: the session
// that carries it is asked on every page, the banner changes seldom, and
// a change made on another server shows within this.
const bannerFor = 30 * time.Second

// bannerCache is the banner as last read, and until when it holds.
type bannerCache struct {
	mu    sync.Mutex
	b     *shared.Banner // nil: none
	until time.Time
}

// banner is the banner shown today, nil when none is.
func (a *API) banner(req *request) (*shared.Banner, error) {
	c := &a.banners
	c.mu.Lock()
	defer c.mu.Unlock()
	if !req.now.Before(c.until) {
		b, err := a.store.Banner(req.ctx())
		if err != nil && shared.ErrorCodeOf(err) != shared.ENotFound {
			return nil, err
		}
		c.b, c.until = b, req.now.Add(bannerFor)
	}
	if c.b == nil || !c.b.ShownOn(shared.DateOf(req.now.In(a.cfg.Location))) {
		return nil, nil
	}
	return c.b, nil
}

// forget makes the next request read the banner again.
func (c *bannerCache) forget() {
	c.mu.Lock()
	c.until = time.Time{}
	c.mu.Unlock()
}

// handleGetBanner: GET /api/admin/v1/banner — the banner as set, shown
// today or not.
func handleGetBanner(req *ingestRequest) (shared.Banner, error) {
	b, err := req.store.Banner(req.ctx())
	if err != nil {
		return shared.Banner{}, err
	}
	return *b, nil
}

// handlePutBanner: PUT /api/admin/v1/banner — STAR sets or changes the
// banner.
func handlePutBanner(req *ingestRequest) (shared.Banner, error) {
	var b shared.Banner
	if err := decode(req.r, &b); err != nil {
		return shared.Banner{}, err
	}
	if err := b.Check(); err != nil {
		return shared.Banner{}, err
	}
	if err := req.store.PutBanner(req.ctx(), b, req.org.Code, req.now); err != nil {
		return shared.Banner{}, err
	}
	req.banners.forget()
	return b, nil
}

// handleDeleteBanner: DELETE /api/admin/v1/banner — STAR removes the
// banner.
func handleDeleteBanner(req *ingestRequest) (noContent, error) {
	if err := req.store.DeleteBanner(req.ctx()); err != nil {
		return noContent{}, err
	}
	req.banners.forget()
	return noContent{}, nil
}
