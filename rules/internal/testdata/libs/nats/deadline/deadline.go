// Package deadline holds ctxdeadline's cases for nats.go.
package deadline

import (
	"context"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

func conn() *nats.Conn {
	nc, err := nats.Connect(nats.DefaultURL)
	if err != nil {
		panic(err)
	}
	return nc
}

// Hazard: a request whose context has no deadline waits for a reply
// forever.
func Hazard() {
	conn().RequestWithContext(context.Background(), "orders.get", []byte("1")) // want `context.Background\(\) reaches \(\*nats.Conn\).RequestWithContext with no deadline: a request with no deadline waits for a reply forever`
}

// Through a helper: the caller's context reaches the request.
func ask(ctx context.Context, nc *nats.Conn) (*nats.Msg, error) { // want ask:"ctxdeadline\\(param0 → \\(\\*nats.Conn\\).RequestMsgWithContext\\)"
	return nc.RequestMsgWithContext(ctx, &nats.Msg{Subject: "orders.get", Data: []byte("1")})
}

func Helper() {
	ctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) reaches deadline.ask → \(\*nats.Conn\).RequestMsgWithContext with no deadline \(context.WithCancel adds none\)`
	defer cancel()
	ask(ctx, conn())
}

// Safe: the same calls under context.WithTimeout.
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	conn().RequestWithContext(ctx, "orders.get", nil)
	ask(ctx, conn())
}

// Silent: the library bounds these itself: Request's timeout parameter,
// Flush's 10s, FlushWithContext's demand of a deadline, a buffered
// Publish, and NextMsg's timeout.
func Bounded() {
	nc := conn()
	nc.Request("orders.get", nil, time.Second)
	nc.Publish("orders.created", []byte("1"))
	nc.Flush()
	nc.FlushWithContext(context.Background())
	sub, _ := nc.SubscribeSync("orders.created")
	sub.NextMsg(time.Second)
}

// Silent: a subscription waits for messages by design.
func Next() {
	sub, _ := conn().SubscribeSync("orders.created")
	sub.NextMsgWithContext(context.Background())
}

// Silent: the jetstream package gives a context with no deadline its
// default timeout (5s); the legacy context waits 5s for the ack.
func JetStream() {
	nc := conn()
	js, _ := jetstream.New(nc)
	js.Publish(context.Background(), "orders.created", []byte("1"))
	kv, _ := js.KeyValue(context.Background(), "carts")
	kv.Get(context.Background(), "42")
	old, _ := nc.JetStream()
	old.Publish("orders.created", []byte("1"))
}

// Trap: the connect timeout bounds the dial, not a request made on the
// connection.
func ConnectTimeout() {
	nc, _ := nats.Connect("nats://nats:4222", nats.Timeout(time.Second))
	nc.RequestWithContext(context.Background(), "orders.get", nil) // want `context.Background\(\) reaches \(\*nats.Conn\).RequestWithContext with no deadline`
}
