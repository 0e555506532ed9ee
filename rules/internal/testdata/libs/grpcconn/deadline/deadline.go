// Package deadline holds ctxdeadline's cases for gRPC connections built
// from options as values: WaitForReady as a default call option or per
// call (the message says the call waits for the server to become ready,
// and names where WaitForReady was set: see TestLibrariesGRPCConn), the
// timeouts of a service config, keep-alive parameters, and interceptor
// chains.
package deadline

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	grpc_middleware "github.com/grpc-ecosystem/go-grpc-middleware"
	grpc_retry "github.com/grpc-ecosystem/go-grpc-middleware/retry"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/timeout"
	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"example.com/libs/grpcconn/legacypb"
	"example.com/libs/grpcconn/pb"
	"example.com/libs/grpcconn/platform"
)

var (
	target = os.Getenv("PAYMENTS_ADDR")
	in     = wrapperspb.String("order-1")
)

// --- WaitForReady ----------------------------------------------------------

// A default call option of the connection.
func DefaultWaitForReady() {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultCallOptions(grpc.WaitForReady(true)))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in) // want `context.Background\(\) reaches \(pb.PaymentsClient\).Charge → \(grpc.ClientConnInterface\).Invoke, which waits for the server to become ready with no deadline`
}

// Built in a slice, appended per environment.
func DefaultWaitForReadySlice(prod bool) {
	opts := []grpc.DialOption{grpc.WithKeepaliveParams(keepalive.ClientParameters{Time: time.Minute})}
	if prod {
		opts = append(opts, grpc.WithDefaultCallOptions(grpc.WaitForReady(true)))
	}
	conn, _ := grpc.NewClient(target, opts...)
	c := pb.NewPaymentsClient(conn)
	c.Charge(context.Background(), in) // want `waits for the server to become ready with no deadline`
}

// From another package: an option, and a whole connection.
func CrossPackageOption() {
	conn, _ := grpc.NewClient(target, platform.WaitForReady())
	pb.NewPaymentsClient(conn).Charge(context.TODO(), in) // want `context.TODO\(\) reaches .* waits for the server to become ready with no deadline`
}

func CrossPackageConn() {
	conn, _ := platform.Dial(target)
	pb.NewPaymentsClient(conn).Refund(context.Background(), in) // want `waits for the server to become ready with no deadline`
}

// Per call, as an argument and as a slice from another package.
func PerCall() {
	conn, _ := grpc.NewClient(target)
	c := pb.NewPaymentsClient(conn)
	c.Charge(context.Background(), in, grpc.WaitForReady(true)) // want `waits for the server to become ready with no deadline`
}

func PerCallSlice() {
	conn, _ := grpc.NewClient(target)
	c := pb.NewPaymentsClient(conn)
	c.Refund(context.Background(), in, platform.CallOptions()...) // want `waits for the server to become ready with no deadline`
}

// Per call, in a slice of this package appended to.
func PerCallLocalSlice(urgent bool) {
	conn, _ := grpc.NewClient(target)
	var opts []grpc.CallOption
	if urgent {
		opts = append(opts, grpc.WaitForReady(true))
	}
	pb.NewPaymentsClient(conn).Charge(context.Background(), in, opts...) // want `waits for the server to become ready with no deadline`
}

// A connection held in a struct field.
type payer struct{ client pb.PaymentsClient }

func newPayer() *payer {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultCallOptions(grpc.WaitForReady(true)))
	return &payer{client: pb.NewPaymentsClient(conn)}
}

func (p *payer) pay() {
	p.client.Charge(context.Background(), in) // want `waits for the server to become ready with no deadline`
}

func UsePayer() { newPayer().pay() }

// The service config's waitForReady, for the method called.
const readyConfig = `{"methodConfig": [{"name": [{"service": "shop.ledger.v1.Ledger", "method": "Post"}], "waitForReady": true}]}`

func ServiceConfigWaitForReady() {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(readyConfig))
	legacypb.NewLedgerClient(conn).Post(context.Background(), in) // want `waits for the server to become ready with no deadline`
}

// Safe twins: a deadline bounds the wait.
func WaitForReadyBounded() {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultCallOptions(grpc.WaitForReady(true)))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	pb.NewPaymentsClient(conn).Charge(ctx, in)
	pb.NewPaymentsClient(conn).Refund(ctx, in, grpc.WaitForReady(true))
}

// Traps: WaitForReady(false) per call turns the default off, and the
// service config's waitForReady names another method. The calls still
// have no deadline: reported, without WaitForReady.
func WaitForReadyOff() {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultCallOptions(grpc.WaitForReady(true)))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in, grpc.WaitForReady(false)) // want `context.Background\(\) reaches \(pb.PaymentsClient\).Charge → \(grpc.ClientConnInterface\).Invoke with no deadline: gRPC has no default deadline`
}

func ServiceConfigWaitForReadyOther() {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(readyConfig))
	legacypb.NewLedgerClient(conn).Audit(context.Background(), in) // want `context.Background\(\) reaches \(legacypb.LedgerClient\).Audit → \(grpc.ClientConnInterface\).Invoke with no deadline: gRPC has no default deadline`
}

// --- service config ----------------------------------------------------------

// Every method of the service (a name with no method).
const paymentsTimeout = `{"methodConfig": [{"name": [{"service": "shop.pay.v1.Payments"}], "timeout": "1.5s"}]}`

func ServiceTimeout() {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(paymentsTimeout))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in)
}

// Every method of every service (an empty name).
func WildcardTimeout() {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(`{"methodConfig": [{"name": [{}], "timeout": "1s"}]}`))
	legacypb.NewLedgerClient(conn).Audit(context.Background(), in)
}

// One method: the other is not bounded.
const chargeTimeout = `{"methodConfig": [{"name": [{"service": "shop.pay.v1.Payments", "method": "Charge"}], "timeout": "1s"}]}`

func MethodTimeout() {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(chargeTimeout))
	c := pb.NewPaymentsClient(conn)
	c.Charge(context.Background(), in)
	c.Refund(context.Background(), in) // want `context.Background\(\) reaches \(pb.PaymentsClient\).Refund → \(grpc.ClientConnInterface\).Invoke with no deadline`
}

// A timeout bounds WaitForReady too.
func WaitForReadyWithTimeout() {
	conn, _ := grpc.NewClient(target,
		grpc.WithDefaultCallOptions(grpc.WaitForReady(true)),
		grpc.WithDefaultServiceConfig(paymentsTimeout))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in)
}

// Built with fmt.Sprintf from constants, and from another package.
const service = "shop.pay.v1.Payments"

func SprintfConfig() {
	sc := fmt.Sprintf(`{"methodConfig": [{"name": [{"service": %q}], "timeout": "%ds"}]}`, service, 2)
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(sc))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in)
}

func CrossPackageConfig() {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(platform.PaymentsConfig))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in)
	conn2, _ := grpc.NewClient(target, platform.ServiceConfig())
	pb.NewPaymentsClient(conn2).Refund(context.Background(), in)
}

// A config read from a flag or a file may bound the calls: silent.
var serviceConfig = flag.String("grpc-service-config", "", "the default service config")

func FlagConfig() {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(*serviceConfig))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in)
}

func FileConfig() {
	js, _ := os.ReadFile("service_config.json")
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(string(js)))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in)
}

// Traps: a method config with no name applies to no method; a timeout for
// another service; a retry policy is no timeout.
func NamelessTimeout() {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(`{"methodConfig": [{"timeout": "1s"}]}`))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in) // want `context.Background\(\) reaches \(pb.PaymentsClient\).Charge`
}

func OtherServiceTimeout() {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(`{"methodConfig": [{"name": [{"service": "shop.ledger.v1.Ledger"}], "timeout": "1s"}]}`))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in) // want `context.Background\(\) reaches \(pb.PaymentsClient\).Charge`
}

const retryOnly = `{"methodConfig": [{"name": [{"service": "shop.pay.v1.Payments"}],
  "retryPolicy": {"maxAttempts": 3, "initialBackoff": "0.1s", "maxBackoff": "1s", "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE"]}}]}`

func RetryPolicyOnly() {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(retryOnly))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in) // want `context.Background\(\) reaches \(pb.PaymentsClient\).Charge`
}

// The retryPolicy of another package's options: no timeout either.
func CrossPackageRetryOnly() {
	conn, _ := grpc.NewClient(target, platform.RetryOptions()...)
	pb.NewPaymentsClient(conn).Charge(context.Background(), in) // want `context.Background\(\) reaches \(pb.PaymentsClient\).Charge → \(grpc.ClientConnInterface\).Invoke with no deadline`
}

// --- keep-alive ----------------------------------------------------------------

// Keep-alive parameters detect a dead connection; they bound no call.
func Keepalive() {
	conn, _ := grpc.NewClient(target, grpc.WithKeepaliveParams(keepalive.ClientParameters{Time: 10 * time.Second, Timeout: 5 * time.Second, PermitWithoutStream: true}))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in) // want `context.Background\(\) reaches \(pb.PaymentsClient\).Charge → \(grpc.ClientConnInterface\).Invoke with no deadline: gRPC has no default deadline`
}

// --- interceptor chains ----------------------------------------------------------

// A timeout anywhere in grpc.WithChainUnaryInterceptor.
func ChainTimeout() {
	conn, _ := grpc.NewClient(target, grpc.WithChainUnaryInterceptor(platform.Logging, platform.Logging, timeout.UnaryClientInterceptor(time.Second)))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in)
}

// A chain helper of this package.
func chain(ics ...grpc.UnaryClientInterceptor) grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		next := invoker
		for i := len(ics) - 1; i >= 0; i-- {
			ic, inner := ics[i], next
			next = func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, opts ...grpc.CallOption) error {
				return ic(ctx, method, req, reply, cc, inner, opts...)
			}
		}
		return next(ctx, method, req, reply, cc, opts...)
	}
}

func LocalChain() {
	conn, _ := grpc.NewClient(target, grpc.WithUnaryInterceptor(chain(platform.Logging, timeout.UnaryClientInterceptor(time.Second))))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in)
}

// The chain helper of another package, with a timeout interceptor it
// returns.
func CrossPackageChain() {
	conn, _ := grpc.NewClient(target, grpc.WithUnaryInterceptor(platform.Chain(platform.Logging, platform.Timeouts())))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in)
	conn2, _ := platform.DialBounded(target)
	pb.NewPaymentsClient(conn2).Charge(context.Background(), in)
}

// go-grpc-middleware v1's chain.
func MiddlewareChain() {
	conn, _ := grpc.NewClient(target, grpc.WithUnaryInterceptor(grpc_middleware.ChainUnaryClient(platform.Logging, timeout.UnaryClientInterceptor(time.Second))))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in)
}

// A retry interceptor with a per-attempt timeout bounds each attempt, and
// the attempts are bounded: v2 and v1.
func RetryPerAttemptTimeout() {
	conn, _ := grpc.NewClient(target, grpc.WithUnaryInterceptor(retry.UnaryClientInterceptor(retry.WithMax(3), retry.WithPerRetryTimeout(time.Second))))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in)
	conn1, _ := grpc.NewClient(target, grpc.WithChainUnaryInterceptor(platform.Logging, grpc_retry.UnaryClientInterceptor(grpc_retry.WithMax(3), grpc_retry.WithPerRetryTimeout(time.Second))))
	pb.NewPaymentsClient(conn1).Charge(context.Background(), in)
}

// Traps: a chain with no timeout; a per-attempt timeout in a retry
// interceptor that does not retry (WithMax defaults to 0, which skips the
// interceptor and its timeout).
func ChainNoTimeout() {
	conn, _ := grpc.NewClient(target, grpc.WithUnaryInterceptor(chain(platform.Logging, retry.UnaryClientInterceptor(retry.WithMax(3)))))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in) // want `context.Background\(\) reaches \(pb.PaymentsClient\).Charge`
}

func RetryTimeoutNoMax() {
	conn, _ := grpc.NewClient(target, grpc.WithUnaryInterceptor(retry.UnaryClientInterceptor(retry.WithPerRetryTimeout(time.Second))))
	pb.NewPaymentsClient(conn).Charge(context.Background(), in) // want `context.Background\(\) reaches \(pb.PaymentsClient\).Charge`
}
