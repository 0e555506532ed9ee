// Package sleeputil waits; it cannot reach the network, so faultline does
// not build its SSA, but still records that its functions sleep.
package sleeputil

import "time"

// Backoff sleeps before the next attempt.
func Backoff(attempt int) { time.Sleep(time.Duration(attempt) * 100 * time.Millisecond) }
