package shared

import (
	"slices"
	"strconv"
)

// LoginRequest is the citizen's and the caseworker's username+password login.
type LoginRequest struct {
	Username string `json:"username" validate:"required,max=100"`
	Password string `json:"password" validate:"required,max=200"`
}

// RegisterRequest creates a citizen's account (SPEC A1). With MitID the CPR
// number and name come from the identity provider; the demo asks for them.
type RegisterRequest struct {
	Name           string `json:"name" validate:"required,max=200"`
	CPR            string `json:"cpr" validate:"required,cpr"`
	Username       string `json:"username" validate:"required,min=3,max=50,username"`
	Password       string `json:"password" validate:"required,min=10,max=200"`
	PasswordRepeat string `json:"password_repeat" validate:"required,eqfield=Password"`
	AcceptPrivacy  bool   `json:"accept_privacy" validate:"eq=true"`
}

// MirrorRequest is the CPR number a caseworker types on "Se Jobnet som
// borgeren ser det".
type MirrorRequest struct {
	CPR string `json:"cpr" validate:"required,cpr"`
}

// Session is what the app learns about the signed-in person.
type Session struct {
	Actor Actor `json:"actor"`
	// IdleSeconds is the idle timeout; the app warns before it runs out.
	IdleSeconds int `json:"idle_seconds"`
	// ExpiresInSeconds is the time left right now.
	ExpiresInSeconds int `json:"expires_in_seconds"`
	// ReturnTo is the page to show after login: set after an automatic
	// sign-off, empty after "Log ud" (SPEC A2).
	ReturnTo string `json:"return_to,omitempty"`
	// Banner is STAR's banner when one shows today (SPEC B1); the same
	// for everyone, it comes with the session, which every page loads.
	Banner *Banner `json:"banner,omitempty"`
}

// EuresSetting is "Job i Europa": whether the CV may be shown to employers
// in all of Europe through EURES (SPEC C6).
type EuresSetting struct {
	Visible bool `json:"visible"`
}

// SessionWarnBefore is how long before the automatic sign-off the app shows
// its countdown: two minutes, or half the idle timeout when that is shorter.
func SessionWarnBefore(idleSeconds int) int {
	return min(120, idleSeconds/2)
}

// Counters are the counter figures of one citizen, each present only when
// delivered (SPEC D9–D11).
type Counters struct {
	Dagpenge    *DagpengeCounters    `json:"dagpenge,omitempty"`
	Supplerende *SupplerendeCounters `json:"supplerende,omitempty"`
	Hours225    *Hours225Counters    `json:"timer225,omitempty"`
}

// BehaviourEvent is an action in the browser that the app reports as
// behaviour data (SPEC E1): the first use of a counters page's simulator
// in a visit (simulation, View the counters page) and an external ad
// opened (findjob_open, View the ad's id), which only the browser sees.
type BehaviourEvent struct {
	Kind string `json:"kind" validate:"oneof=simulation findjob_open"`
	View string `json:"view" validate:"required,max=40"`
}

// Behaviour event kinds.
const (
	BehaviourSimulation  = "simulation"
	BehaviourFindJobOpen = "findjob_open"
)

// FindJobOrigins are where Find Job may say it was started from (the
// "fra" parameter of its links): its menu, Min Plan's "FIND JOB" after a
// jobmål, "Jeg søger job som" and the 225-hour rule (003_…txt
// «Jobsøgningsdata»).
var FindJobOrigins = []string{"menu", "min-plan", "jeg-soeger-job-som", "225-timers-reglen", "forside"}

// Valid reports whether the event's View belongs to its Kind.
func (e BehaviourEvent) Valid() bool {
	switch e.Kind {
	case BehaviourSimulation:
		return slices.Contains([]string{CounterViewDagpenge, CounterViewSupplerende, CounterViewTimer225}, e.View)
	case BehaviourFindJobOpen:
		n, err := strconv.ParseInt(e.View, 10, 64)
		return err == nil && n > 0
	}
	return false
}
