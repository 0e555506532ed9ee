// Package droppedstore holds helpers that take no context and make
// context-less remote calls; a fact says so to the packages that call
// them (see droppedhelp).
package droppedstore

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

// Save takes no context: its Exec runs with none.
func (s *Store) Save(v string) error { // want Save:`ctxdeadline\(no context → \(\*sql.DB\).Exec\)`
	_, err := s.db.Exec("INSERT INTO t VALUES ($1)", v)
	return err
}

// Write reaches the Exec through Save.
func (s *Store) Write(v string) error { return s.Save(v) } // want Write:`ctxdeadline\(no context → \(\*droppedstore.Store\).Save → \(\*sql.DB\).Exec\)`

// SaveCtx is the twin that takes the caller's context.
func (s *Store) SaveCtx(ctx context.Context, v string) error { // want SaveCtx:`ctxdeadline\(param0 → \(\*sql.DB\).ExecContext\)`
	_, err := s.db.ExecContext(ctx, "INSERT INTO t VALUES ($1)", v)
	return err
}

// SaveLater writes in a goroutine of its own, which may outlive the
// caller on purpose: not context-less.
func (s *Store) SaveLater(v string) {
	go s.db.Exec("INSERT INTO t VALUES ($1)", v)
}

// Key makes no remote call.
func (s *Store) Key(v string) string { return "k:" + v }
