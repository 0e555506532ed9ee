package catalog

func init() { register(&twirpRuntime) }

// twirpRuntime: twitchtv/twirp's runtime, which the generated clients and
// servers in the user's module call. It makes no remote call of its own;
// the generated clients send their requests through the HTTPClient
// interface the generated code declares (Do(*http.Request)).
var twirpRuntime = Library{
	Name:     "twirp",
	Paths:    []string{"github.com/twitchtv/twirp"},
	Versions: "v8.x (v8.1.3 read)",
	Notes: "Generated clients (New<Service>ProtobufClient and JSONClient(baseURL, client)) send each request " +
		"with the caller's context through the HTTPClient they are given; nothing else bounds it but that " +
		"client's Timeout. They send through an interface the generated code declares, which faultline does " +
		"not model: their calls are neither judged nor drawn in the system graph.",
}
