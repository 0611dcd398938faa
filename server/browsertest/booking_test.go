package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/cookiejar"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"jobnet/server/demo"
	"jobnet/shared"
)

// Selvbooking, "Book et møde" (issue 13; FEATURES.md 5.2; 000 Billede
// 16–18). The scenarios change the demo citizens' meetings, so each width
// has a portal of its own.

// testBookingKeyboard: Mads, whose deadline is in ten days, books by
// keyboard alone: the deadline's tab is first and selected, the arrows
// move between the tabs; he picks the jobsamtale in the jobcentre (which
// lets him choose the caseworker: four steps), is told at the field when
// he chooses no time and ticks no box, corrects step 3 with "Ret" without
// losing the rest, and books. The deadline is met. axe-core checks every
// step and state.
func testBookingKeyboard(t *testing.T, tb *tab) {
	tb.loginCitizen("mads", "Mads Kristensen")
	tb.open(shared.PageBookMeeting)
	tb.waitText("h1", "Book et møde")
	tb.waitText("#booking-intro", "Her kan du booke et møde med en sagsbehandler på dit jobcenter.")
	tb.waitText("#booking-deadline", "Du skal booke et møde senest")
	tb.waitText("#booking-tab-0", shared.TabMeetsDeadline)
	tb.waitText("#booking-tab-1", shared.TabOtherOffers)
	if got := tb.attr("#booking-tab-0", "aria-selected"); got != "true" {
		t.Errorf("the deadline's tab is not selected: %q", got)
	}
	tb.waitText("#booking-panel-0", "Varighed: 45 minutter")
	tb.waitText("#booking-panel-0", "Mødeform: Personligt fremmøde")
	tb.checkA11y("Book et møde (trin 1, frist)")
	tb.screenshot("booking-step1")

	tb.tabTo("#booking-tab-0")
	tb.press(kb.ArrowRight)
	tb.waitUntil("the other tab is selected", `document.getElementById("booking-tab-1").getAttribute("aria-selected") === "true"`)
	tb.waitText("#booking-panel-1", "CV-samtale i a-kassen")
	tb.checkA11y("Book et møde (trin 1, andre møder)")
	tb.press(kb.ArrowLeft)
	tb.waitUntil("the deadline's tab is selected again", `document.activeElement.id === "booking-tab-0" && document.activeElement.getAttribute("aria-selected") === "true"`)

	// The offers of the deadline's tab: the jobcentre's first.
	first := eval[string](tb, "the first offer", `document.querySelector("#booking-panel-0 input[type=radio]").id`)
	tb.tabTo("#" + first)
	tb.press(" ")
	tb.waitUntil("the offer is chosen", `document.getElementById(`+js(first)+`).checked`)
	tb.tabTo("#booking-type-continue")
	tb.press(kb.Enter)
	tb.waitText("#booking-step-1-done", "Jeg vil gerne have et møde om “Jobsamtale i jobcentret”")
	tb.waitText("#booking-step-2-heading", shared.StepCaseworker.Heading())
	tb.waitText("#booking-caseworkers", "Team Bygge og anlæg")
	tb.checkA11y("Book et møde (trin 2)")

	tb.tabTo("#booking-caseworker-0")
	tb.press(" ")
	tb.tabTo("#booking-caseworker-continue")
	tb.press(kb.Enter)
	tb.waitText("#booking-step-2-done", "Jeg vil gerne have et møde med Nina Pettersen")
	tb.waitText("#booking-step-3-heading", shared.StepTime.Heading())
	tb.waitUntil("the times are shown", `document.querySelectorAll("#booking-times input[type=radio]").length > 0`)

	// No time chosen: the message at the field.
	tb.tabTo("#booking-time-continue")
	tb.press(kb.Enter)
	tb.waitText("#booking-times-error", "Vælg et mødetidspunkt.")
	tb.checkA11y("Book et møde (trin 3, fejl)")
	tb.screenshot("booking-step3-error")
	days := eval[int](tb, "count the days", `document.querySelectorAll(".jobnet-booking-day").length`)
	if days != shared.BookingDaysShown {
		t.Errorf("%d days of times shown, want %d", days, shared.BookingDaysShown)
	}
	tb.tabTo("#booking-more-times")
	tb.press(kb.Enter)
	tb.waitUntil("more days are shown", `document.querySelectorAll(".jobnet-booking-day").length > `+strconv.Itoa(days))
	tb.waitUntil("the first new day has the focus", `document.activeElement.id === "booking-day-`+strconv.Itoa(days)+`-heading"`)
	firstTime := eval[string](tb, "the first time", `document.querySelector("#booking-times input[type=radio]").id`)
	tb.tabTo("#" + firstTime)
	tb.press(" ")
	tb.waitGone("#booking-times-error")
	tb.tabTo("#booking-time-continue")
	tb.press(kb.Enter)
	tb.waitText("#booking-step-3-done", "Jeg ønsker et møde")
	tb.waitText("#booking-step-3-done", "kl. 09:00")
	tb.waitText("#booking-rights", "Du har pligt til at deltage i samtalen. Ellers skal vi orientere din a-kasse.")
	tb.waitText("#booking-rights", "Hvis du har spørgsmål")
	tb.checkA11y("Book et møde (trin 4)")

	// Box not ticked: the message at the box.
	tb.tabTo("#booking-submit")
	tb.press(kb.Enter)
	tb.waitText("#booking-read-error", "Du skal bekræfte, at du har læst rettigheder og pligter.")
	tb.checkA11y("Book et møde (trin 4, fejl)")
	tb.tabTo("#booking-read")
	tb.press(" ")
	tb.waitUntil("the box is ticked", `document.getElementById("booking-read").checked`)

	// "Ret" on step 3 opens it with the time still chosen; back at step 4
	// the box is still ticked.
	tb.tabTo("#booking-step-3-edit")
	tb.press(kb.Enter)
	tb.waitUntil("step 3 is open with its time", `document.getElementById(`+js(firstTime)+`)?.checked === true`)
	tb.waitText("#booking-step-1-done", "Jobsamtale i jobcentret")
	tb.tabTo("#booking-time-continue")
	tb.press(kb.Enter)
	tb.waitUntil("step 4 with the box ticked", `document.getElementById("booking-read")?.checked === true`)
	tb.screenshot("booking-step4")
	tb.tabTo("#booking-submit")
	tb.press(kb.Enter)
	tb.waitText("#booking-receipt-heading", "Dit møde er booket")
	tb.waitText("#booking-receipt", "Mød op i jobcentrets reception")
	tb.waitText("#booking-receipt-type", "Jobsamtale i jobcentret")
	tb.waitText("#booking-receipt-caseworker", "Nina Pettersen")
	// The receipt takes the focus once it is drawn (focusAfterRender).
	tb.waitUntil("the focus on the receipt's heading", `document.activeElement?.id === "booking-receipt-heading"`)
	if got := tb.attr("#booking-to-meetings", "href"); got != shared.PageMeetings {
		t.Errorf("the receipt links to %q", got)
	}
	tb.checkA11y("Book et møde (kvittering)")
	tb.screenshot("booking-receipt")

	// The deadline is met: the flow has no tabs now.
	tb.open(shared.PageBookMeeting)
	tb.waitText("#booking-step-1-heading", shared.StepType.Heading())
	if n := eval[int](tb, "look for the tabs", `document.querySelectorAll("#booking-tab-0, #booking-deadline").length`); n != 0 {
		t.Error("the deadline is still shown after booking a jobsamtale")
	}
}

// bookAs books the slot through the API as another citizen: the other
// side of a race.
func bookAs(t *testing.T, base, username string, slot int64) {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	post := func(path string, body any) int {
		b, _ := json.Marshal(body)
		resp, err := c.Post(base+path, "application/json", bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if st := post(shared.APILogin, shared.LoginRequest{Username: username, Password: demo.Password}); st != 200 {
		t.Fatalf("log in %s: %d", username, st)
	}
	if st := post(shared.APIBooking, shared.BookingInput{SlotID: slot, Read: true}); st != 200 {
		t.Fatalf("%s books slot %d: %d", username, slot, st)
	}
}

// testBookingRebook: Jonas, straksbookingramt, books a jobsamtale in the
// straksbooking flow (its offers only, no tabs); then rebooks it from
// ?ombook=: the heading names the meeting replaced; the time he chooses
// is booked by someone else before he books, so step 3 says so and
// offers the next free times, his other choices kept; he books one, and
// the first meeting is cancelled.
func testBookingRebook(t *testing.T, tb *tab) {
	tb.loginCitizen("jonas", "Jonas Madsen")
	tb.open(shared.PageBookMeeting + "?straks=1")
	tb.waitText("#booking-straks", "Din frist for at booke et møde er overskredet.")
	if n := eval[int](tb, "count the offers", `document.querySelectorAll("input[name=booking-offer]").length`); n != 2 {
		t.Errorf("the straks flow offers %d, want the 2 jobsamtaler", n)
	}
	if n := eval[int](tb, "look for tabs", `document.querySelectorAll("#booking-tab-0").length`); n != 0 {
		t.Error("the straks flow has tabs")
	}
	tb.checkA11y("Book et møde (straksbooking)")
	telefon := eval[string](tb, "the phone offer", `[...document.querySelectorAll("input[name=booking-offer]")].find(i => i.parentElement.innerText.includes("Jobsamtale på telefon")).id`)
	tb.click("#" + telefon)
	tb.click("#booking-type-continue")
	tb.waitText("#booking-step-1-done", "Jobsamtale på telefon")
	// No caseworker step for this offer: three steps.
	if n := eval[int](tb, "count the steps", `document.querySelectorAll(".jobnet-booking-step").length`); n != 3 {
		t.Errorf("%d steps for an offer without a choice of caseworker", n)
	}
	tb.waitUntil("the times are shown", `document.querySelectorAll("#booking-times input[type=radio]").length > 2`)
	tb.click("#booking-times input[type=radio]")
	tb.click("#booking-time-continue")
	tb.click(`label[for="booking-read"]`)
	tb.click("#booking-submit")
	tb.waitText("#booking-receipt-heading", "Dit møde er booket")

	who, err := tb.portal.store.CitizenByCPR(context.Background(), shared.CPR("250899-1357"))
	if err != nil {
		t.Fatal(err)
	}
	from := clock()
	ms, err := tb.portal.store.Citizen(who.ID).MeetingsBetween(context.Background(), from, from.AddDate(0, 2, 0))
	if err != nil || len(ms) == 0 {
		t.Fatalf("Jonas' meetings: %v %v", ms, err)
	}
	old := ms[0]
	ds, _ := tb.portal.store.Citizen(who.ID).Deadlines(context.Background())
	if len(ds) != 1 || ds[0].Met != old.ID {
		t.Errorf("the straksbooking did not meet the deadline: %+v", ds)
	}

	tb.open(shared.PageBookMeeting + "?ombook=" + strconv.FormatInt(old.ID, 10))
	tb.waitText("#booking-rebook", "Du ombooker dette møde")
	tb.waitText("#booking-rebook", "Jobsamtale på telefon")
	cph, _ := time.LoadLocation("Europe/Copenhagen")
	tb.waitText("#booking-rebook", shared.MeetingWhen(old.Start, old.End, cph))
	tb.checkA11y("Book et møde (ombook)")
	tb.click("#" + telefon)
	tb.click("#booking-type-continue")
	tb.waitUntil("the times are shown", `document.querySelectorAll("#booking-times input[type=radio]").length > 2`)
	// The second time shown (the first is the one he has).
	chosen := eval[string](tb, "a time", `document.querySelectorAll("#booking-times input[type=radio]")[1].value`)
	tb.click(`#booking-slot-` + chosen)
	tb.click("#booking-time-continue")
	tb.click(`label[for="booking-read"]`)
	slot, _ := strconv.ParseInt(chosen, 10, 64)
	bookAs(t, tb.base, "mads", slot)
	tb.click("#booking-submit")
	tb.waitText(".jobnet-booking-taken", shared.ErrSlotTaken)
	tb.waitText("#booking-step-3-heading", shared.StepTime.Heading())
	tb.waitText("#booking-step-1-done", "Jobsamtale på telefon")
	if n := eval[int](tb, "look for the taken time", `document.querySelectorAll("#booking-slot-`+chosen+`").length`); n != 0 {
		t.Error("the taken time is still offered")
	}
	tb.checkA11y("Book et møde (tidspunktet er taget)")
	tb.screenshot("booking-taken")
	tb.click("#booking-times input[type=radio]")
	tb.click("#booking-time-continue")
	tb.waitUntil("the box is still ticked", `document.getElementById("booking-read")?.checked === true`)
	tb.click("#booking-submit")
	tb.waitText("#booking-receipt-heading", "Dit møde er booket")

	ms, _ = tb.portal.store.Citizen(who.ID).MeetingsBetween(context.Background(), from, from.AddDate(0, 2, 0))
	cancelled, planned := 0, 0
	for _, m := range ms {
		switch {
		case m.ID == old.ID && m.Status == shared.MeetingCancelled && m.CancelledBy == "citizen":
			cancelled++
		case m.Status == shared.MeetingPlanned && m.Booked: // the demo's meetings from the case systems aside
			planned++
		}
	}
	if cancelled != 1 || planned != 1 {
		t.Errorf("after the rebooking: %+v", ms)
	}
}

// testBookingAKasse: Berit, of Mads' a-kasse, goes through the whole flow
// and "Book mødet" answers "Du har ikke rettigheder til at foretage denne
// handling" [000 Billede 18]; nothing is booked.
func testBookingAKasse(t *testing.T, tb *tab) {
	tb.loginCaseworker("berit")
	tb.mirror("120385-1231")
	tb.waitMirrorOf("Mads Kristensen")
	who, err := tb.portal.store.CitizenByCPR(context.Background(), shared.CPR("120385-1231"))
	if err != nil {
		t.Fatal(err)
	}
	meetings := func() int {
		ms, err := tb.portal.store.Citizen(who.ID).MeetingsBetween(context.Background(), clock(), clock().AddDate(0, 3, 0))
		if err != nil {
			t.Fatal(err)
		}
		return len(ms)
	}
	before := meetings()
	tb.open(shared.PageBookMeeting)
	tb.waitText("#booking-tab-0", shared.TabMeetsDeadline)
	tb.checkA11y("Book et møde (a-kasse)")
	first := eval[string](tb, "the first offer", `document.querySelector("#booking-panel-0 input[type=radio]").id`)
	tb.click("#" + first)
	tb.click("#booking-type-continue")
	tb.waitText("#booking-caseworkers", "Nina Pettersen")
	tb.click("#booking-caseworker-0")
	tb.click("#booking-caseworker-continue")
	tb.waitUntil("the times are shown", `document.querySelectorAll("#booking-times input[type=radio]").length > 0`)
	tb.click("#booking-times input[type=radio]")
	tb.click("#booking-time-continue")
	tb.click(`label[for="booking-read"]`)
	tb.click("#booking-submit")
	tb.waitText(".jobnet-booking-refusal", shared.ErrAKasseBooking)
	tb.checkA11y("Book et møde (a-kasse, afvist)")
	tb.screenshot("booking-akasse-refused")
	if n := eval[int](tb, "look for a receipt", `document.querySelectorAll("#booking-receipt").length`); n != 0 {
		t.Error("the a-kasse got a receipt")
	}
	if after := meetings(); after != before {
		t.Errorf("the a-kasse's refused booking booked: %d meetings, were %d", after, before)
	}
}
