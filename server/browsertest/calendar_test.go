package browsertest

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"jobnet/server/servertest"
	"jobnet/shared"
)

// testCalendar: Mads opens Kalender from "Planer og aftaler": this month
// Monday first with week numbers and today marked on a desktop, a list by
// day on a phone; unticking "Joblog" hides his logs; the next and the
// previous month by keyboard, each in the address, so that back and a
// reload keep it. He makes a private calendar address, which a phone's
// calendar can fetch without a session, and deletes it, after which it
// answers 404. Nina sees that he has an address, never its secret; Berit
// sees his calendar without the feed. axe-core checks every state. The
// scenario changes Mads' data, so each width has a portal of its own.
func testCalendar(t *testing.T, tb *tab) {
	today := shared.DateOf(clock().In(servertest.Copenhagen))
	month := shared.YearMonthOf(today)
	phone := tb.w.mobile

	tb.loginCitizen("mads", "Mads Kristensen")
	tb.openCard(1, "Kalender", "/kalender")
	tb.waitText("h1", "Kalender "+month.Danish())
	tb.waitUntil("the logs of the month", `document.querySelectorAll(".jobnet-cal-joblog").length > 0`)
	// Fravær has its source (issue 14).
	for _, f := range []string{"Møder", "Joblog", "Indsatser", "Fravær"} {
		tb.waitText(".jobnet-cal-filters", f)
	}
	visible := func(sel string) bool {
		return eval[bool](tb, "is "+sel+" shown", `getComputedStyle(document.querySelector(`+js(sel)+`)).display !== "none"`)
	}
	if phone {
		if visible("#kalender-maaned") || !visible("#kalender-liste") {
			t.Error("on a phone the month is a list by day, not the grid")
		}
		tb.waitText("#kalender-listedag-"+today.AddDays(3).String(), "Joblog")
	} else {
		if !visible("#kalender-maaned") || visible("#kalender-liste") {
			t.Error("on a desktop the month is the grid")
		}
		heads := eval[[]string](tb, "the weekdays", `[...document.querySelectorAll("#kalender-maaned thead th")].slice(1).map(th => th.innerText.trim())`)
		if strings.Join(heads, " ") != "MANDAG TIRSDAG ONSDAG TORSDAG FREDAG LØRDAG SØNDAG" {
			t.Errorf("weekdays %v", heads)
		}
		tb.waitText("#kalender-maaned tbody th", "UGE "+strconv.Itoa(today.ISOWeek()))
		if got := tb.attr("#kalender-dag-"+today.String(), "aria-current"); got != "date" {
			t.Errorf("today not marked: %q", got)
		}
		tb.waitText("#kalender-dag-"+today.AddDays(3).String(), "Joblog: Rørlægger")
	}
	tb.checkA11y("/kalender")
	tb.screenshot("kalender")

	// Unticking "Joblog" hides the logs, and only them.
	others := eval[int](tb, "count the others", `document.querySelectorAll(".jobnet-cal-entry:not(.jobnet-cal-joblog)").length`)
	tb.click(`label[for="kalender-filter-joblog"]`)
	tb.waitUntil("the logs hidden", `document.querySelectorAll(".jobnet-cal-joblog").length === 0`)
	if n := eval[int](tb, "count the others", `document.querySelectorAll(".jobnet-cal-entry:not(.jobnet-cal-joblog)").length`); n != others {
		t.Errorf("%d other entries after unticking Joblog, %d before", n, others)
	}
	tb.checkA11y("/kalender (uden joblog)")
	tb.click(`label[for="kalender-filter-joblog"]`)
	tb.waitUntil("the logs back", `document.querySelectorAll(".jobnet-cal-joblog").length > 0`)

	// The next month and back, by keyboard; the month is in the address.
	next, prev := month.Add(1), month.Add(-1)
	if got := tb.attr("#kalender-naeste", "aria-label"); got != "Næste måned, "+strings.ToLower(next.Danish()) {
		t.Errorf("the next link's name: %q", got)
	}
	tb.do("press Enter on >", chromedp.Focus(chromedp.CSS("#kalender-naeste")), chromedp.KeyEvent(kb.Enter))
	tb.waitText("h1", "Kalender "+next.Danish())
	tb.waitUntil("the month in the address", `location.search === "?maaned=`+next.String()+`"`)
	tb.checkA11y("/kalender (næste måned)")
	tb.do("reload", chromedp.Reload())
	tb.waitApp()
	tb.waitText("h1", "Kalender "+next.Danish())
	tb.do("go back", chromedp.NavigateBack())
	tb.waitText("h1", "Kalender "+month.Danish())
	tb.do("press Enter on <", chromedp.Focus(chromedp.CSS("#kalender-forrige")), chromedp.KeyEvent(kb.Enter))
	tb.waitText("h1", "Kalender "+prev.Danish())
	tb.open("/kalender")
	tb.waitText("h1", "Kalender "+month.Danish())

	// The private address: made, fetched without a session, deleted.
	tb.waitText("#kalender-abonnement", "Kalender på din telefon")
	tb.clickButton("Lav en privat kalenderadresse")
	tb.waitUntil("the address", `(document.getElementById("kalender-adresse") || {}).value?.includes("/api/v1/calendar/")`)
	tb.waitText("#kalender-abonnement-besked", "Din private kalenderadresse er lavet.")
	addr := tb.value("#kalender-adresse")
	tb.checkA11y("/kalender (ny adresse)")
	tb.screenshot("kalender-adresse")
	status, body := fetchFeed(t, addr)
	if status != 200 || !strings.Contains(body, "BEGIN:VCALENDAR") || !strings.Contains(body, "Aftale: Aftale med a-kasse") {
		t.Errorf("the feed: %d %s", status, body)
	}
	secret := addr[strings.LastIndex(addr, "/")+1:]

	tb.clickButton("Log ud")
	tb.waitPath("/log-ind")
	tb.loginCaseworker("nina")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.open("/kalender")
	tb.waitText("#kalender-abonnement-status", "Borgeren har en privat kalenderadresse")
	if eval[bool](tb, "look for buttons", `!!document.querySelector("#kalender-abonnement button")`) ||
		strings.Contains(eval[string](tb, "the page", `document.documentElement.outerHTML`), secret) {
		t.Error("the jobcenter gets the feed's buttons or its secret")
	}
	tb.checkA11y("/kalender (jobcenter)")
	tb.clickButton("Log ud")
	tb.waitPath("/sagsbehandleradgang")
	tb.loginCaseworker("berit")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.open("/kalender")
	tb.waitText("h1", "Kalender "+month.Danish())
	if eval[bool](tb, "look for the feed", `!!document.getElementById("kalender-abonnement")`) {
		t.Error("the a-kasse is told of the feed")
	}
	tb.checkA11y("/kalender (a-kasse)")

	tb.clickButton("Log ud")
	tb.waitPath("/sagsbehandleradgang")
	tb.open("/log-ind")
	tb.loginCitizen("mads", "Mads Kristensen")
	tb.open("/kalender")
	tb.waitText("#kalender-abonnement-status", "Du har en privat kalenderadresse")
	tb.clickButton("Slet adressen")
	tb.waitText("#kalender-abonnement-besked", "Adressen er slettet.")
	tb.waitText("#kalender-abonnement", "Lav en privat kalenderadresse")
	tb.checkA11y("/kalender (adressen slettet)")
	if status, _ := fetchFeed(t, addr); status != 404 {
		t.Errorf("the deleted address answers %d", status)
	}

	// A month the address names wrongly: told so, with the way back.
	tb.open("/kalender?maaned=2026-13")
	tb.waitText(".alert-error", "Måneden i adressen findes ikke.")
	tb.checkA11y("/kalender (ugyldig måned)")
	tb.click("#kalender-denne")
	tb.waitText("h1", "Kalender "+month.Danish())

	// Min plan leads here under its timeline.
	tb.open("/min-plan")
	tb.click("#plan-kalender")
	tb.waitPath("/kalender")
	tb.waitText("h1", "Kalender "+month.Danish())
}

// fetchFeed GETs an address as a phone's calendar would: no cookies.
func fetchFeed(t *testing.T, addr string) (int, string) {
	t.Helper()
	resp, err := http.Get(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}
