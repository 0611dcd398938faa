package storage_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

// pdfOf is a small document PostgreSQL keeps: a PDF by its first bytes.
func pdfOf(text string) []byte { return []byte("%PDF-1.7\n" + text + "\n%%EOF\n") }

// TestJoblogDocuments: a document is judged, named by its judged type and
// counted on its log (the list's paperclip, no query per log); the log's
// own read lists the documents; a read gives the content back whole, also
// after another read; the fifth is the last a log takes; a refused file
// changes nothing; removing one lowers the count; another citizen finds
// none of them; a mirror's read-only transaction reads them and writes
// none.
func TestJoblogDocuments(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	s := storage.New(db, nil)
	l, err := c.CreateJoblog(ctx, aJoblog("Rørlægger", "VVS Hansen", ""), now.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	bare, _ := c.CreateJoblog(ctx, aJoblog("Kok", "Kantinen", ""), now.Add(-time.Hour))

	first := pdfOf("Ansøgning til VVS Hansen")
	cv, err := c.AddJoblogDocument(ctx, l.ID, shared.DocumentApplication, "ansøgning.docx", first, now)
	if err != nil {
		t.Fatal(err)
	}
	if cv.Name != "ansøgning.pdf" || cv.Type != shared.DocPDF || cv.Size != int64(len(first)) || cv.ID == 0 {
		t.Errorf("saved as %+v", cv)
	}
	second := pdfOf("CV for Mads")
	d2, _ := c.AddJoblogDocument(ctx, l.ID, shared.DocumentCV, "cv.pdf", second, now)

	list, err := c.Joblogs(ctx, shared.JoblogQuery{})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[int64]int{}
	for _, j := range list.Logs {
		counts[j.ID] = j.Documents // a list item has no documents' list (shared.JoblogListItem)
	}
	if counts[l.ID] != 2 || counts[bare.ID] != 0 {
		t.Errorf("the list's counts %v", counts)
	}
	got, _ := c.Joblog(ctx, l.ID)
	if len(got.DocumentList) != 2 || got.DocumentList[0].ID != cv.ID || got.DocumentList[1].Kind != shared.DocumentCV || !got.Updated.Equal(now) ||
		!got.DocumentList[0].Created.Equal(now) || got.DocumentList[0].Name != "ansøgning.pdf" || got.DocumentList[0].Size != int64(len(first)) {
		t.Errorf("the log reads %+v (updated %v)", got.DocumentList, got.Updated)
	}

	a, err := c.JoblogDocumentFile(ctx, l.ID, cv.ID)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := c.JoblogDocumentFile(ctx, l.ID, d2.ID)
	if !bytes.Equal(a.Body, first) || !bytes.Equal(b.Body, second) || a.ContentType != "application/pdf" || a.Name != "ansøgning.pdf" {
		t.Errorf("read back %q (%s, %s) and %q", a.Body, a.ContentType, a.Name, b.Body)
	}

	// Refused: the type, an empty file, the kind, a log that is not the
	// citizen's; nothing is counted.
	for name, add := range map[string]func() error{
		"exe": func() error {
			_, err := c.AddJoblogDocument(ctx, l.ID, shared.DocumentCV, "cv.pdf", []byte("MZ\x90\x00rest"), now)
			return err
		},
		"empty": func() error {
			_, err := c.AddJoblogDocument(ctx, l.ID, shared.DocumentCV, "cv.pdf", nil, now)
			return err
		},
		"kind": func() error { _, err := c.AddJoblogDocument(ctx, l.ID, "andet", "cv.pdf", first, now); return err },
	} {
		if err := add(); shared.ErrorCodeOf(err) != shared.EInvalid {
			t.Errorf("%s: %v", name, err)
		}
	}
	other := s.Citizen(c.ID() + 1000)
	if _, err := other.AddJoblogDocument(ctx, l.ID, shared.DocumentCV, "cv.pdf", first, now); !storage.IsNotFound(err) {
		t.Errorf("another citizen adds to the log: %v", err)
	}
	if _, err := other.JoblogDocumentFile(ctx, l.ID, cv.ID); !storage.IsNotFound(err) {
		t.Errorf("another citizen reads the document: %v", err)
	}
	if err := other.RemoveJoblogDocument(ctx, l.ID, cv.ID, now); !storage.IsNotFound(err) {
		t.Errorf("another citizen removes the document: %v", err)
	}
	if _, err := c.JoblogDocumentFile(ctx, bare.ID, cv.ID); !storage.IsNotFound(err) {
		t.Errorf("the document read through another log: %v", err)
	}

	for i := range 3 {
		if _, err := c.AddJoblogDocument(ctx, l.ID, shared.DocumentJobAd, "annonce.pdf", pdfOf(strings.Repeat("x", i)), now); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.AddJoblogDocument(ctx, l.ID, shared.DocumentJobAd, "sjette.pdf", first, now); shared.ErrorMessageOf(err) != shared.MsgDocumentTooMany {
		t.Errorf("a sixth document: %v", err)
	}
	if got, _ := c.Joblog(ctx, l.ID); got.Documents != shared.JoblogMaxDocuments || len(got.DocumentList) != shared.JoblogMaxDocuments {
		t.Errorf("after the sixth: %d, %d", got.Documents, len(got.DocumentList))
	}

	err = s.ReadOnly(ctx, c.ID(), func(ctx context.Context, m storage.Citizen) error {
		if f, err := m.JoblogDocumentFile(ctx, l.ID, d2.ID); err != nil || !bytes.Equal(f.Body, second) {
			t.Errorf("the mirror reads %q, %v", f.Body, err)
		}
		if err := m.RemoveJoblogDocument(ctx, l.ID, d2.ID, now); err == nil {
			t.Error("a read-only transaction removed a document")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	if err := c.RemoveJoblogDocument(ctx, l.ID, d2.ID, now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := c.RemoveJoblogDocument(ctx, l.ID, d2.ID, now); !storage.IsNotFound(err) {
		t.Errorf("removed twice: %v", err)
	}
	if got, _ := c.Joblog(ctx, l.ID); got.Documents != 4 || len(got.DocumentList) != 4 || !got.Updated.Equal(now.Add(time.Minute)) {
		t.Errorf("after removing: %d, %d, %v", got.Documents, len(got.DocumentList), got.Updated)
	}
}

// TestJoblogDocumentsGoWithTheLog: deleting a log deletes its documents,
// and so does the retention rule's deletion of a log not edited for 4
// years (003_…txt: "jf. DFDGs sletteregler slettes efter 4 år").
func TestJoblogDocumentsGoWithTheLog(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	s := storage.New(db, nil)
	rule := ruleNamed(t, "joblogs")
	old := rule.Cutoff(now).Add(-time.Hour)
	deleted, _ := c.CreateJoblog(ctx, aJoblog("Slettet", "A", ""), now)
	expired, _ := c.CreateJoblog(ctx, aJoblog("Gammel", "B", ""), old)
	kept, _ := c.CreateJoblog(ctx, aJoblog("Ny", "C", ""), now)
	for _, l := range []shared.Joblog{deleted, expired, kept} {
		// A document added at the log's own moment: adding one is a change.
		at := l.Updated
		if _, err := c.AddJoblogDocument(ctx, l.ID, shared.DocumentCV, "cv.pdf", pdfOf(l.Title), at); err != nil {
			t.Fatal(err)
		}
	}
	documents := func() int {
		n, err := db.NewSelect().Table("joblog_documents").Count(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return int(n)
	}
	if n := documents(); n != 3 {
		t.Fatalf("%d documents", n)
	}
	if err := c.DeleteJoblog(ctx, deleted.ID); err != nil {
		t.Fatal(err)
	}
	if n := documents(); n != 2 {
		t.Errorf("after deleting a log: %d documents, want 2", n)
	}
	if n, err := s.DeleteExpired(ctx, rule, now, 100); err != nil || n != 1 {
		t.Errorf("retention deleted %d logs (%v), want 1", n, err)
	}
	if n := documents(); n != 1 {
		t.Errorf("after retention: %d documents, want 1", n)
	}
	if _, err := c.JoblogDocumentFile(ctx, kept.ID, 0); !storage.IsNotFound(err) {
		t.Errorf("document 0: %v", err)
	}
}
