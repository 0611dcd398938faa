package storage_test

import (
	"context"
	"testing"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

// TestProfileRetention: e-mail codes go a week after they were made, a
// temporary address a week after it ended (storage.RetentionRules);
// younger ones stay.
func TestProfileRetention(t *testing.T) {
	ctx := context.Background()
	db, c := oneCitizen(t)
	s := storage.New(db, nil)
	var id int64
	if err := db.NewRaw(`SELECT id FROM citizens WHERE cpr = '010203-1234'`).Scan(ctx, &id); err != nil {
		t.Fatal(err)
	}
	for _, age := range []time.Duration{7*24*time.Hour + time.Second, 7 * 24 * time.Hour, time.Hour} {
		if _, err := db.NewRaw(`INSERT INTO email_codes (citizen_id, email, code_hash, created_at, expires_at) VALUES (?, 'a@example.dk', '\x00', ?, ?)`,
			id, now.Add(-age), now.Add(-age+30*time.Minute)).Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := s.DeleteExpired(ctx, ruleNamed(t, "email_codes"), now, 100); err != nil || n != 1 {
		t.Fatalf("email_codes: deleted %d (%v), want the one past the week", n, err)
	}
	today := shared.DateOf(now)
	ended := shared.TempAddress{Street: "Vej 1", Postcode: "8000", City: "Aarhus", From: today.AddDays(-30), To: today.AddDays(-8)}
	if err := c.SetTempAddress(ctx, ended); err != nil {
		t.Fatal(err)
	}
	if n, err := s.DeleteExpired(ctx, ruleNamed(t, "temporary_addresses"), now, 100); err != nil || n != 1 {
		t.Fatalf("temporary_addresses: deleted %d (%v), want the one ended 8 days ago", n, err)
	}
	ended.To = today.AddDays(-7)
	if err := c.SetTempAddress(ctx, ended); err != nil {
		t.Fatal(err)
	}
	if n, err := s.DeleteExpired(ctx, ruleNamed(t, "temporary_addresses"), now, 100); err != nil || n != 0 {
		t.Fatalf("temporary_addresses: deleted %d (%v), want none a week after its end", n, err)
	}
}
