package sms

import (
	"context"
	"errors"
	"testing"
)

// TestDemoSinkRefusesUnverified: the sink sends to a number marked
// verified and refuses any other, as NemSMS does (003 «Brugerprofil»).
func TestDemoSinkRefusesUnverified(t *testing.T) {
	ctx := context.Background()
	s := NewDemoSink("20304050")
	for _, c := range []struct {
		name   string
		number string
		ok     bool
	}{{"Verified", "20304050", true}, {"ErrNotVerified", "11223344", false}, {"ErrEmpty", "", false}} {
		t.Run(c.name, func(t *testing.T) {
			v, err := s.Verified(ctx, c.number)
			if err != nil || v != c.ok {
				t.Fatalf("Verified(%q) = %v, %v", c.number, v, err)
			}
			err = s.Send(ctx, c.number, "Hej")
			if c.ok != (err == nil) || (!c.ok && !errors.Is(err, ErrNotVerified)) {
				t.Fatalf("Send(%q) = %v", c.number, err)
			}
		})
	}
	if got := s.Sent(); len(got) != 1 || got[0].Number != "20304050" {
		t.Fatalf("sent %+v", got)
	}
}
