// Package deadline holds ctxdeadline's cases for pgx v5's pool: every
// method of a pool, its connections and its transactions is bounded by
// its context alone.
package deadline

import (
	"context"
	"os"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func pool() *pgxpool.Pool {
	// New connects in the background and ignores its context: a context
	// with no deadline here is no hazard.
	p, err := pgxpool.New(context.Background(), os.Getenv("ORDERS_DSN"))
	if err != nil {
		panic(err)
	}
	return p
}

// Hazard: a query with a context that has no deadline.
func Hazard() error {
	rows, err := pool().Query(context.Background(), `SELECT id FROM orders`) // want `context.Background\(\) reaches \(\*pgxpool.Pool\).Query with no deadline: a hung database or an exhausted connection pool blocks the call forever`
	if err != nil {
		return err
	}
	rows.Close()
	return nil
}

// Hazard: a transaction under a cancelable context with no deadline; the
// statements on it are listed with the Begin.
func Tx() error {
	ctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) reaches \(\*pgxpool.Pool\).Begin with no deadline \(context.WithCancel adds none\)`
	defer cancel()
	tx, err := pool().Begin(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `DELETE FROM orders WHERE total = 0`); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// Through a helper: the context of the caller reaches the row.
func total(ctx context.Context, p *pgxpool.Pool, id int) (n int) { // want total:"ctxdeadline\\(param0 → \\(\\*pgxpool.Pool\\).QueryRow\\)"
	_ = p.QueryRow(ctx, `SELECT total FROM orders WHERE id = $1`, id).Scan(&n)
	return n
}

func Helper() int {
	return total(context.TODO(), pool(), 1) // want `context.TODO\(\) reaches deadline.total → \(\*pgxpool.Pool\).QueryRow with no deadline`
}

// Safe: the same calls under context.WithTimeout.
func Safe() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	p := pool()
	if _, err := p.Exec(ctx, `DELETE FROM orders WHERE total = 0`); err != nil {
		return err
	}
	total(ctx, p, 1)
	tx, err := p.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return err
	}
	return tx.Rollback(ctx)
}

// Silent: WaitForNotification waits for notifications by design.
func Listen(c *pgx.Conn) error {
	_, err := c.WaitForNotification(context.Background())
	return err
}

// Trap: a deadline on New bounds nothing (New ignores its context), and
// connect_timeout bounds only connecting, not the query.
func Trap() error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	p, err := pgxpool.New(ctx, "postgres://orders-db:5432/orders?connect_timeout=5")
	if err != nil {
		return err
	}
	_, err = p.Exec(context.Background(), `VACUUM orders`) // want `context.Background\(\) reaches \(\*pgxpool.Pool\).Exec with no deadline`
	return err
}
