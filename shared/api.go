package shared

import "strconv"

// The API's paths, named once: the server's route table and the app's
// typed client (app/api) both use these, so that neither spells a path.
const (
	APISession          = "/api/session"
	APISessionExpire    = "/api/session/expire"
	APILogin            = "/api/login"
	APIRegister         = "/api/register"
	APILogout           = "/api/logout"
	APICaseworkerLogin  = "/api/caseworker/login"
	APIMirror           = "/api/mirror"
	APIOverview         = "/api/overview"
	APINotificationDone = "/api/notifications/{id}/done"
	APILoginHistory     = "/api/history/logins"
	APIEures            = "/api/eures"
	APICounters         = "/api/counters"
	APIPlan             = "/api/plan"
	APIPlanPDF          = "/api/plan/pdf"
	APIPlanContractPDF  = "/api/plan/contract.pdf"
	APIFirstPlanBox     = "/api/plan/first-plan-box"
	APIEducationSave    = "/api/plan/education"
	APIEducationSend    = "/api/plan/education/send"
	APIBehaviour        = "/api/behaviour"

	// "Jeg søger job som" (SPEC C2): the page, its occupations, one
	// occupation by its taxonomy id, the employment conditions.
	APIJobSeeking           = "/api/jobseeking"
	APISoughtOccupations    = "/api/jobseeking/occupations"
	APISoughtOccupation     = "/api/jobseeking/occupations/{id}"
	APIEmploymentConditions = "/api/jobseeking/conditions"

	// Find Job for a logged-in citizen (issue 11): favourites ("Se gemte
	// job") by the ad's id, the marks of a list's ads (?ads=1,2,3), saved
	// searches by their id.
	APISavedJobs     = "/api/findjob/saved-jobs"
	APISavedJob      = "/api/findjob/saved-jobs/{id}"
	APIJobMarks      = "/api/findjob/marks"
	APISavedSearches = "/api/findjob/searches"
	APISavedSearch   = "/api/findjob/searches/{id}"

	// Joblog (SPEC C3): the list (?q=&from=&to=&status=&closed=), one log
	// by its id, its quick status change, and the postcodes and areas the
	// form judges a workplace by (reference data, public).
	APIJoblogs      = "/api/joblogs"
	APIJoblog       = "/api/joblogs/{id}"
	APIJoblogStatus = "/api/joblogs/{id}/status"
	// APIJoblogTravel is a log's travel time by public transport from
	// home (issue 12), known only with a journey planner.
	APIJoblogTravel = "/api/joblogs/{id}/travel"
	APIJoblogPlaces = "/api/joblog-places"

	// Mit CV (SPEC C4): the page, its settings (søgbart, contact, link,
	// languages, driving licence), the folds' entries by id, the LinkedIn
	// box's "Vis ikke denne besked igen", the PDF. The Præsentations-CV
	// (APIPresentationCV, withheld.go) and its PDF.
	APICV                = "/api/cv"
	APICVSettings        = "/api/cv/settings"
	APICVEntries         = "/api/cv/entries"
	APICVEntry           = "/api/cv/entries/{id}"
	APICVLinkNudge       = "/api/cv/link-nudge"
	APICVPDF             = "/api/cv/pdf"
	APIPresentationCVPDF = APIPresentationCV + "/pdf"
	// Forberedelsesskema (SPEC C5): the current screening (GET) and the
	// citizen's answer (POST); the receipt as a PDF.
	APIScreening    = "/api/screening"
	APIScreeningPDF = "/api/screening/pdf"

	// STAR's administration API: the front page's banner (SPEC B1).
	APIAdminBanner = "/api/admin/v1/banner"

	// The public Find Job API (issue 10), versioned in its path.
	APIJobs         = "/api/v1/jobs"
	APIJobSuggest   = "/api/v1/jobs/suggest"
	APIJob          = "/api/v1/jobs/{id}"
	APIWIDKCount    = "/api/v1/widk/count"
	APIOpenAPI      = "/api/v1/openapi.json"
	APIPublicPrefix = "/api/v1/"

	// Job agents (issue 11): a citizen's own, and anyone's (Work in
	// Denmark's, Jobnet's without a login) confirmed by a mail's link;
	// the mails' confirmation and unsubscribe links need no login.
	APIJobAgents           = "/api/jobagents"
	APIJobAgent            = "/api/jobagents/{id}"
	APIPublicJobAgents     = "/api/v1/jobagents"
	APIJobAgentConfirm     = "/api/v1/jobagents/confirm"
	APIJobAgentUnsubscribe = "/api/v1/jobagents/unsubscribe"
)

// JobPath is APIJob for one ad.
func JobPath(id int64) string { return APIJobs + "/" + strconv.FormatInt(id, 10) }

// SoughtOccupationPath is APISoughtOccupation for one occupation.
func SoughtOccupationPath(occupationID int) string {
	return APISoughtOccupations + "/" + strconv.Itoa(occupationID)
}

// JoblogPath is APIJoblog for one log.
func JoblogPath(id int64) string { return APIJoblogs + "/" + strconv.FormatInt(id, 10) }

// JoblogTravelPath is APIJoblogTravel for one log.
func JoblogTravelPath(id int64) string { return JoblogPath(id) + "/travel" }

// JoblogStatusPath is APIJoblogStatus for one log.
func JoblogStatusPath(id int64) string { return JoblogPath(id) + "/status" }

// NotificationDonePath is APINotificationDone for one notification.
func NotificationDonePath(id int64) string {
	return "/api/notifications/" + strconv.FormatInt(id, 10) + "/done"
}

// CounterViews name the counters pages for GET APICounters?view=…, and
// the behaviour event each page's opening records.
const (
	CounterViewDagpenge    = "dagpenge"
	CounterViewSupplerende = "supplerende"
	CounterViewTimer225    = "timer225"
)

// CVEntryPath is APICVEntry for one entry.
func CVEntryPath(id int64) string { return APICVEntries + "/" + strconv.FormatInt(id, 10) }

// AppWarmupEnv is the environment variable with which server/site's
// warm-up worker runs app.wasm: cmd/jobnet-wasm then stops after its
// initialisation, which was the point of running it (issue 9).
const AppWarmupEnv = "JOBNET_WARMUP"
