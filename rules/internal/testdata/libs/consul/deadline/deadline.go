// Package deadline holds ctxdeadline's cases for the Consul API client,
// whose default HTTP client has no overall timeout. The calls that take the
// context first (peerings, partitions) are judged; the others carry it in
// their QueryOptions or WriteOptions, which ctxdeadline does not follow
// yet, and stay silent.
package deadline

import (
	"context"
	"os"
	"time"

	"github.com/hashicorp/consul/api"
)

func client() *api.Client {
	c, err := api.NewClient(&api.Config{Address: os.Getenv("CONSUL_ADDR")})
	if err != nil {
		panic(err)
	}
	return c
}

// Hazard: the default client has no timeout, and the context no deadline.
func Hazard() {
	client().Peerings().List(context.Background(), nil) // want `context.Background\(\) reaches \(\*api.Peerings\).List with no deadline: nothing else bounds the call, so a hung server blocks it forever`
}

// Through a helper: the caller's context reaches the read.
func partition(ctx context.Context, c *api.Client) { // want partition:"ctxdeadline\\(param0 → \\(\\*api.Partitions\\).Read\\)"
	c.Partitions().Read(ctx, "default", nil)
}

func Helper() {
	partition(context.TODO(), client()) // want `context.TODO\(\) reaches deadline.partition → \(\*api.Partitions\).Read with no deadline`
}

// Safe: the same calls under context.WithTimeout.
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	client().Peerings().List(ctx, nil)
	partition(ctx, client())
}

// Trap: the transport's dial timeout (30s) bounds connecting only, and the
// configuration's WaitTime bounds blocking queries, on the server.
func WaitTimeOnly() {
	cfg := api.DefaultConfig()
	c, _ := api.NewClient(&api.Config{Address: cfg.Address, Transport: cfg.Transport, WaitTime: 5 * time.Second})
	c.Peerings().Read(context.Background(), "p", nil) // want `context.Background\(\) reaches \(\*api.Peerings\).Read with no deadline`
}

// Silent: the context travels in the options, which ctxdeadline does not
// follow; and calls with no context at all are not its to judge.
func Options() {
	c := client()
	c.KV().Get("config/feature", (&api.QueryOptions{}).WithContext(context.Background()))
	c.KV().Put(&api.KVPair{Key: "k", Value: []byte("v")}, nil)
	c.Agent().Services()
}

// Silent: a blocking query waits for a change, bounded by the agent.
func Blocking() {
	client().Health().Service("payments", "", true, &api.QueryOptions{WaitIndex: 42, WaitTime: time.Minute})
}

// Silent: acquiring a lock waits by design.
func Lock() {
	l, err := client().LockKey("leader")
	if err != nil {
		return
	}
	l.Lock(nil)
}
