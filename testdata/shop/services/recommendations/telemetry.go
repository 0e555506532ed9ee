package main

import (
	"github.com/redis/go-redis/extra/redisotel/v9"
	"github.com/redis/go-redis/v9"
)

// instrumented adds OpenTelemetry tracing to a Redis client and returns
// it (counterpart of unobserved).
func instrumented(rdb *redis.Client) *redis.Client {
	if err := redisotel.InstrumentTracing(rdb); err != nil {
		panic(err)
	}
	return rdb
}
