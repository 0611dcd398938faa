package server

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"jobnet/server/ingestv1"
	"jobnet/server/servertest"
	"jobnet/shared"
)

const (
	jcToken   = "Bearer demo-token-jobcenter-koebenhavn"
	akToken   = "Bearer demo-token-det-faglige-hus"
	starToken = "Bearer demo-token-star"
)

// messages is the Beskedbakke as c sees it.
func (c *client) messages() []shared.Message {
	c.env.tb.Helper()
	var box shared.Messages
	c.decode(c.do("GET", shared.APIMessages, nil), 200, &box)
	return box.Messages
}

// messageBySubject is the message with the subject, false when there is none.
func messageBySubject(msgs []shared.Message, subject string) (shared.Message, bool) {
	i := slices.IndexFunc(msgs, func(m shared.Message) bool { return m.Subject == subject })
	if i < 0 {
		return shared.Message{}, false
	}
	return msgs[i], true
}

func countSubject(msgs []shared.Message, subject string) int {
	n := 0
	for _, m := range msgs {
		if m.Subject == subject {
			n++
		}
	}
	return n
}

// TestIngestMessages: one citizen or a group; a retry never duplicates; the
// same id with another body is a conflict; a group is delivered to all or
// to none; bad addressing is refused at its field.
func TestIngestMessages(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	post := func(body any, auth string) response {
		return c.do("POST", "/api/ingest/v1/messages", body, "Authorization", auth)
	}
	mads, louise, jonas := env.client(), env.client(), env.client()
	mads.loginCitizen("mads")
	louise.loginCitizen("louise")
	jonas.loginCitizen("jonas")

	one := ingestv1.Message{MessageID: "m-1", CPR: "1203851231", Sender: "Sagsbehandler", Subject: "Om din samtale ZXONE",
		Body: "Hej Mads", Important: true, Answerable: true}
	var rec ingestv1.Receipt
	c.decode(post(one, jcToken), 200, &rec)
	if rec.Duplicate {
		t.Error("first delivery a duplicate")
	}
	c.decode(post(one, jcToken), 200, &rec)
	if !rec.Duplicate {
		t.Error("retry not a duplicate")
	}
	one.CPR = cprMads // the same message, the CPR number written the other way
	c.decode(post(one, jcToken), 200, &rec)
	if !rec.Duplicate {
		t.Error("retry with the CPR number written with a hyphen not a duplicate")
	}
	got := mads.messages()
	if n := countSubject(got, one.Subject); n != 1 {
		t.Fatalf("retries gave %d messages", n)
	}
	m, _ := messageBySubject(got, one.Subject)
	if m.Read || !m.Important || !m.Answerable || m.Sender != "Sagsbehandler" || m.SenderKind != shared.OrgJobcenter ||
		shared.MessageFrom(m.SenderKind) != "Besked fra jobcenter" || !inCopenhagen(m.Sent) {
		t.Errorf("message %+v", m)
	}
	other := one
	other.Body = "Noget andet"
	if r := post(other, jcToken); r.status != 409 {
		t.Errorf("the id reused for another body: %d %s", r.status, r.body)
	}

	// STAR writes to a group, anyone's citizens.
	group := ingestv1.Message{MessageID: "g-1", CPRs: []string{cprMads, cprLouise, cprJonas}, Sender: "Styrelsen for Arbejdsmarked og Rekruttering",
		Subject: "Til alle ZXGROUP", Body: "Nye regler."}
	c.decode(post(group, starToken), 200, &rec)
	c.decode(post(group, starToken), 200, &rec)
	for name, cl := range map[string]*client{"mads": mads, "louise": louise, "jonas": jonas} {
		msgs := cl.messages()
		if n := countSubject(msgs, group.Subject); n != 1 {
			t.Errorf("%s got the group message %d times", name, n)
		}
		if m, _ := messageBySubject(msgs, group.Subject); m.SenderKind != shared.OrgSTAR {
			t.Errorf("%s: STAR's message from %q", name, m.SenderKind)
		}
	}

	// A jobcenter writes to its own citizens only, and a group with one
	// other is refused whole.
	notMine := ingestv1.Message{MessageID: "g-2", CPRs: []string{cprMads, cprLouise}, Sender: "Sagsbehandler", Subject: "Ikke til alle ZXNOTALL", Body: "x"}
	if r := post(notMine, jcToken); r.status != 403 || r.err().FieldMessage("cprs[1]") == "" {
		t.Errorf("Louise is not Jobcenter København's: %d %s", r.status, r.body)
	}
	if n := countSubject(mads.messages(), notMine.Subject); n != 0 {
		t.Errorf("a refused group reached Mads")
	}
	notMine.MessageID, notMine.CPRs = "g-2", []string{cprMads}
	c.decode(post(notMine, jcToken), 200, &rec) // the refused id may be sent again
	unknown := ingestv1.Message{MessageID: "g-3", CPRs: []string{cprMads, "010101-9999"}, Sender: "Sagsbehandler", Subject: "s", Body: "b"}
	if r := post(unknown, starToken); r.status != 404 || r.err().FieldMessage("cprs[1]") == "" {
		t.Errorf("unknown citizen: %d %s", r.status, r.body)
	}
	// The a-kasse writes to its members.
	ak := ingestv1.Message{MessageID: "a-1", CPR: cprMads, Sender: "Sagsbehandler", Subject: "Fra a-kassen ZXAK", Body: "b", Parties: []string{"jc-101"}}
	c.decode(post(ak, akToken), 200, &rec)
	if m, ok := messageBySubject(mads.messages(), ak.Subject); !ok || m.SenderKind != shared.OrgAKasse || !slices.Equal(m.Parties, []string{"jc-101"}) {
		t.Errorf("a-kasse's message %+v", m)
	}
	ak.MessageID, ak.CPR = "a-2", cprLouise
	if r := post(ak, akToken); r.status != 403 {
		t.Errorf("Louise is no member: %d", r.status)
	}

	for name, tt := range map[string]struct {
		msg   ingestv1.Message
		field string
	}{
		"ErrBothAddresses":  {ingestv1.Message{MessageID: "x1", CPR: cprMads, CPRs: []string{cprJonas}, Sender: "s", Subject: "s", Body: "b"}, "cprs"},
		"ErrNoAddress":      {ingestv1.Message{MessageID: "x2", Sender: "s", Subject: "s", Body: "b"}, "cpr"},
		"ErrBadCPR":         {ingestv1.Message{MessageID: "x3", CPRs: []string{"12"}, Sender: "s", Subject: "s", Body: "b"}, "cprs[0]"},
		"ErrUnknownParty":   {ingestv1.Message{MessageID: "x4", CPR: cprMads, Parties: []string{"ak-nope"}, Sender: "s", Subject: "s", Body: "b"}, "parties"},
		"ErrNoSubject":      {ingestv1.Message{MessageID: "x5", CPR: cprMads, Sender: "s", Body: "b"}, "subject"},
		"ErrBodyTooLong":    {ingestv1.Message{MessageID: "x6", CPR: cprMads, Sender: "s", Subject: "s", Body: strings.Repeat("æ", shared.MessageBodyMax+1)}, "body"},
		"ErrSubjectTooLong": {ingestv1.Message{MessageID: "x7", CPR: cprMads, Sender: "s", Subject: strings.Repeat("ø", shared.MessageSubjectMax+1), Body: "b"}, "subject"},
	} {
		if r := post(tt.msg, jcToken); r.status != 400 || r.err().FieldMessage(tt.field) == "" {
			t.Errorf("%s: %d %s", name, r.status, r.body)
		}
	}
	ok := ingestv1.Message{MessageID: "x8", CPR: cprMads, Sender: "s", Subject: "Lang ZXLONG", Body: strings.Repeat("æ", shared.MessageBodyMax)}
	c.decode(post(ok, jcToken), 200, &rec)
}

// TestMessageReadAndReply: a caseworker's look changes nothing, the
// citizen's opening marks read; the answer is judged at its field, given
// once, and collected by the sender only.
func TestMessageReadAndReply(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	in := ingestv1.Message{MessageID: "r-1", CPR: cprMads, Sender: "Sagsbehandler", Subject: "Svar venligst ZXREPLY", Body: "Hvordan går det?", Answerable: true, Parties: []string{"ak-dfh"}}
	c.decode(c.do("POST", "/api/ingest/v1/messages", in, "Authorization", jcToken), 200, nil)
	plain := ingestv1.Message{MessageID: "r-2", CPR: cprMads, Sender: "Sagsbehandler", Subject: "Til orientering ZXPLAIN", Body: "Bare så du ved det."}
	c.decode(c.do("POST", "/api/ingest/v1/messages", plain, "Authorization", jcToken), 200, nil)

	mads := env.client()
	mads.loginCitizen("mads")
	m, _ := messageBySubject(mads.messages(), in.Subject)
	p, _ := messageBySubject(mads.messages(), plain.Subject)

	for _, cw := range []string{"nina", "berit"} {
		mirror := env.mirror(cw, cprMads)
		seen, ok := messageBySubject(mirror.messages(), in.Subject)
		if !ok || seen.Read {
			t.Fatalf("%s sees %+v", cw, seen)
		}
		for _, path := range []string{shared.MessageReadPath(m.ID), shared.MessageReplyPath(m.ID)} {
			if r := mirror.do("POST", path, shared.MessageReplyInput{Text: "fra sagsbehandleren"}); r.status != 403 || r.err().Message != shared.MsgReadOnly {
				t.Errorf("%s: POST %s answered %d %s", cw, path, r.status, r.body)
			}
		}
	}
	if after, _ := messageBySubject(mads.messages(), in.Subject); after.Read || after.Reply != nil {
		t.Fatalf("a caseworker's look changed the message: %+v", after)
	}

	var read shared.Message
	mads.decode(mads.do("POST", shared.MessageReadPath(m.ID), nil), 200, &read)
	if !read.Read {
		t.Errorf("opened, not read: %+v", read)
	}
	if after, _ := messageBySubject(mads.messages(), in.Subject); !after.Read {
		t.Error("the list shows it unread")
	}
	louise := env.client()
	louise.loginCitizen("louise")
	if r := louise.do("POST", shared.MessageReadPath(m.ID), nil); r.status != 404 {
		t.Errorf("Louise opens Mads' message: %d", r.status)
	}
	if r := mads.do("POST", shared.MessageReadPath("abc"), nil); r.status != 404 {
		t.Errorf("a bad id: %d", r.status)
	}

	for name, tt := range map[string]struct {
		id, text string
		status   int
	}{
		"ErrEmpty":         {m.ID, "  \n ", 400},
		"ErrTooLong":       {m.ID, strings.Repeat("å", shared.MessageReplyMax+1), 400},
		"ErrNotAnswerable": {p.ID, "Tak", 400},
	} {
		r := mads.do("POST", shared.MessageReplyPath(tt.id), shared.MessageReplyInput{Text: tt.text})
		if r.status != tt.status || r.err().Message == "" {
			t.Errorf("%s: %d %s", name, r.status, r.body)
		}
		if name != "ErrNotAnswerable" && r.err().FieldMessage(shared.FieldMessageReply) == "" {
			t.Errorf("%s: no message at the field: %s", name, r.body)
		}
	}
	var answered shared.Message
	mads.decode(mads.do("POST", shared.MessageReplyPath(m.ID), shared.MessageReplyInput{Text: "  Det går godt ZXANSWER\n"}), 200, &answered)
	if answered.Reply == nil || answered.Reply.Text != "Det går godt ZXANSWER" {
		t.Fatalf("reply %+v", answered.Reply)
	}
	if r := mads.do("POST", shared.MessageReplyPath(m.ID), shared.MessageReplyInput{Text: "Igen"}); r.status != 409 {
		t.Errorf("a second answer: %d", r.status)
	}

	// The sender collects it once it has settled; nobody else gets it.
	// (The demo data holds an answer of Mads' already.)
	var replies []ingestv1.MessageReply
	ours := func(r ingestv1.MessageReply) bool { return r.MessageID == "r-1" }
	c.decode(c.do("GET", "/api/ingest/v1/message-replies", nil, "Authorization", jcToken), 200, &replies)
	if slices.ContainsFunc(replies, ours) {
		t.Errorf("an answer collected before it settled: %+v", replies)
	}
	env.clock.Advance(3 * time.Second)
	c.decode(c.do("GET", "/api/ingest/v1/message-replies", nil, "Authorization", jcToken), 200, &replies)
	i := slices.IndexFunc(replies, ours)
	if i != len(replies)-1 || replies[i].CPR != cprMads || replies[i].Text != "Det går godt ZXANSWER" {
		t.Fatalf("collected %+v", replies)
	}
	var again []ingestv1.MessageReply
	c.decode(c.do("GET", "/api/ingest/v1/message-replies?after="+strconv.FormatInt(replies[i].Seq, 10), nil, "Authorization", jcToken), 200, &again)
	if len(again) != 0 {
		t.Errorf("after the last seq: %+v", again)
	}
	for _, tok := range []string{akToken, starToken} {
		var none []ingestv1.MessageReply
		c.decode(c.do("GET", "/api/ingest/v1/message-replies", nil, "Authorization", tok), 200, &none)
		if slices.ContainsFunc(none, func(r ingestv1.MessageReply) bool { return r.MessageID == "r-1" }) {
			t.Errorf("%s collected the jobcenter's answer", tok)
		}
	}
	if r := c.do("GET", "/api/ingest/v1/message-replies?after=x", nil, "Authorization", jcToken); r.status != 400 {
		t.Errorf("after=x: %d", r.status)
	}
}

// TestMessageCountAndNotice: the card counts the messages of the running
// 30 days on the server's clock; "Vigtig information" has one notice while
// a message is unread, leading to Min beskedbakke.
func TestMessageCountAndNotice(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	louise := env.client()
	louise.loginCitizen("louise")
	overview := func() shared.Overview {
		var o shared.Overview
		louise.decode(louise.do("GET", shared.APIOverview, nil), 200, &o)
		return o
	}
	notice := func(o shared.Overview) (shared.Notification, bool) {
		i := slices.IndexFunc(o.Notifications, func(n shared.Notification) bool { return n.Kind == shared.NotifyMessage })
		if i < 0 {
			return shared.Notification{}, false
		}
		return o.Notifications[i], true
	}
	send := func(id, subject string) {
		c.decode(c.do("POST", "/api/ingest/v1/messages", ingestv1.Message{MessageID: id, CPR: cprLouise, Sender: "STAR", Subject: subject, Body: "b"},
			"Authorization", starToken), 200, nil)
	}
	if o := overview(); o.MessageCount != 0 {
		t.Fatalf("Louise starts with %d", o.MessageCount)
	}
	if _, ok := notice(overview()); ok {
		t.Fatal("a notice without messages")
	}
	send("c-1", "Første")
	o := overview()
	n, ok := notice(o)
	if o.MessageCount != 1 || !ok || n.Title != "Du har fået en ny besked: Første" {
		t.Fatalf("after one: %d %+v", o.MessageCount, n)
	}
	if a, ok := shared.ActionOf(n.Kind); !ok || a.Page != "/beskedbakke" {
		t.Errorf("the notice leads to %+v", a)
	}
	env.clock.Advance(29 * 24 * time.Hour)
	louise.loginCitizen("louise") // the session has run out meanwhile
	send("c-2", "Anden")
	o = overview()
	if n, _ := notice(o); o.MessageCount != 2 || n.Title != "Du har fået 2 nye beskeder" {
		t.Errorf("after two: %d %+v", o.MessageCount, n)
	}
	env.clock.Advance(2 * 24 * time.Hour) // the first is 31 days old
	louise.loginCitizen("louise")
	if o := overview(); o.MessageCount != 1 {
		t.Errorf("31 days on: %d", o.MessageCount)
	}
	for _, m := range louise.messages() {
		louise.decode(louise.do("POST", shared.MessageReadPath(m.ID), nil), 200, nil)
	}
	if _, ok := notice(overview()); ok {
		t.Error("a notice with every message read")
	}
}

// TestMessagesLetterSecrecy: the a-kasse sees every message's sender, date
// and read state, the content of those it is a party to, and of the others
// the brevhemmelighed text — in every response byte: the list, the pages,
// the front page's notice.
func TestMessagesLetterSecrecy(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	secret := ingestv1.Message{MessageID: "s-1", CPR: cprMads, Sender: "Sagsbehandler", Subject: "ZQSECRETSUBJECT", Body: "ZQSECRETBODY", Answerable: true, Important: true}
	party := ingestv1.Message{MessageID: "s-2", CPR: cprMads, Sender: "Sagsbehandler", Subject: "ZQPARTYSUBJECT", Body: "ZQPARTYBODY", Parties: []string{"ak-dfh"}}
	for _, m := range []ingestv1.Message{secret, party} {
		c.decode(c.do("POST", "/api/ingest/v1/messages", m, "Authorization", jcToken), 200, nil)
	}
	mads := env.client()
	mads.loginCitizen("mads")
	s, _ := messageBySubject(mads.messages(), secret.Subject)
	mads.decode(mads.do("POST", shared.MessageReplyPath(s.ID), shared.MessageReplyInput{Text: "ZQSECRETREPLY"}), 200, nil)
	// The secret one the newest unread: the notice would name it.
	env.clock.Advance(time.Minute)
	c.decode(c.do("POST", "/api/ingest/v1/messages", ingestv1.Message{MessageID: "s-3", CPR: cprMads, Sender: "Sagsbehandler", Subject: "ZQSECRETNEWEST", Body: "ZQSECRETNEWESTBODY"},
		"Authorization", jcToken), 200, nil)

	berit := env.mirror("berit", cprMads)
	var box shared.AKasseMessages
	berit.decode(berit.do("GET", shared.APIMessages, nil), 200, &box)
	var withheld, whole int
	for _, m := range box.Messages {
		if m.ContentWithheld() {
			withheld++
			if m.Important || m.Answerable || m.Reply != nil || len(m.Parties) != 0 || m.Sender == "" || m.Sent.IsZero() {
				t.Errorf("withheld message shows %+v", m)
			}
		}
		if m.Subject == party.Subject && m.Body == party.Body {
			whole++
		}
	}
	if withheld == 0 || whole != 1 || len(box.Messages) != len(mads.messages()) {
		t.Errorf("a-kasse: %d withheld, %d whole of %d", withheld, whole, len(box.Messages))
	}
	paths := []string{shared.APIMessages, shared.APIOverview, "/", "/beskedbakke", "/beskedbakke/besked?id=" + s.ID}
	for _, p := range paths {
		r := berit.do("GET", p, nil, "X-Jobnet-Path", "/")
		if r.status != 200 {
			t.Errorf("GET %s: %d", p, r.status)
		}
		for _, secret := range []string{"ZQSECRET"} {
			if strings.Contains(string(r.body), secret) {
				t.Errorf("LEAK: the a-kasse got %s in GET %s", secret, p)
			}
		}
	}
	var o shared.Overview
	berit.decode(berit.do("GET", shared.APIOverview, nil), 200, &o)
	if i := slices.IndexFunc(o.Notifications, func(n shared.Notification) bool { return n.Kind == shared.NotifyMessage }); i < 0 {
		t.Error("the a-kasse is not told there are unread messages")
	}
	// The jobcenter and the citizen read it all.
	nina := env.mirror("nina", cprMads)
	for name, cl := range map[string]*client{"nina": nina, "mads": mads} {
		r := cl.do("GET", shared.APIMessages, nil)
		for _, want := range []string{"ZQSECRETSUBJECT", "ZQSECRETBODY", "ZQSECRETREPLY", "ZQPARTYBODY"} {
			if !strings.Contains(string(r.body), want) {
				t.Errorf("%s does not get %s", name, want)
			}
		}
	}
}

// inCopenhagen reports whether t was written in Danish time.
func inCopenhagen(t time.Time) bool {
	_, got := t.Zone()
	_, want := t.In(servertest.Copenhagen).Zone()
	return got == want
}

// TestEmployerMessage: an employer writes through STAR's Jobnet for
// virksomheder: the citizen reads "Besked fra arbejdsgiver" from the
// employer by name and may answer; only STAR's system may name an
// employer, with a real CVR number; the a-kasse sees who wrote, and the
// brevhemmelighed text instead of the letter.
func TestEmployerMessage(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	post := func(body any, auth string) response {
		return c.do("POST", "/api/ingest/v1/messages", body, "Authorization", auth)
	}
	msg := ingestv1.Message{MessageID: "emp-1", CPR: cprMads, Sender: "Rekrutteringsansvarlig", Subject: "Vil du til samtale? ZXEMP",
		Body: "Vi har set dit CV ZXEMPBODY", Answerable: true, Employer: &shared.MessageEmployer{CVR: "12345678", Name: "Byg & Bo ApS"}}
	for _, tt := range []struct {
		name, auth, field string
		employer          *shared.MessageEmployer
	}{
		{"JobcenterMayNot", jcToken, "employer", msg.Employer},
		{"AKasseMayNot", akToken, "employer", msg.Employer},
		{"CVRNotEightDigits", starToken, "employer.cvr", &shared.MessageEmployer{CVR: "1234567", Name: "Byg & Bo ApS"}},
		{"NameMissing", starToken, "employer.name", &shared.MessageEmployer{CVR: "12345678"}},
	} {
		bad := msg
		bad.MessageID, bad.Employer = "bad-"+tt.name, tt.employer
		if r := post(bad, tt.auth); r.status != 400 || r.err().FieldMessage(tt.field) == "" {
			t.Errorf("%s: %d %s, want 400 at %s", tt.name, r.status, r.body, tt.field)
		}
	}
	c.decode(post(msg, starToken), 200, nil)

	mads := env.client()
	mads.loginCitizen("mads")
	m, ok := messageBySubject(mads.messages(), msg.Subject)
	if !ok || m.From() != shared.MsgFromEmployer || m.SentBy() != "Rekrutteringsansvarlig, Byg & Bo ApS" || m.Employer.CVR != "12345678" {
		t.Fatalf("the employer's message as Mads reads it: %+v", m)
	}
	mads.decode(mads.do("POST", shared.MessageReplyPath(m.ID), shared.MessageReplyInput{Text: "Ja tak"}), 200, nil)

	berit := env.mirror("berit", cprMads)
	r := berit.do("GET", shared.APIMessages, nil)
	if r.status != 200 || strings.Contains(string(r.body), "ZXEMP") || strings.Contains(string(r.body), "Ja tak") {
		t.Fatalf("the a-kasse reads the employer's letter: %d %s", r.status, r.body)
	}
	var box shared.Messages
	berit.decode(r, 200, &box)
	i := slices.IndexFunc(box.Messages, func(m shared.Message) bool { return m.Employer != nil })
	if i < 0 || box.Messages[i].Body != shared.MsgLetterSecrecy || box.Messages[i].Employer.Name != "Byg & Bo ApS" {
		t.Errorf("the a-kasse's view of the employer's message: %+v", box.Messages)
	}
}
