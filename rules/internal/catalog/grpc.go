package catalog

func init() { register(&grpcGo) }

// grpcGo: google.golang.org/grpc clients. Generated stubs call Invoke and
// NewStream on the connection.
var grpcGo = Library{
	Name:     "grpc-go",
	Paths:    []string{"google.golang.org/grpc"},
	Versions: "v1.x (v1.85.0 read)",
	Notes: "A call has no deadline of its own: its context bounds it, or a timeout in the service config or " +
		"an interceptor. NewClient does no I/O; Dial and DialContext block only with WithBlock. " +
		"keepalive.ClientParameters detect dead peers and bound no call.",
	APIs: []API{
		method("google.golang.org/grpc", "ClientConnInterface", "Invoke", GRPC, 0),
		stream(method("google.golang.org/grpc", "ClientConnInterface", "NewStream", GRPC, 0)),
		method("google.golang.org/grpc", "ClientConn", "Invoke", GRPC, 0),
		stream(method("google.golang.org/grpc", "ClientConn", "NewStream", GRPC, 0)),
		fn("google.golang.org/grpc", "Invoke", GRPC, 0),
		stream(fn("google.golang.org/grpc", "NewClientStream", GRPC, 0)),
	},
}
