package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"strconv"
	"strings"

	"jobnet/server/storage"
	"jobnet/shared"
)

// respond is the one encoding path of every answer. For an a-kasse
// caseworker it fails closed: it sends only an a-kasse view
// (shared.AKasseView), and answers anything else with an internal error,
// logged, so that a handler that forgets the projection cannot leak
// (SPEC K4).
func (a *API) respond(w http.ResponseWriter, r *http.Request, actor shared.Actor, v any) {
	if v == nil {
		v = noContent{}
	}
	if _, none := v.(noContent); !none && actor.Role == shared.RoleAKasse {
		if _, ok := v.(shared.AKasseView); !ok {
			a.writeError(w, r, fmt.Errorf("an answer of type %T for an a-kasse caseworker is not an a-kasse view", v))
			return
		}
	}
	switch v := v.(type) {
	case noContent:
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusNoContent)
	case shared.File:
		writeFile(w, v)
	case shared.AKasseFile:
		writeFile(w, shared.File(v))
	case shared.JoblogDocumentFile:
		writeFile(w, shared.File(v))
	case shared.MessageAttachmentFile:
		writeFile(w, shared.File(v))
	case shared.NoticePage:
		writeNotice(w, v)
	case icsFeed:
		writeICS(w, v)
	default:
		writeJSON(w, http.StatusOK, v)
	}
}

// writeFile sends a document as an attachment, never shown in the page
// (a citizen's upload could otherwise run as the portal's own page): its
// type as judged, no sniffing, kept by no cache.
func writeFile(w http.ResponseWriter, f shared.File) {
	h := w.Header()
	h.Set("Content-Type", f.ContentType)
	h.Set("Content-Disposition", contentDisposition(f.Name))
	h.Set("Content-Length", strconv.Itoa(len(f.Body)))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "private, no-store")
	_, _ = w.Write(f.Body)
}

// contentDisposition is "attachment" with the file's name by RFC 6266:
// filename* in UTF-8 (RFC 8187) for the browsers, and a plain ASCII
// filename for the rest, with æ, ø and å spelt ae, oe and aa and every
// other character outside printable ASCII, quote and backslash as "_".
func contentDisposition(name string) string {
	var ascii, ext strings.Builder
	for _, r := range name {
		switch {
		case r == '"' || r == '\\':
			ascii.WriteByte('_')
		case r >= 0x20 && r < 0x7f:
			ascii.WriteRune(r)
		default:
			if t, ok := danishASCII[r]; ok {
				ascii.WriteString(t)
			} else {
				ascii.WriteByte('_')
			}
		}
	}
	for _, b := range []byte(name) {
		// RFC 8187 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~"
		if 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || strings.IndexByte("!#$&+-.^_`|~", b) >= 0 {
			ext.WriteByte(b)
		} else {
			fmt.Fprintf(&ext, "%%%02X", b)
		}
	}
	return `attachment; filename="` + ascii.String() + `"; filename*=UTF-8''` + ext.String()
}

var danishASCII = map[rune]string{'æ': "ae", 'ø': "oe", 'å': "aa", 'Æ': "Ae", 'Ø': "Oe", 'Å': "Aa", 'é': "e", 'ü': "u", 'ö': "o", 'ä': "a"}

// noticePage is a mail link's page: the portal's styles, a heading and a
// sentence, and the way to Find Job.
var noticePage = template.Must(template.New("notice").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{.Title}} – {{if eq .Lang "en"}}Work in Denmark{{else}}Jobnet{{end}}</title>
<link rel="stylesheet" href="/web/dkfds/css/dkfds.min.css">
</head>
<body>
<main class="container page-container" id="main-content">
<h1>{{.Title}}</h1>
<p class="font-lead">{{.Text}}</p>
{{if .Action}}<form method="post" action="{{.Action}}"><button type="submit" class="button button-primary">{{.Button}}</button></form>
{{end}}<p><a href="/find-job{{if eq .Lang "en"}}?WIDK=true{{end}}">{{if eq .Lang "en"}}Find a job in Denmark{{else}}Find job{{end}}</a></p>
</main>
</body>
</html>
`))

func writeNotice(w http.ResponseWriter, p shared.NoticePage) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Robots-Tag", "noindex")
	w.WriteHeader(p.Status)
	_ = noticePage.Execute(w, p)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if w.Header().Get("Cache-Control") == "" || status != http.StatusOK { // a handler may allow caching
		w.Header().Set("Cache-Control", "no-store")
	}
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// statusOf maps each error code to one HTTP status.
var statusOf = map[shared.ErrorCode]int{
	shared.EInvalid:         http.StatusBadRequest,
	shared.ENotFound:        http.StatusNotFound,
	shared.EForbidden:       http.StatusForbidden,
	shared.EConflict:        http.StatusConflict,
	shared.EUnauthorized:    http.StatusUnauthorized,
	shared.ETooManyRequests: http.StatusTooManyRequests,
	shared.EInternal:        http.StatusInternalServerError,
	shared.EUnavailable:     http.StatusServiceUnavailable,
}

// retryAfter is what a 503 asks the client to wait, in seconds: the
// database's restart or failover takes a few (issue 15 measures it).
const retryAfter = "2"

// statusClientClosed is the status logged for a request whose client went
// away before its answer.
const statusClientClosed = 499

// writeError answers with the structured error. An error that is not a
// *shared.Error is logged and described only generically.
func (a *API) writeError(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil {
		// The client closed the connection before its answer (a tab
		// closed, a load generator stopping): its request was cancelled,
		// nothing went wrong here, and no one reads the answer. 499 is
		// nginx's "client closed request", for the request log.
		a.log.Debug("client gone", "method", r.Method, "path", r.URL.Path, "err", err)
		w.WriteHeader(statusClientClosed)
		return
	}
	var maxErr *http.MaxBytesError
	if errors.As(err, &maxErr) {
		err = shared.Errorf(shared.EInvalid, "Forespørgslen er for stor.")
	}
	if storage.Unavailable(err) {
		a.log.Warn("database unavailable", "method", r.Method, "path", r.URL.Path, "err", err)
		w.Header().Set("Retry-After", retryAfter)
		err = shared.NewError(shared.EUnavailable)
	}
	code := shared.ErrorCodeOf(err)
	// An error with more to say than its fields (a lost booking's next
	// free times, handlers_booking.go) answers with its own body, which
	// reads as a shared.Error too.
	var wb interface{ WireBody() any }
	if errors.As(err, &wb) && code != shared.EInternal {
		writeJSON(w, statusOf[code], wb.WireBody())
		return
	}
	var e *shared.Error
	if !errors.As(err, &e) {
		a.log.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
		e = shared.NewError(shared.EInternal)
	}
	writeJSON(w, statusOf[code], e)
}

// decode reads a JSON body into v and validates it with the shared
// validators.
func decode(r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return shared.Errorf(shared.EInvalid, "Forespørgslen skal være JSON.")
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var maxErr *http.MaxBytesError
		if errors.As(err, &maxErr) {
			return err
		}
		return shared.Errorf(shared.EInvalid, "Forespørgslen kunne ikke læses.")
	}
	if _, err := dec.Token(); err != io.EOF {
		return shared.Errorf(shared.EInvalid, "Forespørgslen kunne ikke læses.")
	}
	return shared.Validate(v)
}
