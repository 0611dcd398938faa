package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jobnet/shared"
)

// testScreening: Nina, mirroring, sees Jonas' waiting screening without a
// way to answer it. Jonas opens the Forberedelsesskema from the Forside (the
// demo's dagpenge screening waits for him), answers all but one question,
// is told at that question and keeps every answer he gave, answers it and
// sends; the receipt ("Kvittering - forberedelsesskema") shows his answers,
// and "Hent som Pdf" downloads them. Berit, his a-kasse, then sees the
// receipt of this dagpenge screening in mirror mode, without a form. axe
// checks the form, its errors, the receipt and the mirror. The scenario
// answers Jonas' screening, so each width has a portal of its own.
func testScreening(t *testing.T, tb *tab) {
	choose := func(id string) {
		tb.do("choose "+id, chromedp.Evaluate[chromedp.Void](`document.getElementById("screening-`+id+`").click()`))
	}
	// Nina sees the waiting screening's questions, disabled, without "Send".
	tb.loginCaseworker("nina")
	tb.mirror(cprJonas)
	tb.waitMirrorOf("Jonas Madsen")
	tb.openCard(0, "Forberedelsesskema", "/forberedelsesskema")
	tb.waitText("#screening-unanswered", "Borgeren har ikke udfyldt forberedelsesskemaet endnu.")
	if n := eval[int](tb, "look for enabled inputs and Send", `document.querySelectorAll("#screening-form input:not([disabled]), #screening-send").length`); n != 0 {
		t.Errorf("the mirror offers %d inputs or buttons to answer with", n)
	}
	tb.checkA11y("/forberedelsesskema (mirror)")
	tb.clickButton("Log ud")
	tb.waitPath("/sagsbehandleradgang")

	tb.loginCitizen("jonas", "Jonas Madsen")
	tb.openCard(0, "Forberedelsesskema", "/forberedelsesskema")
	tb.waitText("h1", "Forberedelsesskema")
	tb.waitUntil("the form is drawn", `!!document.getElementById("screening-form")`)
	tb.waitText("#screening-uddannelse legend", "1: Hvad er den højeste uddannelse, du har gennemført?")
	tb.checkA11y("/forberedelsesskema")
	tb.screenshot("screening-form")

	answers := shared.ScreeningSourceAnswers()
	for q, opts := range answers {
		if q == "opsagt" {
			continue
		}
		for _, o := range opts {
			choose(o)
		}
	}
	tb.clickButton("Send")
	tb.waitText("#screening-opsagt-error", shared.MsgScreeningChooseOne)
	if n := eval[int](tb, "count the messages", `document.querySelectorAll(".form-error-message").length`); n != 1 {
		t.Errorf("%d messages, want 1 (at Er du blevet opsagt …)", n)
	}
	for q, opts := range answers {
		for _, o := range opts {
			if q != "opsagt" && !eval[bool](tb, "is "+o+" still chosen", `document.getElementById("screening-`+o+`").checked`) {
				t.Errorf("after the message, %s is no longer chosen", o)
			}
		}
	}
	tb.checkA11y("/forberedelsesskema (errors)")
	tb.screenshot("screening-errors")

	choose("opsagt-a")
	tb.clickButton("Send")
	tb.waitText("h1", "Kvittering - forberedelsesskema")
	tb.waitText(".jobnet-receipt-facts", "250899-XXXX")
	tb.waitText("main", "Tak, fordi du har udfyldt forberedelsesskemaet.")
	tb.waitUntil("the answers are unfolded", `document.getElementById("screening-answers-toggle").getAttribute("aria-expanded") === "true"`)
	tb.waitText("#screening-answers", "Jeg er blevet opsagt")
	tb.waitText("#screening-answers", "Bruger mit netværk (kontakter venner, familie, tidligere studie- eller arbejdskollegaer mv.)")
	tb.checkA11y("/forberedelsesskema (kvittering)")
	tb.screenshot("screening-receipt")
	tb.click("#screening-answers-toggle")
	tb.waitUntil("the answers fold in", `document.getElementById("screening-answers").getAttribute("aria-hidden") === "true"`)

	text := strings.Join(strings.Fields(pdfText(t, tb.download("#screening-pdf", "forberedelsesskema-kvittering.pdf"))), " ")
	for _, want := range []string{"Kvittering - forberedelsesskema", "Navn: Jonas Madsen", "CPR-nummer: 250899-XXXX",
		"Tak, fordi du har udfyldt forberedelsesskemaet.", shared.ScreeningAnswersHeading,
		"3: Er du blevet opsagt, eller har du selv sagt op, fra dit tidligere arbejde?", "Jeg er blevet opsagt", "Inden for 6 måneder"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}

	// Berit sees the receipt of the current dagpenge screening, no form.
	tb.open("/")
	tb.clickButton("Log ud")
	tb.waitPath("/log-ind")
	tb.loginCaseworker("berit")
	tb.mirror(cprJonas)
	tb.waitMirrorOf("Jonas Madsen")
	tb.openCard(0, "Forberedelsesskema", "/forberedelsesskema")
	tb.waitText("h1", "Kvittering - forberedelsesskema")
	tb.click("#screening-answers-toggle")
	tb.waitText("#screening-answers", "Jeg er blevet opsagt")
	if n := eval[int](tb, "look for the form", `document.querySelectorAll("#screening-form").length`); n != 0 {
		t.Error("the a-kasse's mirror shows the form")
	}
	tb.checkA11y("/forberedelsesskema (a-kasse)")
}
