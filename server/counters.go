package server

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

// Counter kinds as stored.
const (
	counterDagpenge    = "dagpenge"
	counterSupplerende = "supplerende"
	counterTimer225    = "timer225"
)

type counterRow struct {
	bun.BaseModel `bun:"table:counters"`
	CitizenID     int64           `bun:"citizen_id,pk"`
	Kind          string          `bun:"kind,pk"`
	AsOf          string          `bun:"as_of,type:date"`
	Data          json.RawMessage `bun:"data,type:jsonb"`
}

// loadCounters returns the stored counter figures of a citizen.
func loadCounters(ctx context.Context, db bun.IDB, citizenID int64) (shared.Counters, error) {
	var rows []counterRow
	if err := db.NewSelect().Model(&rows).Where("citizen_id = ?", citizenID).Scan(ctx); err != nil {
		return shared.Counters{}, err
	}
	var c shared.Counters
	for _, r := range rows {
		var err error
		switch r.Kind {
		case counterDagpenge:
			c.Dagpenge = new(shared.DagpengeCounters)
			err = json.Unmarshal(r.Data, c.Dagpenge)
		case counterSupplerende:
			c.Supplerende = new(shared.SupplerendeCounters)
			err = json.Unmarshal(r.Data, c.Supplerende)
		case counterTimer225:
			c.Hours225 = new(shared.Hours225Counters)
			err = json.Unmarshal(r.Data, c.Hours225)
		}
		if err != nil {
			return shared.Counters{}, err
		}
	}
	return c, nil
}

// storeCounter keeps the newest figures of one kind: a delivery older than
// the stored one changes nothing.
func storeCounter(ctx context.Context, tx bun.IDB, citizenID int64, kind string, asOf shared.Date, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = tx.NewRaw(`INSERT INTO counters (citizen_id, kind, as_of, data) VALUES (?, ?, ?, ?)
		ON CONFLICT (citizen_id, kind) DO UPDATE SET as_of = EXCLUDED.as_of, data = EXCLUDED.data, updated_at = now()
		WHERE counters.as_of <= EXCLUDED.as_of`, citizenID, kind, asOf.String(), string(data)).Exec(ctx)
	return err
}

// storeCounters stores each kind of figures present in c.
func storeCounters(ctx context.Context, tx bun.IDB, citizenID int64, c shared.Counters) error {
	if c.Dagpenge != nil {
		if err := storeCounter(ctx, tx, citizenID, counterDagpenge, c.Dagpenge.AsOf, c.Dagpenge); err != nil {
			return err
		}
	}
	if c.Supplerende != nil {
		if err := storeCounter(ctx, tx, citizenID, counterSupplerende, c.Supplerende.AsOf, c.Supplerende); err != nil {
			return err
		}
	}
	if c.Hours225 != nil {
		return storeCounter(ctx, tx, citizenID, counterTimer225, c.Hours225.AsOf, c.Hours225)
	}
	return nil
}

// counterEvents are the behaviour events of opening each counters page
// (003_…txt "Jobsøgningsdata": "Dagpengetællere startet").
var counterEvents = map[string]string{
	counterDagpenge:    "Dagpengetællere startet",
	counterSupplerende: "Tællere for supplerende dagpenge startet",
	counterTimer225:    "225 timers reglen startet",
}

// handleCounters: GET /api/counters?view=dagpenge|supplerende|timer225 — the
// citizen's counter figures (SPEC D9–D11). Citizen and jobcenter: all;
// a-kasse: without the 225-hour figures (SPEC K4). The simulator runs in the
// browser and writes nothing. For a citizen, opening a counters page (view)
// is recorded as behaviour data; for a caseworker, nothing is (SPEC K5).
func handleCounters(w http.ResponseWriter, req *request) error {
	ctx := req.r.Context()
	view := req.r.URL.Query().Get("view")
	event, ok := counterEvents[view]
	if view != "" && !ok {
		return shared.Errorf(shared.EInvalid, "view skal være dagpenge, supplerende eller timer225.")
	}
	c, err := loadCounters(ctx, req.db, req.actor.CitizenID)
	if err != nil {
		return err
	}
	if ok {
		if err := recordEvent(ctx, req.db, req.session, event, ""); err != nil {
			return err
		}
	}
	if req.actor.Role == shared.RoleAKasse {
		writeJSON(w, http.StatusOK, shared.ProjectForAKasse(shared.CitizenData{Counters: &c}).Counters)
		return nil
	}
	writeJSON(w, http.StatusOK, c)
	return nil
}

// handleIngestCounters: POST /api/ingest/v1/counters — an a-kasse sends the
// dagpenge and supplerende dagpenge figures of its own members; a jobcenter
// sends the 225-hour figures of its own citizens.
func handleIngestCounters(w http.ResponseWriter, req *request) error {
	var in shared.CountersUpdate
	if err := decode(req.r, &in); err != nil {
		return err
	}
	isAKasse := req.org.Kind == shared.OrgAKasse
	if isAKasse && in.Hours225 != nil {
		return shared.Errorf(shared.EForbidden, "Kun jobcentre kan sende oplysninger om 225-timers-reglen.")
	}
	if !isAKasse && (in.Dagpenge != nil || in.Supplerende != nil) {
		return shared.Errorf(shared.EForbidden, "Kun a-kasser kan sende dagpengetællere.")
	}
	return ingestForCitizen(w, req, in.MessageID, &in.CPR, &in, true, func(ctx context.Context, tx bun.Tx, c shared.Citizen) error {
		return storeCounters(ctx, tx, c.ID, shared.Counters{Dagpenge: in.Dagpenge, Supplerende: in.Supplerende, Hours225: in.Hours225})
	})
}
