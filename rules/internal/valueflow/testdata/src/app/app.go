// Package app asks valueflow questions: check(v, path) reports the answer.
package app

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	cleanhttp "github.com/hashicorp/go-cleanhttp"
	retryablehttp "github.com/hashicorp/go-retryablehttp"
	kafka "github.com/segmentio/kafka-go"

	"lib"
)

func check(v any, path string) {}

func literals(d time.Duration) {
	c := &http.Client{}
	check(c, "Timeout") // want `Timeout=unset`

	zero := &http.Client{Timeout: 0}
	check(zero, "Timeout") // want `Timeout=unset`

	ten := &http.Client{Timeout: 10 * time.Second}
	check(ten, "Timeout") // want `Timeout=10s`

	fromArg := &http.Client{Timeout: d}
	check(fromArg, "Timeout") // want `Timeout=set`

	var value http.Client
	check(&value, "Timeout") // want `Timeout=unset`

	n := new(http.Client)
	check(n, "Timeout") // want `Timeout=unset`
}

func assignedLater() {
	c := &http.Client{}
	c.Timeout = 4 * time.Second
	check(c, "Timeout") // want `Timeout=4s`

	// A timeout set on a different client.
	other := &http.Client{}
	mine := &http.Client{}
	other.Timeout = time.Second
	check(mine, "Timeout") // want `Timeout=unset`
	_ = other

	// Assigned after the use: the analysis is flow-insensitive.
	late := &http.Client{}
	check(late, "Timeout") // want `Timeout=1s`
	late.Timeout = time.Second

	// Two different constants: set, no single value.
	two := &http.Client{Timeout: time.Second}
	if len(os.Args) > 1 {
		two.Timeout = 2 * time.Second
	}
	check(two, "Timeout") // want `Timeout=set`
}

func phis() {
	var c *http.Client
	if len(os.Args) > 1 {
		c = &http.Client{Timeout: time.Second}
	} else {
		c = &http.Client{}
	}
	check(c, "Timeout")  // want `Timeout=1s`
	check(c, "$origins") // want `origins=literal,literal complete`

	var d *http.Client
	if len(os.Args) > 1 {
		d = &http.Client{}
	} else {
		d = http.DefaultClient
	}
	check(d, "Timeout") // want `Timeout=unset`
}

func newLocal() *http.Client { return &http.Client{Timeout: 6 * time.Second} }

func configureLocal(c *http.Client) { c.Timeout = 8 * time.Second }

func viaNothing(c *http.Client) {}

func helpers() {
	check(newLocal(), "Timeout")  // want `Timeout=6s`
	check(newLocal(), "$origins") // want `origins=literal complete`

	c := &http.Client{}
	configureLocal(c)
	check(c, "Timeout") // want `Timeout=8s`

	d := &http.Client{}
	viaNothing(d)
	check(d, "Timeout") // want `Timeout=unset`
}

func otherPackage() {
	check(lib.NewClient(), "Timeout")                // want `Timeout=10s`
	check(lib.NewBare(), "Timeout")                  // want `Timeout=unset`
	check(lib.NewFromConfig(time.Second), "Timeout") // want `Timeout=set`
	check(lib.NewBare(), "$origins")                 // want `origins=call complete`

	c := lib.NewBare()
	lib.Configure(c)
	check(c, "Timeout") // want `Timeout=5s`

	d := lib.NewBare()
	lib.Inspect(d)
	check(d, "Timeout") // want `Timeout=unset`

	e := lib.NewBare()
	lib.Hand(e, nil)
	check(e, "Timeout") // want `Timeout=unknown`

	s := lib.NewService()
	check(s.Client, "Timeout") // want `Timeout=3s`
	check(s.Bare(), "Timeout") // want `Timeout=unset`

	check(lib.Shared, "Timeout") // want `Timeout=2s`
	check(lib.Plain, "Timeout")  // want `Timeout=unset`

	srv := lib.NewServer()
	check(srv, "ReadHeaderTimeout") // want `ReadHeaderTimeout=unset`
	check(srv, "WriteTimeout")      // want `WriteTimeout=1s`
	hardened := lib.NewServer()
	lib.Harden(hardened)
	check(hardened, "ReadHeaderTimeout") // want `ReadHeaderTimeout=7s`
}

// Clients handed over in another package's structs: what that package
// assigns through the field counts, from its fact.
func handedOver() {
	c := &http.Client{}
	_ = &lib.Creds{Client: c, Endpoint: "http://creds"}
	check(c, "Timeout") // want `Timeout=unset`

	d := &http.Client{}
	o := &lib.Options{Client: d}
	o.Defaults()
	check(d, "Timeout") // want `Timeout=30s`

	e := &http.Client{}
	holder := &lib.Holder{}
	holder.Client = e
	holder.Client.Timeout = time.Second
	check(e, "Timeout") // want `Timeout=1s`
}

func unknowns(c *http.Client, rt http.RoundTripper, f func() *http.Client) {
	check(c, "Timeout")   // want `Timeout=unknown`
	check(f(), "Timeout") // want `Timeout=unknown`
	check(c, "$origins")  // want `origins= *$`

	// A client that escapes into a function valueflow cannot see.
	var sink func(*http.Client)
	d := &http.Client{}
	sink(d)
	check(d, "Timeout") // want `Timeout=unknown`

	// A user type behind an interface has no such field.
	check(rt, "TLSHandshakeTimeout") // want `TLSHandshakeTimeout=unknown`
}

// A parameter whose timeout is set here is set.
func setsParam(c *http.Client) {
	c.Timeout = time.Second
	check(c, "Timeout") // want `Timeout=1s`
}

// Fields of this package's structs, set in a constructor.
type api struct {
	client *http.Client
	slow   *http.Client
	srv    http.Server
}

func newAPI() *api {
	a := &api{client: &http.Client{Timeout: 9 * time.Second}}
	a.slow = &http.Client{}
	a.srv.ReadTimeout = time.Minute
	return a
}

func (a *api) fetch() {
	check(a.client, "Timeout")         // want `Timeout=9s`
	check(a.slow, "Timeout")           // want `Timeout=unset`
	check(&a.srv, "ReadTimeout")       // want `ReadTimeout=1m0s`
	check(&a.srv, "ReadHeaderTimeout") // want `ReadHeaderTimeout=unset`
}

// The timeout is assigned through the field after construction.
type later struct{ c *http.Client }

func newLater() *later {
	l := &later{c: &http.Client{}}
	l.c.Timeout = 12 * time.Second
	return l
}

func (l *later) get() { check(l.c, "Timeout") } // want `Timeout=12s`

// Package-level variables.
var (
	global   = &http.Client{Timeout: 11 * time.Second}
	inInit   = &http.Client{}
	untimed  = &http.Client{}
	server   http.Server
	fromFunc = newLocal()
)

func init() { inInit.Timeout = time.Second }

func globals() {
	check(global, "Timeout")               // want `Timeout=11s`
	check(inInit, "Timeout")               // want `Timeout=1s`
	check(untimed, "Timeout")              // want `Timeout=unset`
	check(&server, "ReadHeaderTimeout")    // want `ReadHeaderTimeout=unset`
	check(fromFunc, "Timeout")             // want `Timeout=6s`
	check(http.DefaultClient, "Timeout")   // want `Timeout=unset`
	check(http.DefaultClient, "Transport") // want `Transport=unset`
}

func closures() {
	c := &http.Client{}
	func() {
		check(c, "Timeout") // want `Timeout=3s`
	}()
	c.Timeout = 3 * time.Second

	d := &http.Client{}
	go func() {
		check(d, "Timeout") // want `Timeout=unset`
	}()
}

func transports() {
	zero := &http.Client{Transport: &http.Transport{}}
	check(zero, "$transport") // want `dial=unset tls=unset header=unset`

	def := &http.Client{}
	check(def, "$transport") // want `dial=30s tls=10s header=unset`

	clone := http.DefaultTransport.(*http.Transport).Clone()
	cloned := &http.Client{Transport: clone}
	check(cloned, "$transport") // want `dial=30s tls=10s header=unset`

	tuned := http.DefaultTransport.(*http.Transport).Clone()
	tuned.ResponseHeaderTimeout = 5 * time.Second
	check(&http.Client{Transport: tuned}, "$transport") // want `dial=30s tls=10s header=5s`

	dialer := &net.Dialer{Timeout: 2 * time.Second}
	custom := &http.Transport{DialContext: dialer.DialContext, TLSHandshakeTimeout: time.Second}
	check(&http.Client{Transport: custom}, "$transport") // want `dial=2s tls=1s header=unset`

	// KeepAlive is not a dial timeout.
	keep := &http.Transport{DialContext: (&net.Dialer{KeepAlive: time.Minute}).DialContext, IdleConnTimeout: time.Minute}
	check(&http.Client{Transport: keep}, "$transport") // want `dial=unset tls=unset header=unset`

	own := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) { return nil, nil }}
	check(&http.Client{Transport: own}, "$transport") // want `dial=unknown tls=unset header=unset`

	check(cleanhttp.DefaultPooledClient(), "$transport")             // want `dial=30s tls=10s header=unset`
	check(cleanhttp.DefaultPooledClient(), "Timeout")                // want `Timeout=unset`
	check(&http.Client{Transport: lib.NewTransport()}, "$transport") // want `dial=5s tls=unset header=unset`
}

func retryable() {
	r := retryablehttp.NewClient()
	check(r, "HTTPClient.Timeout") // want `HTTPClient.Timeout=unset`
	check(r, "RetryMax")           // want `RetryMax=4`

	s := retryablehttp.NewClient()
	s.HTTPClient.Timeout = 15 * time.Second
	check(s, "HTTPClient.Timeout") // want `HTTPClient.Timeout=15s`

	u := retryablehttp.NewClient()
	u.HTTPClient = &http.Client{Timeout: 20 * time.Second}
	check(u, "HTTPClient.Timeout") // want `HTTPClient.Timeout=20s`

	z := &retryablehttp.Client{}
	check(z, "HTTPClient.Timeout") // want `HTTPClient.Timeout=unset`
}

func dialers() {
	check(&net.Dialer{}, "Timeout")                       // want `Timeout=unset`
	check(&net.Dialer{KeepAlive: time.Second}, "Timeout") // want `Timeout=unset`
	check(kafka.DefaultDialer, "Timeout")                 // want `Timeout=10s`
	check(&kafka.Dialer{}, "Timeout")                     // want `Timeout=unset`
}

func requests(ctx context.Context) {
	r1, _ := http.NewRequest("GET", "http://x", nil)
	check(r1, "$req") // want `req=none`

	r2, _ := http.NewRequestWithContext(context.Background(), "GET", "http://x", nil)
	check(r2, "$req") // want `req=background`

	r3, _ := http.NewRequestWithContext(ctx, "GET", "http://x", nil)
	check(r3, "$req") // want `req=unknown`

	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	r4, _ := http.NewRequestWithContext(tctx, "GET", "http://x", nil)
	check(r4, "$req") // want `req=deadline`

	r5 := r1.WithContext(tctx)
	check(r5, "$req") // want `req=deadline`

	cctx, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	check(cctx, "$ctx") // want `ctx=no-deadline`
	r6 := r1.Clone(cctx)
	check(r6, "$req") // want `req=no-deadline`

	// A discarded WithTimeout protects nothing.
	_, cancel3 := context.WithTimeout(ctx, time.Second)
	defer cancel3()
	r7, _ := http.NewRequest("GET", "http://x", nil)
	check(r7, "$req") // want `req=none`

	rr, _ := retryablehttp.NewRequest("GET", "http://x", nil)
	check(rr, "$req")                   // want `req=none`
	check(rr.WithContext(tctx), "$req") // want `req=deadline`

	check(newReq(), "$req") // want `req=none`
}

func newReq() *http.Request {
	r, _ := http.NewRequest("GET", "http://x", nil)
	return r
}

// Shapes that must not confuse the analysis.

type box[T any] struct {
	c *http.Client
	v T
}

func newBox[T any](v T) *box[T] { return &box[T]{c: &http.Client{}, v: v} }

func generic() {
	b := newBox(1)
	check(b.c, "Timeout") // want `Timeout=unset`
}

func loop(n int) {
	c := &http.Client{}
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			c = &http.Client{Timeout: time.Second}
		}
	}
	check(c, "Timeout") // want `Timeout=1s`
}

func rec(n int) *http.Client {
	if n == 0 {
		return &http.Client{}
	}
	return rec(n - 1)
}

func recursion() {
	check(rec(3), "Timeout") // want `Timeout=unset`
}

func copies() {
	c := &http.Client{Timeout: time.Second}
	v := *c
	check(&v, "Timeout") // want `Timeout=1s`
}

func logged() {
	c := &http.Client{}
	println(c)
	_ = fmt.Sprintf("%v", c)
	check(c, "Timeout") // want `Timeout=unset`

	// A variadic function of this package: not followed into the slice.
	d := &http.Client{}
	fmtLike("%v", d)
	check(d, "Timeout") // want `Timeout=unknown`
}

func fmtLike(format string, args ...any) {}

func inMap(m map[string]*http.Client) {
	c := &http.Client{}
	m["x"] = c
	check(c, "Timeout") // want `Timeout=unknown`
}

// The field's address is handed to code that may set it.
func addressOfField() {
	c := &http.Client{}
	parseDuration(&c.Timeout)
	check(c, "Timeout") // want `Timeout=unknown`
}

func parseDuration(d *time.Duration) { *d = time.Second }

// Struct values held by value: the composite literal is built in place
// or copied whole into the variable; its fields are those of the literal.
func byValue(ctx context.Context, x time.Duration) {
	d := net.Dialer{Timeout: time.Second}
	check(&d, "Timeout") // want `Timeout=1s`
	d.DialContext(ctx, "tcp", "a:1")
	check(d.DialContext, "$dialer.Timeout") // want `\$dialer.Timeout=1s`

	c := http.Client{Timeout: 3 * time.Second}
	check(&c, "Timeout") // want `Timeout=3s`
	c.Get("http://x")

	s := http.Server{ReadHeaderTimeout: time.Second}
	check(&s, "ReadHeaderTimeout") // want `ReadHeaderTimeout=1s`
	s.ListenAndServe()

	tr := http.Transport{DialContext: d.DialContext}
	check(&http.Client{Transport: &tr}, "$transport") // want `dial=1s tls=unset header=unset`

	var v net.Dialer
	v.Timeout = x
	v2 := v
	check(&v2, "Timeout") // want `Timeout=set`
	v2.DialContext(ctx, "tcp", "a:1")

	// Copied before the field is set: the copy has no timeout.
	e := net.Dialer{}
	e2 := e
	e.Timeout = time.Second
	check(&e2, "Timeout") // want `Timeout=unset`
	e2.DialContext(ctx, "tcp", "a:1")
}

// Transports that dial unix-domain sockets: through a closure, a helper
// given the network, a helper returning the dial function; and the traps:
// a helper that ignores the "unix" it is given and dials tcp, a closure
// dialing the network the transport gives it.
func unixSockets(sock string) {
	closure := &http.Client{Transport: &http.Transport{DialContext: func(_ context.Context, _, _ string) (net.Conn, error) {
		return net.Dial("unix", sock)
	}}}
	check(closure, "Transport.DialContext.$unix") // want `Transport.DialContext.\$unix=set`

	helper := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
		return dialNet(ctx, "unix", sock)
	}}}
	check(helper, "Transport.DialContext.$unix") // want `Transport.DialContext.\$unix=set`

	returned := &http.Client{Transport: &http.Transport{DialContext: unixDialer(sock)}}
	check(returned, "Transport.DialContext.$unix") // want `Transport.DialContext.\$unix=set`

	ignores := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
		return dialTCP(ctx, "unix", sock)
	}}}
	check(ignores, "Transport.DialContext.$unix") // want `Transport.DialContext.\$unix=unset`

	var d net.Dialer
	given := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		return d.DialContext(ctx, network, addr)
	}}}
	check(given, "Transport.DialContext.$unix") // want `Transport.DialContext.\$unix=unset`

	bound := &http.Client{Transport: &http.Transport{DialContext: d.DialContext}}
	check(bound, "Transport.DialContext.$unix") // want `Transport.DialContext.\$unix=unset`

	check(&http.Client{}, "Transport.DialContext.$unix")                                   // want `Transport.DialContext.\$unix=unset`
	check(&http.Client{Transport: lib.UnixTransport(sock)}, "Transport.DialContext.$unix") // want `Transport.DialContext.\$unix=set`
}

func dialNet(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, network, addr)
}

func dialTCP(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, "tcp", addr)
}

func unixDialer(sock string) func(context.Context, string, string) (net.Conn, error) {
	return func(ctx context.Context, _, _ string) (net.Conn, error) {
		conn, err := net.DialUnix("unix", nil, &net.UnixAddr{Name: sock, Net: "unix"})
		if err != nil {
			return nil, err
		}
		return conn, nil
	}
}
