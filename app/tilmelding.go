package app

import (
	"context"
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// tilmeldingPage is "Til- og afmelding" (SPEC D8; FEATURES.md 6.2; 001
// «Tilmelding», 003 «Tilmelding/Afmelding»): the status of today; for a
// citizen not enrolled the enrolment (the ydelse offered by age and
// a-kasse membership, then helt, delvis or ikke ledig), or why they cannot
// enrol; for an enrolled one the receipt and the afmelding with its reason
// and day, and "Fortryd afmeldingen" while one waits for its day.
//
// Decisions (the sources are silent):
//   - "Jeg søger job som" is its own page: when it is empty or holds a
//     discontinued occupation, this page says so and links there (the
//     server refuses the enrolment at the field "occupation" too), rather
//     than repeating the occupation form here.
//   - Straksbooking at re-enrolment after a missed deadline (003
//     «Tilmelding (eller raskmelding) som straksbookingramt»): the
//     receipt says so and leads to the booking flow's straksbooking
//     (shared.PageBookMeeting?straks=1), the booking issue's step, as
//     its first action.
//
// A mirror sees the page as the citizen does; the server refuses the
// jobcenter's submit as read-only and the a-kasse's with "Du kan ikke
// lave registreringen for medlemmet" (000 5.5), shown at the button.
type tilmeldingPage struct {
	app.Compo
	load pageLoad
	page shared.EnrolmentPage

	benefit  shared.Benefit
	ledighed shared.Ledighed
	enrol    formState

	reason   string
	from     string
	dereg    formState
	withdraw formState
	done     string // the success message of the last change
}

func newTilmeldingPage() *tilmeldingPage { return &tilmeldingPage{} }

func (p *tilmeldingPage) OnNav(ctx app.Context) {
	fetchInto(ctx, &p.load, api.Enrolment, &p.page)
}

func (p *tilmeldingPage) option() (shared.BenefitOption, bool) {
	for _, o := range p.page.Options {
		if o.Benefit == p.benefit {
			return o, true
		}
	}
	return shared.BenefitOption{}, false
}

func (p *tilmeldingPage) submitEnrol(ctx app.Context, e app.Event) {
	e.PreventDefault()
	in := shared.EnrolRequest{Benefit: p.benefit, Ledighed: p.ledighed}
	submitChecked(ctx, &p.enrol, in.Check(p.page.Options), in, api.Enrol, func(ctx app.Context, out shared.EnrolmentPage) {
		p.page, p.done = out, "Du er tilmeldt. Se din kvittering nedenfor."
		// The form that fired is gone with this render, so the status's
		// heading, which is always there, takes the focus now; the
		// success message above it is read out.
		ui.FocusByID("tilmelding-status-heading")
	})
}

func (p *tilmeldingPage) submitDeregister(ctx app.Context, e app.Event) {
	e.PreventDefault()
	from, _ := shared.ParseDate(p.from)
	in := shared.DeregisterRequest{Reason: p.reason, From: from}
	var enrolled shared.Date
	if p.page.Current != nil {
		enrolled = p.page.Current.Period.From
	}
	submitChecked(ctx, &p.dereg, in.Check(p.page.Today, enrolled), in, api.Deregister, func(ctx app.Context, out shared.EnrolmentPage) {
		p.page, p.done = out, "Din afmelding er registreret fra "+from.Danish()+"."
		p.reason, p.from = "", ""
		ui.FocusByID("tilmelding-status-heading")
	})
}

func (p *tilmeldingPage) submitWithdraw(ctx app.Context, e app.Event) {
	e.PreventDefault()
	submitChecked(ctx, &p.withdraw, nil, struct{}{}, func(c context.Context, _ struct{}) (shared.EnrolmentPage, error) {
		return api.WithdrawDeregistration(c)
	}, func(ctx app.Context, out shared.EnrolmentPage) {
		p.page, p.done = out, "Din afmelding er fortrudt. Du er fortsat tilmeldt."
		ui.FocusByID("tilmelding-status-heading")
	})
}

func (p *tilmeldingPage) Render() app.UI {
	return newShell().Title("Til- og afmelding").Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Min side", "Til- og afmelding"),
		app.H1().Text("Til- og afmelding"),
		app.P().Class("font-lead").Text("Her kan du tilmelde dig som ledig og afmelde dig igen. Din tilmelding har betydning for din ret til ydelse."),
		p.load.view(ui.Waiting("Henter din tilmelding …"), p.renderPage),
		app.P().Body(app.A().ID("tilmelding-historik").Href(pathHistorik).Text("Se dine tidligere tilmeldinger i Historik")),
	)
}

func (p *tilmeldingPage) renderPage() app.UI {
	pg := p.page
	return app.Div().ID("tilmelding").Body(
		ui.Slot("jobnet-form-success", p.done != "", func() app.UI { return ui.SuccessAlert(p.done) }),
		p.renderStatus(),
		app.If(pg.Receipt != nil, p.renderReceipt),
		app.If(pg.Current == nil && pg.Status != shared.EnrolmentTilmeldt, p.renderEnrol),
		app.If(pg.Current != nil && pg.DeregisterFrom.IsZero(), p.renderDeregister),
		app.If(!pg.DeregisterFrom.IsZero(), p.renderWithdraw),
	)
}

func (p *tilmeldingPage) renderStatus() app.UI {
	pg := p.page
	details := []app.UI{detail("Status:", pg.Status.Label())}
	if c := pg.Current; c != nil {
		ydelse := c.Benefit.Label()
		if c.UdenYdelse {
			ydelse += " (tilmeldt uden ydelse)"
		}
		details = append(details, detail("Ydelse:", ydelse), detail("Ledighed:", c.Ledighed.Label()),
			detail("Tilmeldt fra:", c.Period.From.Danish()))
		if c.State == shared.EnrolmentAwaiting {
			details = append(details, detail("Tilmeldingen:", "Venter på, at du henvender dig i jobcentret"))
		}
		if !pg.DeregisterFrom.IsZero() {
			details = append(details, detail("Afmeldt fra:", pg.DeregisterFrom.Danish()),
				detail("Årsag:", shared.DeregistrationReasonLabel(c.EndReason)))
		}
	}
	return app.Section().ID("tilmelding-status").Aria("labelledby", "tilmelding-status-heading").Body(
		app.H2().ID("tilmelding-status-heading").Class("h3").TabIndex(-1).Text("Din tilmelding"),
		app.Dl().Class("jobnet-seeking-details").Body(details...),
	)
}

func (p *tilmeldingPage) renderReceipt() app.UI {
	r := p.page.Receipt
	body := []app.UI{app.H2().ID("tilmelding-receipt-heading").Class("h3").TabIndex(-1).Text("Kvittering for din tilmelding")}
	for _, l := range r.Lines {
		body = append(body, app.P().Text(l))
	}
	if !r.ShowUpBy.IsZero() {
		body = append(body, app.P().ID("tilmelding-show-up").Body(app.Strong().Text(
			"Henvend dig i "+orDefault(r.Jobcenter, "jobcentret")+" på førstkommende åbningsdag, "+r.ShowUpOn.DanishWithWeekday()+
				", og senest "+r.ShowUpBy.DanishWithWeekday()+".")))
	} else if r.Jobcenter != "" {
		body = append(body, app.P().Text("Du er knyttet til "+r.Jobcenter+"."))
	}
	if r.DagpengeLinks {
		// The dagpengekort and the ledighedserklæring are the a-kasse's
		// forms, each a-kasse its own: the receipt links to borger.dk's
		// guide to both rather than to one a-kasse's (this project's
		// choice; 001 names the links, not their address).
		body = append(body, app.P().ID("tilmelding-dagpenge-links").Body(
			app.A().Href("https://www.borger.dk/arbejde-dagpenge-ferie/dagpenge-kontanthjaelp-og-sygedagpenge/dagpenge").
				Text("Læs om dagpengekort og ledighedserklæring på borger.dk")))
	}
	if r.JobcenterText != "" {
		body = append(body, app.Div().ID("tilmelding-jobcenter-text").Class("jobnet-receipt-text").Body(
			app.H3().Class("h4").Text("Besked fra "+orDefault(r.Jobcenter, "jobcentret")),
			app.P().Text(r.JobcenterText)))
	}
	if p.page.Straksbooking {
		body = append(body, app.Div().ID("tilmelding-straks").Body(
			ui.InfoAlert(shared.StraksIntro),
			app.A().ID("tilmelding-straks-book").Class("button button-primary").Href(shared.PageBookMeeting+"?straks=1").Text("Book en jobsamtale nu"),
		))
	}
	return app.Section().ID("tilmelding-receipt").Class("jobnet-receipt").Aria("labelledby", "tilmelding-receipt-heading").Body(body...)
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

func (p *tilmeldingPage) renderEnrol() app.UI {
	pg := p.page
	head := app.H2().ID("tilmelding-enrol-heading").Class("h3").Text("Tilmeld dig som ledig")
	if pg.Blocked != "" {
		return app.Section().ID("tilmelding-enrol").Aria("labelledby", "tilmelding-enrol-heading").Body(head,
			app.Div().ID("tilmelding-blocked").Body(ui.InfoAlert(pg.Blocked)),
			app.If(pg.BlockedField == "occupation", func() app.UI {
				return app.P().Body(app.A().ID("tilmelding-seeking-link").Class("button button-secondary").Href(pathSeeking).Text("Gå til Jeg søger job som"))
			}))
	}
	ferr := p.enrol.ferr
	opt, _ := p.option()
	return app.Section().ID("tilmelding-enrol").Aria("labelledby", "tilmelding-enrol-heading").Body(head,
		app.Form().ID("tilmelding-enrol-form").NoValidate(true).OnSubmit(p.submitEnrol).Body(
			ferr.summary(),
			ui.Fieldset("tilmelding-benefit").Legend("Hvilken ydelse søger du?").Error(ferr.field(shared.FieldEnrolBenefit)).Body(
				app.Range(pg.Options).Slice(func(i int) app.UI {
					o := pg.Options[i]
					id := "tilmelding-benefit-" + string(o.Benefit)
					input := app.Input().Type("radio").ID(id).Name("tilmelding-benefit").Class("form-radio").Value(string(o.Benefit)).
						Checked(p.benefit == o.Benefit).
						OnChange(func(ctx app.Context, e app.Event) {
							p.benefit = o.Benefit
							if !slices.Contains(o.Ledigheder, p.ledighed) {
								p.ledighed = ""
							}
						})
					if o.Hint != "" {
						input = input.Aria("describedby", id+"-hint")
					}
					return app.Div().Class("form-group-radio").Body(
						input,
						app.Label().Class("form-label").For(id).Text(o.Label),
						app.If(o.Hint != "", func() app.UI { return app.Span().ID(id + "-hint").Class("form-hint").Text(o.Hint) }),
					)
				}),
			),
			ui.Fieldset("tilmelding-ledighed").Legend("Er du helt ledig, delvis ledig eller ikke ledig?").Error(ferr.field(shared.FieldEnrolLedighed)).Body(
				app.Range(ledighedChoices(opt)).Slice(func(i int) app.UI {
					l := ledighedChoices(opt)[i]
					id := "tilmelding-ledighed-" + string(l)
					return app.Div().Class("form-group-radio").Body(
						app.Input().Type("radio").ID(id).Name("tilmelding-ledighed").Class("form-radio").Value(string(l)).
							Checked(p.ledighed == l).OnChange(func(ctx app.Context, e app.Event) { p.ledighed = l }),
						app.Label().Class("form-label").For(id).Text(l.Label()),
					)
				}),
			),
			app.Button().Type("submit").ID("tilmelding-enrol-submit").Class("button button-primary").Disabled(p.enrol.busy).Text("Tilmeld"),
		),
	)
}

// ledighedChoices are the statuses of the chosen benefit; before a choice,
// the three (ikke ledig is for dagpenge only, and the form says so when
// it does not fit).
func ledighedChoices(o shared.BenefitOption) []shared.Ledighed {
	if len(o.Ledigheder) > 0 {
		return o.Ledigheder
	}
	return []shared.Ledighed{shared.LedighedHelt, shared.LedighedDelvis, shared.LedighedIkke}
}

func (p *tilmeldingPage) renderDeregister() app.UI {
	pg := p.page
	ferr := p.dereg.ferr
	reasonErr := ferr.field(shared.FieldDeregisterReason)
	sel := app.Select().ID("tilmelding-reason").Class("form-select").
		OnChange(func(ctx app.Context, e app.Event) { p.reason = ui.InputValue(ctx) })
	if reasonErr != "" {
		sel = sel.Aria("describedby", "tilmelding-reason-error").Aria("invalid", "true")
	}
	return app.Section().ID("tilmelding-dereg").Aria("labelledby", "tilmelding-dereg-heading").Body(
		app.H2().ID("tilmelding-dereg-heading").Class("h3").Text("Afmeld dig som ledig"),
		app.P().Text("Afmelding kan have konsekvenser for din ret til ydelse. Oplysningen om din afmelding går videre til jobcentret og din a-kasse. Du kan afmelde dig fra i dag og højst 30 dage frem. Er din årsag ikke på listen, kan du afmelde dig via jobcentret."),
		app.Form().ID("tilmelding-dereg-form").NoValidate(true).OnSubmit(p.submitDeregister).Body(
			ferr.summary(),
			app.Div().Class(ui.FormGroupClass(reasonErr)).Body(
				app.Label().Class("form-label").For("tilmelding-reason").Text("Årsag *"),
				ui.FieldError("tilmelding-reason", reasonErr),
				sel.Body(append([]app.UI{app.Option().Value("").Selected(p.reason == "").Text("Vælg årsag")},
					reasonOptions(pg.Reasons, p.reason)...)...),
			),
			ui.Field("tilmelding-from").Label("Afmeld fra dato *").Type("date").Value(p.from).
				Hint("Fra "+firstFrom(pg).Danish()+" til "+pg.LastFrom.Danish()+". Den første dag, du ikke er tilmeldt.").
				Error(ferr.field(shared.FieldDeregisterFrom)).
				OnInput(func(ctx app.Context, e app.Event) { p.from = ui.InputValue(ctx) }),
			app.Button().Type("submit").ID("tilmelding-dereg-submit").Class("button button-primary").Disabled(p.dereg.busy).Text("Afmeld"),
		),
	)
}

// firstFrom is the first day an afmelding may start: today, or the day
// after the enrolment began (shared.DeregisterRequest.Check).
func firstFrom(pg shared.EnrolmentPage) shared.Date {
	if c := pg.Current; c != nil && !c.Period.From.Before(pg.Today) {
		return c.Period.From.AddDays(1)
	}
	return pg.Today
}

func reasonOptions(rs []shared.DeregistrationReason, chosen string) []app.UI {
	out := make([]app.UI, len(rs))
	for i, r := range rs {
		out[i] = app.Option().Value(r.Code).Selected(r.Code == chosen).Text(r.Label)
	}
	return out
}

func (p *tilmeldingPage) renderWithdraw() app.UI {
	return app.Section().ID("tilmelding-withdraw").Aria("labelledby", "tilmelding-withdraw-heading").Body(
		app.H2().ID("tilmelding-withdraw-heading").Class("h3").Text("Fortryd din afmelding"),
		app.P().Text("Din afmelding træder i kraft "+p.page.DeregisterFrom.DanishWithWeekday()+". Indtil da kan du fortryde den."),
		app.Form().ID("tilmelding-withdraw-form").OnSubmit(p.submitWithdraw).Body(
			p.withdraw.ferr.summary(),
			app.Button().Type("submit").ID("tilmelding-withdraw-submit").Class("button button-secondary").Disabled(p.withdraw.busy).Text("Fortryd afmeldingen"),
		),
	)
}
