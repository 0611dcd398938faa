package server

import (
	"net/http"
	"strconv"

	"jobnet/shared"
)

// Citizen-scoped handlers. The endpoint wrapper has already decided that the
// actor may see (GET) or change (anything else) req.actor.CitizenID; these
// handlers only read and write that citizen's rows, and apply the a-kasse
// projection before encoding.

// handleOverview: GET /api/overview — the front page's data (SPEC B3, B7).
// Citizen and jobcenter: everything; a-kasse: the projection (SPEC K4).
func handleOverview(w http.ResponseWriter, req *request) error {
	c, err := req.citizen()
	if err != nil {
		return err
	}
	o, err := overview(req.r.Context(), req.db, c)
	if err != nil {
		return err
	}
	// A new or changed plan the citizen has not opened yet (SPEC B3).
	notice, err := planNotice(req.r.Context(), req.db, req.actor, false)
	if err != nil {
		return err
	}
	if notice.NewVersion {
		n := shared.Notification{Kind: shared.NotifyPlan, Title: "Din plan er ændret", Text: "Se, hvad der er ændret, i Min plan."}
		if notice.FirstPlan {
			n.Title, n.Text = "Du har fået en plan", "Se din plan i Min plan."
		}
		o.Notifications = append([]shared.Notification{n}, o.Notifications...)
	}
	if req.actor.Role == shared.RoleAKasse {
		writeJSON(w, http.StatusOK, shared.ProjectForAKasse(shared.CitizenData{Overview: &o}).Overview)
		return nil
	}
	writeJSON(w, http.StatusOK, o)
	return nil
}

// handleNotificationDone: POST /api/notifications/{id}/done — the citizen
// marks a notification as done ("Jeg har sendt dem"). Citizen only.
func handleNotificationDone(w http.ResponseWriter, req *request) error {
	id, err := strconv.ParseInt(req.r.PathValue("id"), 10, 64)
	if err != nil {
		return shared.Errorf(shared.EInvalid, "Ugyldigt id.")
	}
	res, err := req.db.NewUpdate().Model((*notificationRow)(nil)).Set("done_at = ?", req.now).
		Where("id = ? AND citizen_id = ? AND done_at IS NULL", id, req.actor.CitizenID).Exec(req.r.Context())
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return shared.Errorf(shared.ENotFound, "Beskeden findes ikke.")
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// handleLoginHistory: GET /api/history/logins — Historik → Login, the last
// three months (SPEC D12, K3). Citizen and jobcenter; the a-kasse gets
// "Du har ikke adgang til siden" (SPEC K4).
func handleLoginHistory(w http.ResponseWriter, req *request) error {
	if err := shared.CheckHistoryAccess(req.actor.Role); err != nil {
		return err
	}
	rows, err := loginHistory(req.r.Context(), req.db, req.actor.CitizenID, req.now)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, rows)
	return nil
}

// handleGetEures: GET /api/eures — Job i Europa: is the CV visible to
// employers in all of Europe (SPEC C6). All roles may read it.
func handleGetEures(w http.ResponseWriter, req *request) error {
	var e shared.EuresSetting
	err := req.db.NewSelect().Table("citizens").Column("eures_visible").Where("id = ?", req.actor.CitizenID).Scan(req.r.Context(), &e.Visible)
	if err != nil {
		return notFound(err, "Borgeren")
	}
	writeJSON(w, http.StatusOK, e)
	return nil
}

// handlePutEures: PUT /api/eures — the citizen changes the Job i Europa choice.
func handlePutEures(w http.ResponseWriter, req *request) error {
	var e shared.EuresSetting
	if err := decode(req.r, &e); err != nil {
		return err
	}
	_, err := req.db.NewUpdate().Table("citizens").Set("eures_visible = ?", e.Visible).Set("updated_at = ?", req.now).
		Where("id = ?", req.actor.CitizenID).Exec(req.r.Context())
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, e)
	return nil
}
