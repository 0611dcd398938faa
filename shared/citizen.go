package shared

// Citizen is what the access policy needs to know about a borger: where they
// belong and which forløb they have had.
type Citizen struct {
	ID   int64  `json:"id"`
	CPR  CPR    `json:"cpr"`
	Name string `json:"name"`
	// Jobcenter is the code of the jobcenter the citizen is attached to ("" if none).
	Jobcenter string `json:"jobcenter,omitempty"`
	// AKasse is the code of the citizen's a-kasse ("" if not a member).
	AKasse    string          `json:"akasse,omitempty"`
	Enrolment EnrolmentStatus `json:"enrolment"`
	Forloeb   []Forloeb       `json:"forloeb"`
}
