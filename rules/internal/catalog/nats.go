package catalog

func init() { register(&natsGo) }

// natsGo: the NATS client github.com/nats-io/nats.go, with its JetStream
// packages. Read in v1.56.0:
//   - Connect dials, and bounds the handshake, with Options.Timeout, 2s by
//     default (nats.go:59,177,1153,2011-2028,2970,3415);
//   - Publish, PublishMsg and PublishRequest append to a buffer, written by
//     a flusher or, when it is full, at once, through a writer with a
//     deadline of FlusherTimeout, one minute by default
//     (nats.go:67,183,2365-2372,2379-2392,4885-4995,7204-7215);
//   - Request and RequestMsg wait for the reply up to their timeout
//     parameter (nats.go:5073-5145); RequestWithContext and
//     RequestMsgWithContext only by the context, which needs no deadline
//     (context.go:23-60);
//   - Flush is FlushTimeout(10s) (nats.go:6276-6335); FlushWithContext
//     fails at once with no deadline (context.go:177-186);
//   - Subscription.NextMsg waits up to its timeout; NextMsgWithContext for
//     a message, by design (nats.go:5830; context.go:170);
//   - the legacy JetStream context's Publish waits for the ack 5s unless
//     given a timeout or a context option (js.go:302-304,318,546-595);
//   - the jetstream package gives every API request made with a context
//     that has no deadline (not only Background) a timeout of
//     JetStreamOptions.DefaultTimeout, 5s unless WithDefaultTimeout sets
//     another, above zero (jetstream/jetstream.go:460-461,475-482,1274-1281;
//     jetstream_options.go:82-90): in publish.go:247-249, stream.go,
//     consumer.go and kv.go; an object store's Put times its asynchronous
//     publishes out alike (object.go:683-685). An ordered consumer's Info
//     does not (ordered.go:668-678), and a key-value watcher waits for
//     updates.
//
// Subscribe's callbacks are not calls: they are not recorded.
var natsGo = Library{
	Name:     "nats.go",
	Paths:    []string{"github.com/nats-io/nats.go"},
	Versions: "v1.56 (v1.56.0 read)",
	Engine:   "nats",
	Notes: "RequestWithContext is bounded only by its context; Request, NextMsg and FlushTimeout take a timeout, " +
		"Flush waits 10s, FlushWithContext requires a deadline, and Publish only buffers, writing within a one-minute " +
		"FlusherTimeout. JetStream calls are bounded by the library: the jetstream package gives a context with no " +
		"deadline a 5s timeout (WithDefaultTimeout), and the legacy Publish waits 5s unless given a context option, " +
		"which faultline does not follow. Subscription callbacks are not calls.",
	APIs: func() []API {
		const pkg = "github.com/nats-io/nats.go"
		const js = "github.com/nats-io/nats.go/jetstream"
		t := []API{
			bounded(fn(pkg, "Connect", NATS, -1)),
			bounded(method(pkg, "Conn", "Publish", NATS, -1)),
			bounded(method(pkg, "Conn", "PublishMsg", NATS, -1)),
			bounded(method(pkg, "Conn", "PublishRequest", NATS, -1)),
			bounded(method(pkg, "Conn", "Request", NATS, -1)),
			bounded(method(pkg, "Conn", "RequestMsg", NATS, -1)),
			method(pkg, "Conn", "RequestWithContext", NATS, 0),
			method(pkg, "Conn", "RequestMsgWithContext", NATS, 0),
			bounded(method(pkg, "Conn", "Flush", NATS, -1)),
			bounded(method(pkg, "Conn", "FlushTimeout", NATS, -1)),
			bounded(method(pkg, "Conn", "FlushWithContext", NATS, 0)),
			consume(bounded(method(pkg, "Subscription", "NextMsg", NATS, -1))),
			consume(method(pkg, "Subscription", "NextMsgWithContext", NATS, 0)),
			// The legacy JetStream context.
			bounded(method(pkg, "JetStream", "Publish", NATS, -1)),
			bounded(method(pkg, "JetStream", "PublishMsg", NATS, -1)),
		}
		// The jetstream package: the interfaces that declare the methods.
		for _, typ := range []string{
			"JetStream", "Publisher", "StreamManager", "StreamConsumerManager", "KeyValueManager",
			"ObjectStoreManager", "Stream", "ConsumerManager", "KeyValue", "ObjectStore", "Msg",
		} {
			t = append(t, bounded(wildcard(js, typ, NATS)))
		}
		return append(t,
			stream(method(js, "KeyValue", "Watch", NATS, 0)),
			stream(method(js, "KeyValue", "WatchAll", NATS, 0)),
			stream(method(js, "KeyValue", "WatchFiltered", NATS, 0)),
			stream(method(js, "ObjectStore", "Watch", NATS, 0)),
			// Read a watcher to its end: not judged.
			unknown(method(js, "KeyValue", "Keys", NATS, 0)),
			unknown(method(js, "KeyValue", "ListKeys", NATS, 0)),
			unknown(method(js, "KeyValue", "ListKeysFiltered", NATS, 0)),
			unknown(method(js, "KeyValue", "History", NATS, 0)),
			unknown(method(js, "KeyValue", "PurgeDeletes", NATS, 0)),
			unknown(method(js, "ObjectStore", "List", NATS, 0)),
			unknown(method(js, "ObjectStore", "Get", NATS, 0)),
			unknown(method(js, "ObjectStore", "GetBytes", NATS, 0)),
			unknown(method(js, "ObjectStore", "GetString", NATS, 0)),
			unknown(method(js, "ObjectStore", "GetFile", NATS, 0)),
			// An ordered consumer's Info has no default timeout.
			unknown(method(js, "Consumer", "Info", NATS, 0)),
			consume(method(js, "Consumer", "Fetch", NATS, -1)),
			consume(method(js, "Consumer", "FetchBytes", NATS, -1)),
			consume(method(js, "Consumer", "FetchNoWait", NATS, -1)),
			consume(method(js, "Consumer", "Next", NATS, -1)),
		)
	}(),
	// Connect(url) is not among the Addrs: an Addr's Func is parsed as
	// path.Func, and the dot of the package path nats.go makes
	// "github.com/nats-io/nats.go.Connect" unresolvable. Methods parse.
	Addrs: []Addr{
		{Func: "(*github.com/nats-io/nats.go.Conn).Publish", Arg: 0, Topic: true},
		{Func: "(*github.com/nats-io/nats.go.Conn).PublishMsg", Arg: 0, Fields: []string{"Subject"}, Topic: true},
		{Func: "(*github.com/nats-io/nats.go.Conn).PublishRequest", Arg: 0, Topic: true},
		{Func: "(*github.com/nats-io/nats.go.Conn).Request", Arg: 0, Topic: true},
		{Func: "(*github.com/nats-io/nats.go.Conn).RequestMsg", Arg: 0, Fields: []string{"Subject"}, Topic: true},
		{Func: "(*github.com/nats-io/nats.go.Conn).RequestWithContext", Arg: 1, Topic: true},
		{Func: "(*github.com/nats-io/nats.go.Conn).RequestMsgWithContext", Arg: 1, Fields: []string{"Subject"}, Topic: true},
		{Func: "(*github.com/nats-io/nats.go.Conn).SubscribeSync", Arg: 0, Topic: true},
		{Func: "(*github.com/nats-io/nats.go.Conn).QueueSubscribeSync", Arg: 0, Topic: true},
		{Func: "(github.com/nats-io/nats.go.JetStream).Publish", Arg: 0, Topic: true},
		{Func: "(github.com/nats-io/nats.go/jetstream.Publisher).Publish", Arg: 1, Topic: true},
	},
}
