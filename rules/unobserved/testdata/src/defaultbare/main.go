// Command defaultbare calls through the default client, whose transport
// nothing in the program replaces: unobserved.
package main

import (
	"net/http"
	"os"
)

func main() {
	_ = http.ListenAndServe(":8080", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		resp, err := http.Get(os.Getenv("PRICING_URL")) // want `^HTTP client for env PRICING_URL has no telemetry`
		if err == nil {
			resp.Body.Close()
		}
	}))
}
