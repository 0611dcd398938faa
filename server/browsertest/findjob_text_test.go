package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// testFindJobLongText: a free text longer than a search takes gets its
// message at the field, stays there as typed and is not searched; the
// text shortened, the search runs (issue 10).
func testFindJobLongText(t *testing.T, tb *tab) {
	tb.open("/find-job")
	tb.waitUntil("the search answers", `!!document.getElementById("findjob-count")`)
	long := strings.Repeat("ø", 201)
	tb.do("paste a long text", chromedp.Evaluate[chromedp.Void](`(el => {
		el.focus(); el.value = `+js(long)+`; el.dispatchEvent(new Event("input", {bubbles: true}));
	})(document.getElementById("findjob-q"))`))
	tb.do("press Enter", chromedp.KeyEvent(kb.Enter))
	tb.waitText("#findjob-q-error", "Søgeteksten må højst være 200 tegn. Den har 201.")
	if v := tb.value("#findjob-q"); v != long {
		t.Errorf("the field holds %d characters after the message", len([]rune(v)))
	}
	if q := eval[string](tb, "read the address", `location.search`); q != "" {
		t.Errorf("too long a text was searched: %s", q)
	}
	if got := eval[string](tb, "read the field's description", `document.getElementById("findjob-q").getAttribute("aria-describedby") + " " + document.getElementById("findjob-q").getAttribute("aria-invalid")`); got != "findjob-q-hint findjob-q-error true" {
		t.Errorf("the field is described as %q", got)
	}
	tb.checkA11y("/find-job (too long a text)")
	tb.screenshot("findjob-long-text")

	tb.do("shorten the text", chromedp.Evaluate[chromedp.Void](`(el => {
		el.focus(); el.value = "lager"; el.dispatchEvent(new Event("input", {bubbles: true}));
	})(document.getElementById("findjob-q"))`))
	tb.do("press Enter", chromedp.KeyEvent(kb.Escape), chromedp.KeyEvent(kb.Enter))
	tb.waitUntil("the search is in the address", `new URLSearchParams(location.search).get("q") === "lager"`)
	tb.waitUntil("the message is gone", `!document.getElementById("findjob-q-error")`)
}
