package storage_test

import (
	"context"
	"testing"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
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

// TestMessageAttachmentRetention: a group's file, stored once, stays while
// any recipient has the message and goes with the last one's, by the
// 3-year rule too; the rule "message_attachments" deletes a file left
// without its message.
func TestMessageAttachmentRetention(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	s := storage.New(db, nil)
	rule := ruleNamed(t, "messages")
	files := ruleNamed(t, "message_attachments")
	old := rule.Cutoff(now).Add(-time.Second)
	in := storage.MessageIn{Sender: "Sagsbehandler", Subject: "Gammel", Body: "b"}
	pdf := []storage.MessageFile{{Name: "brev.pdf", Type: shared.DocPDF, Content: []byte("%PDF-1.7\n")}}
	if err := storage.StoreMessageFiles(ctx, db, "jc-1", "old", pdf, old); err != nil {
		t.Fatal(err)
	}
	if err := c.IngestMessage(ctx, "jc-1", "old", in, old); err != nil {
		t.Fatal(err)
	}
	// A file whose message never came (or whose last row went in a race).
	if err := storage.StoreMessageFiles(ctx, db, "jc-1", "orphan", pdf, now); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		var n int
		if err := db.NewRaw(`SELECT count(*) FROM message_attachments`).Scan(ctx, &n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n, err := s.CountExpired(ctx, files, now); err != nil || n != 2 {
		t.Errorf("the files' rule would delete %d (%v), want the old and the orphan", n, err)
	}
	if n, err := s.DeleteExpired(ctx, rule, now, 100); err != nil || n != 1 {
		t.Errorf("retention deleted %d (%v), want 1", n, err)
	}
	if n := count(); n != 1 {
		t.Errorf("after the message went: %d files, want the orphan only", n)
	}
	if n, err := s.DeleteExpired(ctx, files, now, 100); err != nil || n != 1 || count() != 0 {
		t.Errorf("the files' rule deleted %d (%v), %d left", n, err, count())
	}
}
