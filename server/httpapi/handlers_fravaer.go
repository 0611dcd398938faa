package httpapi

import (
	"context"
	"strconv"
	"strings"

	"jobnet/server/ingestv1"
	"jobnet/server/storage"
	"jobnet/shared"
)

// Fravær (SPEC D7, K4; FEATURES.md 6.1): "Aktuelt fravær" and the
// self-services Meld ferie, Meld syg/rask and Midlertidigt arbejde. The
// jobcenter sees the page whole and registers nothing here (its case
// system does, through the ingestion API); the a-kasse sees the current
// absences lawful on dagpenge (shared.ProjectFravaerForAKasse), and every
// registration is refused it by the route table
// (shared.MsgAKasseCannotRegister).

// loadFravaer is the page on today, with whether the citizen is
// straksbookingramt (a raskmelding then includes booking a jobsamtale).
func loadFravaer(req *citizenRequest) (shared.Fravaer, error) {
	ctx, today := req.ctx(), req.today()
	abs, err := req.citizen.Absences(ctx)
	if err != nil {
		return shared.Fravaer{}, err
	}
	p := shared.FravaerOf(abs, req.who.Forloeb, today)
	deadlines, err := req.citizen.Deadlines(ctx)
	if err != nil {
		return p, err
	}
	p.Straks = shared.BookingDeadline(deadlines, today, true) != nil
	return p, nil
}

// fravaerForCitizen: the page whole (the citizen, the jobcenter).
func fravaerForCitizen(_ *citizenRequest, p shared.Fravaer) (shared.Fravaer, error) { return p, nil }

// fravaerForAKasse: current absences lawful on dagpenge (000 5.5).
func fravaerForAKasse(req *citizenRequest, p shared.Fravaer) (shared.AKasseFravaer, error) {
	return shared.ProjectFravaerForAKasse(p, req.today()), nil
}

// handleMeldFerie: POST /api/fravaer/ferie — Meld ferie.
func handleMeldFerie(req *citizenRequest) (shared.FravaerReceipt, error) {
	return registerPeriod(req, shared.ServiceFerie, shared.AbsenceFerie)
}

// handleMeldArbejde: POST /api/fravaer/midlertidigt-arbejde — a period of
// midlertidigt arbejde.
func handleMeldArbejde(req *citizenRequest) (shared.FravaerReceipt, error) {
	return registerPeriod(req, shared.ServiceArbejde, shared.AbsenceMidlertidigtArbejde)
}

func registerPeriod(req *citizenRequest, s shared.SelfService, k shared.AbsenceKind) (shared.FravaerReceipt, error) {
	var in shared.PeriodInput
	if err := decode(req.r, &in); err != nil {
		return shared.FravaerReceipt{}, err
	}
	a, err := req.citizen.RegisterAbsence(req.ctx(), storage.Registration{Service: s, Kind: k, Period: in},
		req.who.Forloeb, req.today(), req.now)
	return shared.FravaerReceipt{Absence: a}, err
}

// handleMeldSyg: POST /api/fravaer/syg — Meld syg, from today.
func handleMeldSyg(req *citizenRequest) (shared.FravaerReceipt, error) {
	var in shared.DayInput
	if err := decode(req.r, &in); err != nil {
		return shared.FravaerReceipt{}, err
	}
	a, err := req.citizen.RegisterAbsence(req.ctx(), storage.Registration{Service: shared.ServiceSygRask, Kind: shared.AbsenceSygdom, Day: in},
		req.who.Forloeb, req.today(), req.now)
	if err == nil {
		req.fronts.forgetCitizen(req.who.ID)
	}
	return shared.FravaerReceipt{Absence: a}, err
}

// handleMeldRask: POST /api/fravaer/rask — Meld rask, today or a day
// ahead. The receipt says whether the citizen is straksbookingramt and
// must book a jobsamtale now (003 «Tilmelding (eller raskmelding) som
// straksbookingramt»): the page then shows the booking flow's straks step.
func handleMeldRask(req *citizenRequest) (shared.FravaerReceipt, error) {
	var in shared.DayInput
	if err := decode(req.r, &in); err != nil {
		return shared.FravaerReceipt{}, err
	}
	ctx, today := req.ctx(), req.today()
	a, err := req.citizen.RegisterRask(ctx, in, req.who.Forloeb, today, req.now)
	if err != nil {
		return shared.FravaerReceipt{}, err
	}
	req.fronts.forgetCitizen(req.who.ID)
	deadlines, err := req.citizen.Deadlines(ctx)
	if err != nil {
		return shared.FravaerReceipt{}, err
	}
	return shared.FravaerReceipt{Absence: a, Straks: shared.BookingDeadline(deadlines, today, true) != nil}, nil
}

// handleIngestAbsence: POST /api/ingest/v1/absences — a jobcenter
// registers, changes or deletes an absence of its own citizen, by its own
// id (ingestv1.Absence).
func handleIngestAbsence(req *ingestRequest) (ingestv1.Receipt, error) {
	var in ingestv1.Absence
	if err := decode(req.r, &in); err != nil {
		return ingestv1.Receipt{}, err
	}
	if !in.Delete {
		if err := checkIngestAbsence(in); err != nil {
			return ingestv1.Receipt{}, err
		}
	}
	return ingest(req, "absence:"+in.MessageID, &in.CPR, &in, func(ctx context.Context, c storage.Citizen, _ shared.Citizen) error {
		if in.Delete {
			return c.DeleteIngestedAbsence(ctx, req.org.Code, in.AbsenceID)
		}
		return c.IngestAbsence(ctx, req.org.Code, storage.AbsenceIn{OriginID: in.AbsenceID, Kind: shared.AbsenceKind(in.Kind),
			Period: shared.Period{From: in.From, To: in.To}, Comment: strings.TrimSpace(in.Comment)}, req.now)
	})
}

// checkIngestAbsence: a known kind, a first day, and an end not before it.
func checkIngestAbsence(in ingestv1.Absence) error {
	var fe []shared.FieldError
	if !shared.AbsenceKind(in.Kind).Valid() {
		fe = append(fe, shared.FieldError{Field: "kind", Message: "Ukendt fraværstype."})
	}
	if in.From.IsZero() {
		fe = append(fe, shared.FieldError{Field: "from", Message: shared.MsgFromRequired})
	} else if !in.To.IsZero() && in.To.Before(in.From) {
		fe = append(fe, shared.FieldError{Field: "to", Message: shared.MsgToBeforeFrom})
	}
	if len(fe) > 0 {
		return &shared.Error{Code: shared.EInvalid, Message: "Oplysningerne er ikke udfyldt korrekt.", Fields: fe}
	}
	return nil
}

// handleAbsenceEvents: GET /api/ingest/v1/absence-events?after=N — the
// jobcenter's and the a-kasse's case systems collect what their citizens
// registered in Jobnet, in order, up to 1,000 at a time.
func handleAbsenceEvents(req *ingestRequest) ([]ingestv1.AbsenceEvent, error) {
	return collect(req, req.store.AbsenceEvents, func(e storage.AbsenceEventSent) ingestv1.AbsenceEvent {
		w := ingestv1.AbsenceEvent{Seq: e.Seq, Event: e.Kind, CPR: e.CPR, AbsenceID: strconv.FormatInt(e.Absence, 10),
			Kind: e.Type, From: shared.DateOf(e.From), Comment: e.Comment, RegisteredBy: e.Register, At: e.At}
		if e.To != nil {
			w.To = shared.DateOf(*e.To)
		}
		if e.RaskFra != nil {
			w.RaskFra = shared.DateOf(*e.RaskFra)
		}
		return w
	})
}
