package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// Find Job for a logged-in citizen (issue 11): "Gem job" on each teaser
// and on the ad's page, "Set" on the teasers of ads the citizen opened,
// "Gem søgning" and the saved searches, and the link to "Se gemte job".
// A caseworker mirroring the citizen sees the marks and the saved searches
// without the controls, as on "Jeg søger job som"; anonymous users and
// Work in Denmark's instance see none of it (FEATURES.md 1.2: "Den
// loginaktiverede funktionalitet på siden fremgår derved ikke").

// jobMarks are the shown citizen's marks of the ads a page shows.
type jobMarks struct {
	saved, seen map[int64]bool
	asked       int    // the number of the latest request: older answers are dropped
	err         string // the last failed change, said
}

// load asks for the marks of the ads, when a citizen is shown.
func (m *jobMarks) load(ctx app.Context, sess shared.Session, ids []int64) {
	if app.IsServer || sess.Actor.CitizenID == 0 || len(ids) == 0 {
		return
	}
	m.asked++
	n := m.asked
	ctx.Async(func() {
		marks, err := api.JobMarks(ctx, ids)
		ctx.Dispatch(func(app.Context) {
			if n != m.asked || err != nil {
				return // asked again since, or no marks now: the ads are shown without
			}
			m.saved, m.seen = idSet(marks.Saved), idSet(marks.Seen)
		})
	})
}

func idSet(ids []int64) map[int64]bool {
	s := make(map[int64]bool, len(ids))
	for _, id := range ids {
		s[id] = true
	}
	return s
}

// opened marks an ad seen at once when the citizen opens it (the server
// marks it too).
func (m *jobMarks) opened(id int64) {
	if m.seen == nil {
		m.seen = map[int64]bool{}
	}
	m.seen[id] = true
}

// toggle saves the ad, or takes it off the favourites.
func (m *jobMarks) toggle(ctx app.Context, id int64) {
	save := !m.saved[id]
	ctx.Async(func() {
		_, err := api.SaveJob(ctx, id, save)
		ctx.Dispatch(func(app.Context) {
			if err != nil {
				m.err = shared.ErrorMessageOf(err)
				return
			}
			if m.saved == nil {
				m.saved = map[int64]bool{}
			}
			m.saved[id], m.err = save, ""
		})
	})
}

// render is an ad's marks: "Set" when the citizen has opened it, and
// "Gem job" — a toggle button for the citizen, named with the ad's title
// for screen readers, or for a caseworker only the mark "Gemt".
func (m *jobMarks) render(sess shared.Session, id int64, title string, showSeen bool) app.UI {
	saved, sid := m.saved[id], strconv.FormatInt(id, 10)
	return app.Div().Class("jobnet-job-marks").Body(
		app.If(showSeen && m.seen[id], func() app.UI {
			return app.Span().ID("job-"+sid+"-seen").Class("jobnet-tag jobnet-seen").Body(
				app.Text("Set"), app.Span().Class("sr-only").Text(" – du har åbnet annoncen"))
		}),
		app.If(sess.Actor.MayWrite(), func() app.UI {
			icon := "star"
			if saved {
				icon = "star-fill"
			}
			return app.Button().Type("button").ID("job-"+sid+"-save").Class("button button-unstyled jobnet-save-job").
				Aria("pressed", boolString(saved)).
				OnClick(func(ctx app.Context, e app.Event) { m.toggle(ctx, id) }, app.EventScope(sid)).Body(
				// One span for the text: in the flex button a bare text and
				// the hidden title would be items of their own, without the
				// space between them in the button's name.
				ui.Icon(icon, ""), app.Span().Body(app.Text("Gem job"), app.Span().Class("sr-only").Text(": "+title)))
		}).ElseIf(saved, func() app.UI {
			return app.Span().ID("job-" + sid + "-saved").Class("jobnet-tag").Text("Gemt")
		}),
	)
}

// savedSearches is Find Job's panel of saved searches and "Gem søgning".
type savedSearches struct {
	list    shared.SavedSearches
	load    pageLoad
	open    bool   // "Gem søgning" unfolded
	name    string // the name as typed
	form    formState
	done    string // the last change, said
	failure string // a failed delete, said
}

// citizenShown: a citizen's Find Job (the citizen's own, or mirrored),
// not Work in Denmark's.
func (p *findJobPage) citizenShown() bool { return p.sess.Actor.CitizenID != 0 && !p.en() }

// loadMine asks for the marks of the ads shown and, once, the saved
// searches: when the ads are there and when the session is.
func (p *findJobPage) loadMine(ctx app.Context) {
	if !p.citizenShown() {
		return
	}
	if p.load.st == loaded {
		ids := make([]int64, len(p.res.Ads))
		for i, a := range p.res.Ads {
			ids[i] = a.ID
		}
		p.marks.load(ctx, p.sess, ids)
	}
	if p.mine.load.st == neverLoaded && !app.IsServer {
		fetchInto(ctx, &p.mine.load, api.SavedSearches, &p.mine.list)
	}
}

// facetLabel names a criterion's value as the filters do, for the
// default name of a saved search.
func (p *findJobPage) facetLabel(param, value string) string {
	for _, f := range p.res.Facets {
		if f.Name != param {
			continue
		}
		for _, v := range f.Values {
			if v.Value == value {
				return v.Label
			}
		}
	}
	return ""
}

func (p *findJobPage) openSaveSearch(ctx app.Context, e app.Event) {
	s := &p.mine
	s.open = !s.open
	if s.open {
		s.name, s.form, s.done = p.q.Summary(p.facetLabel), formState{}, ""
		ui.FocusSoon(ctx, "save-search-name")
	}
}

func (p *findJobPage) saveSearch(ctx app.Context, e app.Event) {
	e.PreventDefault()
	s := &p.mine
	in := shared.SavedSearchInput{Name: s.name, Query: shared.SavedSearchQuery(p.q)}
	_, err := in.Check()
	submitChecked(ctx, &s.form, err, in, api.AddSavedSearch, func(ctx app.Context, list shared.SavedSearches) {
		s.list, s.open, s.done = list, false, "Søgningen er gemt som \""+in.Name+"\"."
		ui.FocusSoon(ctx, "save-search")
	})
}

func (p *findJobPage) removeSearch(ctx app.Context, ss shared.SavedSearch) {
	s := &p.mine
	ctx.Async(func() {
		list, err := api.RemoveSavedSearch(ctx, ss.ID)
		ctx.Dispatch(func(app.Context) {
			if err != nil {
				s.failure = shared.ErrorMessageOf(err)
				return
			}
			s.list, s.failure, s.done = list, "", "Søgningen \""+ss.Name+"\" er slettet."
			ui.FocusSoon(ctx, "findjob-mine-heading")
		})
	})
}

// renderMine is the panel: "Se gemte job", the saved searches, each run
// again by its link, and "Gem søgning" for the citizen.
func (p *findJobPage) renderMine() app.UI {
	return ui.Slot("jobnet-findjob-mine-slot", p.citizenShown(), func() app.UI {
		s := &p.mine
		write := p.sess.Actor.MayWrite()
		return app.Section().ID("findjob-mine").Class("jobnet-findjob-mine").Aria("labelledby", "findjob-mine-heading").Body(
			app.Div().Class("jobnet-findjob-mine-head").Body(
				app.H2().ID("findjob-mine-heading").Class("h4").Attr("tabindex", "-1").Text("Gemte søgninger"),
				app.A().ID("findjob-saved-jobs").Class("jobnet-saved-jobs-link").Href(pathSavedJobs).Body(ui.Icon("bookmark", ""), app.Text("Se gemte job")),
			),
			ui.Slot("jobnet-form-success", s.done != "", func() app.UI { return ui.SuccessAlert(s.done) }),
			ui.ErrorSlot("jobnet-findjob-mine-error", s.failure),
			s.load.view(ui.Waiting("Henter dine gemte søgninger …"), func() app.UI {
				if len(s.list) == 0 {
					return app.P().ID("saved-searches-none").Text("Du har ingen gemte søgninger.")
				}
				return app.Ul().ID("saved-searches").Class("unstyled-list jobnet-saved-searches").Body(
					app.Range(s.list).Slice(func(i int) app.UI {
						ss := s.list[i]
						id := "saved-search-" + strconv.FormatInt(ss.ID, 10)
						return app.Li().ID(id).Body(
							app.A().ID(id+"-run").Href(ss.Href(pathFindJob)).Text(ss.Name),
							app.If(write, func() app.UI {
								return app.Button().Type("button").ID(id+"-delete").Class("button button-unstyled jobnet-saved-search-delete").
									OnClick(func(ctx app.Context, e app.Event) { p.removeSearch(ctx, ss) }, app.EventScope(id)).Body(
									ui.Icon("delete", ""), app.Span().Body(app.Text("Slet"), app.Span().Class("sr-only").Text(" "+ss.Name)))
							}),
						)
					}),
				)
			}),
			app.If(write, p.renderSaveSearch),
		)
	})
}

// renderSaveSearch is "Gem søgning": the current search under a name,
// by default its criteria in words.
func (p *findJobPage) renderSaveSearch() app.UI {
	s := &p.mine
	return app.Div().Class("jobnet-save-search").Body(
		app.Button().Type("button").ID("save-search").Class("button button-secondary").
			Aria("expanded", boolString(s.open)).Aria("controls", "save-search-form").
			OnClick(p.openSaveSearch).Text("Gem søgning"),
		ui.Slot("jobnet-save-search-slot", s.open, func() app.UI {
			return app.Form().ID("save-search-form").Class("jobnet-save-search-form").OnSubmit(p.saveSearch).Body(
				s.form.ferr.summary(),
				ui.Field("save-search-name").Label("Navn på søgningen").
					Hint("Du finder søgningen her under Gemte søgninger, når du er logget ind.").
					Value(s.name).Error(s.form.ferr.field("name")+s.form.ferr.field("query")).
					OnInput(func(ctx app.Context, e app.Event) { s.name = ui.InputValue(ctx) }),
				app.Div().Class("jobnet-form-actions").Body(
					app.Button().Type("submit").ID("save-search-submit").Class("button button-primary").Disabled(s.form.busy).Text("Gem"),
					app.Button().Type("button").ID("save-search-cancel").Class("button button-secondary").
						OnClick(func(ctx app.Context, e app.Event) { s.open = false; ui.FocusSoon(ctx, "save-search") }).Text("Annullér"),
				),
			)
		}),
	)
}
