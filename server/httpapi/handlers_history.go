package httpapi

import "jobnet/shared"

// Historik (SPEC D12): the accordions besides Login (handleLoginHistory)
// and an earlier version of Min Plan. Both are the citizen's and the
// jobcenter's to read; the a-kasse is refused the page whole (the route
// table: Withhold(shared.WithheldHistorik), 000 Billede 28).

// handleHistory: GET /api/history — every accordion but Login.
func handleHistory(req *citizenRequest) (shared.History, error) {
	return req.citizen.History(req.ctx(), req.now)
}

// handleHistoryPlanVersion: GET /api/history/plans/{id} — one published
// version of Min Plan, "alle borgers tidligere "Min Plan"-planer" (003
// «Jobnet Historik»).
func handleHistoryPlanVersion(req *citizenRequest) (shared.PlanVersion, error) {
	id, err := idInPath(req.r, shared.ErrPlanVersionNotFound)
	if err != nil {
		return shared.PlanVersion{}, err
	}
	return req.citizen.PlanVersion(req.ctx(), id)
}
