// Package otelaws is a stub of an instrumentation faultline does not model.
package otelaws

type Option interface{ apply() }

func AppendMiddlewares(apiOptions *[]func() error, opts ...Option) {}
