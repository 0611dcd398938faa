package api

import (
	"context"
	"net/url"

	"jobnet/shared"
)

// Messages is the Beskedbakke (GET /api/messages); the a-kasse's view
// reads as the same type.
func Messages(ctx context.Context) (shared.Messages, error) {
	return get[shared.Messages](ctx, shared.APIMessages)
}

// MarkMessageRead tells the server that the citizen opened the message
// (POST /api/messages/{id}/read). Never sent in a mirror session.
func MarkMessageRead(ctx context.Context, id string) (shared.Message, error) {
	return request[shared.Message](ctx, "POST", shared.MessageReadPath(id), nil)
}

// MessageReply is an answer to send.
type MessageReply struct {
	ID string
	In shared.MessageReplyInput
}

// ReplyToMessage sends the citizen's answer (POST /api/messages/{id}/reply).
func ReplyToMessage(ctx context.Context, r MessageReply) (shared.Message, error) {
	return request[shared.Message](ctx, "POST", shared.MessageReplyPath(r.ID), r.In)
}

// UploadReplyAttachment sends one file of the citizen's saved answer
// (POST /api/messages/{id}/reply/attachments?name=, the file as the body)
// and answers the message as it now is.
func UploadReplyAttachment(ctx context.Context, msgID string, f File) (shared.Message, error) {
	var m shared.Message
	q := url.Values{shared.ParamFileName: {f.Name}}
	return m, upload(ctx, shared.MessageReplyAttachmentsPath(msgID)+"?"+q.Encode(), f, &m)
}

// SendReply sends the answer without the files that did not come
// (POST /api/messages/{id}/reply/send).
func SendReply(ctx context.Context, msgID string) (shared.Message, error) {
	return request[shared.Message](ctx, "POST", shared.MessageReplySendPath(msgID), nil)
}
