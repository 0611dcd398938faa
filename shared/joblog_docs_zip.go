//go:build !(js && wasm)

package shared

import (
	"archive/zip"
	"io"
	"strings"
)

// The whole judgement of a document's type is the server's: it needs the
// file, and reading a ZIP's directory would add archive/zip to app.wasm
// for nothing. The browser judges a file's start (JudgeDocumentHead).

// JudgeDocument is the type of a document judged from its content alone:
// PDF, PNG and JPEG by their first bytes; DOCX and ODT, which are ZIP
// archives, by their entries — DOCX has "[Content_Types].xml" and a
// "word/" part, ODT a "mimetype" entry that says
// "application/vnd.oasis.opendocument.text". Only the archive's directory
// and that short entry are read, never the rest of it. Anything else (an
// executable, another archive, text) is refused with MsgDocumentType, an
// empty file with MsgDocumentEmpty and one over the limit with
// MsgDocumentTooBig, each at FieldJoblogDocument.
func JudgeDocument(r io.ReaderAt, size int64) (DocumentType, error) {
	if err := CheckDocumentSize(size); err != nil {
		return "", err
	}
	head := make([]byte, min(size, DocumentHeadBytes))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return "", documentError(FieldJoblogDocument, MsgDocumentType)
	}
	t, zipped := judgeHead(head)
	if zipped {
		t = judgeZip(r, size)
	}
	if t == "" {
		return "", documentError(FieldJoblogDocument, MsgDocumentType)
	}
	return t, nil
}

// judgeZip is DocDOCX or DocODT by the archive's entries, "" for any
// other archive or a damaged one.
func judgeZip(r io.ReaderAt, size int64) DocumentType {
	z, err := zip.NewReader(r, size)
	if err != nil {
		return ""
	}
	var contentTypes, word bool
	for _, f := range z.File {
		switch {
		case f.Name == "[Content_Types].xml":
			contentTypes = true
		case strings.HasPrefix(f.Name, "word/"):
			word = true
		case f.Name == "mimetype" && f.UncompressedSize64 == uint64(len(odtMimetype)):
			if rc, err := f.Open(); err == nil {
				b, err := io.ReadAll(io.LimitReader(rc, int64(len(odtMimetype))+1))
				_ = rc.Close()
				if err == nil && string(b) == odtMimetype {
					return DocODT
				}
			}
		}
	}
	if contentTypes && word {
		return DocDOCX
	}
	return ""
}
