// Package deadline holds ctxdeadline's cases for the Google Cloud clients
// of cloud.google.com/go: Firestore, Pub/Sub v1, Spanner, Bigtable and
// Cloud Storage's copier. Unary RPCs have gapic's default timeouts when
// the context has none; streaming reads and retry loops that run until
// the context's deadline have no bound of their own.
package deadline

import (
	"context"
	"time"

	"cloud.google.com/go/bigtable"
	"cloud.google.com/go/firestore"
	"cloud.google.com/go/pubsub"
	"cloud.google.com/go/spanner"
	"cloud.google.com/go/storage"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"
)

func fsClient() *firestore.Client {
	c, err := firestore.NewClient(context.Background(), "shop")
	if err != nil {
		panic(err)
	}
	return c
}

// Hazard: DocumentRef.Get reads through the BatchGetDocuments stream,
// which has no default timeout.
func FirestoreGet() {
	fsClient().Doc("users/1").Get(context.Background()) // want `context.Background\(\) reaches \(\*firestore.DocumentRef\).Get with no deadline: the SDK sets no timeout of its own on this call`
}

// Hazard: a query's documents come through RunQuery, a stream.
func FirestoreQuery() {
	it := fsClient().Collection("orders").Where("status", "==", "open").Documents(context.TODO()) // want `context.TODO\(\) reaches \(firestore.Query\).Documents with no deadline`
	defer it.Stop()
}

// Silent: a write is a Commit, a unary RPC with a 60s default timeout.
func FirestoreSet() {
	fsClient().Doc("users/1").Set(context.Background(), map[string]any{"name": "ada"})
	fsClient().Collection("orders").Add(context.Background(), map[string]any{"total": 3})
}

// Silent: a listener lives as long as its context.
func FirestoreListen() {
	it := fsClient().Doc("users/1").Snapshots(context.Background())
	defer it.Stop()
}

// Through a helper: the caller's context reaches the read.
func user(ctx context.Context, c *firestore.Client, id string) (*firestore.DocumentSnapshot, error) { // want user:"ctxdeadline\\(param0 → \\(\\*firestore.DocumentRef\\).Get\\)"
	return c.Collection("users").Doc(id).Get(ctx)
}

func Helper() {
	user(context.Background(), fsClient(), "1") // want `context.Background\(\) reaches deadline.user → \(\*firestore.DocumentRef\).Get with no deadline`
}

// Safe: the same reads under a deadline.
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	fsClient().Doc("users/1").Get(ctx)
	user(ctx, fsClient(), "1")
	spannerClient().Single().ReadRow(ctx, "Users", spanner.Key{"1"}, []string{"Name"})
}

// Silent: Publish never blocks; the result waits at most
// PublishSettings.Timeout (60s); Receive waits for messages by design;
// admin calls have a 60s default timeout.
func PubSub(c *pubsub.Client) {
	t := c.Topic("orders")
	res := t.Publish(context.Background(), &pubsub.Message{Data: []byte("x")})
	res.Get(context.Background())
	t.Exists(context.Background())
	c.Subscription("orders-worker").Receive(context.Background(), func(ctx context.Context, m *pubsub.Message) { m.Ack() })
}

func spannerClient() *spanner.Client {
	c, err := spanner.NewClient(context.Background(), "projects/p/instances/i/databases/shop")
	if err != nil {
		panic(err)
	}
	return c
}

// Hazard: reads go through StreamingRead, which has no default timeout.
func SpannerRead() {
	spannerClient().Single().ReadRow(context.Background(), "Users", spanner.Key{"1"}, []string{"Name"}) // want `context.Background\(\) reaches \(\*spanner.txReadOnly\).ReadRow with no deadline`
}

// Hazard: a read-write transaction is retried on Aborted until the
// context's deadline; the DML inside has gapic's 30s default.
func SpannerTxn() {
	spannerClient().ReadWriteTransaction(context.Background(), func(ctx context.Context, tx *spanner.ReadWriteTransaction) error { // want `context.Background\(\) reaches \(\*spanner.Client\).ReadWriteTransaction with no deadline`
		_, err := tx.Update(ctx, spanner.Statement{SQL: "UPDATE Users SET Name = 'x' WHERE Id = 1"})
		return err
	})
}

// Trap: a staleness bound says how old the data may be, not how long the
// read may wait.
func SpannerStale() {
	spannerClient().Single().WithTimestampBound(spanner.MaxStaleness(10*time.Second)).Query(context.Background(), spanner.NewStatement("SELECT 1")) // want `reaches \(\*spanner.txReadOnly\).Query with no deadline`
}

// Trap: MaxCommitDelay lets the server delay the commit for batching; it
// bounds nothing on the client.
func SpannerCommitDelay() {
	d := 50 * time.Millisecond
	opts := spanner.TransactionOptions{CommitOptions: spanner.CommitOptions{MaxCommitDelay: &d}}
	spannerClient().ReadWriteTransactionWithOptions(context.Background(), func(ctx context.Context, tx *spanner.ReadWriteTransaction) error { // want `reaches \(\*spanner.Client\).ReadWriteTransactionWithOptions with no deadline`
		return tx.BufferWrite([]*spanner.Mutation{spanner.Delete("Users", spanner.Key{"1"})})
	}, opts)
}

// Trap: gRPC keepalive detects a dead connection; it bounds no call, and
// Bigtable retries with no attempt cap.
func BigtableKeepalive() {
	c, _ := bigtable.NewClient(context.Background(), "p", "i",
		option.WithGRPCDialOption(grpc.WithKeepaliveParams(keepalive.ClientParameters{Time: 30 * time.Second, Timeout: 10 * time.Second})))
	c.Open("events").ReadRow(context.Background(), "row-1") // want `context.Background\(\) reaches \(\*bigtable.Table\).ReadRow with no deadline`
}

// Hazard: through the TableAPI interface.
func BigtableApply(c *bigtable.Client) {
	m := bigtable.NewMutation()
	m.Set("f", "c", bigtable.Now(), []byte("v"))
	c.OpenTable("events").Apply(context.Background(), "row-1", m) // want `reaches \(bigtable.TableAPI\).Apply with no deadline`
}

// Silent: Bigtable's admin clients are recorded, not judged.
func BigtableAdmin(a *bigtable.AdminClient) {
	a.Tables(context.Background())
}

// Hazard: a rewrite is retried until the context is done.
func StorageCopy(c *storage.Client) {
	src := c.Bucket("in").Object("a")
	c.Bucket("out").Object("a").CopierFrom(src).Run(context.Background()) // want `reaches \(\*storage.Copier\).Run with no deadline`
}
