package server

import (
	"bytes"
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	"jobnet/server/ingestv1"
	"jobnet/shared"
)

// Files in Min beskedbakke (shared/message_attachments.go): a case system's
// files on its message, the citizen's files on an answer, and the
// withdrawal of a message.

var (
	tinyPDF = []byte("%PDF-1.7\nBrev ZXATTPDF\n%%EOF\n")
	tinyPNG = []byte("\x89PNG\r\n\x1a\nZXATTPNG")
)

// attachmentRows counts the stored files of a sender's message.
func attachmentRows(t *testing.T, env *testEnv, org, originID string) int {
	t.Helper()
	var n int
	if err := env.db.NewRaw(`SELECT count(*) FROM message_attachments WHERE sender_org = ? AND origin_id = ?`, org, originID).
		Scan(context.Background(), &n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestIngestMessageAttachments: a message's files are judged as the
// Joblog's documents, listed with type and size and served as attachments
// no cache keeps; one refused file refuses the whole message at its field;
// a retry stores nothing twice; a group's files are stored once.
func TestIngestMessageAttachments(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	mads, louise := env.client(), env.client()
	mads.loginCitizen("mads")
	louise.loginCitizen("louise")
	post := func(body any, auth string) response {
		return c.do("POST", "/api/ingest/v1/messages", body, "Authorization", auth)
	}

	in := ingestv1.Message{MessageID: "att-1", CPR: cprMads, Sender: "Sagsbehandler", Subject: "Din aftale ZXATT", Body: "Se brevet.",
		Attachments: []ingestv1.Attachment{{Name: `Afgørelse "2026".docx`, Content: tinyPDF}, {Name: "kort", Content: tinyPNG}}}
	var rec ingestv1.Receipt
	c.decode(post(in, jcToken), 200, &rec)
	c.decode(post(in, jcToken), 200, &rec)
	if !rec.Duplicate {
		t.Error("retry not a duplicate")
	}
	if n := attachmentRows(t, env, "jc-101", "att-1"); n != 2 {
		t.Errorf("a retried message has %d stored files, want 2", n)
	}
	m, ok := messageBySubject(mads.messages(), in.Subject)
	if !ok || len(m.Attachments) != 2 {
		t.Fatalf("message %+v", m)
	}
	if a := m.Attachments[0]; a.Name != "Afgørelse 2026.pdf" || a.Type != shared.DocPDF || a.Size != int64(len(tinyPDF)) || a.Label() != "PDF, 29 byte" {
		t.Errorf("first file %+v (%s)", a, a.Label())
	}
	if a := m.Attachments[1]; a.Name != "kort.png" || a.Type != shared.DocPNG {
		t.Errorf("second file %+v", a)
	}
	r := mads.do("GET", shared.MessageAttachmentPath(m.ID, m.Attachments[0].ID), nil)
	h := r.header
	if r.status != 200 || !bytes.Equal(r.body, tinyPDF) || h.Get("Content-Type") != "application/pdf" ||
		h.Get("Content-Disposition") != `attachment; filename="Afgoerelse 2026.pdf"; filename*=UTF-8''Afg%C3%B8relse%202026.pdf` ||
		h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Cache-Control") != "private, no-store" {
		t.Errorf("download: %d %v %q", r.status, h, r.body)
	}
	// Another citizen cannot reach it, nor a file through another message.
	if r := louise.do("GET", shared.MessageAttachmentPath(m.ID, m.Attachments[0].ID), nil); r.status != 404 {
		t.Errorf("Louise got Mads' file: %d", r.status)
	}
	// The jobcenter reads it; nobody else's message holds the file's id.
	nina := env.mirror("nina", cprMads)
	if r := nina.do("GET", shared.MessageAttachmentPath(m.ID, m.Attachments[1].ID), nil); r.status != 200 || !bytes.Equal(r.body, tinyPNG) {
		t.Errorf("the jobcenter's download: %d", r.status)
	}

	big := append([]byte("%PDF-1.7\n"), make([]byte, shared.JoblogDocumentMaxBytes)...)
	seven := append([]byte("%PDF-1.7\n"), make([]byte, 7<<20)...)
	six := make([]ingestv1.Attachment, 6)
	for i := range six {
		six[i] = ingestv1.Attachment{Name: "a.pdf", Content: tinyPDF}
	}
	for _, tt := range []struct {
		name, field, msg string
		files            []ingestv1.Attachment
	}{
		{"ErrType", "attachments[1]", shared.MsgDocumentType, []ingestv1.Attachment{{Name: "ok.pdf", Content: tinyPDF}, {Name: "virus.exe", Content: []byte("MZ\x90\x00program")}}},
		{"ErrZipNotDocument", "attachments[0]", shared.MsgDocumentType, []ingestv1.Attachment{{Name: "x.docx", Content: []byte("PK\x03\x04not really")}}},
		{"ErrTooBig", "attachments[0]", shared.MsgDocumentTooBig, []ingestv1.Attachment{{Name: "stor.pdf", Content: big}}},
		{"ErrTogetherTooBig", "attachments", "De vedhæftede filer må tilsammen højst fylde 20 MB.",
			[]ingestv1.Attachment{{Name: "1.pdf", Content: seven}, {Name: "2.pdf", Content: seven}, {Name: "3.pdf", Content: seven}}},
		{"ErrTooMany", "attachments", "", six},
		{"ErrNoName", "attachments[0].name", "", []ingestv1.Attachment{{Content: tinyPDF}}},
	} {
		bad := ingestv1.Message{MessageID: "bad-" + tt.name, CPRs: []string{cprMads, cprLouise}, Sender: "STAR", Subject: "Afvist " + tt.name,
			Body: "b", Attachments: tt.files}
		r := post(bad, starToken)
		e := r.err()
		if r.status != http.StatusBadRequest || e.Code != shared.EInvalid || e.FieldMessage(tt.field) == "" ||
			(tt.msg != "" && e.FieldMessage(tt.field) != tt.msg) {
			t.Errorf("%s: %d %.400s", tt.name, r.status, r.body)
		}
		if _, ok := messageBySubject(mads.messages(), bad.Subject); ok {
			t.Errorf("%s: the refused message reached Mads", tt.name)
		}
		if n := attachmentRows(t, env, "star", bad.MessageID); n != 0 {
			t.Errorf("%s: %d files stored of a refused message", tt.name, n)
		}
	}
	// The refusal names the file.
	r = post(ingestv1.Message{MessageID: "bad-named", CPR: cprMads, Sender: "s", Subject: "s", Body: "b",
		Attachments: []ingestv1.Attachment{{Name: "virus.exe", Content: []byte("MZ")}}}, jcToken)
	if e := r.err(); !bytes.Contains([]byte(e.Message), []byte(`"virus.exe"`)) {
		t.Errorf("the refusal does not name the file: %s", r.body)
	}

	// A group: the files once, every member sees them.
	group := ingestv1.Message{MessageID: "att-group", CPRs: []string{cprMads, cprLouise, cprJonas}, Sender: "STAR", Subject: "Til alle ZXATTGROUP",
		Body: "b", Attachments: []ingestv1.Attachment{{Name: "regler.pdf", Content: tinyPDF}}}
	c.decode(post(group, starToken), 200, &rec)
	c.decode(post(group, starToken), 200, &rec)
	if n := attachmentRows(t, env, "star", "att-group"); n != 1 {
		t.Errorf("a group of 3 stored its file %d times, want once", n)
	}
	for name, cl := range map[string]*client{"mads": mads, "louise": louise} {
		m, _ := messageBySubject(cl.messages(), group.Subject)
		if len(m.Attachments) != 1 {
			t.Fatalf("%s: %+v", name, m)
		}
		if r := cl.do("GET", shared.MessageAttachmentPath(m.ID, m.Attachments[0].ID), nil); r.status != 200 || !bytes.Equal(r.body, tinyPDF) {
			t.Errorf("%s's download: %d", name, r.status)
		}
	}
	// The 3-year rule deletes the recipients' rows; the file goes with
	// the last (migration 024's trigger).
	if _, err := env.db.NewRaw(`DELETE FROM messages WHERE origin_id = 'att-group' AND citizen_id IN (SELECT id FROM citizens WHERE cpr <> ?)`,
		cprMads).Exec(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := attachmentRows(t, env, "star", "att-group"); n != 1 {
		t.Errorf("the file went while Mads still has the message: %d", n)
	}
	if _, err := env.db.NewRaw(`DELETE FROM messages WHERE origin_id = 'att-group'`).Exec(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := attachmentRows(t, env, "star", "att-group"); n != 0 {
		t.Errorf("the file stayed after its message: %d", n)
	}
}

// TestMessageAttachmentsAKasse: the a-kasse gets the files of a letter it
// is a party to; of any other it gets no file, no name and no sign that
// there is one, and the download is refused on the server whatever the
// file's id.
func TestMessageAttachmentsAKasse(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	mads := env.client()
	mads.loginCitizen("mads")
	send := func(id string, parties []string) shared.Message {
		in := ingestv1.Message{MessageID: id, CPR: cprMads, Sender: "Sagsbehandler", Subject: "Emne " + id, Body: "b", Parties: parties,
			Attachments: []ingestv1.Attachment{{Name: "ZXSECRETNAME-" + id + ".pdf", Content: tinyPDF}}}
		c.decode(c.do("POST", "/api/ingest/v1/messages", in, "Authorization", jcToken), 200, nil)
		m, _ := messageBySubject(mads.messages(), in.Subject)
		return m
	}
	party, other := send("p-1", []string{"ak-dfh"}), send("o-1", nil)

	berit := env.mirror("berit", cprMads)
	r := berit.do("GET", shared.APIMessages, nil)
	var box shared.AKasseMessages
	berit.decode(r, 200, &box)
	if bytes.Contains(r.body, []byte("ZXSECRETNAME-o-1")) || !bytes.Contains(r.body, []byte("ZXSECRETNAME-p-1")) {
		t.Errorf("the a-kasse's list: %s", r.body)
	}
	for _, m := range box.Messages {
		if m.ID == other.ID && (len(m.Attachments) != 0 || !m.ContentWithheld()) {
			t.Errorf("a withheld letter's files listed: %+v", m)
		}
		if m.ID == party.ID && len(m.Attachments) != 1 {
			t.Errorf("the party's letter lost its file: %+v", m)
		}
	}
	if r := berit.do("GET", shared.MessageAttachmentPath(party.ID, party.Attachments[0].ID), nil); r.status != 200 || !bytes.Equal(r.body, tinyPDF) {
		t.Errorf("the party's download: %d", r.status)
	}
	for _, file := range []int64{other.Attachments[0].ID, party.Attachments[0].ID, 999999} {
		r := berit.do("GET", shared.MessageAttachmentPath(other.ID, file), nil)
		if r.status != 404 || r.err().Message != shared.MsgLetterSecrecy || bytes.Contains(r.body, tinyPDF) {
			t.Errorf("the a-kasse's download of a withheld letter's file %d: %d %s", file, r.status, r.body)
		}
	}
}

// TestReplyAttachments: the citizen's answer with files — saved first, its
// files after it; the sender collects it only once the files announced
// have come (or the citizen sends it without them, or it waited too long),
// with the files as metadata it fetches with its own token.
func TestReplyAttachments(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	mads := env.client()
	mads.loginCitizen("mads")
	send := func(id string) shared.Message {
		in := ingestv1.Message{MessageID: id, CPR: cprMads, Sender: "Sagsbehandler", Subject: "Svar " + id, Body: "b", Answerable: true}
		c.decode(c.do("POST", "/api/ingest/v1/messages", in, "Authorization", jcToken), 200, nil)
		m, _ := messageBySubject(mads.messages(), in.Subject)
		return m
	}
	upload := func(cl *client, msgID, name string, body []byte) response {
		return cl.do("POST", shared.MessageReplyAttachmentsPath(msgID)+"?"+shared.ParamFileName+"="+name, string(body), "Content-Type", "application/octet-stream")
	}
	collect := func(tok string) []ingestv1.MessageReply {
		var out []ingestv1.MessageReply
		c.decode(c.do("GET", "/api/ingest/v1/message-replies", nil, "Authorization", tok), 200, &out)
		return out
	}
	find := func(rs []ingestv1.MessageReply, id string) (ingestv1.MessageReply, bool) {
		i := slices.IndexFunc(rs, func(r ingestv1.MessageReply) bool { return r.MessageID == id })
		if i < 0 {
			return ingestv1.MessageReply{}, false
		}
		return rs[i], true
	}

	m := send("ra-1")
	if r := upload(mads, m.ID, "a.pdf", tinyPDF); r.status != 400 && r.status != 404 {
		t.Errorf("a file before the answer: %d", r.status)
	}
	// answered is the message a call answers, decoded afresh.
	answered := func(r response) shared.Message {
		t.Helper()
		var m shared.Message
		mads.decode(r, 200, &m)
		return m
	}
	var got shared.Message
	mads.decode(mads.do("POST", shared.MessageReplyPath(m.ID), shared.MessageReplyInput{Text: "Se vedhæftede ZXREPLY", Files: 2}), 200, &got)
	if got.Reply == nil || got.Reply.Pending != 2 {
		t.Fatalf("answer %+v", got.Reply)
	}
	// A refused file changes nothing; the answer still waits.
	if r := upload(mads, m.ID, "x.exe", []byte("MZ\x90\x00")); r.status != 400 || r.err().FieldMessage(shared.FieldMessageReplyFile) != shared.MsgDocumentType {
		t.Errorf("a program: %d %s", r.status, r.body)
	}
	// Caseworkers send nothing.
	if r := upload(env.mirror("nina", cprMads), m.ID, "a.pdf", tinyPDF); r.status != 403 {
		t.Errorf("a caseworker's upload: %d", r.status)
	}
	got = answered(upload(mads, m.ID, "første.pdf", tinyPDF))
	if got.Reply.Pending != 1 || len(got.Reply.Attachments) != 1 {
		t.Errorf("after one file: %+v", got.Reply)
	}
	env.clock.Advance(3 * time.Second)
	if _, ok := find(collect(jcToken), "ra-1"); ok {
		t.Error("an answer collected while it waits for a file")
	}
	got = answered(upload(mads, m.ID, "anden.png", tinyPNG))
	if got.Reply.Pending != 0 || len(got.Reply.Attachments) != 2 {
		t.Errorf("after two files: %+v", got.Reply)
	}
	if r := upload(mads, m.ID, "tredje.pdf", tinyPDF); r.status != 400 || r.err().FieldMessage(shared.FieldMessageReplyFile) == "" {
		t.Errorf("a file after the answer went: %d %s", r.status, r.body)
	}
	// The citizen opens their own file.
	if r := mads.do("GET", shared.MessageReplyAttachmentPath(m.ID, got.Reply.Attachments[1].ID), nil); r.status != 200 || !bytes.Equal(r.body, tinyPNG) ||
		r.header.Get("Content-Type") != "image/png" {
		t.Errorf("the citizen's own file: %d", r.status)
	}
	env.clock.Advance(3 * time.Second)
	rep, ok := find(collect(jcToken), "ra-1")
	if !ok || rep.Text != "Se vedhæftede ZXREPLY" || len(rep.Attachments) != 2 {
		t.Fatalf("collected %+v", rep)
	}
	a := rep.Attachments[0]
	if a.Name != "første.pdf" || a.ContentType != "application/pdf" || a.Size != int64(len(tinyPDF)) {
		t.Errorf("the file's metadata %+v", a)
	}
	if r := c.do("GET", a.Path, nil, "Authorization", jcToken); r.status != 200 || !bytes.Equal(r.body, tinyPDF) ||
		r.header.Get("Content-Disposition") == "" || r.header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("the sender's download: %d %v", r.status, r.header)
	}
	for _, tok := range []string{akToken, starToken} {
		if r := c.do("GET", a.Path, nil, "Authorization", tok); r.status != 404 {
			t.Errorf("%s fetched another sender's answer's file: %d", tok, r.status)
		}
	}

	// Sent without the file that did not come.
	m2 := send("ra-2")
	mads.decode(mads.do("POST", shared.MessageReplyPath(m2.ID), shared.MessageReplyInput{Text: "Uden fil", Files: 1}), 200, &got)
	answered(mads.do("POST", shared.MessageReplySendPath(m2.ID), nil))
	got = answered(mads.do("POST", shared.MessageReplySendPath(m2.ID), nil)) // again: nothing changes
	if got.Reply.Pending != 0 {
		t.Errorf("sent without its file: %+v", got.Reply)
	}
	env.clock.Advance(3 * time.Second)
	if rep, ok := find(collect(jcToken), "ra-2"); !ok || len(rep.Attachments) != 0 {
		t.Errorf("the answer sent without its file: %+v %v", rep, ok)
	}

	// Abandoned: collected once it has waited shared.MessageReplyFilesWait.
	m3 := send("ra-3")
	mads.decode(mads.do("POST", shared.MessageReplyPath(m3.ID), shared.MessageReplyInput{Text: "Glemt", Files: 1}), 200, &got)
	env.clock.Advance(shared.MessageReplyFilesWait - time.Second)
	if _, ok := find(collect(jcToken), "ra-3"); ok {
		t.Error("collected before the wait")
	}
	env.clock.Advance(2 * time.Second)
	collect(jcToken) // makes it ready
	env.clock.Advance(3 * time.Second)
	if _, ok := find(collect(jcToken), "ra-3"); !ok {
		t.Error("an abandoned answer never collected")
	}
	mads.loginCitizen("mads") // the session went idle while the answer waited
	if r := upload(mads, m3.ID, "sent.pdf", tinyPDF); r.status != 400 {
		t.Errorf("a file after the wait: %d", r.status)
	}
}

// TestWithdrawMessage: the sender withdraws a group message — an unread
// copy is gone, a read one stays as "trukket tilbage" without its content
// and files; the answer stays; a retry is a duplicate; another sender's or
// an unknown message is not found.
func TestWithdrawMessage(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	mads, louise := env.client(), env.client()
	mads.loginCitizen("mads")
	louise.loginCitizen("louise")
	withdraw := func(id, tok string) response {
		return c.do("POST", "/api/ingest/v1/messages/withdraw", ingestv1.MessageWithdrawal{MessageID: id}, "Authorization", tok)
	}
	in := ingestv1.Message{MessageID: "w-1", CPRs: []string{cprMads, cprLouise}, Sender: "STAR", Subject: "Fejlsendt ZXWITHDRAWN",
		Body: "Hemmeligt ZXWBODY", Answerable: true, Attachments: []ingestv1.Attachment{{Name: "brev.pdf", Content: tinyPDF}}}
	c.decode(c.do("POST", "/api/ingest/v1/messages", in, "Authorization", starToken), 200, nil)
	m, _ := messageBySubject(mads.messages(), in.Subject)
	mads.decode(mads.do("POST", shared.MessageReplyPath(m.ID), shared.MessageReplyInput{Text: "Mit svar ZXWREPLY"}), 200, nil)

	if r := withdraw("w-1", jcToken); r.status != 404 {
		t.Errorf("another sender withdrew STAR's message: %d", r.status)
	}
	if r := withdraw("nope", starToken); r.status != 404 {
		t.Errorf("an unknown message: %d", r.status)
	}
	var rec ingestv1.Receipt
	c.decode(withdraw("w-1", starToken), 200, &rec)
	if rec.Duplicate {
		t.Error("first withdrawal a duplicate")
	}
	c.decode(withdraw("w-1", starToken), 200, &rec)
	if !rec.Duplicate {
		t.Error("a retried withdrawal not a duplicate")
	}
	for _, got := range louise.messages() {
		if got.Subject == in.Subject || got.Withdrawn {
			t.Errorf("Louise's unread copy stayed: %+v", got)
		}
	}
	i := slices.IndexFunc(mads.messages(), func(x shared.Message) bool { return x.ID == m.ID })
	if i < 0 {
		t.Fatal("Mads' read copy is gone; it should stay as withdrawn")
	}
	got := mads.messages()[i]
	if !got.Withdrawn || got.Subject != "" || got.Body != "" || len(got.Attachments) != 0 || got.Reply == nil || got.Reply.Text != "Mit svar ZXWREPLY" {
		t.Errorf("Mads' withdrawn copy: %+v", got)
	}
	if n := attachmentRows(t, env, "star", "w-1"); n != 0 {
		t.Errorf("a withdrawn message's file stayed: %d", n)
	}
	r := mads.do("GET", shared.APIMessages, nil)
	if bytes.Contains(r.body, []byte("ZXWBODY")) || bytes.Contains(r.body, []byte("ZXWITHDRAWN")) {
		t.Errorf("the withdrawn content is still served: %s", r.body)
	}
	// Answering a withdrawn message is refused.
	in2 := ingestv1.Message{MessageID: "w-2", CPR: cprMads, Sender: "STAR", Subject: "Kan besvares ZXW2", Body: "b", Answerable: true}
	c.decode(c.do("POST", "/api/ingest/v1/messages", in2, "Authorization", starToken), 200, nil)
	m2, _ := messageBySubject(mads.messages(), in2.Subject)
	mads.decode(mads.do("POST", shared.MessageReadPath(m2.ID), nil), 200, nil)
	c.decode(withdraw("w-2", starToken), 200, nil)
	if r := mads.do("POST", shared.MessageReplyPath(m2.ID), shared.MessageReplyInput{Text: "for sent"}); r.status != 400 {
		t.Errorf("an answer to a withdrawn message: %d %s", r.status, r.body)
	}
}
