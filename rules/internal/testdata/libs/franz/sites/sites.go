package sites // want package:`calls\[kafka\(env:KAFKA_BROKERS timeout=1s\); kafka\(host:kafka-a:9092 host:kafka-b:9092 topic:payments unbounded\); kafka\(host:kafka:9092 topic:refunds unbounded\); kafka\(host:kafka:9092 topic:invoices unbounded\)\]`

// The package holds the call sites of franz-go that the join ties to a
// node: the seed brokers of the client, the default topic, the topics it
// consumes, and the topic of a record given to Produce. ProduceSync's
// records are variadic, and the elements of the slice that holds them are
// not read: the topic "orders" is not found.

import (
	"context"
	"os"
	"time"

	"github.com/twmb/franz-go/pkg/kgo"
)

func Produce() {
	cl, _ := kgo.NewClient(kgo.SeedBrokers(os.Getenv("KAFKA_BROKERS")))
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	cl.ProduceSync(ctx, &kgo.Record{Topic: "orders", Value: []byte("1")})
}

func DefaultTopic() {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka-a:9092", "kafka-b:9092"), kgo.DefaultProduceTopic("payments"))
	cl.Produce(context.Background(), &kgo.Record{Value: []byte("1")}, nil)
}

func Async() {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka:9092"))
	cl.Produce(context.Background(), &kgo.Record{Topic: "refunds"}, nil)
}

func Poll() {
	cl, _ := kgo.NewClient(kgo.SeedBrokers("kafka:9092"), kgo.ConsumeTopics("invoices"), kgo.ConsumerGroup("billing"))
	cl.PollFetches(context.Background())
}
