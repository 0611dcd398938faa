package shared

// The a-kasse's view of a citizen (SPEC K4, 000_…txt sections 3–5) as one
// policy: ProjectForAKasse takes everything Jobnet holds about the citizen
// that one answer needs and returns the a-kasse's separate types, each part
// through its rule:
//
//   - front page: forløb in other target groups left out; no 225-hour card
//     (projectOverview);
//   - Min Plan: items wholly outside dagpenge and dimittend forløb and the
//     five hidden intervention kinds left out, the changes computed from the
//     projections only, the contract only marked (projectPlan);
//     of the education order's answer only what was sent
//     (projectEducation);
//   - counters: no 225-hour figures (projectCounters);
//   - messages, absences: the rules for the pages still to come
//     (akasse_rules.go);
//   - Historik, Præsentations-CV, Min sag, the contract itself: refused
//     with the Msg… texts here and in akasse_rules.go, by the route table
//     (server/httpapi/routes.go), the one place roles are decided.
//
// The server calls it before encoding, so hidden data never leaves it, and
// its one encoding path for a-kasse answers accepts only the AKasseView
// types of akasse_views.go.

// CitizenData is what Jobnet holds about a citizen, as far as one answer
// needs it: a handler fills in the parts it serves.
type CitizenData struct {
	Forloeb   []Forloeb // every forløb: the plan's periods are judged by them
	Today     Date
	Overview  *Overview
	Features  *Features
	Plan      *Plan
	PrevPlan  *Plan // the version before, for the changes
	Education *EducationState
	Counters  *Counters
	Messages  []Message
	Absences  []Absence
	// AKasse is the code of the a-kasse looking: it is party to some
	// messages.
	AKasse string
}

// AKasseData is the a-kasse's projection of CitizenData: a part is nil
// where the input's is.
type AKasseData struct {
	Overview    *AKasseOverview
	Features    *Features
	Plan        *AKassePlan
	PlanChanges []PlanChange
	Education   *AKasseEducation
	Counters    *AKasseCounters
	Messages    []AKasseMessage
	Absences    []AKasseAbsence
}

// ProjectForAKasse is the a-kasse policy; see the top of this file.
func ProjectForAKasse(d CitizenData) AKasseData {
	var out AKasseData
	if d.Overview != nil {
		o := projectOverview(*d.Overview, d.AKasse)
		out.Overview = &o
	}
	if d.Features != nil {
		f := projectFeatures(*d.Features)
		out.Features = &f
	}
	if d.Plan != nil {
		p := projectPlan(*d.Plan, d.Forloeb)
		out.Plan = &p
		var prev *Plan
		if d.PrevPlan != nil {
			pp := projectPlan(*d.PrevPlan, d.Forloeb).AsPlan()
			prev = &pp
		}
		out.PlanChanges = DiffPlans(prev, p.AsPlan())
		// The order is part of the plan: no plan, no answer.
		out.Education = projectEducation(d.Education)
	}
	if d.Counters != nil {
		c := projectCounters(*d.Counters)
		out.Counters = &c
	}
	if d.Messages != nil {
		out.Messages = projectMessages(d.Messages, d.AKasse)
	}
	if d.Absences != nil {
		out.Absences = projectAbsences(d.Absences, d.Today)
	}
	return out
}
