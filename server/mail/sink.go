package mail

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	netmail "net/mail"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-smtp"
)

// Received is a mail as the sink got it: the envelope, the raw message,
// and the message read back — headers, subject, the text and HTML parts.
type Received struct {
	At        time.Time
	From      string   // the envelope's sender
	To        []string // the envelope's recipients
	Raw       []byte
	Header    netmail.Header
	Subject   string
	MessageID string // without angle brackets
	Text      string
	HTML      string
}

// sinkKeeps bounds what a long `make run` holds: the newest mails.
const sinkKeeps = 500

// Sink is an SMTP server in the process that accepts every mail (unless
// told to refuse it) and keeps it, newest last.
type Sink struct {
	server *smtp.Server
	ln     net.Listener

	mu       sync.Mutex
	received []Received
	refuse   func(Received) error
}

// StartSink serves SMTP on addr ("127.0.0.1:0" for a free port) until
// Close.
func StartSink(addr string) (*Sink, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("mail: sink: %w", err)
	}
	s := &Sink{ln: ln}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &sinkSession{sink: s}, nil }))
	srv.Domain = "sink.jobnet.local"
	srv.ReadTimeout, srv.WriteTimeout = time.Minute, time.Minute
	srv.MaxMessageBytes = 10 << 20
	s.server = srv
	go func() { _ = srv.Serve(ln) }()
	return s, nil
}

// Addr is the sink's host:port.
func (s *Sink) Addr() string { return s.ln.Addr().String() }

// URL is the sink as JOBNET_SMTP_URL would name it.
func (s *Sink) URL() string { return "smtp://" + s.Addr() }

// Close stops the sink.
func (s *Sink) Close() error { return s.server.Close() }

// Received is what the sink has kept, oldest first.
func (s *Sink) Received() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.received...)
}

// Refuse makes the sink answer a mail for which refuse returns an error
// with that error (a *smtp.SMTPError as it is; any other as 451, "try
// again later") and not keep it. nil accepts every mail.
func (s *Sink) Refuse(refuse func(Received) error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refuse = refuse
}

func (s *Sink) deliver(r Received) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.refuse != nil {
		if err := s.refuse(r); err != nil {
			var se *smtp.SMTPError
			if errors.As(err, &se) {
				return se
			}
			return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: err.Error()}
		}
	}
	s.received = append(s.received, r)
	if len(s.received) > sinkKeeps {
		s.received = append([]Received(nil), s.received[len(s.received)-sinkKeeps:]...)
	}
	return nil
}

// sinkSession is one SMTP conversation with the sink.
type sinkSession struct {
	sink *Sink
	from string
	to   []string
}

func (ss *sinkSession) Mail(from string, _ *smtp.MailOptions) error {
	ss.from = from
	return nil
}

func (ss *sinkSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.to = append(ss.to, to)
	return nil
}

func (ss *sinkSession) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	rec, err := Parse(raw)
	if err != nil {
		return &smtp.SMTPError{Code: 554, EnhancedCode: smtp.EnhancedCode{5, 6, 0}, Message: "unreadable message: " + err.Error()}
	}
	rec.At, rec.From, rec.To = time.Now(), ss.from, append([]string(nil), ss.to...)
	return ss.sink.deliver(rec)
}

func (ss *sinkSession) Reset() { ss.from, ss.to = "", nil }

func (ss *sinkSession) Logout() error { return nil }

// Parse reads a raw message: its headers, decoded subject and
// Message-ID, and its text/plain and text/html parts (one level of
// multipart, as the senders here write them).
func Parse(raw []byte) (Received, error) {
	msg, err := netmail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return Received{}, err
	}
	rec := Received{Raw: raw, Header: msg.Header}
	var dec mime.WordDecoder
	if rec.Subject, err = dec.DecodeHeader(msg.Header.Get("Subject")); err != nil {
		return Received{}, fmt.Errorf("subject: %w", err)
	}
	rec.MessageID = strings.Trim(msg.Header.Get("Message-Id"), "<> ")
	err = readParts(msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body, &rec)
	return rec, err
}

// readParts puts the text and HTML of a body of the given type into rec.
func readParts(contentType, encoding string, body io.Reader, rec *Received) error {
	media, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return fmt.Errorf("content type %q: %w", contentType, err)
	}
	if strings.HasPrefix(media, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			// multipart decodes quoted-printable itself and drops the header.
			if err := readParts(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"), p, rec); err != nil {
				return err
			}
		}
	}
	switch strings.ToLower(encoding) {
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, newlineStripper{body})
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	}
	data, err := io.ReadAll(body)
	if err != nil {
		return err
	}
	switch media {
	case "text/plain":
		rec.Text = string(data)
	case "text/html":
		rec.HTML = string(data)
	}
	return nil
}

// newlineStripper drops the line breaks of a base64 body.
type newlineStripper struct{ r io.Reader }

func (n newlineStripper) Read(p []byte) (int, error) {
	for {
		k, err := n.r.Read(p)
		j := 0
		for _, b := range p[:k] {
			if b != '\r' && b != '\n' {
				p[j] = b
				j++
			}
		}
		if j > 0 || err != nil {
			return j, err
		}
	}
}
