package sites // want package:`calls\[memcache\(env:SESSIONS_MEMCACHE bounded\); memcache\(env:SESSIONS_MEMCACHE bounded\); memcache\(host:cache-a:11211 host:cache-b:11211 bounded\)\]`

// The package holds the call sites of gomemcache that the join ties to a
// node: the servers come from memcache.New, followed through the client.

import (
	"os"

	"github.com/bradfitz/gomemcache/memcache"
)

type store struct{ mc *memcache.Client }

func newStore() *store { return &store{mc: memcache.New(os.Getenv("SESSIONS_MEMCACHE"))} }

func Sessions() {
	c := memcache.New(os.Getenv("SESSIONS_MEMCACHE"))
	c.Get("session:1")
	c.Set(&memcache.Item{Key: "session:1", Value: []byte("x")})
}

func Ring() {
	c := memcache.New("cache-a:11211", "cache-b:11211")
	c.Touch("k", 10)
}
