package httpapi

import (
	"strconv"
	"strings"

	"jobnet/shared"
)

// Find Job for a logged-in citizen (issue 11): favourites ("Se gemte
// job"), the marks of a list's ads, and saved searches. The jobcenter and
// the a-kasse see them read-only (000_…txt 4.2: "se en søgeprofil, som
// medlemmet allerede har oprettet"); the seen marks are set where the
// citizen opens an ad (handleJobAd, handleBehaviour), by the citizen's own
// session only.

func errAdNotFound() error {
	return shared.Errorf(shared.ENotFound, "Jobannoncen findes ikke, eller den er taget af Find Job.")
}

// handleSavedJobs: GET /api/findjob/saved-jobs — "Se gemte job", newest
// first, an expired ad marked.
func handleSavedJobs(req *citizenRequest) (shared.SavedJobs, error) {
	return req.citizen.SavedJobs(req.ctx())
}

// handleSaveJob: PUT /api/findjob/saved-jobs/{id} — "Gem job": the ad
// with that id becomes a favourite; again changes nothing.
func handleSaveJob(req *citizenRequest) (shared.SavedJobs, error) {
	id, err := idInPath(req.r, errAdNotFound)
	if err != nil {
		return nil, err
	}
	if err := req.citizen.SaveJob(req.ctx(), id, req.now); err != nil {
		return nil, err
	}
	return req.citizen.SavedJobs(req.ctx())
}

// handleUnsaveJob: DELETE /api/findjob/saved-jobs/{id} — the ad is no
// longer a favourite.
func handleUnsaveJob(req *citizenRequest) (shared.SavedJobs, error) {
	id, err := idInPath(req.r, errAdNotFound)
	if err != nil {
		return nil, err
	}
	if err := req.citizen.UnsaveJob(req.ctx(), id); err != nil {
		return nil, err
	}
	return req.citizen.SavedJobs(req.ctx())
}

// handleJobMarks: GET /api/findjob/marks?ads=1,2,3 — which of the ads
// are favourites and which the citizen has opened ("Set").
func handleJobMarks(req *citizenRequest) (shared.JobMarks, error) {
	var ids []int64
	if raw := req.r.URL.Query().Get("ads"); raw != "" {
		for _, s := range strings.Split(raw, ",") {
			id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
			if err != nil || id <= 0 {
				return shared.JobMarks{}, &shared.Error{Code: shared.EInvalid, Message: "Annoncerne kunne ikke læses.",
					Fields: []shared.FieldError{{Field: "ads", Message: "Ukendt værdi: " + s + "."}}}
			}
			ids = append(ids, id)
		}
	}
	if len(ids) > shared.MaxMarkedAds {
		return shared.JobMarks{}, &shared.Error{Code: shared.EInvalid, Message: "Annoncerne kunne ikke læses.",
			Fields: []shared.FieldError{{Field: "ads", Message: "Højst " + strconv.Itoa(shared.MaxMarkedAds) + " annoncer ad gangen."}}}
	}
	return req.citizen.JobMarks(req.ctx(), ids)
}

// handleSavedSearches: GET /api/findjob/searches — the saved searches,
// oldest first.
func handleSavedSearches(req *citizenRequest) (shared.SavedSearches, error) {
	return req.citizen.SavedSearches(req.ctx())
}

// handleAddSavedSearch: POST /api/findjob/searches — "Gem søgning".
func handleAddSavedSearch(req *citizenRequest) (shared.SavedSearches, error) {
	var in shared.SavedSearchInput
	if err := decode(req.r, &in); err != nil {
		return nil, err
	}
	if _, err := req.citizen.AddSavedSearch(req.ctx(), in, req.now); err != nil {
		return nil, err
	}
	return req.citizen.SavedSearches(req.ctx())
}

// handleRemoveSavedSearch: DELETE /api/findjob/searches/{id}.
func handleRemoveSavedSearch(req *citizenRequest) (shared.SavedSearches, error) {
	id, err := idInPath(req.r, shared.ErrSavedSearchNotFound)
	if err != nil {
		return nil, err
	}
	if err := req.citizen.RemoveSavedSearch(req.ctx(), id); err != nil {
		return nil, err
	}
	return req.citizen.SavedSearches(req.ctx())
}
