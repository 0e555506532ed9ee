package catalog

func init() { register(&kafkaGo, &amqp) }

// kafkaGo: segmentio/kafka-go.
var kafkaGo = Library{
	Name:     "kafka-go",
	Paths:    []string{"github.com/segmentio/kafka-go"},
	Versions: "v0.4.x (v0.4.51 read)",
	Notes: "Writer.WriteMessages is bounded by its context; ReadMessage and FetchMessage wait for messages by " +
		"design. The package-level DialContext and DialLeader use DefaultDialer, whose Timeout is 10s.",
	APIs: []API{
		method("github.com/segmentio/kafka-go", "Writer", "WriteMessages", Kafka, 0),
		consume(method("github.com/segmentio/kafka-go", "Reader", "ReadMessage", Kafka, 0)),
		consume(method("github.com/segmentio/kafka-go", "Reader", "FetchMessage", Kafka, 0)),
		method("github.com/segmentio/kafka-go", "Reader", "CommitMessages", Kafka, 0),
		fn("github.com/segmentio/kafka-go", "Dial", Kafka, -1),
		bounded(fn("github.com/segmentio/kafka-go", "DialContext", Kafka, 0)), // DefaultDialer: 10s
		bounded(fn("github.com/segmentio/kafka-go", "DialLeader", Kafka, 0)),
		method("github.com/segmentio/kafka-go", "Dialer", "DialContext", Kafka, 0),
		method("github.com/segmentio/kafka-go", "Dialer", "DialLeader", Kafka, 0),
	},
}

// amqp: rabbitmq/amqp091-go and its predecessor streadway/amqp.
var amqp = Library{
	Name:     "amqp091-go",
	Paths:    []string{"github.com/rabbitmq/amqp091-go", "github.com/streadway/amqp"},
	Versions: "amqp091-go v1.x (v1.17.0 read); streadway/amqp, its predecessor, has the same API",
	Notes: "Dial has a 30s dial and handshake deadline. PublishWithContext only checks its context before " +
		"publishing; Publish takes none.",
	APIs: []API{
		// PublishWithContext checks its context once, before it writes:
		// what bounds the write is the connection, which faultline does not
		// see.
		unknown(method("github.com/rabbitmq/amqp091-go", "Channel", "PublishWithContext", AMQP, 0)),
		unknown(method("github.com/rabbitmq/amqp091-go", "Channel", "Publish", AMQP, -1)),
		bounded(fn("github.com/rabbitmq/amqp091-go", "Dial", AMQP, -1)),
		unknown(method("github.com/streadway/amqp", "Channel", "Publish", AMQP, -1)),
		bounded(fn("github.com/streadway/amqp", "Dial", AMQP, -1)),
	},
}
