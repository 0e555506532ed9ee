package catalog

func init() { register(&databaseSQL, &pgx) }

// databaseSQL: database/sql and the drivers behind it.
var databaseSQL = Library{
	Name:     "database/sql",
	Paths:    []string{"database/sql", "github.com/lib/pq", "github.com/go-sql-driver/mysql"},
	Versions: "Go 1.26; lib/pq v1.12.3, go-sql-driver/mysql v1.11.0",
	Notes: "The *Context methods are bounded by their context; the others (Query, Exec, Begin, Ping) only by " +
		"driver settings faultline cannot see (lib/pq connect_timeout, mysql timeout and readTimeout). " +
		"lib/pq and pgx cancel a transaction's statements when the BeginTx context ends; mysql does not.",
	APIs: func() []API {
		var t []API
		for _, typ := range []string{"DB", "Tx", "Conn", "Stmt"} {
			for _, m := range []string{"Query", "QueryRow", "Exec"} {
				if typ != "Conn" {
					t = append(t, twin(method("database/sql", typ, m, SQL, -1), m+"Context"))
				}
				t = append(t, method("database/sql", typ, m+"Context", SQL, 0))
			}
		}
		return append(t,
			twin(method("database/sql", "DB", "Ping", SQL, -1), "PingContext"),
			method("database/sql", "DB", "PingContext", SQL, 0),
			twin(method("database/sql", "DB", "Prepare", SQL, -1), "PrepareContext"),
			method("database/sql", "DB", "PrepareContext", SQL, 0),
			beginTx(method("database/sql", "DB", "Begin", SQL, -1), "BeginTx"),
			method("database/sql", "DB", "BeginTx", SQL, 0),
			method("database/sql", "DB", "Conn", SQL, 0),
			twin(method("database/sql", "Tx", "Prepare", SQL, -1), "PrepareContext"),
			method("database/sql", "Tx", "PrepareContext", SQL, 0),
			method("database/sql", "Tx", "Commit", SQL, -1), // no variant: the transaction's context bounds it
			method("database/sql", "Conn", "PingContext", SQL, 0),
			method("database/sql", "Conn", "PrepareContext", SQL, 0),
			method("database/sql", "Conn", "BeginTx", SQL, 0),
		)
	}(),
}

// beginTx names the variant of a context-less Begin: it takes the context
// and the transaction's options, nil for the driver's defaults
// (sql.go:1886-1888 in Go 1.26: Begin is BeginTx(context.Background(), nil)).
func beginTx(a API, name string) API { a.Twin = &Twin{Name: name, Tail: "nil"}; return a }

// pgx: jackc/pgx v4 and v5, natively (not through database/sql).
var pgx = Library{
	Name:     "pgx",
	Paths:    []string{"github.com/jackc/pgx/v5", "github.com/jackc/pgx/v4", "github.com/jackc/pgconn", "github.com/jackc/pgx"},
	Versions: "v4, v5 (v5.13.0 read)",
	Notes: "Every method of a connection, pool or transaction that takes a context first talks to the " +
		"database and is bounded by that context alone: with no connect_timeout in the DSN the dial has " +
		"no bound either. pgxpool.New connects in the background and ignores its context. " +
		"WaitForNotification waits for notifications by design.",
	APIs: func() []API {
		var t []API
		for _, pkg := range []string{"github.com/jackc/pgx/v5", "github.com/jackc/pgx/v4"} {
			t = append(t,
				wildcard(pkg, "Conn", SQL),
				wildcard(pkg, "Tx", SQL),
				consume(method(pkg, "Conn", "WaitForNotification", SQL, 0)),
				wildcard(pkg+"/pgxpool", "Pool", SQL),
				wildcard(pkg+"/pgxpool", "Conn", SQL),
				wildcard(pkg+"/pgxpool", "Tx", SQL),
			)
		}
		return t
	}(),
}
