//go:build !(js && wasm)

package api

import (
	"context"
	"errors"
)

// roundTrip outside the browser: pages are prerendered on the server
// without their data, so nothing calls the API there.
func roundTrip(context.Context, string, string, map[string]string, []byte) (int, []byte, string, error) {
	return 0, nil, "", errors.New("the API is called only from the browser")
}
