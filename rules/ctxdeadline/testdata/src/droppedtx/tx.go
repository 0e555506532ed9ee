// Package droppedtx holds database/sql transactions begun with no context
// where the caller's context is in scope: reported once, at Begin, with
// the statements and Commit on the transaction as related positions.
package droppedtx

import (
	"context"
	"database/sql"
)

type Repo struct{ db *sql.DB }

// Positive: Begin with ctx in scope; the statements and Commit follow it.
func (r *Repo) Create(ctx context.Context, a, b string) error {
	tx, err := r.db.Begin() // want `\(\*sql.DB\).Begin takes no context, though ctx \(the parameter ctx of \(\*droppedtx.Repo\).Create\) is in scope: BEGIN and the 2 statements and the Commit on the transaction ignore the caller's deadline and cancellation; begin it with BeginTx\(ctx, nil\)`
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec("INSERT INTO a VALUES ($1)", a); err != nil {
		return err
	}
	if _, err := tx.Exec("INSERT INTO b VALUES ($1)", b); err != nil {
		return err
	}
	return tx.Commit()
}

// A statement prepared on the transaction belongs to it too.
func (r *Repo) Batch(ctx context.Context, vs []string) error {
	tx, err := r.db.Begin() // want `\(\*sql.DB\).Begin takes no context.*BEGIN and the 2 statements and the Commit on the transaction`
	if err != nil {
		return err
	}
	stmt, err := tx.Prepare("INSERT INTO a VALUES ($1)")
	if err != nil {
		return err
	}
	for _, v := range vs {
		stmt.Exec(v)
	}
	return tx.Commit()
}

// Negative: BeginTx(ctx): the transaction's context ends it, and lib/pq
// and pgx cancel its statements then; the context-less statements on it
// are not reported.
func (r *Repo) CreateTx(ctx context.Context, a string) error { // want CreateTx:`ctxdeadline\(param0 → \(\*sql.DB\).BeginTx\)`
	tx, err := r.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec("INSERT INTO a VALUES ($1)", a); err != nil {
		return err
	}
	return tx.Commit()
}

// Negative: no context in scope.
func (r *Repo) Migrate() error { // want Migrate:`ctxdeadline\(no context → .*\)`
	tx, err := r.db.Begin()
	if err != nil {
		return err
	}
	tx.Exec("CREATE TABLE a (v text)")
	return tx.Commit()
}

// Trap: a transaction given by the caller: where it was begun is not in
// view, and its statements are not reported here.
func (r *Repo) insert(ctx context.Context, tx *sql.Tx, a string) error {
	_, err := tx.Exec("INSERT INTO a VALUES ($1)", a)
	return err
}

// Positive: the transaction is begun where no context is in scope and
// used where one is: the context is lost at the call of begin, reported
// there.
func (r *Repo) begin() (*sql.Tx, error) { return r.db.Begin() } // want begin:`ctxdeadline\(no context → .*\)`

func (r *Repo) Use(ctx context.Context) error {
	tx, err := r.begin() // want `\(\*droppedtx.Repo\).begin takes no context and reaches a remote call that takes none \(\(\*droppedtx.Repo\).begin → \(\*sql.DB\).Begin\)`
	if err != nil {
		return err
	}
	tx.Exec("DELETE FROM a")
	return tx.Commit()
}
