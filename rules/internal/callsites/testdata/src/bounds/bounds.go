package bounds // want package:`calls\[sql\(timeout=2s\); sql\(unbounded\); sql\(unbounded\); sql\(param:bounds.FromCaller#1\); sql\(bounded\); sql\(unbounded\(request\)\); sql\(\); http\(host:a.example:80 unbounded\); http\(host:b.example:80 timeout=1s\); http\(host:c.example:80 unbounded\); sql\(driver:postgres env:DSN timeout=300ms\); sql\(driver:postgres env:DSN timeout=300ms\); sql\(driver:mysql env:DSN timeout=300ms\); sql\(driver:mysql env:DSN\); sql\(driver:pgx env:DSN timeout=1s\); sql\(driver:pgx env:DSN timeout=1s\); sql\(param:bounds.Save#0\); sql\(unbounded\); sql\(unbounded\)\]`

import (
	"context"
	"database/sql"
	"net/http"
	"os"
	"time"
)

func constTimeout(ctx context.Context, db *sql.DB) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	db.QueryContext(ctx, "q")
}

func background(db *sql.DB) { db.QueryContext(context.Background(), "q") }

func cancelOnly(db *sql.DB) {
	ctx, cancel := context.WithCancel(context.TODO())
	defer cancel()
	db.QueryContext(ctx, "q")
}

// Exported: its callers are elsewhere, the bound is unknown.
func FromCaller(ctx context.Context, db *sql.DB) { db.QueryContext(ctx, "q") }

func deadline(db *sql.DB, d time.Time) {
	ctx, cancel := context.WithDeadline(context.Background(), d)
	defer cancel()
	db.QueryContext(ctx, "q")
}

func handler(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		db.QueryContext(r.Context(), "q")
	}
}

// Called in this package with both a bounded and an unbounded context:
// neither is certain.
func mixed(ctx context.Context, db *sql.DB) { db.QueryContext(ctx, "q") }

func callers(db *sql.DB) {
	mixed(context.Background(), db)
	c, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	mixed(c, db)
}

func noContext(c *http.Client) {
	req, _ := http.NewRequest("GET", "http://a.example:80/x", nil)
	c.Do(req)
}

func withContext(c *http.Client) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://b.example:80/x", nil)
	c.Do(req)
}

// A URL built in a loop: the walk must end.
func loopURL(c *http.Client, parts []string) {
	u := "http://c.example:80"
	for _, p := range parts {
		u = u + "/" + p
		u = u + u
	}
	req, _ := http.NewRequest("GET", u, nil)
	c.Do(req)
}

// Commit takes no context: with lib/pq or pgx, the one BeginTx was given
// bounds it.
func txCommit(ctx context.Context) {
	db, _ := sql.Open("postgres", os.Getenv("DSN"))
	ctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	tx, _ := db.BeginTx(ctx, nil)
	defer tx.Rollback()
	tx.Commit()
}

// go-sql-driver/mysql does not cancel a transaction's statements when
// BeginTx's context ends: unknown.
func txMySQL(ctx context.Context) {
	db, _ := sql.Open("mysql", os.Getenv("DSN"))
	ctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	tx, _ := db.BeginTx(ctx, nil)
	tx.Commit()
}

// The usual helper, with its error path.
func begin(ctx context.Context, db *sql.DB) (*sql.Tx, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return tx, nil
}

func txHelper() {
	db, _ := sql.Open("pgx", os.Getenv("DSN"))
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	tx, _ := begin(ctx, db)
	tx.Commit()
}

// Exported: the transaction comes from callers elsewhere, unknown.
func Save(tx *sql.Tx) { tx.Exec("q") }

// Begin starts a transaction no context bounds.
func txBegin(db *sql.DB) {
	tx, _ := db.Begin()
	tx.Commit()
}
