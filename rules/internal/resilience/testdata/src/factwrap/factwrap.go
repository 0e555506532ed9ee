// Package factwrap hands functions to a wrapper declared with -wrappers.
package factwrap

import (
	"context"

	"example.com/platform/retrying"
)

// Run hands fn to the declared retry wrapper.
func Run(ctx context.Context, fn func(context.Context) error) error { // want Run:`resilience\(param1=retry\)`
	return retrying.Do(ctx, fn)
}
