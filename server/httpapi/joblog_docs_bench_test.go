package httpapi

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"jobnet/shared"
)

// discard is a ResponseWriter that keeps the headers and counts the body,
// so that a download's measure is the server's, not a recorder's copy.
type discard struct {
	h      http.Header
	status int
	n      int
}

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) WriteHeader(status int)      { d.status = status }
func (d *discard) Write(b []byte) (int, error) { d.n += len(b); return len(b), nil }

// BenchmarkJoblogDocument: the upload and the download of a 5 MB document
// (incompressible, like a real PDF's streams) through a route's endpoint —
// session, policy, handler, storage, PostgreSQL — in this process, as a
// citizen. B/op is what one request allocates: the aim is one copy of the
// document each way (the slice the body is read into, the slice pgx
// decodes the column into) besides what the driver keeps for its own
// buffers.
func BenchmarkJoblogDocument(b *testing.B) {
	const size = 5 << 20
	a, _, _ := newTestAPI(b)
	ck := login(b, a, shared.APILogin, "mads")
	serve := func(method, pattern, path string, body []byte, values map[string]string, w http.ResponseWriter) {
		var req *http.Request
		if body != nil {
			req = httptest.NewRequest(method, path, bytes.NewReader(body))
			req.ContentLength = int64(len(body))
		} else {
			req = httptest.NewRequest(method, path, nil)
		}
		req.AddCookie(ck)
		for k, v := range values {
			req.SetPathValue(k, v)
		}
		a.endpoint(routeOf(b, method+" "+pattern)).ServeHTTP(w, req)
	}
	in, _ := json.Marshal(shared.JoblogInput{Kind: shared.JoblogJob, Title: "Benchmark", WorkingTime: shared.FullTimeJob, Company: "A/S",
		Postcode: "2300", FoundVia: "jobnet", ApplyVia: "skriftlig"})
	rec := httptest.NewRecorder()
	serve("POST", shared.APIJoblogs, shared.APIJoblogs, in, nil, rec)
	var l shared.Joblog
	if err := json.Unmarshal(rec.Body.Bytes(), &l); err != nil || l.ID == 0 {
		b.Fatalf("a log: %s", rec.Body)
	}
	logID := strconv.FormatInt(l.ID, 10)
	content := make([]byte, size)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range content {
		content[i] = byte(rng.Uint32())
	}
	copy(content, "%PDF-1.7\n")
	upload := func(w http.ResponseWriter) {
		serve("POST", shared.APIJoblogDocuments, shared.JoblogDocumentsPath(l.ID)+"?kind=cv&name=cv.pdf", content, map[string]string{"id": logID}, w)
	}
	remove := func(doc int64) {
		w := httptest.NewRecorder()
		serve("DELETE", shared.APIJoblogDocument, shared.JoblogDocumentPath(l.ID, doc), nil,
			map[string]string{"id": logID, "doc": strconv.FormatInt(doc, 10)}, w)
		if w.Code != 200 {
			b.Fatalf("remove: %d %s", w.Code, w.Body)
		}
	}

	b.Run("upload", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(size)
		for b.Loop() {
			w := httptest.NewRecorder()
			upload(w)
			b.StopTimer()
			var doc shared.JoblogDocument
			if w.Code != 200 || json.Unmarshal(w.Body.Bytes(), &doc) != nil {
				b.Fatalf("upload: %d %s", w.Code, w.Body)
			}
			remove(doc.ID)
			b.StartTimer()
		}
	})

	w := httptest.NewRecorder()
	upload(w)
	var doc shared.JoblogDocument
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		b.Fatalf("upload: %d %s", w.Code, w.Body)
	}
	values := map[string]string{"id": logID, "doc": strconv.FormatInt(doc.ID, 10)}
	b.Run("download", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(size)
		for b.Loop() {
			d := &discard{h: http.Header{}}
			serve("GET", shared.APIJoblogDocument, shared.JoblogDocumentPath(l.ID, doc.ID), nil, values, d)
			if d.n != size || d.h.Get("Content-Type") != "application/pdf" {
				b.Fatalf("download: %d bytes, %v", d.n, d.h)
			}
		}
	})
}
