package sites // want package:`calls\[sql\(driver:pgx env:ORDERS_DSN timeout=1s\); sql\(driver:pgx host:users-db:5432 unbounded\); sql\(driver:pgx host:users-db:5432 unbounded\); sql\(driver:pgx host:users-db:5432 unbounded\); sql\(driver:pgx env:LEDGER_DSN unbounded\)\]`

// The package holds the call sites of pgx v5 that the join ties to a
// database: the connection string given to pgxpool.New or pgx.Connect,
// followed through the pool, a connection and a transaction.

import (
	"context"
	"os"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func Orders() error {
	p, err := pgxpool.New(context.Background(), os.Getenv("ORDERS_DSN"))
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, err = p.Exec(ctx, `DELETE FROM carts WHERE age > 30`)
	return err
}

func Users() error {
	ctx := context.Background()
	p, err := pgxpool.New(ctx, "postgres://users-db:5432/users")
	if err != nil {
		return err
	}
	tx, err := p.Begin(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE users SET seen = now()`); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

func Ledger() error {
	c, err := pgx.Connect(context.Background(), os.Getenv("LEDGER_DSN"))
	if err != nil {
		return err
	}
	var n int
	return c.QueryRow(context.Background(), `SELECT count(*) FROM entries`).Scan(&n)
}
