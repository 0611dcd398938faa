package server

import (
	"context"
	"net/http"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

// Behaviour data (SPEC E1, 003_…txt "Jobsøgningsdata"): what citizens do,
// stored per session for a later anonymised export. The kinds are the
// sources' names where they have one ("Dagpengetællere startet").
const (
	eventLogin      = "Login"
	eventLogout     = "Logout"
	eventExpired    = "Automatisk logget ud"
	eventPage       = "Side åbnet" // detail: the page's path
	eventMinPlan    = "Min plan åbnet"
	eventSimulation = "Simulering brugt" // detail: the counters page
)

// recordEvent stores one behaviour event of a session. It is the one place
// that decides whose actions are behaviour data: a citizen's own session's,
// and never a caseworker's, mirroring or not (SPEC K5). Callers need not
// check the role.
func recordEvent(ctx context.Context, db bun.IDB, sess *sessionInfo, kind, detail string) error {
	if sess == nil || sess.actor.Role != shared.RoleCitizen {
		return nil
	}
	_, err := db.NewRaw("INSERT INTO behaviour_events (session_hash, citizen_id, kind, detail) VALUES (?, ?, ?, ?)",
		sess.tokenHash, sess.actor.CitizenID, kind, detail).Exec(ctx)
	return err
}

// handleBehaviour: POST /api/behaviour — an action that happens only in the
// browser, such as using the counters' simulator, reported by the app. A
// mirror session is refused like every write (and the app does not send);
// recordEvent would record nothing for it anyway.
func handleBehaviour(w http.ResponseWriter, req *request) error {
	var in shared.BehaviourEvent
	if err := decode(req.r, &in); err != nil {
		return err
	}
	if err := recordEvent(req.r.Context(), req.db, req.session, eventSimulation, in.View); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
