// Package goresilience is a stub of github.com/slok/goresilience v0.2.0.
package goresilience

import "context"

type Func func(ctx context.Context) error

type Runner interface {
	Run(ctx context.Context, f Func) error
}

type Middleware func(Runner) Runner

func RunnerChain(middlewares ...Middleware) Runner { return nil }
