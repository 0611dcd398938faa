//go:build !(js && wasm)

package shared

import (
	"archive/zip"
	"bytes"
	"testing"
)

// zipOf is a ZIP archive of the entries (name, content), in order; stored
// uncompressed when store is set, as an ODT's mimetype must be.
func zipOf(t testing.TB, store bool, entries ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i+1 < len(entries); i += 2 {
		method := zip.Deflate
		if store {
			method = zip.Store
		}
		f, err := w.CreateHeader(&zip.FileHeader{Name: entries[i], Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(entries[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestJudgeDocument: the type comes from the content alone — a PDF named
// .docx is a PDF; an executable named .pdf, a ZIP that is neither DOCX
// nor ODT, an empty file and one over 10 MB are refused at the field.
func TestJudgeDocument(t *testing.T) {
	docx := zipOf(t, false, "[Content_Types].xml", "<Types/>", "_rels/.rels", "<Relationships/>", "word/document.xml", "<w:document/>")
	odt := zipOf(t, true, "mimetype", odtMimetype, "content.xml", "<office:document-content/>")
	tooBig := make([]byte, JoblogDocumentMaxBytes+1)
	copy(tooBig, "%PDF-1.7\n")
	tests := []struct {
		name, file string
		body       []byte
		want       DocumentType
		msg        string
	}{
		{"OKPDF", "ansøgning.pdf", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), DocPDF, ""},
		{"OKPDFNamedDOCX", "ansøgning.docx", []byte("%PDF-1.4\n"), DocPDF, ""},
		{"OKPNG", "annonce.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), DocPNG, ""},
		{"OKJPEG", "annonce.jpg", []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'}, DocJPEG, ""},
		{"OKDOCX", "cv.docx", docx, DocDOCX, ""},
		{"OKODT", "cv.odt", odt, DocODT, ""},
		{"OKODTNamedPDF", "cv.pdf", odt, DocODT, ""},
		{"OKExactlyTheLimit", "stor.pdf", tooBig[:JoblogDocumentMaxBytes], DocPDF, ""},
		{"ErrELFNamedPDF", "cv.pdf", []byte("\x7fELF\x02\x01\x01\x00"), "", MsgDocumentType},
		{"ErrMZNamedPDF", "cv.pdf", []byte("MZ\x90\x00\x03\x00\x00\x00"), "", MsgDocumentType},
		{"ErrZipNotDocument", "cv.docx", zipOf(t, false, "hello.txt", "hej", "word.txt", "ord"), "", MsgDocumentType},
		{"ErrZipWordWithoutContentTypes", "cv.docx", zipOf(t, false, "word/document.xml", "<w:document/>"), "", MsgDocumentType},
		{"ErrZipOtherOpenDocument", "regneark.odt", zipOf(t, true, "mimetype", "application/vnd.oasis.opendocument.spreadsheet"), "", MsgDocumentType},
		{"ErrDamagedZip", "cv.docx", []byte("PK\x03\x04 not really a zip"), "", MsgDocumentType},
		{"ErrText", "cv.pdf", []byte("Kære virksomhed"), "", MsgDocumentType},
		{"ErrHTML", "cv.pdf", []byte("<html><script>alert(1)</script>"), "", MsgDocumentType},
		{"ErrOneByte", "cv.pdf", []byte("%"), "", MsgDocumentType},
		{"ErrEmpty", "cv.pdf", nil, "", MsgDocumentEmpty},
		{"ErrTooLarge", "stor.pdf", tooBig, "", MsgDocumentTooBig},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := JudgeDocument(bytes.NewReader(tt.body), int64(len(tt.body)))
			if got != tt.want {
				t.Errorf("type %q, want %q", got, tt.want)
			}
			if tt.msg == "" {
				if err != nil {
					t.Errorf("refused: %v", err)
				}
				return
			}
			if ErrorCodeOf(err) != EInvalid || ErrorMessageOf(err) != tt.msg {
				t.Fatalf("error %v, want %q", err, tt.msg)
			}
			if e := err.(*Error); e.FieldMessage(FieldJoblogDocument) != tt.msg {
				t.Errorf("not at the field: %+v", e)
			}
		})
	}
}
