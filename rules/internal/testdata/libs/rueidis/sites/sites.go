package sites // want package:`calls\[redis\(env:CACHE_ADDR timeout=1s\); redis\(env:CACHE_ADDR unbounded\); redis\(host:redis-a:6379 unbounded\)\]`

// The package holds the call sites of rueidis: the addresses come from the
// client options' InitAddress. A command with a context that has no
// deadline is unbounded: read-only commands are retried for as long as it
// lasts.
//
// Left out: options parsed from a URL (NewClient(MustParseURL(u))), which
// callsites does not reach yet (it reads the options' InitAddress first and
// does not visit the same value again for the parser's argument).

import (
	"context"
	"os"
	"time"

	"github.com/redis/rueidis"
)

func Cache() {
	c, _ := rueidis.NewClient(rueidis.ClientOption{InitAddress: []string{os.Getenv("CACHE_ADDR")}})
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	c.Do(ctx, c.B().Get().Key("k").Build())
	c.DoMulti(context.Background(), c.B().Get().Key("a").Build(), c.B().Get().Key("b").Build())
}

func Cached() {
	c, _ := rueidis.NewClient(rueidis.ClientOption{InitAddress: []string{"redis-a:6379"}})
	c.DoCache(context.Background(), c.B().Get().Key("k").Cache(), time.Minute)
}
