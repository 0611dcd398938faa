package shared

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestProjectMessageAttachments: the a-kasse gets the files (and the
// answer's) of a letter it sent or is a party to; of any other, no file,
// and its JSON has no trace of one — a letter with files reads as one
// without. That the sender withdrew a letter is its content too.
func TestProjectMessageAttachments(t *testing.T) {
	file := []MessageAttachment{{ID: 7, Name: "ZXNAME.pdf", Type: DocPDF, Size: 1200}}
	reply := &MessageReply{Text: "svar", Attachments: []MessageAttachment{{ID: 8, Name: "ZXREPLYNAME.png", Type: DocPNG, Size: 10}}}
	msgs := []Message{
		{ID: "1", SenderOrg: "jc-101", Parties: []string{"ak-dfh"}, Subject: "s", Body: "b", Answerable: true, Attachments: file, Reply: reply},
		{ID: "2", SenderOrg: "ak-dfh", Subject: "s", Body: "b", Attachments: file, Withdrawn: true},
		{ID: "3", SenderOrg: "jc-101", Subject: "s", Body: "b", Answerable: true, Attachments: file, Reply: reply, Withdrawn: true},
	}
	without := Message{ID: "3", SenderOrg: "jc-101", Subject: "s", Body: "b"}
	got := ProjectMessagesForAKasse(Messages{Messages: msgs}, "ak-dfh").Messages
	if len(got[0].Attachments) != 1 || got[0].Reply == nil || len(got[0].Reply.Attachments) != 1 {
		t.Errorf("the party's letter: %+v", got[0])
	}
	if len(got[1].Attachments) != 1 || !got[1].Withdrawn {
		t.Errorf("the a-kasse's own letter: %+v", got[1])
	}
	withheld, _ := json.Marshal(got[2])
	plain, _ := json.Marshal(ProjectMessagesForAKasse(Messages{Messages: []Message{without}}, "ak-dfh").Messages[0])
	if string(withheld) != string(plain) {
		t.Errorf("a withheld letter with files reads otherwise than one without:\n%s\n%s", withheld, plain)
	}
	if strings.Contains(string(withheld), "ZXNAME") || strings.Contains(string(withheld), "ZXREPLYNAME") {
		t.Errorf("a withheld letter's file: %s", withheld)
	}
	// The projection copies: changing it leaves the citizen's data.
	got[0].Attachments[0].Name = "changed"
	if msgs[0].Attachments[0].Name != "ZXNAME.pdf" {
		t.Error("the projection shares the citizen's files")
	}
	if !AKasseMayOpen(msgs[0], "ak-dfh") || AKasseMayOpen(msgs[2], "ak-dfh") || AKasseMayOpen(msgs[0], "") {
		t.Error("AKasseMayOpen")
	}
}

// TestAttachmentRefused: a case system's refused file is named, at its
// place, with the document rule's reason.
func TestAttachmentRefused(t *testing.T) {
	err := AttachmentRefused(2, "virus.exe", documentError(FieldJoblogDocument, MsgDocumentType)).(*Error)
	if err.Code != EInvalid || err.FieldMessage("attachments[2]") != MsgDocumentType || !strings.Contains(err.Message, `"virus.exe"`) {
		t.Errorf("%+v", err)
	}
	if (MessageAttachment{Type: DocDOCX, Size: 4_200_000}).Label() != "Word, 4,2 MB" {
		t.Error("Label")
	}
}
