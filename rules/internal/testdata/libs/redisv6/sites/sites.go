package sites // want package:`calls\[redis\(env:CACHE_ADDR bounded\); redis\(host:redis-a:6379 host:redis-b:6379 bounded\); redis\(env:SENTINELS\)\]`

// The package holds the call sites of go-redis v6 that the join ties to a
// node: the address comes from the options the client is built with.
//
// Left out: a command called on the client itself (c.Get(k)), whose
// receiver is the embedded cmdable's address (&c.cmdable), which callsites
// does not follow back to the client yet; and a Ring, whose addresses are
// the values of a map (RingOptions.Addrs), which callsites does not read.

import (
	"os"
	"time"

	"github.com/go-redis/redis"
)

func Cache() {
	c := redis.NewClient(&redis.Options{Addr: os.Getenv("CACHE_ADDR")})
	c.Watch(func(tx *redis.Tx) error { return nil }, "k")
}

// Through the UniversalClient interface.
func Universal() {
	var c redis.UniversalClient = redis.NewUniversalClient(&redis.UniversalOptions{Addrs: []string{"redis-a:6379", "redis-b:6379"}})
	c.Del("k")
}

func Failover() {
	var c redis.UniversalClient = redis.NewFailoverClient(&redis.FailoverOptions{MasterName: "m", SentinelAddrs: []string{os.Getenv("SENTINELS")}})
	c.BLPop(time.Second, "jobs")
}
