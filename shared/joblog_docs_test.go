package shared

import (
	"strings"
	"testing"
)

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
