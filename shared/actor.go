package shared

// Role is who is using Jobnet.
type Role string

const (
	RoleCitizen   Role = "borger"
	RoleJobcenter Role = "sagsbehandler_jobcenter"
	RoleAKasse    Role = "sagsbehandler_akasse"
)

// Label is the role as a person reads it.
func (r Role) Label() string {
	switch r {
	case RoleJobcenter:
		return "Sagsbehandler, jobcenter"
	case RoleAKasse:
		return "Sagsbehandler, a-kasse"
	default:
		return "Borger"
	}
}

// IsCaseworker reports whether the role is one of the two caseworker roles.
func (r Role) IsCaseworker() bool { return r == RoleJobcenter || r == RoleAKasse }

// Actor is the person behind a request, resolved once per request by the
// server and sent to the app as the session: whose Jobnet is shown, and by
// whom.
type Actor struct {
	Role Role   `json:"role"`
	Name string `json:"name"`
	// Organisation is the caseworker's jobcenter or a-kasse; nil for citizens.
	Organisation *Organisation `json:"organisation,omitempty"`
	// CitizenID is whose Jobnet is shown: the citizen's own, or the mirrored
	// citizen's; 0 for a caseworker who has not chosen a citizen yet.
	CitizenID   int64  `json:"citizen_id,omitempty"`
	CitizenName string `json:"citizen_name,omitempty"`
}

// Mirroring reports whether a caseworker is looking at a citizen's Jobnet:
// everything is then read-only.
func (a Actor) Mirroring() bool { return a.Role.IsCaseworker() && a.CitizenID != 0 }

// MayWrite reports whether the actor may change the citizen's data. Only the
// citizen may (SPEC K2); the server enforces it, the app only hides controls.
func (a Actor) MayWrite() bool { return a.Role == RoleCitizen && a.CitizenID != 0 }
