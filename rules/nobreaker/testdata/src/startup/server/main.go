// Command server serves requests: the calls its handlers and loops make
// repeat, and a call of main does too when it runs in a loop or in a
// function that handlers also call.
package main

import (
	"net/http"
	"time"
)

func main() {
	warm()
	// Trap: a poll in main runs for as long as the process does.
	for range time.Tick(time.Minute) {
		http.Get("http://quotes:8081/refresh") // want `no circuit breaker guards the HTTP service at host quotes:8081 \(called in main\)`
	}
	http.HandleFunc("/", handle)
	http.ListenAndServe(":8080", nil)
}

// Trap: main calls warm once, but so does every request.
func warm() {
	http.Get("http://prices:8082/all") // want `no circuit breaker guards the HTTP service at host prices:8082 \(called in warm\)`
}

// handle is a handler: a function value, called for every request.
func handle(w http.ResponseWriter, r *http.Request) {
	warm()
	lookup()
}

func lookup() {
	http.Get("http://stock:8083/levels") // want `no circuit breaker guards the HTTP service at host stock:8083 \(called in lookup\)`
}
