package site

import (
	"bytes"
	"fmt"
	"regexp"
)

// What the site does for the time between the prerendered page and the
// running app: the controls wait, and the app starts once the page is drawn.

// controlStartTag matches the start tag of a form or a form control as
// go-app writes it: "<name" and then a space, "/" or ">".
var controlStartTag = regexp.MustCompile(`<(form|button|input|select|textarea)([\s/>])`)

// markBooting makes the prerendered page's forms aria-busy and its
// controls disabled and aria-busy: until app.wasm runs nothing handles
// them, and a form submitted natively would put the password in the
// address. It lasts exactly until the app starts, as go-app's first render
// replaces the prerendered elements with its own (engine.Load).
func markBooting(page []byte) []byte {
	return controlStartTag.ReplaceAllFunc(page, func(tag []byte) []byte {
		m := controlStartTag.FindSubmatch(tag)
		name, after := string(m[1]), string(m[2])
		if name == "form" {
			return []byte(`<form aria-busy="true"` + after)
		}
		return []byte("<" + name + ` disabled aria-busy="true"` + after)
	})
}

// falseBoolean matches a boolean attribute that go-app set to false.
var falseBoolean = regexp.MustCompile(`\s(?:allowfullscreen|async|autofocus|autoplay|checked|controls|default|defer|disabled|` +
	`formnovalidate|hidden|inert|ismap|loop|multiple|muted|nomodule|novalidate|open|playsinline|readonly|required|` +
	`reversed|selected)="false"`)

// dropFalseBooleans removes the boolean attributes go-app v10 writes as
// name="false" when it prerenders (Disabled(false), Selected(false) …):
// HTML reads any present boolean attribute as true, so the prerendered
// page showed every option of a select selected (the last one shown) and
// an unticked checkbox ticked. In the browser go-app sets the properties,
// so only the prerendered page was wrong, and it is now read before the
// app runs.
func dropFalseBooleans(page []byte) []byte {
	return falseBoolean.ReplaceAll(page, nil)
}

// appJSStart is how go-app's app.js (v10) begins: it registers the service
// worker and fetches and starts app.wasm as soon as it runs, which is
// before the browser has drawn the prerendered page.
const appJSStart = "goappInitServiceWorker();\ngoappWatchForUpdate();\ngoappWatchForInstallable();\ngoappInitWebAssembly();\n"

// appJSStartAfterPaint begins once the browser has drawn the prerendered
// page with its text (the first contentful paint). Started at once,
// app.wasm (3 MB) and the service worker's copy of it competed with the
// styles and fonts on a slow line, and on a fast one compiling app.wasm
// could keep the browser from drawing anything until the app ran. A tab
// opened in the background paints, and so starts the app, when it is
// shown. Browsers without paint timing start after the fonts and a frame.
const appJSStartAfterPaint = `goappWatchForUpdate();
goappWatchForInstallable();
// Jobnet (server/site): the service worker and app.wasm start once the
// prerendered page has been drawn with its text.
function jobnetStartApp() {
  goappInitServiceWorker();
  goappInitWebAssembly();
}
if (typeof PerformanceObserver !== "undefined" && (PerformanceObserver.supportedEntryTypes || []).includes("paint")) {
  new PerformanceObserver((entries, observer) => {
    if (entries.getEntriesByName("first-contentful-paint").length > 0) {
      observer.disconnect();
      setTimeout(jobnetStartApp, 0);
    }
  }).observe({ type: "paint", buffered: true });
} else {
  document.fonts.ready.then(() => requestAnimationFrame(() => setTimeout(jobnetStartApp, 0)));
}
`

// startAfterPaint makes go-app's app.js start the app after the first
// contentful paint. It fails when go-app's script no longer begins as v10's did, so
// that an upgrade cannot silently undo it.
func startAfterPaint(appJS []byte) ([]byte, error) {
	if bytes.Count(appJS, []byte(appJSStart)) != 1 {
		return nil, fmt.Errorf("go-app's app.js does not begin with %q: see startAfterPaint in server/site", appJSStart)
	}
	return bytes.Replace(appJS, []byte(appJSStart), []byte(appJSStartAfterPaint), 1), nil
}

// appJSFetchWasm is how go-app's app.js fetches app.wasm: through a
// JavaScript stream that counts the bytes for its "{progress}%" label.
// Pumping an 18 MB download through JavaScript cost the page's main thread
// about 200 ms on a fast machine (a quarter of the app's whole start), and
// kept the browser from compiling the module while it arrives.
var appJSFetchWasm = regexp.MustCompile(`fetchWithProgress\(("[^"]+"), showProgress\)`)

// streamWasm makes go-app's app.js hand the response of app.wasm straight
// to WebAssembly.instantiateStreaming, which compiles it off the main
// thread as it arrives. The loader is an indeterminate bar with a label
// for screen readers, so it loses no information; the label no longer
// counts (LoadingLabel has no {progress}). Like startAfterPaint, it fails
// when go-app's script no longer reads as v10's.
func streamWasm(appJS []byte) ([]byte, error) {
	if n := len(appJSFetchWasm.FindAllIndex(appJS, -1)); n != 1 {
		return nil, fmt.Errorf("go-app's app.js fetches app.wasm %d times with fetchWithProgress, not once: see streamWasm in server/site", n)
	}
	return appJSFetchWasm.ReplaceAll(appJS, []byte(`fetch($1)`)), nil
}
