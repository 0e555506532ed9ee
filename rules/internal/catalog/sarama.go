package catalog

func init() { register(&sarama) }

// sarama: the Kafka client github.com/IBM/sarama and its former home
// github.com/Shopify/sarama. Read in IBM/sarama@v1.61.1 and
// Shopify/sarama@v1.38.1 (the same API and defaults):
//   - no producer call takes a context: SyncProducer.SendMessage hands the
//     message to the async producer and waits for its result
//     (sync_producer.go:128-139; Shopify :112-122), which every broker
//     request bounds with Net.ReadTimeout and Net.WriteTimeout
//     (broker.go:1106-1124), 30s by default as Net.DialTimeout is
//     (config.go:568-570; Shopify :504-506), and Validate rejects a zero
//     (config.go:689-694; Shopify :615-620), with Producer.Retry.Max 3;
//   - Producer.Timeout (10s) is the broker's wait for acknowledgements,
//     request.timeout.ms (config.go:198-205,583);
//   - NewClient, and the producers, consumers and admin built on it,
//     connect and fetch metadata at once (client.go:178-186,232-235;
//     sync_producer.go:77-94; async_producer.go:284-290; consumer.go:116-122;
//     consumer_group.go:130-140; admin.go:214-224), each request bounded
//     as above;
//   - ConsumerGroup.Consume(ctx, topics, handler) runs a session until the
//     context ends (consumer_group.go:72).
//
// An AsyncProducer's messages are channel sends (Input() <- msg), not
// calls: they are not recorded.
var sarama = Library{
	Name:     "sarama",
	Paths:    []string{"github.com/IBM/sarama", "github.com/Shopify/sarama"},
	Versions: "IBM/sarama v1.x (v1.61.1 read), Shopify/sarama v1.38 (v1.38.1 read)",
	Engine:   "kafka",
	Notes: "No producer call takes a context: every broker request is bounded by Net.ReadTimeout and " +
		"Net.WriteTimeout (30s by default; zero is rejected), and the constructors connect at once within " +
		"Net.DialTimeout, so none is reported. Producer.Timeout is the broker's wait for acknowledgements, not a " +
		"bound of the call. ConsumerGroup.Consume waits by design; an AsyncProducer's Input() channel sends are " +
		"not calls and are not recorded.",
	APIs: func() []API {
		var t []API
		for _, pkg := range []string{"github.com/IBM/sarama", "github.com/Shopify/sarama"} {
			t = append(t,
				bounded(method(pkg, "SyncProducer", "SendMessage", Kafka, -1)),
				bounded(method(pkg, "SyncProducer", "SendMessages", Kafka, -1)),
				consume(method(pkg, "ConsumerGroup", "Consume", Kafka, 0)),
				// Looks up the partition's leader and offset, then
				// delivers messages on a channel.
				consume(bounded(method(pkg, "Consumer", "ConsumePartition", Kafka, -1))),
				bounded(fn(pkg, "NewClient", Kafka, -1)),
				bounded(fn(pkg, "NewSyncProducer", Kafka, -1)),
				bounded(fn(pkg, "NewAsyncProducer", Kafka, -1)),
				bounded(fn(pkg, "NewConsumer", Kafka, -1)),
				bounded(fn(pkg, "NewConsumerGroup", Kafka, -1)),
				bounded(fn(pkg, "NewClusterAdmin", Kafka, -1)),
			)
		}
		return t
	}(),
	// SendMessages' topics are in a slice of messages, whose elements the
	// evidence of an argument does not reach: it has no Addr.
	Addrs: func() []Addr {
		var t []Addr
		for _, pkg := range []string{"github.com/IBM/sarama", "github.com/Shopify/sarama"} {
			t = append(t,
				Addr{Func: pkg + ".NewClient", Arg: 0},
				Addr{Func: pkg + ".NewSyncProducer", Arg: 0},
				Addr{Func: pkg + ".NewAsyncProducer", Arg: 0},
				Addr{Func: pkg + ".NewConsumer", Arg: 0},
				Addr{Func: pkg + ".NewConsumerGroup", Arg: 0},
				Addr{Func: pkg + ".NewClusterAdmin", Arg: 0},
				Addr{Func: "(" + pkg + ".SyncProducer).SendMessage", Arg: 0, Fields: []string{"Topic"}, Topic: true},
				Addr{Func: "(" + pkg + ".ConsumerGroup).Consume", Arg: 1, Topic: true},
				Addr{Func: "(" + pkg + ".Consumer).ConsumePartition", Arg: 0, Topic: true},
			)
		}
		return t
	}(),
}
