// Package deadline holds ctxdeadline's cases for franz-go.
package deadline

import (
	"context"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

func client() *kgo.Client {
	cl, err := kgo.NewClient(kgo.SeedBrokers("kafka:9092"))
	if err != nil {
		panic(err)
	}
	return cl
}

// Hazard: records are retried without limit, so only the context bounds
// a synchronous produce.
func Hazard() {
	client().ProduceSync(context.Background(), &kgo.Record{Topic: "orders", Value: []byte("1")}) // want `context.Background\(\) reaches \(\*kgo.Client\).ProduceSync with no deadline: a broker that stops responding blocks the call forever`
}

// Hazard: Produce blocks once the buffer is full, until its context ends.
func Async() {
	client().Produce(context.TODO(), &kgo.Record{Topic: "orders"}, nil) // want `context.TODO\(\) reaches \(\*kgo.Client\).Produce with no deadline`
}

// Through a helper: the caller's context reaches the flush.
func flush(ctx context.Context, cl *kgo.Client) error { // want flush:"ctxdeadline\\(param0 → \\(\\*kgo.Client\\).Flush\\)"
	return cl.Flush(ctx)
}

func Helper() {
	flush(context.Background(), client()) // want `context.Background\(\) reaches deadline.flush → \(\*kgo.Client\).Flush with no deadline`
}

// Safe: the same calls under context.WithTimeout.
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	client().ProduceSync(ctx, &kgo.Record{Topic: "orders"})
	flush(ctx, client())
}

// Silent: Ping tries each broker once, each request with a read deadline
// of RequestTimeoutOverhead (10s); Request's are retried for at most
// RetryTimeout (30s) besides.
func Ping() {
	client().Ping(context.Background())
}

// Silent: polling waits for records by design.
func Poll() {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka:9092"), kgo.ConsumeTopics("orders"), kgo.ConsumerGroup("billing"))
	for {
		fs := cl.PollFetches(context.Background())
		if fs.IsClientClosed() {
			return
		}
	}
}

// Trap: ProduceRequestTimeout is the TimeoutMillis the broker is sent; it
// does not bound the record, which is retried after it without limit.
func ProduceRequestTimeout() {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka:9092"), kgo.ProduceRequestTimeout(2*time.Second))
	cl.ProduceSync(context.Background(), &kgo.Record{Topic: "orders"}) // want `context.Background\(\) reaches \(\*kgo.Client\).ProduceSync with no deadline`
}
