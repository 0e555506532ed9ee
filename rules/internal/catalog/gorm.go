package catalog

func init() { register(&gorm) }

// gorm: gorm.io/gorm and its PostgreSQL dialector.
//
// A *gorm.DB's finishers take no context: they run database/sql's
// *Context calls with the statement's context (callbacks/query.go:19),
// context.Background() unless WithContext set one (gorm.go:235-240,
// 363-365). The generic API (gorm.G[T](db)…, generics.go:38-124) takes
// the context as the finisher's first argument and sets it on the
// statement (generics.go:173-177). gorm has no timeout of its own.
var gorm = Library{
	Name:     "gorm",
	Paths:    []string{"gorm.io/gorm", "gorm.io/driver/postgres"},
	Versions: "gorm v1.31.2, driver/postgres v1.6.3 read",
	Notes: "Finishers (Find, First, Create, Save, Exec, Transaction…) take no context and run with the one " +
		"WithContext set, or context.Background(); faultline judges the nearest WithContext on the call's " +
		"chain and is silent where it finds none (no WithContext, a *gorm.DB from a field or a parameter, or " +
		"a context given through Session(&gorm.Session{Context: ctx})). The generic API (gorm.G[T]) takes " +
		"the context first. Addresses are read from the PostgreSQL dialector only (postgres.Open, postgres.New).",
	APIs: func() []API {
		const pkg = "gorm.io/gorm"
		var t []API
		ctxFrom := func(a API) API {
			a.CtxFrom = "WithContext"
			a.Twin = &Twin{Name: "WithContext", Chain: true}
			return a
		}
		// finisher_api.go:19-784, migrator.go:23.
		for _, m := range []string{
			"Create", "CreateInBatches", "Save", "First", "Take", "Last", "Find", "FindInBatches",
			"FirstOrInit", "FirstOrCreate", "Update", "Updates", "UpdateColumn", "UpdateColumns", "Delete",
			"Count", "Row", "Rows", "Scan", "Pluck", "Connection", "Transaction", "Begin", "Commit",
			"Rollback", "SavePoint", "RollbackTo", "Exec", "AutoMigrate",
		} {
			t = append(t, ctxFrom(method(pkg, "DB", m, SQL, -1)))
		}
		// association.go:51-371: db.Model(&u).Association("Orders").Find(&o).
		for _, m := range []string{"Find", "Append", "Replace", "Delete", "Clear", "Count"} {
			t = append(t, ctxFrom(method(pkg, "Association", m, SQL, -1)))
		}
		for _, typ := range []string{
			"Interface", "CreateInterface", "ChainInterface", "ExecInterface",
			"SetUpdateOnlyInterface", "SetCreateOrUpdateInterface",
		} {
			t = append(t, wildcard(pkg, typ, SQL))
		}
		// gorm.Open pings the database with no context unless
		// DisableAutomaticPing (gorm.go:242-250); it is left out until the
		// call sites of a package-level function follow its arguments
		// (the dialector) to their evidence.
		return t
	}(),
	// gorm.Open(dialector) is followed to the dialector's constructor:
	// postgres.Open(dsn) and postgres.New(postgres.Config{DSN: dsn})
	// (driver/postgres@v1.6.3 postgres.go:27-48), which reach PostgreSQL.
	// The mysql, sqlite and sqlserver dialectors are not in the fixtures
	// module and were not read: a database opened with them gives no
	// evidence.
	Addrs: []Addr{
		{Func: "gorm.io/driver/postgres.Open", Arg: 0, Engine: "postgres"},
		{Func: "gorm.io/driver/postgres.New", Arg: 0, Fields: []string{"DSN"}, Engine: "postgres"},
	},
}
