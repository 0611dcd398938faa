package browsertest

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"jobnet/shared"
)

// historikPlans are the plan versions testHistorik adds to Mads' (the
// demo's) so that Historik → Planer has more than ten rows.
const historikPlans = 11

// testHistorik (SPEC D12): Mads opens Historik from its card and reads the
// intro of 003; by keyboard he unfolds Planer, which shows its first ten
// rows in alternating lines, and "Vis flere" shows the rest with the focus
// on the first new row; he opens his earliest plan version, as it was,
// and comes back. The registration accordions show the demo's past: the
// sygemelding the jobcenter registered, the holiday to come marked
// "Kommende", the midlertidigt arbejde; Møder links a held meeting to its
// page. axe-core checks each state. The scenario adds plan versions, so
// each width has a portal of its own.
func testHistorik(t *testing.T, tb *tab) {
	ctx := context.Background()
	who, err := tb.portal.store.CitizenByCPR(ctx, cprMads)
	if err != nil {
		t.Fatal(err)
	}
	c := tb.portal.store.Citizen(who.ID)
	for i := range historikPlans {
		p := shared.Plan{VersionID: fmt.Sprintf("browser-historik-%d", i), Type: shared.PlanJob,
			JobGoals:    []shared.JobGoal{{Title: "Rørlægger", AgreedWith: "Nina Pettersen"}},
			Description: fmt.Sprintf("Plan nummer %d fra Historik-testen.", i)}
		if err := c.PublishPlan(ctx, "jc-101", p, clock().AddDate(0, 0, -historikPlans+i)); err != nil {
			t.Fatal(err)
		}
	}
	h, err := c.History(ctx, clock())
	if err != nil {
		t.Fatal(err)
	}
	total := len(h.Plans)
	if total <= shared.HistoryFirstRows {
		t.Fatalf("%d plan versions: too few for Vis flere", total)
	}

	tb.loginCitizen("mads", "Mads Kristensen")
	tb.openCard(1, "Historik", "/historik")
	tb.waitText("#main-content", shared.HistoryIntro)
	tb.waitText("table.jobnet-login-history", "Mads Kristensen (dig selv)")
	tb.checkA11y("/historik")

	// Planer by keyboard: Enter unfolds it, ten rows, then Vis flere.
	tb.tabTo("#planer-button")
	tb.press(kb.Enter)
	tb.waitUntil("Planer unfolds", `document.getElementById("planer-button").getAttribute("aria-expanded") === "true"
		&& document.getElementById("planer-content").offsetHeight > 0`)
	rows := func() int {
		return eval[int](tb, "count Planer's rows", `document.querySelectorAll("#planer-table tbody tr").length`)
	}
	if n := rows(); n != shared.HistoryFirstRows {
		t.Errorf("Planer shows %d rows at first, want %d", n, shared.HistoryFirstRows)
	}
	tb.waitText("#planer-count", "Viser 10 af "+strconv.Itoa(total)+".")
	// Alternating lines (003: "skiftevis grøn/hvid linje"): DKFDS's zebra.
	if bg := eval[[]string](tb, "read two rows' backgrounds", `[0, 1].map(i => getComputedStyle(document.querySelectorAll("#planer-table tbody tr")[i]).backgroundColor)`); bg[0] == bg[1] {
		t.Errorf("Planer's first two rows share their background %q", bg[0])
	}
	tb.checkA11y("/historik (Planer unfolded)")
	tb.tabTo("#planer-more")
	tb.press(kb.Enter)
	tb.waitUntil("Vis flere shows the rest, the focus on the first new row",
		fmt.Sprintf(`document.querySelectorAll("#planer-table tbody tr").length === %d && document.activeElement && document.activeElement.id === "planer-row-10"`, min(total, 20)))
	if total <= 20 {
		tb.waitGone("#planer-more")
	}

	// The earliest version, as it was published.
	earliest := h.Plans[len(h.Plans)-1]
	link := "#plan-version-" + strconv.FormatInt(earliest.ID, 10)
	if total > 20 {
		t.Fatalf("the demo gives Mads %d plan versions: the earliest is not on the page after one Vis flere", total)
	}
	tb.tabTo(link)
	tb.press(kb.Enter)
	tb.waitPath(shared.PageHistoryPlan)
	tb.waitText("#plan-version-heading", "Tidligere plan")
	tb.waitText("#plan-version", "Udgivet")
	tb.checkA11y("/historik/plan (an earlier version)")
	tb.checkSubpageLayout()
	tb.screenshot("historik-plan")
	tb.click("#historik-back")
	tb.waitPath("/historik")

	// The demo's registrations.
	for _, id := range []string{"sygdom", "ferie", "midlertidigt-arbejde", "andre-fravaer", "ledighedsstatusser", "cv-soegbarhed", "moeder"} {
		tb.click("#" + id + "-button")
		tb.waitUntil(id+" unfolds", fmt.Sprintf(`document.getElementById(%q).offsetHeight > 0`, id+"-content"))
	}
	tb.waitText("#sygdom-table", "Sygemeldt efter operation i knæet.")
	tb.waitText("#sygdom-table", "Sagsbehandler")
	tb.waitText("#ferie-table", "Vinterferie med familien")
	tb.waitText("#ferie-table", "Kommende")
	tb.waitText("#midlertidigt-arbejde-table", "Vikar hos VVS Hansen")
	tb.waitText("#andre-fravaer-table", "Fritaget for pligt til at selvbooke")
	tb.waitText("#ledighedsstatusser-table", "Dagpenge")
	tb.waitText("#cv-soegbarhed-table", "Ikke søgbart")
	tb.checkA11y("/historik (every fold open)")
	// 375 px and 1280 px: the tables scroll in their own region, the page
	// never sideways.
	tb.checkSubpageLayout()
	tb.screenshot("historik")

	// A held meeting opens its page.
	tb.click(`#moeder-table a[id^="held-meeting-"]`)
	tb.waitPath(shared.PageMeeting)
	tb.waitText("#moede-view", "Afholdt")
	tb.waitText("#moede-back", "Tilbage til Historik")
	tb.checkA11y("/moeder/moede from Historik")
	tb.click("#moede-back")
	tb.waitPath("/historik")
}
