// Package dropped holds context-less calls of database/sql, net/http and
// net made where the caller's context is in scope (dropped-context), their
// twins that pass it, and the places where no caller's context is in
// scope.
package dropped

import (
	"context"
	"database/sql"
	"io"
	"net"
	"net/http"
	"time"
)

type Repo struct {
	db   *sql.DB
	stmt *sql.Stmt
}

// Positive: each context-less variant in a function given a context.

func (r *Repo) Find(ctx context.Context, id int) (*sql.Rows, error) {
	return r.db.Query("SELECT * FROM t WHERE id = $1", id) // want `\(\*sql.DB\).Query takes no context, though ctx \(the parameter ctx of \(\*dropped.Repo\).Find\) is in scope: the statement ignores the caller's deadline and cancellation; call QueryContext\(ctx, …\)`
}

func (r *Repo) Touch(ctx context.Context, id int) error {
	_, err := r.db.Exec("UPDATE t SET at = now() WHERE id = $1", id) // want `\(\*sql.DB\).Exec takes no context, though ctx .* call ExecContext\(ctx, …\)`
	return err
}

func (r *Repo) One(ctx context.Context, id int) (n int, err error) {
	err = r.db.QueryRow("SELECT n FROM t WHERE id = $1", id).Scan(&n) // want `\(\*sql.DB\).QueryRow takes no context.*call QueryRowContext\(ctx, …\)`
	return n, err
}

func (r *Repo) Check(ctx context.Context) error {
	return r.db.Ping() // want `\(\*sql.DB\).Ping takes no context.*call PingContext\(ctx\)`
}

func (r *Repo) Prep(ctx context.Context) (*sql.Stmt, error) {
	return r.db.Prepare("SELECT 1") // want `\(\*sql.DB\).Prepare takes no context.*call PrepareContext\(ctx, …\)`
}

// A statement prepared at start-up and kept in a field runs with no
// context.
func (r *Repo) Insert(ctx context.Context, v string) error {
	_, err := r.stmt.Exec(v) // want `\(\*sql.Stmt\).Exec takes no context.*call ExecContext\(ctx, …\)`
	return err
}

// A handler's request: its context is in scope.
func (r *Repo) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	rows, err := r.db.Query("SELECT 1") // want `\(\*sql.DB\).Query takes no context, though req.Context\(\) \(the context of the request req of \(\*dropped.Repo\).ServeHTTP\) is in scope.*call QueryContext\(req.Context\(\), …\)`
	if err == nil {
		rows.Close()
	}
}

// A context derived from the parameter: the nearest one is named.
func (r *Repo) Bounded(parent context.Context) error {
	ctx, cancel := context.WithTimeout(parent, time.Second)
	defer cancel()
	_ = ctx
	_, err := r.db.Exec("DELETE FROM t") // want `\(\*sql.DB\).Exec takes no context, though ctx \(derived from the parameter parent of \(\*dropped.Repo\).Bounded\) is in scope`
	return err
}

// A request's context held in a variable.
func (r *Repo) handle(w http.ResponseWriter, req *http.Request) {
	ctx := req.Context()
	_ = ctx
	r.db.Exec("DELETE FROM t") // want `\(\*sql.DB\).Exec takes no context, though ctx \(derived from the request req of \(\*dropped.Repo\).handle\) is in scope`
}

// A closure that captures the context, and one that does not but runs
// synchronously: the caller's context is in scope in both.
func (r *Repo) Each(ctx context.Context, ids []int) {
	forEach(ids, func(id int) {
		r.db.Exec("DELETE FROM t WHERE id = $1", id) // want `\(\*sql.DB\).Exec takes no context, though ctx \(the parameter ctx of \(\*dropped.Repo\).Each\)`
	})
	go func() {
		_ = ctx.Err()
		r.db.Exec("VACUUM") // want `\(\*sql.DB\).Exec takes no context, though ctx`
	}()
}

func forEach(ids []int, f func(int)) {
	for _, id := range ids {
		f(id)
	}
}

// net/http: the package-level helpers and a client's. While
// http.DefaultClient has no Timeout, httptimeout reports every call of the
// package-level helpers, and the call is reported once, there (package
// droppeddefault sets the Timeout, and the dropped context is reported).
func Fetch(ctx context.Context, url string) (*http.Response, error) {
	return http.Get(url)
}

func Post(ctx context.Context, c *http.Client, url string, body io.Reader) (*http.Response, error) {
	return c.Post(url, "application/json", body) // want `\(\*http.Client\).Post takes no context.*http.NewRequestWithContext\(ctx, http.MethodPost, url, body\), its Content-Type header set, sent with the client's Do`
}

// A request built with no context and sent: reported where it is built.
func Send(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequest("GET", url, nil) // want `http.NewRequest builds a request with no context, though ctx \(the parameter ctx of dropped.Send\) is in scope: sending it ignores the caller's deadline and cancellation; build it with http.NewRequestWithContext\(ctx, …\)`
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return c.Do(req)
}

// Sent through a helper of the package.
func SendVia(ctx context.Context, c *http.Client, url string) error {
	req, _ := http.NewRequest("DELETE", url, nil) // want `http.NewRequest builds a request with no context`
	return do(c, req)
}

func do(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Sent through a Doer interface.
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

func SendDoer(ctx context.Context, d Doer, url string) {
	req, _ := http.NewRequest("GET", url, nil) // want `http.NewRequest builds a request with no context`
	d.Do(req)
}

// net: Dial, and a Dialer's Dial.
func Connect(ctx context.Context, addr string) (net.Conn, error) {
	return net.Dial("tcp", addr) // want `net.Dial takes no context.*call the DialContext\(ctx, network, address\) of a net.Dialer with a Timeout`
}

func ConnectWith(ctx context.Context, d *net.Dialer, addr string) (net.Conn, error) {
	return d.Dial("tcp", addr) // want `\(\*net.Dialer\).Dial takes no context.*call DialContext\(ctx, …\)`
}

// Negative: the context is passed.

func (r *Repo) FindCtx(ctx context.Context, id int) (*sql.Rows, error) { // want FindCtx:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	return r.db.QueryContext(ctx, "SELECT * FROM t WHERE id = $1", id)
}

func SendCtx(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

// A request built with no context, then given one.
func SendLater(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req.WithContext(ctx))
}

// Negative: no caller's context in scope.

func (r *Repo) Count() (n int, err error) { // want Count:`ctxdeadline\(no context → .*\)`
	err = r.db.QueryRow("SELECT count(*) FROM t").Scan(&n)
	return n, err
}

// main's own Background is not a caller's context.
func main() { // want main:`ctxdeadline\(no context → .*\)`
	ctx := context.Background()
	_ = ctx
	db, _ := sql.Open("postgres", "")
	db.Ping()
}

// A request built but not sent here (returned): the caller decides.
func newRequest(ctx context.Context, url string) (*http.Request, error) {
	return http.NewRequest("GET", url, nil)
}

// A request whose Cancel channel is set.
func SendCancel(ctx context.Context, c *http.Client, url string) {
	req, _ := http.NewRequest("GET", url, nil)
	req.Cancel = ctx.Done()
	c.Do(req)
}

// A goroutine that leaves the caller's context behind on purpose: it does
// not capture it.
func (r *Repo) Async(ctx context.Context) {
	go func() {
		r.db.Exec("VACUUM")
	}()
}

// Traps.

// Positive: the caller's context is in scope in Create, not in insert,
// which is given none: the context is lost at the call of insert, and
// reported there, with the statement as related.
func (r *Repo) Create(ctx context.Context, v string) error {
	return r.insert(v) // want `\(\*dropped.Repo\).insert takes no context and reaches a remote call that takes none \(\(\*dropped.Repo\).insert → \(\*sql.DB\).Exec\), though ctx \(the parameter ctx of \(\*dropped.Repo\).Create\) is in scope: the caller's deadline and cancellation are lost at this call; give \(\*dropped.Repo\).insert a context parameter, pass ctx, and call the variant that takes it`
}

func (r *Repo) insert(v string) error { // want insert:`ctxdeadline\(no context → .*\)`
	_, err := r.db.Exec("INSERT INTO t VALUES ($1)", v)
	return err
}

// The parameter replaced by a fresh context: the only context in scope is
// context.Background(), which is not the caller's.
func (r *Repo) Replaced(ctx context.Context) error {
	ctx = context.Background()
	_ = ctx
	_, err := r.db.Exec("DELETE FROM t")
	return err
}

// Shadowed by a fresh context in an inner block: the same.
func (r *Repo) Shadowed(ctx context.Context) error {
	{
		ctx := context.TODO()
		_ = ctx
		_, err := r.db.Exec("DELETE FROM t")
		return err
	}
}

// A detached context: the caller's values, but not its deadline, on
// purpose.
func (r *Repo) Detached(ctx context.Context) error {
	bg := context.WithoutCancel(ctx)
	_ = bg
	ctx = bg
	_, err := r.db.Exec("DELETE FROM t")
	return err
}

// Cleanup deferred: it must run even when the caller's context is done.
func (r *Repo) Locked(ctx context.Context) error { // want Locked:`ctxdeadline\(param0 → \(\*sql.DB\).ExecContext\)`
	defer r.db.Exec("SELECT pg_advisory_unlock(1)")
	defer func() {
		r.db.Exec("SELECT pg_advisory_unlock(2)")
	}()
	_, err := r.db.ExecContext(ctx, "SELECT pg_advisory_lock(1)")
	return err
}

// A context parameter the function names "_": the caller's deadline is
// given and thrown away (no suggested fix: the parameter must be named).
func (r *Repo) Forget(_ context.Context, id int) error {
	_, err := r.db.Exec("DELETE FROM t WHERE id = $1", id) // want `\(\*sql.DB\).Exec takes no context, though \(\*dropped.Repo\).Forget is given one and names it _: the statement ignores the caller's deadline and cancellation; name it ctx and call ExecContext\(ctx, …\)`
	return err
}

// Trap: a goroutine started in such a function may outlive the call on
// purpose; silent, as with a named context it does not use.
func (r *Repo) ForgetLater(_ context.Context, id int) {
	go func() {
		r.db.Exec("DELETE FROM t WHERE id = $1", id)
	}()
}

// Negative: no context given at all.
func (r *Repo) Purge(id int) error { // want Purge:`ctxdeadline\(no context → .*\)`
	_, err := r.db.Exec("DELETE FROM t WHERE id = $1", id)
	return err
}

// The same with the parameter unnamed.
func (r *Repo) Ping(context.Context) error {
	return r.db.Ping() // want `\(\*sql.DB\).Ping takes no context, though \(\*dropped.Repo\).Ping is given one and leaves it unnamed: .*name it ctx and call PingContext\(ctx\)`
}
