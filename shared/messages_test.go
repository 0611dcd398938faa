package shared

import (
	"strings"
	"testing"
	"time"
)

func TestMessageReplyCheck(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		wantField  string // "" when valid
	}{
		{"OK", "Det går godt.", ""},
		{"OKTrimmed", "  Ja tak\n\n", ""},
		{"OKAtMax", strings.Repeat("æ", MessageReplyMax), ""},
		{"ErrEmpty", "", "Skriv dit svar, før du sender det."},
		{"ErrBlank", " \n\t ", "Skriv dit svar, før du sender det."},
		{"ErrTooLong", strings.Repeat("æ", MessageReplyMax+1), "Må højst være 4000 tegn."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := MessageReplyInput{Text: tt.text}.Normalized()
			err := in.Check()
			if tt.wantField == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if in.Text != strings.TrimSpace(tt.text) {
					t.Errorf("normalized %q", in.Text)
				}
				return
			}
			e, ok := err.(*Error)
			if !ok || e.Code != EInvalid || e.FieldMessage(FieldMessageReply) != tt.wantField {
				t.Errorf("got %#v", err)
			}
		})
	}
}

func TestMessageDates(t *testing.T) {
	for _, tt := range []struct {
		d           Date
		short, long string
	}{
		{MustDate("2020-02-26"), "26. feb. 2020", "onsdag den 26. februar 2020"},
		{MustDate("2019-03-02"), "2. marts 2019", "lørdag den 2. marts 2019"},
		{MustDate("2018-05-28"), "28. maj 2018", "mandag den 28. maj 2018"}, // 000 Billede 21
		{MustDate("2026-09-01"), "1. sep. 2026", "tirsdag den 1. september 2026"},
		{Date{}, "", ""},
	} {
		if got := tt.d.DanishShort(); got != tt.short {
			t.Errorf("%v short: %q, want %q", tt.d, got, tt.short)
		}
		if got := tt.d.DanishLong(); got != tt.long {
			t.Errorf("%v long: %q, want %q", tt.d, got, tt.long)
		}
	}
}

func TestMessageCountWindow(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	sent := []time.Time{
		now,                                     // in
		now.Add(-time.Hour),                     // in
		now.AddDate(0, 0, -29),                  // in
		now.AddDate(0, 0, -30),                  // exactly 30 days: out
		now.AddDate(0, 0, -45),                  // out
		now.Add(time.Minute),                    // after now: out
		now.AddDate(0, 0, -30).Add(time.Second), // in
	}
	count := func(sent []time.Time) int {
		n := 0
		for _, s := range sent {
			if s.After(MessageCountSince(now)) && !s.After(now) {
				n++
			}
		}
		return n
	}
	if got := count(sent); got != 4 {
		t.Errorf("count %d, want 4", got)
	}
	if got := count(nil); got != 0 {
		t.Errorf("none: %d", got)
	}
}

func TestMessageNotification(t *testing.T) {
	t0 := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name   string
		unread []UnreadMessage
		title  string
	}{
		{"None", nil, ""},
		{"One", []UnreadMessage{{"Om din samtale", t0}}, "Du har fået en ny besked: Om din samtale"},
		{"OneWithheld", []UnreadMessage{{"", t0}}, "Du har fået en ny besked"},
		{"Two", []UnreadMessage{{"a", t0}, {"b", t0.Add(time.Hour)}}, "Du har fået 2 nye beskeder"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n, ok := MessageNotification(tt.unread)
			if ok != (tt.title != "") || n.Title != tt.title {
				t.Fatalf("got %v %+v", ok, n)
			}
			if ok && (n.Kind != NotifyMessage || !n.Created.Equal(tt.unread[len(tt.unread)-1].Sent)) {
				t.Errorf("notice %+v", n)
			}
		})
	}
	if a, ok := ActionOf(NotifyMessage); !ok || a.Page != "/beskedbakke" || a.Done {
		t.Errorf("action %+v", a)
	}
}

// TestAKasseMessageNotice: the a-kasse's front page tells of unread
// messages, naming the subject only of a letter it is a party to.
func TestAKasseMessageNotice(t *testing.T) {
	t0 := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	secret := Message{ID: "1", SenderOrg: "jc-101", Subject: "Hemmeligt", Body: "x", Sent: t0}
	shared := Message{ID: "2", SenderOrg: "jc-101", Parties: []string{"ak-dfh"}, Subject: "Fælles", Body: "y", Sent: t0}
	for _, tt := range []struct {
		name        string
		unread      []Message
		citizen, ak string
	}{
		{"Secret", []Message{secret}, "Du har fået en ny besked: Hemmeligt", "Du har fået en ny besked"},
		{"Party", []Message{shared}, "Du har fået en ny besked: Fælles", "Du har fået en ny besked: Fælles"},
		{"Both", []Message{secret, shared}, "Du har fået 2 nye beskeder", "Du har fået 2 nye beskeder"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o := Overview{Unread: tt.unread, Notifications: []Notification{{Kind: NotifyJoblog, Title: "Joblog"}}}
			o.AddMessageNotice()
			if len(o.Notifications) != 2 || o.Notifications[0].Title != tt.citizen {
				t.Fatalf("citizen: %+v", o.Notifications)
			}
			p := ProjectForAKasse(CitizenData{Overview: &o, AKasse: "ak-dfh"}).Overview
			if len(p.Notifications) != 2 || p.Notifications[0].Title != tt.ak || p.Notifications[1].Title != "Joblog" {
				t.Errorf("a-kasse: %+v", p.Notifications)
			}
		})
	}
}

// TestProjectMessagesFlags: "vigtig", "Kan besvares" and the answer are
// the letter's content: the a-kasse sees them of its own letters only.
func TestProjectMessagesFlags(t *testing.T) {
	reply := &MessageReply{Text: "svar", Sent: time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)}
	m := Message{ID: "1", SenderOrg: "jc-101", SenderKind: OrgJobcenter, Subject: "s", Body: "b", Important: true, Answerable: true, Reply: reply}
	hidden := projectMessages([]Message{m}, "ak-dfh")[0]
	if !hidden.ContentWithheld() || hidden.Important || hidden.Answerable || hidden.Reply != nil || hidden.SenderKind != OrgJobcenter {
		t.Errorf("not a party: %+v", hidden)
	}
	m.Parties = []string{"ak-dfh"}
	shown := projectMessages([]Message{m}, "ak-dfh")[0]
	if shown.ContentWithheld() || !shown.Important || !shown.Answerable || shown.Reply == nil || shown.Reply == reply || shown.Reply.Text != "svar" {
		t.Errorf("a party: %+v", shown)
	}
}
