// Package servertest holds what the server's tests share: the pinned
// moment every test runs at, and a clock that starts there.
package servertest

import (
	"sync"
	"time"
	_ "time/tzdata" // Europe/Copenhagen without the host's zoneinfo
)

// Copenhagen is the portal's time zone.
var Copenhagen = mustLocation("Europe/Copenhagen")

// Now is the moment the tests run at, whatever the day they run on: no
// test depends on the real date. It is chosen to be hard: before the 11th,
// so that the a-kasse's latest statement is of last month (shared.
// StatementDate), across a new year, and in winter time. The demo data
// holds on every day (server/demo's TestDemoEveryDayOfAYear), so this one
// day stands for all of them.
var Now = time.Date(2027, time.January, 5, 10, 0, 0, 0, Copenhagen)

func mustLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// Clock is a settable clock that starts at Now.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock at Now.
func NewClock() *Clock { return &Clock{t: Now} }

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock on.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}
