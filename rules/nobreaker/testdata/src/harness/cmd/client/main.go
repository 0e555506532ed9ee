// Command client is the same program outside a test directory: a
// production command, reported.
package main

import (
	"log"
	"net/http"
	"os"
	"strings"
	"time"
)

func refresh() (*http.Response, error) {
	req, err := http.NewRequest("POST", strings.TrimRight(os.Getenv("HYDRA_URL"), "/")+"/oauth2/token", nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req) // want `^no circuit breaker guards the HTTP service at env HYDRA_URL \(called in refresh\)`
}

// main refreshes the token for as long as it runs: the call repeats.
func main() {
	for {
		resp, err := refresh()
		if err != nil {
			log.Fatal(err)
		}
		resp.Body.Close()
		time.Sleep(time.Minute)
	}
}
