package httpapi

import (
	"slices"
	"strconv"
	"strings"

	"jobnet/shared"
)

// Citizen-scoped handlers. The endpoint has already applied the route's
// policy; these read and write only through req.citizen, the shown
// citizen's rows.

// loadOverview: GET /api/overview — the front page's data (SPEC B2–B7):
// the notifications in their order, with a notice of a new or changed
// plan the citizen has not opened yet and one of udgåede occupations; the
// forsidekort and the primary action; automatch. Automatch and the cards'
// facts are the session's, computed at its first front page (frontCache).
func loadOverview(req *citizenRequest) (shared.Overview, error) {
	ctx := req.ctx()
	fp, err := req.citizen.FrontPage(ctx, req.now)
	if err != nil {
		return shared.Overview{}, err
	}
	today := req.today()
	nudges, err := req.fronts.get(req.sess.tokenHash, req.who.ID, func() (frontNudges, error) {
		n := frontNudges{fleks: shared.IsFleksjobvisiteret(req.who.Forloeb, today)}
		var err error
		if n.facts, err = req.citizen.FrontFacts(ctx, req.now); err != nil {
			return n, err
		}
		n.match, err = req.citizen.Automatch(ctx, n.fleks, req.findjob.Tax.HotjobGroups())
		return n, err
	})
	if err != nil {
		return shared.Overview{}, err
	}
	facts, fleks := nudges.facts, nudges.fleks
	// The Forberedelsesskema's menu item, while a screening is shown.
	if sc, ok, err := req.citizen.CurrentScreening(ctx, req.now.In(req.loc)); err != nil {
		return shared.Overview{}, err
	} else if ok {
		fp.Features.Forberedelsesskema = sc.Kind
	}
	// Min sag til teamet's menu item, while a rehab case is open (D13).
	if _, ok, err := req.citizen.OpenRehabCase(ctx, req.now.In(req.loc)); err != nil {
		return shared.Overview{}, err
	} else if ok {
		fp.Features.MinSag = true
	}
	// The sygemelding's notice and the sick citizen's primary action come
	// from the absence (Fravær, shared.SygemeldingNotification); a notice
	// of that kind stored by a case system stands instead, never both.
	abs, err := req.citizen.Absences(ctx)
	if err != nil {
		return shared.Overview{}, err
	}
	notes := fp.Notifications
	if n, ok := shared.SygemeldingNotification(abs, today); ok &&
		!slices.ContainsFunc(notes, func(s shared.Notification) bool { return s.Kind == shared.NotifySygemelding }) {
		notes = append(notes, n)
	}
	_, sick := shared.OpenSygemelding(abs, today)
	o := shared.Overview{Name: req.who.Name, Enrolment: req.who.Enrolment, Forloeb: req.who.Forloeb,
		Notifications: notes, Features: fp.Features, Automatch: nudges.match}
	if fp.PlanNotice.NewVersion {
		n := shared.Notification{Kind: shared.NotifyPlan, Title: "Din plan er ændret", Text: "Se, hvad der er ændret, i Min plan."}
		if fp.PlanNotice.FirstPlan {
			n.Title, n.Text = "Du har fået en plan", "Se din plan i Min plan."
		}
		o.Notifications = append(o.Notifications, n)
	}
	// The booking deadline, second in the order (OrderNotifications), to
	// the booking flow; none once it has passed (then straksbooking).
	if d := fp.Deadline; d != nil {
		if n, _, ok := shared.FristNotification(d.Due, today); ok {
			o.Notifications = append(o.Notifications, n)
		}
	}
	discontinued := facts.DiscontinuedTitles()
	if n, ok := shared.DiscontinuedNotification(discontinued); ok {
		o.Notifications = append(o.Notifications, n)
	}
	o.Unread, o.MessageCount = fp.Unread, fp.MessageCount
	o.AddMessageNotice() // and puts the notifications in order
	o.Nudges = shared.Nudges{Cards: facts.Cards, Seed: req.sess.seed(), Today: today, FleksjobAutomatch: fleks,
		Primary: shared.PrimaryFacts{Occupations: facts.Refs(), Discontinued: len(discontinued) > 0,
			HomePostcode: facts.Cards.HomePostcode, Sick: sick}}
	o.Judge(req.who.Forloeb)
	return o, nil
}

// overviewForCitizen records which cards the citizen was shown, which is
// job-search data (FEATURES.md 1.4, from 003).
func overviewForCitizen(req *citizenRequest, o shared.Overview) (shared.Overview, error) {
	if len(o.Cards) > 0 {
		kinds := make([]string, len(o.Cards))
		for i, c := range o.Cards {
			kinds[i] = string(c.Kind)
		}
		req.record(eventCardsShown, strings.Join(kinds, ", "))
	}
	return o, nil
}

// overviewForAKasse: the front page without other target groups (SPEC K4).
// The Forberedelsesskema's menu item shows only for a screening the
// a-kasse may see (shared.AKasseScreeningOf).
func overviewForAKasse(req *citizenRequest, o shared.Overview) (shared.AKasseOverview, error) {
	a := *shared.ProjectForAKasse(shared.CitizenData{Overview: &o, AKasse: akasseCode(req)}).Overview
	if a.Features.Forberedelsesskema != "" {
		sc, ok, err := req.citizen.CurrentScreening(req.ctx(), req.now.In(req.loc))
		if err != nil {
			return shared.AKasseOverview{}, err
		}
		if !ok || shared.AKasseScreeningOf(&sc, req.who.Forloeb, req.today()) == nil {
			a.Features.Forberedelsesskema = ""
		}
	}
	return a, nil
}

// handleNotificationDone: POST /api/notifications/{id}/done — the citizen
// marks a notification as done ("Jeg har sendt dem").
func handleNotificationDone(req *citizenRequest) (noContent, error) {
	id, err := strconv.ParseInt(req.r.PathValue("id"), 10, 64)
	if err != nil {
		return noContent{}, shared.Errorf(shared.EInvalid, "Ugyldigt id.")
	}
	return noContent{}, req.citizen.MarkNotificationDone(req.ctx(), id, req.now)
}

// handleLoginHistory: GET /api/history/logins — Historik → Login, the last
// three months (SPEC D12, K3).
func handleLoginHistory(req *citizenRequest) ([]shared.LoginEntry, error) {
	return req.citizen.LoginHistory(req.ctx(), req.now.AddDate(0, -shared.LoginHistoryMonths, 0))
}

// handleGetEures: GET /api/eures — Job i Europa: is the CV visible to
// employers in all of Europe (SPEC C6).
func handleGetEures(req *citizenRequest) (shared.EuresSetting, error) {
	return req.citizen.Eures(req.ctx())
}

// handlePutEures: PUT /api/eures — the citizen changes the Job i Europa choice.
func handlePutEures(req *citizenRequest) (shared.EuresSetting, error) {
	var e shared.EuresSetting
	if err := decode(req.r, &e); err != nil {
		return shared.EuresSetting{}, err
	}
	return e, req.citizen.SetEures(req.ctx(), e, req.now)
}

// counterEvents are the behaviour events of opening each counters page
// (003_…txt "Jobsøgningsdata": "Dagpengetællere startet").
var counterEvents = map[string]string{
	shared.CounterViewDagpenge:    "Dagpengetællere startet",
	shared.CounterViewSupplerende: "Tællere for supplerende dagpenge startet",
	shared.CounterViewTimer225:    "225 timers reglen startet",
}

// loadCounters: GET /api/counters?view=dagpenge|supplerende|timer225 — the
// citizen's counter figures (SPEC D9–D11). The simulator runs in the
// browser and writes nothing. Opening a counters page (view) is behaviour
// data, for a citizen (SPEC K5).
func loadCounters(req *citizenRequest) (shared.Counters, error) {
	view := req.r.URL.Query().Get("view")
	event, ok := counterEvents[view]
	if view != "" && !ok {
		return shared.Counters{}, shared.Errorf(shared.EInvalid, "view skal være dagpenge, supplerende eller timer225.")
	}
	c, err := req.citizen.Counters(req.ctx())
	if err == nil && ok {
		req.record(event, "")
	}
	return c, err
}

func countersForCitizen(_ *citizenRequest, c shared.Counters) (shared.Counters, error) { return c, nil }

// countersForAKasse: without the 225-hour figures (SPEC K4).
func countersForAKasse(_ *citizenRequest, c shared.Counters) (shared.AKasseCounters, error) {
	return *shared.ProjectForAKasse(shared.CitizenData{Counters: &c}).Counters, nil
}

// handleBehaviour: POST /api/behaviour — an action that happens only in the
// browser, such as using the counters' simulator, reported by the app.
func handleBehaviour(req *citizenRequest) (noContent, error) {
	var in shared.BehaviourEvent
	if err := decode(req.r, &in); err != nil {
		return noContent{}, err
	}
	if !in.Valid() {
		return noContent{}, &shared.Error{Code: shared.EInvalid, Message: "Ukendt hændelse.",
			Fields: []shared.FieldError{{Field: "view", Message: "Passer ikke til hændelsens art."}}}
	}
	req.record(map[string]string{shared.BehaviourSimulation: eventSimulation, shared.BehaviourFindJobOpen: eventFindJobOpened}[in.Kind], in.View)
	if in.Kind == shared.BehaviourFindJobOpen {
		// An external ad opened at its source is seen too (issue 11).
		id, _ := strconv.ParseInt(in.View, 10, 64)
		return noContent{}, req.visited(func() error { return req.citizen.MarkSeen(req.ctx(), id, req.now) })
	}
	return noContent{}, nil
}
