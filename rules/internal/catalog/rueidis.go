package catalog

func init() { register(&rueidis) }

// rueidis: redis/rueidis, the RESP3 client with auto-pipelining. Every
// command goes through Do and its variants, given the context first.
//
// ConnWriteTimeout (by default Dialer.KeepAlive×10 = 10s, rueidis.go:225-231,
// 541-542) sets a connection deadline on each attempt of a command that
// does not block (pipe.go:1501-1515) and bounds the background PING that
// closes a pipelined connection that stopped replying (pipe.go:774-816).
// But read-only commands are retried on network errors, unless
// DisableRetry, for as long as the context has no deadline: the default
// delay never gives up (retry.go:22-27,73-88; client.go:51-65,387-395), and
// blocking commands (BLPOP, XREAD BLOCK) get no deadline at all. So only
// the context bounds a Do in general.
var rueidis = Library{
	Name:     "rueidis",
	Paths:    []string{"github.com/redis/rueidis"},
	Versions: "v1.0.80 read",
	Engine:   "redis",
	Hang:     "read-only commands are retried without limit and blocking commands wait forever while the context has no deadline",
	Notes: "Do, DoMulti, DoCache and DoMultiCache take the context first and it is their only general bound: " +
		"ConnWriteTimeout (10s by default) bounds one attempt of a non-blocking command, but read-only commands " +
		"are retried without limit while the context has no deadline, and blocking commands get no deadline. " +
		"DoStream depends on the command; Receive waits for messages by design.",
	APIs: func() []API {
		const pkg = "github.com/redis/rueidis"
		var t []API
		// Do and DoMulti are CommandClient's, Receive CoreClient's; Client
		// and DedicatedClient embed them.
		t = append(t,
			method(pkg, "CommandClient", "Do", Redis, 0),
			method(pkg, "CommandClient", "DoMulti", Redis, 0),
			consume(method(pkg, "CoreClient", "Receive", Redis, 0)),
			method(pkg, "Client", "DoCache", Redis, 0),
			method(pkg, "Client", "DoMultiCache", Redis, 0),
			// Not retried; bounded by ConnWriteTimeout unless the command
			// blocks.
			unknown(method(pkg, "Client", "DoStream", Redis, 0)),
			unknown(method(pkg, "Client", "DoMultiStream", Redis, 0)),
		)
		return t
	}(),
	Addrs: []Addr{
		{Func: "github.com/redis/rueidis.NewClient", Arg: 0, Fields: []string{"InitAddress"}},
		{Func: "github.com/redis/rueidis.ParseURL", Arg: 0},
		{Func: "github.com/redis/rueidis.MustParseURL", Arg: 0},
	},
}
