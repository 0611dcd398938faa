package httpapi

import (
	"bytes"
	"context"

	"jobnet/server/ingestv1"
	"jobnet/server/storage"
	"jobnet/shared"
)

// Min sag til teamet (SPEC D13; shared/minsag.go). The citizen prepares
// the case (the CV to the team, Min situation) until the team's
// recommendation comes, then reads it and downloads it as PDF; the
// jobcenter sees everything read-only; the a-kasse is refused the whole
// page (shared.WithheldMinSag, 000 3: "afblændet").

// handleGetMinSag: GET /api/minsag — the open case, if any, with Min
// situation's questions and the points listed for its status.
func handleGetMinSag(req *citizenRequest) (shared.MinSagPage, error) {
	p := shared.MinSagPage{Questions: shared.MinSituationQuestions(), Items: []shared.MinSagItem{}, FromCV: []shared.RehabCVEntry{}}
	rc, ok, err := req.citizen.OpenRehabCase(req.ctx(), req.now.In(req.loc))
	if err != nil || !ok {
		return p, err
	}
	cv, err := req.citizen.CV(req.ctx())
	if err != nil {
		return p, err
	}
	p.Case, p.Items, p.FromCV = &rc, shared.MinSagItems(rc.Status()), shared.RehabCVEntries(cv)
	return p, nil
}

// handlePutMinSagCV: PUT /api/minsag/cv — the citizen's CV to the team.
func handlePutMinSagCV(req *citizenRequest) (shared.MinSagPage, error) {
	var in shared.RehabCV
	if err := decode(req.r, &in); err != nil {
		return shared.MinSagPage{}, err
	}
	if err := req.citizen.SaveRehabCV(req.ctx(), in, req.now.In(req.loc)); err != nil {
		return shared.MinSagPage{}, err
	}
	return handleGetMinSag(req)
}

// handlePutMinSituation: PUT /api/minsag/situation — the citizen's answer
// to Min situation.
func handlePutMinSituation(req *citizenRequest) (shared.MinSagPage, error) {
	var in shared.MinSituation
	if err := decode(req.r, &in); err != nil {
		return shared.MinSagPage{}, err
	}
	if err := req.citizen.SaveMinSituation(req.ctx(), in, req.now.In(req.loc)); err != nil {
		return shared.MinSagPage{}, err
	}
	return handleGetMinSag(req)
}

// handleMinSagPDF: GET /api/minsag/indstilling/pdf — the team's
// recommendation as PDF ("indstillingen kan downloades som PDF", 003).
func handleMinSagPDF(req *citizenRequest) (shared.File, error) {
	p, err := handleGetMinSag(req)
	if err != nil {
		return shared.File{}, err
	}
	if p.Case == nil || p.Case.Recommendation == nil {
		return shared.File{}, shared.Errorf(shared.ENotFound, "Rehabiliteringsteamet har ikke givet sin indstilling endnu.")
	}
	var buf bytes.Buffer
	if err := renderRehabRecommendationPDF(&buf, req.who.Name, shared.MaskCPR(req.who.CPR), *p.Case, req.today()); err != nil {
		return shared.File{}, err
	}
	return shared.File{Name: "indstilling-fra-rehabiliteringsteamet.pdf", ContentType: "application/pdf", Body: buf.Bytes()}, nil
}

// handleIngestRehabCase: POST /api/ingest/v1/rehab-cases — a jobcenter
// sends or updates its own citizen's case, by its own id of it.
func handleIngestRehabCase(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.RehabCase
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	if in.OpenedOn.IsZero() {
		return ingestv1.Receipt{}, &shared.Error{Code: shared.EInvalid, Message: "Sagen mangler sin oprettelsesdato.",
			Fields: []shared.FieldError{{Field: "opened_on", Message: "Feltet skal udfyldes."}}}
	}
	return ingest(req, in.MessageID, &in.CPR, &in, func(ctx context.Context, c storage.Citizen, _ shared.Citizen) error {
		return c.IngestRehabCase(ctx, req.org.Code, storage.RehabCaseIn{OriginID: in.CaseID, Opened: in.OpenedOn,
			TeamMeeting: in.TeamMeetingOn, Closed: in.ClosedOn}, req.now)
	})
}

// handleIngestRehabRecommendation: POST /api/ingest/v1/rehab-recommendations
// — the team's recommendation on a case the jobcenter sent.
func handleIngestRehabRecommendation(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.RehabRecommendation
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	if in.DecidedOn.IsZero() {
		return ingestv1.Receipt{}, &shared.Error{Code: shared.EInvalid, Message: "Indstillingen mangler sin dato.",
			Fields: []shared.FieldError{{Field: "decided_on", Message: "Feltet skal udfyldes."}}}
	}
	return ingest(req, in.MessageID, &in.CPR, &in, func(ctx context.Context, c storage.Citizen, _ shared.Citizen) error {
		return c.IngestRehabRecommendation(ctx, req.org.Code, in.CaseID, shared.RehabRecommendation{Outcome: in.Outcome,
			Decided: in.DecidedOn, Team: in.Team, Text: in.Text}, req.now)
	})
}

// handleRehabPreparations: GET /api/ingest/v1/rehab-preparations?after=N —
// a jobcenter's case system collects what its citizens saved for the team,
// in the order saved, up to 1,000 at a time (as the screening answers).
func handleRehabPreparations(req *ingestRequest) ([]ingestv1.RehabPreparation, error) {
	return collect(req, req.store.RehabPreparations, func(p storage.RehabPreparation) ingestv1.RehabPreparation {
		return ingestv1.RehabPreparation{Seq: p.Seq, CPR: p.CPR, CaseID: p.OriginID, CV: p.CV, Situation: p.Situation,
			SituationComment: p.SituationComment, SavedAt: p.SavedAt}
	})
}
