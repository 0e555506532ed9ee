package store // want package:`calls\[sql\(param:store.New#0\)\]`

// Package store receives its database from its caller: the call's evidence
// is the constructor's parameter.

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

func New(db *sql.DB) *Store { return &Store{db: db} }

func (s *Store) Get(ctx context.Context) error {
	_, err := s.db.QueryContext(ctx, "select 1")
	return err
}
