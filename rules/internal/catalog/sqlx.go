package catalog

func init() { register(&sqlx) }

// sqlx: jmoiron/sqlx, a layer over database/sql. Its *DB, *Tx, *Conn and
// *Stmt embed database/sql's, whose promoted methods (QueryContext, Exec,
// Ping…) are database/sql's entries; these are the methods sqlx adds.
// sqlx has no timeout of its own: every call runs database/sql's with the
// context it is given (sqlx_context.go:16-413, named_context.go:18-130), or
// with none (sqlx.go:307-728, named.go:42-118).
var sqlx = Library{
	Name:     "sqlx",
	Paths:    []string{"github.com/jmoiron/sqlx"},
	Versions: "v1.4.0 read",
	Notes: "The *Context methods and functions (GetContext, SelectContext, NamedExecContext, BeginTxx…) are " +
		"bounded by their context alone; the others (Get, Select, NamedExec, Beginx, Connect…) take none and " +
		"are bounded only by driver settings faultline cannot see, as database/sql's. Methods promoted from " +
		"database/sql are its entries.",
	APIs: func() []API {
		const pkg = "github.com/jmoiron/sqlx"
		var t []API
		// Each context-less method or function has a variant named
		// after it with "Context" that takes the context first and the
		// same arguments after it, but for the transactions' (Beginx →
		// BeginTxx(ctx, nil), MustBegin → MustBeginTx(ctx, nil)) and
		// MustConnect, which has none, and (*Tx).NamedQuery, whose variant is the
		// package's NamedQueryContext.
		begins := map[string]string{"Beginx": "BeginTxx", "MustBegin": "MustBeginTx"}
		add := func(typ string, ctx int, names ...string) {
			for _, n := range names {
				var a API
				if typ == "" {
					a = fn(pkg, n, SQL, ctx)
				} else {
					a = method(pkg, typ, n, SQL, ctx)
				}
				switch {
				case ctx >= 0 || n == "MustConnect":
				case typ == "Tx" && n == "NamedQuery":
					// *Tx has no NamedQueryContext (named_context.go:116).
					a = advise(a, "sqlx.NamedQueryContext(ctx, tx, query, arg)")
				case begins[n] != "":
					a = beginTx(a, begins[n])
				default:
					a = twin(a, n+"Context")
				}
				t = append(t, a)
			}
		}
		// sqlx.go:307-378, sqlx_context.go:122-213.
		add("DB", -1, "NamedQuery", "NamedExec", "Select", "Get", "MustBegin", "Beginx", "Queryx", "QueryRowx",
			"MustExec", "Preparex", "PrepareNamed")
		add("DB", 0, "PrepareNamedContext", "NamedQueryContext", "NamedExecContext", "SelectContext", "GetContext",
			"PreparexContext", "QueryxContext", "QueryRowxContext", "MustBeginTx", "MustExecContext", "BeginTxx", "Connx")
		// sqlx.go:421-499, sqlx_context.go:311-358.
		add("Tx", -1, "NamedQuery", "NamedExec", "Select", "Queryx", "QueryRowx", "Get", "MustExec", "Preparex",
			"PrepareNamed")
		add("Tx", 0, "PreparexContext", "PrepareNamedContext", "MustExecContext", "QueryxContext", "SelectContext",
			"GetContext", "QueryRowxContext", "NamedExecContext")
		// sqlx_context.go:229-270.
		add("Conn", 0, "BeginTxx", "SelectContext", "GetContext", "PreparexContext", "QueryxContext", "QueryRowxContext")
		// sqlx.go:518-545, sqlx_context.go:364-391.
		add("Stmt", -1, "Select", "Get", "MustExec", "QueryRowx", "Queryx")
		add("Stmt", 0, "SelectContext", "GetContext", "MustExecContext", "QueryRowxContext", "QueryxContext")
		// named.go:42-118, named_context.go:37-110.
		add("NamedStmt", -1, "Exec", "Query", "QueryRow", "MustExec", "Queryx", "QueryRowx", "Select", "Get")
		add("NamedStmt", 0, "ExecContext", "QueryContext", "QueryRowContext", "MustExecContext", "QueryxContext",
			"QueryRowxContext", "SelectContext", "GetContext")
		// The package's functions: Connect pings with no context
		// (sqlx.go:640-660, 663-728; named.go:441-459;
		// sqlx_context.go:16-122; named_context.go:116-130).
		add("", -1, "Connect", "MustConnect", "Preparex", "Select", "Get", "LoadFile", "MustExec", "NamedQuery",
			"NamedExec")
		add("", 0, "ConnectContext", "SelectContext", "PreparexContext", "GetContext", "LoadFileContext",
			"MustExecContext", "NamedQueryContext", "NamedExecContext")
		return t
	}(),
	// Open, MustOpen, Connect and MustConnect take (driverName, dsn);
	// ConnectContext (ctx, driverName, dsn) (sqlx.go:264-280,640-660;
	// sqlx_context.go:16).
	Addrs: []Addr{
		{Func: "github.com/jmoiron/sqlx.Open", Arg: 1, Driver: true},
		{Func: "github.com/jmoiron/sqlx.MustOpen", Arg: 1, Driver: true},
		{Func: "github.com/jmoiron/sqlx.Connect", Arg: 1, Driver: true},
		{Func: "github.com/jmoiron/sqlx.MustConnect", Arg: 1, Driver: true},
		{Func: "github.com/jmoiron/sqlx.ConnectContext", Arg: 2, Driver: true},
	},
}
