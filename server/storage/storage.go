// Package storage keeps Jobnet's data in PostgreSQL through bun. It is the
// only package that knows the tables: its rows and stored documents stay
// inside, and what leaves are shared/ types and the few records declared
// here. One file per entity.
//
// Two ways in:
//   - Store: the services that act on more than one citizen or on no
//     citizen (sessions, accounts, ingestion, retention). A method that
//     writes more than once owns its transaction.
//   - Citizen: the one accessor to a citizen's own rows. Every query it
//     makes is bound to the citizen's id, so a handler holding one cannot
//     read another citizen's data; ReadOnly gives one over a read-only
//     transaction, in which PostgreSQL itself refuses a write (mirror
//     sessions, SPEC K2).
//
// Times are passed in by the caller (the server's clock), never taken from
// the database's now(), so that tests can pin the day.
package storage

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"jobnet/shared"
)

// Store is the database and the services on it.
type Store struct {
	db *bun.DB
	// standby serves the reads that may lag the primary a little (a
	// caseworker's mirror, public Find Job); db when there is none.
	standby *bun.DB
	jobs    Enqueuer
	plans   *planCache
	// combosCache keeps Find Job's counts of all live ads a while.
	combosCache comboCache
	// ads is Find Job's in-memory index (adindex.go).
	ads adIndex
	// suggestions keeps Find Job's suggestions by what was typed.
	suggestions suggestionCache
}

// Enqueuer puts a background job in the queue within the transaction of the
// change that causes it, so that the job exists exactly when the change
// does. The jobs package implements it with River.
type Enqueuer interface {
	EnqueueTx(ctx context.Context, tx bun.Tx, job Job) error
}

// Job is a background job's arguments; Kind names its worker.
type Job interface{ Kind() string }

// New returns the store over db. jobs may be nil where nothing enqueues.
func New(db *bun.DB, jobs Enqueuer) *Store {
	return &Store{db: db, standby: db, jobs: jobs, plans: newPlanCache(), ads: adIndex{want: make(chan struct{}, 1)}}
}

// UseStandby sends the reads that may lag the primary to standby, a pool
// over a streaming replica (pgha, `make ha-up`): a caseworker's mirror of
// a citizen (ReadOnlyStandby) and public Find Job. What a citizen reads of
// their own is read from the primary, so they see their own write at
// once; a caseworker sees it once the standby has replayed it, which under
// synchronous replication is within milliseconds (the failover test
// measures it). Set it before the store serves.
func (s *Store) UseStandby(standby *bun.DB) { s.standby = standby }

// Ping reports whether the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// inTx runs fn in one transaction.
func (s *Store) inTx(ctx context.Context, fn func(ctx context.Context, tx bun.Tx) error) error {
	return s.db.RunInTx(ctx, nil, fn)
}

// notFound turns sql.ErrNoRows into the shared not-found error about what.
func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return shared.Errorf(shared.ENotFound, "%s findes ikke.", what)
	}
	return err
}

// IsNotFound reports whether err is a not-found error.
func IsNotFound(err error) bool { return shared.ErrorCodeOf(err) == shared.ENotFound }

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

func isUniqueViolation(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "23505"
}

func timeOfDate(d shared.Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// prepared is for the few statements nearly every request runs (the
// session, the front page, Min plan): written with $n parameters, they go
// to PostgreSQL as prepared statements that pgx caches per connection, so
// PostgreSQL plans each once per connection instead of on every run
// (planning was two thirds of their time). Every other statement is bun's.
func prepared(ctx context.Context, db bun.IDB, query string, args ...any) *sql.Row {
	args = append([]any{pgx.QueryExecModeCacheStatement}, args...)
	switch d := db.(type) {
	case bun.Tx:
		return d.Tx.QueryRowContext(ctx, query, args...)
	case *bun.DB:
		return d.DB.QueryRowContext(ctx, query, args...)
	}
	panic(fmt.Sprintf("storage: prepared on a %T", db))
}

// preparedRows is prepared for a statement of many rows.
func preparedRows(ctx context.Context, db bun.IDB, query string, args ...any) (*sql.Rows, error) {
	args = append([]any{pgx.QueryExecModeCacheStatement}, args...)
	switch d := db.(type) {
	case bun.Tx:
		return d.Tx.QueryContext(ctx, query, args...)
	case *bun.DB:
		return d.DB.QueryContext(ctx, query, args...)
	}
	panic(fmt.Sprintf("storage: preparedRows on a %T", db))
}

// NewToken is a new secret token (a session's cookie, a mail link's):
// 32 random bytes, URL-safe, and its hash (TokenHash), which is all that
// is stored.
func NewToken() (token string, hash []byte) {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand never fails (Go 1.24)
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, TokenHash(token)
}

// TokenHash is how a secret token (a session's cookie, a case system's API
// token) is stored and looked up: its SHA-256, never the token itself.
func TokenHash(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// Unavailable reports whether err is the database out of reach rather than
// a fault of the request or of Jobnet: no connection could be made, an open
// one broke, or the server is shutting down, starting or failing over
// (SQLSTATE classes 08 and 57P). Such a request may simply be sent again.
func Unavailable(err error) bool {
	var connect *pgconn.ConnectError
	var pg *pgconn.PgError
	var netErr net.Error
	switch {
	case errors.As(err, &connect), errors.As(err, &netErr), errors.Is(err, driver.ErrBadConn),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, sql.ErrConnDone), pgconn.SafeToRetry(err):
		return true
	case errors.As(err, &pg):
		return strings.HasPrefix(pg.Code, "08") || strings.HasPrefix(pg.Code, "57P")
	}
	return false
}

// Reads that only read are tried again this many times, this long apart
// (growing), when the database was out of reach (retryRead).
const (
	readTries = 3
	readPause = 100 * time.Millisecond
)

// retryRead runs read, and again while it fails because the database is
// out of reach (Unavailable) — a standby restarting to follow a new
// primary, a pooled connection to a server that is gone — up to readTries
// times in all. read must only read: it may run more than once.
func retryRead(ctx context.Context, read func() error) error {
	for try := 1; ; try++ {
		err := read()
		if err == nil || try == readTries || !Unavailable(err) || ctx.Err() != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(time.Duration(try) * readPause):
		}
	}
}

// sqlReadOnly begins a transaction in which PostgreSQL refuses every write.
var sqlReadOnly = sql.TxOptions{ReadOnly: true}

// MaxConns bounds the connections a server process holds; idle ones are
// kept, since opening one costs PostgreSQL a new process (database/sql
// keeps only 2 idle by default).
const MaxConns = 20

// Open connects to PostgreSQL for bun. bun writes the arguments into the
// statement itself, so pgx sends it by the simple protocol, in one round
// trip: each statement text is new, and preparing it (pgx's default) would
// cost a second round trip and fill pgx's statement cache with statements
// used once.
func Open(dsn string) (*bun.DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	cfg.DefaultQueryExecMode = pgx.QueryExecModeSimpleProtocol
	// Find Job groups many ads at once (jobsearch.go): with PostgreSQL's
	// default 4 MB it would sort them on disk rather than hash them. A
	// setting of the server's own sessions; DATABASE_URL may override it.
	if _, set := cfg.RuntimeParams["work_mem"]; !set {
		cfg.RuntimeParams["work_mem"] = "32MB"
	}
	sqldb := stdlib.OpenDB(*cfg)
	sqldb.SetMaxOpenConns(MaxConns)
	sqldb.SetMaxIdleConns(MaxConns)
	sqldb.SetConnMaxIdleTime(5 * time.Minute)
	return bun.NewDB(sqldb, pgdialect.New()), nil
}
