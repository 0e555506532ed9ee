// Command oneshot is a command-line tool and a startup sequence: every
// call it makes runs once per process, so a breaker has no traffic to
// protect and none is reported.
package main

import (
	"net/http"
	"os"
)

func main() {
	register()
	if os.Getenv("SEED") != "" {
		seed()
	}
	func() {
		http.Get("http://audit:8080/started")
	}()
	go notify()
}

// register is called by main alone.
func register() {
	http.Post("http://registry:8500/v1/register", "application/json", nil)
}

// seed is reached from main through register's sibling, once.
func seed() { load("orders") }

func load(name string) {
	http.Get("http://fixtures:9000/" + name)
}

// notify runs in a goroutine started once.
func notify() {
	http.Post("http://pager:7000/up", "text/plain", nil)
}
