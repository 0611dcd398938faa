package shared

import (
	"strconv"
	"time"
)

// Attachments in Min beskedbakke (SPEC D6; issue 13: "Kan besvares"
// messages take a reply "with attachments under the same document rules
// as the Joblog"; "attachments"). A case system's message carries files
// (server/ingestv1.Message.Attachments); the citizen's answer to a "Kan
// besvares" message may carry files too. Both are documents under the
// Joblog's rules (joblog_docs.go): PDF, Word (DOCX), ODT, PNG and JPEG,
// judged from the content alone (JudgeDocument), at most
// JoblogDocumentMaxBytes each, named by CleanDocumentName and served as
// attachments with their judged type.
//
// Decisions where the sources are silent:
//   - A message from a case system has at most MessageMaxAttachments (5)
//     files and MessageAttachmentsMaxBytes (20 MB) together: a letter with
//     its enclosures (a decision, a form, a leaflet); the whole request
//     must fit one JSON body. One refused file refuses the whole message,
//     named by its place (attachments[i]), so that a citizen never gets a
//     letter without the enclosure it speaks of.
//   - The citizen's answer has at most MessageReplyMaxFiles (5) files, as a
//     log has documents.
//   - The answer is saved first and its files sent after it, one call
//     each, the file itself as the body (as the Joblog's documents). The
//     answer says how many files will follow (MessageReplyInput.Files); the
//     sender's system collects it once the last has come, or once the
//     citizen sends it without the rest ("Send svaret uden flere filer"),
//     or at the latest MessageReplyFilesWait after it was saved, with the
//     files that came. So a collected answer is never missing a file that
//     arrives later; and an answer whose upload was abandoned still
//     reaches the sender.
//   - The sender's system collects the answer's files as metadata with a
//     download path (GET /api/ingest/v1/message-replies/{seq}/attachments/{file},
//     its own token), not inline: 1,000 answers with 5 files of 10 MB
//     each are no JSON answer.
//   - The a-kasse (000 5.4, Billede 21): of a message it is no party to it
//     gets no attachment, not its name, type or size, and not that there
//     is one: the list is left out as wholly as the subject, so a message
//     with files looks like one without (projectMessages). The download
//     route refuses it on the server before it looks at the file (not
//     found, with MsgLetterSecrecy), so an id it guesses tells nothing either. Of a
//     letter it is a party to it gets the files, the answer's too.

// Limits of a message's and an answer's files.
const (
	// MessageMaxAttachments is the most files a case system's message has.
	MessageMaxAttachments = 5
	// MessageAttachmentsMaxBytes is the most a message's files hold together.
	MessageAttachmentsMaxBytes = 20 << 20
	// MessageReplyMaxFiles is the most files the citizen's answer has.
	MessageReplyMaxFiles = 5
	// MessageReplyFilesWait is how long an answer waits for the files the
	// citizen announced before it is collected without them.
	MessageReplyFilesWait = 30 * time.Minute
)

// MessageAttachment is one file of a message or of the citizen's answer,
// without its content.
type MessageAttachment struct {
	ID int64 `json:"id"`
	// Name is the cleaned file name (CleanDocumentName).
	Name string       `json:"name"`
	Type DocumentType `json:"type"`
	Size int64        `json:"size"`
}

// Label is the type and size as the message shows them: "PDF, 12 kB".
func (a MessageAttachment) Label() string { return a.Type.Label() + ", " + SizeText(a.Size) }

// MessageAttachmentFile is a file as served: an attachment with its judged
// type. The a-kasse gets one only of a letter it is a party to.
type MessageAttachmentFile File

func (MessageAttachmentFile) akasseView() {}

// FieldMessageReplyFile is the answer's file field: the documents' field,
// where JudgeDocument and CheckDocumentSize put their messages.
const FieldMessageReplyFile = FieldJoblogDocument

// The messages of the answer's files.
const (
	MsgReplyFilesTooMany = "Du kan vedhæfte op til 5 filer til dit svar."
	// MessageReplyFilesHelp is the file field's help text.
	MessageReplyFilesHelp = "Frivilligt. Du kan vedhæfte PDF, Word (DOCX), ODT, PNG og JPEG. En fil må højst fylde 10 MB, og du kan vedhæfte op til 5 filer."
	// MsgMessageWithdrawn stands in the place of a message its sender
	// withdrew after the citizen had read it.
	MsgMessageWithdrawn = "Beskeden er trukket tilbage af afsenderen."
)

// ErrReplyFilesTooMany refuses a file beyond the answer's limit.
func ErrReplyFilesTooMany() error { return documentError(FieldMessageReplyFile, MsgReplyFilesTooMany) }

// ErrReplySent refuses a file for an answer that has gone to the sender.
func ErrReplySent() error {
	return documentError(FieldMessageReplyFile, "Dit svar er allerede sendt, så du kan ikke vedhæfte flere filer.")
}

// ErrMessageAttachmentNotFound answers a file the message does not have.
func ErrMessageAttachmentNotFound() error { return Errorf(ENotFound, "Filen findes ikke.") }

// ErrLetterSecrecy refuses the a-kasse a file of a letter it is no party
// to: not found, as a row the viewer may not see is (STYLE.md), with the
// brevhemmelighed text that says why.
func ErrLetterSecrecy() error { return Errorf(ENotFound, "%s", MsgLetterSecrecy) }

// AttachmentRefused is a case system's file refused at its place in the
// message (attachments[i]), with the document rule's reason.
func AttachmentRefused(i int, name string, reason error) error {
	field := "attachments[" + strconv.Itoa(i) + "]"
	msg := "Den vedhæftede fil " + strconv.Quote(name) + " kan ikke modtages: " + ErrorMessageOf(reason)
	return &Error{Code: EInvalid, Message: msg, Fields: []FieldError{{Field: field, Message: ErrorMessageOf(reason)}}}
}

// ErrAttachmentsTooBig refuses a message whose files hold too much together.
func ErrAttachmentsTooBig() error {
	msg := "De vedhæftede filer må tilsammen højst fylde 20 MB."
	return &Error{Code: EInvalid, Message: msg, Fields: []FieldError{{Field: "attachments", Message: msg}}}
}

// API paths of the files: a message's file (GET), the answer's files (POST
// …/reply/attachments?name=, the file as the body; GET one), and sending
// the answer without the files that did not come.
const (
	APIMessageAttachment       = "/api/messages/{id}/attachments/{file}"
	APIMessageReplyAttachments = "/api/messages/{id}/reply/attachments"
	APIMessageReplyAttachment  = "/api/messages/{id}/reply/attachments/{file}"
	APIMessageReplySend        = "/api/messages/{id}/reply/send"
	// ParamFileName is the upload's query parameter with the file's name.
	ParamFileName = "name"
)

// MessageAttachmentPath is APIMessageAttachment for one file.
func MessageAttachmentPath(msgID string, fileID int64) string {
	return APIMessages + "/" + msgID + "/attachments/" + strconv.FormatInt(fileID, 10)
}

// MessageReplyAttachmentsPath is APIMessageReplyAttachments for one message.
func MessageReplyAttachmentsPath(msgID string) string {
	return APIMessages + "/" + msgID + "/reply/attachments"
}

// MessageReplyAttachmentPath is APIMessageReplyAttachment for one file.
func MessageReplyAttachmentPath(msgID string, fileID int64) string {
	return MessageReplyAttachmentsPath(msgID) + "/" + strconv.FormatInt(fileID, 10)
}

// MessageReplySendPath is APIMessageReplySend for one message.
func MessageReplySendPath(msgID string) string { return APIMessages + "/" + msgID + "/reply/send" }
