// Package deadline holds ctxdeadline's cases for redigo. Conn.Do takes no
// context (it is recorded for a rule on context-less calls, not judged
// here); dialing is bounded by a 30s connect timeout by default. DoContext
// with no deadline falls back on the connection's read timeout, set by
// the dial options (often in a Pool's Dial function), and Pool.GetContext
// waits only when the pool's Wait is set: faultline follows neither, so
// they are not judged and every case here is silent.
package deadline

import (
	"context"
	"os"
	"time"

	"github.com/gomodule/redigo/redis"
)

// Silent: Dial's connect timeout (30s by default) bounds the dial; Do
// takes no context.
func Dial() {
	c, err := redis.Dial("tcp", os.Getenv("REDIS_ADDR"))
	if err != nil {
		return
	}
	defer c.Close()
	c.Do("GET", "k")
}

// Silent: DialContext with a context that has no deadline is bounded by
// the connect timeout all the same.
func DialContext() {
	c, err := redis.DialContext(context.Background(), "tcp", "cache:6379")
	if err != nil {
		return
	}
	defer c.Close()
	redis.DoWithTimeout(c, time.Second, "GET", "k")
}

// Safe: a command and a pool under context.WithTimeout.
func Safe(p *redis.Pool) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	c, err := p.GetContext(ctx)
	if err != nil {
		return
	}
	defer c.Close()
	redis.DoContext(c, ctx, "GET", "k")
}

// Silent: a subscriber waits for messages by design.
func Subscribe(p *redis.Pool) {
	psc := redis.PubSubConn{Conn: p.Get()}
	psc.Subscribe("events")
	psc.ReceiveContext(context.Background())
}
