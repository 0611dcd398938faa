package shared

// OrgKind tells a jobcenter from an a-kasse, and both from STAR.
type OrgKind string

const (
	OrgJobcenter OrgKind = "jobcenter"
	OrgAKasse    OrgKind = "akasse"
	// OrgSTAR is Styrelsen for Arbejdsmarked og Rekruttering, which runs
	// Jobnet: it serves no citizen, and sets the front page's banner.
	OrgSTAR OrgKind = "star"
)

// Organisation is a jobcenter or an a-kasse. Code is stable and used in
// tokens and data: "jc-101" (jobcenter by municipality number), "ak-…".
type Organisation struct {
	Code string  `json:"code"`
	Kind OrgKind `json:"kind"`
	Name string  `json:"name"`
}

// Serves reports whether the citizen is the organisation's: attached to the
// jobcenter, or a member of the a-kasse.
func (o Organisation) Serves(c Citizen) bool {
	switch o.Kind {
	case OrgJobcenter:
		return c.Jobcenter != "" && c.Jobcenter == o.Code
	case OrgAKasse:
		return c.AKasse != "" && c.AKasse == o.Code
	}
	return false
}
