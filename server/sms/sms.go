// Package sms is the seam to NemSMS, through which "Få besked på SMS
// og/eller email" sends its SMS (003 «Brugerprofil»: "NemSMS kræver at
// borger er registreret med et mobilnummer hos NemSMS, der står for
// valideringen heraf"). NemSMS is outside this project's reach; Provider
// is what a client of it implements, and DemoSink stands in for it in the
// demo and the tests: it keeps what it is sent, and refuses a number not
// marked verified, as NemSMS refuses a number not registered with it.
package sms

import (
	"context"
	"errors"
	"slices"
	"sync"
	"time"
)

// ErrNotVerified: the number is not registered and validated with NemSMS.
var ErrNotVerified = errors.New("sms: the number is not verified with NemSMS")

// Provider sends SMS through NemSMS.
type Provider interface {
	// Verified reports whether NemSMS has the number as validated.
	Verified(ctx context.Context, number string) (bool, error)
	// Send sends text to number; ErrNotVerified for a number NemSMS does
	// not know.
	Send(ctx context.Context, number, text string) error
}

// DemoVerifiedNumbers are the numbers the demo's NemSMS knows: the demo
// citizen's (server/demo) and the tests'.
var DemoVerifiedNumbers = []string{"20304050"}

// Sent is one SMS the sink took.
type Sent struct {
	Number, Text string
	At           time.Time
}

// DemoSink is NemSMS in the demo: verified numbers are marked, the rest
// refused; sent messages are kept in memory.
type DemoSink struct {
	mu       sync.Mutex
	verified map[string]bool
	sent     []Sent
}

// NewDemoSink is a sink that knows the numbers as verified.
func NewDemoSink(verified ...string) *DemoSink {
	s := &DemoSink{verified: map[string]bool{}}
	for _, n := range verified {
		s.verified[n] = true
	}
	return s
}

// Verified implements Provider.
func (s *DemoSink) Verified(_ context.Context, number string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return number != "" && s.verified[number], nil
}

// Send implements Provider: it refuses a number not marked verified.
func (s *DemoSink) Send(_ context.Context, number, text string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.verified[number] {
		return ErrNotVerified
	}
	s.sent = append(s.sent, Sent{Number: number, Text: text, At: time.Now()})
	return nil
}

// Sent is what the sink took, oldest first.
func (s *DemoSink) Sent() []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.sent)
}
