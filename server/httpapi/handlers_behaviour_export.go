package httpapi

import (
	"strconv"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

// The anonymised export of the Jobsøgningsdata (SPEC E1) for STAR's
// researchers: STAR asks for a period, the scheduled job writes the file
// (storage/behaviour_export.go has the format), STAR fetches it.
const (
	apiBehaviourExports    = "/api/admin/v1/behaviour-exports"
	apiBehaviourExport     = apiBehaviourExports + "/{id}"
	apiBehaviourExportFile = apiBehaviourExport + "/file"
)

// behaviourExportRequest is STAR's request: the period [from, to).
type behaviourExportRequest struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

func errNoBehaviourExport() error { return shared.Errorf(shared.ENotFound, "Udtrækket findes ikke.") }

// handleRequestBehaviourExport: POST /api/admin/v1/behaviour-exports —
// STAR asks for a period's events; the answer's id is the export's.
func handleRequestBehaviourExport(req *ingestRequest) (storage.BehaviourExportStatus, error) {
	var in behaviourExportRequest
	if err := decode(req.r, &in); err != nil {
		return storage.BehaviourExportStatus{}, err
	}
	return req.store.RequestBehaviourExport(req.ctx(), req.org.Code, in.From, in.To, req.now)
}

// handleBehaviourExport: GET /api/admin/v1/behaviour-exports/{id} — the
// export's status: finished once the file is written.
func handleBehaviourExport(req *ingestRequest) (storage.BehaviourExportStatus, error) {
	id, err := idInPath(req.r, errNoBehaviourExport)
	if err != nil {
		return storage.BehaviourExportStatus{}, err
	}
	st, _, err := req.store.BehaviourExportFile(req.ctx(), req.org.Code, id)
	return st, err
}

// handleBehaviourExportFile: GET /api/admin/v1/behaviour-exports/{id}/file
// — the file (NDJSON), or a conflict while it is being written.
func handleBehaviourExportFile(req *ingestRequest) (shared.File, error) {
	id, err := idInPath(req.r, errNoBehaviourExport)
	if err != nil {
		return shared.File{}, err
	}
	st, content, err := req.store.BehaviourExportFile(req.ctx(), req.org.Code, id)
	if err != nil {
		return shared.File{}, err
	}
	if st.Finished == nil {
		return shared.File{}, shared.Errorf(shared.EConflict, "Udtrækket er ikke klar endnu. Prøv igen om lidt.")
	}
	return shared.File{Name: "jobsoegningsdata-" + strconv.FormatInt(id, 10) + ".ndjson", ContentType: "application/x-ndjson", Body: content}, nil
}
