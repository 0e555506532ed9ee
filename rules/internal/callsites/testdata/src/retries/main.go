package main // want package:`calls\[http\(host:a\.example:80 unbounded breaker=no\); http\(host:b\.example:80 unbounded breaker=no attempts=3\); http\(host:c\.example:80 unbounded breaker=no\); http\(host:d\.example:80 unbounded breaker=no\)\]`

import (
	"errors"
	"net/http"
)

// once is not retried, but nothing proves a single attempt: unknown.
func once() { http.Get("http://a.example:80/") }

// inLoop retries its call three times.
func inLoop() {
	for i := 0; i < 3; i++ {
		if _, err := http.Get("http://b.example:80/"); err == nil {
			return
		}
	}
}

// A closure made inside a loop: the loop is around the call too. The retry
// analysis does not see a retry in it (the loop calls run, not the
// network), so the attempts are unknown rather than a certain 1.
func run(f func() error) error { return f() }

func closure() {
	for attempt := 0; attempt < 3; attempt++ {
		err := run(func() error {
			_, err := http.Get("http://c.example:80/")
			return err
		})
		if err == nil {
			return
		}
	}
}

// fetch's callers retry it, one without a bound: the attempts are unknown.
func fetch() error {
	_, err := http.Get("http://d.example:80/")
	return err
}

func forever() {
	for fetch() != nil {
	}
}

func twice() {
	for i := 0; i < 2; i++ {
		if fetch() == nil {
			return
		}
	}
}

var errX = errors.New("x")

func main() {
	once()
	inLoop()
	closure()
	forever()
	twice()
}
