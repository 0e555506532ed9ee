// Package circuitbreaker is a stub of goresilience's circuitbreaker.
package circuitbreaker

import (
	"time"

	"github.com/slok/goresilience"
)

type Config struct {
	ErrorPercentThresholdToOpen        int
	MinimumRequestToOpen               int
	SuccessfulRequiredOnHalfOpen       int
	WaitDurationInOpenState            time.Duration
	MetricsSlidingWindowBucketQuantity int
	MetricsBucketDuration              time.Duration
}

func New(cfg Config) goresilience.Runner               { return nil }
func NewMiddleware(cfg Config) goresilience.Middleware { return nil }
