// Package timeout is a stub of failsafe-go's timeout.
package timeout

import (
	"time"

	"github.com/failsafe-go/failsafe-go"
)

type Timeout[R any] interface {
	failsafe.ResultAgnosticPolicy[R]
}

func New[R any](timeLimit time.Duration) Timeout[R] { return nil }
