// Package droppeddefault gives http.DefaultClient a Timeout: httptimeout no
// longer reports the package-level helpers, so a context in scope that
// http.Get drops is reported here.
package droppeddefault

import (
	"context"
	"net/http"
	"time"
)

func init() { http.DefaultClient.Timeout = 10 * time.Second }

func Fetch(ctx context.Context, url string) (*http.Response, error) {
	return http.Get(url) // want `http.Get takes no context, though ctx .* the request ignores the caller's deadline and cancellation; call http.NewRequestWithContext\(ctx, http.MethodGet, url, nil\) sent with http.DefaultClient.Do`
}

// No context in scope: nothing to drop.
func FetchPlain(url string) (*http.Response, error) { // want FetchPlain:`ctxdeadline\(no context → .*\)`
	return http.Get(url)
}
