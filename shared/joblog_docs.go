package shared

import (
	"bytes"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Joblog documents (SPEC C3; FEATURES.md 3; 003_…txt «Joblog», section
// "Gem ansøgning, jobannonce og CV (Dokumenter)"): "En log kan have
// tilknyttet 3 forskellige typer af Joblog dokument: En PDF af
// jobannoncen, et CV, en ansøgning." The section is optional [003:
// "hvoraf sektionen … er frivillig"]; a log with documents shows a
// paperclip ("en klips") in the list; the documents go with their log
// when it is deleted, the 4-year rule's deletion too [003: "jf. DFDGs
// sletteregler slettes efter 4 år"].
//
// Decisions where the sources are silent:
//   - Accepted types: PDF, Word (DOCX), OpenDocument text (ODT), PNG and
//     JPEG, for every kind (a screenshot of an ad is a fair "jobannonce";
//     the source's "PDF af jobannoncen" is the usual case, not a rule).
//     The type is judged from the content alone (JudgeDocument), never
//     from the name or the Content-Type the browser sends; the document is
//     served with the judged type.
//   - At most JoblogDocumentMaxBytes (10 MB) a document and
//     JoblogMaxDocuments (5) a log: an application, a CV and an ad, and
//     room for a second version or an attachment; the form says both.
//   - A document's name is the file's, cleaned (CleanDocumentName): the
//     folder, control characters and the characters file systems refuse
//     are dropped, and the judged type's extension is put in place of a
//     wrong one, so that the file opens with the right program.
//   - Documents are added to and removed from a saved log, one call each
//     (README, Joblog documents); adding or removing one is a change of the
//     log, which keeps it from the 4-year rule.

// JoblogDocumentKind is one of the source's three kinds of document.
type JoblogDocumentKind string

const (
	DocumentJobAd       JoblogDocumentKind = "jobannonce"
	DocumentCV          JoblogDocumentKind = "cv"
	DocumentApplication JoblogDocumentKind = "ansoegning"
)

// JoblogDocumentKindOptions are the kinds, in the order of the section's
// heading "Gem ansøgning, jobannonce og CV".
var JoblogDocumentKindOptions = []Option{
	{string(DocumentApplication), "Ansøgning", "Application"},
	{string(DocumentJobAd), "Jobannonce", "Job ad"},
	{string(DocumentCV), "CV", "CV"},
}

// Limits of a log's documents.
const (
	// JoblogDocumentMaxBytes is the most a document may hold: 10 MB.
	JoblogDocumentMaxBytes = 10 << 20
	// JoblogMaxDocuments is the most documents a log may have.
	JoblogMaxDocuments = 5
	// JoblogDocumentNameMax is the longest name kept, in characters.
	JoblogDocumentNameMax = 200
)

// DocumentType is a type of file Jobnet keeps, judged from the content.
type DocumentType string

const (
	DocPDF  DocumentType = "pdf"
	DocDOCX DocumentType = "docx"
	DocODT  DocumentType = "odt"
	DocPNG  DocumentType = "png"
	DocJPEG DocumentType = "jpeg"
)

// ContentType is the type's media type, which the document is served with.
func (t DocumentType) ContentType() string {
	switch t {
	case DocPDF:
		return "application/pdf"
	case DocDOCX:
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case DocODT:
		return "application/vnd.oasis.opendocument.text"
	case DocPNG:
		return "image/png"
	case DocJPEG:
		return "image/jpeg"
	}
	return "application/octet-stream"
}

// extensions are the names' endings of each type; the first is given to a
// name without one of them.
func (t DocumentType) extensions() []string {
	if t == DocJPEG {
		return []string{".jpg", ".jpeg"}
	}
	return []string{"." + string(t)}
}

// Label is the type as the page names it.
func (t DocumentType) Label() string {
	switch t {
	case DocDOCX:
		return "Word"
	case DocODT:
		return "ODT"
	}
	return strings.ToUpper(string(t))
}

// FieldJoblogDocument is where a document's messages go; FieldJoblogDocumentKind
// is its kind's.
const (
	FieldJoblogDocument     = "document"
	FieldJoblogDocumentKind = "document_kind"
)

// The messages of a refused document.
const (
	MsgDocumentEmpty   = "Filen er tom. Vælg en anden fil."
	MsgDocumentTooBig  = "Filen er for stor. Et dokument må højst fylde 10 MB."
	MsgDocumentType    = "Filen kan ikke gemmes, fordi den ikke er en PDF-, Word- (DOCX), ODT-, PNG- eller JPEG-fil."
	MsgDocumentKind    = "Vælg, om dokumentet er en ansøgning, en jobannonce eller et CV."
	MsgDocumentTooMany = "Loggen har allerede 5 dokumenter. Fjern et, før du tilføjer et nyt."
	// JoblogDocumentsHelp is the section's help text: what may be saved.
	JoblogDocumentsHelp = "Du kan gemme PDF, Word (DOCX), ODT, PNG og JPEG. Et dokument må højst fylde 10 MB, og en log kan have op til 5 dokumenter."
)

// documentError is a refusal at the document's field.
func documentError(field, msg string) *Error {
	return &Error{Code: EInvalid, Message: msg, Fields: []FieldError{{Field: field, Message: msg}}}
}

// ErrDocumentTooBig refuses a document over the limit.
func ErrDocumentTooBig() error { return documentError(FieldJoblogDocument, MsgDocumentTooBig) }

// ErrDocumentTooMany refuses a document beyond the log's limit.
func ErrDocumentTooMany() error { return documentError(FieldJoblogDocument, MsgDocumentTooMany) }

// ErrJoblogDocumentNotFound answers a document the log does not have.
func ErrJoblogDocumentNotFound() error { return Errorf(ENotFound, "Dokumentet findes ikke.") }

// CheckDocumentKind refuses a kind that is not one of the three.
func CheckDocumentKind(k JoblogDocumentKind) error {
	if !isOption(JoblogDocumentKindOptions, string(k)) {
		return documentError(FieldJoblogDocumentKind, MsgDocumentKind)
	}
	return nil
}

// CheckDocumentSize refuses an empty file and one over the limit: the
// browser asks before it sends, the server again with what it got.
func CheckDocumentSize(size int64) error {
	switch {
	case size <= 0:
		return documentError(FieldJoblogDocument, MsgDocumentEmpty)
	case size > JoblogDocumentMaxBytes:
		return ErrDocumentTooBig()
	}
	return nil
}

// The first bytes of each type that is not a ZIP.
var (
	magicPDF  = []byte("%PDF-")
	magicPNG  = []byte("\x89PNG\r\n\x1a\n")
	magicJPEG = []byte{0xFF, 0xD8, 0xFF}
	magicZIP  = []byte("PK\x03\x04")
)

// odtMimetype is the content of an ODT's "mimetype" entry (OpenDocument
// 1.2 part 3, 3.3).
const odtMimetype = "application/vnd.oasis.opendocument.text"

// DocumentHeadBytes is how much of a file's start JudgeDocumentHead needs.
const DocumentHeadBytes = 8

// JudgeDocumentHead is what the browser can judge before it sends a file,
// from its first DocumentHeadBytes: refused when it starts as none of the
// accepted types do. A ZIP passes; only the server reads its entries.
func JudgeDocumentHead(head []byte) error {
	if t, zipped := judgeHead(head); t == "" && !zipped {
		return documentError(FieldJoblogDocument, MsgDocumentType)
	}
	return nil
}

// judgeHead is the type a file's first bytes show, or zipped for a ZIP
// archive, whose type its entries tell.
func judgeHead(head []byte) (t DocumentType, zipped bool) {
	switch {
	case bytes.HasPrefix(head, magicPDF):
		return DocPDF, false
	case bytes.HasPrefix(head, magicPNG):
		return DocPNG, false
	case bytes.HasPrefix(head, magicJPEG):
		return DocJPEG, false
	}
	return "", bytes.HasPrefix(head, magicZIP)
}

// CleanDocumentName is the name a document is kept and offered under: the
// file's own name without any folder, control characters or the
// characters Windows refuses in a name, at most JoblogDocumentNameMax
// characters, and ending with the judged type's extension — put in place
// of another document type's ("ansøgning.docx" judged a PDF is
// "ansøgning.pdf") or added ("cv" is "cv.pdf"). An empty name becomes
// "dokument".
func CleanDocumentName(name string, t DocumentType) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = path.Base(name)
	var b strings.Builder
	for _, r := range name {
		if r == utf8.RuneError || unicode.IsControl(r) || strings.ContainsRune(`<>:"/\|?*`, r) ||
			unicode.Is(unicode.Cf, r) { // bidi overrides and other invisible formatting
			continue
		}
		b.WriteRune(r)
	}
	name = strings.TrimSpace(b.String())
	ext := strings.ToLower(path.Ext(name))
	base := name
	if ext != "" && isDocumentExtension(ext) {
		base = name[:len(name)-len(ext)]
	}
	want := t.extensions()
	keep := ""
	for _, e := range want {
		if ext == e {
			keep = name[len(name)-len(ext):]
		}
	}
	if keep == "" {
		keep = want[0]
	}
	base = strings.Trim(strings.TrimSpace(base), ".")
	if base == "" {
		base = "dokument"
	}
	if room := JoblogDocumentNameMax - utf8.RuneCountInString(keep); utf8.RuneCountInString(base) > room {
		base = strings.TrimSpace(string([]rune(base)[:room]))
	}
	return base + keep
}

// isDocumentExtension reports whether ext names one of the accepted types.
func isDocumentExtension(ext string) bool {
	switch ext {
	case ".pdf", ".docx", ".doc", ".odt", ".png", ".jpg", ".jpeg":
		return true
	}
	return false
}

// JoblogDocument is one saved document of a log, without its content.
type JoblogDocument struct {
	ID   int64              `json:"id"`
	Kind JoblogDocumentKind `json:"kind"`
	// Name is the cleaned file name (CleanDocumentName).
	Name    string       `json:"name"`
	Type    DocumentType `json:"type"`
	Size    int64        `json:"size"`
	Created time.Time    `json:"created"`
}

// KindLabel is the kind as the page names it.
func (d JoblogDocument) KindLabel() string {
	return OptionLabel(JoblogDocumentKindOptions, string(d.Kind))
}

// SizeText is the size in Danish: "850 kB", "4,2 MB".
func SizeText(n int64) string {
	switch {
	case n < 1000:
		return strconv.FormatInt(n, 10) + " byte"
	case n < 1000*1000:
		return strconv.FormatInt((n+500)/1000, 10) + " kB"
	}
	tenths := (n + 50*1000) / (100 * 1000)
	return strconv.FormatInt(tenths/10, 10) + "," + strconv.FormatInt(tenths%10, 10) + " MB"
}

// JoblogDocumentFile is a document's content as served: an attachment
// with its judged type.
type JoblogDocumentFile File

// API paths of a log's documents: the upload (POST …/documents?kind=&name=,
// the file itself as the body) and one document (GET: its content as an
// attachment; DELETE). The log's own GET lists them (Joblog.DocumentList).
const (
	APIJoblogDocuments = "/api/joblogs/{id}/documents"
	APIJoblogDocument  = "/api/joblogs/{id}/documents/{doc}"
	// Query parameters of the upload.
	ParamDocumentKind = "kind"
	ParamDocumentName = "name"
)

// JoblogDocumentsPath is APIJoblogDocuments for one log.
func JoblogDocumentsPath(logID int64) string { return JoblogPath(logID) + "/documents" }

// JoblogDocumentPath is APIJoblogDocument for one document.
func JoblogDocumentPath(logID, docID int64) string {
	return JoblogDocumentsPath(logID) + "/" + strconv.FormatInt(docID, 10)
}

// 000_…txt 4.4: the a-kasse reads the member's Joblog whole; the documents
// are part of the log and go with it (FEATURES.md 10).
func (JoblogDocument) akasseView()     {}
func (JoblogDocumentFile) akasseView() {}
