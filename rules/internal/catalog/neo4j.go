package catalog

func init() { register(&neo4jDriver) }

// neo4jDriver: the Neo4j Go driver v5, its context API.
//
// NewDriverWithContext does no I/O (neo4j/driver_with_context.go:120-147).
// Acquiring a connection (and dialing it) is bounded by
// ConnectionAcquisitionTimeout, 1m by default, and SocketConnectTimeout, 5s
// (neo4j/config/driver.go:108-156, neo4j/config.go:45-47). Reading the
// server's answer has no timeout of the driver's own: connReadTimeout is
// -1 (internal/bolt/bolt3.go:119, bolt4.go:144, bolt5.go:155) unless the
// server sends the connection.recv_timeout_seconds hint
// (bolt5.go:1188-1203, dechunker.go:36-85), which its keep-alive settings
// decide. Whether a call with no deadline can wait forever thus depends on
// the server's configuration, which faultline cannot see: every entry is
// unknown.
var neo4jDriver = Library{
	Name:     "neo4j-go-driver",
	Paths:    []string{"github.com/neo4j/neo4j-go-driver/v5"},
	Versions: "v5.28.4 read",
	Engine:   "neo4j",
	Notes: "Every call takes the context first; the driver bounds acquiring a connection (1m) and dialing (5s) " +
		"but reads the answer with no timeout of its own unless the server sends a read-timeout hint, which " +
		"the server's keep-alive settings decide. faultline cannot see them, so it does not report these " +
		"calls for want of a deadline (WithTxTimeout is a server-side timeout; NewDriverWithContext does no I/O).",
	APIs: func() []API {
		const pkg = "github.com/neo4j/neo4j-go-driver/v5/neo4j"
		var t []API
		add := func(typ string, names ...string) {
			for _, n := range names {
				if typ == "" {
					t = append(t, unknown(fn(pkg, n, Bolt, 0)))
				} else {
					t = append(t, unknown(method(pkg, typ, n, Bolt, 0)))
				}
			}
		}
		// driver_with_context.go:51-106 (NewSession does no I/O).
		add("DriverWithContext", "VerifyConnectivity", "VerifyAuthentication", "GetServerInfo", "Close")
		// session_with_context.go:52-74.
		add("SessionWithContext", "BeginTransaction", "ExecuteRead", "ExecuteWrite", "Run", "Close")
		// transaction_with_context.go:27-48.
		add("ManagedTransaction", "Run")
		add("ExplicitTransaction", "Run", "Commit", "Rollback", "Close")
		// result_with_context.go:28-57.
		add("ResultWithContext", "NextRecord", "Next", "PeekRecord", "Peek", "Collect", "Records", "Single", "Consume")
		// driver_with_context.go:523, transaction_helpers.go:32-45,
		// result_helpers.go:29-114.
		add("", "ExecuteQuery", "ExecuteRead", "ExecuteWrite",
			"SingleTWithContext", "SingleWithContext", "CollectTWithContext", "CollectWithContext")
		return t
	}(),
	Addrs: []Addr{
		{Func: "github.com/neo4j/neo4j-go-driver/v5/neo4j.NewDriverWithContext", Arg: 0},
	},
}
