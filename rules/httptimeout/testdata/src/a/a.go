package a

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"time"

	cleanhttp "github.com/hashicorp/go-cleanhttp"
	retryablehttp "github.com/hashicorp/go-retryablehttp"
)

// --- positives ---------------------------------------------------------

func packageHelpers(u string) {
	http.Get(u)                     // want `http.Get uses http.DefaultClient, which has no timeout: a slow or stalled server blocks the caller forever`
	http.Head(u)                    // want `http.Head uses http.DefaultClient`
	http.Post(u, "text/plain", nil) // want `http.Post uses http.DefaultClient`
	http.PostForm(u, url.Values{})  // want `http.PostForm uses http.DefaultClient`
	go http.Get(u)                  // want `http.Get uses http.DefaultClient`
}

func defaultClient(u string) {
	http.DefaultClient.Get(u) // want `\(\*http.Client\).Get on http.DefaultClient, which has no Timeout, can wait forever`

	req, _ := http.NewRequest("GET", u, nil)
	http.DefaultClient.Do(req) // want `\(\*http.Client\).Do on http.DefaultClient, which has no Timeout, of a request built without a context, can wait forever`
}

func literal(u string) {
	c := &http.Client{}
	c.Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout can wait forever: a slow or stalled server blocks the caller; set the client's Timeout`
}

// A zero timeout written out is still no timeout.
func trapZeroTimeout(u string) {
	c := &http.Client{Timeout: 0}
	c.Head(u) // want `\(\*http.Client\).Head on an http.Client with no Timeout`
}

// The timeout is set on another client.
func trapOtherClient(u string) {
	timed := &http.Client{}
	untimed := &http.Client{}
	timed.Timeout = 5 * time.Second
	timed.Get(u)
	untimed.Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout`
}

// The context with a timeout is discarded; the request has none.
func trapDiscardedTimeout(ctx context.Context, u string) {
	_, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	req, _ := http.NewRequest("GET", u, nil)
	c := &http.Client{}
	c.Do(req) // want `\(\*http.Client\).Do on an http.Client with no Timeout, of a request built without a context, can wait forever`
}

// An explicit context, even Background, is ctxdeadline's: it reports at
// context.Background(), where the deadline must be added.
func backgroundRequest(u string) {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", u, nil)
	c := new(http.Client)
	c.Do(req)
}

// Idle and keep-alive timeouts bound idle connections, not requests.
func trapIdleAndKeepAlive(u string) {
	t := &http.Transport{ // want `http.Transport with no dial timeout, no TLSHandshakeTimeout and no ResponseHeaderTimeout serves an http.Client with no Timeout`
		DialContext:     (&net.Dialer{KeepAlive: 30 * time.Second}).DialContext,
		IdleConnTimeout: 90 * time.Second,
	}
	c := &http.Client{Transport: t}
	c.Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout`
}

// One client, several requests: one finding, where the client is built.
var shared = &http.Client{} // want `http.Client built here has no Timeout and 3 requests through it have no deadline \(fetchUser: Get, fetchOrder: Get, syncAll: Do\)`

func fetchUser(u string)  { shared.Get(u) }
func fetchOrder(u string) { shared.Get(u) }
func syncAll(u string) {
	req, _ := http.NewRequest("POST", u, nil)
	shared.Do(req)
}

func zeroTransport(u string) {
	c := &http.Client{Transport: &http.Transport{}} // want `http.Transport with no dial timeout, no TLSHandshakeTimeout and no ResponseHeaderTimeout`
	req, _ := http.NewRequestWithContext(context.TODO(), "GET", u, nil)
	c.Do(req) // ctxdeadline's (explicit context)
}

// A hand-built transport that bounds dialing and the handshake but not the
// wait for response headers: a note.
func handBuiltTransport(ctx context.Context, u string) {
	t := &http.Transport{ // want `http.Transport with no ResponseHeaderTimeout serves an http.Client with no Timeout`
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSHandshakeTimeout: 5 * time.Second,
	}
	c := &http.Client{Transport: t}
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	c.Do(req)
}

// cleanhttp's clients have transport timeouts but no overall Timeout.
func cleanClient(u string) {
	c := cleanhttp.DefaultPooledClient()
	c.Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout`
}

func retryHelpers(u string) {
	retryablehttp.Get(u) // want `retryablehttp.Get uses a default client whose HTTPClient has no Timeout: each of up to 5 attempts \(RetryMax 4\) can wait forever`
}

func retryClient(u string) {
	c := retryablehttp.NewClient()
	c.Get(u) // want `\(\*retryablehttp.Client\).Get on a retryablehttp.Client whose HTTPClient has no Timeout: each of up to 5 attempts \(RetryMax 4\) can wait forever`
}

func retryClientFewer(u string) {
	c := retryablehttp.NewClient()
	c.RetryMax = 2
	req, _ := retryablehttp.NewRequest("GET", u, nil)
	c.Do(req) // want `\(\*retryablehttp.Client\).Do on a retryablehttp.Client whose HTTPClient has no Timeout, of a request built without a context: each of up to 3 attempts \(RetryMax 2\)`
}

func retryShared(u string) {
	c := retryablehttp.NewClient() // want `retryablehttp.Client built here has an HTTPClient with no Timeout and 2 requests through it have no deadline \(retryShared: Get, retryShared: Head\): each of up to 5 attempts`
	c.Get(u)
	c.Head(u)
}

// --- negatives ---------------------------------------------------------

func timeoutInLiteral(u string) {
	c := &http.Client{Timeout: 10 * time.Second}
	c.Get(u)
}

func timeoutAssignedLater(u string) {
	c := &http.Client{}
	c.Timeout = 3 * time.Second
	c.Get(u)
}

type service struct {
	client *http.Client
	base   string
}

func newService(base string) *service {
	return &service{client: &http.Client{Timeout: 2 * time.Second}, base: base}
}

func (s *service) get() { s.client.Get(s.base) }

func cleanWithTimeout(u string) {
	c := cleanhttp.DefaultPooledClient()
	c.Timeout = 5 * time.Second
	c.Get(u)
}

func deadlineRequest(ctx context.Context, u string) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	c := &http.Client{}
	c.Do(req)
}

// A request with the caller's context is ctxdeadline's to judge.
func explicitContext(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	http.DefaultClient.Do(req)
	req2, _ := http.NewRequest("GET", u, nil)
	http.DefaultClient.Do(req2.WithContext(ctx))
}

// The deadline is set two calls up.
func top(u string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	middle(ctx, u)
}

func middle(ctx context.Context, u string) { bottom(ctx, u) }

func bottom(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	(&http.Client{}).Do(req)
}

// A client passed in is the caller's business.
func param(c *http.Client, u string) { c.Get(u) }

// A wrapper: the client and the request come from its callers.
func send(c *http.Client, req *http.Request) (*http.Response, error) { return c.Do(req) }

func retryWithTimeout(u string) {
	c := retryablehttp.NewClient()
	c.HTTPClient.Timeout = 2 * time.Second
	c.Get(u)
}

// DefaultTransport.Clone keeps its dial and TLS timeouts.
func clonedTransport(ctx context.Context, u string) {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 10
	c := &http.Client{Transport: t}
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	c.Do(req)
}

// A zero transport in a client with a Timeout: the Timeout bounds it all.
func transportUnderTimeout(u string) {
	c := &http.Client{Transport: &http.Transport{}, Timeout: 5 * time.Second}
	c.Get(u)
}

func suppressed(u string) {
	//faultline:ignore httptimeout the health probe runs under its own watchdog
	http.Get(u)
}

// Method values and method expressions.
func methodValue(u string) {
	c := &http.Client{}
	get := c.Get
	get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout`
}

func methodExpr(u string) {
	(*http.Client).Get(http.DefaultClient, u) // want `\(\*http.Client\).Get on http.DefaultClient, which has no Timeout, can wait forever`
}
