// Package f holds patterns met in real services (faultline's trial on
// open-source code, docs/tried-code.md).
package f

import (
	"bytes"
	"context"
	"net/http"
	"testing"
)

// A request built without a context whose Cancel channel is the caller's
// ctx.Done() (etcd's lease renewal): the caller bounds it.
func renew(ctx context.Context, url string, rt http.RoundTripper) (*http.Response, error) {
	cc := &http.Client{Transport: rt}
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(nil))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/protobuf")
	req.Cancel = ctx.Done()
	return cc.Do(req)
}

// Cancel assigned on one branch only counts, as a Timeout assigned on one
// branch does: the analysis is flow-insensitive, and silent when unsure.
func renewMaybe(ctx context.Context, url string, cancellable bool) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	if cancellable {
		req.Cancel = ctx.Done()
	}
	return http.DefaultClient.Do(req)
}

// The same without the Cancel channel is still reported.
func renewUnbounded(url string) (*http.Response, error) {
	cc := &http.Client{}
	req, err := http.NewRequest(http.MethodPost, url, nil)
	if err != nil {
		return nil, err
	}
	return cc.Do(req) // want `\(\*http.Client\).Do on an http.Client with no Timeout, of a request built without a context, can wait forever`
}

// A helper of an integration-test package, outside _test.go files: go
// test's -timeout bounds it.
func waitHealthy(t *testing.T, url string) {
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}
