package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"net/http"
	"strconv"
	"time"

	"github.com/uptrace/bun"

	"jobnet/server/ingestv1"
	"jobnet/server/storage"
	"jobnet/shared"
)

// Min beskedbakke (SPEC D6, K4). The citizen reads, is marked as having
// read, and answers; the jobcenter sees it all and changes nothing; the
// a-kasse sees the list with sender, date and read state and the content
// of the letters it is a party to only (shared.projectMessages), applied
// here before anything is encoded. Opening a message is a GET of the list
// and then, from the citizen's own session only, an explicit POST that
// marks it read (README "No durable write on a read"): the app does not
// send it in a mirror session, and the route table refuses it there.

// loadMessages is the citizen's Beskedbakke, dated in Danish time.
func loadMessages(req *citizenRequest) (shared.Messages, error) {
	m, err := req.citizen.Messages(req.ctx())
	if err != nil {
		return m, err
	}
	for i := range m.Messages {
		inLoc(req, &m.Messages[i])
	}
	return m, nil
}

func inLoc(req *citizenRequest, m *shared.Message) {
	m.Sent = m.Sent.In(req.loc)
	if m.Reply != nil {
		m.Reply.Sent = m.Reply.Sent.In(req.loc)
	}
}

// messagesForCitizen: the Beskedbakke whole (the citizen, the jobcenter).
func messagesForCitizen(_ *citizenRequest, m shared.Messages) (shared.Messages, error) { return m, nil }

// messagesForAKasse: letter secrecy for the messages the a-kasse is no
// party to (000 5.4, Billede 21).
func messagesForAKasse(req *citizenRequest, m shared.Messages) (shared.AKasseMessages, error) {
	return shared.ProjectMessagesForAKasse(m, akasseCode(req)), nil
}

// akasseCode is the a-kasse caseworker's organisation; "" (party to
// nothing) for anyone else.
func akasseCode(req *citizenRequest) string {
	if a := req.sess.actor; a.Role == shared.RoleAKasse && a.Organisation != nil {
		return a.Organisation.Code
	}
	return ""
}

// handleMessageRead: POST /api/messages/{id}/read — the citizen opened the
// message.
func handleMessageRead(req *citizenRequest) (shared.Message, error) {
	id, err := idInPath(req.r, shared.ErrMessageNotFound)
	if err != nil {
		return shared.Message{}, err
	}
	m, err := req.citizen.MarkMessageRead(req.ctx(), id, req.now)
	inLoc(req, &m)
	return m, err
}

// handleMessageReply: POST /api/messages/{id}/reply — the citizen's one
// answer to a "Kan besvares" message, judged by shared's rules.
func handleMessageReply(req *citizenRequest) (shared.Message, error) {
	id, err := idInPath(req.r, shared.ErrMessageNotFound)
	if err != nil {
		return shared.Message{}, err
	}
	var in shared.MessageReplyInput
	if err := decode(req.r, &in); err != nil {
		return shared.Message{}, err
	}
	in = in.Normalized()
	if err := in.Check(); err != nil {
		return shared.Message{}, err
	}
	m, err := req.citizen.ReplyToMessage(req.ctx(), id, in, req.now)
	inLoc(req, &m)
	return m, err
}

// handleIngestMessage: POST /api/ingest/v1/messages — a jobcenter, an
// a-kasse or STAR sends a message to one citizen or to a group
// (ingestv1.Message). A jobcenter or an a-kasse writes to its own
// citizens only; STAR, which writes to citizens across the country, to
// anyone.
func handleIngestMessage(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.Message
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	field := "cpr"
	switch {
	case in.CPR != "" && len(in.CPRs) > 0:
		return ingestv1.Receipt{}, &shared.Error{Code: shared.EInvalid, Message: "Oplysningerne er ikke udfyldt korrekt.",
			Fields: []shared.FieldError{{Field: "cprs", Message: "Angiv enten cpr (én borger) eller cprs (en gruppe), ikke begge."}}}
	case in.CPR == "" && len(in.CPRs) == 0:
		return ingestv1.Receipt{}, &shared.Error{Code: shared.EInvalid, Message: "Oplysningerne er ikke udfyldt korrekt.",
			Fields: []shared.FieldError{{Field: "cpr", Message: "Angiv cpr (én borger) eller cprs (en gruppe)."}}}
	case in.CPR == "":
		field = "cprs"
	}
	// The CPR numbers are written back in their one form first, so that a
	// retry written either way is the same message (see ingest).
	canon := func(s string) shared.CPR {
		c, _ := shared.ParseCPR(s) // valid: checked by decode
		return c
	}
	if in.CPR != "" {
		in.CPR = string(canon(in.CPR))
	}
	for i, s := range in.CPRs {
		in.CPRs[i] = string(canon(s))
	}
	var cprs []shared.CPR
	seen := map[shared.CPR]bool{}
	for _, s := range in.Recipients() {
		if c := shared.CPR(s); !seen[c] {
			seen[c] = true
			cprs = append(cprs, c)
		}
	}
	if in.Employer != nil && req.org.Kind != shared.OrgSTAR {
		return ingestv1.Receipt{}, &shared.Error{Code: shared.EInvalid, Message: "Oplysningerne er ikke udfyldt korrekt.",
			Fields: []shared.FieldError{{Field: "employer", Message: "Kun Jobnet for virksomheder (STAR) sender beskeder fra arbejdsgivere."}}}
	}
	if err := req.store.CheckParties(req.ctx(), in.Parties); err != nil {
		return ingestv1.Receipt{}, err
	}
	files, claim, err := judgeAttachments(in)
	if err != nil {
		return ingestv1.Receipt{}, err
	}
	msg := storage.MessageIn{Sender: in.Sender, Parties: in.Parties, Subject: in.Subject, Body: in.Body,
		Important: in.Important, Answerable: in.Answerable, Employer: in.Employer}
	dup, err := req.store.IngestGroup(req.ctx(), storage.Message{Org: req.org, MessageID: "message:" + in.MessageID, Body: claim,
		OwnCitizensOnly: req.policy.OwnCitizensOnly && req.org.Kind != shared.OrgSTAR, Now: req.now}, field, cprs,
		func(ctx context.Context, tx bun.IDB) error {
			return storage.StoreMessageFiles(ctx, tx, req.org.Code, in.MessageID, files, req.now)
		},
		func(ctx context.Context, c storage.Citizen, _ shared.Citizen) error {
			return c.IngestMessage(ctx, req.org.Code, in.MessageID, msg, req.now)
		})
	return ingestv1.Receipt{MessageID: in.MessageID, Duplicate: dup}, err
}

// claimedMessage is what a message's retry is told by (storage.Message's
// Body): the message with each file's content replaced by its SHA-256, so
// that the claim hashes a few bytes a file instead of encoding up to 20 MB
// again.
type claimedMessage struct {
	*ingestv1.Message
	Attachments []claimedAttachment `json:"attachments,omitempty"`
}

type claimedAttachment struct {
	Name   string `json:"name"`
	SHA256 []byte `json:"sha256"`
}

// judgeAttachments judges a message's files by the Joblog's document rules
// (shared.JudgeDocument: the type from the content, at most 10 MB each),
// within shared.MessageAttachmentsMaxBytes together; the first refused
// refuses the message, named at its field attachments[i]. It answers the
// files as judged and named, and the message as its retry is told by.
func judgeAttachments(in ingestv1.Message) ([]storage.MessageFile, claimedMessage, error) {
	claim := claimedMessage{Message: &in}
	var files []storage.MessageFile
	total := 0
	for i, a := range in.Attachments {
		typ, err := shared.JudgeDocument(bytes.NewReader(a.Content), int64(len(a.Content)))
		if err != nil {
			return nil, claim, shared.AttachmentRefused(i, a.Name, err)
		}
		if total += len(a.Content); total > shared.MessageAttachmentsMaxBytes {
			return nil, claim, shared.ErrAttachmentsTooBig()
		}
		sum := sha256.Sum256(a.Content)
		claim.Attachments = append(claim.Attachments, claimedAttachment{Name: a.Name, SHA256: sum[:]})
		files = append(files, storage.MessageFile{Name: shared.CleanDocumentName(a.Name, typ), Type: typ, Content: a.Content})
	}
	return files, claim, nil
}

// maxIngestMessageBytes bounds a message's request: its files in base64
// (4 bytes for 3) and the rest of an ingestion request.
const maxIngestMessageBytes = shared.MessageAttachmentsMaxBytes/3*4 + maxIngestBytes

// handleIngestMessageWithdraw: POST /api/ingest/v1/messages/withdraw — the
// sender takes back a message it sent, from every recipient
// (storage.WithdrawMessage); a retry is a duplicate and changes nothing.
func handleIngestMessageWithdraw(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.MessageWithdrawal
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	dup, err := req.store.IngestGroup(req.ctx(), storage.Message{Org: req.org, MessageID: "message-withdraw:" + in.MessageID, Body: &in, Now: req.now},
		"message_id", nil, func(ctx context.Context, tx bun.IDB) error {
			return storage.WithdrawMessage(ctx, tx, req.org.Code, in.MessageID, req.now)
		}, nil)
	return ingestv1.Receipt{MessageID: in.MessageID, Duplicate: dup}, err
}

// handleMessageReplies: GET /api/ingest/v1/message-replies?after=N — the
// sender's case system collects the answers to its "Kan besvares"
// messages, in the order answered, up to 1,000 at a time; the next call
// passes the last seq as after.
func handleMessageReplies(req *ingestRequest) ([]ingestv1.MessageReply, error) {
	load := func(ctx context.Context, org string, after int64, until time.Time, limit int) ([]storage.MessageReplySent, error) {
		return req.store.MessageReplies(ctx, org, after, until, req.now, limit)
	}
	return collect(req, load, func(s storage.MessageReplySent) ingestv1.MessageReply {
		r := ingestv1.MessageReply{Seq: s.Seq, MessageID: s.MessageID, CPR: s.CPR, Text: s.Text, SentAt: s.SentAt,
			Attachments: []ingestv1.ReplyAttachment{}}
		for _, a := range s.Attachments {
			r.Attachments = append(r.Attachments, ingestv1.ReplyAttachment{ID: a.ID, Name: a.Name, ContentType: a.Type.ContentType(), Size: a.Size,
				Path: replyAttachmentForSenderPath(s.Seq, a.ID)})
		}
		return r
	})
}

// apiReplyAttachmentForSender is where the sender's system fetches a file
// of an answer, by the answer's seq.
const apiReplyAttachmentForSender = "/api/ingest/v1/message-replies/{seq}/attachments/{file}"

func replyAttachmentForSenderPath(seq, file int64) string {
	return "/api/ingest/v1/message-replies/" + strconv.FormatInt(seq, 10) + "/attachments/" + strconv.FormatInt(file, 10)
}

// handleReplyAttachmentForSender: GET
// /api/ingest/v1/message-replies/{seq}/attachments/{file} — the sender's
// system fetches a file of an answer to its own message; another
// organisation's answer is not found.
func handleReplyAttachmentForSender(req *ingestRequest) (shared.File, error) {
	seq, err := numberInPath(req.r, "seq", shared.ErrMessageAttachmentNotFound)
	if err != nil {
		return shared.File{}, err
	}
	file, err := fileInPath(req.r)
	if err != nil {
		return shared.File{}, err
	}
	return req.store.ReplyAttachmentForSender(req.ctx(), req.org.Code, seq, file)
}

// fileInPath is the {file} of a message's file's route.
func fileInPath(r *http.Request) (int64, error) {
	return numberInPath(r, "file", shared.ErrMessageAttachmentNotFound)
}

// The files of a message and of the answer, read by the citizen, the
// jobcenter and, of a letter it is a party to only, the a-kasse: the
// message is loaded first, and the a-kasse is refused before the file is
// looked for (shared/message_attachments.go).

// loadFileMessage is the message of a file's route.
func loadFileMessage(req *citizenRequest) (shared.Message, error) {
	id, err := idInPath(req.r, shared.ErrMessageNotFound)
	if err != nil {
		return shared.Message{}, err
	}
	return req.citizen.Message(req.ctx(), id)
}

// messageFileRoute: GET /api/messages/{id}/attachments/{file} (the
// sender's, read by storage.Citizen.MessageAttachmentFile) and GET
// /api/messages/{id}/reply/attachments/{file} (the answer's), each a file
// as an attachment of its judged type; for the a-kasse, of a letter it is
// a party to only, and the brevhemmelighed refusal for any other.
func messageFileRoute(read func(c storage.Citizen, ctx context.Context, msgID, fileID int64) (shared.MessageAttachmentFile, error)) handle {
	full := func(req *citizenRequest, m shared.Message) (shared.MessageAttachmentFile, error) {
		file, err := fileInPath(req.r)
		if err != nil {
			return shared.MessageAttachmentFile{}, err
		}
		id, _ := strconv.ParseInt(m.ID, 10, 64)
		return read(req.citizen, req.ctx(), id, file)
	}
	akasse := func(req *citizenRequest, m shared.Message) (shared.MessageAttachmentFile, error) {
		if !shared.AKasseMayOpen(m, akasseCode(req)) {
			return shared.MessageAttachmentFile{}, shared.ErrLetterSecrecy()
		}
		return full(req, m)
	}
	return projectedHandler(loadFileMessage, full, akasse)
}

// handleAddReplyAttachment: POST /api/messages/{id}/reply/attachments?name=
// — one file of the citizen's saved answer, the file as the body; answers
// the message as it now is.
func handleAddReplyAttachment(req *citizenRequest) (shared.Message, error) {
	id, err := idInPath(req.r, shared.ErrMessageNotFound)
	if err != nil {
		return shared.Message{}, err
	}
	content, err := readDocument(req.r)
	if err != nil {
		return shared.Message{}, err
	}
	if _, err := req.citizen.AddReplyAttachment(req.ctx(), id, req.r.URL.Query().Get(shared.ParamFileName), content, req.now); err != nil {
		return shared.Message{}, err
	}
	m, err := req.citizen.Message(req.ctx(), id)
	inLoc(req, &m)
	return m, err
}

// handleSendReply: POST /api/messages/{id}/reply/send — "Send svaret uden
// flere filer": the answer goes to the sender without the files that did
// not come.
func handleSendReply(req *citizenRequest) (shared.Message, error) {
	id, err := idInPath(req.r, shared.ErrMessageNotFound)
	if err != nil {
		return shared.Message{}, err
	}
	m, err := req.citizen.SendReply(req.ctx(), id, req.now)
	inLoc(req, &m)
	return m, err
}
