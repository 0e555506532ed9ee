package sites // want package:`calls\[cloud\(param:example.com/libs/gcp/sites.Publish#0 topic:orders bounded\); cloud\(param:example.com/libs/gcp/sites.Publish#0 topic:orders bounded\); cloud\(param:example.com/libs/gcp/sites.Work#1 topic:orders-worker\); cloud\(param:example.com/libs/gcp/sites.Profile#0 unbounded\); cloud\(param:example.com/libs/gcp/sites.Profile#0 bounded\); cloud\(param:example.com/libs/gcp/sites.Balance#0 timeout=1s\); cloud\(param:example.com/libs/gcp/sites.Events#0 unbounded\)\]`

// The package holds the call sites of the Google Cloud clients that the
// join ties to a node: the product names the node (pubsub, firestore,
// spanner, bigtable), Pub/Sub calls carry the topic or subscription their
// handle was made for, and a client given as a parameter is evidence the
// callers' bindings complete.

import (
	"context"
	"time"

	"cloud.google.com/go/bigtable"
	"cloud.google.com/go/firestore"
	"cloud.google.com/go/pubsub"
	"cloud.google.com/go/spanner"
)

func Publish(c *pubsub.Client) {
	t := c.Topic("orders")
	res := t.Publish(context.Background(), &pubsub.Message{Data: []byte("x")})
	res.Get(context.Background())
}

// A consumer's read, with its subscription.
func Work(ctx context.Context, c *pubsub.Client) {
	c.Subscription("orders-worker").Receive(ctx, func(ctx context.Context, m *pubsub.Message) { m.Ack() })
}

func Profile(c *firestore.Client) {
	c.Doc("users/1").Get(context.Background())
	c.Doc("users/1").Set(context.Background(), map[string]any{"seen": true})
}

func Balance(c *spanner.Client) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	c.Single().ReadRow(ctx, "Accounts", spanner.Key{"1"}, []string{"Balance"})
}

func Events(c *bigtable.Client) {
	c.Open("events").ReadRow(context.Background(), "row-1")
}
