package api

import (
	"testing"
	"time"
)

// TestFollowServerClock: Now moves to the server's Date, keeps its offset
// within a second of it (the header has whole seconds), and ignores what
// is not a Date.
func TestFollowServerClock(t *testing.T) {
	t.Cleanup(func() { serverOffset.Store(0) })
	ahead := time.Now().Add(time.Hour).UTC()

	followServerClock(ahead.Format(httpDate))
	if d := Now().Sub(ahead); d < -time.Second || d > time.Second {
		t.Fatalf("after a Date an hour ahead, Now is %v from it", d)
	}
	before := serverOffset.Load()
	followServerClock(ahead.Add(500 * time.Millisecond).Format(httpDate))
	if serverOffset.Load() != before {
		t.Errorf("a Date within a second moved the offset")
	}
	followServerClock("not a date")
	if serverOffset.Load() != before {
		t.Errorf("a malformed Date moved the offset")
	}
}
