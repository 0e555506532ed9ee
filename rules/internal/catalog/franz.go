package catalog

func init() { register(&franzGo) }

// franzGo: the Kafka client github.com/twmb/franz-go (package kgo). Read
// in v1.22.3 (pkg/kgo):
//   - a record is retried without limit (recordRetries math.MaxInt64,
//     config.go:689) and has no delivery timeout by default
//     (config.go:1514-1515,1537); RecordRetries and RecordDeliveryTimeout
//     are enforced only when safe for an idempotent producer, the default
//     (config.go:1409-1412,1517-1520), so with no deadline ProduceSync,
//     Flush and a Produce blocked on a full buffer (MaxBufferedRecords)
//     wait for as long as a broker does not answer
//     (producer.go:383,567-586,1459);
//   - ProduceRequestTimeout (10s) is the TimeoutMillis the broker is sent
//     (config.go:1394-1404,688);
//   - other requests have a read deadline of RequestTimeoutOverhead (10s)
//     plus their own timeout (client.go:848-890; broker.go:1670-1672) and
//     are retried for at most RetryTimeout, 30s by default
//     (client.go:511-521,1795-1830; config.go:918-936): Request and Ping
//     (client.go:665-692,1567) are bounded;
//   - a commit waits for a join or sync of the group in progress before
//     its request (consumer_group.go:3508-3548): not judged;
//   - PollFetches waits for records by design (consumer.go:522);
//   - NewClient does not connect: the seed brokers are SeedBrokers'
//     (config.go:866-868), 127.0.0.1 by default (config.go:635).
var franzGo = Library{
	Name:     "franz-go",
	Paths:    []string{"github.com/twmb/franz-go"},
	Versions: "v1.22 (v1.22.3 read)",
	Engine:   "kafka",
	Notes: "ProduceSync, Flush and Produce (which blocks when the buffer is full) are bounded only by their context: " +
		"records are retried without limit and have no delivery timeout by default, and RecordRetries and " +
		"RecordDeliveryTimeout are enforced only when safe for the idempotent producer. ProduceRequestTimeout is " +
		"the broker's wait. Request and Ping are bounded by RequestTimeoutOverhead and RetryTimeout; PollFetches " +
		"waits by design; commits are not judged.",
	APIs: func() []API {
		const pkg = "github.com/twmb/franz-go/pkg/kgo"
		return []API{
			method(pkg, "Client", "ProduceSync", Kafka, 0),
			method(pkg, "Client", "Produce", Kafka, 0),
			method(pkg, "Client", "Flush", Kafka, 0),
			bounded(method(pkg, "Client", "TryProduce", Kafka, 0)), // never blocks (producer.go:529-539)
			bounded(method(pkg, "Client", "Request", Kafka, 0)),
			bounded(method(pkg, "Client", "Ping", Kafka, 0)),
			consume(method(pkg, "Client", "PollFetches", Kafka, 0)),
			consume(method(pkg, "Client", "PollRecords", Kafka, 0)),
			unknown(method(pkg, "Client", "CommitRecords", Kafka, 0)),
			unknown(method(pkg, "Client", "CommitUncommittedOffsets", Kafka, 0)),
			unknown(method(pkg, "Client", "CommitMarkedOffsets", Kafka, 0)),
		}
	}(),
	// ProduceSync's records are variadic: the evidence of an argument does
	// not reach the elements of the slice they are passed in, so its
	// records' topics are not read (Produce's single record is).
	Addrs: []Addr{
		{Func: "github.com/twmb/franz-go/pkg/kgo.SeedBrokers", Arg: -1},
		{Func: "github.com/twmb/franz-go/pkg/kgo.DefaultProduceTopic", Arg: 0, Topic: true},
		{Func: "github.com/twmb/franz-go/pkg/kgo.ConsumeTopics", Arg: -1, Topic: true},
		{Func: "(*github.com/twmb/franz-go/pkg/kgo.Client).Produce", Arg: 1, Fields: []string{"Topic"}, Topic: true},
		{Func: "(*github.com/twmb/franz-go/pkg/kgo.Client).TryProduce", Arg: 1, Fields: []string{"Topic"}, Topic: true},
	},
}
