package shared

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
// behaviour data (SPEC E1): today, the first use of a counters page's
// simulator in a visit.
type BehaviourEvent struct {
	Kind string `json:"kind" validate:"eq=simulation"`
	View string `json:"view" validate:"oneof=dagpenge supplerende timer225"`
}
