package httpapi

import (
	"context"

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
	m, err := req.citizen.ReplyToMessage(req.ctx(), id, in.Text, req.now)
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
	if err := req.store.CheckParties(req.ctx(), in.Parties); err != nil {
		return ingestv1.Receipt{}, err
	}
	msg := storage.MessageIn{Sender: in.Sender, Parties: in.Parties, Subject: in.Subject, Body: in.Body,
		Important: in.Important, Answerable: in.Answerable}
	dup, err := req.store.IngestGroup(req.ctx(), storage.Message{Org: req.org, MessageID: "message:" + in.MessageID, Body: &in,
		OwnCitizensOnly: req.policy.OwnCitizensOnly && req.org.Kind != shared.OrgSTAR, Now: req.now}, field, cprs,
		func(ctx context.Context, c storage.Citizen, _ shared.Citizen) error {
			return c.IngestMessage(ctx, req.org.Code, in.MessageID, msg, req.now)
		})
	return ingestv1.Receipt{MessageID: in.MessageID, Duplicate: dup}, err
}

// handleMessageReplies: GET /api/ingest/v1/message-replies?after=N — the
// sender's case system collects the answers to its "Kan besvares"
// messages, in the order answered, up to 1,000 at a time; the next call
// passes the last seq as after.
func handleMessageReplies(req *ingestRequest) ([]ingestv1.MessageReply, error) {
	return collect(req, req.store.MessageReplies, func(s storage.MessageReplySent) ingestv1.MessageReply {
		return ingestv1.MessageReply{Seq: s.Seq, MessageID: s.MessageID, CPR: s.CPR, Text: s.Text, SentAt: s.SentAt}
	})
}
