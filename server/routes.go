package server

// access says who may call a route. The endpoint wrapper (endpoint.go)
// enforces it: handlers never check roles themselves.
type access int

const (
	// public routes need no session.
	public access = iota
	// anySession routes need a signed-in citizen or caseworker.
	anySession
	// caseworkerOnly routes need a caseworker session.
	caseworkerOnly
	// citizenScoped routes read or change the data of the citizen whose
	// Jobnet is shown: the citizen's own, or the mirrored citizen's.
	citizenScoped
	// ingest routes are called by case systems with an API token.
	ingest
)

// route is one entry of the route table. sessionControl marks the few
// state-changing routes a caseworker in a mirror session may still call
// because they change only the caseworker's own session (log out, choose
// another citizen); every other non-GET route refuses mirror sessions.
type route struct {
	pattern        string
	access         access
	sessionControl bool
	handler        handlerFunc
}

// routes is the one route table of the API (Go 1.22 method patterns).
func routes() []route {
	return []route{
		{pattern: "GET /healthz", access: public, handler: handleHealthz},

		{pattern: "GET /api/session", access: public, handler: handleSession},
		{pattern: "POST /api/session/expire", access: anySession, sessionControl: true, handler: handleSessionExpire},
		{pattern: "POST /api/login", access: public, handler: handleLogin},
		{pattern: "POST /api/register", access: public, handler: handleRegister},
		{pattern: "POST /api/logout", access: anySession, sessionControl: true, handler: handleLogout},

		{pattern: "POST /api/caseworker/login", access: public, sessionControl: true, handler: handleCaseworkerLogin},
		{pattern: "POST /api/mirror", access: caseworkerOnly, sessionControl: true, handler: handleMirrorStart},
		{pattern: "DELETE /api/mirror", access: caseworkerOnly, sessionControl: true, handler: handleMirrorStop},

		{pattern: "GET /api/overview", access: citizenScoped, handler: handleOverview},
		{pattern: "POST /api/notifications/{id}/done", access: citizenScoped, handler: handleNotificationDone},
		{pattern: "GET /api/history/logins", access: citizenScoped, handler: handleLoginHistory},
		{pattern: "GET /api/eures", access: citizenScoped, handler: handleGetEures},
		{pattern: "PUT /api/eures", access: citizenScoped, handler: handlePutEures},
		{pattern: "GET /api/counters", access: citizenScoped, handler: handleCounters},
		{pattern: "GET /api/plan", access: citizenScoped, handler: handlePlan},
		{pattern: "GET /api/plan/pdf", access: citizenScoped, handler: handlePlanPDF},
		{pattern: "POST /api/plan/first-plan-box", access: citizenScoped, handler: handleDismissFirstPlan},
		{pattern: "POST /api/plan/education", access: citizenScoped, handler: handleEducationAnswer},
		{pattern: "POST /api/behaviour", access: citizenScoped, handler: handleBehaviour},

		{pattern: "POST /api/ingest/v1/targetgroup", access: ingest, handler: handleIngestTargetGroup},
		{pattern: "POST /api/ingest/v1/counters", access: ingest, handler: handleIngestCounters},
		{pattern: "POST /api/ingest/v1/plan", access: ingest, handler: handleIngestPlan},
		{pattern: "GET /api/ingest/v1/education-answers", access: ingest, handler: handleEducationSent},
	}
}
