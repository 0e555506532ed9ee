// Package libdefault calls through the default client outside a main
// package: the program's main may replace the default transport, so the
// telemetry is unknown (silent).
package libdefault

import (
	"net/http"
	"os"
)

func Price() error {
	resp, err := http.Get(os.Getenv("PRICING_URL"))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
