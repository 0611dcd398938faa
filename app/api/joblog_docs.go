package api

import (
	"context"
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/shared"
)

// File is a file the person chose in a file field: its name and size, and
// the browser's handle to it, which the upload sends as it is.
type File struct {
	Name string
	Size int64
	blob app.Value
}

// FileOf is the file of a file field's File object (input.files[i]).
func FileOf(v app.Value) File {
	return File{Name: v.Get("name").String(), Size: int64(v.Get("size").Float()), blob: v}
}

// FileHead is the start of a chosen file, as much as
// shared.JudgeDocumentHead needs: the browser's first judgement of its
// type, before anything is sent.
func FileHead(ctx context.Context, f File) ([]byte, error) {
	return fileHead(ctx, f, shared.DocumentHeadBytes)
}

// UploadJoblogDocument adds a document to a saved log
// (POST /api/joblogs/{id}/documents?kind=&name=, the file as the body).
// The Content-Type says only that the body is a file: the server judges
// the type from the content.
func UploadJoblogDocument(ctx context.Context, logID int64, kind shared.JoblogDocumentKind, f File) (shared.JoblogDocument, error) {
	q := url.Values{shared.ParamDocumentKind: {string(kind)}, shared.ParamDocumentName: {f.Name}}
	var doc shared.JoblogDocument
	return doc, upload(ctx, shared.JoblogDocumentsPath(logID)+"?"+q.Encode(), f, &doc)
}

// upload POSTs the file f itself as the body to path (with its query) and
// decodes the answer into out.
func upload(ctx context.Context, path string, f File, out any) error {
	headers := map[string]string{"X-Jobnet-Path": app.Window().URL().Path, "Content-Type": "application/octet-stream"}
	status, resp, date, err := roundTripFile(ctx, "POST", path, headers, f)
	return answer(status, resp, date, err, out)
}

// RemoveJoblogDocument removes a document from a log
// (DELETE /api/joblogs/{id}/documents/{doc}).
func RemoveJoblogDocument(ctx context.Context, logID, docID int64) error {
	return call(ctx, "DELETE", shared.JoblogDocumentPath(logID, docID), nil, nil)
}
