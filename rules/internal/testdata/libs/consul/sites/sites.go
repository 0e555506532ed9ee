package sites // want package:`calls\[consul\(env:CONSUL_ADDR\); consul\(env:CONSUL_ADDR unbounded\); consul\(host:consul:8500 timeout=1s\)\]`

// The package holds the call sites of the Consul API client: the address
// comes from the configuration NewClient is given, followed through the
// client and its endpoints (KV, Agent, Peerings). A call whose context is
// in its options has no bound the code shows yet; a call with no context
// at all is unbounded.

import (
	"context"
	"os"
	"time"

	"github.com/hashicorp/consul/api"
)

func Registry() {
	c, _ := api.NewClient(&api.Config{Address: os.Getenv("CONSUL_ADDR")})
	c.KV().Get("config/feature", nil)
	c.Agent().Services()
}

func Peers() {
	c, _ := api.NewClient(&api.Config{Address: "consul:8500"})
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	c.Peerings().List(ctx, nil)
}
