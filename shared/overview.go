package shared

import "time"

// Overview is the front page's data about the citizen (SPEC B3, B7): who they
// are, their enrolment and target group, their forløb and the notifications
// for "Vigtig information".
type Overview struct {
	Name          string          `json:"name"`
	Enrolment     EnrolmentStatus `json:"enrolment"`
	Forloeb       []Forloeb       `json:"forloeb"`
	Notifications []Notification  `json:"notifications"`
	Features      Features        `json:"features"`
}

// Features are the menu items that depend on the citizen's data: a card is
// shown only when the data that feeds its page exists.
type Features struct {
	Dagpengetaellere bool `json:"dagpengetaellere"`
	Supplerende      bool `json:"supplerende"`
	Timer225         bool `json:"timer225"`
}

// Notification is one entry in "Vigtig information".
type Notification struct {
	ID      int64            `json:"id"`
	Kind    NotificationKind `json:"kind"`
	Title   string           `json:"title"`
	Text    string           `json:"text"`
	Created time.Time        `json:"created"`
}

// NotificationKind names what a notification is about (SPEC B3).
type NotificationKind string

const (
	NotifyDagpengekort    NotificationKind = "dagpengekort"  // send ledighedserklæring and dagpengekort
	NotifyJoblog          NotificationKind = "joblog"        // register job-search activities
	NotifyMessage         NotificationKind = "message"       // a new message
	NotifyPlan            NotificationKind = "plan"          // a new or changed plan
	NotifyBookingFrist    NotificationKind = "booking_frist" // a booking deadline
	NotifySygemelding     NotificationKind = "sygemelding"   // registered as sick
	NotifyUdgaaetStilling NotificationKind = "udgaaet_stilling"
)

// LoginEntry is one row of Historik → Login (SPEC D12, K3): the citizen's own
// logins and every caseworker's mirror access.
type LoginEntry struct {
	At           time.Time `json:"at"`
	Name         string    `json:"name"`
	Organisation string    `json:"organisation,omitempty"`
	Caseworker   bool      `json:"caseworker"`
}

// LoginHistoryMonths is how far back Historik → Login reaches (SPEC D12).
const LoginHistoryMonths = 3

// MsgNoAccessHistory is what an a-kasse caseworker sees instead of the
// citizen's Historik (000_…txt).
const MsgNoAccessHistory = "Du har ikke adgang til siden: /CV/Citizen/History"
