// Package hystrix is a stub of github.com/afex/hystrix-go/hystrix.
package hystrix

import "context"

type runFunc func() error
type fallbackFunc func(error) error
type runFuncC func(context.Context) error
type fallbackFuncC func(context.Context, error) error

type CommandConfig struct {
	Timeout                int `json:"timeout"`
	MaxConcurrentRequests  int `json:"max_concurrent_requests"`
	RequestVolumeThreshold int `json:"request_volume_threshold"`
	SleepWindow            int `json:"sleep_window"`
	ErrorPercentThreshold  int `json:"error_percent_threshold"`
}

type CircuitBreaker struct{ Name string }

func Go(name string, run runFunc, fallback fallbackFunc) chan error { return nil }
func GoC(ctx context.Context, name string, run runFuncC, fallback fallbackFuncC) chan error {
	return nil
}
func Do(name string, run runFunc, fallback fallbackFunc) error { return run() }
func DoC(ctx context.Context, name string, run runFuncC, fallback fallbackFuncC) error {
	return run(ctx)
}
func ConfigureCommand(name string, config CommandConfig)    {}
func GetCircuit(name string) (*CircuitBreaker, bool, error) { return nil, false, nil }
func (circuit *CircuitBreaker) AllowRequest() bool          { return true }
func (circuit *CircuitBreaker) IsOpen() bool                { return false }
