package api

import (
	"context"
	"strconv"

	"jobnet/shared"
)

// Meetings is the Møder page (GET /api/meetings); the a-kasse's view reads
// as the same type.
func Meetings(ctx context.Context) (shared.Meetings, error) {
	return get[shared.Meetings](ctx, shared.APIMeetings)
}

// Meeting is one meeting, in any status (GET /api/meetings/{id}); an id
// that is not a number is no meeting.
func Meeting(ctx context.Context, id string) (shared.Meeting, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil || n <= 0 {
		return shared.Meeting{}, shared.ErrMeetingNotFound()
	}
	return get[shared.Meeting](ctx, shared.MeetingPath(n))
}

// CancelMeeting is "Meld afbud" (POST /api/meetings/{id}/cancel). Never
// sent in a mirror session.
func CancelMeeting(ctx context.Context, id int64) (shared.Meeting, error) {
	return request[shared.Meeting](ctx, "POST", shared.MeetingCancelPath(id), nil)
}

// AcceptMeeting is OK to a call-in (POST /api/meetings/{id}/accept); the
// answer is the receipt. Never sent in a mirror session.
func AcceptMeeting(ctx context.Context, id int64) (shared.BookingReceipt, error) {
	return request[shared.BookingReceipt](ctx, "POST", shared.MeetingAcceptPath(id), nil)
}
