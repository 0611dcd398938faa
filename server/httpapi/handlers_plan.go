package httpapi

import (
	"bytes"

	"jobnet/server/storage"
	"jobnet/shared"
)

// planData is what Min Plan shows, loaded once for either view.
type planData struct {
	plans     storage.Plans
	education *shared.EducationState
	notice    shared.PlanNotice
	features  shared.Features
}

// loadPlan: GET /api/plan — the current plan and what changed since the
// version before (SPEC D1), in one round trip. The citizen opening it
// marks the newest version seen; a caseworker sees the same boxes as the
// citizen and changes nothing.
func loadPlan(req *citizenRequest) (planData, error) {
	page, err := req.citizen.PlanPage(req.ctx())
	if err != nil {
		return planData{}, err
	}
	d := planData{plans: page.Plans, notice: page.Notice, features: page.Features}
	if cur := d.plans.Current; cur != nil && cur.EducationOrder != nil {
		// The answer of the order's current step (1–3; step 4 has none).
		if st, ok := page.Education[cur.EducationOrder.Step]; ok {
			d.education = &st
		}
	}
	if d.notice.NewVersion {
		if err := req.visited(func() error { return req.citizen.MarkPlanSeen(req.ctx(), d.plans.LatestID) }); err != nil {
			return d, err
		}
	}
	req.record(eventMinPlan, "")
	return d, nil
}

func (d planData) published(req *citizenRequest) shared.Date {
	if d.plans.Current == nil {
		return shared.Date{}
	}
	return shared.DateOf(d.plans.Published.In(req.loc))
}

// planForCitizen: the citizen and the jobcenter see all of it.
func planForCitizen(req *citizenRequest, d planData) (shared.PlanView, error) {
	view := shared.PlanView{Plan: d.plans.Current, Published: d.published(req), Changes: []shared.PlanChange{},
		Nudges: []shared.PlanNudge{}, PlanNotice: d.notice}
	if cur := d.plans.Current; cur != nil {
		view.Changes, view.Education = shared.DiffPlans(d.plans.Previous, *cur), d.education
		view.Nudges = shared.PlanNudges(cur.Type, d.features)
	}
	return view, nil
}

// planForAKasse: the projection of both versions (SPEC K4), so that the
// changes, too, speak only of what the a-kasse may see, and its nudges
// follow what it may see of the counters.
func planForAKasse(req *citizenRequest, d planData) (shared.AKassePlanView, error) {
	view := shared.AKassePlanView{Published: d.published(req), Changes: []shared.PlanChange{}, Nudges: []shared.PlanNudge{}, PlanNotice: d.notice}
	if d.plans.Current != nil {
		a := shared.ProjectForAKasse(shared.CitizenData{Forloeb: req.who.Forloeb, Plan: d.plans.Current, PrevPlan: d.plans.Previous,
			Education: d.education, Features: &d.features})
		view.Plan, view.Changes, view.Education = a.Plan, a.PlanChanges, a.Education
		view.Nudges = shared.PlanNudges(a.Plan.Type, *a.Features)
	}
	return view, nil
}

// loadPlanPDF: GET /api/plan/pdf — the current plan (SPEC D3).
func loadPlanPDF(req *citizenRequest) (shared.Plan, error) {
	plans, err := req.citizen.Plans(req.ctx())
	if err != nil {
		return shared.Plan{}, err
	}
	if plans.Current == nil {
		return shared.Plan{}, shared.Errorf(shared.ENotFound, "Du har ingen plan endnu.")
	}
	return *plans.Current, nil
}

func planPDFForCitizen(req *citizenRequest, p shared.Plan) (shared.File, error) {
	return planPDF(req, p, false, "min-plan.pdf")
}

// planPDFForAKasse: the PDF of the a-kasse's projection, made from nothing
// else.
func planPDFForAKasse(req *citizenRequest, p shared.Plan) (shared.AKasseFile, error) {
	a := shared.ProjectForAKasse(shared.CitizenData{Forloeb: req.who.Forloeb, Plan: &p}).Plan
	f, err := planPDF(req, a.AsPlan(), false, "min-plan.pdf")
	return shared.AKasseFile(f), err
}

// handleContractPDF: GET /api/plan/contract.pdf — the plan with the
// contract under the integration act and its signature lines (SPEC D3);
// greyed out for the a-kasse (the route's policy).
func handleContractPDF(req *citizenRequest) (shared.File, error) {
	p, err := loadPlanPDF(req)
	if err != nil {
		return shared.File{}, err
	}
	if !p.IntegrationContract {
		return shared.File{}, shared.Errorf(shared.ENotFound, "Planen har ingen kontrakt.")
	}
	return planPDF(req, p, true, "min-plan-kontrakt.pdf")
}

func planPDF(req *citizenRequest, p shared.Plan, contract bool, name string) (shared.File, error) {
	var buf bytes.Buffer
	if err := renderPlanPDF(&buf, req.who.Name, p, req.today(), contract); err != nil {
		return shared.File{}, err
	}
	return shared.File{Name: name, ContentType: "application/pdf", Body: buf.Bytes()}, nil
}

// handleDismissFirstPlan: POST /api/plan/first-plan-box — "Vis ikke denne
// besked igen".
func handleDismissFirstPlan(req *citizenRequest) (noContent, error) {
	return noContent{}, req.citizen.DismissFirstPlanBox(req.ctx())
}

// handleEducationSave: POST /api/plan/education — the citizen saves their
// answer in the current step of the uddannelsespålæg ("Gem").
func handleEducationSave(req *citizenRequest) (shared.EducationState, error) {
	return saveEducation(req, false)
}

// handleEducationSend: POST /api/plan/education/send — saves and sends it
// to the caseworker ("Send til sagsbehandler").
func handleEducationSend(req *citizenRequest) (shared.EducationState, error) {
	return saveEducation(req, true)
}

// saveEducation judges the answer by shared's Check against the current
// plan, as the browser does, and stores it. A mirror session never gets
// here (the route's policy); the buttons stay visible (picture 18 in
// 000_…txt).
func saveEducation(req *citizenRequest, send bool) (shared.EducationState, error) {
	var in shared.EducationAnswer
	if err := decode(req.r, &in); err != nil {
		return shared.EducationState{}, err
	}
	plans, err := req.citizen.Plans(req.ctx())
	if err != nil {
		return shared.EducationState{}, err
	}
	var order *shared.EducationOrder
	var goals []shared.EducationGoal
	if cur := plans.Current; cur != nil {
		order, goals = cur.EducationOrder, cur.EducationGoals
	}
	if err := in.Check(order, goals, send); err != nil {
		return shared.EducationState{}, err
	}
	in.Wishes, in.Places = nonNil(in.Wishes), nonNil(in.Places)
	return req.citizen.SaveEducation(req.ctx(), in, send, req.now)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
