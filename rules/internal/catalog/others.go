package catalog

func init() { register(&protection, &plumbing) }

// Libraries whose code faultline does not read and that make no remote
// call of their own: the protection libraries (their breakers, retriers
// and timeouts are in faultline's protection table), the plumbing of
// generated code, and the extended standard library.

var protection = Library{
	Name: "breakers and retriers",
	Paths: []string{
		"github.com/sony/gobreaker", "github.com/afex/hystrix-go", "github.com/cep21/circuit",
		"github.com/failsafe-go/failsafe-go", "github.com/eapache/go-resiliency",
		"github.com/mercari/go-circuitbreaker", "github.com/rubyist/circuitbreaker", "github.com/slok/goresilience",
		"github.com/cenkalti/backoff", "github.com/avast/retry-go", "github.com/sethvargo/go-retry",
		"github.com/grpc-ecosystem/go-grpc-middleware",
	},
	Versions: "see the rules nobreaker, retrybackoff and retrybound",
	Notes: "Circuit breakers, retriers, timeouts and interceptors that protect the calls made through them; " +
		"faultline knows their APIs and reads the policies built with them.",
}

var plumbing = Library{
	Name: "protobuf and golang.org/x",
	Paths: []string{
		"google.golang.org/protobuf", "google.golang.org/genproto", "github.com/golang/protobuf",
		"golang.org/x/net", "golang.org/x/sys", "golang.org/x/text", "golang.org/x/sync", "golang.org/x/crypto",
	},
	Versions: "any",
	Notes:    "Generated-code plumbing and the extended standard library: no remote call of their own that a service makes through them.",
}
