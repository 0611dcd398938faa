package server

import (
	"bytes"
	"testing"

	"jobnet/server/journey"
	"jobnet/server/journey/journeytest"
	"jobnet/shared"
)

// travel is a log's travel time as the client reads it.
func (c *client) travel(id int64) shared.JoblogTravel {
	c.env.tb.Helper()
	var t shared.JoblogTravel
	c.decode(c.do("GET", shared.JoblogTravelPath(id), nil), 200, &t)
	return t
}

// madsLogs are Mads' demo logs by title.
func madsLogs(c *client) map[string]shared.JoblogListItem {
	byTitle := map[string]shared.JoblogListItem{}
	for _, l := range c.joblogs(shared.JoblogQuery{Closed: true}).Logs {
		byTitle[l.Title] = l
	}
	return byTitle
}

// TestJoblogTravelHidden: without a journey planner no log's travel time
// is known, so the view shows no line; a log Mads does not have is not
// found all the same.
func TestJoblogTravelHidden(t *testing.T) {
	env := newTestEnv(t)
	mads := env.client()
	mads.loginCitizen("mads")
	for title, l := range madsLogs(mads) {
		if got := mads.travel(l.ID); got != (shared.JoblogTravel{}) {
			t.Errorf("%s: %+v without a planner", title, got)
		}
	}
	if r := mads.do("GET", shared.JoblogTravelPath(987654), nil); r.status != 404 {
		t.Errorf("no such log: %d %s", r.status, r.body)
	}
}

// TestJoblogTravel: with the stand-in planner (journeytest), the log with
// a workplace postcode has the travel time from Mads' home postcode
// (2300), asked for arriving at 8:00 on the next weekday (the pinned day
// is a Tuesday); a log with only an area or about an activity asks
// nothing; a planner that fails loses the line, not the page; the
// caseworkers read it as Mads does; Louise cannot read Mads' log's.
func TestJoblogTravel(t *testing.T) {
	planner := journeytest.Start(t, func(from, to string) int {
		if from == "2300" && to == "2500" {
			return 23
		}
		if to == "2150" {
			return 0 // fails
		}
		return 95
	})
	env := newTestEnvWith(t, func(c *Config) {
		p, err := journey.FromEnv(func(string) string { return planner.URL })
		if err != nil {
			t.Fatal(err)
		}
		c.Journey = p
	})
	mads := env.client()
	mads.loginCitizen("mads")
	logs := madsLogs(mads)
	valby, nordhavn := logs["Rørlægger"], logs["Servicemontør, VVS"]
	want := shared.JoblogTravel{Known: true, Minutes: 23, From: "2300 København S", To: "2500 Valby"}
	if got := mads.travel(valby.ID); got != want {
		t.Errorf("Valby: %+v, want %+v", got, want)
	}
	if got := want.Text(); got != "Ca. 23 min fra 2300 København S" {
		t.Errorf("the line: %q", got)
	}
	asked := planner.Asked()
	if len(asked) != 1 || asked[0].Get("arrive") != "2027-01-06T08:00:00+01:00" || asked[0].Get("from_lat") == "" || asked[0].Get("to_lon") == "" {
		t.Errorf("asked %v", asked)
	}
	for _, title := range []string{"Jobmesse for bygge- og anlægsbranchen", "Rørlægger, vikariat"} {
		if got := mads.travel(logs[title].ID); got.Known {
			t.Errorf("%s (no postcode): %+v", title, got)
		}
	}
	if n := len(planner.Asked()); n != 1 {
		t.Errorf("the planner was asked %d times, want once: logs without a postcode ask nothing", n)
	}
	if got := mads.travel(nordhavn.ID); got.Known {
		t.Errorf("a failing planner: %+v", got)
	}
	for _, cw := range []string{"nina", "berit"} {
		m := env.mirror(cw, cprMads)
		path := shared.JoblogTravelPath(valby.ID)
		if r := m.do("GET", path, nil); r.status != 200 || !bytes.Equal(r.body, mads.do("GET", path, nil).body) {
			t.Errorf("%s reads %s: %d %s", cw, path, r.status, r.body)
		}
	}
	louise := env.client()
	louise.loginCitizen("louise")
	if r := louise.do("GET", shared.JoblogTravelPath(valby.ID), nil); r.status != 404 {
		t.Errorf("Louise reads Mads' log's travel time: %d %s", r.status, r.body)
	}
}
