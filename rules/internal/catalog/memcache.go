package catalog

func init() { register(&gomemcache) }

// gomemcache: bradfitz/gomemcache, the memcached client. No call takes a
// context: every one is bounded by the client's Timeout, whose zero value
// means DefaultTimeout (500ms), for the dial and for the whole exchange.
var gomemcache = Library{
	Name:     "gomemcache",
	Paths:    []string{"github.com/bradfitz/gomemcache"},
	Versions: "v0.0.0-20260422231931-4d751bb6e37c read",
	Engine:   "memcached",
	Notes: "No call takes a context: each is bounded by the client's Timeout, and a zero Timeout means " +
		"DefaultTimeout (500ms), for the dial (a custom DialContext included) and for each server's exchange, " +
		"so faultline never reports them for want of a deadline. Addresses are read from memcache.New; " +
		"a client built with NewFromSelector is not followed.",
	APIs: func() []API {
		const pkg = "github.com/bradfitz/gomemcache/memcache"
		var t []API
		for _, m := range []string{
			"Get", "GetMulti", "GetAndTouch", "Touch",
			"Set", "Add", "Replace", "Append", "Prepend", "CompareAndSwap",
			"Delete", "DeleteAll", "FlushAll", "Increment", "Decrement", "Ping",
		} {
			t = append(t, bounded(method(pkg, "Client", m, Memcache, -1)))
		}
		return t
	}(),
	Addrs: []Addr{
		{Func: "github.com/bradfitz/gomemcache/memcache.New", Arg: -1},
	},
}
