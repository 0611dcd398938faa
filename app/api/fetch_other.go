//go:build !(js && wasm)

package api

import (
	"context"
	"errors"
)

// roundTrip outside the browser: while the server prerenders a page, calls
// take preloaded answers only (call never gets here).
func roundTrip(context.Context, string, string, map[string]string, []byte) (int, []byte, string, error) {
	return 0, nil, "", errors.New("the API is called only from the browser")
}

// roundTripFile outside the browser: there is no file to send.
func roundTripFile(context.Context, string, string, map[string]string, File) (int, []byte, string, error) {
	return 0, nil, "", errors.New("the API is called only from the browser")
}

// fileHead outside the browser: there is no file to read.
func fileHead(context.Context, File, int) ([]byte, error) {
	return nil, errors.New("files are read only in the browser")
}

// takePreloaded is the answer the server preloaded for the prerender with
// the key.
func takePreloaded(key, path string) ([]byte, bool) {
	serverMu.RLock()
	source := serverSource
	serverMu.RUnlock()
	if source == nil || key == "" {
		return nil, false
	}
	return source(key, path)
}
