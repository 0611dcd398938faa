package browsertest

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"jobnet/shared"
)

// testDataExport: "Hent alle mine data", on Brugerprofil's Personlige
// oplysninger — the citizen reaches both
// downloads by keyboard and gets the JSON file and the readable PDF; a
// caseworker mirroring the citizen is told that only the citizen can fetch
// them, and sees no link. axe-core on both.
func testDataExport(t *testing.T, tb *tab) {
	tb.loginCitizen("mads", "Mads Kristensen")
	tb.open(shared.PageProfile)
	tb.waitText("#dataexport", "Hent alle mine data")
	tb.checkA11y(shared.PageProfile + " (borger)")

	// By keyboard: Tab from the page's start reaches the JSON link, then
	// the PDF link.
	eval[bool](tb, "blur", `document.activeElement && document.activeElement.blur(), true`)
	reached := false
	for range 80 {
		tb.press(kb.Tab)
		if eval[string](tb, "the focus", `document.activeElement ? document.activeElement.id : ""`) == "dataexport-json" {
			reached = true
			break
		}
	}
	if !reached {
		t.Fatalf("Tab never reached the JSON download\n%s", tb.where())
	}
	tb.press(kb.Tab)
	tb.waitUntil("the PDF download has the focus", `document.activeElement.id === "dataexport-pdf"`)

	var ex shared.DataExport
	if err := json.Unmarshal(tb.download("#dataexport-json", shared.DataExportJSONName), &ex); err != nil {
		t.Fatal(err)
	}
	if ex.Format != shared.DataExportFormat || len(ex.Sections) < 15 || ex.Sections[0].Title != "Dine oplysninger" ||
		!strings.Contains(string(ex.Sections[0].Data), "Mads Kristensen") {
		t.Errorf("the JSON file: %s, %d sections", ex.Format, len(ex.Sections))
	}
	text := pdfText(t, tb.download("#dataexport-pdf", shared.DataExportPDFName))
	for _, want := range []string{"Alle mine data fra Jobnet", "Mads Kristensen", "Min Plan", "Login-historik"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}

	// The jobcenter's caseworker, mirroring Mads.
	tb.clickButton("Log ud")
	tb.waitPath("/log-ind")
	tb.loginCaseworker("nina")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.open(shared.PageProfile)
	tb.waitText("#dataexport", shared.MsgDataExportOwnOnly)
	if n := eval[int](tb, "the links", `document.querySelectorAll("#dataexport a").length`); n != 0 {
		t.Errorf("a caseworker sees %d download links", n)
	}
	tb.checkA11y(shared.PageProfile + " (jobcenter)")
}
