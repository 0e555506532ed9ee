// Package dropped holds ctxdeadline's dropped-context cases for sqlx: its
// context-less methods and functions where the caller's context is in
// scope, and their *Context twins.
package dropped

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type order struct {
	ID int `db:"id"`
}

type Store struct{ db *sqlx.DB }

// Positive.
func (s *Store) List(ctx context.Context) ([]order, error) {
	var out []order
	err := s.db.Select(&out, `SELECT id FROM orders`) // want `\(\*sqlx.DB\).Select takes no context, though ctx \(the parameter ctx of \(\*dropped.Store\).List\) is in scope: the statement ignores the caller's deadline and cancellation; call SelectContext\(ctx, …\)`
	return out, err
}

func (s *Store) One(ctx context.Context, id int) (order, error) {
	var o order
	err := s.db.Get(&o, `SELECT id FROM orders WHERE id = $1`, id) // want `\(\*sqlx.DB\).Get takes no context.*call GetContext\(ctx, …\)`
	return o, err
}

func (s *Store) Rename(ctx context.Context, o order) error {
	_, err := s.db.NamedExec(`UPDATE orders SET id = :id`, o) // want `\(\*sqlx.DB\).NamedExec takes no context.*call NamedExecContext\(ctx, …\)`
	return err
}

func (s *Store) Purge(ctx context.Context) {
	s.db.MustExec(`DELETE FROM orders`) // want `\(\*sqlx.DB\).MustExec takes no context.*call MustExecContext\(ctx, …\)`
}

func (s *Store) Rows(ctx context.Context) (*sqlx.Rows, error) {
	return s.db.Queryx(`SELECT id FROM orders`) // want `\(\*sqlx.DB\).Queryx takes no context.*call QueryxContext\(ctx, …\)`
}

// The package-level function: its twin takes a QueryerContext, which a
// sqlx.Queryer is not: the finding names it, with no rewrite.
func Count(ctx context.Context, q sqlx.Queryer) (n int, err error) {
	err = sqlx.Get(q, &n, `SELECT count(*) FROM orders`) // want `sqlx.Get takes no context.*call sqlx.GetContext\(ctx, …\)`
	return n, err
}

// A transaction begun with Beginx: reported at Beginx, with its
// statements, promoted (Exec) and sqlx's own (Get).
func (s *Store) Move(ctx context.Context, id int) error {
	tx, err := s.db.Beginx() // want `\(\*sqlx.DB\).Beginx takes no context, though ctx .* BEGIN and the 2 statements and the Commit on the transaction ignore the caller's deadline and cancellation; begin it with BeginTxx\(ctx, nil\)`
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var o order
	if err := tx.Get(&o, `SELECT id FROM orders WHERE id = $1`, id); err != nil {
		return err
	}
	if _, err := tx.Exec(`DELETE FROM orders WHERE id = $1`, o.ID); err != nil {
		return err
	}
	return tx.Commit()
}

// Negative: the twins, a BeginTxx transaction, and no context in scope.
func (s *Store) ListCtx(ctx context.Context) ([]order, error) { // want ListCtx:`ctxdeadline\(param0 → \(\*sqlx.DB\).SelectContext\)`
	var out []order
	err := s.db.SelectContext(ctx, &out, `SELECT id FROM orders`)
	return out, err
}

func (s *Store) MoveTx(ctx context.Context, id int) error { // want MoveTx:`ctxdeadline\(param0 → \(\*sqlx.DB\).BeginTxx\)`
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`DELETE FROM orders WHERE id = $1`, id); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) Migrate() { // want Migrate:`ctxdeadline\(no context → \(\*sqlx.DB\).MustExec\)`
	s.db.MustExec(`CREATE TABLE orders (id int)`)
}
