package catalog

func init() { register(&mongoDriver) }

// mongoDriver: the MongoDB Go driver, v1 and v2.
var mongoDriver = Library{
	Name:     "mongo-driver",
	Paths:    []string{"go.mongodb.org/mongo-driver"},
	Versions: "v1.17 (v1.17.10 read), v2 (v2.10.1 read)",
	Engine:   "mongodb",
	Notes: "Operations of a client, database, collection, cursor or index view take the context first and, " +
		"with no deadline, can wait forever: the socket timeout is none by default and there is no " +
		"operation timeout unless the client options set one (SetTimeout, or SetSocketTimeout in v1), " +
		"which faultline sees when the options are built where the client is. Connect does no I/O. " +
		"Change streams wait for events by design; Disconnect is not judged.",
	APIs: func() []API {
		var t []API
		for _, pkg := range []string{"go.mongodb.org/mongo-driver/mongo", "go.mongodb.org/mongo-driver/v2/mongo"} {
			for _, typ := range []string{"Client", "Database", "Collection", "Cursor", "IndexView", "SearchIndexView"} {
				t = append(t, wildcard(pkg, typ, Mongo))
			}
			for _, typ := range []string{"Client", "Database", "Collection"} {
				t = append(t, stream(method(pkg, typ, "Watch", Mongo, 0)))
			}
			t = append(t,
				consume(method(pkg, "ChangeStream", "Next", Mongo, 0)),
				consume(method(pkg, "ChangeStream", "TryNext", Mongo, 0)),
				unknown(method(pkg, "Client", "Disconnect", Mongo, 0)),
			)
		}
		// v1's two-step start, NewClient then Connect: Connect starts the
		// monitors in the background and waits on nothing the context
		// bounds (mongo/client.go Connect).
		t = append(t, bounded(method("go.mongodb.org/mongo-driver/mongo", "Client", "Connect", Mongo, 0)))
		return t
	}(),
	Addrs: []Addr{
		{Func: "(*go.mongodb.org/mongo-driver/mongo/options.ClientOptions).ApplyURI", Arg: 0},
		{Func: "(*go.mongodb.org/mongo-driver/mongo/options.ClientOptions).SetHosts", Arg: 0},
		{Func: "(*go.mongodb.org/mongo-driver/v2/mongo/options.ClientOptions).ApplyURI", Arg: 0},
		{Func: "(*go.mongodb.org/mongo-driver/v2/mongo/options.ClientOptions).SetHosts", Arg: 0},
	},
	Bounds: []string{
		"(*go.mongodb.org/mongo-driver/mongo/options.ClientOptions).SetTimeout",
		"(*go.mongodb.org/mongo-driver/mongo/options.ClientOptions).SetSocketTimeout",
		"(*go.mongodb.org/mongo-driver/v2/mongo/options.ClientOptions).SetTimeout",
	},
}
