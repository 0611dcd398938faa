package api

import (
	"context"

	"jobnet/shared"
)

// CV is Mit CV (GET /api/cv).
func CV(ctx context.Context) (shared.CV, error) {
	return get[shared.CV](ctx, shared.APICV)
}

// SaveCVSettings stores søgbart, contact data, link, languages and driving
// licence (PUT /api/cv/settings).
func SaveCVSettings(ctx context.Context, in shared.CVSettings) (shared.CV, error) {
	return request[shared.CV](ctx, "PUT", shared.APICVSettings, in)
}

// CVEntrySave is an entry to save: a new one (ID 0) or a change.
type CVEntrySave struct {
	ID int64
	In shared.CVEntryInput
}

// SaveCVEntry adds an entry (POST /api/cv/entries) or changes one
// (PUT /api/cv/entries/{id}).
func SaveCVEntry(ctx context.Context, s CVEntrySave) (shared.CVEntry, error) {
	if s.ID == 0 {
		return request[shared.CVEntry](ctx, "POST", shared.APICVEntries, s.In)
	}
	return request[shared.CVEntry](ctx, "PUT", shared.CVEntryPath(s.ID), s.In)
}

// DeleteCVEntry deletes an entry (DELETE /api/cv/entries/{id}).
func DeleteCVEntry(ctx context.Context, id int64) error {
	return call(ctx, "DELETE", shared.CVEntryPath(id), nil, nil)
}

// DismissCVLinkNudge is the LinkedIn box's "Vis ikke denne besked igen"
// (POST /api/cv/link-nudge).
func DismissCVLinkNudge(ctx context.Context) error {
	return call(ctx, "POST", shared.APICVLinkNudge, nil, nil)
}

// PresentationCV is the Præsentations-CV (GET /api/cv/presentation).
func PresentationCV(ctx context.Context) (shared.PresentationCVPage, error) {
	return get[shared.PresentationCVPage](ctx, shared.APIPresentationCV)
}

// SavePresentationCV stores it (PUT /api/cv/presentation).
func SavePresentationCV(ctx context.Context, in shared.PresentationCV) (shared.PresentationCVPage, error) {
	return request[shared.PresentationCVPage](ctx, "PUT", shared.APIPresentationCV, in)
}
