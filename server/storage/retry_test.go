package storage

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestRetryRead: a read that lost the database is tried again, up to
// readTries times in all; any other failure, and a success, ends it at
// once.
func TestRetryRead(t *testing.T) {
	lost := &pgconn.PgError{Code: "57P01"} // admin_shutdown: a standby restarting
	for _, c := range []struct {
		name      string
		errs      []error // what each try returns, the last repeated
		wantTries int
		wantErr   error
	}{
		{"answered", []error{nil}, 1, nil},
		{"answered on the second try", []error{lost, nil}, 2, nil},
		{"lost every time", []error{lost}, readTries, lost},
		{"refused", []error{errNotMine}, 1, errNotMine},
		{"lost, then refused", []error{lost, errNotMine}, 2, errNotMine},
	} {
		t.Run(c.name, func(t *testing.T) {
			tries := 0
			err := retryRead(context.Background(), func() error {
				tries++
				return c.errs[min(tries, len(c.errs))-1]
			})
			if tries != c.wantTries || !errors.Is(err, c.wantErr) {
				t.Errorf("%d tries, %v; want %d, %v", tries, err, c.wantTries, c.wantErr)
			}
		})
	}
}

var errNotMine = errors.New("a fault of the request")
