// Package testhelp retries a retrying client in an integration-test
// helper outside _test.go files: test code, silent. The same loop in
// production code is reported.
package testhelp

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// Fetch fetches what the test wrote.
func Fetch(t *testing.T, ctx context.Context) {
	c := retryablehttp.NewClient()
	for i := 0; i < 3; i++ {
		req, _ := retryablehttp.NewRequestWithContext(ctx, "GET", "http://query:16686/api", nil)
		if _, err := c.Do(req); err == nil {
			return
		}
		time.Sleep(time.Second)
	}
	t.Fatal("not found")
}

// Get does the same in production: reported.
func Get(ctx context.Context) error {
	c := retryablehttp.NewClient()
	var err error
	for i := 0; i < 3; i++ { // want `^retrying \(\*retryablehttp.Client\).Do inside a retry multiplies the attempts: 3 attempts here × 5 attempts inside retryablehttp = 15 calls`
		req, _ := retryablehttp.NewRequestWithContext(ctx, "GET", "http://query:16686/api", nil)
		if _, err = c.Do(req); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
