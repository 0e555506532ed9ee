// Package resilience is a team's own breaker wrapper, declared to the
// plugin in its wrappers setting.
package resilience

import "context"

// Do runs fn through the team's breaker.
func Do(ctx context.Context, name string, fn func(context.Context) error) error { return fn(ctx) }
