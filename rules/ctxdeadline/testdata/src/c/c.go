// Package c holds single-package cases: SQL, HTTP, Kafka, Redis, dialers,
// closures, and the traps that look bounded and are not.
package c

import (
	"context"
	"database/sql"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"github.com/redis/go-redis/v9"
	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"
	"google.golang.org/grpc"
)

// --- SQL, interprocedural within the package ---

func load(ctx context.Context, db *sql.DB) error { // want load:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	rows, err := db.QueryContext(ctx, "SELECT 1")
	if err != nil {
		return err
	}
	return rows.Close()
}

func run(ctx context.Context, db *sql.DB) error { // want run:`ctxdeadline\(param0 → c.load → \(\*sql.DB\).QueryContext\)`
	return load(ctx, db)
}

// Background at the root, two calls up.
func start(db *sql.DB) {
	ctx := context.Background() // want `context.Background\(\) reaches c.run → c.load → \(\*sql.DB\).QueryContext with no deadline: a hung database or an exhausted connection pool blocks the call forever; derive a context with context.WithTimeout`
	_ = run(ctx, db)
}

// The deadline is set in the caller, two calls up.
func startBounded(db *sql.DB) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = run(ctx, db)
}

// A finding can be suppressed with a reason.
func suppressed(db *sql.DB) {
	//faultline:ignore ctxdeadline startup ping: the process exits when the database is unreachable
	_ = db.PingContext(context.Background())
}

func todo(db *sql.DB) {
	_ = db.PingContext(context.TODO()) // want `context.TODO\(\) reaches \(\*sql.DB\).PingContext with no deadline`
}

func withCancelOnly(db *sql.DB) {
	ctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) reaches c.load → \(\*sql.DB\).QueryContext with no deadline \(context.WithCancel adds none\)`
	defer cancel()
	_ = load(ctx, db)
}

type key struct{}

func withValueOnly(db *sql.DB) {
	ctx := context.WithValue(context.Background(), key{}, "v") // want `context.Background\(\) reaches \(\*sql.DB\).ExecContext with no deadline \(context.WithValue adds none\)`
	_, _ = db.ExecContext(ctx, "DELETE FROM t")
}

func signalRoot(db *sql.DB) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt) // want `\(signal.NotifyContext adds none\)`
	defer stop()
	_ = run(ctx, db)
}

// A function with a context that calls with a fresh one.
func dropsDeadline(ctx context.Context, db *sql.DB) {
	_, _ = db.ExecContext(context.Background(), "UPDATE t SET x = 1") // want `context.Background\(\) drops the deadline of ctx: it reaches \(\*sql.DB\).ExecContext with no deadline: .*; pass ctx on \(context.WithoutCancel\(ctx\) for work that must outlive it\) and bound it with context.WithTimeout`
}

// WithoutCancel keeps the values and drops the deadline.
func detach(ctx context.Context, db *sql.DB) {
	go func() {
		_, _ = db.ExecContext(context.WithoutCancel(ctx), "INSERT INTO audit VALUES (1)") // want `context.WithoutCancel drops the deadline of its parent: the context reaches \(\*sql.DB\).ExecContext with no deadline`
	}()
}

// Detached and bounded: fine.
func detachBounded(ctx context.Context, db *sql.DB) {
	go func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
		defer cancel()
		_, _ = db.ExecContext(ctx, "INSERT INTO audit VALUES (1)")
	}()
}

// A closure that captures the context parameter: the fact is the
// enclosing function's.
func viaClosure(ctx context.Context, db *sql.DB) error { // want viaClosure:`ctxdeadline\(param0 → \(\*sql.DB\).ExecContext\)`
	return retry(func() error {
		_, err := db.ExecContext(ctx, "UPDATE t SET y = 2")
		return err
	})
}

func retry(f func() error) error { return f() }

func closureRoot(db *sql.DB) {
	_ = viaClosure(context.TODO(), db) // want `context.TODO\(\) reaches c.viaClosure → \(\*sql.DB\).ExecContext`
}

func fanout(db *sql.DB) error {
	g, ctx := errgroup.WithContext(context.Background()) // want `context.Background\(\) reaches \(\*sql.DB\).ExecContext with no deadline \(errgroup.WithContext adds none\)`
	g.Go(func() error {
		_, err := db.ExecContext(ctx, "SELECT 2")
		return err
	})
	return g.Wait()
}

func fanoutBounded(ctx context.Context, db *sql.DB) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		_, err := db.ExecContext(ctx, "SELECT 2")
		return err
	})
	return g.Wait()
}

// A helper that returns a fresh context, in the same package.
func newCtx() context.Context { // want newCtx:`ctxdeadline\(result0 ← context.Background\(\)\)`
	return context.Background()
}

func helper(db *sql.DB) {
	_ = load(newCtx(), db) // want `c.newCtx\(\) returns a context with no deadline \(context.Background\(\)\) that reaches c.load`
}

// --- traps ---

// The derived context is thrown away: ctx is passed as it came.
func discarded(ctx context.Context, db *sql.DB) error { // want discarded:`ctxdeadline\(param0 → \(\*sql.DB\).QueryRowContext\)`
	_, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return db.QueryRowContext(ctx, "SELECT 3").Err()
}

func discardedRoot(db *sql.DB) {
	_ = discarded(context.Background(), db) // want `context.Background\(\) reaches c.discarded → \(\*sql.DB\).QueryRowContext`
}

// A deadline context is created, but another one is passed.
func otherContext(db *sql.DB) {
	ctx := context.Background() // want `context.Background\(\) reaches \(\*sql.DB\).QueryContext`
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_ = tctx
	_, _ = db.QueryContext(ctx, "SELECT 4")
}

// The deadline is set in one branch only.
func oneBranch(db *sql.DB, fast bool) {
	var ctx context.Context
	if fast {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(context.Background(), time.Second)
		defer cancel()
	} else {
		ctx = context.Background() // want `context.Background\(\) reaches \(\*sql.DB\).ExecContext`
	}
	_, _ = db.ExecContext(ctx, "SELECT 5")
}

// An optional deadline is configuration: not reported (see doc.md).
func optionalDeadline(db *sql.DB, d time.Duration) {
	ctx := context.Background()
	if d > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	_, _ = db.ExecContext(ctx, "SELECT 6")
}

// A context captured by a goroutine after it was bounded.
func capturedBounded(db *sql.DB) {
	ctx := context.Background()
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	go func() {
		defer cancel()
		_, _ = db.ExecContext(ctx, "SELECT 7")
	}()
}

// A context stored in a struct: not followed, no report.
type worker struct {
	ctx context.Context
	db  *sql.DB
}

func (w *worker) step() {
	_, _ = w.db.ExecContext(w.ctx, "SELECT 8")
}

// --- interfaces of this package ---

type Store interface {
	Load(ctx context.Context, id string) error // want Load:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
}

type pgStore struct{ db *sql.DB }

func (s *pgStore) Load(ctx context.Context, id string) error { // want Load:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	_, err := s.db.QueryContext(ctx, "SELECT * FROM t WHERE id = $1", id)
	return err
}

func viaInterface(s Store) {
	_ = s.Load(context.Background(), "1") // want `context.Background\(\) reaches \(c.Store\).Load → \(\*sql.DB\).QueryContext`
}

// --- HTTP with a context ---

func fetch(ctx context.Context, url string) (*http.Response, error) { // want fetch:`ctxdeadline\(param0 → \(\*http.Client\).Do\)`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

func fetchRoot() {
	_, _ = fetch(context.Background(), "http://inventory/items") // want `context.Background\(\) reaches c.fetch → \(\*http.Client\).Do with no deadline: nothing else bounds the request`
}

func fetchZeroClient() {
	req, _ := http.NewRequestWithContext(context.TODO(), http.MethodGet, "http://x", nil) // want `context.TODO\(\) reaches \(\*http.Client\).Do`
	c := &http.Client{}
	_, _ = c.Do(req)
}

// A client with a Timeout bounds the request whatever its context.
func fetchTimeoutClient() {
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, "http://x", nil)
	c := &http.Client{Timeout: 5 * time.Second}
	_, _ = c.Do(req)
}

// A request built without a context is the httptimeout rule's.
func fetchNoContext() { // want fetchNoContext:`ctxdeadline\(no context → .*\)`
	req, _ := http.NewRequest(http.MethodGet, "http://x", nil)
	_, _ = http.DefaultClient.Do(req)
}

// The request's context is replaced by one without a deadline.
func rewrap(req *http.Request) (*http.Response, error) { // want rewrap:`ctxdeadline\(param0 → \(\*http.Client\).Do\)`
	return http.DefaultClient.Do(req)
}

func rewrapRoot(req *http.Request) {
	_, _ = rewrap(req.WithContext(context.Background())) // want `context.Background\(\) drops the request's context: it reaches c.rewrap → \(\*http.Client\).Do with no deadline: .*; derive the context from req.Context\(\) with context.WithTimeout`
}

// --- Kafka ---

// Consumers wait for messages by design.
func consume(r *kafka.Reader) {
	_, _ = r.ReadMessage(context.Background())
}

func produce(w *kafka.Writer) {
	_ = w.WriteMessages(context.Background(), kafka.Message{Value: []byte("x")}) // want `context.Background\(\) reaches \(\*kafka.Writer\).WriteMessages with no deadline: a broker that stops responding blocks the call forever`
}

// kafka.DialContext uses DefaultDialer, which has a timeout.
func kafkaDial() {
	_, _ = kafka.DialContext(context.Background(), "tcp", "broker:9092")
}

// --- Redis ---

// The client's own ReadTimeout bounds every command.
func redisDefault() {
	rdb := redis.NewClient(&redis.Options{Addr: "localhost:6379"})
	_ = rdb.Get(context.Background(), "k").Err()
}

func redisNoTimeout() {
	rdb := redis.NewClient(&redis.Options{Addr: "localhost:6379", ReadTimeout: -1, ContextTimeoutEnabled: true})
	_ = rdb.Get(context.Background(), "k").Err() // want `context.Background\(\) reaches \(redis.cmdable\).Get with no deadline: the client's read timeout is disabled`
}

// With ContextTimeoutEnabled false, go-redis v9 ignores context deadlines:
// no context can help, so this rule stays silent.
func redisContextIgnored() {
	rdb := redis.NewClient(&redis.Options{ReadTimeout: -2})
	_ = rdb.Set(context.Background(), "k", "v", 0).Err()
}

// --- dialers ---

func dialZero() {
	var d net.Dialer
	_, _ = d.DialContext(context.Background(), "tcp", "db:5432") // want `context.Background\(\) reaches \(\*net.Dialer\).DialContext with no deadline: the dialer has no timeout`
}

func dialTimeout() {
	d := &net.Dialer{Timeout: 3 * time.Second}
	_, _ = d.DialContext(context.Background(), "tcp", "db:5432")
}

// A nil context defaulted to Background has no deadline to lose.
func nilGuard(ctx context.Context, db *sql.DB) error { // want nilGuard:`ctxdeadline\(param0 → \(\*sql.DB\).ExecContext\)`
	if ctx == nil {
		ctx = context.Background()
	}
	_, err := db.ExecContext(ctx, "SELECT 9")
	return err
}

func kafkaZeroDialer() {
	d := &kafka.Dialer{}
	_, _ = d.DialContext(context.Background(), "tcp", "broker:9092") // want `context.Background\(\) reaches \(\*kafka.Dialer\).DialContext`
}

// --- retryablehttp ---

func retryableRoot() {
	client := retryablehttp.NewClient()
	req, _ := retryablehttp.NewRequestWithContext(context.Background(), http.MethodGet, "http://x", nil) // want `context.Background\(\) reaches \(\*retryablehttp.Client\).Do`
	_, _ = client.Do(req)
}

func retryableConfigured() {
	client := retryablehttp.NewClient()
	client.HTTPClient = &http.Client{Timeout: time.Second}
	req, _ := retryablehttp.NewRequestWithContext(context.Background(), http.MethodGet, "http://x", nil)
	_, _ = client.Do(req)
}

// --- gRPC without a generated client ---

func invokeConn(cc *grpc.ClientConn) {
	_ = cc.Invoke(context.Background(), "/svc/Method", nil, nil) // want `context.Background\(\) reaches \(\*grpc.ClientConn\).Invoke with no deadline: gRPC has no default deadline`
}
