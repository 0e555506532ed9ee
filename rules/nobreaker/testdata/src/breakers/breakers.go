// Package breakers holds a helper that runs its parameter inside a
// breaker: a fact tells other packages.
package breakers

import "github.com/sony/gobreaker"

var cb = gobreaker.NewCircuitBreaker(gobreaker.Settings{Name: "shared"})

// Do runs fn inside the shared breaker.
func Do(fn func() error) error {
	_, err := cb.Execute(func() (interface{}, error) { return nil, fn() })
	return err
}

// Forward hands fn on to Do: still inside the breaker.
func Forward(name string, fn func() error) error {
	return Do(fn)
}

// Sometimes calls fn inside the breaker or not: not a guard.
func Sometimes(direct bool, fn func() error) error {
	if direct {
		return fn()
	}
	return Do(fn)
}
