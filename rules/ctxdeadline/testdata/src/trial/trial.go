// Package trial holds patterns met in real services (faultline's trial on
// open-source code, docs/tried-code.md).
package trial

import (
	"context"
	"net/http"
	"testing"
	"time"

	"trialcreds"
)

// A helper of an integration-test package, outside _test.go files (jaeger's
// e2e storage tests): it runs only under go test, whose -timeout bounds it.
func scrapeMetrics(t *testing.T, url string) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, http.NoBody)
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

// The same in a closure of a helper taking testing.TB.
func purge(tb testing.TB, url string) {
	do := func() {
		r, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, url, http.NoBody)
		if resp, err := (&http.Client{}).Do(r); err == nil {
			resp.Body.Close()
		}
	}
	do()
}

// Outside test helpers the same request is reported.
func scrape(url string) {
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, url, http.NoBody) // want `context.Background\(\) reaches \(\*http.Client\).Do with no deadline`
	client := &http.Client{}
	if resp, err := client.Do(req); err == nil {
		resp.Body.Close()
	}
}

// A client with no Timeout that is also handed to another package's struct
// (minio-go's Client and CredContext): that package sets nothing on it, so
// a fresh context that replaces the caller's is reported.
type Client struct {
	httpClient *http.Client
}

func New() *Client {
	return &Client{httpClient: &http.Client{}}
}

func (c *Client) CredContext() *trialcreds.CredContext {
	return &trialcreds.CredContext{Client: c.httpClient, Endpoint: "http://169.254.169.254"}
}

func (c *Client) StatObject(ctx context.Context, url string) error { // want StatObject:`ctxdeadline\(param0 → \(\*http.Client\).Do\)`
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *Client) ComposeObject(ctx context.Context, urls []string) error {
	for _, u := range urls {
		if err := c.StatObject(context.Background(), u); err != nil { // want `context.Background\(\) drops the deadline of ctx: it reaches \(\*trial.Client\).StatObject → \(\*http.Client\).Do`
			return err
		}
	}
	return nil
}

// A client with no Timeout whose transport bounds the wait for response
// headers (minio-go's default transport): the finding says what is left
// unbounded.
var headerClient = &http.Client{Transport: &http.Transport{ResponseHeaderTimeout: time.Minute}}

func listObjects(ctx context.Context, url string) (*http.Response, error) { // want listObjects:`ctxdeadline\(param0 → \(\*http.Client\).Do\)`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return headerClient.Do(req)
}

// Core has no context in its API: callers cannot bound it.
func coreListObjects(url string) (*http.Response, error) {
	return listObjects(context.Background(), url) // want `context.Background\(\) reaches trial.listObjects → \(\*http.Client\).Do with no deadline: only the transport's ResponseHeaderTimeout bounds the request, so a server that stalls once it has sent its headers blocks it forever; derive a context with context.WithTimeout`
}

// A transport built by a function variable that users may replace
// (minio-go's DefaultTransport): faultline cannot see what it bounds, and
// the finding says so.
var DefaultTransport = func() (*http.Transport, error) {
	return &http.Transport{ResponseHeaderTimeout: time.Minute}, nil
}

func newClient() *http.Client {
	tr, _ := DefaultTransport()
	return &http.Client{Transport: tr}
}

var varClient = newClient()

func getObject(ctx context.Context, url string) error { // want getObject:`ctxdeadline\(param0 → \(\*http.Client\).Do\)`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := varClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func coreGetObject(url string) error {
	return getObject(context.Background(), url) // want `context.Background\(\) reaches trial.getObject → \(\*http.Client\).Do with no deadline: nothing in view bounds the request: unless its transport bounds the wait, a server that stops responding blocks it forever; derive a context with context.WithTimeout`
}

// etcd's raft pipeline: a request cancelled only when the pipeline stops,
// sent on a transport faultline cannot see.
type pipeline struct {
	rt    http.RoundTripper
	stopc chan struct{}
}

func (p *pipeline) post(url string) error {
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) reaches \(http.RoundTripper\).RoundTrip with no deadline \(context.WithCancel adds none\): nothing in view bounds the request: unless its transport bounds the wait, a server that stops responding blocks it forever`
	defer cancel()
	go func() {
		<-p.stopc
		cancel()
	}()
	resp, err := p.rt.RoundTrip(req.WithContext(ctx))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same on a transport built in view with no ResponseHeaderTimeout.
func postBare(url string) error {
	var rt http.RoundTripper = &http.Transport{}
	req, err := http.NewRequestWithContext(context.TODO(), http.MethodPost, url, nil) // want `context.TODO\(\) reaches \(http.RoundTripper\).RoundTrip with no deadline: nothing else bounds the request, so a server that stops responding blocks it forever`
	if err != nil {
		return err
	}
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
