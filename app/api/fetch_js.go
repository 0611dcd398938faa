//go:build js && wasm

package api

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"syscall/js"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// roundTrip sends one request with the browser's fetch. It is used instead
// of net/http's client, whose WebAssembly transport adds about 5 MB to
// app.wasm (measured: a go-app hello world grows from 6.9 to 12.1 MB). It
// returns the status, the body and the response's Date header.
func roundTrip(ctx context.Context, method, url string, headers map[string]string, body []byte) (int, []byte, string, error) {
	if body == nil {
		return fetch(ctx, method, url, headers, js.Undefined())
	}
	return fetch(ctx, method, url, headers, js.ValueOf(string(body)))
}

// roundTripFile sends a File the person chose as the request's body: the
// browser reads it from the disk as it sends, and none of it passes through
// the app's memory.
func roundTripFile(ctx context.Context, method, url string, headers map[string]string, f File) (int, []byte, string, error) {
	return fetch(ctx, method, url, headers, jsValueOf(f.blob))
}

// fileHead reads the first n bytes of a chosen file, and no more.
func fileHead(ctx context.Context, f File, n int) ([]byte, error) {
	abort := js.Global().Get("AbortController").New()
	buf, err := await(ctx, abort, jsValueOf(f.blob).Call("slice", 0, n).Call("arrayBuffer"))
	if err != nil {
		return nil, err
	}
	arr := js.Global().Get("Uint8Array").New(buf)
	b := make([]byte, arr.Length())
	js.CopyBytesToGo(b, arr)
	return b, nil
}

// jsValueOf is the JavaScript value behind go-app's wrapper: go-app hands
// its values to a JavaScript function as they are, so one that keeps its
// argument gets it back.
func jsValueOf(v app.Value) js.Value {
	var out js.Value
	keep := js.FuncOf(func(_ js.Value, args []js.Value) any {
		out = args[0]
		return nil
	})
	defer keep.Release()
	app.ValueOf(keep.Value).Invoke(v)
	return out
}

func fetch(ctx context.Context, method, url string, headers map[string]string, body js.Value) (int, []byte, string, error) {
	abort := js.Global().Get("AbortController").New()
	opts := js.Global().Get("Object").New()
	opts.Set("method", method)
	opts.Set("credentials", "same-origin")
	opts.Set("signal", abort.Get("signal"))
	h := js.Global().Get("Headers").New()
	for k, v := range headers {
		h.Call("set", k, v)
	}
	opts.Set("headers", h)
	if !body.IsUndefined() {
		opts.Set("body", body)
	}
	resp, err := await(ctx, abort, js.Global().Call("fetch", url, opts))
	if err != nil {
		return 0, nil, "", err
	}
	text, err := await(ctx, abort, resp.Call("text"))
	if err != nil {
		return 0, nil, "", err
	}
	date := resp.Get("headers").Call("get", "Date")
	if date.IsNull() {
		return resp.Get("status").Int(), []byte(text.String()), "", nil
	}
	return resp.Get("status").Int(), []byte(text.String()), date.String(), nil
}

// await blocks the calling goroutine (never the UI's) until the promise
// settles or ctx ends, which aborts the fetch.
func await(ctx context.Context, abort, promise js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	done := make(chan result, 1)
	onOK := js.FuncOf(func(this js.Value, args []js.Value) any {
		done <- result{v: args[0]}
		return nil
	})
	onErr := js.FuncOf(func(this js.Value, args []js.Value) any {
		done <- result{err: errors.New(args[0].Call("toString").String())}
		return nil
	})
	defer onOK.Release()
	defer onErr.Release()
	promise.Call("then", onOK, onErr)
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		abort.Call("abort")
		return js.Undefined(), ctx.Err()
	}
}

// The page's preloaded answers, read from its head once.
var (
	preloadOnce sync.Once
	preloadMu   sync.Mutex
	preload     Preload
)

// takePreloaded takes the answer the server sent with the page for GET
// path, once, and only while the browser is still on that page.
func takePreloaded(_, path string) ([]byte, bool) {
	preloadOnce.Do(func() {
		el := js.Global().Get("document").Call("getElementById", PreloadElementID)
		if el.Truthy() {
			_ = json.Unmarshal([]byte(el.Get("textContent").String()), &preload)
			el.Call("remove")
		}
	})
	preloadMu.Lock()
	defer preloadMu.Unlock()
	if preload.Page != js.Global().Get("location").Get("pathname").String() {
		return nil, false
	}
	b, ok := preload.Answers[path]
	delete(preload.Answers, path)
	return b, ok
}
