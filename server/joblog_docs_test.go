package server

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jobnet/shared"
)

// uploadDocument sends a file to a log as the app does: the file itself as
// the body, kind and name in the query, and a Content-Type that the server
// ignores.
func (c *client) uploadDocument(logID int64, kind shared.JoblogDocumentKind, name string, body []byte, contentType string) response {
	c.env.tb.Helper()
	q := url.Values{shared.ParamDocumentKind: {string(kind)}, shared.ParamDocumentName: {name}}
	return c.do("POST", shared.JoblogDocumentsPath(logID)+"?"+q.Encode(), string(body), "Content-Type", contentType)
}

// TestJoblogDocumentsAPI: Mads adds documents to a saved log — a PDF named
// .docx is kept and served as a PDF, under a safe name, as an attachment
// no cache keeps; a wrong type, an empty file and one over 10 MB are
// refused with a structured error at the field; the list shows the count;
// the jobcenter and the a-kasse open the document and can neither add nor
// remove one; another citizen cannot reach it.
func TestJoblogDocumentsAPI(t *testing.T) {
	env := newTestEnv(t)
	mads := env.client()
	mads.loginCitizen("mads")
	var l shared.Joblog
	mads.decode(mads.do("POST", shared.APIJoblogs, apiJoblog("Rørlægger ZXDOC", "VVS Hansen")), 200, &l)

	pdf := []byte("%PDF-1.7\nAnsøgning ZXDOCCONTENT\n%%EOF\n")
	var doc shared.JoblogDocument
	mads.decode(mads.uploadDocument(l.ID, shared.DocumentApplication, `Ansøgning "VVS" æøå.docx`, pdf,
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document"), 200, &doc)
	if doc.Type != shared.DocPDF || doc.Name != "Ansøgning VVS æøå.pdf" || doc.Size != int64(len(pdf)) {
		t.Errorf("saved %+v", doc)
	}

	for _, tt := range []struct {
		name, field, msg string
		kind             shared.JoblogDocumentKind
		body             []byte
	}{
		{"ErrExecutable", shared.FieldJoblogDocument, shared.MsgDocumentType, shared.DocumentCV, []byte("\x7fELF\x02\x01\x01rest of it")},
		{"ErrEmpty", shared.FieldJoblogDocument, shared.MsgDocumentEmpty, shared.DocumentCV, nil},
		{"ErrTooLarge", shared.FieldJoblogDocument, shared.MsgDocumentTooBig, shared.DocumentCV,
			append([]byte("%PDF-1.7\n"), make([]byte, shared.JoblogDocumentMaxBytes)...)},
		{"ErrKind", shared.FieldJoblogDocumentKind, shared.MsgDocumentKind, "andet", pdf},
	} {
		r := mads.uploadDocument(l.ID, tt.kind, "cv.pdf", tt.body, "application/pdf")
		if e := r.err(); r.status != http.StatusBadRequest || e.Code != shared.EInvalid || e.FieldMessage(tt.field) != tt.msg {
			t.Errorf("%s: %d %.300s", tt.name, r.status, r.body)
		}
	}
	if r := mads.uploadDocument(l.ID+1000, shared.DocumentCV, "cv.pdf", pdf, "application/pdf"); r.status != http.StatusNotFound {
		t.Errorf("to a log that is not his: %d %s", r.status, r.body)
	}

	if got := mads.joblogs(shared.JoblogQuery{Q: "zxdoc"}); len(got.Logs) != 1 || got.Logs[0].Documents != 1 {
		t.Errorf("the list: %+v", got.Logs)
	}
	var withDocs shared.Joblog
	mads.decode(mads.do("GET", shared.JoblogPath(l.ID), nil), 200, &withDocs)
	if got := withDocs.DocumentList; len(got) != 1 || got[0].ID != doc.ID || got[0].Name != doc.Name || !got[0].Created.Equal(doc.Created) {
		t.Errorf("the log's documents %+v, want %+v", withDocs.DocumentList, doc)
	}

	path := shared.JoblogDocumentPath(l.ID, doc.ID)
	wantHeaders := map[string]string{
		"Content-Type":           "application/pdf",
		"Content-Disposition":    `attachment; filename="Ansoegning VVS aeoeaa.pdf"; filename*=UTF-8''Ans%C3%B8gning%20VVS%20%C3%A6%C3%B8%C3%A5.pdf`,
		"X-Content-Type-Options": "nosniff",
		"Cache-Control":          "private, no-store",
		"Content-Length":         fmt.Sprint(len(pdf)),
	}
	nina, berit := env.mirror("nina", cprMads), env.mirror("berit", cprMads)
	for who, c := range map[string]*client{"mads": mads, "nina": nina, "berit": berit} {
		r := c.do("GET", path, nil)
		if r.status != 200 || !bytes.Equal(r.body, pdf) {
			t.Errorf("%s opens the document: %d %.200s", who, r.status, r.body)
		}
		for k, v := range wantHeaders {
			if got := r.header.Get(k); got != v {
				t.Errorf("%s: %s %q, want %q", who, k, got, v)
			}
		}
		if who == "mads" {
			continue
		}
		if r := c.uploadDocument(l.ID, shared.DocumentCV, "cv.pdf", pdf, "application/pdf"); r.status != http.StatusForbidden || r.err().Message != shared.MsgReadOnly {
			t.Errorf("%s uploads: %d %s", who, r.status, r.body)
		}
		if r := c.do("DELETE", path, nil); r.status != http.StatusForbidden || r.err().Message != shared.MsgReadOnly {
			t.Errorf("%s removes: %d %s", who, r.status, r.body)
		}
	}

	louise := env.client()
	louise.loginCitizen("louise")
	if r := louise.do("GET", path, nil); r.status != http.StatusNotFound || strings.Contains(string(r.body), "ZXDOCCONTENT") {
		t.Errorf("another citizen opens it: %d %s", r.status, r.body)
	}
	if r := louise.do("DELETE", path, nil); r.status != http.StatusNotFound {
		t.Errorf("another citizen removes it: %d %s", r.status, r.body)
	}
	if r := env.client().do("GET", path, nil); r.status != http.StatusUnauthorized {
		t.Errorf("without a login: %d", r.status)
	}

	mads.decode(mads.do("DELETE", path, nil), 200, nil)
	if r := mads.do("GET", path, nil); r.status != http.StatusNotFound || r.err().Message != "Dokumentet findes ikke." {
		t.Errorf("after removing: %d %s", r.status, r.body)
	}
	if got := mads.joblogs(shared.JoblogQuery{Q: "zxdoc"}); got.Logs[0].Documents != 0 {
		t.Errorf("the count after removing: %d", got.Logs[0].Documents)
	}
}
