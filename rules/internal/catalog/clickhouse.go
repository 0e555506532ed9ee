package catalog

func init() { register(&clickhouseGo) }

// clickhouseGo: ClickHouse/clickhouse-go v2, its native API (driver.Conn).
//
// Open builds a pool and dials nothing (clickhouse.go:73-101). Each call
// acquires a connection within DialTimeout, 30s by default
// (clickhouse.go:335-340, clickhouse_options.go:570-575), then, over the
// native protocol (the default), reads the server's answer under a read
// deadline of ReadTimeout, 300s by default, set when the driver starts
// reading (clickhouse_options.go:576-578; conn.go:469-483;
// conn_process.go:57-62,131-136; conn_exec.go:19-26; conn_ping.go:14-21):
// bounded by the library, with no context deadline. Over HTTP, ReadTimeout
// is only the transport's ResponseHeaderTimeout (conn_http.go:246-255) and
// the first block of a query's body is read with no deadline
// (conn_http_query.go:63-97): faultline does not tell the protocols apart.
var clickhouseGo = Library{
	Name:     "clickhouse-go",
	Paths:    []string{"github.com/ClickHouse/clickhouse-go/v2"},
	Versions: "v2.51.0 read",
	Engine:   "clickhouse",
	Notes: "Over the native protocol (the default) every call of a driver.Conn is bounded by the library: a " +
		"connection is acquired within DialTimeout (30s) and the answer is read under a ReadTimeout deadline " +
		"(300s by default: a long bound, but a bound), so faultline does not report them. It does not see " +
		"Protocol: clickhouse.HTTP, where ReadTimeout bounds only the response headers, nor judge Batch.Send, " +
		"which writes its rows with no deadline but PrepareBatch's context. OpenDB's calls are database/sql's.",
	APIs: func() []API {
		const drv = "github.com/ClickHouse/clickhouse-go/v2/lib/driver"
		var t []API
		// lib/driver/driver.go:54-128; clickhouse.go:173-266, scan.go:61.
		for _, m := range []string{"Select", "Query", "QueryRow", "PrepareBatch", "Exec", "AsyncInsert", "Ping"} {
			t = append(t, bounded(method(drv, "Conn", m, SQL, 0)))
		}
		// HTTP only, experimental (format.go:57-84): a request whose body
		// or answer the transport does not bound.
		t = append(t,
			unknown(method(drv, "Conn", "QueryFormat", SQL, 0)),
			unknown(method(drv, "Conn", "InsertFormat", SQL, 0)),
		)
		// Send and Flush write the rows with no write deadline; only the
		// context given to PrepareBatch interrupts them (conn_batch.go:
		// 204-300), and the answer is read under ReadTimeout.
		for _, m := range []string{"Send", "Flush"} {
			a := unknown(method(drv, "Batch", m, SQL, -1))
			a.CtxFrom = "PrepareBatch"
			t = append(t, a)
		}
		return t
	}(),
	// Options.Addr lists the hosts (clickhouse_options.go:142); ParseDSN
	// reads them from a DSN (clickhouse_options.go:122-128,224-236).
	Addrs: []Addr{
		{Func: "github.com/ClickHouse/clickhouse-go/v2.Open", Arg: 0, Fields: []string{"Addr"}},
		{Func: "github.com/ClickHouse/clickhouse-go/v2.OpenDB", Arg: 0, Fields: []string{"Addr"}, Engine: "clickhouse"},
		{Func: "github.com/ClickHouse/clickhouse-go/v2.ParseDSN", Arg: 0},
	},
}
