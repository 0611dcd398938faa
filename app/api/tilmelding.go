package api

import (
	"context"

	"jobnet/shared"
)

// Enrolment is the Til- og afmelding page (GET /api/tilmelding); the
// a-kasse's view reads as the same type.
func Enrolment(ctx context.Context) (shared.EnrolmentPage, error) {
	return get[shared.EnrolmentPage](ctx, shared.APIEnrolment)
}

// Enrol is "Tilmeld" (POST /api/tilmelding); the answer is the page with
// the receipt.
func Enrol(ctx context.Context, in shared.EnrolRequest) (shared.EnrolmentPage, error) {
	return request[shared.EnrolmentPage](ctx, "POST", shared.APIEnrolment, in)
}

// Deregister is "Afmeld" (POST /api/tilmelding/afmelding).
func Deregister(ctx context.Context, in shared.DeregisterRequest) (shared.EnrolmentPage, error) {
	return request[shared.EnrolmentPage](ctx, "POST", shared.APIDeregistration, in)
}

// WithdrawDeregistration is "Fortryd afmeldingen" (DELETE
// /api/tilmelding/afmelding).
func WithdrawDeregistration(ctx context.Context) (shared.EnrolmentPage, error) {
	return request[shared.EnrolmentPage](ctx, "DELETE", shared.APIDeregistration, nil)
}
