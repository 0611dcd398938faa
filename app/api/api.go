// Package api is the app's typed client of the server's JSON API: one
// function per route the app calls, named for what it does, with the
// paths of shared/api.go. It sends with the browser's fetch, keeps the
// session's activity clock for the countdown and follows the server's
// clock (Now). The a-kasse's answers have the JSON shape of the citizen's
// types (shared/akasse_views.go), so every answer decodes into those.
//
// The functions block until the answer is there: call them in ctx.Async.
// The PDFs are not calls but links to their paths (shared.APIPlanPDF).
package api

import (
	"context"
	"encoding/json"
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/shared"
)

// Session is the signed-in session (GET /api/session); asking counts as
// activity.
func Session(ctx context.Context) (shared.Session, error) {
	return get[shared.Session](ctx, shared.APISession)
}

// ExpireSession ends the session as an automatic sign-off, so that the next
// login returns to this page (POST /api/session/expire).
func ExpireSession(ctx context.Context) error {
	return call(ctx, "POST", shared.APISessionExpire, nil, nil)
}

// Login signs a citizen in (POST /api/login).
func Login(ctx context.Context, in shared.LoginRequest) (shared.Session, error) {
	return request[shared.Session](ctx, "POST", shared.APILogin, in)
}

// Register creates a citizen's account and signs in (POST /api/register).
func Register(ctx context.Context, in shared.RegisterRequest) (shared.Session, error) {
	return request[shared.Session](ctx, "POST", shared.APIRegister, in)
}

// Logout ends the session at the person's request (POST /api/logout).
func Logout(ctx context.Context) error {
	return call(ctx, "POST", shared.APILogout, nil, nil)
}

// CaseworkerLogin signs a caseworker in (POST /api/caseworker/login).
func CaseworkerLogin(ctx context.Context, in shared.LoginRequest) (shared.Session, error) {
	return request[shared.Session](ctx, "POST", shared.APICaseworkerLogin, in)
}

// StartMirror lets a caseworker see the citizen with the CPR number
// (POST /api/mirror).
func StartMirror(ctx context.Context, in shared.MirrorRequest) (shared.Session, error) {
	return request[shared.Session](ctx, "POST", shared.APIMirror, in)
}

// StopMirror leaves the mirrored citizen, to choose another
// (DELETE /api/mirror).
func StopMirror(ctx context.Context) (shared.Session, error) {
	return request[shared.Session](ctx, "DELETE", shared.APIMirror, nil)
}

// Overview is the front page's data (GET /api/overview).
func Overview(ctx context.Context) (shared.Overview, error) {
	return get[shared.Overview](ctx, shared.APIOverview)
}

// MarkNotificationDone marks a notification as done
// (POST /api/notifications/{id}/done).
func MarkNotificationDone(ctx context.Context, id int64) error {
	return call(ctx, "POST", shared.NotificationDonePath(id), nil, nil)
}

// LoginHistory is Historik → Login, the last three months
// (GET /api/history/logins).
func LoginHistory(ctx context.Context) ([]shared.LoginEntry, error) {
	return get[[]shared.LoginEntry](ctx, shared.APILoginHistory)
}

// Eures is the Job i Europa choice (GET /api/eures).
func Eures(ctx context.Context) (shared.EuresSetting, error) {
	return get[shared.EuresSetting](ctx, shared.APIEures)
}

// SaveEures changes the Job i Europa choice (PUT /api/eures).
func SaveEures(ctx context.Context, in shared.EuresSetting) (shared.EuresSetting, error) {
	return request[shared.EuresSetting](ctx, "PUT", shared.APIEures, in)
}

// JobSeeking is "Jeg søger job som" (GET /api/jobseeking).
func JobSeeking(ctx context.Context) (shared.JobSeeking, error) {
	return get[shared.JobSeeking](ctx, shared.APIJobSeeking)
}

// AddSoughtOccupation adds an occupation, by its title or an alias
// (POST /api/jobseeking/occupations).
func AddSoughtOccupation(ctx context.Context, in shared.SoughtOccupationInput) (shared.JobSeeking, error) {
	return request[shared.JobSeeking](ctx, "POST", shared.APISoughtOccupations, in)
}

// UpdateSoughtOccupation changes an occupation's education and experience
// (PUT /api/jobseeking/occupations/{id}).
func UpdateSoughtOccupation(ctx context.Context, in shared.SoughtOccupationInput) (shared.JobSeeking, error) {
	return request[shared.JobSeeking](ctx, "PUT", shared.SoughtOccupationPath(in.OccupationID), in)
}

// RemoveSoughtOccupation removes an occupation
// (DELETE /api/jobseeking/occupations/{id}).
func RemoveSoughtOccupation(ctx context.Context, occupationID int) (shared.JobSeeking, error) {
	return request[shared.JobSeeking](ctx, "DELETE", shared.SoughtOccupationPath(occupationID), nil)
}

// SaveEmploymentConditions stores the Ansættelsesbetingelser
// (PUT /api/jobseeking/conditions).
func SaveEmploymentConditions(ctx context.Context, in shared.EmploymentConditions) (shared.JobSeeking, error) {
	return request[shared.JobSeeking](ctx, "PUT", shared.APIEmploymentConditions, in)
}

// SuggestOccupations are the occupations, by title and alias, for what
// was typed (GET /api/v1/jobs/suggest?kinds=stilling,alias).
func SuggestOccupations(ctx context.Context, text string) (shared.Suggestions, error) {
	q := url.Values{"q": {text}, "kinds": {shared.SuggestOccupation + "," + shared.SuggestAlias}}
	return get[shared.Suggestions](ctx, shared.APIJobSuggest+"?"+q.Encode())
}

// Counters are the citizen's counter figures; view (a shared.CounterView…)
// names the counters page that asks, which the server records
// (GET /api/counters?view=…).
func Counters(ctx context.Context, view string) (shared.Counters, error) {
	return get[shared.Counters](ctx, shared.APICounters+"?view="+url.QueryEscape(view))
}

// Plan is Min plan (GET /api/plan).
func Plan(ctx context.Context) (shared.PlanView, error) {
	return get[shared.PlanView](ctx, shared.APIPlan)
}

// DismissFirstPlanBox is "Vis ikke denne besked igen" on the first plan's
// box (POST /api/plan/first-plan-box).
func DismissFirstPlanBox(ctx context.Context) error {
	return call(ctx, "POST", shared.APIFirstPlanBox, nil, nil)
}

// SaveEducation saves the answer to the uddannelsespålæg's current step
// and, with send, sends it to the caseworker (POST /api/plan/education,
// /api/plan/education/send).
func SaveEducation(ctx context.Context, answer shared.EducationAnswer, send bool) (shared.EducationState, error) {
	path := shared.APIEducationSave
	if send {
		path = shared.APIEducationSend
	}
	return request[shared.EducationState](ctx, "POST", path, answer)
}

// RecordBehaviour reports an action in the browser as behaviour data
// (POST /api/behaviour).
func RecordBehaviour(ctx context.Context, ev shared.BehaviourEvent) error {
	return call(ctx, "POST", shared.APIBehaviour, ev, nil)
}

// get GETs path and decodes the answer as a T.
// SearchJobs runs a Find Job search given as its URL state
// (GET /api/v1/jobs).
func SearchJobs(ctx context.Context, q shared.JobSearch) (shared.JobSearchResult, error) {
	return get[shared.JobSearchResult](ctx, shared.APIJobs+"?"+q.Query().Encode())
}

// SuggestJobs is the free text's suggestions (GET /api/v1/jobs/suggest).
func SuggestJobs(ctx context.Context, text string, widk bool) (shared.Suggestions, error) {
	q := url.Values{"q": {text}}
	if widk {
		q.Set("WIDK", "true")
	}
	return get[shared.Suggestions](ctx, shared.APIJobSuggest+"?"+q.Encode())
}

// SavedJobs is "Se gemte job" (GET /api/findjob/saved-jobs).
func SavedJobs(ctx context.Context) (shared.SavedJobs, error) {
	return get[shared.SavedJobs](ctx, shared.APISavedJobs)
}

// SaveJob makes an ad a favourite (PUT /api/findjob/saved-jobs/{id}), or
// with save false takes it off (DELETE …/{id}); the answer is the
// favourites after it.
func SaveJob(ctx context.Context, adID int64, save bool) (shared.SavedJobs, error) {
	method := "PUT"
	if !save {
		method = "DELETE"
	}
	return request[shared.SavedJobs](ctx, method, shared.SavedJobPath(adID), nil)
}

// JobMarks are which of the ads are favourites and which the citizen has
// opened (GET /api/findjob/marks?ads=…).
func JobMarks(ctx context.Context, ids []int64) (shared.JobMarks, error) {
	return get[shared.JobMarks](ctx, shared.JobMarksPath(ids))
}

// SavedSearches are the citizen's saved searches (GET /api/findjob/searches).
func SavedSearches(ctx context.Context) (shared.SavedSearches, error) {
	return get[shared.SavedSearches](ctx, shared.APISavedSearches)
}

// AddSavedSearch is "Gem søgning" (POST /api/findjob/searches).
func AddSavedSearch(ctx context.Context, in shared.SavedSearchInput) (shared.SavedSearches, error) {
	return request[shared.SavedSearches](ctx, "POST", shared.APISavedSearches, in)
}

// RemoveSavedSearch deletes a saved search (DELETE /api/findjob/searches/{id}).
func RemoveSavedSearch(ctx context.Context, id int64) (shared.SavedSearches, error) {
	return request[shared.SavedSearches](ctx, "DELETE", shared.SavedSearchPath(id), nil)
}

// JobAd is an ad's detail page (GET /api/v1/jobs/{id}).
func JobAd(ctx context.Context, id int64) (shared.JobAdView, error) {
	return get[shared.JobAdView](ctx, shared.JobPath(id))
}

func get[T any](ctx context.Context, path string) (T, error) {
	return request[T](ctx, "GET", path, nil)
}

// send sends in (nil: no body) and decodes the answer as a T.
func request[T any](ctx context.Context, method, path string, in any) (T, error) {
	var out T
	err := call(ctx, method, path, in, &out)
	return out, err
}

// call sends a JSON request to the API and decodes the answer into out. An
// error answer becomes a *shared.Error; a network failure gets a Danish
// message too. The current page travels along so that the server can
// remember it for the return after an automatic sign-off. A call under
// PreloadOnly, and every call while the server prerenders, takes the
// preloaded answer or fails without asking.
func call(ctx context.Context, method, path string, in, out any) error {
	if answer, found, only := preloaded(ctx, method, path); only {
		if !found {
			return errNotPreloaded
		}
		touchActivity() // the page's own request was the session's last
		if out == nil {
			return nil
		}
		return json.Unmarshal(answer, out)
	}
	var body []byte
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = b
	}
	headers := map[string]string{"X-Jobnet-Path": app.Window().URL().Path}
	if body != nil {
		headers["Content-Type"] = "application/json"
	}
	status, resp, date, err := roundTrip(ctx, method, path, headers, body)
	return answer(status, resp, date, err, out)
}

// answer reads the server's answer to a call into out: an error answer
// becomes a *shared.Error, a network failure a Danish message.
func answer(status int, resp []byte, date string, err error, out any) error {
	if err != nil {
		return shared.Errorf(shared.EInternal, "Jobnet kunne ikke kontaktes. Tjek din internetforbindelse, og prøv igen.")
	}
	followServerClock(date)
	if status >= 400 {
		var e shared.Error
		if json.Unmarshal(resp, &e) != nil || e.Code == "" {
			return shared.NewError(shared.EInternal)
		}
		return &e
	}
	touchActivity()
	if out == nil || status == 204 || len(resp) == 0 {
		return nil
	}
	return json.Unmarshal(resp, out)
}

// Joblogs is the Joblog list for the query (GET /api/joblogs?…).
func Joblogs(ctx context.Context, q shared.JoblogQuery) (shared.JoblogList, error) {
	v := url.Values{}
	for k, val := range q.Params() {
		v.Set(k, val)
	}
	return get[shared.JoblogList](ctx, shared.APIJoblogs+"?"+v.Encode())
}

// JoblogTravel is a log's travel time by public transport from home
// (GET /api/joblogs/{id}/travel).
func JoblogTravel(ctx context.Context, id int64) (shared.JoblogTravel, error) {
	return get[shared.JoblogTravel](ctx, shared.JoblogTravelPath(id))
}

// Joblog is one log (GET /api/joblogs/{id}).
func Joblog(ctx context.Context, id int64) (shared.Joblog, error) {
	return get[shared.Joblog](ctx, shared.JoblogPath(id))
}

// JoblogSave is a log to save: a new one (ID 0) or a change.
type JoblogSave struct {
	ID int64
	In shared.JoblogInput
}

// SaveJoblog creates a log (POST /api/joblogs) or changes one
// (PUT /api/joblogs/{id}).
func SaveJoblog(ctx context.Context, s JoblogSave) (shared.Joblog, error) {
	if s.ID == 0 {
		return request[shared.Joblog](ctx, "POST", shared.APIJoblogs, s.In)
	}
	return request[shared.Joblog](ctx, "PUT", shared.JoblogPath(s.ID), s.In)
}

// SetJoblogStatus is the list's change of a log's status
// (PUT /api/joblogs/{id}/status).
func SetJoblogStatus(ctx context.Context, id int64, status shared.JoblogStatus) (shared.Joblog, error) {
	return request[shared.Joblog](ctx, "PUT", shared.JoblogStatusPath(id), shared.JoblogStatusChange{Status: status})
}

// DeleteJoblog deletes a log (DELETE /api/joblogs/{id}).
func DeleteJoblog(ctx context.Context, id int64) error {
	return call(ctx, "DELETE", shared.JoblogPath(id), nil, nil)
}

// JoblogPlaces are the postcodes and areas of the form
// (GET /api/joblog-places).
func JoblogPlaces(ctx context.Context) (shared.JoblogPlaces, error) {
	return get[shared.JoblogPlaces](ctx, shared.APIJoblogPlaces)
}

// Screening is the Forberedelsesskema's page (GET /api/screening).
func Screening(ctx context.Context) (shared.ScreeningPage, error) {
	return get[shared.ScreeningPage](ctx, shared.APIScreening)
}

// AnswerScreening sends the citizen's answer (POST /api/screening).
func AnswerScreening(ctx context.Context, in shared.ScreeningAnswerInput) (shared.ScreeningPage, error) {
	return request[shared.ScreeningPage](ctx, "POST", shared.APIScreening, in)
}

// MinSag is Min sag til teamet's page (GET /api/minsag).
func MinSag(ctx context.Context) (shared.MinSagPage, error) {
	return get[shared.MinSagPage](ctx, shared.APIMinSag)
}

// SaveMinSagCV saves the CV to the team (PUT /api/minsag/cv).
func SaveMinSagCV(ctx context.Context, in shared.RehabCV) (shared.MinSagPage, error) {
	return request[shared.MinSagPage](ctx, "PUT", shared.APIMinSagCV, in)
}

// SaveMinSituation saves the answer to Min situation (PUT /api/minsag/situation).
func SaveMinSituation(ctx context.Context, in shared.MinSituation) (shared.MinSagPage, error) {
	return request[shared.MinSagPage](ctx, "PUT", shared.APIMinSagSituation, in)
}
