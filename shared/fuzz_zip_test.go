//go:build !(js && wasm)

package shared

import (
	"bytes"
	"testing"
)

// FuzzJudgeDocument: the server's judgement of a file's content never
// panics, and the browser's judgement from the first bytes never refuses
// a file the server would accept (the check before upload only saves a
// round trip; it must not be stricter than the server).
func FuzzJudgeDocument(f *testing.F) {
	for _, b := range [][]byte{
		[]byte("%PDF-1.7\n%âãÏÓ\n"), {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, {0xff, 0xd8, 0xff, 0xe0},
		[]byte("PK\x03\x04"), []byte("\x7fELF"), []byte("MZ\x90\x00"), {}, zipOf(f, false, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"),
		zipOf(f, true, "mimetype", odtMimetype, "content.xml", "<office:document-content/>"),
	} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		typ, err := JudgeDocument(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return
		}
		if typ == "" {
			t.Fatalf("JudgeDocument accepted % x without a type", b[:min(len(b), 16)])
		}
		if err := JudgeDocumentHead(b[:min(len(b), DocumentHeadBytes)]); err != nil {
			t.Fatalf("the server accepts % x as %s, the browser refuses it: %v", b[:min(len(b), 16)], typ, err)
		}
	})
}
