package a

import (
	"context"
	"crypto/tls"
	"net"
	"net/rpc"
	"net/rpc/jsonrpc"
	"net/smtp"
	"os"
	"time"

	kafka "github.com/segmentio/kafka-go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/keepalive"
)

// --- positives ---------------------------------------------------------

func netDial(addr string) {
	net.Dial("tcp", addr) // want `net.Dial has no timeout: connecting to an unreachable host blocks until the operating system gives up, minutes on Linux; use net.DialTimeout or a net.Dialer with Timeout`
	network := os.Getenv("NET")
	net.Dial(network, addr)                 // want `net.Dial has no timeout`
	net.DialTCP("tcp", nil, &net.TCPAddr{}) // want `net.DialTCP has no timeout`
	net.DialTimeout("tcp", addr, 0)         // want `net.DialTimeout with a zero timeout has no timeout`
}

func zeroDialer(addr string) {
	d := &net.Dialer{}
	d.Dial("tcp", addr) // want `\(\*net.Dialer\).Dial on a net.Dialer with neither Timeout nor Deadline`
}

// A keep-alive period is not a dial timeout.
func trapKeepAlive(addr string) {
	d := net.Dialer{KeepAlive: 30 * time.Second}
	d.Dial("tcp", addr) // want `\(\*net.Dialer\).Dial on a net.Dialer with neither Timeout nor Deadline`
}

// The timeout is set on another dialer.
func trapOtherDialer(addr string) {
	timed, untimed := &net.Dialer{}, &net.Dialer{}
	timed.Timeout = time.Second
	timed.Dial("tcp", addr)
	untimed.Dial("tcp", addr) // want `\(\*net.Dialer\).Dial on a net.Dialer with neither Timeout nor Deadline`
}

func tlsDial(addr string, cfg *tls.Config) {
	tls.Dial("tcp", addr, cfg)                          // want `tls.Dial has no timeout: .*a server that stalls the TLS handshake blocks forever; use tls.DialWithDialer`
	tls.DialWithDialer(&net.Dialer{}, "tcp", addr, cfg) // want `tls.DialWithDialer with a net.Dialer with neither Timeout nor Deadline`
	(&tls.Dialer{Config: cfg}).Dial("tcp", addr)        // want `\(\*tls.Dialer\).Dial with no NetDialer Timeout or Deadline`
}

func mail(relay string, msg []byte) {
	smtp.Dial(relay)                                                               // want `smtp.Dial has no timeout and net/smtp offers none`
	smtp.SendMail(relay, nil, "from@example.com", []string{"to@example.com"}, msg) // want `smtp.SendMail has no timeout and net/smtp offers none`
}

func rpcs(addr string) {
	rpc.Dial("tcp", addr)                 // want `rpc.Dial has no timeout`
	rpc.DialHTTP("tcp", addr)             // want `rpc.DialHTTP has no timeout`
	rpc.DialHTTPPath("tcp", addr, "/rpc") // want `rpc.DialHTTPPath has no timeout`
	jsonrpc.Dial("tcp", addr)             // want `jsonrpc.Dial has no timeout`
}

func kafkaZero(broker string) {
	d := &kafka.Dialer{ClientID: "svc"}
	d.Dial("tcp", broker) // want `\(\*kafka.Dialer\).Dial on a kafka.Dialer with neither Timeout nor Deadline`
}

func grpcBlocking(target string) {
	grpc.Dial(target, grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithBlock()) // want `grpc.Dial with grpc.WithBlock and no timeout blocks until the connection is up: an unreachable server hangs the caller forever`
	grpc.DialContext(context.Background(), target, grpc.WithBlock())                              // want `grpc.DialContext with grpc.WithBlock and a context with no deadline blocks until the connection is up`
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	grpc.DialContext(ctx, target, grpc.WithReturnConnectionError()) // want `grpc.DialContext with grpc.WithReturnConnectionError and a context with no deadline`
}

// Options built up in a slice.
func grpcSlice(target string) {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	opts = append(opts, grpc.WithBlock())
	grpc.Dial(target, opts...) // want `grpc.Dial with grpc.WithBlock and no timeout`
}

func blockOpts() []grpc.DialOption { return []grpc.DialOption{grpc.WithBlock()} }

func grpcHelperOpts(target string) {
	grpc.Dial(target, blockOpts()...) // want `grpc.Dial with grpc.WithBlock and no timeout`
}

// A keep-alive timeout bounds pings, not the dial.
func trapGRPCKeepalive(target string) {
	grpc.Dial(target, grpc.WithBlock(), grpc.WithKeepaliveParams(keepalive.ClientParameters{Timeout: 5 * time.Second})) // want `grpc.Dial with grpc.WithBlock and no timeout`
}

// The context with a timeout is discarded; the dial uses the old one.
func trapDiscardedTimeout(target string) {
	ctx := context.Background()
	_, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	grpc.DialContext(ctx, target, grpc.WithBlock()) // want `grpc.DialContext with grpc.WithBlock and a context with no deadline`
}

// --- negatives ---------------------------------------------------------

func bounded(addr string, cfg *tls.Config) {
	net.DialTimeout("tcp", addr, 3*time.Second)
	(&net.Dialer{Timeout: time.Second}).Dial("tcp", addr)
	(&net.Dialer{Deadline: time.Now().Add(time.Second)}).Dial("tcp", addr)
	tls.DialWithDialer(&net.Dialer{Timeout: time.Second}, "tcp", addr, cfg)
	(&tls.Dialer{NetDialer: &net.Dialer{Timeout: time.Second}}).Dial("tcp", addr)
}

func timeoutAssignedLater(addr string) {
	d := &net.Dialer{}
	d.Timeout = 2 * time.Second
	d.Dial("tcp", addr)
}

// Datagram and local networks do not wait for a peer.
func connectionless(addr string) {
	net.Dial("udp", addr)
	net.Dial("unix", "/run/app.sock")
	net.DialUDP("udp", nil, &net.UDPAddr{})
	net.DialUnix("unix", nil, &net.UnixAddr{})
	(&net.Dialer{}).Dial("udp", addr)
}

// DialContext's context is ctxdeadline's to judge.
func dialContext(ctx context.Context, addr string) {
	(&net.Dialer{}).DialContext(ctx, "tcp", addr)
}

// A dialer passed in is the caller's business.
func param(d *net.Dialer, addr string) { d.Dial("tcp", addr) }

func kafkaDefaults(broker string) {
	kafka.Dial("tcp", broker)
	kafka.DefaultDialer.Dial("tcp", broker)
	(&kafka.Dialer{Timeout: 5 * time.Second}).Dial("tcp", broker)
}

func grpcBounded(target string) {
	grpc.NewClient(target, grpc.WithTransportCredentials(insecure.NewCredentials()))
	grpc.Dial(target)
	grpc.Dial(target, grpc.WithBlock(), grpc.WithTimeout(5*time.Second))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	grpc.DialContext(ctx, target, grpc.WithBlock())
}

// WithTimeout without WithBlock: nothing blocks, nothing to report.
func grpcTimeoutOnly(target string) {
	grpc.Dial(target, grpc.WithTimeout(time.Second))
}

// The caller's context may carry a deadline: ctxdeadline's to judge.
func grpcCallerCtx(ctx context.Context, target string) {
	grpc.DialContext(ctx, target, grpc.WithBlock())
}

// Options from a parameter may include a timeout.
func grpcUnknownOpts(target string, extra ...grpc.DialOption) {
	grpc.Dial(target, append(extra, grpc.WithBlock())...)
}

func suppressed(addr string) {
	//faultline:ignore dialtimeout local metrics agent on the same host
	net.Dial("tcp", addr)
}

// A method value.
func methodValue(addr string) {
	var d net.Dialer
	dial := d.Dial
	dial("tcp", addr) // want `\(\*net.Dialer\).Dial on a net.Dialer with neither Timeout nor Deadline`
}
