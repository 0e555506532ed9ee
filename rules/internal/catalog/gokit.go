package catalog

func init() { register(&goKit) }

// goKit: go-kit/kit. Its clients are endpoint.Endpoint function values,
// built by (transport/http.Client).Endpoint() and
// (transport/grpc.Client).Endpoint() and called by the user as
// ep(ctx, request): the remote call is a call of a function value, which
// the catalogue cannot name (it matches functions and methods). An entry
// for Endpoint itself would mark the building of the endpoint, which does
// no I/O, as the remote call, with no context to judge; so there is none.
// The breakers and retries go-kit builds (circuitbreaker.Gobreaker,
// Hystrix, HandyBreaker, sd/lb.Retry) are in the protection table.
var goKit = Library{
	Name:     "go-kit",
	Paths:    []string{"github.com/go-kit/kit"},
	Versions: "v0.13 (v0.13.0 read)",
	Notes: "A client is an endpoint function built by the HTTP or gRPC transport's Client.Endpoint() and called " +
		"as ep(ctx, request): its context bounds it, and for HTTP the http.Client given with SetClient " +
		"(http.DefaultClient, with no Timeout, by default). faultline does not follow calls of endpoint " +
		"values: they are neither judged nor drawn in the system graph; httptimeout reports a SetClient " +
		"given an http.Client with no Timeout.",
}
