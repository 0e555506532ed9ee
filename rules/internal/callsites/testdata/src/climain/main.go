package main // want package:`calls\[http\(host:frontend:8080 unbounded breaker=no\)\]`

// A command-line tool: it imports srvlib for its handler, and a test of
// its own starts a server (main_test.go), but it serves nothing (trap: no
// "starts").

import (
	"net/http"

	"srvlib"
)

func main() {
	_ = srvlib.NewHandler()
	resp, err := http.Get("http://frontend:8080/order")
	if err == nil {
		resp.Body.Close()
	}
}
