package catalog

func init() { register(&grpcGateway) }

// grpcGateway: grpc-ecosystem/grpc-gateway v2's runtime, which the
// generated gateways in the user's module call. The gateway's calls are
// those of the generated gRPC client it is registered on (grpc-go), made
// from handlers of the generated code.
var grpcGateway = Library{
	Name:     "grpc-gateway",
	Paths:    []string{"github.com/grpc-ecosystem/grpc-gateway/v2"},
	Versions: "v2.x (v2.34.0 read)",
	Notes: "A generated gateway (Register<Service>HandlerClient, Handler, HandlerFromEndpoint) forwards each HTTP " +
		"request to the gRPC client under the request's context, with a deadline only when the request carries " +
		"a Grpc-Timeout header or runtime.DefaultContextTimeout is set (zero by default). The handlers are " +
		"generated code with the gateway's own signature: faultline neither judges their calls nor draws the " +
		"gateway's edge to the gRPC service.",
}
