package httpapi

import (
	"context"
	"log/slog"
	"time"

	"jobnet/server/journey"
	"jobnet/shared"
)

// Joblog (SPEC C3). The citizen's own; the jobcenter and the a-kasse read
// it whole, filters and search included, and change nothing (000_…txt
// 4.4; FEATURES.md 10). Every write is judged by shared's rules in
// storage, against the postcodes and areas of the reference data.

// handleJoblogs: GET /api/joblogs — the list, filtered by
// ?q=&from=&to=&status=&closed=, with the status counts.
func handleJoblogs(req *citizenRequest) (shared.JoblogList, error) {
	q, err := shared.ParseJoblogQuery(req.r.URL.Query().Get)
	if err != nil {
		return shared.JoblogList{}, err
	}
	return req.citizen.Joblogs(req.ctx(), q)
}

// handleJoblog: GET /api/joblogs/{id} — one log.
func handleJoblog(req *citizenRequest) (shared.Joblog, error) {
	id, err := idInPath(req.r, shared.ErrJoblogNotFound)
	if err != nil {
		return shared.Joblog{}, err
	}
	return req.citizen.Joblog(req.ctx(), id)
}

// handleCreateJoblog: POST /api/joblogs — "Log om jobsøgning" or "Log om
// anden aktivitet".
func handleCreateJoblog(req *citizenRequest) (shared.Joblog, error) {
	var in shared.JoblogInput
	if err := decode(req.r, &in); err != nil {
		return shared.Joblog{}, err
	}
	return req.citizen.CreateJoblog(req.ctx(), in, req.now)
}

// handleUpdateJoblog: PUT /api/joblogs/{id} — the log edited; its kind
// stays.
func handleUpdateJoblog(req *citizenRequest) (shared.Joblog, error) {
	id, err := idInPath(req.r, shared.ErrJoblogNotFound)
	if err != nil {
		return shared.Joblog{}, err
	}
	var in shared.JoblogInput
	if err := decode(req.r, &in); err != nil {
		return shared.Joblog{}, err
	}
	return req.citizen.UpdateJoblog(req.ctx(), id, in, req.now)
}

// handleJoblogStatus: PUT /api/joblogs/{id}/status — the list's quick
// change of status.
func handleJoblogStatus(req *citizenRequest) (shared.Joblog, error) {
	id, err := idInPath(req.r, shared.ErrJoblogNotFound)
	if err != nil {
		return shared.Joblog{}, err
	}
	var in shared.JoblogStatusChange
	if err := decode(req.r, &in); err != nil {
		return shared.Joblog{}, err
	}
	return req.citizen.SetJoblogStatus(req.ctx(), id, in.Status, req.now)
}

// deleted answers a delete.
type deleted struct {
	Deleted bool `json:"deleted"`
}

// handleDeleteJoblog: DELETE /api/joblogs/{id} — "Slet", from the log's
// own view.
func handleDeleteJoblog(req *citizenRequest) (deleted, error) {
	id, err := idInPath(req.r, shared.ErrJoblogNotFound)
	if err != nil {
		return deleted{}, err
	}
	return deleted{true}, req.citizen.DeleteJoblog(req.ctx(), id)
}

// handleJoblogPlaces: GET /api/joblog-places — the postcodes (postcode ↔
// city) and Find Job's areas the form judges a workplace by; reference
// data, the same for everyone.
func handleJoblogPlaces(req *sessionRequest) (shared.JoblogPlaces, error) {
	return req.api.store.JoblogPlaces(req.ctx())
}

// travelTimes asks the journey planner, when there is one.
type travelTimes struct {
	planner journey.Planner // nil: none
	log     *slog.Logger
}

// handleJoblogTravel: GET /api/joblogs/{id}/travel — the travel time by
// public transport from the citizen's home postcode to the log's
// workplace postcode, arriving at 8:00 on the next weekday. Not known
// (and not shown) without a planner, a home postcode or the log's
// postcode, or when the planner fails or takes longer than
// journey.Timeout: the page loses a line, never its log.
func handleJoblogTravel(req *citizenRequest) (shared.JoblogTravel, error) {
	id, err := idInPath(req.r, shared.ErrJoblogNotFound)
	if err != nil {
		return shared.JoblogTravel{}, err
	}
	trip, err := req.citizen.JoblogTrip(req.ctx(), id)
	if err != nil || !trip.Known || req.travel.planner == nil {
		return shared.JoblogTravel{}, err
	}
	ctx, cancel := context.WithTimeout(req.ctx(), journey.Timeout)
	defer cancel()
	d, err := req.travel.planner.TravelTime(ctx, journey.Place{Postcode: trip.From.Postcode, Lat: trip.From.Lat, Lon: trip.From.Lon},
		journey.Place{Postcode: trip.To.Postcode, Lat: trip.To.Lat, Lon: trip.To.Lon}, journey.Arrival(req.now, req.loc))
	if err != nil {
		req.travel.log.Warn("journey planner", "err", err)
		return shared.JoblogTravel{}, nil
	}
	return shared.JoblogTravel{Known: true, Minutes: int(d.Round(time.Minute) / time.Minute),
		From: trip.From.Postcode + " " + trip.From.Name, To: trip.To.Postcode + " " + trip.To.Name}, nil
}
