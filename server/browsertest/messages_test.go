package browsertest

import (
	"regexp"
	"testing"

	"github.com/chromedp/chromedp"

	"jobnet/server/ingestv1"
	"jobnet/shared"
)

// testMessages: Mads follows the front page's notice to Min beskedbakke,
// where the card counts his messages; he opens a "Kan besvares" message
// (which moves it to "Læste beskeder"), sends an empty answer and is told
// so at the field, then answers. Nina opens another message in her mirror
// and it stays unread; Berit, of Mads' a-kasse, gets the brevhemmelighed
// text for the jobcenter's letter. axe-core checks every page and state.
// The scenario changes Mads' data, so each width has a portal of its own.
func testMessages(t *testing.T, tb *tab) {
	const (
		subject = "Browsertest: vil du svare?"
		other   = "Browsertest: til orientering"
		answer  = "Jeg har søgt tre job i denne uge."
	)
	tb.portal.ingest(t, "/api/ingest/v1/messages", ingestv1.Message{MessageID: "browser-1", CPR: cprMads, Sender: "Sagsbehandler",
		Subject: subject, Body: "Kære Mads\n\nHvordan går din jobsøgning?", Answerable: true, Important: true})
	tb.portal.ingest(t, "/api/ingest/v1/messages", ingestv1.Message{MessageID: "browser-2", CPR: cprMads, Sender: "Jobkonsulent",
		Subject: other, Body: "Jobcentret holder lukket fredag."})

	tb.loginCitizen("mads", "Mads Kristensen")
	tb.waitText(".jobnet-notifications", "nye beskeder")
	tb.do("follow the notice", chromedp.Click(chromedp.Search(`//a[normalize-space(.)="Gå til Min beskedbakke"]`), chromedp.NodeVisible))
	tb.waitPath("/beskedbakke")
	tb.waitText("h1", "Min beskedbakke")
	tb.waitText("#beskeder-ulaeste", subject)
	tb.waitText("#beskeder-ulaeste", "Vigtig")
	tb.waitText("#beskeder-laeste-heading", "Læste beskeder")
	tb.checkA11y("/beskedbakke")
	tb.screenshot("beskedbakke")

	row := eval[string](tb, "find the message", `[...document.querySelectorAll("#beskeder-ulaeste li")].find(li => li.innerText.includes(`+js(subject)+`)).id`)
	// The important mark is in the link's name for a screen reader.
	if got := eval[string](tb, "the link's hidden mark", `document.querySelector("#`+row+` a .sr-only").textContent`); got != ", vigtig" {
		t.Errorf("the link's mark for a screen reader: %q", got)
	}
	tb.click("#" + row + " a")
	tb.waitPath("/beskedbakke/besked")
	tb.waitText("#besked-heading", "Besked fra jobcenter")
	tb.waitText("#besked-sender", "Fra: Sagsbehandler")
	tb.waitText("#besked-subject", subject)
	tb.waitText("#besked-important", "Vigtig")
	tb.waitText("#besked-back", "← TILBAGE")
	date := eval[string](tb, "the date", `document.getElementById("besked-date").innerText`)
	if !longDate.MatchString(date) {
		t.Errorf("the date %q is not like \"mandag den 28. maj 2018\"", date)
	}
	tb.checkA11y("/beskedbakke/besked")

	tb.clickButton("Send svar")
	tb.waitText("#besked-reply-text-error", "Skriv dit svar, før du sender det.")
	tb.checkA11y("/beskedbakke/besked (error)")
	tb.screenshot("besked-reply-error")
	tb.typeInto("#besked-reply-text", answer)
	tb.clickButton("Send svar")
	tb.waitText("div.alert-success", "Dit svar er sendt.")
	tb.waitText("#besked-reply-text", answer)
	tb.checkA11y("/beskedbakke/besked (answered)")

	tb.click("#besked-back")
	tb.waitPath("/beskedbakke")
	tb.waitText("#beskeder-laeste", subject)
	tb.waitText("#beskeder-ulaeste", other)

	tb.open("/")
	tb.click("#tab-1")
	tb.waitText("#panel-1", "beskeder de seneste 30 dage.")

	// Nina's look changes nothing.
	tb.clickButton("Log ud")
	tb.waitPath("/log-ind")
	tb.loginCaseworker("nina")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.open("/beskedbakke")
	tb.waitText("#beskeder-ulaeste", other)
	row = eval[string](tb, "find the other message", `[...document.querySelectorAll("#beskeder-ulaeste li")].find(li => li.innerText.includes(`+js(other)+`)).id`)
	tb.click("#" + row + " a")
	tb.waitText("#besked-subject", other)
	tb.checkA11y("/beskedbakke/besked (jobcenter)")
	tb.click("#besked-back")
	tb.waitPath("/beskedbakke")
	tb.waitText("#beskeder-ulaeste", other)

	// Berit: the jobcenter's letter is not hers to read.
	tb.clickButton("Log ud")
	tb.waitPath("/sagsbehandleradgang")
	tb.loginCaseworker("berit")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.open("/beskedbakke")
	tb.waitText("#beskeder-laeste", "Besked fra jobcenter")
	tb.checkA11y("/beskedbakke (a-kasse)")
	tb.open("/beskedbakke/besked?id=" + row[len("besked-"):])
	tb.waitText("#besked-withheld", shared.MsgLetterSecrecy)
	tb.waitText("#besked-heading", "Besked fra jobcenter")
	if n := eval[int](tb, "look for the content", `document.body.innerText.includes(`+js(other)+`) ? 1 : 0`); n != 0 {
		t.Error("the a-kasse sees the letter's subject")
	}
	tb.checkA11y("/beskedbakke/besked (a-kasse, brevhemmelighed)")
	tb.screenshot("besked-brevhemmelighed")
}

// longDate is an open message's date: "mandag den 28. maj 2018".
var longDate = regexp.MustCompile(`^(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag) den [0-9]{1,2}\. [a-zæøå]+ [0-9]{4}$`)
