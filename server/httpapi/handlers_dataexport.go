package httpapi

import (
	"bytes"
	"encoding/json"

	"jobnet/shared"
)

// handleDataExportJSON: GET /api/dataexport/jobnet-data.json — "Hent alle
// mine data" as one JSON file (shared.DataExport), indented for a person
// who opens it.
func handleDataExportJSON(req *citizenRequest) (shared.File, error) {
	ex, err := req.citizen.DataExport(req.ctx(), req.now)
	if err != nil {
		return shared.File{}, err
	}
	body, err := json.MarshalIndent(ex, "", "  ")
	if err != nil {
		return shared.File{}, err
	}
	return shared.File{Name: shared.DataExportJSONName, ContentType: "application/json", Body: body}, nil
}

// handleDataExportPDF: GET /api/dataexport/jobnet-data.pdf — the same
// export as a readable PDF.
func handleDataExportPDF(req *citizenRequest) (shared.File, error) {
	ex, err := req.citizen.DataExport(req.ctx(), req.now)
	if err != nil {
		return shared.File{}, err
	}
	var buf bytes.Buffer
	if err := renderDataExportPDF(&buf, req.who.Name, ex, req.today(), req.loc); err != nil {
		return shared.File{}, err
	}
	return shared.File{Name: shared.DataExportPDFName, ContentType: "application/pdf", Body: buf.Bytes()}, nil
}
