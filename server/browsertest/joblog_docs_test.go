package browsertest

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jobnet/shared"
)

// testJoblogDocuments: Mads fills in a new log and, in "Gem ansøgning,
// jobannonce og CV", adds his application (a PDF). Without a kind the
// browser asks for one; a program named .pdf it refuses at once, by its
// first bytes, before anything is saved. A ZIP named .docx that is no
// Word document passes the browser; "Gem log" saves the log and the
// application, the server refuses the ZIP with the Danish message at the
// file field, and every field holds what he typed.
// Saved again, the log's view lists the application, whose link answers
// the PDF as an attachment that is never sniffed or kept; the list shows
// the paperclip, which leads to the documents. axe-core checks the form
// with the message, the view and the list.
func testJoblogDocuments(t *testing.T, tb *tab) {
	title := "Dokumenttester " + tb.w.name
	dir := t.TempDir()
	pdf := "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
	application := writeTestFile(t, dir, "ansøgning.pdf", []byte(pdf))
	program := writeTestFile(t, dir, "virus.pdf", programBytes)
	notWord := writeTestFile(t, dir, "cv.docx", zipNotWord(t))
	choose := func(id, value string) {
		tb.do("choose "+value, chromedp.Evaluate[chromedp.Void](`(el => { el.value = "`+value+`"; el.dispatchEvent(new Event("change", {bubbles: true})); })(document.getElementById("`+id+`"))`))
	}
	addFile := func(kind shared.JoblogDocumentKind, path string) {
		choose("joblog-document-kind", string(kind))
		tb.do("choose "+filepath.Base(path), chromedp.SetUploadFiles(chromedp.CSS("#joblog-document"), []string{path}))
		tb.click("#joblog-document-add")
		tb.waitText("#joblog-document-list", filepath.Base(path))
	}

	tb.loginCitizen("mads", "Mads Kristensen")
	tb.open("/joblog/ny-jobsoegning")
	tb.waitUntil("the form is drawn", `!!document.getElementById("joblog-form") && !!document.getElementById("joblog-document")`)
	tb.waitText("#joblog-documents-heading", "Gem ansøgning, jobannonce og CV")
	tb.waitText("#joblog-document-hint", "højst fylde 10 MB")
	tb.typeInto("#joblog-title", title)
	tb.do("choose Fuldtid", chromedp.Evaluate[chromedp.Void](`document.getElementById("joblog-working-time-fuldtid").click()`))
	tb.typeInto("#joblog-company", "Dokument ApS")
	tb.typeInto("#joblog-postcode", "8000")
	tb.waitUntil("the city is filled from the postcode", `document.getElementById("joblog-city").value === "Aarhus C"`)
	choose("joblog-found-via", "netvaerk")
	choose("joblog-apply-via", "skriftlig")

	// A file without its kind: the browser asks for the kind.
	tb.do("choose a file", chromedp.SetUploadFiles(chromedp.CSS("#joblog-document"), []string{application}))
	tb.click("#joblog-document-add")
	tb.waitText("#joblog-document-kind-error", shared.MsgDocumentKind)
	addFile(shared.DocumentApplication, application)
	// A program: refused by the browser, nothing sent.
	choose("joblog-document-kind", string(shared.DocumentCV))
	tb.do("choose the program", chromedp.SetUploadFiles(chromedp.CSS("#joblog-document"), []string{program}))
	tb.click("#joblog-document-add")
	tb.waitText("#joblog-document-error", shared.MsgDocumentType)
	tb.waitText("h1", "Log om jobsøgning")
	if list := tb.text("#joblog-document-list"); strings.Contains(list, "virus.pdf") {
		t.Errorf("the program is on the list: %q", list)
	}
	tb.checkA11y("/joblog/ny-jobsoegning (program refused)")
	addFile(shared.DocumentCV, notWord)

	// Saved: the log and the application; the ZIP is refused by the
	// server at the file field, and nothing typed is lost.
	tb.clickButton("Gem log")
	tb.waitText(".alert-error", `Loggen er gemt, men dokumentet "cv.docx" blev ikke gemt.`)
	tb.waitText("#joblog-document-error", shared.MsgDocumentType)
	tb.waitText("h1", "Redigér log")
	for sel, want := range map[string]string{"#joblog-title": title, "#joblog-company": "Dokument ApS", "#joblog-postcode": "8000",
		"#joblog-city": "Aarhus C", "#joblog-found-via": "netvaerk", "#joblog-apply-via": "skriftlig"} {
		if got := tb.value(sel); got != want {
			t.Errorf("after the refusal %s holds %q, want %q", sel, got, want)
		}
	}
	if list := tb.text("#joblog-document-list"); !strings.Contains(list, "ansøgning.pdf") || strings.Contains(list, "cv.docx") {
		t.Errorf("the documents after the refusal: %q", list)
	}
	tb.checkA11y("/joblog/ny-jobsoegning (document refused)")
	tb.screenshot("joblog-documents-refused")

	tb.clickButton("Gem log")
	tb.waitPath("/joblog/log")
	tb.waitText("div.alert-success", "Loggen er gemt.")
	tb.waitText("#joblog-document-list", "Ansøgning: ansøgning.pdf (PDF,")
	tb.checkA11y("/joblog/log (documents)")
	headers := eval[string](tb, "open the document", `fetch(document.querySelector("#joblog-document-list a").getAttribute("href")).then(r =>
		r.blob().then(b => [r.status, r.headers.get("content-type"), r.headers.get("content-disposition"), r.headers.get("x-content-type-options"),
			r.headers.get("cache-control"), b.size].join("|")))`)
	want := strings.Join([]string{"200", "application/pdf", `attachment; filename="ansoegning.pdf"; filename*=UTF-8''ans%C3%B8gning.pdf`,
		"nosniff", "private, no-store", strconv.Itoa(len(pdf))}, "|")
	if headers != want {
		t.Errorf("the document answers\n %s\nwant\n %s", headers, want)
	}

	// The list's paperclip, to the log's documents.
	tb.click("#joblog-back")
	tb.waitPath("/joblog")
	tb.waitText("#joblog-list", title)
	clip := eval[string](tb, "find the paperclip", `(li => li.querySelector(".jobnet-joblog-clip") ? li.querySelector(".jobnet-joblog-clip").innerText + "|" + li.querySelector(".jobnet-joblog-clip").id : "")(
		[...document.querySelectorAll("#joblog-list > li")].find(li => li.innerText.includes(`+js(title)+`)))`)
	text, id, _ := strings.Cut(clip, "|")
	if text != "Har vedhæftede dokumenter: "+title {
		t.Fatalf("the paperclip reads %q", clip)
	}
	tb.checkA11y("/joblog (paperclip)")
	tb.screenshot("joblog-paperclip")
	tb.click("#" + id)
	tb.waitPath("/joblog/log")
	tb.waitText("#joblog-document-list", "ansøgning.pdf")
}

// programBytes starts as a program (ELF) does: no document.
var programBytes = []byte("\x7fELF\x02\x01\x01\x00 not a document")

// zipNotWord is a ZIP that is no Word document: it passes the browser's
// check of a file's first bytes, and the server refuses it.
func zipNotWord(t *testing.T) []byte {
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	if w, err := zw.Create("hej.txt"); err != nil {
		t.Fatal(err)
	} else {
		_, _ = w.Write([]byte("ikke et Word-dokument"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return zipped.Bytes()
}

// writeTestFile writes content to the file name in dir and returns its path.
func writeTestFile(t *testing.T, dir, name string, content []byte) string {
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
