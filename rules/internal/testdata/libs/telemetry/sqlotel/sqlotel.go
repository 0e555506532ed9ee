// Package sqlotel opens databases through XSAM/otelsql (Open, and Register
// then sql.Open of the name it returns: silent), bare (reported), and the
// trap of a pool whose statistics are exported while its queries are not
// instrumented (reported).
package sqlotel

import (
	"context"
	"database/sql"
	"os"

	"github.com/XSAM/otelsql"
)

func Orders(ctx context.Context) error {
	db, err := otelsql.Open("postgres", os.Getenv("ORDERS_DSN"))
	if err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, `DELETE FROM carts`)
	return err
}

func Users(ctx context.Context) error {
	name, err := otelsql.Register("postgres")
	if err != nil {
		return err
	}
	db, err := sql.Open(name, os.Getenv("USERS_DSN"))
	if err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, `DELETE FROM sessions`)
	return err
}

func Ledger(ctx context.Context) error {
	db, err := sql.Open("postgres", os.Getenv("LEDGER_DSN")) // want `^SQL client for env LEDGER_DSN has no telemetry .*otelsql`
	if err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, `DELETE FROM entries`)
	return err
}

func Audit(ctx context.Context) error {
	db, err := sql.Open("postgres", os.Getenv("AUDIT_DSN")) // want `^SQL client for env AUDIT_DSN has no telemetry`
	if err != nil {
		return err
	}
	if _, err := otelsql.RegisterDBStatsMetrics(db); err != nil { // pool statistics only
		return err
	}
	_, err = db.ExecContext(ctx, `DELETE FROM audit`)
	return err
}
