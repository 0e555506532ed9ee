// Package circuit is a stub of github.com/cep21/circuit/v4.
package circuit

import "context"

type Config struct{}
type Manager struct{}
type Circuit struct{}

func (h *Manager) MustCreateCircuit(name string, config ...Config) *Circuit { return &Circuit{} }
func (c *Circuit) Execute(ctx context.Context, runFunc func(context.Context) error, fallbackFunc func(context.Context, error) error) error {
	return runFunc(ctx)
}
func (c *Circuit) Run(ctx context.Context, runFunc func(context.Context) error) error {
	return runFunc(ctx)
}
