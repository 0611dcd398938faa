package httpapi

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"jobnet/server/ingestv1"
	"jobnet/server/storage"
	"jobnet/shared"
)

// The ingestion API (SPEC F): case systems publish to Jobnet with a bearer
// token per organisation, in the contract of package ingestv1. Each
// message carries the sender's id; a retry with the same id and body
// changes nothing, the same id with another body is a conflict. Which kind
// of organisation may send what is the route table's.

// ingestOrganisation resolves the bearer token to its organisation.
func (a *API) ingestOrganisation(r *http.Request) (shared.Organisation, error) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || token == "" {
		return shared.Organisation{}, shared.Errorf(shared.EUnauthorized, "API-nøgle mangler.")
	}
	org, err := a.store.OrganisationByToken(r.Context(), storage.TokenHash(token))
	if storage.IsNotFound(err) {
		return shared.Organisation{}, shared.Errorf(shared.EUnauthorized, "Ukendt API-nøgle.")
	}
	return org, err
}

// ingest applies one message for the citizen with the CPR number cpr. The
// CPR number is written back in its one form first, so that a retry
// written either way is the same message.
func ingest(req *ingestRequest, messageID string, cpr *string, body any,
	apply func(ctx context.Context, c storage.Citizen, who shared.Citizen) error) (ingestv1.Receipt, error) {
	parsed, _ := shared.ParseCPR(*cpr) // valid: checked by decode
	*cpr = string(parsed)
	var changed int64
	dup, err := req.store.Ingest(req.ctx(), storage.Message{Org: req.org, MessageID: messageID, Body: body, CPR: parsed,
		OwnCitizensOnly: req.policy.OwnCitizensOnly, Now: req.now}, func(ctx context.Context, c storage.Citizen, who shared.Citizen) error {
		changed = who.ID
		return apply(ctx, c, who)
	})
	if err == nil && changed != 0 {
		req.sessions.forgetCitizen(changed) // their forløb or name may have changed
		req.fronts.forgetCitizen(changed)   // and with the forløb automatch's variant
	}
	return ingestv1.Receipt{MessageID: messageID, Duplicate: dup}, err
}

// handleIngestTargetGroup: POST /api/ingest/v1/targetgroup — a jobcenter
// sets a citizen's kontaktgruppe from a date and their enrolment status;
// the sending jobcenter becomes the citizen's.
func handleIngestTargetGroup(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.TargetGroup
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	return ingest(req, in.MessageID, &in.CPR, &in, func(ctx context.Context, c storage.Citizen, _ shared.Citizen) error {
		return c.SetTargetGroup(ctx, req.org.Code, in.Forloeb(), in.Enrolment, req.now)
	})
}

// handleIngestCounters: POST /api/ingest/v1/counters — an a-kasse sends the
// dagpenge and supplerende dagpenge figures of its own members.
func handleIngestCounters(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.Counters
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	return ingest(req, in.MessageID, &in.CPR, &in, func(ctx context.Context, c storage.Citizen, _ shared.Citizen) error {
		d, s := in.Domain()
		return c.StoreCounters(ctx, shared.Counters{Dagpenge: d, Supplerende: s}, req.now)
	})
}

// handleIngestHours225: POST /api/ingest/v1/hours225 — a jobcenter sends
// the 225-hour figures of its own citizens.
func handleIngestHours225(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.Hours225
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	return ingest(req, in.MessageID, &in.CPR, &in, func(ctx context.Context, c storage.Citizen, _ shared.Citizen) error {
		h := in.Domain()
		return c.StoreCounters(ctx, shared.Counters{Hours225: &h}, req.now)
	})
}

// handleIngestPlan: POST /api/ingest/v1/plan — a jobcenter (for citizens
// attached to it) or an a-kasse (for its members) publishes a new version
// of the citizen's plan. The version id is the sender's message id. A
// citizen who subscribes to mails about meetings and duties is told by
// e-mail, in the same transaction (SPEC D1; storage.PlanNoticeCampaign).
func handleIngestPlan(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.Plan
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	return ingest(req, "plan:"+in.VersionID, &in.CPR, &in, func(ctx context.Context, c storage.Citizen, _ shared.Citizen) error {
		if err := c.PublishPlan(ctx, req.org.Code, in.Domain(), req.now); err != nil {
			return err
		}
		_, err := c.NoticePlanChanged(ctx, req.publicURL, req.now)
		return err
	})
}

// educationSettle is how old a sent answer must be before it is collected:
// its sequence number is drawn before the statement commits, so a send that
// commits later may carry a lower number than one already collected. A
// single-statement send commits within milliseconds.
const educationSettle = 2 * time.Second

// handleEducationSent: GET /api/ingest/v1/education-answers?after=N — a
// jobcenter's case system collects what its citizens sent to their
// caseworker ("Send til sagsbehandler"), in the order sent, up to 1,000 at
// a time; the next call passes the last seq as after. An answer sent again
// comes again, with a new seq.
func handleEducationSent(req *ingestRequest) ([]ingestv1.EducationAnswerSent, error) {
	return collect(req, req.store.EducationAnswersSent, func(s storage.EducationSent) ingestv1.EducationAnswerSent {
		return ingestv1.EducationAnswerSent{Seq: s.Seq, CPR: s.CPR, Answer: ingestv1.NewEducationAnswer(s.Answer), SentAt: s.SentAt}
	})
}

// collect answers a case system's collection of what its citizens sent
// (GET …?after=N): up to 1,000 after the seq N, in the order sent, each at
// least educationSettle old, as the wire's type.
func collect[S, W any](req *ingestRequest, load func(ctx context.Context, org string, after int64, until time.Time, limit int) ([]S, error),
	wire func(S) W) ([]W, error) {
	var after int64
	if s := req.r.URL.Query().Get("after"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			return nil, shared.Errorf(shared.EInvalid, "after skal være et helt tal (seq fra sidste svar).")
		}
		after = n
	}
	got, err := load(req.ctx(), req.org.Code, after, req.now.Add(-educationSettle), 1000)
	if err != nil {
		return nil, err
	}
	out := make([]W, 0, len(got))
	for _, s := range got {
		out = append(out, wire(s))
	}
	return out, nil
}

// handleIngestJoblog: POST /api/ingest/v1/joblogs — a jobcenter or an
// a-kasse creates or updates a log of its own citizen, by its own id of
// the log (SPEC C3, F).
func handleIngestJoblog(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.Joblog
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	return ingest(req, in.MessageID, &in.CPR, &in, func(ctx context.Context, c storage.Citizen, _ shared.Citizen) error {
		return c.IngestJoblog(ctx, req.org.Code, in.LogID, in.Domain(), req.now)
	})
}

// handleIngestJoblogDelete: POST /api/ingest/v1/joblogs/delete — the
// sender deletes a log it sent, by its own id of the log.
func handleIngestJoblogDelete(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.JoblogDeletion
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	return ingest(req, in.MessageID, &in.CPR, &in, func(ctx context.Context, c storage.Citizen, _ shared.Citizen) error {
		return c.DeleteIngestedJoblog(ctx, req.org.Code, in.LogID)
	})
}
