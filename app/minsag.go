package app

import (
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// minSagPage is "Min sag til teamet" (SPEC D13; 003_…txt «Min sag til
// teamet»; shared/minsag.go): the points of the case for its status, the
// team's recommendation with its PDF once it has come, the CV to the team
// and "Min situation". The citizen fills in both in the preparatory part;
// after the recommendation, and for the jobcenter always, they are shown
// read-only. The a-kasse meets the server's refusal (shared.WithheldMinSag).
type minSagPage struct {
	app.Compo
	load pageLoad
	page shared.MinSagPage
	sess shared.Session

	cv      shared.RehabCV
	cvState formState
	cvSaved bool

	situation shared.MinSituation
	sitState  formState
	sitSaved  bool
}

func newMinSagPage() *minSagPage { return &minSagPage{} }

func (p *minSagPage) OnMount(ctx app.Context) { ctx.ObserveState(stateSession, &p.sess) }

func (p *minSagPage) OnNav(ctx app.Context) {
	p.cvState, p.sitState, p.cvSaved, p.sitSaved = formState{}, formState{}, false, false
	fetchThen(ctx, &p.load, api.MinSag, &p.page, func(ctx app.Context) { p.takeInputs() })
}

// takeInputs starts the forms from what is saved.
func (p *minSagPage) takeInputs() {
	p.cv, p.situation = shared.RehabCV{}, shared.MinSituation{Answers: map[string][]string{}}
	if c := p.page.Case; c != nil {
		p.cv = c.CV
		p.situation = shared.MinSituation{Answers: maps.Clone(c.Situation.Answers), Comment: c.Situation.Comment}
		if p.situation.Answers == nil {
			p.situation.Answers = map[string][]string{}
		}
	}
}

// editing: the forms show for the citizen in the preparatory part (and in
// the prerender, before the session is known, as the other forms do).
func (p *minSagPage) editing() bool {
	c := p.page.Case
	return c != nil && c.MayEdit() && (p.sess.Actor.MayWrite() || app.IsServer || p.sess.Actor.CitizenID == 0)
}

func (p *minSagPage) Render() app.UI {
	return newShell().Title("Min sag til teamet").Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Min sag til teamet", "Min sag til teamet"),
		app.H1().Text("Min sag til teamet"),
		p.load.view(ui.Waiting("Henter din sag …"), func() app.UI {
			c := p.page.Case
			if c == nil {
				return app.P().ID("minsag-none").Text("Du har ingen sag til rehabiliteringsteamet lige nu.")
			}
			return app.Div().ID("minsag").Body(
				app.P().Text("Her forbereder du din sag til rehabiliteringsteamet. Teamet bruger det, du skriver, når det vurderer, hvilken hjælp du skal have."),
				app.If(!c.TeamMeeting.IsZero(), func() app.UI {
					return app.P().ID("minsag-meeting").Body(app.Strong().Text("Teamet behandler din sag: "), app.Text(c.TeamMeeting.DanishLong()))
				}),
				p.renderItems(),
				app.If(c.Recommendation != nil, func() app.UI { return p.renderRecommendation(*c.Recommendation) }),
				p.renderCV(*c),
				p.renderSituation(*c),
			)
		}),
	)
}

// renderItems lists the points of the case's status as links to their
// sections.
func (p *minSagPage) renderItems() app.UI {
	items := p.page.Items
	return app.Nav().Aria("label", "Punkter i din sag").Body(
		app.Ul().Class("jobnet-minsag-items").Body(
			app.Range(items).Slice(func(i int) app.UI {
				it := items[i]
				return app.Li().Body(
					app.A().Href("#"+it.Anchor).Text(it.Title),
					app.Span().Class("form-hint").Text(" – "+it.Text),
				)
			}),
		),
	)
}

// renderRecommendation is the team's recommendation ("Borger kan under
// "Min sag til teamet" se indstillingen i GUI, ligesom indstillingen kan
// downloades som PDF", 003).
func (p *minSagPage) renderRecommendation(r shared.RehabRecommendation) app.UI {
	return app.Section().ID(shared.MinSagAnchorIndstilling).Aria("labelledby", "minsag-indstilling-heading").Class("jobnet-minsag-section").Body(
		app.H2().ID("minsag-indstilling-heading").Text("Teamets indstilling"),
		app.Dl().Class("jobnet-receipt-facts").Body(
			app.Dt().Text("Indstilling:"), app.Dd().ID("minsag-outcome").Text(r.Outcome.Label()),
			app.Dt().Text("Dato:"), app.Dd().Text(r.Decided.Danish()),
			app.Dt().Text("Team:"), app.Dd().Text(r.Team),
		),
		app.P().ID("minsag-explanation").Text(r.Outcome.Explanation()),
		// The targeted plan that follows [003]: the way to it.
		app.If(r.Outcome.PlanFollows(), func() app.UI {
			return app.P().Body(app.A().ID("minsag-plan-link").Href(pathMinPlan).Text("Gå til Min plan"))
		}),
		app.If(r.Text != "", func() app.UI {
			return app.Div().Body(
				app.H3().Text("Teamets begrundelse"),
				app.P().ID("minsag-text").Class("jobnet-minsag-text").Text(r.Text),
			)
		}),
		app.A().ID("minsag-pdf").Class("button button-secondary").Href(shared.APIMinSagPDF).
			Attr("download", "indstilling-fra-rehabiliteringsteamet.pdf").Text("Hent indstillingen som PDF"),
	)
}

// cvFields are the CV to the team's three texts: id, label, hint, field.
var cvFields = [][4]string{
	{"minsag-resources", shared.RehabCVResourcesLabel, shared.RehabCVResourcesHint, "resources"},
	{"minsag-challenges", shared.RehabCVChallengesLabel, shared.RehabCVChallengesHint, "challenges"},
	{"minsag-wishes", shared.RehabCVWishesLabel, shared.RehabCVWishesHint, "wishes"},
}

func cvText(cv *shared.RehabCV, field string) *string {
	switch field {
	case "resources":
		return &cv.Resources
	case "challenges":
		return &cv.Challenges
	}
	return &cv.Wishes
}

// renderCV is "Mit CV til teamet": Mit CV's experience and education
// (linked, not copied: the citizen keeps one CV) and three texts of the
// citizen's own for the team.
func (p *minSagPage) renderCV(c shared.RehabCase) app.UI {
	ferr := p.cvState.ferr
	head := []app.UI{
		app.H2().ID("minsag-cv-heading").Text("Mit CV til teamet"),
		app.P().Body(
			app.Text("Teamet ser din erhvervserfaring og uddannelse fra dit CV. Ret dem i "),
			app.A().Href(pathCV).Text("Mit CV"),
			app.Text(". Nedenfor fortæller du teamet det, som CV'et ikke viser."),
		),
		p.renderFromCV(),
	}
	var body app.UI
	if p.editing() {
		fields := make([]app.UI, 0, len(cvFields))
		for _, f := range cvFields {
			dst := cvText(&p.cv, f[3])
			fields = append(fields, ui.Field(f[0]).Label(f[1]).Hint(f[2]).Rows(5).Value(*dst).Error(ferr.field(f[3])).
				OnInput(func(ctx app.Context, e app.Event) { *dst = ui.InputValue(ctx); p.cvSaved = false }))
		}
		body = app.Form().ID("minsag-cv-form").Attr("novalidate", true).Aria("labelledby", "minsag-cv-heading").OnSubmit(p.saveCV).Body(
			ferr.summary(),
			ui.Slot("jobnet-form-success", p.cvSaved, func() app.UI { return ui.SuccessAlert("Dit CV til teamet er gemt.") }),
			app.Div().Body(fields...),
			app.P().Class("form-hint").Text("Skriv mindst én af de tre tekster. Du kan rette dem, indtil teamet har givet sin indstilling."),
			app.Button().Type("submit").ID("minsag-cv-save").Class("button button-primary").Disabled(p.cvState.busy).Text("Gem CV til teamet"),
		)
	} else {
		var dl []app.UI
		for _, f := range cvFields {
			text := *cvText(&c.CV, f[3])
			if text == "" {
				text = "Ikke udfyldt"
			}
			dl = append(dl, app.Dt().Text(f[1]), app.Dd().Class("jobnet-minsag-text").Text(text))
		}
		body = app.Dl().ID("minsag-cv-read").Class("jobnet-minsag-answers").Body(dl...)
	}
	return app.Section().ID(shared.MinSagAnchorCV).Aria("labelledby", "minsag-cv-heading").Class("jobnet-minsag-section").Body(
		append(head, savedLine("minsag-cv-saved", c.CVSaved), body)...)
}

// renderFromCV is Mit CV's jobs and education as the team sees them.
func (p *minSagPage) renderFromCV() app.UI {
	entries := p.page.FromCV
	if len(entries) == 0 {
		return app.P().ID("minsag-from-cv").Text("Du har ikke skrevet erhvervserfaring eller uddannelse i Mit CV endnu.")
	}
	return app.Ul().ID("minsag-from-cv").Class("jobnet-minsag-from-cv").Aria("label", "Fra Mit CV").Body(
		app.Range(entries).Slice(func(i int) app.UI {
			e := entries[i]
			kind := "Erhvervserfaring"
			if e.Section == shared.CVEducation {
				kind = "Uddannelse"
			}
			line := e.Title
			if e.Organisation != "" {
				line += ", " + e.Organisation
			}
			return app.Li().Body(
				app.Span().Class("jobnet-minsag-cv-kind").Text(kind+": "),
				app.Text(line),
				app.If(e.Period != "", func() app.UI { return app.Span().Class("form-hint").Text(" (" + e.Period + ")") }),
			)
		}),
	)
}

// savedLine says when a part was last saved, nothing when never.
func savedLine(id string, at *time.Time) app.UI {
	return app.If(at != nil, func() app.UI {
		return app.P().ID(id).Class("form-hint").Text("Senest gemt " + shared.DateOf(*at).Danish() + ".")
	})
}

func (p *minSagPage) saveCV(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.cvSaved = false
	submitChecked(ctx, &p.cvState, p.cv.Check(), p.cv, api.SaveMinSagCV, func(ctx app.Context, page shared.MinSagPage) {
		p.page, p.cvSaved = page, true
		if page.Case != nil {
			p.cv = page.Case.CV
		}
	})
}

// renderSituation is "Min situation": the questions as a form, or the
// answers.
func (p *minSagPage) renderSituation(c shared.RehabCase) app.UI {
	qs := p.page.Questions
	head := []app.UI{
		app.H2().ID("minsag-situation-heading").Text("Min situation"),
		app.P().Text("Fortæl teamet, hvordan du har det, og hvad du gerne vil have hjælp til."),
		savedLine("minsag-situation-saved", c.SituationSaved),
	}
	if !p.editing() {
		if c.SituationSaved == nil {
			return app.Section().ID(shared.MinSagAnchorSituation).Aria("labelledby", "minsag-situation-heading").Class("jobnet-minsag-section").Body(
				append(head, app.P().ID("minsag-situation-none").Text("Min situation er ikke besvaret."))...)
		}
		s := shared.Screening{Questions: qs, Answers: c.Situation.Answers}
		var dl []app.UI
		for i, q := range qs {
			chosen := s.ChosenTexts(q)
			var dd app.UI = app.Dd().Text("Ikke besvaret")
			if len(chosen) > 0 {
				dd = app.Dd().Body(app.Ul().Body(app.Range(chosen).Slice(func(k int) app.UI { return app.Li().Text(chosen[k]) })))
			}
			dl = append(dl, app.Dt().Text(strconv.Itoa(i+1)+": "+q.Text), dd)
		}
		if c.Situation.Comment != "" {
			dl = append(dl, app.Dt().Text(shared.MinSituationCommentLabel), app.Dd().Class("jobnet-minsag-text").Text(c.Situation.Comment))
		}
		return app.Section().ID(shared.MinSagAnchorSituation).Aria("labelledby", "minsag-situation-heading").Class("jobnet-minsag-section").Body(
			append(head, app.Dl().ID("minsag-situation-read").Class("jobnet-minsag-answers").Body(dl...))...)
	}
	ferr := p.sitState.ferr
	return app.Section().ID(shared.MinSagAnchorSituation).Aria("labelledby", "minsag-situation-heading").Class("jobnet-minsag-section").Body(
		append(head,
			app.Form().ID("minsag-situation-form").Attr("novalidate", true).Aria("labelledby", "minsag-situation-heading").OnSubmit(p.saveSituation).Body(
				ferr.summary(),
				ui.Slot("jobnet-form-success", p.sitSaved, func() app.UI { return ui.SuccessAlert("Dine svar om din situation er gemt.") }),
				app.P().Class("form-hint").Text("Spørgsmål markeret med * skal besvares."),
				app.Range(qs).Slice(func(i int) app.UI {
					q := qs[i]
					legend := strconv.Itoa(i+1) + ": " + q.Text + " *"
					if q.Multiple {
						legend += " (vælg gerne flere)"
					}
					return ui.Fieldset("minsag-" + q.ID).Legend(legend).Error(ferr.field(shared.ScreeningAnswerField(q.ID))).Body(
						app.Range(q.Options).Slice(func(j int) app.UI { return p.option(q, q.Options[j]) }),
					)
				}),
				ui.Field("minsag-comment").Label(shared.MinSituationCommentLabel).Rows(4).Value(p.situation.Comment).Error(ferr.field("comment")).
					OnInput(func(ctx app.Context, e app.Event) { p.situation.Comment = ui.InputValue(ctx); p.sitSaved = false }),
				app.Button().Type("submit").ID("minsag-situation-save").Class("button button-primary").Disabled(p.sitState.busy).Text("Gem min situation"),
			))...)
}

func (p *minSagPage) option(q shared.ScreeningQuestion, o shared.ScreeningOption) app.UI {
	id := "minsag-" + o.ID
	chosen := slices.Contains(p.situation.Answers[q.ID], o.ID)
	if q.Multiple {
		return app.Div().Class("form-group-checkbox").Body(
			app.Input().Type("checkbox").ID(id).Name("minsag-"+q.ID).Class("form-checkbox").Value(o.ID).Checked(chosen).
				OnChange(func(ctx app.Context, e app.Event) {
					cur := slices.DeleteFunc(slices.Clone(p.situation.Answers[q.ID]), func(v string) bool { return v == o.ID })
					if ctx.JSSrc().Get("checked").Bool() {
						cur = append(cur, o.ID)
					}
					p.situation.Answers[q.ID], p.sitSaved = cur, false
				}),
			app.Label().Class("form-label").For(id).Text(o.Text),
		)
	}
	return app.Div().Class("form-group-radio").Body(
		app.Input().Type("radio").ID(id).Name("minsag-"+q.ID).Class("form-radio").Value(o.ID).Checked(chosen).
			OnChange(func(ctx app.Context, e app.Event) { p.situation.Answers[q.ID], p.sitSaved = []string{o.ID}, false }),
		app.Label().Class("form-label").For(id).Text(o.Text),
	)
}

func (p *minSagPage) saveSituation(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.sitSaved = false
	submitChecked(ctx, &p.sitState, p.situation.Check(), p.situation, api.SaveMinSituation, func(ctx app.Context, page shared.MinSagPage) {
		p.page, p.sitSaved = page, true
	})
}

// minSagCard is the one card under the menu item.
var minSagCard = menuCard{"Min sag til teamet", shared.MinSagMenuText, pathMinSag}

// withMinSagTab adds "Min sag til teamet" to the front page's menu: "et
// ekstra menupunkt i topmenuen" for a citizen with an open case [003],
// whom the jobcenter sees so too. The a-kasse sees it greyed out
// ("afblændet", 000 3) for every member, with the refusal in its panel:
// shown only for members with a case, it would tell the a-kasse of a
// forløb outside dagpenge, which it may not know (WithheldOtherTargetGroups).
func withMinSagTab(t ui.ITabs, f shared.Features, role shared.Role) ui.ITabs {
	if w, ok := shared.WithheldEntry(role, shared.WithheldMinSag); ok {
		return t.TabWithClass(minSagCard.title, "jobnet-tab-withheld",
			app.P().ID("minsag-withheld").Class("jobnet-withheld-panel").Text(w.Refusal))
	}
	if !f.MinSag {
		return t
	}
	return t.Tab(minSagCard.title, cardMenu([]menuCard{minSagCard}))
}
