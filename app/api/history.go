package api

import (
	"context"
	"strconv"

	"jobnet/shared"
)

// History is Historik's accordions but Login (GET /api/history).
func History(ctx context.Context) (shared.History, error) {
	return get[shared.History](ctx, shared.APIHistory)
}

// HistoryPlanVersion is one published version of Min Plan, by the id in
// the page's ?id= (GET /api/history/plans/{id}); an id that is no number
// names nothing.
func HistoryPlanVersion(ctx context.Context, id string) (shared.PlanVersion, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || n <= 0 {
		return shared.PlanVersion{}, shared.ErrPlanVersionNotFound()
	}
	return get[shared.PlanVersion](ctx, shared.HistoryPlanVersionPath(n))
}
