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

// joblogFormPage is the form of a log: new ("LOG OM JOBSØGNING →", "LOG
// OM ANDEN AKTIVITET →") or edited (?id=). A log about a job has the
// sources' sections Om jobbet, Om arbejdspladsen and Om din jobsøgning
// (FEATURES.md 3) and, for both kinds, the optional "Gem ansøgning,
// jobannonce og CV" (joblog_docs.go); the title gets the taxonomy's suggestions from the third
// character and stays free text; postcode and city fill each other from
// the postcodes the server has; "Postnummer/by ikke kendt" asks for one of
// Find Job's areas. The form is judged by shared's rules here and again on
// the server, and keeps what was typed. A caseworker gets no form.
type joblogFormPage struct {
	app.Compo
	load   pageLoad
	places shared.JoblogPlaces
	sess   shared.Session

	id          int64 // 0: a new log
	form        shared.JoblogForm
	suggestions shared.Suggestions
	state       formState
	docs        joblogDocs
}

func newJoblogFormPage() *joblogFormPage { return &joblogFormPage{} }

func (p *joblogFormPage) OnMount(ctx app.Context) { ctx.ObserveState(stateSession, &p.sess) }

func (p *joblogFormPage) OnNav(ctx app.Context) {
	p.id, p.suggestions, p.state, p.docs = 0, nil, formState{}, joblogDocs{}
	u := ctx.Page().URL()
	p.form = shared.JoblogForm{Input: shared.JoblogInput{Kind: shared.JoblogJob, Country: shared.JoblogCountryDenmark,
		Status: shared.JoblogNotApplied}}
	if u.Path == pathJoblogNewActivity {
		p.form.Input = shared.JoblogInput{Kind: shared.JoblogActivity}
	}
	if adID, err := strconv.ParseInt(u.Query().Get("annonce"), 10, 64); err == nil && u.Path == pathJoblogNewJob {
		// "Opret joblog" from an ad: the form filled from it.
		var ad shared.JobAdView
		fetchThen(ctx, &p.load, func(c context.Context) (shared.JobAdView, error) { return api.JobAd(c, adID) }, &ad, func(ctx app.Context) {
			p.form = shared.JoblogForm{Input: shared.JoblogFromAd(ad)}
			if d := p.form.Input.Deadline; d != nil {
				p.form.Deadline = d.String()
			}
			if h := p.form.Input.WeeklyHours; h != nil {
				p.form.WeeklyHours = strconv.Itoa(*h)
			}
			fetchInto(ctx, &p.load, api.JoblogPlaces, &p.places)
		})
		return
	}
	if u.Path != pathJoblogEdit {
		fetchInto(ctx, &p.load, api.JoblogPlaces, &p.places)
		return
	}
	id, err := strconv.ParseInt(u.Query().Get("id"), 10, 64)
	if err != nil {
		p.load = pageLoad{st: loadingErr, err: shared.ErrJoblogNotFound()}
		return
	}
	p.id = id
	var l shared.Joblog
	fetchThen(ctx, &p.load, func(c context.Context) (shared.Joblog, error) { return api.Joblog(c, id) }, &l, func(ctx app.Context) {
		p.form = shared.JoblogFormOf(l)
		p.docs.saved = l.DocumentList
		fetchInto(ctx, &p.load, api.JoblogPlaces, &p.places)
	})
}

func (p *joblogFormPage) activity() bool { return p.form.Input.Kind == shared.JoblogActivity }

func (p *joblogFormPage) heading() string {
	switch {
	case p.id != 0:
		return "Redigér log"
	case p.activity():
		return "Log om anden aktivitet"
	}
	return "Log om jobsøgning"
}

func (p *joblogFormPage) Render() app.UI {
	return newShell().Title(p.heading()).Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Jobsøgning", "Joblog"),
		app.P().Body(app.A().ID("joblog-back").Href(pathJoblog).Text("← Tilbage til Joblog")),
		app.H1().Text(p.heading()),
		app.If(!p.sess.Actor.MayWrite() && p.sess.Actor.CitizenID != 0 && !app.IsServer, func() app.UI {
			return ui.InfoAlert("Du kan se borgerens logs, men ikke oprette eller ændre dem.")
		}).Else(func() app.UI {
			return p.load.view(ui.Waiting("Henter formularen …"), p.renderForm)
		}),
	)
}

// Element ids of the form.
const (
	idJoblogTitle = "joblog-title"
	idJoblogSave  = "joblog-save"
)

func (p *joblogFormPage) renderForm() app.UI {
	in := &p.form.Input
	ferr := p.state.ferr
	text := func(id, label, hint, field string, dst *string) app.UI {
		return ui.Field(id).Label(label).Hint(hint).Value(*dst).Error(ferr.field(field)).
			OnInput(func(ctx app.Context, e app.Event) { *dst = ui.InputValue(ctx) })
	}
	var body []app.UI
	if p.activity() {
		body = []app.UI{
			text(idJoblogTitle, "Hvad har du lavet? *", "Fx jobmesse, kaffemøde hos en virksomhed eller casting", shared.FieldJoblogTitle, &in.Title),
			ui.Field("joblog-date").Label("Dato *").Type("date").Value(p.form.Date).Error(ferr.field(shared.FieldJoblogDate)).
				OnInput(func(ctx app.Context, e app.Event) { p.form.Date = ui.InputValue(ctx) }),
			text("joblog-place", "Sted", "", "place", &in.Place),
			ui.Field("joblog-description").Label("Beskrivelse").Type("textarea").Rows(4).Value(in.Description).Error(ferr.field("description")).
				OnInput(func(ctx app.Context, e app.Event) { in.Description = ui.InputValue(ctx) }),
		}
	} else {
		body = []app.UI{p.renderJob(), p.renderWorkplace(), p.renderSearch()}
	}
	body = append(body, p.renderDocuments(),
		app.Div().Class("form-group-checkbox").Body(
			app.Input().Type("checkbox").ID("joblog-closed").Class("form-checkbox").Checked(in.Closed).
				OnChange(func(ctx app.Context, e app.Event) { in.Closed = ctx.JSSrc().Get("checked").Bool() }),
			app.Label().Class("form-label").For("joblog-closed").Text("Loggen er afsluttet"),
		),
		app.Div().Class("jobnet-joblog-buttons").Body(
			app.Button().Type("submit").ID(idJoblogSave).Class("button button-primary").Disabled(p.state.busy).Text("Gem log"),
			app.A().ID("joblog-cancel").Class("button button-secondary").Href(p.cancelHref()).Text("Annuller"),
		),
	)
	return app.Form().ID("joblog-form").Class("jobnet-joblog-form").Attr("novalidate", true).Aria("label", p.heading()).
		OnSubmit(p.submit).Body(append([]app.UI{ferr.summary(), app.P().Class("form-hint").Text("Felter markeret med * skal udfyldes.")}, body...)...)
}

func (p *joblogFormPage) cancelHref() string {
	if p.id != 0 {
		return joblogViewPath(p.id)
	}
	return pathJoblog
}

// renderJob is "Om jobbet".
func (p *joblogFormPage) renderJob() app.UI {
	in := &p.form.Input
	ferr := p.state.ferr
	options := make([]string, len(p.suggestions))
	for i, s := range p.suggestions {
		options[i] = s.Label
	}
	radio := func(o shared.Option) app.UI {
		id := "joblog-working-time-" + o.Value
		return app.Div().Class("form-group-radio").Body(
			app.Input().Type("radio").ID(id).Name("joblog-working-time").Class("form-radio").Value(o.Value).
				Checked(string(in.WorkingTime) == o.Value).
				OnChange(func(ctx app.Context, e app.Event) { in.WorkingTime = shared.WorkingTime(o.Value) }),
			app.Label().Class("form-label").For(id).Text(o.Label),
		)
	}
	return app.Section().Aria("labelledby", "joblog-job-heading").Body(
		app.H2().ID("joblog-job-heading").Class("h3").Text("Om jobbet"),
		ui.Combobox(idJoblogTitle).Label("Stilling/arbejdsområde *").
			Hint("Skriv stillingen. Fra 3 bogstaver foreslår vi stillinger, men du kan skrive frit.").
			Value(in.Title).Options(options).Error(ferr.field(shared.FieldJoblogTitle)).OnInput(p.typed).OnChoose(p.chose),
		ui.Fieldset("joblog-working-time").Legend("Arbejdstid *").Error(ferr.field(shared.FieldJoblogWorkingTime)).Body(
			radio(shared.WorkingTimeOptions[0]), radio(shared.WorkingTimeOptions[1]),
		),
		ui.Slot("jobnet-joblog-hours", in.WorkingTime == shared.PartTimeJob, func() app.UI {
			return ui.Field("joblog-weekly-hours").Label("Ugentligt timeantal *").InputMode("numeric").Value(p.form.WeeklyHours).
				Error(ferr.field(shared.FieldJoblogWeeklyHours)).
				OnInput(func(ctx app.Context, e app.Event) { p.form.WeeklyHours = ui.InputValue(ctx) })
		}),
		ui.Field("joblog-deadline").Label("Ansøgningsfrist").Type("date").Value(p.form.Deadline).
			Hint("Fristen må gerne ligge tilbage i tiden. Vælger du ingen dato, sætter vi fristen til "+
				shared.DefaultDeadline(shared.DateOf(api.Now())).Danish()+".").
			Error(ferr.field(shared.FieldJoblogDeadline)).
			OnInput(func(ctx app.Context, e app.Event) { p.form.Deadline = ui.InputValue(ctx) }),
	)
}

// renderWorkplace is "Om arbejdspladsen".
func (p *joblogFormPage) renderWorkplace() app.UI {
	in := &p.form.Input
	ferr := p.state.ferr
	text := func(id, label, hint, field string, dst *string) app.UI {
		return ui.Field(id).Label(label).Hint(hint).Value(*dst).Error(ferr.field(field)).
			OnInput(func(ctx app.Context, e app.Event) { *dst = ui.InputValue(ctx) })
	}
	denmark := strings.EqualFold(strings.TrimSpace(in.Country), shared.JoblogCountryDenmark) || strings.TrimSpace(in.Country) == ""
	return app.Section().Aria("labelledby", "joblog-workplace-heading").Body(
		app.H2().ID("joblog-workplace-heading").Class("h3").Text("Om arbejdspladsen"),
		text("joblog-company", "Virksomhed *", "", shared.FieldJoblogCompany, &in.Company),
		text("joblog-address", "Adresse", "Vej og husnummer", "address", &in.Address),
		text("joblog-country", "Land", "", "country", &in.Country),
		ui.Slot("jobnet-joblog-dk", denmark, func() app.UI {
			return app.Div().Body(
				app.Div().Class("form-group-checkbox").Body(
					app.Input().Type("checkbox").ID("joblog-place-unknown").Class("form-checkbox").Checked(in.PlaceUnknown).
						OnChange(func(ctx app.Context, e app.Event) { in.PlaceUnknown = ctx.JSSrc().Get("checked").Bool() }),
					app.Label().Class("form-label").For("joblog-place-unknown").Text("Postnummer/by ikke kendt"),
				),
				app.If(in.PlaceUnknown, func() app.UI { return p.renderArea() }).Else(func() app.UI {
					return app.Div().Class("jobnet-joblog-postcode").Body(
						ui.Field("joblog-postcode").Label("Postnummer *").InputMode("numeric").Autocomplete("off").Value(in.Postcode).
							Error(ferr.field(shared.FieldJoblogPostcode)).OnInput(p.typedPostcode),
						ui.Field("joblog-city").Label("By").Value(in.City).Error(ferr.field(shared.FieldJoblogCity)).OnInput(p.typedCity),
					)
				}),
			)
		}),
		text("joblog-contact", "Kontaktperson", "Navn, telefon eller e-mail", "contact", &in.Contact),
	)
}

// renderArea is the area of a workplace whose postcode is not known.
func (p *joblogFormPage) renderArea() app.UI {
	in := &p.form.Input
	msg := p.state.ferr.field(shared.FieldJoblogArea)
	sel := app.Select().ID("joblog-area").Class("form-select").OnChange(func(ctx app.Context, e app.Event) { in.Area = ui.InputValue(ctx) }).Body(
		app.Option().Value("").Selected(in.Area == "").Text("Vælg område"),
		app.Range(p.places.Areas).Slice(func(i int) app.UI {
			a := p.places.Areas[i]
			return app.Option().Value(a.Value).Selected(in.Area == a.Value).Text(a.Label)
		}),
	)
	if msg != "" {
		sel = sel.Aria("describedby", "joblog-area-error").Aria("invalid", "true")
	}
	return app.Div().Class(ui.FormGroupClass(msg)).Body(
		app.Label().Class("form-label").For("joblog-area").Text("Område *"),
		ui.FieldError("joblog-area", msg),
		sel,
	)
}

// typedPostcode fills the city from a known postcode.
func (p *joblogFormPage) typedPostcode(ctx app.Context, e app.Event) {
	in := &p.form.Input
	in.Postcode = strings.TrimSpace(ui.InputValue(ctx))
	if city := p.places.City(in.Postcode); city != "" {
		in.City = city
	}
}

// typedCity fills the postcode from a city with one postcode.
func (p *joblogFormPage) typedCity(ctx app.Context, e app.Event) {
	in := &p.form.Input
	in.City = ui.InputValue(ctx)
	if pc := p.places.PostcodeOf(in.City); pc != "" {
		in.Postcode = pc
	}
}

// renderSearch is "Om din jobsøgning".
func (p *joblogFormPage) renderSearch() app.UI {
	in := &p.form.Input
	ferr := p.state.ferr
	radio := func(o shared.Option) app.UI {
		id := "joblog-status-" + o.Value
		return app.Div().Class("form-group-radio").Body(
			app.Input().Type("radio").ID(id).Name("joblog-form-status").Class("form-radio").Value(o.Value).
				Checked(string(in.Status) == o.Value).
				OnChange(func(ctx app.Context, e app.Event) { in.Status = shared.JoblogStatus(o.Value) }),
			app.Label().Class("form-label").For(id).Text(o.Label),
		)
	}
	choice := func(id, label, field string, opts []shared.Option, dst *string) app.UI {
		msg := ferr.field(field)
		sel := app.Select().ID(id).Class("form-select").OnChange(func(ctx app.Context, e app.Event) { *dst = ui.InputValue(ctx) }).Body(
			app.Option().Value("").Selected(*dst == "").Text("Vælg"),
			app.Range(opts).Slice(func(i int) app.UI {
				return app.Option().Value(opts[i].Value).Selected(*dst == opts[i].Value).Text(opts[i].Label)
			}),
		)
		if msg != "" {
			sel = sel.Aria("describedby", id+"-error").Aria("invalid", "true")
		}
		return app.Div().Class(ui.FormGroupClass(msg)).Body(
			app.Label().Class("form-label").For(id).Text(label), ui.FieldError(id, msg), sel)
	}
	return app.Section().Aria("labelledby", "joblog-search-heading").Body(
		app.H2().ID("joblog-search-heading").Class("h3").Text("Om din jobsøgning"),
		ui.Fieldset("joblog-status").Legend("Status").Error(ferr.field(shared.FieldJoblogStatus)).Body(
			radio(shared.JoblogStatusOptions[0]), radio(shared.JoblogStatusOptions[1]), radio(shared.JoblogStatusOptions[2]),
		),
		choice("joblog-found-via", "Hvordan fandt du jobbet? *", shared.FieldJoblogFoundVia, shared.JoblogFoundViaOptions, &in.FoundVia),
		choice("joblog-apply-via", "Hvordan søger du jobbet? *", shared.FieldJoblogApplyVia, shared.JoblogApplyViaOptions, &in.ApplyVia),
	)
}

// typed asks for the suggestions of what is typed, from the third
// character; the text itself is the title, chosen or not.
func (p *joblogFormPage) typed(ctx app.Context, text string) {
	p.form.Input.Title = text
	if len([]rune(strings.TrimSpace(text))) < shared.SuggestMinChars {
		p.suggestions = nil
		return
	}
	ctx.Async(func() {
		s, err := api.SuggestOccupations(ctx, text)
		ctx.Dispatch(func(app.Context) {
			if err == nil && text == p.form.Input.Title {
				p.suggestions = s
			}
		})
	})
}

// chose takes suggestion i's title as the log's.
func (p *joblogFormPage) chose(ctx app.Context, i int) {
	if i < len(p.suggestions) {
		p.form.Input.Title = p.suggestions[i].Label
	}
	p.suggestions = nil
}

// submit saves the log, then its documents (joblog_docs.go). When a
// document is refused, the form stays as the saved log's, as typed.
func (p *joblogFormPage) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	in, err := p.form.Read(shared.DateOf(api.Now()), p.places)
	d := &p.docs
	removed, pending := slices.Clone(d.removed), slices.Clone(d.pending)
	d.ferr = formError{}
	send := func(c context.Context, s api.JoblogSave) (shared.Joblog, error) { return api.SaveJoblog(c, s) }
	submitChecked(ctx, &p.state, err, api.JoblogSave{ID: p.id, In: in}, send, func(ctx app.Context, l shared.Joblog) {
		if len(removed) == 0 && len(pending) == 0 {
			ctx.Navigate(joblogViewPath(l.ID) + "&gemt=1")
			return
		}
		p.state.busy = true
		ctx.Async(func() {
			sent, gone, err := sendDocuments(ctx, l.ID, removed, pending)
			ctx.Dispatch(func(ctx app.Context) {
				p.state.busy = false
				if err == nil {
					ctx.Navigate(joblogViewPath(l.ID) + "&gemt=1")
					return
				}
				// The log is saved: from now on the form is its edit form.
				if p.id == 0 {
					p.id = l.ID
					app.Window().Get("history").Call("replaceState", nil, "", joblogEditPath(l.ID))
				}
				d.removed = d.removed[gone:]
				d.saved = append(d.saved, sent...)
				name := ""
				if gone == len(removed) && len(sent) < len(pending) {
					name = pending[len(sent)].file.Name
					d.pending = d.pending[len(sent)+1:]
				}
				p.state.ferr = documentsRefused(name, err)
				ui.FocusSoon(ctx, idJoblogDocFile)
			})
		})
	})
}
