// Package retry is a stub of github.com/avast/retry-go/v5 v5.0.0.
package retry

import (
	"context"
	"time"
)

type DelayContext interface{ Delay() time.Duration }
type retrierCore struct{}
type Option func(*retrierCore)
type DelayTypeFunc func(n uint, err error, config DelayContext) time.Duration
type RetryableFunc func() error
type RetryableFuncWithData[T any] func() (T, error)

type Retrier struct{}
type RetrierWithData[T any] struct{}

func New(opts ...Option) *Retrier                           { return &Retrier{} }
func NewWithData[T any](opts ...Option) *RetrierWithData[T] { return &RetrierWithData[T]{} }
func (r *Retrier) Do(retryableFunc RetryableFunc) error     { return retryableFunc() }
func (r *RetrierWithData[T]) Do(retryableFunc RetryableFuncWithData[T]) (T, error) {
	return retryableFunc()
}
func BackOffDelay(n uint, _ error, config DelayContext) time.Duration { return 0 }
func FixedDelay(_ uint, _ error, config DelayContext) time.Duration   { return 0 }
func RandomDelay(_ uint, _ error, config DelayContext) time.Duration  { return 0 }

func Attempts(attempts uint) Option                      { return nil }
func UntilSucceeded() Option                             { return nil }
func Delay(delay time.Duration) Option                   { return nil }
func MaxDelay(maxDelay time.Duration) Option             { return nil }
func MaxJitter(maxJitter time.Duration) Option           { return nil }
func DelayType(delayType DelayTypeFunc) Option           { return nil }
func Context(ctx context.Context) Option                 { return nil }
func LastErrorOnly(lastErrorOnly bool) Option            { return nil }
func CombineDelay(delays ...DelayTypeFunc) DelayTypeFunc { return nil }
