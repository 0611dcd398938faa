package httpapi

import (
	"bytes"

	"jobnet/shared"
)

// Mit CV and the Præsentations-CV (SPEC C4). The citizen's own; the
// jobcenter sees both, the a-kasse Mit CV "som medlemmet ser det"
// (000_…txt 4.5) and the Præsentations-CV not at all ("Ingen adgang",
// Billede 10); no caseworker changes either (the route table). Every save
// is judged by shared's rules in storage.

// handleGetCV: GET /api/cv — Mit CV with its folds, status and number.
func handleGetCV(req *citizenRequest) (shared.CV, error) {
	cv, err := req.citizen.CV(req.ctx())
	cv.ContactRequired = req.who.Enrolment == shared.EnrolmentTilmeldt
	return cv, err
}

// handlePutCVSettings: PUT /api/cv/settings — søgbart, contact data, link,
// languages, driving licence; judged for the citizen's enrolment (a ledig
// must give contact data, 003 «Personlige oplysninger»).
func handlePutCVSettings(req *citizenRequest) (shared.CV, error) {
	var in shared.CVSettings
	if err := decode(req.r, &in); err != nil {
		return shared.CV{}, err
	}
	cv, err := req.citizen.SaveCVSettings(req.ctx(), in, req.who.Enrolment, req.now)
	cv.ContactRequired = req.who.Enrolment == shared.EnrolmentTilmeldt
	return cv, err
}

// handleAddCVEntry: POST /api/cv/entries — "TILFØJ ERHVERVSERFARING +" and
// its siblings.
func handleAddCVEntry(req *citizenRequest) (shared.CVEntry, error) {
	var in shared.CVEntryInput
	if err := decode(req.r, &in); err != nil {
		return shared.CVEntry{}, err
	}
	return req.citizen.AddCVEntry(req.ctx(), in, req.now)
}

// handleUpdateCVEntry: PUT /api/cv/entries/{id} — "Redigér".
func handleUpdateCVEntry(req *citizenRequest) (shared.CVEntry, error) {
	id, err := idInPath(req.r, shared.ErrCVEntryNotFound)
	if err != nil {
		return shared.CVEntry{}, err
	}
	var in shared.CVEntryInput
	if err := decode(req.r, &in); err != nil {
		return shared.CVEntry{}, err
	}
	return req.citizen.UpdateCVEntry(req.ctx(), id, in, req.now)
}

// handleDeleteCVEntry: DELETE /api/cv/entries/{id}.
func handleDeleteCVEntry(req *citizenRequest) (deleted, error) {
	id, err := idInPath(req.r, shared.ErrCVEntryNotFound)
	if err != nil {
		return deleted{}, err
	}
	return deleted{true}, req.citizen.DeleteCVEntry(req.ctx(), id, req.now)
}

// handleDismissCVLinkNudge: POST /api/cv/link-nudge — the LinkedIn box's
// "Vis ikke denne besked igen" ("Senere" is the app's, for the visit).
func handleDismissCVLinkNudge(req *citizenRequest) (noContent, error) {
	return noContent{}, req.citizen.DismissCVLinkNudge(req.ctx(), req.now)
}

// handleCVPDF: GET /api/cv/pdf — "Vis, udskriv eller eksporter mit CV".
// The a-kasse sees the CV whole, and the file is made from shared.CV
// alone, an a-kasse view, so it is an AKasseFile for every caller.
func handleCVPDF(req *citizenRequest) (shared.AKasseFile, error) {
	cv, err := req.citizen.CV(req.ctx())
	if err != nil {
		return shared.AKasseFile{}, err
	}
	var buf bytes.Buffer
	if err := renderCVPDF(&buf, req.who.Name, cv, req.today()); err != nil {
		return shared.AKasseFile{}, err
	}
	return shared.AKasseFile{Name: cvPDFName, ContentType: "application/pdf", Body: buf.Bytes()}, nil
}

// handleGetPresentationCV: GET /api/cv/presentation — the Præsentations-CV
// and the contact data of Mit CV it may carry.
func handleGetPresentationCV(req *citizenRequest) (shared.PresentationCVPage, error) {
	return req.citizen.PresentationCV(req.ctx())
}

// handlePutPresentationCV: PUT /api/cv/presentation.
func handlePutPresentationCV(req *citizenRequest) (shared.PresentationCVPage, error) {
	var in shared.PresentationCV
	if err := decode(req.r, &in); err != nil {
		return shared.PresentationCVPage{}, err
	}
	return req.citizen.SavePresentationCV(req.ctx(), in, req.now)
}

// handlePresentationCVPDF: GET /api/cv/presentation/pdf — the
// Præsentations-CV to hand over; not found before it is saved.
func handlePresentationCVPDF(req *citizenRequest) (shared.File, error) {
	p, err := req.citizen.PresentationCV(req.ctx())
	if err != nil {
		return shared.File{}, err
	}
	if !p.Saved {
		return shared.File{}, shared.Errorf(shared.ENotFound, "Du har ikke udfyldt dit Præsentations-CV endnu.")
	}
	cv, err := req.citizen.CV(req.ctx())
	if err != nil {
		return shared.File{}, err
	}
	var buf bytes.Buffer
	if err := renderPresentationPDF(&buf, req.who.Name, p.CV, cv.CVSettings, req.today()); err != nil {
		return shared.File{}, err
	}
	return shared.File{Name: presentationPDFName, ContentType: "application/pdf", Body: buf.Bytes()}, nil
}
