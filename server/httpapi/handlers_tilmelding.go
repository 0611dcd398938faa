package httpapi

import (
	"context"

	"github.com/uptrace/bun"

	"jobnet/server/ingestv1"
	"jobnet/server/storage"
	"jobnet/shared"
)

// Til- og afmelding (SPEC D8, K4; FEATURES.md 6.2): the citizen's
// enrolment as ledig, the afmelding and its withdrawal. Every write is a
// registration (citizenRegistration in routes.go): the jobcenter's mirror
// is read-only, the a-kasse is refused with "Du kan ikke lave
// registreringen for medlemmet" (000 5.5). The a-kasse sees the page as
// shared.ProjectEnrolmentPageForAKasse has it.

// loadEnrolment: GET /api/tilmelding — the page, on the day of the
// server's clock in Danish time.
func loadEnrolment(req *citizenRequest) (shared.EnrolmentPage, error) {
	return req.citizen.EnrolmentPage(req.ctx(), req.who, req.now.In(req.loc))
}

func enrolmentForCitizen(_ *citizenRequest, p shared.EnrolmentPage) (shared.EnrolmentPage, error) {
	return p, nil
}

func enrolmentForAKasse(_ *citizenRequest, p shared.EnrolmentPage) (shared.AKasseEnrolmentPage, error) {
	return shared.ProjectEnrolmentPageForAKasse(p), nil
}

// handleEnrol: POST /api/tilmelding — "Tilmeld" with the benefit and the
// ledighed chosen; the answer is the page with the receipt.
func handleEnrol(req *citizenRequest) (shared.EnrolmentPage, error) {
	var in shared.EnrolRequest
	if err := decode(req.r, &in); err != nil {
		return shared.EnrolmentPage{}, err
	}
	p, err := req.citizen.Enrol(req.ctx(), req.who, in, req.now.In(req.loc))
	if err == nil {
		req.forgetEnrolment()
	}
	return p, err
}

// handleDeregister: POST /api/tilmelding/afmelding — the afmelding with
// its reason, from today up to 30 days ahead.
func handleDeregister(req *citizenRequest) (shared.EnrolmentPage, error) {
	var in shared.DeregisterRequest
	if err := decode(req.r, &in); err != nil {
		return shared.EnrolmentPage{}, err
	}
	p, err := req.citizen.Deregister(req.ctx(), req.who, in, req.now.In(req.loc))
	if err == nil {
		req.forgetEnrolment()
	}
	return p, err
}

// handleWithdrawDeregistration: DELETE /api/tilmelding/afmelding — "Fortryd
// afmelding" of one that waits for its day.
func handleWithdrawDeregistration(req *citizenRequest) (shared.EnrolmentPage, error) {
	return req.citizen.WithdrawDeregistration(req.ctx(), req.who, req.now.In(req.loc))
}

// forgetEnrolment drops the cached session and front page of the
// citizen, whose status of today may have changed.
func (r *citizenRequest) forgetEnrolment() {
	if r.sessions != nil {
		r.sessions.forgetCitizen(r.who.ID)
	}
	if r.fronts != nil {
		r.fronts.forgetCitizen(r.who.ID)
	}
}

// handleIngestEnrolmentDecision: POST /api/ingest/v1/enrolment-decisions —
// the jobcenter effectuates or rejects its citizen's waiting kontanthjælp
// enrolment.
func handleIngestEnrolmentDecision(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.EnrolmentDecision
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	if in.Decision == storage.DecisionEffectuate && (in.Matchgruppe == shared.Matchgruppe2 || in.Matchgruppe == shared.Matchgruppe3) {
		return ingestv1.Receipt{}, &shared.Error{Code: shared.EInvalid, Message: "Oplysningerne er ikke udfyldt korrekt.",
			Fields: []shared.FieldError{{Field: "decision", Message: "En borger i match 2 eller 3 skal ikke tilmeldes: send reject."}}}
	}
	return ingest(req, "enrolment-decision:"+in.MessageID, &in.CPR, &in, func(ctx context.Context, c storage.Citizen, _ shared.Citizen) error {
		return c.DecideEnrolment(ctx, req.org.Code, in.Decision, in.Matchgruppe, req.now)
	})
}

// handleIngestEnrolmentReceiptText: POST
// /api/ingest/v1/enrolment-receipt-texts — the jobcenter's own text on
// its receipts for a benefit (up to 1,500 characters).
func handleIngestEnrolmentReceiptText(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.EnrolmentReceiptText
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	if err := shared.CheckReceiptText(in.Text); err != nil {
		return ingestv1.Receipt{}, err
	}
	dup, err := req.store.IngestOrg(req.ctx(), storage.Message{Org: req.org, MessageID: "enrolment-receipt-text:" + in.MessageID, Body: &in, Now: req.now},
		func(ctx context.Context, db bun.IDB) error {
			return storage.PutEnrolmentReceiptText(ctx, db, req.org.Code, in.Benefit, in.Text, req.now)
		})
	return ingestv1.Receipt{MessageID: in.MessageID, Duplicate: dup}, err
}

// handleIngestDagpengeret: POST /api/ingest/v1/dagpengeret — the a-kasse
// reports its member's dagpengeret; a dimittend switches to dagpenge on
// its day.
func handleIngestDagpengeret(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.Dagpengeret
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	return ingest(req, "dagpengeret:"+in.MessageID, &in.CPR, &in, func(ctx context.Context, c storage.Citizen, _ shared.Citizen) error {
		return c.ReportDagpengeret(ctx, in.From, req.now.In(req.loc))
	})
}

// handleEnrolmentEvents: GET /api/ingest/v1/enrolment-events?after=N — the
// organisation's case system collects the changes of its citizens'
// enrolments, in order, up to 1,000 at a time.
func handleEnrolmentEvents(req *ingestRequest) ([]ingestv1.EnrolmentEvent, error) {
	return collect(req, req.store.EnrolmentEvents, func(e storage.EnrolmentEventSent) ingestv1.EnrolmentEvent {
		w := ingestv1.EnrolmentEvent{Seq: e.Seq, Kind: e.Kind, CPR: e.CPR, EnrolmentID: e.Enrolment, Benefit: shared.Benefit(e.Benefit),
			Ledighed: e.Ledighed, UdenYdelse: e.UdenYdelse, State: e.State, From: shared.DateOf(e.From), At: e.At}
		if e.To != nil {
			to := shared.DateOf(*e.To)
			w.To = &to
		}
		if e.EndReason != nil {
			w.EndReason = *e.EndReason
		}
		return w
	})
}
