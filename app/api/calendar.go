package api

import (
	"context"

	"jobnet/shared"
)

// Calendar is the Kalender's month (GET /api/calendar?maaned=): maaned as
// the page's address has it, "" for this month. The a-kasse's view reads
// as the same type.
func Calendar(ctx context.Context, maaned string) (shared.CalendarMonth, error) {
	return get[shared.CalendarMonth](ctx, shared.CalendarPath(maaned))
}

// CreateCalendarFeed makes a new private calendar address, which ends the
// one before (POST /api/calendar/feed); the answer holds its secret, once.
func CreateCalendarFeed(ctx context.Context) (shared.CalendarFeedCreated, error) {
	return request[shared.CalendarFeedCreated](ctx, "POST", shared.APICalendarFeed, nil)
}

// RevokeCalendarFeed ends the private address (DELETE /api/calendar/feed).
func RevokeCalendarFeed(ctx context.Context) error {
	return call(ctx, "DELETE", shared.APICalendarFeed, nil, nil)
}
