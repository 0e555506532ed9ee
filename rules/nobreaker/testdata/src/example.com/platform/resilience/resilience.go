// Package resilience is a team's own wrapper around its breaker, declared
// to faultline with -wrappers (settings.wrappers in the topology).
package resilience

import "context"

// Do runs fn through the team's breaker.
func Do(ctx context.Context, name string, fn func(context.Context) error) error { return fn(ctx) }
