package app

import (
	"context"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// beskedPage is one message (000 Billede 21): "Besked fra …", "←
// TILBAGE", "Fra: Sagsbehandler", the long date, then the message, and
// for a "Kan besvares" message the citizen's answer or the form to give
// it. Opening it marks it read, by an explicit POST from the citizen's own
// session once the message is shown; a caseworker's look sends nothing
// (and the server would refuse it). A letter the a-kasse is no party to
// shows the brevhemmelighed text instead of its content.
type beskedPage struct {
	app.Compo
	load pageLoad
	box  shared.Messages
	sess shared.Session
	id   string

	marking bool
	reply   shared.MessageReplyInput
	form    formState
	sent    bool
	// The answer's files (besked_files.go): chosen, not yet sent; the
	// file field's message; a file being read or the files being sent.
	files   []api.File
	fileMsg string
	reading bool
	sending bool
}

func newBeskedPage() *beskedPage { return &beskedPage{} }

func (p *beskedPage) OnMount(ctx app.Context) {
	ctx.ObserveState(stateSession, &p.sess).OnChange(func() { p.markRead(ctx) })
}

func (p *beskedPage) OnNav(ctx app.Context) {
	p.id = ctx.Page().URL().Query().Get("id")
	p.marking, p.sent, p.form, p.reply = false, false, formState{}, shared.MessageReplyInput{}
	p.files, p.fileMsg, p.reading, p.sending = nil, "", false, false
	fetchThen(ctx, &p.load, api.Messages, &p.box, p.markRead)
}

// message is the shown message, false when the citizen has none by the id.
func (p *beskedPage) message() (shared.Message, bool) {
	for _, m := range p.box.Messages {
		if m.ID == p.id {
			return m, true
		}
	}
	return shared.Message{}, false
}

func (p *beskedPage) setMessage(m shared.Message) {
	for i := range p.box.Messages {
		if p.box.Messages[i].ID == m.ID {
			p.box.Messages[i] = m
		}
	}
}

// markRead tells the server the citizen has opened the message: once the
// message and the session are both known, for the citizen's own session
// only.
func (p *beskedPage) markRead(ctx app.Context) {
	m, ok := p.message()
	if app.IsServer || p.load.st != loaded || !ok || m.Read || p.marking || !p.sess.Actor.MayWrite() {
		return
	}
	p.marking = true
	ctx.Async(func() {
		got, err := api.MarkMessageRead(ctx, m.ID)
		ctx.Dispatch(func(ctx app.Context) {
			if err == nil {
				p.setMessage(got)
			}
		})
	})
}

func (p *beskedPage) Render() app.UI {
	title := "Besked"
	if m, ok := p.message(); ok {
		title = m.From()
	}
	return newShell().Title(title).Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Planer og aftaler", "Min beskedbakke"),
		app.P().Body(app.A().ID("besked-back").Class("jobnet-besked-back").Href(pathBeskedbakke).Text("← TILBAGE")),
		p.load.view(ui.Waiting("Henter beskeden …"), func() app.UI {
			m, ok := p.message()
			if !ok {
				return ui.ErrorAlert(shared.ErrorMessageOf(shared.ErrMessageNotFound()))
			}
			return p.renderMessage(m)
		}),
	)
}

func (p *beskedPage) renderMessage(m shared.Message) app.UI {
	withheld := m.Subject == "" && m.Body == shared.MsgLetterSecrecy
	return app.Article().ID("besked-view").Class("jobnet-besked").Body(
		app.H1().ID("besked-heading").Text(m.From()),
		app.P().Class("jobnet-besked-sentby").Body(
			app.Span().ID("besked-sender").Text("Fra: "+m.SentBy()),
			app.Br(),
			app.Time().ID("besked-date").DateTime(m.Sent.Format("2006-01-02")).Text(shared.DateOf(m.Sent).DanishLong()),
		),
		app.If(withheld, func() app.UI {
			return app.Div().ID("besked-withheld").Body(ui.InfoAlert(shared.MsgLetterSecrecy))
		}).ElseIf(m.Withdrawn, func() app.UI {
			return app.Div().Body(
				app.Div().ID("besked-withdrawn").Body(ui.InfoAlert(shared.MsgMessageWithdrawn)),
				p.renderReply(m),
			)
		}).Else(func() app.UI {
			return app.Div().Body(
				app.If(m.Important, func() app.UI {
					return app.P().ID("besked-important").Class("jobnet-besked-important").Body(
						app.Span().Class("jobnet-tag jobnet-tag-important").Text("Vigtig"),
						app.Text(" Beskeden er markeret som vigtig."),
					)
				}),
				app.H2().ID("besked-subject").Class("h3").Text(m.Subject),
				app.Div().ID("besked-body").Class("jobnet-besked-body").Text(m.Body),
				attachmentList("besked-attachments", "Vedhæftede filer", m.Attachments, func(id int64) string {
					return shared.MessageAttachmentPath(m.ID, id)
				}),
				p.renderReply(m),
			)
		}),
	)
}

// renderReply is the answer to a "Kan besvares" message: the one given,
// or for the citizen the form; a caseworker is told it can be answered.
func (p *beskedPage) renderReply(m shared.Message) app.UI {
	if !m.Answerable || (m.Withdrawn && m.Reply == nil) {
		return nil
	}
	if m.Reply != nil {
		return app.Section().ID("besked-reply").Class("jobnet-besked-reply").Aria("labelledby", "besked-reply-heading").Body(
			app.H2().ID("besked-reply-heading").Class("h3").Text("Dit svar"),
			ui.Slot("jobnet-form-success", p.sent, func() app.UI { return ui.SuccessAlert("Dit svar er sendt.") }),
			app.P().Class("jobnet-besked-meta").Text("Sendt "+shared.DateOf(m.Reply.Sent).DanishLong()),
			app.Div().ID("besked-reply-text").Class("jobnet-besked-body").Text(m.Reply.Text),
			attachmentList("besked-reply-attachments", "Dine vedhæftede filer", m.Reply.Attachments, func(id int64) string {
				return shared.MessageReplyAttachmentPath(m.ID, id)
			}),
			p.renderMissingFiles(m),
		)
	}
	if !p.sess.Actor.MayWrite() {
		return app.P().ID("besked-answerable").Class("jobnet-besked-meta").Text("Beskeden kan besvares. Borgeren har ikke svaret endnu.")
	}
	ferr := p.form.ferr
	return app.Section().ID("besked-reply").Class("jobnet-besked-reply").Aria("labelledby", "besked-reply-heading").Body(
		app.H2().ID("besked-reply-heading").Class("h3").Text("Besvar beskeden"),
		ferr.summary(),
		app.Form().ID("besked-reply-form").NoValidate(true).OnSubmit(p.send).Body(
			ui.Field("besked-reply-text").Label("Dit svar").Rows(6).
				Hint("Du kan svare på beskeden én gang. Højst 4.000 tegn.").
				Value(p.reply.Text).Error(ferr.field(shared.FieldMessageReply)).
				OnInput(func(ctx app.Context, e app.Event) { p.reply.Text = ui.InputValue(ctx) }),
			p.renderFileField(),
			app.Button().Type("submit").ID("besked-reply-send").Class("button button-primary").Disabled(p.form.busy).Text("Send svar"),
		),
	)
}

func (p *beskedPage) send(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if p.reading {
		return
	}
	in := p.reply.Normalized()
	in.Files = len(p.files)
	files := p.files
	// The answer and then its files, in one Async: the form (whose
	// context this is) stays until the last has gone.
	send := func(ctx context.Context, r api.MessageReply) (sentReply, error) {
		m, err := api.ReplyToMessage(ctx, r)
		if err != nil {
			return sentReply{}, err
		}
		last, refused := uploadFiles(ctx, r.ID, files)
		if last != nil {
			m = *last
		}
		return sentReply{m, refused}, nil
	}
	submitChecked(ctx, &p.form, in.Check(), api.MessageReply{ID: p.id, In: in}, send, func(ctx app.Context, r sentReply) {
		p.setMessage(r.m)
		p.sent, p.files, p.fileMsg = true, nil, r.refused
		ui.FocusSoon(ctx, "besked-reply-heading")
	})
}

// sentReply is the answer as sent, and the reasons of the files the
// server refused.
type sentReply struct {
	m       shared.Message
	refused string
}
