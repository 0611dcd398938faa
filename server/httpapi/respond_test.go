package httpapi

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestContentDisposition: an attachment's name by RFC 6266, UTF-8 in
// filename* and a plain ASCII fallback that cannot end the quoted string.
func TestContentDisposition(t *testing.T) {
	for name, want := range map[string]string{
		"cv.pdf":                 `attachment; filename="cv.pdf"; filename*=UTF-8''cv.pdf`,
		"Ansøgning til Å.pdf":    `attachment; filename="Ansoegning til Aa.pdf"; filename*=UTF-8''Ans%C3%B8gning%20til%20%C3%85.pdf`,
		`a"b\c.pdf`:              `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`,
		"smil 😀.png":             `attachment; filename="smil _.png"; filename*=UTF-8''smil%20%F0%9F%98%80.png`,
		"50% (endelig);v=2.docx": `attachment; filename="50% (endelig);v=2.docx"; filename*=UTF-8''50%25%20%28endelig%29%3Bv%3D2.docx`,
	} {
		if got := contentDisposition(name); got != want {
			t.Errorf("contentDisposition(%q)\n got %s\nwant %s", name, got, want)
		}
	}
}

// TestWriteErrorClientGone: a request whose client went away is answered
// 499 and logged as nothing worse than debug, whatever the error it ended
// with (a cancelled query); a request still wanted gets the structured
// error.
func TestWriteErrorClientGone(t *testing.T) {
	var logged bytes.Buffer
	a := &API{log: slog.New(slog.NewTextHandler(&logged, &slog.HandlerOptions{Level: slog.LevelInfo}))}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	w := httptest.NewRecorder()
	a.writeError(w, httptest.NewRequest("GET", "/api/joblogs", nil).WithContext(ctx), context.Canceled)
	if w.Code != statusClientClosed || logged.Len() != 0 {
		t.Errorf("client gone: %d, logged %q", w.Code, logged.String())
	}
	w = httptest.NewRecorder()
	a.writeError(w, httptest.NewRequest("GET", "/api/joblogs", nil), errors.New("a fault"))
	if w.Code != 500 || !strings.Contains(logged.String(), "internal error") || !strings.Contains(w.Body.String(), `"code"`) {
		t.Errorf("a fault: %d %s, logged %q", w.Code, w.Body, logged.String())
	}
}
