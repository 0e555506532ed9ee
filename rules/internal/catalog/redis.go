package catalog

func init() { register(&goRedis) }

// GoRedis is the go-redis family: its client's socket timeouts bound a
// command unless the options disable them, which ctxdeadline checks.
var GoRedis = &goRedis

// goRedis: go-redis v8 and v9.
var goRedis = Library{
	Name:     "go-redis",
	Paths:    []string{"github.com/redis/go-redis/v9", "github.com/go-redis/redis/v8"},
	Versions: "v8.11.5, v9.x (v9.24.0 read)",
	Notes: "Every command takes the context first. The client's socket timeouts bound each command by " +
		"default (dial 5s, read 3s in v8 and 5s in v9, write as read); -1 disables them. v9 ignores the " +
		"context's deadline for I/O unless ContextTimeoutEnabled is set.",
	APIs: func() []API {
		var t []API
		for _, pkg := range []string{"github.com/redis/go-redis/v9", "github.com/go-redis/redis/v8"} {
			for _, typ := range []string{"cmdable", "statefulCmdable", "Cmdable", "StatefulCmdable", "UniversalClient", "Pipeliner"} {
				t = append(t, wildcard(pkg, typ, Redis))
			}
			t = append(t,
				method(pkg, "Client", "Do", Redis, 0),
				method(pkg, "Client", "Process", Redis, 0),
				method(pkg, "ClusterClient", "Do", Redis, 0),
				method(pkg, "ClusterClient", "Process", Redis, 0),
				method(pkg, "Pipeline", "Exec", Redis, 0),
			)
		}
		return t
	}(),
}
