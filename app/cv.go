package app

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// cvPage is Mit CV (SPEC C4; 000_…txt Billede 9): the CV's status and
// number, the LinkedIn box, "Vis, udskriv eller eksporter mit CV", the
// three folds with their counts and entries ("Redigér", "TILFØJ
// ERHVERVSERFARING +"), and the CV's other information (contact, link,
// languages, driving licence). A caseworker sees it as the citizen does,
// without the controls that change it (000_…txt 4.5).
type cvPage struct {
	app.Compo
	load pageLoad
	cv   shared.CV
	sess shared.Session

	// open is each fold's state; every fold starts open.
	closed map[shared.CVSection]bool
	// later: "Senere" hid the LinkedIn box for this visit.
	later   bool
	done    string
	failure string
}

func newCVPage() *cvPage { return &cvPage{} }

// cvLinkLaterKey keeps "Senere" for the visit (the browser tab's session).
const cvLinkLaterKey = "jobnet.cvLinkLater"

func (p *cvPage) OnMount(ctx app.Context) { ctx.ObserveState(stateSession, &p.sess) }

func (p *cvPage) OnNav(ctx app.Context) {
	p.done, p.failure = "", ""
	switch {
	case ctx.Page().URL().Query().Get("gemt") != "":
		p.done = "Dit CV er gemt."
	case ctx.Page().URL().Query().Get("slettet") != "":
		p.done = "Oplysningen er slettet fra dit CV."
	}
	if p.closed == nil {
		p.closed = map[shared.CVSection]bool{}
	}
	if !app.IsServer {
		ctx.SessionStorage().Get(cvLinkLaterKey, &p.later)
	}
	fetchInto(ctx, &p.load, api.CV, &p.cv)
}

func (p *cvPage) Render() app.UI {
	return newShell().Title("Mit CV").Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Jobsøgning", "Mit CV"),
		app.H1().Text("Mit CV"),
		ui.Slot("jobnet-form-success", p.done != "", func() app.UI { return ui.SuccessAlert(p.done) }),
		ui.ErrorSlot("jobnet-cv-error", p.failure),
		p.load.view(ui.Waiting("Henter dit CV …"), p.renderCV),
	)
}

func (p *cvPage) renderCV() app.UI {
	write := p.sess.Actor.MayWrite()
	body := []app.UI{
		p.renderStatus(write),
		ui.Slot("jobnet-cv-nudge", write && !p.later && p.cv.ShowLinkNudge(), p.renderLinkNudge),
		app.Div().Class("jobnet-cv-actions d-print-none").Body(
			app.A().ID("cv-pdf").Class("button button-secondary").Href(shared.APICVPDF).Attr("download", "mit-cv.pdf").
				Text("Vis, udskriv eller eksporter mit CV (PDF)"),
			app.Button().Type("button").ID("cv-print").Class("button button-tertiary").
				OnClick(func(ctx app.Context, e app.Event) { app.Window().Call("print") }).Text("Udskriv"),
		),
		app.Ul().Class("accordion jobnet-cv-folds").Body(app.Range(shared.CVSections).Slice(func(i int) app.UI {
			return p.renderFold(shared.CVSection(shared.CVSections[i].Value), write)
		})),
		p.renderOther(write),
	}
	return app.Div().ID("cv").Body(body...)
}

// renderStatus is the CV's number and whether it is søgbart [001: "se
// cv-status (tilgængelighed) og cv nummer"].
func (p *cvPage) renderStatus(write bool) app.UI {
	number := p.cv.Number
	if number == "" {
		number = "Dit CV får et nummer, når du gemmer den første oplysning."
	}
	status := "Ikke søgbart"
	if p.cv.SearchableNow() {
		status = "Søgbart"
	}
	eures := "Nej"
	if p.cv.Eures {
		eures = "Ja"
	}
	return app.Section().ID("cv-status").Class("jobnet-cv-status").Aria("labelledby", "cv-status-heading").Body(
		app.H2().ID("cv-status-heading").Class("h3").Text("Status for dit CV"),
		app.Dl().Class("jobnet-seeking-details").Body(
			detail("CV-nummer:", number),
			detail("Søgbart for arbejdsgivere:", status),
			app.Div().Class("jobnet-seeking-detail").Body(app.Dt().Text("Synligt i hele Europa:"),
				app.Dd().Body(app.Text(eures+" "), app.A().ID("cv-eures").Href(pathEures).Text("Job i Europa"))),
		),
		app.P().ID("cv-status-text").Text(p.cv.StatusText()),
		app.If(write && !p.cv.SearchableNow(), func() app.UI {
			return app.P().Body(app.A().Href(pathCVSettings).Text("Gør dit CV søgbart"))
		}),
	)
}

// renderLinkNudge is the LinkedIn box [000 Billede 9]: "TILFØJ LINK →"
// opens the CV's information at the link, "SENERE →" hides it for the
// visit, "Vis ikke denne besked igen" for good.
func (p *cvPage) renderLinkNudge() app.UI {
	return app.Div().ID("cv-link-nudge").Class("alert alert-info jobnet-cv-nudge d-print-none").Role("region").
		Aria("labelledby", "cv-link-nudge-title").Body(
		ui.Icon("info", "alert-icon"),
		app.Div().Class("alert-body").Body(
			app.H2().ID("cv-link-nudge-title").Class("alert-heading h4").Text(shared.CVLinkNudgeTitle),
			app.P().Class("alert-text").Text(shared.CVLinkNudgeText),
			app.Div().Class("jobnet-joblog-buttons").Body(
				app.A().ID("cv-link-add").Class("button button-primary").Href(pathCVSettings+"#cv-link").Text("Tilføj link →"),
				app.Button().Type("button").ID("cv-link-later").Class("button button-secondary").OnClick(p.nudgeLater).Text("Senere →"),
			),
			app.P().Body(app.Button().Type("button").ID("cv-link-never").Class("button button-unstyled jobnet-link-button").
				OnClick(p.nudgeNever).Text("Vis ikke denne besked igen")),
		),
	)
}

func (p *cvPage) nudgeLater(ctx app.Context, e app.Event) {
	p.later = true
	ctx.SessionStorage().Set(cvLinkLaterKey, true)
	ui.FocusSoon(ctx, "cv-pdf")
}

func (p *cvPage) nudgeNever(ctx app.Context, e app.Event) {
	p.failure = ""
	ctx.Async(func() {
		err := api.DismissCVLinkNudge(ctx)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.failure = shared.ErrorMessageOf(err)
				return
			}
			p.cv.LinkNudgeDismissed = true
			ui.FocusSoon(ctx, "cv-pdf")
		})
	})
}

// cvAddLabel is each fold's "TILFØJ … +".
var cvAddLabel = map[shared.CVSection]string{
	shared.CVExperience:    "Tilføj erhvervserfaring",
	shared.CVEducation:     "Tilføj uddannelse, kursus eller certificering",
	shared.CVQualification: "Tilføj kvalifikation",
}

// renderFold is one fold: "Erhvervserfaring (1)" and its entries.
func (p *cvPage) renderFold(s shared.CVSection, write bool) app.UI {
	entries := p.cv.Entries(s)
	open := !p.closed[s]
	id := "cv-fold-" + string(s)
	return app.Li().Body(
		app.H2().Body(app.Button().Type("button").Class("accordion-button").ID(id+"-button").
			Aria("expanded", boolString(open)).Aria("controls", id).
			OnClick(func(ctx app.Context, e app.Event) { p.closed[s] = open }).
			Body(app.Span().Class("accordion-title").Text(fmt.Sprintf("%s (%d)", s.Label(), len(entries))))),
		app.Div().ID(id).Class("accordion-content").Aria("hidden", boolString(!open)).Body(
			app.If(len(entries) == 0, func() app.UI { return app.P().Class("jobnet-cv-none").Text("Du har ikke angivet noget endnu.") }),
			app.Range(entries).Slice(func(i int) app.UI { return renderCVEntry(entries[i], write) }),
			app.If(write, func() app.UI {
				return app.A().ID("cv-add-"+string(s)).Class("button button-secondary d-print-none").
					Href(pathCVEntry+"?fold="+string(s)).Body(app.Text(cvAddLabel[s]+" "), ui.Icon("plus", ""))
			}),
		),
	)
}

func renderCVEntry(e shared.CVEntry, write bool) app.UI {
	var details []app.UI
	if e.Organisation != "" {
		label := "Uddannelsessted:"
		if e.Section == shared.CVExperience {
			label = "Arbejdsgiver:"
		}
		details = append(details, detail(label, e.Organisation))
	}
	if e.Description != "" {
		label := "Beskrivelse:"
		if e.Section == shared.CVExperience {
			label = "Ansvar / arbejdsopgaver / resultater:"
		}
		details = append(details, detail(label, e.Description))
	}
	id := "cv-entry-" + strconv.FormatInt(e.ID, 10)
	return app.Article().ID(id).Class("jobnet-cv-entry").Aria("labelledby", id+"-title").Body(
		app.Div().Class("jobnet-cv-entry-head").Body(
			app.H3().ID(id+"-title").Class("h4").Text(e.Title),
			app.If(e.PeriodText() != "", func() app.UI { return app.Span().Class("jobnet-cv-period").Text(e.PeriodText()) }),
			app.If(write, func() app.UI {
				return app.A().ID(id+"-edit").Class("d-print-none").Href(pathCVEntry+"?id="+strconv.FormatInt(e.ID, 10)).
					Aria("label", "Redigér "+e.Title).Body(app.Text("Redigér "), ui.Icon("edit", ""))
			}),
		),
		app.If(len(details) > 0, func() app.UI { return app.Dl().Class("jobnet-seeking-details").Body(details...) }),
	)
}

// renderOther is the CV's information besides the folds: how employers
// reach the citizen, the link, languages and driving licence.
func (p *cvPage) renderOther(write bool) app.UI {
	or := func(s string) string {
		if s == "" {
			return "Ikke angivet"
		}
		return s
	}
	langs := "Ikke angivet"
	if len(p.cv.Languages) > 0 {
		langs = ""
		for i, l := range p.cv.Languages {
			if i > 0 {
				langs += ", "
			}
			langs += l.Language + " (" + shared.LanguageLevelLabel(l.Level) + ")"
		}
	}
	lic := "Ikke angivet"
	if len(p.cv.Licences) > 0 {
		lic = "Kategori " + shared.LicenceText(p.cv.Licences)
	}
	return app.Section().ID("cv-other").Aria("labelledby", "cv-other-heading").Body(
		app.H2().ID("cv-other-heading").Class("h3").Text("Kontakt, link, sprog og kørekort"),
		app.Dl().Class("jobnet-seeking-details").Body(
			detail("Telefon:", or(p.cv.Phone)),
			detail("E-mail:", or(p.cv.Email)),
			app.If(p.cv.Link == "", func() app.UI { return detail("Link:", or(p.cv.Link)) }).Else(func() app.UI {
				// The link is http(s) only (shared.CVSettings' http_url).
				return app.Div().Class("jobnet-seeking-detail").Body(app.Dt().Text("Link:"),
					app.Dd().Body(app.A().ID("cv-link").Href(p.cv.Link).Attr("rel", "noopener noreferrer").Text(p.cv.Link)))
			}),
			detail("Sprog:", langs),
			detail("Kørekort:", lic),
		),
		app.If(write, func() app.UI {
			return app.A().ID("cv-settings-edit").Class("button button-secondary d-print-none").Href(pathCVSettings).Text("Redigér kontakt, søgbarhed, link, sprog og kørekort")
		}),
	)
}
