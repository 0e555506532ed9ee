// Package dial holds dialtimeout's cases for gRPC dial options built as
// values: in slices, appended per environment, returned by helpers of this
// package and of another (platform, through facts), held in struct fields
// and globals, passed on with `...`; and NewClient followed by a loop that
// waits for the connection. Each hazard names where the blocking option
// was added (a related position: see TestLibrariesGRPCConn).
package dial

import (
	"context"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/connectivity"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/keepalive"

	"example.com/libs/grpcconn/platform"
)

var target = os.Getenv("PAYMENTS_ADDR")

// --- hazards ---------------------------------------------------------------

// A slice literal, appended to in production only.
func PerEnvironment(prod bool) {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	if prod {
		opts = append(opts, grpc.WithBlock())
	}
	grpc.Dial(target, opts...) // want `grpc.Dial with grpc.WithBlock and no timeout blocks until the connection is up`
}

// An append chain across helpers of this package.
func base() []grpc.DialOption {
	return []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
}

func withBlock(opts []grpc.DialOption) []grpc.DialOption { return append(opts, grpc.WithBlock()) }

func Chain() {
	grpc.Dial(target, withBlock(base())...) // want `grpc.Dial with grpc.WithBlock and no timeout`
}

// Options from another package: platform.BlockingOptions adds WithBlock.
func CrossPackage() {
	grpc.Dial(target, platform.BlockingOptions()...) // want `grpc.Dial with grpc.WithBlock \(from platform.BlockingOptions\) and no timeout`
}

// WithBlock passed through another package's variadic helper.
func CrossPackageParam() {
	grpc.Dial(target, platform.With(grpc.WithBlock())...) // want `grpc.Dial with grpc.WithBlock and no timeout`
}

func CrossPackageContext() {
	grpc.DialContext(context.Background(), target, platform.BlockingOptions()...) // want `grpc.DialContext with grpc.WithBlock \(from platform.BlockingOptions\) and a context with no deadline`
}

// Options held in a struct field.
type client struct {
	opts []grpc.DialOption
}

func newClient() *client {
	return &client{opts: []grpc.DialOption{grpc.WithReturnConnectionError()}}
}

func (c *client) dial() {
	grpc.Dial(target, c.opts...) // want `grpc.Dial with grpc.WithReturnConnectionError and no timeout`
}

// Options in a global.
var defaultOptions = []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithBlock()}

func Global() {
	grpc.Dial(target, defaultOptions...) // want `grpc.Dial with grpc.WithBlock and no timeout`
}

// Options passed on with `...` to a helper of this package that dials.
func dialWith(opts ...grpc.DialOption) (*grpc.ClientConn, error) {
	return grpc.DialContext(context.Background(), target, opts...) // want `grpc.DialContext with grpc.WithBlock and a context with no deadline`
}

func UseDialWith() {
	dialWith(grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithBlock())
}

// FailOnNonTempDialError fails the dial on errors that are not temporary;
// an unreachable host times out, which is temporary: still forever.
func FailOnNonTemp() {
	grpc.Dial(target, grpc.WithBlock(), grpc.FailOnNonTempDialError(true)) // want `grpc.Dial with grpc.WithBlock and no timeout`
}

// NewClient does not block; a loop that waits for Ready with a context
// that has no deadline does.
func WaitLoop() {
	conn, err := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return
	}
	ctx := context.Background()
	conn.Connect()
	for s := conn.GetState(); s != connectivity.Ready; s = conn.GetState() {
		conn.WaitForStateChange(ctx, s) // want `\(\*grpc.ClientConn\).WaitForStateChange in a loop that waits for the connection to be ready, with a context with no deadline, blocks until the connection is up`
	}
}

// A loop that polls the state until Ready, with no other exit.
func PollLoop() {
	conn, _ := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	for conn.GetState() != connectivity.Ready { // want `a loop that waits for the connection to be Ready, with no other exit, blocks until the connection is up`
		conn.Connect()
		time.Sleep(100 * time.Millisecond)
	}
}

// --- safe twins ------------------------------------------------------------

func PerEnvironmentBounded(prod bool) {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	if prod {
		opts = append(opts, grpc.WithBlock(), grpc.WithTimeout(5*time.Second))
	}
	grpc.Dial(target, opts...)
}

func CrossPackageBounded() {
	grpc.Dial(target, platform.BoundedBlockingOptions()...)
	grpc.Dial(target, platform.BaseOptions()...)
	grpc.Dial(target, platform.With(grpc.WithBlock(), grpc.WithTimeout(time.Second))...)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	grpc.DialContext(ctx, target, platform.BlockingOptions()...)
}

// FailOnNonTempDialError alone does not make a dial block.
func FailOnNonTempOnly() {
	grpc.Dial(target, grpc.FailOnNonTempDialError(true))
}

func WaitLoopBounded() {
	conn, err := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for s := conn.GetState(); s != connectivity.Ready; s = conn.GetState() {
		if !conn.WaitForStateChange(ctx, s) {
			return // the deadline passed
		}
	}
}

// A poll loop that gives up after a number of tries.
func PollLoopBounded() {
	conn, _ := grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	for i := 0; conn.GetState() != connectivity.Ready; i++ {
		if i == 50 {
			return
		}
		conn.Connect()
		time.Sleep(100 * time.Millisecond)
	}
}

// --- traps -----------------------------------------------------------------

// Options from a parameter of an exported function may hold a timeout.
func Unknown(extra ...grpc.DialOption) {
	grpc.Dial(target, append(extra, grpc.WithBlock())...)
}

// A keep-alive timeout bounds pings, not the dial: from a helper too.
func keepaliveOptions() []grpc.DialOption {
	return []grpc.DialOption{grpc.WithBlock(), grpc.WithKeepaliveParams(keepalive.ClientParameters{Time: 10 * time.Second, Timeout: 5 * time.Second})}
}

func Keepalive() {
	grpc.Dial(target, keepaliveOptions()...) // want `grpc.Dial with grpc.WithBlock and no timeout`
}

// The same from another package.
func KeepaliveCrossPackage() {
	grpc.Dial(target, platform.KeepaliveOptions()...) // want `grpc.Dial with grpc.WithBlock \(from platform.KeepaliveOptions\) and no timeout`
}

// The timeout is in another slice than the one dialled.
func OtherSlice() {
	bounded := []grpc.DialOption{grpc.WithBlock(), grpc.WithTimeout(time.Second)}
	_ = bounded
	opts := []grpc.DialOption{grpc.WithBlock()}
	grpc.Dial(target, opts...) // want `grpc.Dial with grpc.WithBlock and no timeout`
}

func UseClient() { newClient().dial() }
