// Package app is what a citizen or caseworker sees: go-app components
// compiled to WebAssembly and prerendered by the server. It talks to the
// server only through the JSON API's typed client (package api), draws with
// the DKFDS widgets of package ui, and judges forms with the same shared
// validators the server uses.
package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/shared"
)

// Page paths. A page is linked from a menu only once it is built.
const (
	pathForside    = "/"
	pathLogin      = "/log-ind"
	pathRegister   = "/opret-bruger"
	pathCaseworker = "/sagsbehandleradgang"
	pathHistorik   = "/historik"
	pathEures      = "/job-i-europa"
	pathDagpenge   = "/dagpengetaellere"
	pathMinPlan    = "/min-plan"
	pathSuppl      = "/supplerende-dagpenge"
	pathTimer225   = "/225-timers-reglen"
	pathFindJob    = "/find-job"
	pathSeeking    = "/jeg-soeger-job-som"
	pathSavedJobs  = "/gemte-job"
	// Joblog (SPEC C3): the list, the two forms of a new log, a log's own
	// view and its form (?id=).
	pathJoblog            = "/joblog"
	pathJoblogNewJob      = "/joblog/ny-jobsoegning"
	pathJoblogNewActivity = "/joblog/ny-aktivitet"
	pathJoblogView        = "/joblog/log"
	pathJoblogEdit        = "/joblog/rediger"
	// pathKalender is the Kalender (SPEC D5), the month in ?maaned=.
	pathKalender = "/kalender"
	// Min beskedbakke (SPEC D6): the list and one message (?id=).
	pathBeskedbakke = "/beskedbakke"
	pathBesked      = "/beskedbakke/besked"
	// Møder (SPEC D4): the list and one meeting (?id=); the booking flow
	// is shared.PageBookMeeting.
	pathMoeder = shared.PageMeetings
	pathMoede  = shared.PageMeeting
	// Mit CV (SPEC C4): the page, an entry's form (?fold= or ?id=), the
	// form of its contact, søgbarhed, link, languages and licence; the
	// Præsentations-CV.
	pathCV           = "/mit-cv"
	pathCVEntry      = "/mit-cv/oplysning"
	pathCVSettings   = "/mit-cv/kontakt-og-sprog"
	pathPresentation = "/praesentations-cv"
	// pathTilmelding is Til- og afmelding (SPEC D8).
	pathTilmelding = shared.PageEnrolment
	// pathScreening is the Forberedelsesskema (SPEC C5).
	pathScreening = "/forberedelsesskema"
	// Fravær (SPEC D7): "Aktuelt fravær" and its three self-services.
	pathFravaer        = shared.PageFravaer
	pathFravaerFerie   = shared.PageFravaerFerie
	pathFravaerSyg     = shared.PageFravaerSyg
	pathFravaerArbejde = shared.PageFravaerArbejde
	// pathJobAd is an internal ad's page: /job/{id}.
	pathJobAd = "/job/"
	// pathMinSag is Min sag til teamet (SPEC D13).
	pathMinSag = shared.PageMinSag
	// pathHistorikPlan is a version of Min Plan opened from Historik (?id=).
	pathHistorikPlan = shared.PageHistoryPlan
	// PathDemoCounters is public and kept by the service worker for offline use.
	PathDemoCounters = "/demo/dagpengetaellere"
)

// PagePaths are the paths of every page, for the server's tests.
func PagePaths() []string {
	return []string{pathForside, pathLogin, pathRegister, pathCaseworker, pathHistorik, pathEures,
		pathSeeking, pathSavedJobs, pathJoblog, pathJoblogNewJob, pathJoblogNewActivity, pathScreening,
		pathCV, pathCVEntry, pathCVSettings, pathPresentation,
		pathMinPlan, pathMoeder, pathMoede, pathKalender, pathKalender + "?maaned=2026-12", pathBeskedbakke, pathBesked, shared.PageBookMeeting, pathDagpenge, pathSuppl, pathTimer225, PathDemoCounters, pathFindJob, pathFindJob + "?WIDK=true", pathMinSag,
		pathFravaer, pathFravaerFerie, pathFravaerSyg, pathFravaerArbejde, pathHistorikPlan, pathTilmelding,
		shared.PageProfile, shared.PageProfileAccount, shared.PageProfileNotices, shared.PageProfileDelete}
}

// RegisterRoutes maps page paths to components. The WASM main and the
// server (for prerendering) both call it.
func RegisterRoutes() {
	app.Route(pathForside, func() app.Composer { return newForside() })
	app.Route(pathLogin, func() app.Composer { return newLoginPage() })
	app.Route(pathRegister, func() app.Composer { return newRegisterPage() })
	app.Route(pathCaseworker, func() app.Composer { return newCaseworkerPage() })
	app.Route(pathHistorik, func() app.Composer { return newHistorikPage() })
	app.Route(pathHistorikPlan, func() app.Composer { return newHistorikPlanPage() })
	app.Route(pathTilmelding, func() app.Composer { return newTilmeldingPage() })
	app.Route(pathEures, func() app.Composer { return newEuresPage() })
	app.Route(pathMinPlan, func() app.Composer { return newMinPlanPage() })
	app.Route(pathKalender, func() app.Composer { return newKalenderPage() })
	app.Route(pathBeskedbakke, func() app.Composer { return newBeskedbakkePage() })
	app.Route(pathBesked, func() app.Composer { return newBeskedPage() })
	app.Route(pathMoeder, func() app.Composer { return newMoederPage() })
	app.Route(pathMoede, func() app.Composer { return newMoedePage() })
	app.Route(shared.PageBookMeeting, func() app.Composer { return newBookingPage() })
	app.Route(pathDagpenge, func() app.Composer { return newCountersPage(kindDagpenge) })
	app.Route(pathSuppl, func() app.Composer { return newCountersPage(kindSupplerende) })
	app.Route(pathTimer225, func() app.Composer { return newCountersPage(kindTimer225) })
	app.Route(pathSeeking, func() app.Composer { return newJobSeekingPage() })
	app.Route(pathSavedJobs, func() app.Composer { return newSavedJobsPage() })
	app.Route(pathJoblog, func() app.Composer { return newJoblogPage() })
	app.Route(pathJoblogNewJob, func() app.Composer { return newJoblogFormPage() })
	app.Route(pathJoblogNewActivity, func() app.Composer { return newJoblogFormPage() })
	app.Route(pathJoblogEdit, func() app.Composer { return newJoblogFormPage() })
	app.Route(pathJoblogView, func() app.Composer { return newJoblogViewPage() })
	app.Route(pathCV, func() app.Composer { return newCVPage() })
	app.Route(pathCVEntry, func() app.Composer { return newCVEntryPage() })
	app.Route(pathCVSettings, func() app.Composer { return newCVSettingsPage() })
	app.Route(pathPresentation, func() app.Composer { return newPresentationPage() })
	app.Route(pathScreening, func() app.Composer { return newScreeningPage() })
	app.Route(pathMinSag, func() app.Composer { return newMinSagPage() })
	app.Route(PathDemoCounters, func() app.Composer { return newDemoCountersPage() })
	app.Route(pathFindJob, func() app.Composer { return newFindJobPage() })
	app.Route(pathFravaer, func() app.Composer { return newFravaerPage() })
	app.Route(pathFravaerFerie, func() app.Composer { return newFravaerPeriodPage(ferieService) })
	app.Route(pathFravaerSyg, func() app.Composer { return newFravaerSygPage() })
	app.Route(pathFravaerArbejde, func() app.Composer { return newFravaerPeriodPage(arbejdeService) })
	// Brugerprofil (SPEC A3): its four sub-pages.
	for _, sub := range profilSubPages {
		app.Route(sub.path, func() app.Composer { return newProfilPage(sub.path) })
	}
	app.RouteWithRegexp("^"+pathJobAd+"[0-9]+$", func() app.Composer { return newJobAdPage() })
}

// PreloadPaths are the pages that show a citizen's data and the API paths
// each loads first: the server answers them with the page (app/api's
// preloaded answers), besides the session. Not the front page: go-app's
// service worker keeps "/" for offline use, and what it keeps must hold no
// one's data.
func PreloadPaths() map[string][]string {
	return map[string][]string{
		pathMinPlan:      {shared.APIPlan},
		pathHistorik:     {shared.APILoginHistory, shared.APIHistory},
		pathEures:        {shared.APIEures},
		pathDagpenge:     {shared.APICounters + "?view=" + counterViews[kindDagpenge]},
		pathSuppl:        {shared.APICounters + "?view=" + counterViews[kindSupplerende]},
		pathTimer225:     {shared.APICounters + "?view=" + counterViews[kindTimer225]},
		pathSeeking:      {shared.APIJobSeeking},
		pathSavedJobs:    {shared.APISavedJobs},
		pathCV:           {shared.APICV},
		pathCVEntry:      {shared.APICV},
		pathCVSettings:   {shared.APICV},
		pathPresentation: {shared.APIPresentationCV},
		pathScreening:    {shared.APIScreening},
		pathBeskedbakke:  {shared.APIMessages},
		pathBesked:       {shared.APIMessages},
		pathMoeder:       {shared.APIMeetings},
		// Book et møde: the offers of the ordinary flow (an ombook or a
		// straksbooking asks with its query, after the page).
		shared.PageBookMeeting: {shared.APIBookingOffers},
		// The month of the page's ?maaned= (server/site fills {maaned} in).
		pathKalender: {shared.CalendarPath("{maaned}")},
		pathMinSag:   {shared.APIMinSag},
		// Fravær: the page and its self-services read "Aktuelt fravær".
		pathFravaer:        {shared.APIFravaer},
		pathFravaerFerie:   {shared.APIFravaer},
		pathFravaerSyg:     {shared.APIFravaer},
		pathFravaerArbejde: {shared.APIFravaer},
		// Til- og afmelding (SPEC D8).
		pathTilmelding: {shared.APIEnrolment},
		// Brugerprofil's four sub-pages.
		shared.PageProfile:        {shared.APIProfile},
		shared.PageProfileAccount: {shared.APIProfile},
		shared.PageProfileNotices: {shared.APIProfile},
		shared.PageProfileDelete:  {shared.APIProfile},
	}
}
