package app

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/shared"
)

// status is the state of a load: every page renders from it.
type status int

const (
	neverLoaded status = iota
	loading
	loadingErr
	loaded
)

// lastActivity is when the server last saw a signed-in request; the session
// countdown runs from it.
var (
	activityMu   sync.Mutex
	lastActivity time.Time
)

func touchActivity() {
	activityMu.Lock()
	lastActivity = time.Now()
	activityMu.Unlock()
}

func sinceActivity() time.Duration {
	activityMu.Lock()
	defer activityMu.Unlock()
	return time.Since(lastActivity)
}

// call sends a JSON request to the API and decodes the answer into out. An
// error answer becomes a *shared.Error; a network failure gets a Danish
// message too. The current page travels along so that the server can
// remember it for the return after an automatic sign-off.
func call(ctx context.Context, method, path string, in, out any) error {
	var body *bytes.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	} else {
		body = bytes.NewReader(nil)
	}
	u := app.Window().URL()
	u.Path, u.RawQuery, u.Fragment = path, "", ""
	req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Jobnet-Path", app.Window().URL().Path)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return shared.Errorf(shared.EInternal, "Jobnet kunne ikke kontaktes. Tjek din internetforbindelse, og prøv igen.")
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		var e shared.Error
		if json.NewDecoder(resp.Body).Decode(&e) != nil || e.Code == "" {
			return shared.NewError(shared.EInternal)
		}
		return &e
	}
	touchActivity()
	if out == nil || resp.StatusCode == http.StatusNoContent {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}
