// Package droppedhelp calls helpers that take no context from functions
// that hold one: the context is lost at each such call (dropped-context).
package droppedhelp

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"droppedstore"
)

type Service struct {
	st *droppedstore.Store
	db *sql.DB
}

// Positive: a helper of another package, known by its fact.
func (s *Service) Create(ctx context.Context, v string) error {
	return s.st.Save(v) // want `\(\*droppedstore.Store\).Save takes no context and reaches a remote call that takes none \(\(\*droppedstore.Store\).Save → \(\*sql.DB\).Exec\), though ctx \(the parameter ctx of \(\*droppedhelp.Service\).Create\) is in scope: the caller's deadline and cancellation are lost at this call; give \(\*droppedstore.Store\).Save a context parameter, pass ctx, and call the variant that takes it`
}

// Positive: two helpers deep, across the package boundary.
func (s *Service) Update(ctx context.Context, v string) error {
	return s.st.Write(v) // want `\(\*droppedstore.Store\).Write takes no context and reaches a remote call that takes none \(\(\*droppedstore.Store\).Write → \(\*droppedstore.Store\).Save → \(\*sql.DB\).Exec\)`
}

// Positive: a handler's request context, lost at the first of two local
// helpers; reported once, at the call of process, with the Exec as
// related.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.process(r.FormValue("v")) // want `\(\*droppedhelp.Service\).process takes no context and reaches a remote call that takes none \(\(\*droppedhelp.Service\).process → \(\*droppedhelp.Service\).record → \(\*sql.DB\).Exec\), though r.Context\(\) \(the context of the request r of \(\*droppedhelp.Service\).ServeHTTP\) is in scope`
}

func (s *Service) process(v string) { s.record(v) } // want process:`ctxdeadline\(no context → \(\*droppedhelp.Service\).record → \(\*sql.DB\).Exec\)`

func (s *Service) record(v string) { s.db.Exec("INSERT INTO t VALUES ($1)", v) } // want record:`ctxdeadline\(no context → \(\*sql.DB\).Exec\)`

// Trap: a deadline derived in the caller, then not passed: the helper
// still runs without it.
func (s *Service) Timed(ctx context.Context, v string) error {
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_ = tctx
	return s.st.Save(v) // want `\(\*droppedstore.Store\).Save takes no context .*though tctx \(derived from the parameter ctx of \(\*droppedhelp.Service\).Timed\) is in scope`
}

// Negative: the twin that takes the context.
func (s *Service) CreateCtx(ctx context.Context, v string) error { // want CreateCtx:`ctxdeadline\(param0 → \(\*droppedstore.Store\).SaveCtx → \(\*sql.DB\).ExecContext\)`
	return s.st.SaveCtx(ctx, v)
}

// Negative: no context in the caller: silent here, and the caller is
// context-less in turn (its callers are judged).
func (s *Service) Batch(vs []string) { // want Batch:`ctxdeadline\(no context → \(\*droppedstore.Store\).Save → \(\*sql.DB\).Exec\)`
	for _, v := range vs {
		s.st.Save(v)
	}
}

// Negative: a goroutine may outlive the caller on purpose.
func (s *Service) Fire(ctx context.Context, v string) {
	go s.st.Save(v)
}

// Negative: helpers that make no context-less call of their own.
func (s *Service) Later(ctx context.Context, v string) string {
	s.st.SaveLater(v)
	return s.st.Key(v)
}

// Trap: the helper is given the context and ignores it: the drop is
// inside it, reported at the Exec, not at the call.
func (s *Service) Delegate(ctx context.Context, v string) {
	s.ignore(ctx, v)
}

func (s *Service) ignore(ctx context.Context, v string) {
	s.db.Exec("DELETE FROM t WHERE v = $1", v) // want `\(\*sql.DB\).Exec takes no context, though ctx \(the parameter ctx of \(\*droppedhelp.Service\).ignore\) is in scope`
}
