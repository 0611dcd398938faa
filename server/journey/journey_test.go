package journey_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"jobnet/server/journey"
)

// TestHTTP: the planner is asked with both places and the arrival, and its
// minutes are the travel time; an answer that is not 200 with minutes is
// an error.
func TestHTTP(t *testing.T) {
	var asked url.Values
	answer, status := `{"minutes": 84}`, http.StatusOK
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked = r.URL.Query()
		w.WriteHeader(status)
		_, _ = w.Write([]byte(answer))
	}))
	defer ts.Close()
	p, err := journey.NewHTTP(ts.URL + "/rejsetid?key=k")
	if err != nil {
		t.Fatal(err)
	}
	arrive := time.Date(2027, 1, 6, 8, 0, 0, 0, time.FixedZone("CET", 3600))
	got, err := p.TravelTime(context.Background(), journey.Place{Postcode: "2300", Lat: 55.65, Lon: 12.6},
		journey.Place{Postcode: "8000", Lat: 56.15, Lon: 10.2}, arrive)
	if err != nil || got != 84*time.Minute {
		t.Fatalf("travel time %v, %v", got, err)
	}
	want := url.Values{"key": {"k"}, "from": {"2300"}, "from_lat": {"55.650000"}, "from_lon": {"12.600000"},
		"to": {"8000"}, "to_lat": {"56.150000"}, "to_lon": {"10.200000"}, "arrive": {"2027-01-06T08:00:00+01:00"}}
	if asked.Encode() != want.Encode() {
		t.Errorf("asked %s\nwant  %s", asked.Encode(), want.Encode())
	}
	for name, c := range map[string]struct {
		status int
		body   string
	}{
		"ErrStatus":     {http.StatusBadGateway, `{"minutes": 84}`},
		"ErrNoMinutes":  {http.StatusOK, `{}`},
		"ErrZero":       {http.StatusOK, `{"minutes": 0}`},
		"ErrNotJSON":    {http.StatusOK, `<html>`},
		"ErrWrongShape": {http.StatusOK, `{"minutes": "84"}`},
	} {
		t.Run(name, func(t *testing.T) {
			status, answer = c.status, c.body
			if d, err := p.TravelTime(context.Background(), journey.Place{}, journey.Place{}, arrive); err == nil {
				t.Errorf("answered %v", d)
			}
		})
	}
}

// TestFromEnv: no URL, no planner; a URL that is not http(s) is refused.
func TestFromEnv(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == journey.EnvURL {
				return v
			}
			return ""
		}
	}
	if p, err := journey.FromEnv(env("")); p != nil || err != nil {
		t.Errorf("unset: %v, %v", p, err)
	}
	if p, err := journey.FromEnv(env("http://planner.local/rejsetid")); p == nil || err != nil {
		t.Errorf("set: %v, %v", p, err)
	}
	for _, bad := range []string{"planner.local", "ftp://planner.local", "http://", "://x"} {
		if _, err := journey.FromEnv(env(bad)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestArrival: 8:00 on the next weekday, in Danish time.
func TestArrival(t *testing.T) {
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Fatal(err)
	}
	for now, want := range map[time.Time]time.Time{
		time.Date(2027, 1, 5, 10, 0, 0, 0, cph):        time.Date(2027, 1, 6, 8, 0, 0, 0, cph),  // Tuesday → Wednesday
		time.Date(2027, 1, 8, 7, 0, 0, 0, cph):         time.Date(2027, 1, 11, 8, 0, 0, 0, cph), // Friday → Monday
		time.Date(2027, 1, 9, 12, 0, 0, 0, cph):        time.Date(2027, 1, 11, 8, 0, 0, 0, cph), // Saturday → Monday
		time.Date(2027, 3, 27, 23, 30, 0, 0, cph):      time.Date(2027, 3, 29, 8, 0, 0, 0, cph), // over summer time
		time.Date(2027, 1, 10, 23, 30, 0, 0, time.UTC): time.Date(2027, 1, 12, 8, 0, 0, 0, cph), // Monday 0:30 in Denmark → Tuesday
	} {
		if got := journey.Arrival(now, cph); !got.Equal(want) {
			t.Errorf("Arrival(%v) = %v, want %v", now, got, want)
		}
	}
}
