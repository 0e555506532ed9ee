package sites // want package:`calls\[redis\(env:REDIS_ADDR bounded\); redis\(env:REDIS_ADDR unbounded\); redis\(host:cache:6379 bounded\); redis\(host:cache:6379 timeout=1s\); redis\(unbounded\); redis\(unbounded\); redis\(host:cache:6379 bounded\); redis\(host:sessions:6379 bounded\); redis\(host:sessions:6379 timeout=1s\)\]`

// The package holds the call sites of redigo: the address is the one
// given to Dial, DialContext or DialURL, followed through the connection.
// A command on a connection dialed with no read timeout is unbounded.

import (
	"context"
	"os"
	"time"

	"github.com/gomodule/redigo/redis"
)

func Direct() {
	c, _ := redis.Dial("tcp", os.Getenv("REDIS_ADDR"))
	c.Do("SET", "k", "v")
}

func URL() {
	c, _ := redis.DialURL("redis://cache:6379/0")
	cwc := c.(redis.ConnWithContext)
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	cwc.DoContext(ctx, "GET", "k")
}

// A pool dials through the application's function, which callsites does
// not follow: Get (which dials, and may wait for a free connection) and
// the command have no evidence; the Dial inside the function has its own.
func Pooled() {
	p := &redis.Pool{Dial: func() (redis.Conn, error) { return redis.Dial("tcp", "cache:6379") }}
	c := p.Get()
	defer c.Close()
	c.Do("INCR", "hits")
}

// A package-level command given the connection: its evidence is the
// connection's.
func Sessions() {
	c, _ := redis.Dial("tcp", "sessions:6379")
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	redis.DoContext(c, ctx, "GET", "s")
}
