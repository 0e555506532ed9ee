// Package deadline holds ctxdeadline's cases for sqlx: its *Context
// methods and functions are bounded by their context alone.
package deadline

import (
	"context"
	"database/sql"
	"os"
	"time"

	"github.com/jmoiron/sqlx"
)

type order struct {
	ID int `db:"id"`
}

func open() *sqlx.DB {
	db, err := sqlx.Open("postgres", os.Getenv("ORDERS_DSN"))
	if err != nil {
		panic(err)
	}
	return db
}

// Hazard: a query with a context that has no deadline.
func Hazard() []order {
	var out []order
	_ = open().SelectContext(context.Background(), &out, `SELECT id FROM orders`) // want `context.Background\(\) reaches \(\*sqlx.DB\).SelectContext with no deadline: a hung database or an exhausted connection pool blocks the call forever`
	return out
}

// Hazard: the package function, with a cancelable context that has no
// deadline.
func PackageFunc() order {
	ctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) reaches sqlx.GetContext with no deadline \(context.WithCancel adds none\)`
	defer cancel()
	var o order
	_ = sqlx.GetContext(ctx, open(), &o, `SELECT id FROM orders WHERE id = $1`, 1)
	return o
}

// Through a helper: the context of the caller reaches the named exec.
func save(ctx context.Context, db *sqlx.DB, o order) error { // want save:"ctxdeadline\\(param0 → \\(\\*sqlx.DB\\).NamedExecContext\\)"
	_, err := db.NamedExecContext(ctx, `INSERT INTO orders (id) VALUES (:id)`, o)
	return err
}

func Helper() error {
	return save(context.TODO(), open(), order{ID: 1}) // want `context.TODO\(\) reaches deadline.save → \(\*sqlx.DB\).NamedExecContext with no deadline`
}

// A transaction begun with no deadline, and a statement on it.
func Tx() error {
	tx, err := open().BeginTxx(context.Background(), nil) // want `context.Background\(\) reaches \(\*sqlx.DB\).BeginTxx with no deadline`
	if err != nil {
		return err
	}
	var n int
	if err := tx.GetContext(context.Background(), &n, `SELECT count(*) FROM orders`); err != nil { // want `context.Background\(\) reaches \(\*sqlx.Tx\).GetContext with no deadline`
		return err
	}
	return tx.Commit()
}

// Safe: the same calls under context.WithTimeout.
func Safe() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	db := open()
	var out []order
	if err := db.SelectContext(ctx, &out, `SELECT id FROM orders`); err != nil {
		return err
	}
	var o order
	if err := sqlx.GetContext(ctx, db, &o, `SELECT id FROM orders WHERE id = $1`, 1); err != nil {
		return err
	}
	return save(ctx, db, o)
}

// Not judged: the context-less variants are bounded only by the driver's
// settings, as database/sql's Query and Exec are.
func NoContext() error { // want NoContext:`ctxdeadline\(no context → \(\*sqlx.DB\).Select\)`
	db := open()
	var out []order
	if err := db.Select(&out, `SELECT id FROM orders`); err != nil {
		return err
	}
	_, err := db.NamedExec(`INSERT INTO orders (id) VALUES (:id)`, order{ID: 2})
	return err
}

// Trap: the connection pool's lifetimes look like timeouts, but bound no
// query; and ConnectContext's deadline bounds only the ping it makes.
func PoolSettings() error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	db, err := sqlx.ConnectContext(ctx, "postgres", os.Getenv("ORDERS_DSN"))
	if err != nil {
		return err
	}
	db.SetConnMaxLifetime(time.Minute)
	db.SetConnMaxIdleTime(time.Minute)
	var o order
	return db.GetContext(context.Background(), &o, `SELECT id FROM orders LIMIT 1`) // want `context.Background\(\) reaches \(\*sqlx.DB\).GetContext with no deadline`
}

// Promoted from *sql.DB: database/sql's entry.
func Promoted() (*sql.Rows, error) {
	return open().QueryContext(context.Background(), `SELECT id FROM orders`) // want `context.Background\(\) reaches \(\*sql.DB\).QueryContext with no deadline`
}
