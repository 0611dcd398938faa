package site

import (
	"bytes"
	"fmt"
	"regexp"

	"jobnet/shared"
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

// WarmupJS is the path of the worker script that runs app.wasm's
// initialisation once before the page does (warmupWorkerJS).
const WarmupJS = "/app-warmup.js"

// warmupWorkerJS runs in a dedicated worker with the module the page has
// compiled. V8 compiles a WebAssembly function only at its first call, on
// the thread that calls it, and every instance of a module shares what was
// compiled; running the Go runtime's and the packages' initialisation here
// first takes its compiling (most of its time) off the page's main thread.
// It answers once the program has ended, or failed: the page starts the
// app either way.
const warmupWorkerJS = `// Jobnet (server/site): app.wasm's initialisation, run once off the page's main thread.
importScripts("/wasm_exec.js");
onmessage = async (event) => {
  try {
    const go = new Go();
    go.env = { ` + shared.AppWarmupEnv + `: "1" };
    await go.run(await WebAssembly.instantiate(event.data, go.importObject));
  } finally {
    postMessage("done");
  }
};
`

// appJSInstantiate is how go-app's app.js chooses its instantiation, and
// appJSRun how it runs the instance: the loader goes as soon as go.run
// returns, which is the first time the Go program waits.
const (
	appJSInstantiate = "let instantiateStreaming = WebAssembly.instantiateStreaming;\n"
	appJSRun         = "go.run(wasm.instance);\n    loader.remove();\n"
)

// appJSInSteps starts app.wasm in steps, each a task of its own, so that
// the page answers input between them rather than after one long task:
// compile while streaming (off the main thread), the warm-up worker,
// instantiate, run. The Go program waits once more before its first
// render and removes the loader itself once it has mounted the page
// (cmd/jobnet-wasm), so the loader still means what it meant.
const appJSInSteps = `// Jobnet (server/site): app.wasm starts in steps, each its own task.
async function jobnetInstantiate(response, importObject) {
  const warmup = jobnetStartWarmup(); // its script loads while app.wasm does
  const module = WebAssembly.compileStreaming
    ? await WebAssembly.compileStreaming(response)
    : await WebAssembly.compile(await (await response).arrayBuffer());
  await jobnetWarmUp(warmup, module);
  return { module: module, instance: await WebAssembly.instantiate(module, importObject) };
}
function jobnetStartWarmup() {
  try {
    return new Worker("` + WarmupJS + `");
  } catch (err) {
    return null;
  }
}
// jobnetWarmUp resolves when the worker has run the module's
// initialisation, or failed to; a worker that hangs is given up after
// jobnetWarmupLimit ms.
const jobnetWarmupLimit = 10000;
function jobnetWarmUp(worker, module) {
  if (!worker) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(limit);
      worker.terminate();
      resolve();
    };
    const limit = setTimeout(done, jobnetWarmupLimit);
    worker.onmessage = done;
    worker.onerror = done;
    worker.postMessage(module);
  });
}
function jobnetNextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
`

// startInSteps makes go-app's app.js start app.wasm as appJSInSteps says.
// Like startAfterPaint, it fails when go-app's script no longer reads as
// v10's.
func startInSteps(appJS []byte) ([]byte, error) {
	for _, s := range []string{appJSInstantiate, appJSRun} {
		if n := bytes.Count(appJS, []byte(s)); n != 1 {
			return nil, fmt.Errorf("go-app's app.js has %q %d times, not once: see startInSteps in server/site", s, n)
		}
	}
	appJS = bytes.Replace(appJS, []byte(appJSInstantiate), []byte("let instantiateStreaming = jobnetInstantiate;\n"), 1)
	appJS = bytes.Replace(appJS, []byte(appJSRun),
		[]byte("await jobnetNextTask();\n    go.run(wasm.instance); // the app removes the loader once it has mounted the page\n"), 1)
	return append(appJS, appJSInSteps...), nil
}
