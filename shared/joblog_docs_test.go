package shared

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// zipOf is a ZIP archive of the entries (name, content), in order; stored
// uncompressed when store is set, as an ODT's mimetype must be.
func zipOf(t *testing.T, store bool, entries ...string) []byte {
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

// TestJudgeDocumentHead: what the browser refuses before sending — files
// that start as no accepted type does; a ZIP is left to the server.
func TestJudgeDocumentHead(t *testing.T) {
	for name, tt := range map[string]struct {
		head string
		ok   bool
	}{
		"OKPDF": {"%PDF-1.7", true}, "OKPNG": {"\x89PNG\r\n\x1a\n", true}, "OKJPEG": {"\xff\xd8\xff\xe0", true},
		"OKZip":  {"PK\x03\x04\x14\x00", true},
		"ErrELF": {"\x7fELF\x02\x01", false}, "ErrMZ": {"MZ\x90\x00", false}, "ErrText": {"Kære virk", false}, "ErrShort": {"%P", false},
	} {
		err := JudgeDocumentHead([]byte(tt.head))
		if tt.ok != (err == nil) || (err != nil && ErrorMessageOf(err) != MsgDocumentType) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestDocumentContentType(t *testing.T) {
	for typ, want := range map[DocumentType]string{DocPDF: "application/pdf", DocPNG: "image/png", DocJPEG: "image/jpeg",
		DocDOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DocODT: "application/vnd.oasis.opendocument.text"} {
		if got := typ.ContentType(); got != want {
			t.Errorf("%s: %q, want %q", typ, got, want)
		}
	}
}

func TestCleanDocumentName(t *testing.T) {
	long := strings.Repeat("æ", 300) + ".pdf"
	tests := []struct {
		name string
		typ  DocumentType
		want string
	}{
		{"Ansøgning til Rørlæggeren.pdf", DocPDF, "Ansøgning til Rørlæggeren.pdf"},
		{"ansøgning.docx", DocPDF, "ansøgning.pdf"},
		{"CV.PDF", DocPDF, "CV.PDF"},
		{"cv", DocPDF, "cv.pdf"},
		{"cv.v2", DocODT, "cv.v2.odt"},
		{"annonce.jpeg", DocJPEG, "annonce.jpeg"},
		{"annonce.png", DocJPEG, "annonce.jpg"},
		{`C:\Users\mads\Documents\cv.docx`, DocDOCX, "cv.docx"},
		{"../../etc/passwd", DocPDF, "passwd.pdf"},
		{"a\"b<c>d|e?f*.pdf", DocPDF, "abcdef.pdf"},
		{"evil\u202Efdp.exe", DocPDF, "evilfdp.exe.pdf"},
		{"line\nbreak.pdf", DocPDF, "linebreak.pdf"},
		{"", DocPNG, "dokument.png"},
		{"...", DocPDF, "dokument.pdf"},
		{".pdf", DocPDF, "dokument.pdf"},
		{long, DocPDF, strings.Repeat("æ", JoblogDocumentNameMax-4) + ".pdf"},
	}
	for _, tt := range tests {
		if got := CleanDocumentName(tt.name, tt.typ); got != tt.want {
			t.Errorf("CleanDocumentName(%q, %s) = %q, want %q", tt.name, tt.typ, got, tt.want)
		}
	}
}

func TestCheckDocumentKind(t *testing.T) {
	for _, k := range []JoblogDocumentKind{DocumentJobAd, DocumentCV, DocumentApplication} {
		if err := CheckDocumentKind(k); err != nil {
			t.Errorf("%s refused: %v", k, err)
		}
	}
	for _, k := range []JoblogDocumentKind{"", "andet", "CV"} {
		if err := CheckDocumentKind(k); ErrorCodeOf(err) != EInvalid || err.(*Error).FieldMessage(FieldJoblogDocumentKind) != MsgDocumentKind {
			t.Errorf("%q: %v", k, err)
		}
	}
}

func TestSizeText(t *testing.T) {
	for n, want := range map[int64]string{0: "0 byte", 999: "999 byte", 1000: "1 kB", 850_400: "850 kB", 999_499: "999 kB",
		1_000_000: "1,0 MB", 4_249_999: "4,2 MB", 4_250_000: "4,3 MB", 10 << 20: "10,5 MB"} {
		if got := SizeText(n); got != want {
			t.Errorf("SizeText(%d) = %q, want %q", n, got, want)
		}
	}
}
