package httpapi

import (
	"bytes"
	"context"

	"jobnet/server/ingestv1"
	"jobnet/server/storage"
	"jobnet/shared"
)

// Forberedelsesskema (SPEC C5; shared/screening.go). The citizen answers
// the current screening once and sees the receipt for 90 days; the
// jobcenter sees everything read-only; the a-kasse only the current
// dagpenge screening (shared.AKasseScreeningOf), judged here before
// anything is encoded.

// loadScreening: GET /api/screening — the screening shown today, if any,
// with the receipt's name and masked CPR number.
func loadScreening(req *citizenRequest) (shared.ScreeningPage, error) {
	s, ok, err := req.citizen.CurrentScreening(req.ctx(), req.now.In(req.loc))
	if err != nil {
		return shared.ScreeningPage{}, err
	}
	p := shared.ScreeningPage{Name: req.who.Name, CPR: shared.MaskCPR(req.who.CPR)}
	if ok {
		p.Screening = &s
		if s.Answered != nil {
			p.ShownUntil = shared.ScreeningShownUntil(*s.Answered)
		}
	}
	return p, nil
}

func screeningForCitizen(_ *citizenRequest, p shared.ScreeningPage) (shared.ScreeningPage, error) {
	return p, nil
}

// screeningForAKasse: the current dagpenge screening only.
func screeningForAKasse(req *citizenRequest, p shared.ScreeningPage) (shared.AKasseScreeningPage, error) {
	return shared.ProjectScreeningPage(p, req.who.Forloeb, req.today()), nil
}

// handleAnswerScreening: POST /api/screening — the citizen's answer.
func handleAnswerScreening(req *citizenRequest) (shared.ScreeningPage, error) {
	var in shared.ScreeningAnswerInput
	if err := decode(req.r, &in); err != nil {
		return shared.ScreeningPage{}, err
	}
	if _, err := req.citizen.AnswerScreening(req.ctx(), in, req.now); err != nil {
		return shared.ScreeningPage{}, err
	}
	return loadScreening(req)
}

// loadScreeningPDF: GET /api/screening/pdf — the receipt as a PDF ("Hent
// som Pdf", 000_…txt Billede 11); only an answered screening has one.
func loadScreeningPDF(req *citizenRequest) (shared.ScreeningPage, error) {
	p, err := loadScreening(req)
	if err != nil {
		return p, err
	}
	if p.Screening == nil || p.Screening.Answered == nil {
		return p, errNoReceipt()
	}
	return p, nil
}

func errNoReceipt() error {
	return shared.Errorf(shared.ENotFound, "Der er ingen kvittering for et udfyldt forberedelsesskema.")
}

func screeningPDFForCitizen(req *citizenRequest, p shared.ScreeningPage) (shared.File, error) {
	return screeningPDF(req, p.Name, p.CPR, *p.Screening)
}

// screeningPDFForAKasse: the PDF of the a-kasse's view, made from nothing
// else.
func screeningPDFForAKasse(req *citizenRequest, p shared.ScreeningPage) (shared.AKasseFile, error) {
	a := shared.ProjectScreeningPage(p, req.who.Forloeb, req.today())
	if a.Screening == nil {
		return shared.AKasseFile{}, errNoReceipt()
	}
	f, err := screeningPDF(req, a.Name, a.CPR, shared.Screening(*a.Screening))
	return shared.AKasseFile(f), err
}

func screeningPDF(req *citizenRequest, name, cpr string, s shared.Screening) (shared.File, error) {
	var buf bytes.Buffer
	if err := renderScreeningPDF(&buf, name, cpr, s, shared.DateOf(*s.Answered), req.today()); err != nil {
		return shared.File{}, err
	}
	return shared.File{Name: "forberedelsesskema-kvittering.pdf", ContentType: "application/pdf", Body: buf.Bytes()}, nil
}

// handleIngestScreening: POST /api/ingest/v1/screenings — a jobcenter
// publishes a screening for its own citizen, by its own id of it.
func handleIngestScreening(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.Screening
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	return ingest(req, in.MessageID, &in.CPR, &in, func(ctx context.Context, c storage.Citizen, _ shared.Citizen) error {
		return c.PublishScreening(ctx, req.org.Code, in.ScreeningID, in.Kind, in.Questions, req.now)
	})
}

// handleIngestScreeningWithdraw: POST /api/ingest/v1/screenings/withdraw —
// the sender takes a screening back.
func handleIngestScreeningWithdraw(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.ScreeningWithdrawal
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	return ingest(req, in.MessageID, &in.CPR, &in, func(ctx context.Context, c storage.Citizen, _ shared.Citizen) error {
		return c.WithdrawScreening(ctx, req.org.Code, in.ScreeningID)
	})
}

// handleScreeningAnswers: GET /api/ingest/v1/screening-answers?after=N — a
// jobcenter's case system collects the answers to the screenings it sent,
// in the order answered, up to 1,000 at a time; the next call passes the
// last seq as after (as the education answers, handleEducationSent).
func handleScreeningAnswers(req *ingestRequest) ([]ingestv1.ScreeningAnswer, error) {
	return collect(req, req.store.ScreeningAnswers, func(a storage.ScreeningAnswered) ingestv1.ScreeningAnswer {
		return ingestv1.ScreeningAnswer{Seq: a.Seq, CPR: a.CPR, ScreeningID: a.OriginID, Kind: a.Kind, Answers: a.Answers, AnsweredAt: a.Answered}
	})
}
