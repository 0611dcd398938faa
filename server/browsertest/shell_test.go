package browsertest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// testReadAloud: a sub-page's "Læs højt" and its side folds "Kontakt dit
// jobcenter" and "Kontakt supporten" (000 Billede 18). Headless Chromium
// has no voices, so the page's speechSynthesis.speak is replaced by one
// that keeps the utterances (stubSpeech): the test reads what would have
// been said, in which language, and ends a reading as the browser would.
func testReadAloud(t *testing.T, tb *tab) {
	tb.loginCitizen("louise", "Louise Holm")
	tb.openCard(1, "Historik", "/historik")
	tb.waitText("#login-button", "Login")
	stubSpeech(tb)
	tb.waitText("#readaloud-button", "Læs højt")
	tb.checkSubpageLayout()
	tb.screenshot("subpage")

	// Tab goes from the breadcrumb's link to "Læs højt"; Enter starts the
	// reading, and the button, keeping the focus, says "Stop oplæsning".
	tb.do("focus Forside in the breadcrumb", chromedp.Focus(chromedp.CSS("nav a.breadcrumbs__link")))
	tb.do("press Tab", chromedp.KeyEvent(kb.Tab))
	tb.waitUntil("Tab reaches Læs højt", `document.activeElement.id === "readaloud-button"`)
	from := spokenCount(tb)
	tb.do("press Enter", chromedp.KeyEvent(kb.Enter))
	tb.waitText("#readaloud-button", "Stop oplæsning")
	tb.waitText(`#readaloud [role="status"]`, "Oplæsningen er startet.")
	if got := eval[string](tb, "read the focus", `document.activeElement.id`); got != "readaloud-button" {
		t.Errorf("after Enter the focus is on %q, not on the button", got)
	}
	// The page's heading, the open Login fold with its table are read;
	// the breadcrumb, the button itself, the side folds and what is
	// outside <main> are not.
	said := tb.spoken(from)
	for _, want := range []string{"Historik", "Login", "Her kan du se, hvornår du og sagsbehandlere har været logget ind",
		"Louise Holm (dig selv)"} {
		if !strings.Contains(said, want) {
			t.Errorf("the reading %q lacks %q", said, want)
		}
	}
	for _, not := range []string{"Planer og aftaler", "Læs højt", "Stop oplæsning", "Kontakt dit jobcenter",
		"Log ud", "åben kildekode"} {
		if strings.Contains(said, not) {
			t.Errorf("the reading %q says %q", said, not)
		}
	}

	// Space stops it: the browser's queue is emptied.
	cancels := eval[int](tb, "count the cancels", `window.__speech.cancels`)
	tb.do("press Space", chromedp.KeyEvent(" "))
	tb.waitText("#readaloud-button", "Læs højt")
	tb.waitText(`#readaloud [role="status"]`, "Oplæsningen er stoppet.")
	tb.waitUntil("the stop cancels the speech", fmt.Sprintf(`window.__speech.cancels > %d`, cancels))

	// Folded, the Login fold's text is not read, its title is. The
	// reading is over when the browser says the last utterance has ended.
	tb.click("#login-button")
	tb.waitUntil("the Login fold folds", `document.getElementById("login-content").offsetHeight === 0`)
	from = spokenCount(tb)
	tb.click("#readaloud-button")
	tb.waitText("#readaloud-button", "Stop oplæsning")
	if said := tb.spoken(from); !strings.Contains(said, "Login") || strings.Contains(said, "Her kan du se") || strings.Contains(said, "Louise Holm") {
		t.Errorf("with the Login fold folded the reading is %q", said)
	}
	tb.do("end the reading as the browser does", chromedp.Evaluate[chromedp.Void](
		`(us => us[us.length - 1].dispatchEvent(new Event("end")))(window.__speech.utterances)`))
	tb.waitText("#readaloud-button", "Læs højt")
	tb.waitText(`#readaloud [role="status"]`, "Oplæsningen er slut.")

	// The side folds: folded, reached with Tab after the page's own
	// controls, opened with Enter and with Space.
	for _, id := range []string{"contact-jobcenter", "contact-support"} {
		tb.waitUntil(id+" is folded", fmt.Sprintf(`document.getElementById(%[1]q).getAttribute("aria-expanded") === "false"
			&& document.getElementById(%[1]q).getAttribute("aria-controls") === %[2]q
			&& document.getElementById(%[2]q).offsetHeight === 0`, id+"-button", id))
	}
	// Historik's last fold is "Andre fravær og fritagelser" (SPEC D12).
	tb.do("focus the last fold", chromedp.Focus(chromedp.CSS("#andre-fravaer-button")))
	tb.do("press Tab", chromedp.KeyEvent(kb.Tab))
	tb.waitUntil("Tab reaches Kontakt dit jobcenter", `document.activeElement.id === "contact-jobcenter-button"`)
	tb.do("press Enter", chromedp.KeyEvent(kb.Enter))
	tb.do("press Tab", chromedp.KeyEvent(kb.Tab))
	tb.waitUntil("Tab reaches Kontakt supporten", `document.activeElement.id === "contact-support-button"`)
	tb.do("press Space", chromedp.KeyEvent(" "))
	for id, want := range map[string]string{
		"contact-jobcenter": "Du hører til jobcentret i den kommune, hvor du har folkeregisteradresse.",
		"contact-support":   "STAR's Landssupport",
	} {
		tb.waitUntil(id+" opens", fmt.Sprintf(`document.getElementById(%q).getAttribute("aria-expanded") === "true"`, id+"-button"))
		tb.waitText("#"+id, want)
	}

	// axe with both folds open and the page being read.
	tb.click("#readaloud-button")
	tb.waitText("#readaloud-button", "Stop oplæsning")
	tb.checkA11y("/historik with the folds open, being read aloud")
	tb.screenshot("readaloud")
	folds := eval[string](tb, "read the folds", `document.querySelector("aside.jobnet-side").textContent`)

	// Going to another page stops the reading. The Forside is no
	// sub-page: no "Læs højt", no folds.
	cancels = eval[int](tb, "count the cancels", `window.__speech.cancels`)
	tb.click("nav a.breadcrumbs__link")
	tb.waitPath("/")
	tb.waitText("h1.jobnet-welcome", "Velkommen Louise Holm")
	tb.waitUntil("leaving the page cancels the speech", fmt.Sprintf(`window.__speech.cancels > %d`, cancels))
	if n := eval[int](tb, "look for the shell's sub-page parts", `document.querySelectorAll("#readaloud-button, aside.jobnet-side").length`); n != 0 {
		t.Errorf("the Forside has %d of Læs højt and the side folds", n)
	}

	// So does going back with the browser. (Between two pages of the same
	// kind, where go-app keeps the widget, OnNav stops it; no link joins
	// two such pages for Louise.)
	tb.openCard(0, "Job i Europa", "/job-i-europa")
	tb.waitText("#eures-form", "Gem")
	stubSpeech(tb)
	tb.click("#readaloud-button")
	tb.waitText("#readaloud-button", "Stop oplæsning")
	tb.do("go back", chromedp.NavigateBack())
	tb.waitPath("/")
	tb.waitUntil("going back cancels the speech", `window.__speech.cancels > 0`)

	// A browser without speech synthesis shows no button.
	tb.withoutSpeech(func() {
		tb.open("/job-i-europa")
		tb.waitText("#eures-form", "Gem")
		if !eval[bool](tb, "look at Læs højt", `(b => !!b && b.hidden && b.offsetHeight === 0)(document.getElementById("readaloud-button"))`) {
			t.Errorf("without speechSynthesis, Læs højt is shown")
		}
	})

	// A caseworker who mirrors a citizen sees the same folds.
	tb.clickButton("Log ud")
	tb.waitPath("/log-ind")
	tb.loginCaseworker("nina")
	tb.mirror(cprMads)
	tb.waitMirrorOf("Mads Kristensen")
	tb.openCard(1, "Historik", "/historik")
	tb.waitText("#readaloud-button", "Læs højt")
	if got := eval[string](tb, "read the folds", `document.querySelector("aside.jobnet-side").textContent`); got != folds {
		t.Errorf("the mirror's folds say %q, the citizen's %q", got, folds)
	}
	tb.checkA11y("/historik (mirror) with Læs højt")
}

// checkSubpageLayout: "Læs højt" is at the right of the breadcrumb bar
// and the folds at the right of <main> on a desktop; on a phone the button
// is below the trail and the folds below <main>; the page never scrolls
// sideways.
func (tb *tab) checkSubpageLayout() {
	tb.t.Helper()
	r := tb.rects("nav.breadcrumbs", "#readaloud-button", "main", "aside.jobnet-side")
	crumbs, button, main, side := r["nav.breadcrumbs"], r["#readaloud-button"], r["main"], r["aside.jobnet-side"]
	// The app keeps the scroll of the Forside, where the card was.
	tb.do("scroll to the top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	if why := tb.inView("#readaloud-button"); why != "" {
		tb.t.Errorf("Læs højt is not visible at once: %s", why)
	}
	if tb.w.mobile {
		if button.Y < crumbs.Y+crumbs.Height-1 {
			tb.t.Errorf("on a phone Læs højt %+v is not below the trail %+v", button, crumbs)
		}
		if side.Y < main.Y+main.Height-1 {
			tb.t.Errorf("on a phone the folds %+v are not below <main> %+v", side, main)
		}
	} else {
		if right, mainRight := button.X+button.Width, main.X+main.Width; right < mainRight-40 || button.Y > crumbs.Y+crumbs.Height {
			tb.t.Errorf("Læs højt %+v is not at the right of the breadcrumb bar in <main> %+v", button, main)
		}
		if side.X < main.X+main.Width-1 || side.Y > main.Y+40 {
			tb.t.Errorf("the folds %+v are not at the right of <main> %+v", side, main)
		}
	}
	if over := eval[int](tb, "measure the page width", `document.documentElement.scrollWidth - innerWidth`); over > 0 {
		tb.t.Errorf("the sub-page is %d px wider than the %d px viewport", over, tb.w.width)
	}
}

// stubSpeech replaces the page's speechSynthesis.speak with one that keeps
// the utterances in window.__speech.utterances, and counts the cancels;
// the page keeps it while the app moves between its pages.
func stubSpeech(tb *tab) {
	tb.t.Helper()
	tb.do("stub speechSynthesis", chromedp.Evaluate[chromedp.Void](`(() => {
		const s = window.speechSynthesis, rec = window.__speech = {utterances: [], cancels: 0};
		const cancel = s.cancel.bind(s);
		s.speak = u => { rec.utterances.push(u); };
		s.cancel = () => { rec.cancels++; cancel(); };
	})()`))
}

func spokenCount(tb *tab) int {
	tb.t.Helper()
	return eval[int](tb, "count the utterances", `window.__speech.utterances.length`)
}

// spoken is the text of the utterances queued since the from-th, which
// must be Danish and short enough for Chrome to read them to the end.
func (tb *tab) spoken(from int) string {
	tb.t.Helper()
	type utterance struct{ Text, Lang string }
	us := eval[[]utterance](tb, "read the utterances", fmt.Sprintf(
		`window.__speech.utterances.slice(%d).map(u => ({text: u.text, lang: u.lang}))`, from))
	if len(us) == 0 {
		tb.t.Fatalf("nothing was given to speechSynthesis.speak\n%s", tb.where())
	}
	var texts []string
	for _, u := range us {
		if u.Lang != "da-DK" {
			tb.t.Errorf("an utterance is in %q, not da-DK: %q", u.Lang, u.Text)
		}
		if n := len([]rune(u.Text)); n > 200 {
			tb.t.Errorf("an utterance has %d characters (Chrome cuts long ones): %q", n, u.Text)
		}
		texts = append(texts, u.Text)
	}
	return strings.Join(texts, " ")
}

// withoutSpeech runs f with pages loaded as in a browser that has no
// speech synthesis.
func (tb *tab) withoutSpeech(f func()) {
	tb.t.Helper()
	var id page.ScriptIdentifier
	tb.do("take speech synthesis from new pages", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		res, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `Object.defineProperty(window, "speechSynthesis", {value: undefined, configurable: true});
				delete window.SpeechSynthesisUtterance;`,
		})
		id = res.Identifier
		return err
	}))
	defer tb.do("give speech synthesis back", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.RemoveScriptToEvaluateOnNewDocument, page.RemoveScriptToEvaluateOnNewDocumentParams{Identifier: id})
		return err
	}))
	f()
}
