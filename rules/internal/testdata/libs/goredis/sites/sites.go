package sites // want package:`calls\[redis\(env:CACHE_ADDR timeout=1s attempts=4\); redis\(host:redis-a:6379 host:redis-b:6379 unbounded attempts=4\); redis\(env:SESSIONS_REDIS unbounded attempts=4\)\]`

// The package holds the call sites of go-redis v9 and v8: the address
// comes from the options the client is built with (callsites' own reading
// of Addr and Addrs; the catalogue's entries name no Addrs). The commands
// run with MaxRetries' default, 3 retries. The unbounded calls have no read
// timeout (ReadTimeout -1); callsites reads the context alone, so a
// default client's read timeout is not shown.

import (
	"context"
	"os"
	"time"

	redis8 "github.com/go-redis/redis/v8"
	"github.com/redis/go-redis/v9"
)

func Cache() {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("CACHE_ADDR")})
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	rdb.Get(ctx, "k")
}

func Cluster() {
	rdb := redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{"redis-a:6379", "redis-b:6379"}, ReadTimeout: -1})
	rdb.Del(context.Background(), "k")
}

func Sessions() {
	rdb := redis8.NewClient(&redis8.Options{Addr: os.Getenv("SESSIONS_REDIS"), ReadTimeout: -1})
	rdb.Set(context.Background(), "k", "v", time.Minute)
}
