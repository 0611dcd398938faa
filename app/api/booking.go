package api

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/shared"
)

// BookingQuery is the start of the booking flow: Rebook the meeting being
// replaced (0: none); Straks the straksbooking flow.
type BookingQuery struct {
	Rebook int64
	Straks bool
}

// Path is the offers' API path for the query; without either it is the
// path the page preloads.
func (q BookingQuery) Path() string {
	p, sep := shared.APIBookingOffers, "?"
	if q.Rebook != 0 {
		p += sep + "rebook=" + strconv.FormatInt(q.Rebook, 10)
		sep = "&"
	}
	if q.Straks {
		p += sep + "straks=1"
	}
	return p
}

// BookingOffers is the flow's start (GET /api/booking/offers); the
// a-kasse's view reads as the same type.
func BookingOffers(ctx context.Context, q BookingQuery) (shared.BookingOffers, error) {
	return get[shared.BookingOffers](ctx, q.Path())
}

// OfferSlots are an offer's free times and its rights text
// (GET /api/booking/offers/{id}/slots).
func OfferSlots(ctx context.Context, offerID int64) (shared.OfferSlots, error) {
	return get[shared.OfferSlots](ctx, "/api/booking/offers/"+strconv.FormatInt(offerID, 10)+"/slots")
}

// SlotTakenError is a lost time: the server's message (at slot_id) and
// the next free times of the same offer (shared.SlotTaken).
type SlotTakenError struct {
	Code    shared.ErrorCode     `json:"code"`
	Message string               `json:"message"`
	Next    []shared.MeetingSlot `json:"next"`
}

func (e *SlotTakenError) Error() string { return string(e.Code) + ": " + e.Message }

// Book books (POST /api/booking). A 409 answers *SlotTakenError; any other
// failure a *shared.Error, as every call.
func Book(ctx context.Context, in shared.BookingInput) (shared.BookingReceipt, error) {
	var out shared.BookingReceipt
	body, err := json.Marshal(in)
	if err != nil {
		return out, err
	}
	headers := map[string]string{"X-Jobnet-Path": app.Window().URL().Path, "Content-Type": "application/json"}
	status, resp, date, err := roundTrip(ctx, "POST", shared.APIBooking, headers, body)
	if err == nil && status == http.StatusConflict {
		var t SlotTakenError
		if json.Unmarshal(resp, &t) == nil && t.Code != "" {
			followServerClock(date)
			return out, &t
		}
	}
	return out, answer(status, resp, date, err, &out)
}
