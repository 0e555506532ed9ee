package sites // want package:`calls\[nats\(bounded\); nats\(topic:orders.get timeout=1s\); nats\(bounded\); nats\(topic:orders.created bounded\); nats\(bounded\); nats\(topic:invoices.paid bounded\); nats\(bounded\); nats\(topic:payments.settled bounded\)\]`

// The package holds the call sites of nats.go that the join ties to a
// node: the subject of each call. Connect's URL is not read: an Addr names
// a function as path.Func, and the dot in the path nats.go makes
// "github.com/nats-io/nats.go.Connect" unresolvable.

import (
	"context"
	"os"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

func Request() {
	nc, _ := nats.Connect(os.Getenv("NATS_URL"))
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	nc.RequestWithContext(ctx, "orders.get", []byte("1"))
}

func Publish() {
	nc, _ := nats.Connect("nats://nats-events:4222")
	nc.Publish("orders.created", []byte("1"))
}

func Subscribe() {
	nc, _ := nats.Connect("nats://nats-events:4222")
	sub, _ := nc.SubscribeSync("invoices.paid")
	sub.NextMsg(time.Second)
}

func JetStream() {
	nc, _ := nats.Connect("nats://nats-js:4222")
	js, _ := jetstream.New(nc)
	js.Publish(context.Background(), "payments.settled", nil)
}
