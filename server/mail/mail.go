// Package mail is how Jobnet's e-mail is written and sent: the letters
// (Danish; English for Work in Denmark), each as plain text and HTML with
// the same content, and the Sender that hands a Message to an SMTP server
// (go-mail; no MIME of our own). A mail never leaves from a request: it is
// a row in the outbox, written in the transaction of the change that causes
// it (storage.EnqueueMail), and a River job sends it (jobs, sendMail).
//
// The package is server-only and knows no database. Sink is an SMTP server
// in the process (go-smtp) that keeps what it receives: the tests read
// from it, and `make run` without JOBNET_SMTP_URL sends to one and shows
// it at /dev/post.
package mail

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Lang is a mail's language: Danish, or English for Work in Denmark.
type Lang string

const (
	Danish  Lang = "da"
	English Lang = "en"
)

// Message is one mail as the outbox keeps it.
type Message struct {
	// ID is the outbox row's id, set by the outbox; the Message-ID header
	// is made from it (MessageID).
	ID      int64
	To      string
	Subject string
	Text    string // the plain-text part
	HTML    string // the HTML part, the same content as Text
	// UnsubscribeURL, when set, is sent as List-Unsubscribe with
	// one-click unsubscribe (RFC 8058).
	UnsubscribeURL string
	Lang           Lang
	// Kind names the letter ("plan-changed"), for the log and the outbox.
	Kind string
	// CitizenID is the citizen the mail is about; 0 when none.
	CitizenID int64
	// From is the sender when not the portal's (Sender's own): Work in
	// Denmark's mails come from WorkInDenmarkFrom.
	From string
}

// WorkInDenmarkFrom sends Work in Denmark's job agents' mails: "sendes fra
// no-reply@workindenmark.dk" (FEATURES.md 1.2).
const WorkInDenmarkFrom = "Work in Denmark <no-reply@workindenmark.dk>"

// Validate reports what makes m unsendable.
func (m Message) Validate() error {
	switch {
	case !strings.Contains(m.To, "@"):
		return fmt.Errorf("mail: %q is not an e-mail address", m.To)
	case m.Subject == "" || m.Text == "" || m.HTML == "":
		return errors.New("mail: a mail has a subject, a text part and an HTML part")
	case m.Lang != Danish && m.Lang != English:
		return fmt.Errorf("mail: language %q (da or en)", m.Lang)
	case m.Kind == "":
		return errors.New("mail: a mail names its kind")
	}
	return nil
}

// Sender hands a mail to the mail system. An error means it may not have
// been accepted; Permanent tells an error that retrying will not cure.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// messageIDDomain is the right-hand side of every Message-ID.
const messageIDDomain = "jobnet.local"

// MessageID is the Message-ID (without angle brackets) of the outbox row
// with id: the same on every attempt, so that a mail sent twice — the one
// window is a crash after the SMTP server accepted it and before the
// outbox recorded it — is a duplicate a receiver can drop.
func MessageID(id int64) string {
	return "outbox-" + strconv.FormatInt(id, 10) + "@" + messageIDDomain
}

// permanentError is an SMTP server's refusal for good (5xx).
type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

// Permanent reports whether err says the mail will never be accepted as
// it is (a 5xx answer, an invalid message), so sending again is useless.
func Permanent(err error) bool {
	var p permanentError
	return errors.As(err, &p)
}
