// Package redisotel is a stub of go-redis' OpenTelemetry instrumentation.
package redisotel

import "github.com/redis/go-redis/v9"

type TracingOption interface{ apply() }

func InstrumentTracing(rdb redis.UniversalClient, opts ...TracingOption) error { return nil }

func InstrumentMetrics(rdb redis.UniversalClient, opts ...TracingOption) error { return nil }
