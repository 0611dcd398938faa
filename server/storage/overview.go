package storage

import (
	"context"
	"encoding/json"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

type notificationRow struct {
	bun.BaseModel `bun:"table:notifications"`
	ID            int64      `bun:"id,pk,autoincrement"`
	CitizenID     int64      `bun:"citizen_id"`
	Kind          string     `bun:"kind"`
	Title         string     `bun:"title"`
	Text          string     `bun:"text"`
	CreatedAt     time.Time  `bun:"created_at"`
	DoneAt        *time.Time `bun:"done_at"`
}

// FrontPage is what the front page needs beyond the citizen: the open
// notifications, which counter pages have data, and what the citizen has
// seen of the plan. One round trip.
type FrontPage struct {
	Notifications []shared.Notification
	Features      shared.Features
	PlanNotice    shared.PlanNotice
	// Deadline is the earliest open booking deadline, nil for none (the
	// notification of "Vigtig information" [003 «Frister»]).
	Deadline *shared.Deadline
	// Unread are the unread messages, the newest first, without their
	// text (the message notice needs their subjects, and the a-kasse's
	// projection their sender and parties); MessageCount the messages of
	// the card's running window (shared.MessageCountSince).
	Unread       []shared.Message
	MessageCount int
}

// FrontPage reads the front page's data at now (SPEC B3, B7).
func (c Citizen) FrontPage(ctx context.Context, now time.Time) (FrontPage, error) {
	var notifications, kinds, deadline, unread []byte
	var st planState
	var out FrontPage
	err := prepared(ctx, c.db, `SELECT
		coalesce((SELECT json_agg(json_build_object('id', id, 'kind', kind, 'title', title, 'text', text, 'created', created_at)
			ORDER BY created_at DESC, id DESC) FROM notifications WHERE citizen_id = $1 AND done_at IS NULL), '[]') AS notifications,
		(SELECT json_build_object('id', id, 'org', org, 'due', due, 'type_codes', type_codes) FROM meeting_deadlines
			WHERE citizen_id = $1 AND NOT withdrawn AND met_by IS NULL ORDER BY due, id LIMIT 1) AS deadline,
		coalesce((SELECT json_agg(json_build_object('id', id::text, 'subject', subject, 'sent', sent_at, 'sender_org', sender_org,
			'parties', parties) ORDER BY sent_at DESC, id DESC) FROM messages WHERE citizen_id = $1 AND read_at IS NULL), '[]') AS unread,
		(SELECT count(*) FROM messages WHERE citizen_id = $1 AND sent_at > $2 AND sent_at <= $3) AS message_count,
		`+counterKindsColumn+`, `+planStateColumns, c.id, shared.MessageCountSince(now), now).Scan(&notifications, &deadline, &unread,
		&out.MessageCount, &kinds, &st.Latest, &st.Count, &st.Seen, &st.Dismissed)
	if err != nil {
		return FrontPage{}, err
	}
	features, err := featuresOfJSON(kinds)
	if err != nil {
		return FrontPage{}, err
	}
	out.Features, out.PlanNotice = features, st.notice()
	if err := json.Unmarshal(notifications, &out.Notifications); err != nil {
		return FrontPage{}, err
	}
	if err := json.Unmarshal(unread, &out.Unread); err != nil {
		return FrontPage{}, err
	}
	if deadline != nil {
		if err := json.Unmarshal(deadline, &out.Deadline); err != nil {
			return FrontPage{}, err
		}
	}
	return out, nil
}

// MarkNotificationDone marks one of the citizen's notifications as done
// ("Jeg har sendt dem"); another citizen's, or one already done, is not found.
func (c Citizen) MarkNotificationDone(ctx context.Context, id int64, now time.Time) error {
	res, err := c.db.NewUpdate().Model((*notificationRow)(nil)).Set("done_at = ?", now).
		Where("id = ? AND citizen_id = ? AND done_at IS NULL", id, c.id).Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return cmpErr(err, shared.Errorf(shared.ENotFound, "Beskeden findes ikke."))
	}
	return nil
}

// AddNotification puts a notification in the citizen's "Vigtig information".
func (c Citizen) AddNotification(ctx context.Context, n shared.Notification) error {
	row := notificationRow{CitizenID: c.id, Kind: string(n.Kind), Title: n.Title, Text: n.Text, CreatedAt: n.Created}
	_, err := c.db.NewInsert().Model(&row).ExcludeColumn("id", "done_at").Exec(ctx)
	return err
}

// cmpErr returns err when there is one, else alt.
func cmpErr(err, alt error) error {
	if err != nil {
		return err
	}
	return alt
}
