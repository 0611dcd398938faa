package httpapi

import (
	"errors"
	"io"
	"net/http"

	"jobnet/shared"
)

// Joblog documents (SPEC C3; shared/joblog_docs.go): added to and removed
// from a saved log one call each; read by the citizen, the jobcenter and
// the a-kasse as the rest of the log (000_…txt 4.4), written by the
// citizen only (the route table's citizenWrite).
//
// An upload's body is the file itself, not a multipart form: the browser
// sends the chosen File object as fetch's body straight from the disk, and
// the server, knowing the length, reads it into one slice of that size
// (readDocument), judges it and hands the same slice to storage. The
// route's body limit is the document limit (documentHandler), not the
// API's 64 kB.

// documentInPath is the {doc} of a document's route.
func documentInPath(r *http.Request) (int64, error) {
	return numberInPath(r, "doc", shared.ErrJoblogDocumentNotFound)
}

// handleAddJoblogDocument: POST /api/joblogs/{id}/documents?kind=&name= —
// one document, the file as the body; answers the saved document.
func handleAddJoblogDocument(req *citizenRequest) (shared.JoblogDocument, error) {
	id, err := idInPath(req.r, shared.ErrJoblogNotFound)
	if err != nil {
		return shared.JoblogDocument{}, err
	}
	q := req.r.URL.Query()
	kind := shared.JoblogDocumentKind(q.Get(shared.ParamDocumentKind))
	if err := shared.CheckDocumentKind(kind); err != nil {
		return shared.JoblogDocument{}, err
	}
	content, err := readDocument(req.r)
	if err != nil {
		return shared.JoblogDocument{}, err
	}
	return req.citizen.AddJoblogDocument(req.ctx(), id, kind, q.Get(shared.ParamDocumentName), content, req.now)
}

// readDocument reads an upload's body into one slice: of the announced
// length when there is one (a body over the limit is refused before a
// byte is read), else grown as it comes, up to the limit that the route's
// http.MaxBytesReader holds.
func readDocument(r *http.Request) ([]byte, error) {
	n := r.ContentLength
	if n > shared.JoblogDocumentMaxBytes {
		return nil, shared.ErrDocumentTooBig()
	}
	if n < 0 {
		b, err := io.ReadAll(r.Body)
		if maxErr := (*http.MaxBytesError)(nil); errors.As(err, &maxErr) {
			return nil, shared.ErrDocumentTooBig()
		}
		if err != nil {
			return nil, errIncomplete()
		}
		return b, nil
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r.Body, b); err != nil {
		return nil, errIncomplete()
	}
	return b, nil
}

func errIncomplete() error {
	return shared.Errorf(shared.EInvalid, "Filen kom ikke helt frem. Prøv igen.")
}

// handleJoblogDocument: GET /api/joblogs/{id}/documents/{doc} — the
// document as an attachment, of the type judged when it was saved.
func handleJoblogDocument(req *citizenRequest) (shared.JoblogDocumentFile, error) {
	id, err := idInPath(req.r, shared.ErrJoblogNotFound)
	if err != nil {
		return shared.JoblogDocumentFile{}, err
	}
	doc, err := documentInPath(req.r)
	if err != nil {
		return shared.JoblogDocumentFile{}, err
	}
	return req.citizen.JoblogDocumentFile(req.ctx(), id, doc)
}

// handleRemoveJoblogDocument: DELETE /api/joblogs/{id}/documents/{doc} —
// "Fjern" in the log's form.
func handleRemoveJoblogDocument(req *citizenRequest) (deleted, error) {
	id, err := idInPath(req.r, shared.ErrJoblogNotFound)
	if err != nil {
		return deleted{}, err
	}
	doc, err := documentInPath(req.r)
	if err != nil {
		return deleted{}, err
	}
	return deleted{true}, req.citizen.RemoveJoblogDocument(req.ctx(), id, doc, req.now)
}
