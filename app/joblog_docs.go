package app

import (
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// The Joblog form's fourth, optional section "Gem ansøgning, jobannonce og
// CV" (003_…txt «Joblog»; FEATURES.md 3) and the log view's list of
// documents.
//
// How a document reaches the server: the citizen picks its kind and file
// and presses "Tilføj dokument", which only puts it on the form's list;
// "Gem log" saves the log first and then sends each document to the saved
// log, one call each, the File object itself as the body (app/api), and
// removes those "Fjern" took off. Nothing changes before "Gem log", so
// "Annuller" leaves the log as it was. The browser refuses at once a file
// that is empty or over 10 MB, a sixth document, and one whose first bytes
// are none of the accepted types'; the server judges everything again, the
// type from the whole file (a ZIP's entries). When it refuses a file, the log is already saved: the form stays,
// now the saved log's, with every field as typed, the message at the file
// field, and the documents not yet sent still on the list.

// pendingDocument is a document on the form's list, not yet sent.
type pendingDocument struct {
	kind shared.JoblogDocumentKind
	file api.File
}

// joblogDocs is the form's documents: the saved log's, those taken off
// ("Fjern") and those to add, and the add row's kind and message.
type joblogDocs struct {
	saved   []shared.JoblogDocument
	removed []int64
	pending []pendingDocument
	kind    shared.JoblogDocumentKind
	ferr    formError
	reading bool // the chosen file's start is being read
}

// count is how many documents the log will have once saved.
func (d *joblogDocs) count() int { return len(d.saved) + len(d.pending) }

// Element ids of the section.
const (
	idJoblogDocuments   = "joblog-documents"
	idJoblogDocKind     = "joblog-document-kind"
	idJoblogDocFile     = "joblog-document"
	idJoblogDocAdd      = "joblog-document-add"
	idJoblogDocsHeading = "joblog-documents-heading"
)

// renderDocuments is the section in the form: the documents, each with
// "Fjern", and the row that adds one.
func (p *joblogFormPage) renderDocuments() app.UI {
	d := &p.docs
	msg := func(field string) string {
		if m := d.ferr.field(field); m != "" {
			return m
		}
		return p.state.ferr.field(field)
	}
	kindMsg, fileMsg := msg(shared.FieldJoblogDocumentKind), msg(shared.FieldJoblogDocument)
	kindSel := app.Select().ID(idJoblogDocKind).Class("form-select").
		OnChange(func(ctx app.Context, e app.Event) { d.kind = shared.JoblogDocumentKind(ui.InputValue(ctx)) }).Body(
		app.Option().Value("").Selected(d.kind == "").Text("Vælg"),
		app.Range(shared.JoblogDocumentKindOptions).Slice(func(i int) app.UI {
			o := shared.JoblogDocumentKindOptions[i]
			return app.Option().Value(o.Value).Selected(string(d.kind) == o.Value).Text(o.Label)
		}),
	)
	if kindMsg != "" {
		kindSel = kindSel.Aria("describedby", idJoblogDocKind+"-error").Aria("invalid", "true")
	}
	fileIn := app.Input().Type("file").ID(idJoblogDocFile).Name(idJoblogDocFile).Class("form-input jobnet-joblog-file").
		Accept(documentAccept).
		Aria("describedby", idJoblogDocFile+"-hint")
	if fileMsg != "" {
		fileIn = fileIn.Aria("describedby", idJoblogDocFile+"-hint "+idJoblogDocFile+"-error").Aria("invalid", "true")
	}
	var rows []app.UI
	for _, doc := range d.saved {
		rows = append(rows, p.documentRow("joblog-doc-"+strconv.FormatInt(doc.ID, 10), doc.KindLabel(), doc.Name, doc.Size, func(ctx app.Context) {
			d.saved = slices.DeleteFunc(d.saved, func(s shared.JoblogDocument) bool { return s.ID == doc.ID })
			d.removed = append(d.removed, doc.ID)
		}))
	}
	for i, f := range d.pending {
		rows = append(rows, p.documentRow("joblog-doc-new-"+strconv.Itoa(i), shared.OptionLabel(shared.JoblogDocumentKindOptions, string(f.kind)),
			f.file.Name, f.file.Size, func(ctx app.Context) { d.pending = slices.Delete(d.pending, i, i+1) }))
	}
	return app.Section().ID(idJoblogDocuments).Aria("labelledby", idJoblogDocsHeading).Body(
		app.H2().ID(idJoblogDocsHeading).Class("h3").Text("Gem ansøgning, jobannonce og CV"),
		app.P().Class("form-hint").Text("Frivilligt. Dokumenterne gemmes på loggen, når du trykker \"Gem log\"."),
		app.If(len(rows) > 0, func() app.UI {
			return app.Ul().ID("joblog-document-list").Class("unstyled-list jobnet-joblog-docs").Body(rows...)
		}),
		app.Div().Class(ui.FormGroupClass(kindMsg)).Body(
			app.Label().Class("form-label").For(idJoblogDocKind).Text("Type af dokument"),
			ui.FieldError(idJoblogDocKind, kindMsg),
			kindSel,
		),
		app.Div().Class(ui.FormGroupClass(fileMsg)).Body(
			app.Label().Class("form-label").For(idJoblogDocFile).Text("Vælg fil"),
			app.Span().Class("form-hint").ID(idJoblogDocFile+"-hint").Text(shared.JoblogDocumentsHelp),
			ui.FieldError(idJoblogDocFile, fileMsg),
			fileIn,
		),
		app.Button().Type("button").ID(idJoblogDocAdd).Class("button button-secondary").Disabled(d.reading).OnClick(p.addDocument).Text("Tilføj dokument"),
	)
}

// documentRow is one document on the form's list with its "Fjern".
func (p *joblogFormPage) documentRow(id, kind, name string, size int64, remove func(app.Context)) app.UI {
	return app.Li().ID(id).Class("jobnet-joblog-doc").Body(
		ui.Icon("attach-file", "jobnet-joblog-doc-icon"),
		app.Span().Class("jobnet-joblog-doc-name").Body(
			app.Strong().Text(kind+": "), app.Text(name), app.Span().Class("jobnet-joblog-doc-size").Text(" ("+shared.SizeText(size)+")")),
		app.Button().Type("button").ID(id+"-remove").Class("button button-tertiary").
			OnClick(func(ctx app.Context, e app.Event) {
				remove(ctx)
				ui.FocusByID(idJoblogDocKind)
			}, app.EventScope(id)).
			Body(app.Text("Fjern"), app.Span().Class("sr-only").Text(" "+name)),
	)
}

// addDocument puts the chosen file on the form's list, after the checks
// the browser can make: a kind, a file, not empty, at most 10 MB, room on
// the log, and a start that is one of the accepted types'
// (shared.JudgeDocumentHead), so that a program or a text file is refused
// here, before the log is saved.
func (p *joblogFormPage) addDocument(ctx app.Context, e app.Event) {
	d := &p.docs
	if d.reading {
		return
	}
	d.ferr = formError{}
	refuse := func(field, msg string) {
		d.ferr = formError{&shared.Error{Code: shared.EInvalid, Message: msg, Fields: []shared.FieldError{{Field: field, Message: msg}}}}
		ui.FocusByID(map[string]string{shared.FieldJoblogDocumentKind: idJoblogDocKind, shared.FieldJoblogDocument: idJoblogDocFile}[field])
	}
	if err := shared.CheckDocumentKind(d.kind); err != nil {
		refuse(shared.FieldJoblogDocumentKind, shared.MsgDocumentKind)
		return
	}
	var full error
	if d.count() >= shared.JoblogMaxDocuments {
		full = shared.ErrDocumentTooMany()
	}
	d.reading = true
	kind := d.kind
	pickDocument(ctx, idJoblogDocFile, "Vælg den fil, du vil gemme.", full, func(ctx app.Context, f api.File, refusal string) {
		d.reading = false
		if refusal != "" {
			refuse(shared.FieldJoblogDocument, refusal)
			return
		}
		d.pending = append(d.pending, pendingDocument{kind: kind, file: f})
		d.kind = ""
	})
}

// sendDocuments removes the documents "Fjern" took off and sends those
// added, to the saved log; it stops at the first refusal. It runs in
// ctx.Async and returns what was sent and the refusal.
func sendDocuments(ctx app.Context, logID int64, removed []int64, pending []pendingDocument) (sent []shared.JoblogDocument, gone int, err error) {
	for _, id := range removed {
		if err := api.RemoveJoblogDocument(ctx, logID, id); err != nil && shared.ErrorCodeOf(err) != shared.ENotFound {
			return nil, gone, err
		}
		gone++
	}
	for _, f := range pending {
		doc, err := api.UploadJoblogDocument(ctx, logID, f.kind, f.file)
		if err != nil {
			return sent, gone, err
		}
		sent = append(sent, doc)
	}
	return sent, gone, nil
}

// documentsRefused is the form's error when the log was saved and a
// document was not: the summary says so, the field says why.
func documentsRefused(name string, err error) formError {
	e := &shared.Error{Code: shared.ErrorCodeOf(err), Message: "Loggen er gemt, men dokumentet \"" + name + "\" blev ikke gemt."}
	if name == "" {
		e.Message = "Loggen er gemt, men dokumenterne blev ikke ændret."
	}
	field := shared.ErrorMessageOf(err)
	if se, ok := err.(*shared.Error); ok && se.FieldMessage(shared.FieldJoblogDocument) != "" {
		field = se.FieldMessage(shared.FieldJoblogDocument)
	}
	e.Fields = []shared.FieldError{{Field: shared.FieldJoblogDocument, Message: field}}
	return formError{e}
}

// renderDocumentLinks is the view's section: each document a link that
// opens it (the server sends it as an attachment).
func renderDocumentLinks(l shared.Joblog) app.UI {
	return app.Section().ID(idJoblogDocuments).Aria("labelledby", idJoblogDocsHeading).Body(
		app.H2().ID(idJoblogDocsHeading).Class("h3").Text("Gem ansøgning, jobannonce og CV"),
		app.If(len(l.DocumentList) == 0, func() app.UI {
			return app.P().ID("joblog-documents-none").Text("Der er ingen dokumenter på loggen.")
		}).Else(func() app.UI {
			return app.Ul().ID("joblog-document-list").Class("unstyled-list jobnet-joblog-docs").Body(
				app.Range(l.DocumentList).Slice(func(i int) app.UI {
					doc := l.DocumentList[i]
					id := "joblog-doc-" + strconv.FormatInt(doc.ID, 10)
					return app.Li().ID(id).Class("jobnet-joblog-doc").Body(
						ui.Icon("attach-file", "jobnet-joblog-doc-icon"),
						app.Span().Class("jobnet-joblog-doc-name").Body(
							app.Strong().Text(doc.KindLabel()+": "),
							app.A().ID(id+"-open").Href(shared.JoblogDocumentPath(l.ID, doc.ID)).Attr("download", doc.Name).Text(doc.Name),
							app.Span().Class("jobnet-joblog-doc-size").Text(" ("+doc.Type.Label()+", "+shared.SizeText(doc.Size)+")"),
						),
					)
				}),
			)
		}),
	)
}

// joblogClip is the list's paperclip of a log with documents [003: "hvor
// den enkelte log vil have en klips vist, som indikerer attachment"]: a
// link to the log's documents.
func joblogClip(l shared.JoblogListItem) app.UI {
	return app.A().ID(joblogItemID(l.ID)+"-documents").Class("jobnet-joblog-clip").Href(joblogViewPath(l.ID)+"#"+idJoblogDocuments).Body(
		ui.Icon("attach-file", ""),
		app.Span().Class("sr-only").Text("Har vedhæftede dokumenter: "+l.Title),
	)
}
