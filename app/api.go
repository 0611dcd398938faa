package app

import (
	"context"
	"encoding/json"
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
	var body []byte
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = b
	}
	headers := map[string]string{"X-Jobnet-Path": app.Window().URL().Path}
	if body != nil {
		headers["Content-Type"] = "application/json"
	}
	status, resp, date, err := roundTrip(ctx, method, path, headers, body)
	if err != nil {
		return shared.Errorf(shared.EInternal, "Jobnet kunne ikke kontaktes. Tjek din internetforbindelse, og prøv igen.")
	}
	followServerClock(date)
	if status >= 400 {
		var e shared.Error
		if json.Unmarshal(resp, &e) != nil || e.Code == "" {
			return shared.NewError(shared.EInternal)
		}
		return &e
	}
	touchActivity()
	if out == nil || status == 204 || len(resp) == 0 {
		return nil
	}
	return json.Unmarshal(resp, out)
}
