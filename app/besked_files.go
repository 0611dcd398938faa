package app

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// The files of a message and of the citizen's answer
// (shared/message_attachments.go).
//
// How the answer's files reach the server: the citizen chooses them below
// the answer ("Tilføj fil" puts one on the list after the browser's checks,
// pickDocument) and presses "Send svar"; the answer is saved first, saying
// how many files follow, and then each file is sent, the File object
// itself as the body. A file the browser refuses never leaves the form,
// and the text stays as typed. A file the server refuses leaves the answer
// saved and waiting: the message says which file and why, and the citizen
// chooses another ("Send fil") or sends the answer without it ("Send
// svaret uden flere filer"); the sender collects it at the latest
// shared.MessageReplyFilesWait after it was saved.

// Element ids of the answer's file field.
const (
	idReplyFile    = "besked-reply-file"
	idReplyFileAdd = "besked-reply-file-add"
)

// attachmentList is a list of files, each a link that saves it (the server
// sends it as an attachment) with its type and size; nothing without
// files.
func attachmentList(id, heading string, files []shared.MessageAttachment, path func(int64) string) app.UI {
	if len(files) == 0 {
		return nil
	}
	return app.Section().ID(id).Class("jobnet-besked-files").Aria("labelledby", id+"-heading").Body(
		app.H3().ID(id+"-heading").Class("h4").Text(heading),
		app.Ul().Class("unstyled-list").Body(
			app.Range(files).Slice(func(i int) app.UI {
				f := files[i]
				fid := id + "-" + strconv.FormatInt(f.ID, 10)
				return app.Li().ID(fid).Class("jobnet-besked-file").Body(
					ui.Icon("attach-file", "jobnet-besked-file-icon"),
					app.Span().Class("jobnet-besked-file-name").Body(
						app.A().ID(fid+"-open").Href(path(f.ID)).Attr("download", f.Name).Text(f.Name),
						app.Span().Class("jobnet-besked-file-size").Text(" ("+f.Label()+")"),
					),
				)
			}),
		),
	)
}

// renderFileField is the answer's file field: the files chosen, each with
// "Fjern", and the field that adds one.
func (p *beskedPage) renderFileField() app.UI {
	return app.Div().Class(ui.FormGroupClass(p.fileMsg)).Body(
		app.Label().Class("form-label").For(idReplyFile).Text("Vedhæft filer"),
		app.Span().Class("form-hint").ID(idReplyFile+"-hint").Text(shared.MessageReplyFilesHelp),
		ui.FieldError(idReplyFile, p.fileMsg),
		p.fileInput(),
		app.If(len(p.files) > 0, func() app.UI {
			return app.Ul().ID("besked-reply-files").Class("unstyled-list jobnet-besked-files").Body(
				app.Range(p.files).Slice(func(i int) app.UI {
					f := p.files[i]
					id := "besked-reply-file-" + strconv.Itoa(i)
					return app.Li().ID(id).Class("jobnet-besked-file").Body(
						ui.Icon("attach-file", "jobnet-besked-file-icon"),
						app.Span().Class("jobnet-besked-file-name").Body(
							app.Text(f.Name),
							app.Span().Class("jobnet-besked-file-size").Text(" ("+shared.SizeText(f.Size)+")"),
						),
						app.Button().Type("button").ID(id+"-remove").Class("button button-tertiary").
							OnClick(func(ctx app.Context, e app.Event) {
								p.files = slices.Delete(p.files, i, i+1)
								ui.FocusByID(idReplyFile)
							}, app.EventScope(id)).
							Body(app.Text("Fjern"), app.Span().Class("sr-only").Text(" "+f.Name)),
					)
				}),
			)
		}),
		app.Button().Type("button").ID(idReplyFileAdd).Class("button button-secondary").Disabled(p.reading).
			OnClick(func(ctx app.Context, e app.Event) { p.addFile(ctx, shared.MessageReplyMaxFiles, false) }).Text("Tilføj fil"),
	)
}

func (p *beskedPage) fileInput() app.UI {
	in := app.Input().Type("file").ID(idReplyFile).Name(idReplyFile).Class("form-input jobnet-besked-file-input").
		Accept(documentAccept).Aria("describedby", idReplyFile+"-hint")
	if p.fileMsg != "" {
		in = in.Aria("describedby", idReplyFile+"-hint "+idReplyFile+"-error").Aria("invalid", "true")
	}
	return in
}

// addFile puts the chosen file on the answer's list, up to room files,
// after the browser's checks; sendNow sends it at once (to an answer that
// waits for files).
func (p *beskedPage) addFile(ctx app.Context, room int, sendNow bool) {
	if p.reading || p.sending {
		return
	}
	p.fileMsg = ""
	var full error
	if len(p.files) >= room {
		full = shared.ErrReplyFilesTooMany()
	}
	p.reading = true
	pickDocument(ctx, idReplyFile, "Vælg den fil, du vil vedhæfte.", full, func(ctx app.Context, f api.File, refusal string) {
		p.reading = false
		if refusal != "" {
			p.fileMsg = refusal
			ui.FocusByID(idReplyFile)
			return
		}
		p.files = append(p.files, f)
		if sendNow {
			p.sendFiles(ctx)
		}
	})
}

// sendFiles sends the chosen files to the saved answer, and keeps on the
// field the reasons of those the server refused.
func (p *beskedPage) sendFiles(ctx app.Context) {
	if len(p.files) == 0 || p.sending {
		return
	}
	files, id := p.files, p.id
	p.files, p.sending = nil, true
	ctx.Async(func() {
		last, refused := uploadFiles(ctx, id, files)
		ctx.Dispatch(func(ctx app.Context) {
			p.sending = false
			if last != nil {
				p.setMessage(*last)
			}
			p.fileMsg = refused
			if refused != "" {
				ui.FocusSoon(ctx, idReplyFile)
			}
		})
	})
}

// uploadFiles sends files to the saved answer to the message msgID, one
// call each; it answers the message as the last file left it (nil when
// none was taken) and the reasons of those the server refused. It runs in
// ctx.Async.
func uploadFiles(ctx context.Context, msgID string, files []api.File) (*shared.Message, string) {
	var refused []string
	var last *shared.Message
	for _, f := range files {
		m, err := api.UploadReplyAttachment(ctx, msgID, f)
		if err != nil {
			reason := shared.ErrorMessageOf(err)
			if se, ok := err.(*shared.Error); ok && se.FieldMessage(shared.FieldMessageReplyFile) != "" {
				reason = se.FieldMessage(shared.FieldMessageReplyFile)
			}
			refused = append(refused, "Filen \""+f.Name+"\" blev ikke sendt: "+reason)
			continue
		}
		last = &m
	}
	return last, strings.Join(refused, " ")
}

// renderMissingFiles is, for the citizen, an answer that waits for files
// the server refused or that never came: choose another, or send it
// without them.
func (p *beskedPage) renderMissingFiles(m shared.Message) app.UI {
	if m.Reply.Pending == 0 || !p.sess.Actor.MayWrite() {
		return nil
	}
	pending := m.Reply.Pending
	text := "Dit svar er gemt, men mangler 1 fil. Vælg en anden fil, eller send svaret uden den."
	if pending > 1 {
		text = "Dit svar er gemt, men mangler " + strconv.Itoa(pending) + " filer. Vælg andre filer, eller send svaret uden dem."
	}
	if p.sending {
		text = "Sender filen …"
	}
	// The buttons stay while a file is sent (disabled): the answer comes
	// back through their context, which must still be there.
	return app.Div().ID("besked-reply-missing").Class("jobnet-besked-missing").Body(
		app.P().ID("besked-reply-missing-text").Aria("live", "polite").Text(text),
		app.Div().Class(ui.FormGroupClass(p.fileMsg)).Body(
			app.Label().Class("form-label").For(idReplyFile).Text("Vælg fil"),
			app.Span().Class("form-hint").ID(idReplyFile+"-hint").Text(shared.MessageReplyFilesHelp),
			ui.FieldError(idReplyFile, p.fileMsg),
			p.fileInput(),
		),
		app.Button().Type("button").ID("besked-reply-file-send").Class("button button-secondary").Disabled(p.reading || p.sending).
			OnClick(func(ctx app.Context, e app.Event) { p.addFile(ctx, pending, true) }).Text("Send fil"),
		app.Button().Type("button").ID("besked-reply-send-without").Class("button button-tertiary").Disabled(p.reading || p.sending).
			OnClick(p.sendWithout).Text("Send svaret uden flere filer"),
	)
}

func (p *beskedPage) sendWithout(ctx app.Context, e app.Event) {
	if p.sending {
		return
	}
	p.sending = true
	id := p.id
	ctx.Async(func() {
		m, err := api.SendReply(ctx, id)
		ctx.Dispatch(func(ctx app.Context) {
			p.sending = false
			if err != nil {
				p.fileMsg = shared.ErrorMessageOf(err)
				return
			}
			p.fileMsg = ""
			p.setMessage(m)
			ui.FocusSoon(ctx, "besked-reply-heading")
		})
	})
}
