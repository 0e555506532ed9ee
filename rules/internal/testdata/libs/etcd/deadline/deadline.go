// Package deadline holds ctxdeadline's cases for the etcd v3 client. Calls
// wait for a ready connection and are retried, so with no deadline they
// can wait forever.
package deadline

import (
	"context"
	"os"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"
)

func client() *clientv3.Client {
	c, err := clientv3.New(clientv3.Config{Endpoints: []string{os.Getenv("ETCD_ENDPOINT")}})
	if err != nil {
		panic(err)
	}
	return c
}

// Hazard: a read with a context that has no deadline.
func Hazard() {
	client().Get(context.Background(), "config/feature") // want `context.Background\(\) reaches \(clientv3.KV\).Get with no deadline: nothing else bounds the call, so a hung server blocks it forever`
}

// Hazard: a lease grant through the Lease interface.
func Lease(cli *clientv3.Client) {
	cli.Grant(context.TODO(), 10) // want `context.TODO\(\) reaches \(clientv3.Lease\).Grant with no deadline`
}

// Hazard: a transaction is sent by Commit, with the context given to Txn.
func Txn(cli *clientv3.Client) {
	cli.Txn(context.Background()). // want `context.Background\(\) reaches \(clientv3.Txn\).Commit with no deadline`
					If(clientv3.Compare(clientv3.Version("k"), "=", 0)).
					Then(clientv3.OpPut("k", "v")).
					Commit()
}

// Through a helper: the caller's context reaches the put.
func put(ctx context.Context, kv clientv3.KV, k, v string) error { // want put:"ctxdeadline\\(param0 → \\(clientv3.KV\\).Put\\)"
	_, err := kv.Put(ctx, k, v)
	return err
}

func Helper() {
	put(context.Background(), client(), "k", "v") // want `context.Background\(\) reaches deadline.put → \(clientv3.KV\).Put with no deadline`
}

// Safe: the same calls under context.WithTimeout.
func Safe(cli *clientv3.Client) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	cli.Get(ctx, "config/feature")
	cli.Txn(ctx).Then(clientv3.OpDelete("k")).Commit()
	put(ctx, cli, "k", "v")
}

// Trap: DialTimeout and keepalive settings look like bounds, but in 3.7
// DialTimeout does not even bound connecting, and neither bounds a call.
func DialTimeoutOnly() {
	cli, err := clientv3.New(clientv3.Config{
		Endpoints:            []string{"etcd:2379"},
		DialTimeout:          5 * time.Second,
		DialKeepAliveTime:    10 * time.Second,
		DialKeepAliveTimeout: 3 * time.Second,
	})
	if err != nil {
		return
	}
	cli.Delete(context.Background(), "k") // want `context.Background\(\) reaches \(clientv3.KV\).Delete with no deadline`
}

// Silent: a watch and a lease keep-alive are streams that live as long as
// their context.
func Streams(cli *clientv3.Client) {
	for range cli.Watch(context.Background(), "config/", clientv3.WithPrefix()) {
	}
	cli.KeepAlive(context.Background(), clientv3.LeaseID(1))
}
