package storage_test

import (
	"context"
	"testing"
	"time"

	"jobnet/server/storage"
)

// TestMessageRetention: a message sent more than 3 years ago goes, with
// its answer; a newer one stays (SPEC E2, storage.RetentionRules).
func TestMessageRetention(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	s := storage.New(db, nil)
	rule := ruleNamed(t, "messages")
	if want := now.AddDate(-3, 0, 0); !rule.Cutoff(now).Equal(want) {
		t.Errorf("cutoff %v, want %v", rule.Cutoff(now), want)
	}
	in := func(subject string) storage.MessageIn {
		return storage.MessageIn{Sender: "Sagsbehandler", Subject: subject, Body: "b", Answerable: true}
	}
	if err := c.IngestMessage(ctx, "jc-1", "old", in("Gammel"), rule.Cutoff(now).Add(-time.Second)); err != nil {
		t.Fatal(err)
	}
	if err := c.IngestMessage(ctx, "jc-1", "new", in("Ny"), rule.Cutoff(now).Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	if n, err := s.DeleteExpired(ctx, rule, now, 100); err != nil || n != 1 {
		t.Errorf("retention deleted %d (%v), want 1", n, err)
	}
	box, _ := c.Messages(ctx)
	if len(box.Messages) != 1 || box.Messages[0].Subject != "Ny" {
		t.Errorf("after retention: %+v", box.Messages)
	}
}
