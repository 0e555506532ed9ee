package catalog

func init() { register(&redigo) }

// redigo: gomodule/redigo. A connection's commands take no context: Do
// reads with the read timeout given when dialing (DialReadTimeout), and
// with none when it is zero, the default (redis/conn.go:101-113,776-778,
// 836-842). Dialing is bounded by a 30s connect timeout (and 10s for TLS)
// unless the options say otherwise (redis/conn.go:224-231). DoContext
// bounds a command by the earlier of its context's deadline and the read
// timeout (redis/conn.go:780-808).
var redigo = Library{
	Name:     "redigo",
	Paths:    []string{"github.com/gomodule/redigo"},
	Versions: "v1.9.3 read",
	Engine:   "redis",
	Notes: "Dial connects within 30s by default, but commands read with no deadline unless the connection was " +
		"dialed with DialReadTimeout: Do takes no context and is recorded, not judged; DoContext and " +
		"ReceiveContext fall back on that read timeout when the context has none, so faultline, which does not " +
		"follow the dial options, does not judge them either, nor Pool.GetContext, which waits for a free connection only when the pool's Wait is set. Addresses are read from Dial, DialContext and DialURL; " +
		"a Pool's Dial function is not followed.",
	APIs: func() []API {
		const pkg = "github.com/gomodule/redigo/redis"
		var t []API
		for _, typ := range []string{"Conn", "ConnWithTimeout", "ConnWithContext"} {
			t = append(t,
				method(pkg, typ, "Do", Redis, -1),
				method(pkg, typ, "Receive", Redis, -1),
			)
		}
		t = append(t,
			// A timeout parameter overrides the connection's read timeout
			// (redis/redis.go:84-95).
			bounded(method(pkg, "ConnWithTimeout", "DoWithTimeout", Redis, -1)),
			bounded(method(pkg, "ConnWithTimeout", "ReceiveWithTimeout", Redis, -1)),
			// With no deadline on the context, the connection's read
			// timeout bounds the command (redis/conn.go DoContext), set
			// by DialReadTimeout where the connection was dialed, often
			// in a Pool's Dial function, which faultline does not follow.
			unknown(method(pkg, "ConnWithContext", "DoContext", Redis, 0)),
			unknown(method(pkg, "ConnWithContext", "ReceiveContext", Redis, 0)),
			unknown(fn(pkg, "DoContext", Redis, 1)),
			unknown(fn(pkg, "ReceiveContext", Redis, 1)),
			bounded(fn(pkg, "DoWithTimeout", Redis, -1)),
			bounded(fn(pkg, "ReceiveWithTimeout", Redis, -1)),

			// Dialing: a 30s connect timeout by default.
			bounded(fn(pkg, "Dial", Redis, -1)),
			bounded(fn(pkg, "DialContext", Redis, 0)),
			bounded(fn(pkg, "DialURL", Redis, -1)),
			bounded(fn(pkg, "DialURLContext", Redis, 0)),
			bounded(fn(pkg, "DialTimeout", Redis, -1)),

			// A pool dials through the application's function, and with
			// Wait set waits for a free connection (redis/pool.go:192-206,
			// 365-399).
			// Only a pool with Wait set waits for a free connection, and
			// faultline does not follow the pool's fields: not judged.
			method(pkg, "Pool", "Get", Redis, -1),
			unknown(method(pkg, "Pool", "GetContext", Redis, 0)),

			method(pkg, "Script", "Do", Redis, -1),
			method(pkg, "Script", "DoContext", Redis, 0),
			method(pkg, "Script", "Load", Redis, -1),

			// Pub/sub: receiving waits for messages by design.
			consume(method(pkg, "PubSubConn", "Receive", Redis, -1)),
			consume(method(pkg, "PubSubConn", "ReceiveWithTimeout", Redis, -1)),
			consume(method(pkg, "PubSubConn", "ReceiveContext", Redis, 0)),
		)
		return t
	}(),
	Addrs: []Addr{
		{Func: "github.com/gomodule/redigo/redis.Dial", Arg: 1},
		{Func: "github.com/gomodule/redigo/redis.DialContext", Arg: 2},
		{Func: "github.com/gomodule/redigo/redis.DialURL", Arg: 0},
		{Func: "github.com/gomodule/redigo/redis.DialURLContext", Arg: 1},
		{Func: "github.com/gomodule/redigo/redis.DialTimeout", Arg: 1},
	},
}
