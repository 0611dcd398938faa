package browsertest

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/uptrace/bun"

	"jobnet/shared"
)

// bookMeetingFor puts a meeting booked in Jobnet on a slot of a jobcenter
// offer for the citizen, as the booking flow does, days ahead at 11:00,
// and an open deadline; it returns the meeting's id.
func bookMeetingFor(t *testing.T, p *portal, cpr string, days int) int64 {
	t.Helper()
	ctx := context.Background()
	d := clock().AddDate(0, 0, days)
	start := time.Date(d.Year(), d.Month(), d.Day(), 11, 0, 0, 0, d.Location())
	var id int64
	err := p.store.RunInTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		var citizen, offer, slot int64
		if err := tx.NewRaw(`SELECT id FROM citizens WHERE cpr = ?`, cpr).Scan(ctx, &citizen); err != nil {
			return err
		}
		if err := tx.NewRaw(`INSERT INTO meeting_offers (org, origin_id, type_code, type_name, minutes, form)
			VALUES ('jc-101', 'browser-offer', 'JOBSAMTALE', 'Jobsamtale', 30, 'Telefonisk') RETURNING id`).Scan(ctx, &offer); err != nil {
			return err
		}
		if err := tx.NewRaw(`INSERT INTO meeting_slots (offer_id, origin_id, caseworker, starts_at) VALUES (?, 'browser-slot', 'Sagsbehandler 5882', ?) RETURNING id`,
			offer, start).Scan(ctx, &slot); err != nil {
			return err
		}
		if err := tx.NewRaw(`INSERT INTO meetings (citizen_id, org, origin_id, type_code, type_name, form, starts_at, ends_at, phone, caseworker, slot_id, updated_at)
			VALUES (?, 'jc-101', 'browser-tmp', 'JOBSAMTALE', 'Booket jobsamtale', 'Telefonisk', ?, ?, '20 12 34 56', 'Sagsbehandler 5882', ?, ?) RETURNING id`,
			citizen, start, start.Add(30*time.Minute), slot, clock()).Scan(ctx, &id); err != nil {
			return err
		}
		if _, err := tx.NewRaw(`UPDATE meetings SET origin_id = 'jobnet-' || id WHERE id = ?`, id).Exec(ctx); err != nil {
			return err
		}
		_, err := tx.NewRaw(`INSERT INTO meeting_deadlines (citizen_id, org, origin_id, due, type_codes) VALUES (?, 'jc-101', 'browser-frist', ?, '{JOBSAMTALE}')`,
			citizen, shared.DateOf(clock()).AddDays(5).String()).Exec(ctx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// meetingID is the id of the citizen's demo meeting with the origin id.
func meetingID(t *testing.T, p *portal, origin string) int64 {
	t.Helper()
	var id int64
	err := p.store.RunInTx(context.Background(), func(ctx context.Context, tx bun.Tx) error {
		return tx.NewRaw(`SELECT id FROM meetings WHERE origin_id = ?`, origin).Scan(ctx, &id)
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// testMeetings: Mads follows the deadline's notification's neighbour, the
// "Møder" card, to his meetings: the deadline with "Book et møde", his
// duties as a dagpengemodtager, the jobcenter's meeting as 002 Bilag 3
// shows it and the one it cancelled marked "Aflyst"; he melds afbud to the
// meeting he booked, by keyboard, through the confirmation; then opens the
// held meeting's page. Berit sees only the a-kasse's meeting. axe-core
// checks every page and state. The scenario changes Mads' data, so each
// width has a portal of its own.
func testMeetings(t *testing.T, tb *tab) {
	booked := bookMeetingFor(t, tb.portal, cprMads, 2)
	row := fmt.Sprintf("#moede-%d", booked)

	tb.loginCitizen("mads", "Mads Kristensen")
	tb.waitText(".jobnet-notifications", "Book din samtale")
	if href := eval[string](tb, "the deadline's link", `[...document.querySelectorAll(".jobnet-notification a")].find(a => a.innerText === "Book et møde")?.getAttribute("href") || ""`); href != shared.PageBookMeeting {
		t.Errorf("the deadline's notification links to %q", href)
	}
	tb.openCard(1, "Møder", shared.PageMeetings)
	tb.waitText("h1", "Møder")
	tb.waitText("#moeder-frist", "Din frist for at booke et møde")
	tb.waitText("#moeder-frist-text", "Du skal booke et møde senest")
	tb.waitText("#moeder-pligter", shared.DutiesHeading)
	tb.waitText("#moeder-book", "Book et møde")
	tb.waitText("#moeder-list", "Aftale med jobcenter")
	tb.waitText("#moeder-list", "Personligt fremmøde")
	tb.waitText("#moeder-list", "Nina Pettersen (sagsbehandler)")
	tb.waitText("#moeder-list", "Du skal tage FVU-testen.")
	tb.waitText("#moeder-list", "Aftale med a-kasse")
	tb.waitText("#moeder-list", "Aflyst af jobcentret")
	tb.waitText("#moeder-note", "Visningen erstatter ikke indkaldelse pr. brev")
	when := eval[string](tb, "the first meeting's time", `document.querySelector(".jobnet-moede-when").innerText`)
	if !meetingWhen.MatchString(when) {
		t.Errorf("the time %q is not like \"Tirsdag den 10. dec. 2019, kl. 13:30-14:00\"", when)
	}
	tb.checkA11y("/moeder")
	tb.screenshot("moeder")

	// Meld afbud by keyboard: Enter on the button, the confirmation takes
	// the focus on "Annuller" (nothing happens by mistake); Enter on "Ja,
	// meld afbud".
	tb.waitText(row+"-ombook", "Ombook")
	if href := tb.attr(row+"-ombook", "href"); href != fmt.Sprintf("%s?ombook=%d", shared.PageBookMeeting, booked) {
		t.Errorf("Ombook links to %q", href)
	}
	tb.do("afbud by keyboard", chromedp.Focus(chromedp.CSS(row+"-afbud")), chromedp.KeyEvent(kb.Enter))
	tb.waitText(row+"-confirm", "Vil du melde afbud til mødet")
	tb.waitUntil("the focus on Annuller", `document.activeElement && document.activeElement.id === `+js(row[1:]+"-confirm-no"))
	tb.checkA11y("/moeder (afbud confirmation)")
	tb.screenshot("moeder-afbud")
	tb.do("confirm by keyboard", chromedp.Focus(chromedp.CSS(row+"-confirm-yes")), chromedp.KeyEvent(kb.Enter))
	tb.waitText(".jobnet-moeder-status", "Du har meldt afbud til mødet")
	tb.waitGone(row)
	tb.waitUntil("the focus on the list's heading", `document.activeElement && document.activeElement.id === "moeder-list-heading"`)
	tb.checkA11y("/moeder (afbud sent)")

	// The held meeting's page.
	held := meetingID(t, tb.portal, "demo-"+cprMads+"-3")
	tb.open(shared.MeetingPagePath(held))
	tb.waitText("#moede-heading", "Aftale med jobcenter")
	tb.waitText("#moede-view", "Afholdt")
	tb.waitText("#moede-view", "Mads Kristensen, Nina Pettersen (sagsbehandler)")
	tb.waitText("#moede-aftaler", "Aftaler indgået på mødet")
	tb.waitText("#moede-aftaler-text", "Du søger mindst fem job om ugen")
	tb.checkA11y("/moeder/moede (afholdt)")
	tb.screenshot("moede-afholdt")

	// Berit, Mads' a-kasse: the a-kasse's meeting only, and no afbud.
	tb.clickButton("Log ud")
	tb.waitPath("/log-ind")
	tb.loginCaseworker("berit")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.open(shared.PageMeetings)
	tb.waitText("#moeder-list", "Aftale med a-kasse")
	tb.waitText("#moeder-list", "Rådighedssamtale")
	if body := tb.text("#moeder-list"); strings.Contains(body, "Aftale med jobcenter") || strings.Contains(body, "Meld afbud") {
		t.Errorf("Berit's list: %q", body)
	}
	tb.checkA11y("/moeder (a-kasse)")
	tb.open(shared.MeetingPagePath(held))
	tb.waitText("#main-content", "Mødet findes ikke.")
}

// testInvitation: Henrik has a call-in: the modal comes first after login
// with the meeting and OK; the focus stays in it (Tab goes round its
// buttons); OK brings the receipt in a new modal, which Escape closes,
// giving the focus to the page's heading; at the next visit there is no
// modal. axe-core checks both modals.
func testInvitation(t *testing.T, tb *tab) {
	tb.loginCitizen("henrik", "Henrik Poulsen")
	tb.waitText("#invitation", shared.InvitationHeading)
	tb.waitText("#invitation", "Aftale med jobcenter")
	tb.waitText("#invitation", "Nina Pettersen (sagsbehandler)")
	tb.waitUntil("the focus on OK", `document.activeElement && document.activeElement.id === "invitation-ok"`)
	tb.checkA11y("/ (invitation)")
	tb.screenshot("invitation")
	tb.do("Tab", chromedp.KeyEvent(kb.Tab))
	tb.waitUntil("the focus on Luk", `document.activeElement && document.activeElement.id === "invitation-later"`)
	tb.do("Tab", chromedp.KeyEvent(kb.Tab))
	tb.waitUntil("the focus round to OK", `document.activeElement && document.activeElement.id === "invitation-ok"`)
	tb.do("OK", chromedp.KeyEvent(kb.Enter))
	tb.waitText("#invitation-receipt", "Kvittering")
	tb.waitText("#invitation-receipt-text", shared.InvitationReceiptText)
	tb.waitUntil("the focus on the receipt's Luk", `document.activeElement && document.activeElement.id === "invitation-receipt-close"`)
	tb.checkA11y("/ (invitation receipt)")
	tb.screenshot("invitation-receipt")
	tb.do("Escape", chromedp.KeyEvent(kb.Escape))
	tb.waitGone("#invitation-receipt")
	tb.waitUntil("the focus on the heading", `document.activeElement && document.activeElement.id === "forside-heading"`)

	tb.open(shared.PageMeetings)
	tb.waitText("#moeder-list", "Aftale med jobcenter")
	if strings.Contains(tb.text("#moeder-list"), "Indkaldelse") {
		t.Error("the accepted call-in is still marked Indkaldelse")
	}
	tb.open("/")
	tb.waitText("h1.jobnet-welcome", "Velkommen Henrik Poulsen")
	time.Sleep(time.Second) // the modal would ask for the meetings now
	if n := eval[int](tb, "look for the modal", `document.querySelectorAll("#invitation").length`); n != 0 {
		t.Error("the modal came again after OK")
	}
}

// meetingWhen is a meeting's time: "Tirsdag den 10. dec. 2019, kl. 13:30-14:00".
var meetingWhen = regexp.MustCompile(`^(Mandag|Tirsdag|Onsdag|Torsdag|Fredag|Lørdag|Søndag) den [0-9]{1,2}\. [a-zæøå.]+ [0-9]{4}, kl\. [0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}$`)
