// Command mockclient is a test harness program under the module's test
// directory (hydra's test/mock-client): CI runs it against the server
// under test. It is not a production dependency: silent.
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
	return http.DefaultClient.Do(req)
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
