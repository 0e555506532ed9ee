package sites // want package:`calls\[sql\(driver:postgres env:ORDERS_DSN unbounded\); sql\(driver:postgres env:ORDERS_DSN timeout=1s\); sql\(driver:mysql env:USERS_DSN unbounded\); sql\(driver:mysql env:USERS_DSN unbounded\); sql\(driver:postgres host:reports-db:5432\); sql\(driver:postgres host:reports-db:5432\); sql\(driver:postgres host:reports-db:5432\); sql\(driver:postgres env:LEDGER_DSN unbounded\); sql\(driver:postgres env:LEDGER_DSN unbounded\); sql\(driver:postgres env:AUDIT_DSN unbounded\)\]`

// The package holds the call sites of sqlx that the join ties to a
// database: the driver and the DSN given to Open or Connect, followed
// through the *sqlx.DB.

import (
	"context"
	"os"
	"time"

	"github.com/jmoiron/sqlx"
)

func Orders() error {
	db := sqlx.MustConnect("postgres", os.Getenv("ORDERS_DSN"))
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	var n int
	return db.GetContext(ctx, &n, `SELECT count(*) FROM orders`)
}

func Users() error {
	db, err := sqlx.Connect("mysql", os.Getenv("USERS_DSN"))
	if err != nil {
		return err
	}
	var ids []int
	return db.Select(&ids, `SELECT id FROM users`)
}

func Reports(ctx context.Context) error {
	db, err := sqlx.ConnectContext(ctx, "postgres", "postgres://reports-db:5432/reports")
	if err != nil {
		return err
	}
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	rows, err := tx.QueryxContext(ctx, `SELECT * FROM reports`)
	if err != nil {
		return err
	}
	return rows.Close()
}

func Ledger() error {
	db := sqlx.MustOpen("postgres", os.Getenv("LEDGER_DSN"))
	stmt, err := db.PreparexContext(context.Background(), `SELECT count(*) FROM entries WHERE account = $1`)
	if err != nil {
		return err
	}
	var n int
	return stmt.Get(&n, 42)
}

// A package-level function given the database: its evidence is the
// database's.
func Audit() error {
	db := sqlx.MustOpen("postgres", os.Getenv("AUDIT_DSN"))
	var n int
	return sqlx.Get(db, &n, `SELECT count(*) FROM events`)
}
