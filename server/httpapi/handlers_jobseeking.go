package httpapi

import (
	"jobnet/shared"
)

// "Jeg søger job som" (SPEC C2). Every answer is the whole page, so that
// the app draws what is stored after each change. Whether the last
// occupation must stay is decided from the shown citizen's forløb of
// today (shared.HasDutyToSeekWork), in the browser and here alike.

// jobSeeking is the page as stored, with the duty of today.
func (r *citizenRequest) jobSeeking() (shared.JobSeeking, error) {
	js, err := r.citizen.JobSeeking(r.ctx())
	js.MustKeepOne = shared.HasDutyToSeekWork(r.who.Forloeb, r.today())
	return js, err
}

// occupationsChanged is the page after an occupation was added or
// removed, which changes the front page's automatch and cards: the
// citizen's kept ones are dropped, so that the next front page computes
// them anew rather than at the next login.
func (r *citizenRequest) occupationsChanged() (shared.JobSeeking, error) {
	r.fronts.forgetCitizen(r.who.ID)
	return r.jobSeeking()
}

// occupationInPath is the {id} of APISoughtOccupation.
func occupationInPath(req *citizenRequest) (int, error) {
	id, err := idInPath(req.r, shared.ErrNotOnList)
	return int(id), err
}

// handleGetJobSeeking: GET /api/jobseeking — the page: the occupations,
// with their nearby ads, and the employment conditions.
func handleGetJobSeeking(req *citizenRequest) (shared.JobSeeking, error) {
	return req.jobSeeking()
}

// handleAddSoughtOccupation: POST /api/jobseeking/occupations — "TILFØJ
// JOB": an occupation by its title or an alias.
func handleAddSoughtOccupation(req *citizenRequest) (shared.JobSeeking, error) {
	var in shared.SoughtOccupationInput
	if err := decode(req.r, &in); err != nil {
		return shared.JobSeeking{}, err
	}
	if err := req.citizen.AddSoughtOccupation(req.ctx(), in, req.now); err != nil {
		return shared.JobSeeking{}, err
	}
	return req.occupationsChanged()
}

// handleUpdateSoughtOccupation: PUT /api/jobseeking/occupations/{id} —
// "Redigér": education and experience.
func handleUpdateSoughtOccupation(req *citizenRequest) (shared.JobSeeking, error) {
	id, err := occupationInPath(req)
	if err != nil {
		return shared.JobSeeking{}, err
	}
	var in shared.SoughtOccupationInput
	if err := decode(req.r, &in); err != nil {
		return shared.JobSeeking{}, err
	}
	if in.OccupationID != 0 && in.OccupationID != id {
		return shared.JobSeeking{}, shared.Errorf(shared.EInvalid, "Stillingen i adressen og i forespørgslen er ikke den samme.")
	}
	if err := req.citizen.UpdateSoughtOccupation(req.ctx(), id, in, req.now); err != nil {
		return shared.JobSeeking{}, err
	}
	return req.jobSeeking()
}

// handleRemoveSoughtOccupation: DELETE /api/jobseeking/occupations/{id} —
// the last one stays for a citizen with a duty to seek work.
func handleRemoveSoughtOccupation(req *citizenRequest) (shared.JobSeeking, error) {
	id, err := occupationInPath(req)
	if err != nil {
		return shared.JobSeeking{}, err
	}
	keepOne := shared.HasDutyToSeekWork(req.who.Forloeb, req.today())
	if err := req.citizen.RemoveSoughtOccupation(req.ctx(), id, keepOne, req.now); err != nil {
		return shared.JobSeeking{}, err
	}
	return req.occupationsChanged()
}

// handlePutEmploymentConditions: PUT /api/jobseeking/conditions —
// "Ansættelsesbetingelser".
func handlePutEmploymentConditions(req *citizenRequest) (shared.JobSeeking, error) {
	var in shared.EmploymentConditions
	if err := decode(req.r, &in); err != nil {
		return shared.JobSeeking{}, err
	}
	if err := req.citizen.SetEmploymentConditions(req.ctx(), in, req.now); err != nil {
		return shared.JobSeeking{}, err
	}
	return req.jobSeeking()
}
