package catalog

func init() { register(&connectGo) }

// connectGo: connectrpc.com/connect (Connect, gRPC and gRPC-Web over
// net/http). Generated clients in the user's module build one
// *connect.Client per procedure with NewClient(httpClient, baseURL+procedure)
// and call CallUnary or open a stream on it.
//
// The calls are HTTP: each is a POST (or GET) sent through the
// connect.HTTPClient given to NewClient (an *http.Client), whatever the
// protocol option, and the address is an HTTP URL.
var connectGo = Library{
	Name:     "connect-go",
	Paths:    []string{"connectrpc.com/connect"},
	Versions: "v1.x (v1.21.1 read)",
	Notes: "A call is bounded by its context, whose deadline is sent to the server, or by the Timeout of the " +
		"http.Client given to NewClient, which faultline does not read: a client built on one may be reported " +
		"all the same. NewClient does no I/O; streams stay open as long as their context and are not judged. " +
		"A generated client's calls are judged through its methods, but made in generated code they are not " +
		"drawn in the system graph.",
	APIs: []API{
		method("connectrpc.com/connect", "Client", "CallUnary", HTTP, 0),
		stream(method("connectrpc.com/connect", "Client", "CallClientStream", HTTP, 0)),
		stream(method("connectrpc.com/connect", "Client", "CallClientStreamSimple", HTTP, 0)),
		stream(method("connectrpc.com/connect", "Client", "CallServerStream", HTTP, 0)),
		stream(method("connectrpc.com/connect", "Client", "CallBidiStream", HTTP, 0)),
		stream(method("connectrpc.com/connect", "Client", "CallBidiStreamSimple", HTTP, 0)),
	},
	Addrs: []Addr{
		// NewClient(httpClient, url, options...): the procedure's URL,
		// baseURL + "/pkg.Service/Method" in generated code.
		{Func: "connectrpc.com/connect.NewClient", Arg: 1},
	},
}
