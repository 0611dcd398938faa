package mail_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"jobnet/server/mail"
)

var pinned = time.Date(2026, time.March, 3, 9, 30, 0, 0, time.UTC)

func startSink(t *testing.T) (*mail.Sink, *mail.SMTP) {
	t.Helper()
	sink, err := mail.StartSink("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sink.Close() })
	sender, err := mail.NewSMTP(sink.URL(), "Jobnet <noreply@jobnet.local>", func() time.Time { return pinned })
	if err != nil {
		t.Fatal(err)
	}
	return sink, sender
}

func planChanged(t *testing.T, lang mail.Lang, unsubscribe string) mail.Message {
	t.Helper()
	m, err := mail.Letter{Kind: mail.KindPlanChanged, Lang: lang, To: "mads@example.dk", CitizenID: 7, UnsubscribeURL: unsubscribe,
		Data: mail.PlanChangedData{Name: "Mads <Hansen>", PlanURL: "https://jobnet.example/min-plan"}}.Message()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// A letter leaves as text and HTML with the same content, the Message-ID
// of its outbox row, its language, and — with an unsubscribe URL — the
// one-click unsubscribe headers (RFC 8058).
func TestMailSendLetter(t *testing.T) {
	sink, sender := startSink(t)
	m := planChanged(t, mail.Danish, "https://jobnet.example/afmeld?t=abc")
	m.ID = 42
	if err := sender.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	got := sink.Received()
	if len(got) != 1 {
		t.Fatalf("the sink got %d mails", len(got))
	}
	r := got[0]
	for name, c := range map[string]struct{ got, want string }{
		"subject":     {r.Subject, "Din plan er ændret"},
		"message id":  {r.MessageID, "outbox-42@jobnet.local"},
		"to":          {strings.Join(r.To, ","), "mads@example.dk"},
		"envelope":    {r.From, "noreply@jobnet.local"},
		"language":    {r.Header.Get("Content-Language"), "da"},
		"unsubscribe": {r.Header.Get("List-Unsubscribe"), "<https://jobnet.example/afmeld?t=abc>"},
		"one-click":   {r.Header.Get("List-Unsubscribe-Post"), "List-Unsubscribe=One-Click"},
		"auto":        {r.Header.Get("Auto-Submitted"), "auto-generated"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %q, want %q", name, c.got, c.want)
		}
	}
	if d, err := r.Header.Date(); err != nil || !d.Equal(pinned) {
		t.Errorf("date %v (%v), want the sender's clock %v", d, err, pinned)
	}
	for _, want := range []string{"Hej Mads <Hansen>", "Se din plan: https://jobnet.example/min-plan", "Afmeld disse e-mails: https://jobnet.example/afmeld?t=abc"} {
		if !strings.Contains(r.Text, want) {
			t.Errorf("the text part lacks %q:\n%s", want, r.Text)
		}
	}
	for _, want := range []string{`<html lang="da">`, "Hej Mads &lt;Hansen&gt;", `<a href="https://jobnet.example/min-plan"`, "Afmeld disse e-mails"} {
		if !strings.Contains(r.HTML, want) {
			t.Errorf("the HTML part lacks %q:\n%s", want, r.HTML)
		}
	}
}

// Work in Denmark's mails are English; a mail without an unsubscribe URL
// carries no unsubscribe header.
func TestMailEnglishWithoutUnsubscribe(t *testing.T) {
	sink, sender := startSink(t)
	m := planChanged(t, mail.English, "")
	m.ID = 1
	if err := sender.Send(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	r := sink.Received()[0]
	if r.Subject != "Your plan has changed" || !strings.Contains(r.Text, "See your plan: https://jobnet.example/min-plan") ||
		!strings.Contains(r.HTML, `<html lang="en">`) || r.Header.Get("Content-Language") != "en" {
		t.Errorf("not the English letter: %q\n%s", r.Subject, r.Text)
	}
	if h := r.Header.Get("List-Unsubscribe") + r.Header.Get("List-Unsubscribe-Post"); h != "" || strings.Contains(r.Text, "Unsubscribe") {
		t.Errorf("unsubscribe without a URL: %q", h)
	}
}

// A refusal for now (4xx) is retried; one for good (5xx) is Permanent; a
// mail without an outbox id never leaves.
func TestMailRefused(t *testing.T) {
	sink, sender := startSink(t)
	m := planChanged(t, mail.Danish, "")
	for _, c := range []struct {
		name      string
		id        int64
		refusal   error
		permanent bool
	}{
		{"ErrTemporary", 1, errors.New("mailbox busy"), false},
		{"ErrPermanent", 2, &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}, true},
		{"ErrNoOutboxID", 0, nil, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			sink.Refuse(func(mail.Received) error { return c.refusal })
			m.ID = c.id
			err := sender.Send(context.Background(), m)
			if err == nil || mail.Permanent(err) != c.permanent {
				t.Errorf("error %v, permanent %v, want permanent %v", err, mail.Permanent(err), c.permanent)
			}
		})
	}
	if n := len(sink.Received()); n != 0 {
		t.Errorf("the sink kept %d refused mails", n)
	}
}

func TestMailNewSMTP(t *testing.T) {
	for _, c := range []struct {
		name, url string
		ok        bool
	}{
		{"OK", "smtp://mail.example.dk:2525", true},
		{"OKTLSWithLogin", "smtps://user:secret@mail.example.dk", true},
		{"ErrScheme", "http://mail.example.dk", false},
		{"ErrNoHost", "smtp://:25", false},
		{"ErrPort", "smtp://mail.example.dk:port", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := mail.NewSMTP(c.url, "noreply@jobnet.local", nil)
			if (err == nil) != c.ok {
				t.Errorf("%s: %v", c.url, err)
			}
			if err != nil && strings.Contains(err.Error(), "secret") {
				t.Errorf("the password in an error: %v", err)
			}
		})
	}
}

// Every letter exists in both languages and writes the same content as
// text and HTML.
func TestMailLettersInBothLanguages(t *testing.T) {
	for _, lang := range []mail.Lang{mail.Danish, mail.English} {
		m := planChanged(t, lang, "")
		if !strings.Contains(m.HTML, "https://jobnet.example/min-plan") || !strings.Contains(m.Text, "https://jobnet.example/min-plan") {
			t.Errorf("%s: the link is not in both parts", lang)
		}
	}
	if _, err := (mail.Letter{Kind: mail.KindPlanChanged, Lang: "de", To: "a@b.dk"}).Message(); err == nil {
		t.Error("a letter in German")
	}
}
