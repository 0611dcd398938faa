package browsertest

import (
	"bytes"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jobnet/server/ingestv1"
	"jobnet/shared"
)

// testMessageAttachments: the jobcenter sends Mads a "Kan besvares" letter
// with a PDF; the list marks it with a paperclip (named for a screen
// reader), the message lists the file with its type and size, and its
// link saves the very bytes, as an attachment no cache keeps. Mads writes
// his answer and attaches a program named .pdf: the browser refuses it at
// the file field, nothing is sent and his text stays; he attaches his CV
// (a PDF) instead and sends, and the answer shows with its file. axe-core
// checks every state. A second letter he answers with a ZIP named .docx,
// which passes the browser: the answer is saved, the server refuses the
// file, the message says which and why at the field and that the answer
// waits for a file; he sends his CV with "Send fil", and the answer is
// whole. The scenario changes Mads' data, so each width has a portal of
// its own.
func testMessageAttachments(t *testing.T, tb *tab) {
	const (
		subject = "Browsertest: brev med bilag"
		answer  = "Her er mit CV, som aftalt."
	)
	letter := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	tb.portal.ingest(t, "/api/ingest/v1/messages", ingestv1.Message{MessageID: "browser-att-2", CPR: cprMads, Sender: "Sagsbehandler",
		Subject: "Browsertest: send din ansøgning", Body: "Send os din ansøgning.", Answerable: true})
	tb.portal.ingest(t, "/api/ingest/v1/messages", ingestv1.Message{MessageID: "browser-att-1", CPR: cprMads, Sender: "Sagsbehandler",
		Subject: subject, Body: "Kære Mads\n\nSe det vedhæftede brev, og send os dit CV.", Answerable: true,
		Attachments: []ingestv1.Attachment{{Name: "Indkaldelse til samtale.pdf", Content: letter}}})
	dir := t.TempDir()
	cv := writeTestFile(t, dir, "mit cv.pdf", letter)
	program := writeTestFile(t, dir, "virus.pdf", programBytes)
	notWord := writeTestFile(t, dir, "ansøgning.docx", zipNotWord(t))

	tb.loginCitizen("mads", "Mads Kristensen")
	tb.open("/beskedbakke")
	tb.waitText("#beskeder-ulaeste", subject)
	row := eval[string](tb, "find the message", `[...document.querySelectorAll("#beskeder-ulaeste li")].find(li => li.innerText.includes(`+js(subject)+`)).id`)
	if got := eval[string](tb, "the paperclip's name", `document.querySelector("#`+row+` .jobnet-besked-clip .sr-only").textContent`); got != "Har vedhæftede filer" {
		t.Errorf("the paperclip for a screen reader: %q", got)
	}
	tb.click("#" + row + " a")
	tb.waitPath("/beskedbakke/besked")
	tb.waitText("#besked-attachments-heading", "Vedhæftede filer")
	tb.waitText("#besked-attachments", "Indkaldelse til samtale.pdf (PDF, 77 byte)")
	tb.checkA11y("/beskedbakke/besked (attachment)")
	tb.screenshot("besked-attachment")
	headers := eval[string](tb, "open the file", `fetch(document.querySelector("#besked-attachments a").getAttribute("href")).then(r =>
		r.blob().then(b => [r.status, r.headers.get("content-type"), r.headers.get("content-disposition"), r.headers.get("x-content-type-options"),
			r.headers.get("cache-control"), b.size].join("|")))`)
	want := strings.Join([]string{"200", "application/pdf", `attachment; filename="Indkaldelse til samtale.pdf"; filename*=UTF-8''Indkaldelse%20til%20samtale.pdf`,
		"nosniff", "private, no-store", "77"}, "|")
	if headers != want {
		t.Errorf("the file's answer:\n got %s\nwant %s", headers, want)
	}
	if got := tb.download("#besked-attachments a", "Indkaldelse til samtale.pdf"); !bytes.Equal(got, letter) {
		t.Errorf("the saved file is not the letter's: %q", got)
	}

	// A program named .pdf: refused by the browser at the field; the
	// answer as typed stays, and nothing is sent.
	tb.typeInto("#besked-reply-text", answer)
	tb.do("choose the program", chromedp.SetUploadFiles(chromedp.CSS("#besked-reply-file"), []string{program}))
	tb.click("#besked-reply-file-add")
	tb.waitText("#besked-reply-file-error", shared.MsgDocumentType)
	if got := tb.value("#besked-reply-text"); got != answer {
		t.Errorf("after the refusal the answer holds %q", got)
	}
	if n := eval[int](tb, "the chosen files", `document.querySelectorAll("#besked-reply-files li").length`); n != 0 {
		t.Errorf("the program is on the list (%d files)", n)
	}
	tb.checkA11y("/beskedbakke/besked (file refused)")
	tb.screenshot("besked-reply-file-refused")

	tb.do("choose the CV", chromedp.SetUploadFiles(chromedp.CSS("#besked-reply-file"), []string{cv}))
	tb.click("#besked-reply-file-add")
	tb.waitText("#besked-reply-files", "mit cv.pdf")
	tb.clickButton("Send svar")
	tb.waitText("div.alert-success", "Dit svar er sendt.")
	tb.waitText("#besked-reply-text", answer)
	tb.waitText("#besked-reply-attachments", "mit cv.pdf (PDF, 77 byte)")
	if n := eval[int](tb, "an answer waiting for files", `document.getElementById("besked-reply-missing") ? 1 : 0`); n != 0 {
		t.Error("the sent answer still waits for a file")
	}
	tb.checkA11y("/beskedbakke/besked (answered with a file)")
	saved := eval[string](tb, "open the answer's file", `fetch(document.querySelector("#besked-reply-attachments a").getAttribute("href")).then(r =>
		r.blob().then(b => r.status + "|" + b.size))`)
	if saved != "200|77" {
		t.Errorf("the answer's file: %s", saved)
	}

	// The server refuses a file of a saved answer.
	tb.click("#besked-back")
	tb.waitPath("/beskedbakke")
	tb.waitText("#beskeder-ulaeste", "Browsertest: send din ansøgning")
	row = eval[string](tb, "find the second message", `[...document.querySelectorAll("#beskeder-ulaeste li")].find(li => li.innerText.includes("send din ansøgning")).id`)
	tb.click("#" + row + " a")
	tb.waitText("#besked-subject", "Browsertest: send din ansøgning")
	tb.typeInto("#besked-reply-text", "Min ansøgning er vedhæftet.")
	tb.do("choose the ZIP", chromedp.SetUploadFiles(chromedp.CSS("#besked-reply-file"), []string{notWord}))
	tb.click("#besked-reply-file-add")
	tb.waitText("#besked-reply-files", "ansøgning.docx")
	tb.clickButton("Send svar")
	tb.waitText("#besked-reply-file-error", `Filen "ansøgning.docx" blev ikke sendt: `+shared.MsgDocumentType)
	tb.waitText("#besked-reply-missing-text", "Dit svar er gemt, men mangler 1 fil.")
	tb.waitText("#besked-reply-text", "Min ansøgning er vedhæftet.")
	tb.checkA11y("/beskedbakke/besked (file refused by the server)")
	tb.screenshot("besked-reply-missing")
	tb.do("choose the CV", chromedp.SetUploadFiles(chromedp.CSS("#besked-reply-file"), []string{cv}))
	tb.clickButton("Send fil")
	tb.waitText("#besked-reply-attachments", "mit cv.pdf (PDF, 77 byte)")
	tb.waitUntil("the answer no longer waits", `!document.getElementById("besked-reply-missing")`)
	tb.checkA11y("/beskedbakke/besked (the missing file sent)")
}
