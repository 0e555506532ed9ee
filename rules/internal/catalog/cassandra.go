package catalog

func init() { register(&gocql) }

// gocql: the Cassandra driver, gocql/gocql v1 and its successor
// apache/cassandra-gocql-driver v2.
//
// NewCluster sets Timeout (11s) and ConnectTimeout (11s)
// (gocql@v1.7.0 cluster.go:277-295; v2.1.2 cluster.go:350-374). Every
// request a query, a batch or a session's setup makes waits for its
// response at most Timeout, whatever its context (gocql@v1.7.0
// conn.go:327,1117-1132,1165-1168; v2.1.2 conn.go:317,1334-1349,1397-1401),
// and connection setup at most ConnectTimeout (v1.7.0 conn.go:322; v2.1.2
// conn.go:283): every entry is bounded by the library itself. A query's
// context (WithContext, or v2's *Context methods) can only cut that
// shorter. The next pages an Iter fetches are requests like the first,
// bounded alike; Iter's methods are not listed, the call that made the
// Iter is the call site.
var gocql = Library{
	Name:     "gocql",
	Paths:    []string{"github.com/gocql/gocql", "github.com/apache/cassandra-gocql-driver/v2"},
	Versions: "gocql v1.7.0; apache/cassandra-gocql-driver v2.1.2",
	Engine:   "cassandra",
	Notes: "A cluster made by NewCluster bounds every request of a query or batch with its Timeout (11s by " +
		"default) and connection setup with ConnectTimeout (11s), whatever the context: faultline does " +
		"not report these calls for want of a deadline. It does not see a ClusterConfig built by hand or " +
		"with Timeout set to 0, which leaves requests bounded by their context alone (WithContext, or " +
		"v2's ExecContext, IterContext, ScanContext).",
	APIs: func() []API {
		var t []API
		for _, pkg := range []string{"github.com/gocql/gocql", "github.com/apache/cassandra-gocql-driver/v2"} {
			// The context of a query without one of its own is the
			// one WithContext set (v1.7.0 session.go:1099-1103,1309-1321;
			// v2.1.2 session.go:1231-1235,1386-1388).
			// A query given no context runs with none: the caller's
			// cancellation does not reach it (ctxdeadline's
			// dropped-context; the Timeout still bounds each request).
			for _, m := range []string{"Exec", "Iter", "Scan", "MapScan", "ScanCAS", "MapScanCAS"} {
				a := bounded(method(pkg, "Query", m, CQL, -1))
				a.CtxFrom = "WithContext"
				a.Twin = &Twin{Name: "WithContext", Chain: true}
				t = append(t, a)
			}
			t = append(t,
				bounded(method(pkg, "Session", "ExecuteBatch", CQL, -1)),
				bounded(method(pkg, "Session", "ExecuteBatchCAS", CQL, -1)),
				bounded(method(pkg, "Session", "MapExecuteBatchCAS", CQL, -1)),
				// Polls the peers until MaxWaitSchemaAgreement (60s), each
				// query bounded by Timeout (v1.7.0 conn.go:1689-1698).
				bounded(method(pkg, "Session", "AwaitSchemaAgreement", CQL, 0)),
				// Dials every host eagerly, bounded by ConnectTimeout
				// (v1.7.0 cluster.go:308, session.go:199-204).
				bounded(method(pkg, "ClusterConfig", "CreateSession", CQL, -1)),
				bounded(fn(pkg, "NewSession", CQL, -1)),
			)
		}
		v2 := "github.com/apache/cassandra-gocql-driver/v2"
		for _, m := range []string{"ExecContext", "IterContext", "ScanContext", "MapScanContext", "ScanCASContext", "MapScanCASContext"} {
			t = append(t, bounded(method(v2, "Query", m, CQL, 0))) // session.go:1372-1530
		}
		// v2 batches execute themselves (session.go:829-945).
		for _, m := range []string{"Exec", "Iter", "ExecCAS", "MapExecCAS"} {
			a := bounded(method(v2, "Batch", m, CQL, -1))
			a.CtxFrom = "WithContext" // session.go:2125
			a.Twin = &Twin{Name: "WithContext", Chain: true}
			t = append(t, a, bounded(method(v2, "Batch", m+"Context", CQL, 0)))
		}
		return t
	}(),
	Addrs: []Addr{
		{Func: "github.com/gocql/gocql.NewCluster", Arg: -1},
		{Func: "github.com/apache/cassandra-gocql-driver/v2.NewCluster", Arg: -1},
	},
}
