// Command loadgen places a number of orders through the frontend and
// exits: a client of the system, not a service of it. It starts no server
// and nothing calls it, so faultline draws it as a client: never an
// entrypoint, never a single point of failure.
package main

import (
	"flag"
	"log"
	"net/http"
	"net/url"
	"os"
	"time"
)

func main() {
	n := flag.Int("n", 100, "orders to place")
	flag.Parse()
	client := &http.Client{Timeout: 5 * time.Second}
	for i := range *n {
		resp, err := client.PostForm("http://"+os.Getenv("FRONTEND_ADDR")+"/order", url.Values{"customer": {"load"}})
		if err != nil {
			log.Printf("order %d: %v", i, err)
			continue
		}
		resp.Body.Close()
	}
}
