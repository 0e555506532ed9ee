// Package deadline holds ctxdeadline's cases for rueidis. The context is
// Do's only general bound: read-only commands are retried while it has no
// deadline, and blocking commands wait forever.
package deadline

import (
	"context"
	"os"
	"time"

	"github.com/redis/rueidis"
)

func client() rueidis.Client {
	c, err := rueidis.NewClient(rueidis.ClientOption{InitAddress: []string{os.Getenv("REDIS_ADDR")}})
	if err != nil {
		panic(err)
	}
	return c
}

// Safe: a command under context.WithTimeout.
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	c := client()
	c.Do(ctx, c.B().Get().Key("k").Build())
}

// Silent: a subscription waits for messages by design.
func Subscribe() {
	c := client()
	c.Receive(context.Background(), c.B().Subscribe().Channel("events").Build(), func(rueidis.PubSubMessage) {})
}

// Reported: a read with no deadline is retried for as long as the server
// does not answer.
func Unbounded() {
	c := client()
	c.Do(context.Background(), c.B().Get().Key("k").Build()) // want `context.Background\(\) reaches \(rueidis.CommandClient\).Do with no deadline: read-only commands are retried without limit and blocking commands wait forever while the context has no deadline`
}

// Trap: a cancelable context has no deadline either.
func Cancelable() {
	ctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) reaches \(rueidis.CommandClient\).Do with no deadline \(context.WithCancel adds none\)`
	defer cancel()
	c := client()
	c.Do(ctx, c.B().Blpop().Key("q").Timeout(0).Build())
}
