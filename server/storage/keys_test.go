package storage_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"jobnet/server/dbtest"
)

// keysWaiting are the citizen tables whose primary key does not yet hold
// the citizen id, each for a reason docs/scaling.md 3.1 gives.
var keysWaiting = []string{"citizen_accounts", "job_agents", "outbox", "sms_outbox"}

// TestCitizenKeys (issue 15; migration 042): every table with a citizen_id
// column has it in its primary key, but for the named few that wait; and
// every foreign key between two such tables carries it, so that a row
// and the rows it references are one citizen's (co-located, under Citus).
func TestCitizenKeys(t *testing.T) {
	db := dbtest.MustOpenDB(t)
	ctx := context.Background()
	var tables []struct {
		Table string
		InKey bool
	}
	err := db.NewRaw(`SELECT c.relname AS table,
			EXISTS (SELECT 1 FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
				WHERE k.conrelid = c.oid AND k.contype = 'p' AND a.attname = 'citizen_id') AS in_key
		FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'citizen_id' AND NOT a.attisdropped
		WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace ORDER BY 1`).Scan(ctx, &tables)
	if err != nil {
		t.Fatal(err)
	}
	if len(tables) < 30 {
		t.Fatalf("only %d tables with a citizen_id", len(tables))
	}
	keyed := map[string]bool{"citizens": true}
	for _, tb := range tables {
		waits := slices.Contains(keysWaiting, tb.Table)
		switch {
		case !tb.InKey && !waits:
			t.Errorf("%s has a citizen_id outside its primary key", tb.Table)
		case tb.InKey && waits:
			t.Errorf("%s has the citizen id in its key now: take it off keysWaiting", tb.Table)
		}
		keyed[tb.Table] = tb.InKey
	}
	var refs []struct {
		Child, Parent, Def string
	}
	err = db.NewRaw(`SELECT k.conrelid::regclass::text AS child, k.confrelid::regclass::text AS parent, pg_get_constraintdef(k.oid) AS def
		FROM pg_constraint k WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace`).Scan(ctx, &refs)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, r := range refs {
		if !keyed[r.Child] || !keyed[r.Parent] || r.Parent == "citizens" {
			continue
		}
		checked++
		if !strings.HasPrefix(r.Def, "FOREIGN KEY (citizen_id, ") && !strings.HasPrefix(r.Def, "FOREIGN KEY (citizen_id) ") {
			t.Errorf("%s references %s without the citizen id: %s", r.Child, r.Parent, r.Def)
		}
	}
	if checked < 7 {
		t.Errorf("only %d references between citizen tables checked", checked)
	}
}
