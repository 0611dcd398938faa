package app

import (
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/ui"
)

// readAloudID is the id of the widget's root, which the reading skips.
const readAloudID = "readaloud"

// speechLang is the language of every utterance: Danish as spoken in
// Denmark. The browser picks a Danish voice for it; danishVoice names one
// when the browser lists it.
const speechLang = "da-DK"

// maxUtterance is the longest text, in characters, given to the browser in
// one utterance. Chrome stops reading a long utterance after about 15
// seconds (its online voices) and then never says it ended; about 200
// characters of Danish is 12 to 15 seconds of speech. Not in the sources.
const maxUtterance = 200

// readAloud is "Læs højt" in the breadcrumb bar (000 Billede 4, 10, 18):
// it reads the text of the page's <main> aloud with the browser's own
// speech synthesis (window.speechSynthesis: nothing is sent anywhere, no
// third party's script runs), in Danish. While it reads, the button says
// "Stop oplæsning"; the reading stops on a click, when it has been read to
// the end, and when the person goes to another page. A browser without
// speech synthesis gets no button at all: the prerendered page has it
// hidden, and only the app can tell.
//
// The sources show the link and name it only; what it reads, the stop and
// the Danish voice are decided here.
type readAloud struct {
	app.Compo

	// ISource is the id of the element that is read: the page's <main>.
	ISource string

	supported bool
	cur       *reading // the reading in progress; nil when silent
	status    string   // what the live region says
	failed    bool     // the browser could not speak: the status is shown too
}

func newReadAloud() *readAloud { return &readAloud{} }

// Source sets the id of the element that is read.
func (r *readAloud) Source(id string) *readAloud { r.ISource = id; return r }

func (r *readAloud) OnMount(ctx app.Context) {
	w := app.Window()
	r.supported = w.Get("speechSynthesis").Truthy() && w.Get("SpeechSynthesisUtterance").Truthy()
}

// OnNav stops the reading: go-app keeps the widget when the next page is
// of the same kind (the counters pages), and OnDismount is not called then.
func (r *readAloud) OnNav(ctx app.Context) { r.stop("") }

// OnDismount stops the reading when the person leaves for a page of
// another kind: speechSynthesis belongs to the window and would go on.
func (r *readAloud) OnDismount() { r.stop("") }

func (r *readAloud) toggle(ctx app.Context, e app.Event) {
	if r.cur != nil {
		r.stop("Oplæsningen er stoppet.")
		return
	}
	r.start(ctx)
}

// start queues the text of the source element in the browser's speech
// synthesis as utterances of whole sentences (speechChunks).
func (r *readAloud) start(ctx app.Context) {
	w := app.Window()
	src := w.GetElementByID(r.ISource)
	if !src.Truthy() {
		return
	}
	tw := textWalker{view: w, skipID: readAloudID}
	tw.walk(src)
	tw.flush()
	chunks := speechChunks(tw.blocks, maxUtterance)
	if len(chunks) == 0 {
		r.say("Der er ingen tekst at læse op.", false)
		return
	}

	synth := w.Get("speechSynthesis")
	// Chrome can keep a queue paused from before (another tab of the app,
	// a reading cut off by a reload); cancel empties it, so that this
	// reading is heard at once.
	synth.Call("cancel")
	rd := &reading{}
	// The listeners run on the JavaScript event loop; they only hand the
	// event to the UI goroutine, which checks that rd is still the reading
	// in progress.
	rd.onEnd = app.FuncOf(func(app.Value, []app.Value) any {
		ctx.Dispatch(func(app.Context) {
			if r.cur == rd {
				r.cur = nil
				rd.release(false)
				r.say("Oplæsningen er slut.", false)
			}
		})
		return nil
	})
	rd.onError = app.FuncOf(func(_ app.Value, args []app.Value) any {
		code := ""
		if len(args) > 0 && args[0].Get("error").Truthy() {
			code = args[0].Get("error").String()
		}
		ctx.Dispatch(func(app.Context) {
			if r.cur != rd {
				return
			}
			r.cur = nil
			rd.release(true)
			switch code {
			case "interrupted", "canceled":
				// Someone else emptied the queue (another tab): we stop.
				r.say("Oplæsningen er stoppet.", false)
			default:
				r.say("Din browser kunne ikke læse siden højt.", true)
			}
		})
		return nil
	})

	voice, hasVoice := danishVoice(synth)
	ctor := w.Get("SpeechSynthesisUtterance")
	for i, text := range chunks {
		u := ctor.New(text)
		u.Set("lang", speechLang)
		if hasVoice {
			u.Set("voice", voice)
		}
		u.Call("addEventListener", "error", rd.onError)
		if i == len(chunks)-1 {
			u.Call("addEventListener", "end", rd.onEnd)
		}
		// Kept in rd as well as in the browser's queue: Chrome may
		// collect an utterance that only its queue holds, and then its
		// "end" never comes.
		rd.utterances = append(rd.utterances, u)
	}
	r.cur = rd
	for _, u := range rd.utterances {
		synth.Call("speak", u)
	}
	r.say("Oplæsningen er startet.", false)
}

// stop ends the reading in progress, if any, and says why; an empty
// status says nothing.
func (r *readAloud) stop(status string) {
	if r.cur == nil {
		return
	}
	r.cur.release(true)
	r.cur = nil
	r.say(status, false)
}

func (r *readAloud) say(status string, failed bool) { r.status, r.failed = status, failed }

func (r *readAloud) Render() app.UI {
	label, icon := "Læs højt", speakerIconPath
	if r.cur != nil {
		label, icon = "Stop oplæsning", stopIconPath
	}
	statusClass := "sr-only"
	if r.failed {
		statusClass = "jobnet-readaloud-failed"
	}
	// The label changes rather than aria-pressed: a toggle's name must not
	// change, and "Stop oplæsning" says what the button does now. The
	// button is hidden, not left out, so that the live region after it
	// keeps its place (go-app matches children by position).
	return app.Div().ID(readAloudID).Class("jobnet-readaloud").Body(
		app.Button().Type("button").ID("readaloud-button").Class("function-link jobnet-readaloud-button").
			Hidden(!r.supported).OnClick(r.toggle).Body(
			speechIcon(icon),
			app.Span().Text(label),
		),
		app.Span().Class(statusClass).Role("status").Text(r.status),
	)
}

// The icons are Material Design's "volume_up" and "stop" (Apache 2.0), the
// family DKFDS's own icons come from; the DKFDS sprite has no speaker.
const (
	speakerIconPath = "M3 9v6h4l5 5V4L7 9H3zm13.5 3c0-1.77-1.02-3.29-2.5-4.03v8.05c1.48-.73 2.5-2.25 2.5-4.02zM14 3.23v2.06c2.89.86 5 3.54 5 6.71s-2.11 5.85-5 6.71v2.06c4.01-.91 7-4.49 7-8.77s-2.99-7.86-7-8.77z"
	stopIconPath    = "M6 6h12v12H6z"
)

func speechIcon(path string) app.UI {
	return app.Elem("svg").XMLNS(ui.SVGNamespace).Class("icon-svg").Attr("viewBox", "0 0 24 24").
		Aria("hidden", "true").Attr("focusable", "false").Body(
		app.Elem("path").XMLNS(ui.SVGNamespace).Attr("d", path),
	)
}

// reading is one reading aloud: its utterances in the browser's queue and
// the two listeners on them.
type reading struct {
	utterances []app.Value
	onEnd      app.Func // on the last utterance only
	onError    app.Func
}

// release takes the listeners off the utterances and frees them; with
// cancel it also empties the browser's queue. The listeners go first, so
// that the events the cancel fires ("interrupted") call no freed function.
func (rd *reading) release(cancel bool) {
	for _, u := range rd.utterances {
		u.Call("removeEventListener", "end", rd.onEnd)
		u.Call("removeEventListener", "error", rd.onError)
	}
	if cancel {
		app.Window().Get("speechSynthesis").Call("cancel")
	}
	rd.onEnd.Release()
	rd.onError.Release()
}

// danishVoice is the browser's voice for da-DK, or else another Danish
// one. Browsers load their voices late and headless ones have none: without
// a voice, the utterance's lang lets the browser choose.
func danishVoice(synth app.Value) (app.Value, bool) {
	voices := synth.Call("getVoices")
	var other app.Value
	for i := range voices.Length() {
		v := voices.Index(i)
		lang := strings.ToLower(strings.ReplaceAll(v.Get("lang").String(), "_", "-"))
		if lang == "da-dk" {
			return v, true
		}
		if other == nil && (lang == "da" || strings.HasPrefix(lang, "da-")) {
			other = v
		}
	}
	return other, other != nil
}

// textWalker collects the text a sighted reader sees in an element, in the
// order of the page, as blocks (headings, paragraphs, list items, table
// cells). It leaves out what is not shown (hidden, display none, visibility
// hidden), what is hidden from screen readers (aria-hidden), navigation
// (the breadcrumb), the read-aloud widget itself, form controls and the
// buttons: they are things to do, not text to read. A button inside a
// heading is read: it is a fold's title. Text only for screen readers
// (sr-only, such as "Fejl: ") is read, as a screen reader would.
type textWalker struct {
	view    app.Value // the window, for getComputedStyle
	skipID  string
	blocks  []string
	cur     strings.Builder
	heading int // how deep inside h1–h6 the walk is
}

// notRead are the elements whose text is never read.
var notRead = map[string]bool{
	"NAV": true, "SCRIPT": true, "STYLE": true, "TEMPLATE": true, "NOSCRIPT": true,
	"SVG": true, "CANVAS": true, "IFRAME": true, "INPUT": true, "SELECT": true, "TEXTAREA": true,
}

var headings = map[string]bool{"H1": true, "H2": true, "H3": true, "H4": true, "H5": true, "H6": true}

// DOM node types (Node.nodeType).
const (
	elementNode = 1
	textNode    = 3
)

func (w *textWalker) walk(n app.Value) {
	switch n.Get("nodeType").Int() {
	case textNode:
		w.cur.WriteString(n.Get("nodeValue").String())
		return
	case elementNode:
	default:
		return
	}
	tag := strings.ToUpper(n.Get("tagName").String())
	if notRead[tag] || (tag == "BUTTON" && w.heading == 0) || attr(n, "id") == w.skipID ||
		n.Get("hidden").Truthy() || attr(n, "aria-hidden") == "true" {
		return
	}
	st := w.view.Call("getComputedStyle", n)
	display := st.Get("display").String()
	if display == "none" || st.Get("visibility").String() == "hidden" {
		return
	}
	// A block (and a table cell, a flex item) is a block of text of its
	// own; an inline block (a badge) is a word apart.
	block := !strings.HasPrefix(display, "inline") && display != "contents"
	spaced := display != "inline" && strings.HasPrefix(display, "inline")
	switch {
	case block:
		w.flush()
	case spaced:
		w.cur.WriteByte(' ')
	}
	switch tag {
	case "BR":
		w.flush()
	case "IMG":
		w.cur.WriteString(" " + attr(n, "alt") + " ")
	}
	if headings[tag] {
		w.heading++
		defer func() { w.heading-- }()
	}
	kids := n.Get("childNodes")
	for i := range kids.Length() {
		w.walk(kids.Index(i))
	}
	switch {
	case block:
		w.flush()
	case spaced:
		w.cur.WriteByte(' ')
	}
}

// flush ends the block being collected, with its white space collapsed.
func (w *textWalker) flush() {
	if s := strings.Join(strings.Fields(w.cur.String()), " "); s != "" {
		w.blocks = append(w.blocks, s)
	}
	w.cur.Reset()
}

// attr is an element's attribute, "" when it has none.
func attr(n app.Value, name string) string {
	v := n.Call("getAttribute", name)
	if !v.Truthy() {
		return ""
	}
	return v.String()
}

// speechChunks turns blocks of text into utterances of at most limit
// characters, each of whole sentences where a sentence fits. A block that
// does not end a sentence (a heading, a table cell) gets a full stop, so
// that the voice pauses after it instead of running it into the next.
func speechChunks(blocks []string, limit int) []string {
	var chunks []string
	var cur strings.Builder
	n := 0 // characters in cur
	for _, b := range blocks {
		for _, s := range sentences(withStop(b)) {
			for _, piece := range splitLong(s, limit) {
				l := utf8.RuneCountInString(piece)
				if n > 0 && n+1+l > limit {
					chunks = append(chunks, cur.String())
					cur.Reset()
					n = 0
				}
				if n > 0 {
					cur.WriteByte(' ')
					n++
				}
				cur.WriteString(piece)
				n += l
			}
		}
	}
	if n > 0 {
		chunks = append(chunks, cur.String())
	}
	return chunks
}

// withStop ends s with a full stop unless it ends a sentence already.
func withStop(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".!?:;…", r) {
		return s
	}
	return s + "."
}

// sentences splits s after each ".", "!", "?" or "…" that a space follows.
// A date ("26. feb. 2020") splits too; speechChunks joins the pieces again.
func sentences(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if !strings.ContainsRune(".!?…", r) {
			continue
		}
		next := i + utf8.RuneLen(r)
		if next < len(s) && s[next] == ' ' {
			out = append(out, s[start:next])
			start = next + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// splitLong cuts a sentence longer than limit characters after its last
// comma or semicolon that fits, or else at its last space that fits, or
// else (one long word) at limit.
func splitLong(s string, limit int) []string {
	var out []string
	for utf8.RuneCountInString(s) > limit {
		head := s[:byteIndexOfRune(s, limit)]
		cut := strings.LastIndexAny(head, ",;")
		if cut > 0 {
			cut++ // keep the comma with the first part
		} else if cut = strings.LastIndexByte(head, ' '); cut <= 0 {
			cut = len(head)
		}
		out = append(out, strings.TrimSpace(s[:cut]))
		s = strings.TrimSpace(s[cut:])
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

// byteIndexOfRune is the byte offset of s's n-th rune (from 0).
func byteIndexOfRune(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}
