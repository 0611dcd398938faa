package api

import (
	"context"

	"jobnet/shared"
)

// Fravaer is "Aktuelt fravær" (GET /api/fravaer); the a-kasse's view reads
// as the same type.
func Fravaer(ctx context.Context) (shared.Fravaer, error) {
	return get[shared.Fravaer](ctx, shared.APIFravaer)
}

// MeldFerie is Meld ferie (POST /api/fravaer/ferie).
func MeldFerie(ctx context.Context, in shared.PeriodInput) (shared.FravaerReceipt, error) {
	return request[shared.FravaerReceipt](ctx, "POST", shared.APIFravaerFerie, in)
}

// MeldArbejde registers midlertidigt arbejde (POST
// /api/fravaer/midlertidigt-arbejde).
func MeldArbejde(ctx context.Context, in shared.PeriodInput) (shared.FravaerReceipt, error) {
	return request[shared.FravaerReceipt](ctx, "POST", shared.APIFravaerArbejde, in)
}

// MeldSyg is Meld syg (POST /api/fravaer/syg).
func MeldSyg(ctx context.Context, in shared.DayInput) (shared.FravaerReceipt, error) {
	return request[shared.FravaerReceipt](ctx, "POST", shared.APIFravaerSyg, in)
}

// MeldRask is Meld rask (POST /api/fravaer/rask).
func MeldRask(ctx context.Context, in shared.DayInput) (shared.FravaerReceipt, error) {
	return request[shared.FravaerReceipt](ctx, "POST", shared.APIFravaerRask, in)
}
