package c

import (
	"context"
	"database/sql"
	"testing"
)

// The test binary's -timeout bounds t.Context().
func TestLoad(t *testing.T) {
	var db *sql.DB
	_ = load(t.Context(), db)
}

// Test code is analysed with -tests, and a fresh context is reported there
// too.
func TestRun(t *testing.T) {
	var db *sql.DB
	_ = run(context.Background(), db) // want `context.Background\(\) reaches c.run`
}
