package main // want package:`calls\[http\(host:a\.example:80 unbounded breaker=no\); http\(host:b\.example:80 unbounded breaker=no attempts=3 backoff=none\); http\(host:c\.example:80 unbounded breaker=no\); http\(host:d\.example:80 unbounded breaker=no backoff=none\); http\(host:e\.example:80 unbounded breaker=no attempts=4 backoff=exponential\); http\(host:f\.example:80 unbounded breaker=no attempts=2 backoff=constant\)\]`

import (
	"errors"
	"net/http"
	"time"
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

// growing waits longer after each failure: exponential backoff.
func growing() {
	delay := 100 * time.Millisecond
	for i := 0; i < 4; i++ {
		if _, err := http.Get("http://e.example:80/"); err == nil {
			return
		}
		time.Sleep(delay)
		delay *= 2
	}
}

// fixed waits the same second each time.
func fixed() {
	for i := 0; i < 2; i++ {
		if _, err := http.Get("http://f.example:80/"); err == nil {
			return
		}
		time.Sleep(time.Second)
	}
}

var errX = errors.New("x")

func main() {
	once()
	inLoop()
	closure()
	forever()
	twice()
	growing()
	fixed()
}
