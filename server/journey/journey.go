// Package journey is the seam to a journey planner: the travel time by
// public transport that a Joblog log shows from the citizen's home to the
// workplace (003_…txt «Joblog»; FEATURES.md 3). Jobnet asks Rejseplanen,
// which this machine cannot reach; so the planner is whatever service
// JOBNET_JOURNEY_PLANNER_URL names, spoken to in the small JSON protocol
// below, and an adapter to Rejseplanen (or any planner) answers it. With
// no URL there is no planner, and the log shows no travel time at all.
//
// The protocol: GET <url>?from=<postcode>&from_lat=<°>&from_lon=<°>
// &to=<postcode>&to_lat=<°>&to_lon=<°>&arrive=<RFC 3339 time>, answered
// 200 with {"minutes": <whole minutes, at least 1>}. Any other answer is
// an error, and the travel time is not shown. A place is a postcode and
// its centre (the postcode table of server/geo): Jobnet knows a home and a
// workplace by their postcodes only.
package journey

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// EnvURL names the planner's URL in the environment.
const EnvURL = "JOBNET_JOURNEY_PLANNER_URL"

// Place is where a journey starts or ends: a postcode and its centre.
type Place struct {
	Postcode string
	Lat, Lon float64
}

// Planner answers the travel time by public transport between two places,
// arriving at a moment.
type Planner interface {
	TravelTime(ctx context.Context, from, to Place, arrive time.Time) (time.Duration, error)
}

// Timeout bounds one question to the planner: a log's page waits for no
// slower answer (it shows none).
const Timeout = 5 * time.Second

// HTTP is a planner behind the protocol of the package comment.
type HTTP struct {
	url    *url.URL
	client *http.Client
}

// NewHTTP is the planner at an absolute http or https URL.
func NewHTTP(raw string) (*HTTP, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("journey: %s is not an http(s) URL: %q", EnvURL, raw)
	}
	return &HTTP{url: u, client: &http.Client{Timeout: Timeout}}, nil
}

// FromEnv is the planner the environment names (getenv is os.Getenv), or
// nil when it names none.
func FromEnv(getenv func(string) string) (Planner, error) {
	raw := getenv(EnvURL)
	if raw == "" {
		return nil, nil
	}
	h, err := NewHTTP(raw)
	if err != nil {
		return nil, err
	}
	return h, nil
}

// TravelTime asks the planner.
func (h *HTTP) TravelTime(ctx context.Context, from, to Place, arrive time.Time) (time.Duration, error) {
	u := *h.url
	q := u.Query()
	deg := func(v float64) string { return strconv.FormatFloat(v, 'f', 6, 64) }
	q.Set("from", from.Postcode)
	q.Set("from_lat", deg(from.Lat))
	q.Set("from_lon", deg(from.Lon))
	q.Set("to", to.Postcode)
	q.Set("to_lat", deg(to.Lat))
	q.Set("to_lon", deg(to.Lon))
	q.Set("arrive", arrive.Format(time.RFC3339))
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := h.client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("journey: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("journey: the planner answered %s", resp.Status)
	}
	var answer struct {
		Minutes *int `json:"minutes"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<16)).Decode(&answer); err != nil {
		return 0, fmt.Errorf("journey: the planner's answer: %w", err)
	}
	if answer.Minutes == nil || *answer.Minutes < 1 {
		return 0, fmt.Errorf("journey: the planner's answer has no minutes")
	}
	return time.Duration(*answer.Minutes) * time.Minute, nil
}

// Arrival is the moment a travel time is asked for: arriving at 8:00 on
// the next weekday after now, in loc — the morning commute to the job,
// whatever day the log is read.
func Arrival(now time.Time, loc *time.Location) time.Time {
	d := now.In(loc)
	for {
		d = d.AddDate(0, 0, 1)
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			return time.Date(d.Year(), d.Month(), d.Day(), 8, 0, 0, 0, loc)
		}
	}
}
