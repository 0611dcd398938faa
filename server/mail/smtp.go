package mail

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// SMTP sends over SMTP with go-mail, one connection per mail.
type SMTP struct {
	client *gomail.Client
	from   string
	now    func() time.Time
}

// NewSMTP builds the sender for the server in rawURL:
// smtp://host:port (STARTTLS when the server offers it) or
// smtps://user:pass@host:port (TLS from the start); user and password,
// when given, log in with the best mechanism the server offers. from is
// the sender's address ("Jobnet <noreply@example.dk>"); now dates the
// mails (time.Now when nil).
func NewSMTP(rawURL, from string, now func() time.Time) (*SMTP, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("mail: SMTP URL: %w", err)
	}
	opts := []gomail.Option{gomail.WithTimeout(30 * time.Second)}
	port := 25
	switch u.Scheme {
	case "smtp":
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	case "smtps":
		port = 465
		opts = append(opts, gomail.WithSSL())
	default:
		return nil, fmt.Errorf("mail: SMTP URL %q: the scheme is smtp or smtps", u.Redacted())
	}
	if p := u.Port(); p != "" {
		if port, err = strconv.Atoi(p); err != nil {
			return nil, fmt.Errorf("mail: SMTP URL %q: port %q", u.Redacted(), p)
		}
	}
	opts = append(opts, gomail.WithPort(port))
	if user := u.User.Username(); user != "" {
		pass, _ := u.User.Password()
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(user), gomail.WithPassword(pass))
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("mail: SMTP URL %q has no host", u.Redacted())
	}
	client, err := gomail.NewClient(u.Hostname(), opts...)
	if err != nil {
		return nil, fmt.Errorf("mail: %w", err)
	}
	if now == nil {
		now = time.Now
	}
	return &SMTP{client: client, from: from, now: now}, nil
}

// Send sends m. A 5xx answer or a message go-mail cannot write is
// Permanent.
func (s *SMTP) Send(ctx context.Context, m Message) error {
	msg, err := s.message(m)
	if err != nil {
		return permanentError{err}
	}
	err = s.client.DialAndSendWithContext(ctx, msg)
	var se *gomail.SendError
	if errors.As(err, &se) && !se.IsTemp() && se.ErrorCode() >= 500 {
		return permanentError{err}
	}
	return err
}

// message writes m as go-mail's message: text with an HTML alternative,
// the Message-ID of its outbox row, and the unsubscribe headers.
func (s *SMTP) message(m Message) (*gomail.Msg, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if m.ID == 0 {
		return nil, errors.New("mail: a mail leaves through the outbox (it has no id)")
	}
	msg := gomail.NewMsg()
	from := s.from
	if m.From != "" {
		from = m.From
	}
	if err := msg.From(from); err != nil {
		return nil, fmt.Errorf("mail: from %q: %w", from, err)
	}
	if err := msg.To(m.To); err != nil {
		return nil, fmt.Errorf("mail: to: %w", err)
	}
	msg.Subject(m.Subject)
	msg.SetMessageIDWithValue(MessageID(m.ID))
	msg.SetDateWithValue(s.now())
	msg.SetGenHeader(gomail.HeaderContentLang, string(m.Lang))
	// A machine wrote it: no out-of-office replies (RFC 3834).
	msg.SetGenHeader("Auto-Submitted", "auto-generated")
	if m.UnsubscribeURL != "" {
		msg.SetGenHeader(gomail.HeaderListUnsubscribe, "<"+m.UnsubscribeURL+">")
		msg.SetGenHeader(gomail.HeaderListUnsubscribePost, "List-Unsubscribe=One-Click")
	}
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	return msg, nil
}
