package mail

import (
	"bytes"
	"embed"
	"fmt"
	htmltemplate "html/template"
	"io/fs"
	"path"
	"strings"
	texttemplate "text/template"
)

// The letters are templates in letters/, one pair per kind and language:
// <kind>.<lang>.txt defines "subject" and "text", <kind>.<lang>.html
// defines "content"; layout.txt and layout.html put the footer (and the
// unsubscribe link) around them. The HTML part is html/template, so what
// a letter's data holds is escaped.
//
//go:embed letters
var letterFiles embed.FS

// The kinds of letter.
const (
	// KindPlanChanged: the citizen's plan has a new version (SPEC D1).
	KindPlanChanged = "plan-changed"
	// KindJobAgent: a job agent's new ads (issue 11).
	KindJobAgent = "job-agent"
	// KindJobAgentConfirm: the link that confirms an agent made without a
	// login, before it sends anything.
	KindJobAgentConfirm = "job-agent-confirm"
	// KindMeetingReminder: a meeting in two days (SPEC D4).
	KindMeetingReminder = "meeting-reminder"
	// KindEmailCode: the code that confirms a new address (Brugerprofil,
	// SPEC A3) — the one mail sent to an address not yet confirmed.
	KindEmailCode = "email-code"
)

// EmailCodeData fills the letter KindEmailCode.
type EmailCodeData struct {
	Name    string // the citizen's name
	Code    string
	Minutes int // how long the code is valid
}

// MeetingReminderData fills the letter KindMeetingReminder: the meeting as
// the Møder page shows it.
type MeetingReminderData struct {
	Name        string // the citizen's name
	Heading     string // "Aftale med jobcenter"
	When        string // "Tirsdag den 10. dec. 2019, kl. 13:30-14:00"
	Type, Form  string
	Place       string
	Phone       string
	MeetingsURL string // the Møder page, absolute
}

// JobAgentData fills the letter KindJobAgent.
type JobAgentData struct {
	Name      string       // the agent's name
	Total     int          // the new ads
	Shown     int          // of them listed here, the newest
	Ads       []JobAgentAd // newest first
	SearchURL string       // the search on Find Job, absolute
}

// More reports whether the mail lists only some of the new ads.
func (d JobAgentData) More() bool { return d.Total > d.Shown }

// JobAgentAd is one ad in an agent's mail.
type JobAgentAd struct {
	Title, Employer, Place, Deadline string
	URL                              string // its page on Jobnet, or its source
}

// JobAgentConfirmData fills the letter KindJobAgentConfirm.
type JobAgentConfirmData struct {
	Name       string // the agent's name
	Frequency  string // shared.JobAgentDaily or shared.JobAgentWeekly
	ConfirmURL string
	SearchURL  string
}

// PlanChangedData fills the letter KindPlanChanged.
type PlanChangedData struct {
	Name    string // the citizen's name
	PlanURL string // Min Plan, absolute
}

// Letter is a mail to be written: which letter, in which language, to
// whom, and the data its template shows.
type Letter struct {
	Kind           string
	Lang           Lang
	To             string
	CitizenID      int64
	UnsubscribeURL string
	Data           any
}

// Message writes the letter: its subject, text and HTML.
func (l Letter) Message() (Message, error) {
	t, ok := letters[l.Kind+"."+string(l.Lang)]
	if !ok {
		return Message{}, fmt.Errorf("mail: no letter %q in %q", l.Kind, l.Lang)
	}
	var subject, text, html bytes.Buffer
	if err := t.text.ExecuteTemplate(&subject, "subject", l.Data); err != nil {
		return Message{}, err
	}
	frame := struct {
		Lang           Lang
		Subject        string
		UnsubscribeURL string
		Data           any
	}{l.Lang, strings.TrimSpace(subject.String()), l.UnsubscribeURL, l.Data}
	if err := t.text.ExecuteTemplate(&text, "layout", frame); err != nil {
		return Message{}, err
	}
	if err := t.html.ExecuteTemplate(&html, "layout", frame); err != nil {
		return Message{}, err
	}
	m := Message{To: l.To, Subject: frame.Subject, Text: text.String(), HTML: html.String(),
		UnsubscribeURL: l.UnsubscribeURL, Lang: l.Lang, Kind: l.Kind, CitizenID: l.CitizenID}
	return m, m.Validate()
}

type letterTemplates struct {
	text *texttemplate.Template
	html *htmltemplate.Template
}

// letters are the parsed letters by "<kind>.<lang>".
var letters = parseLetters()

func parseLetters() map[string]letterTemplates {
	out := map[string]letterTemplates{}
	names, err := fs.Glob(letterFiles, "letters/*.*.txt")
	if err != nil {
		panic(err)
	}
	for _, name := range names {
		key := strings.TrimSuffix(path.Base(name), ".txt")
		text := texttemplate.Must(texttemplate.ParseFS(letterFiles, "letters/layout.txt", name))
		html := htmltemplate.Must(htmltemplate.ParseFS(letterFiles, "letters/layout.html", "letters/"+key+".html"))
		out[key] = letterTemplates{text: text, html: html}
	}
	return out
}
