// Package dropped holds ctxdeadline's dropped-context cases for gocql v1:
// a query given no context (WithContext) runs with none, so the caller's
// cancellation never reaches it; the cluster's Timeout still bounds each
// request, which is why these are warnings of their own category and not
// findings for want of a deadline.
package dropped

import (
	"context"

	"github.com/gocql/gocql"
)

type Repo struct{ s *gocql.Session }

// Positive: the caller's context is in scope, the query takes none.
func (r *Repo) Save(ctx context.Context, id int) error {
	return r.s.Query(`INSERT INTO orders (id) VALUES (?)`, id).Exec() // want `\(\*gocql.Query\).Exec takes no context, though ctx \(the parameter ctx of \(\*dropped.Repo\).Save\) is in scope: the call ignores the caller's deadline and cancellation; call WithContext\(ctx\).Exec\(…\)`
}

// Positive: a consumer that names its context _ (mainflux's
// ConsumeBlocking).
func (r *Repo) Consume(_ context.Context, id int) error {
	return r.s.Query(`INSERT INTO orders (id) VALUES (?)`, id).Exec() // want `\(\*gocql.Query\).Exec takes no context, though \(\*dropped.Repo\).Consume is given one and names it _`
}

// Negative: the twin that passes the context.
func (r *Repo) SaveCtx(ctx context.Context, id int) error {
	return r.s.Query(`INSERT INTO orders (id) VALUES (?)`, id).WithContext(ctx).Exec()
}

// Negative: no context in scope; the function is context-less, and its
// callers with a context are reported where they call it.
func (r *Repo) Migrate() error { // want Migrate:`ctxdeadline\(no context → \(\*gocql.Query\).Exec\)`
	return r.s.Query(`CREATE TABLE IF NOT EXISTS orders (id int PRIMARY KEY)`).Exec()
}

// Positive: the context is lost at the call of the helper.
func (r *Repo) Init(ctx context.Context) error {
	return r.Migrate() // want `\(\*dropped.Repo\).Migrate takes no context and reaches a remote call that takes none \(\(\*dropped.Repo\).Migrate → \(\*gocql.Query\).Exec\)`
}

// Trap: WithContext returns a copy of the query (session.go:1099-1103);
// its result is discarded, and q still has no context.
func (r *Repo) Discarded(ctx context.Context, id int) error {
	q := r.s.Query(`DELETE FROM orders WHERE id = ?`, id)
	q.WithContext(ctx)
	return q.Exec() // want `\(\*gocql.Query\).Exec takes no context, though ctx`
}
