// Command defaultobs replaces the default transport with an instrumented
// one: its calls through the default client are observed (silent).
package main

import (
	"net/http"
	"os"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func main() {
	http.DefaultTransport = otelhttp.NewTransport(http.DefaultTransport)
	resp, err := http.Get(os.Getenv("CATALOG_URL"))
	if err == nil {
		resp.Body.Close()
	}
	_ = http.ListenAndServe(":8080", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		resp, err := http.Get(os.Getenv("PRICING_URL"))
		if err == nil {
			resp.Body.Close()
		}
	}))
}
