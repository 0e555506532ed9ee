package catalog

func init() { register(&etcdClient) }

// etcdClient: the etcd v3 client (go.etcd.io/etcd/client/v3). Every call
// takes the context first and nothing else bounds it: the default call
// options wait for the connection to be ready (WaitForReady(true)) and
// retry unary calls up to 100 times (options.go:29,45,62-66;
// client.go:247-271). Since 3.7, New does not block (grpc.NewClient,
// client.go:318-328) and DialTimeout no longer bounds connecting: it
// bounds only the token fetch and version check (config.go:36-44;
// client.go:464-470).
var etcdClient = Library{
	Name:     "etcd client v3",
	Paths:    []string{"go.etcd.io/etcd/client/v3"},
	Versions: "v3.7.3 read",
	Engine:   "etcd",
	Notes: "KV, lease, cluster, maintenance and auth calls take the context first and, with no deadline, can wait " +
		"forever: calls wait for a ready connection and are retried, and DialTimeout does not bound them " +
		"(in 3.7 not even connecting). A transaction's Commit is bounded by the context given to Txn. Watch, " +
		"KeepAlive and Snapshot are streams; the concurrency, namespace and naming packages are not modelled.",
	APIs: func() []API {
		const pkg = "go.etcd.io/etcd/client/v3"
		t := []API{
			method(pkg, "KV", "Put", Etcd, 0),
			method(pkg, "KV", "Get", Etcd, 0),
			method(pkg, "KV", "GetStream", Etcd, 0),
			method(pkg, "KV", "Delete", Etcd, 0),
			method(pkg, "KV", "Compact", Etcd, 0),
			method(pkg, "KV", "Do", Etcd, 0),
			// KV.Txn(ctx) only builds the transaction; Commit sends it,
			// with the context Txn was given (txn.go:138-151; kv.go:205-211).
			{Pkg: pkg, Type: "Txn", Name: "Commit", Kind: Etcd, Ctx: -1, Req: -1, CtxFrom: "Txn"},

			wildcard(pkg, "Lease", Etcd),
			stream(method(pkg, "Lease", "KeepAlive", Etcd, 0)),
			wildcard(pkg, "Watcher", Etcd),
			stream(method(pkg, "Watcher", "Watch", Etcd, 0)),
			wildcard(pkg, "Cluster", Etcd),
			wildcard(pkg, "Maintenance", Etcd),
			stream(method(pkg, "Maintenance", "Snapshot", Etcd, 0)),
			stream(method(pkg, "Maintenance", "SnapshotWithVersion", Etcd, 0)),
			wildcard(pkg, "Auth", Etcd),
			method(pkg, "Client", "Sync", Etcd, 0),
		}
		return t
	}(),
	Addrs: []Addr{
		{Func: "go.etcd.io/etcd/client/v3.New", Arg: 0, Fields: []string{"Endpoints"}},
		{Func: "go.etcd.io/etcd/client/v3.NewFromURL", Arg: 0},
		{Func: "go.etcd.io/etcd/client/v3.NewFromURLs", Arg: 0},
	},
}
