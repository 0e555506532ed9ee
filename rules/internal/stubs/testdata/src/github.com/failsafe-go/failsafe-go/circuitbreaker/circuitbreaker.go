// Package circuitbreaker is a stub of failsafe-go's circuitbreaker.
package circuitbreaker

import (
	"time"

	"github.com/failsafe-go/failsafe-go"
)

type CircuitBreaker[R any] interface {
	failsafe.ResultAgnosticPolicy[R]
	Open()
	Close()
	IsOpen() bool
	TryAcquirePermit() bool
	RecordSuccess()
	RecordFailure()
	RecordError(err error)
}

type Builder[R any] interface {
	failsafe.FailurePolicyBuilder[Builder[R], R]
	failsafe.DelayablePolicyBuilder[Builder[R], R]
	WithFailureThreshold(failureThreshold uint) Builder[R]
	WithFailureRateThreshold(failureRateThreshold uint, failureExecutionThreshold uint, failureThresholdingPeriod time.Duration) Builder[R]
	WithSuccessThreshold(successThreshold uint) Builder[R]
	Build() CircuitBreaker[R]
}

func NewWithDefaults[R any]() CircuitBreaker[R] { return nil }
func NewBuilder[R any]() Builder[R]             { return nil }
