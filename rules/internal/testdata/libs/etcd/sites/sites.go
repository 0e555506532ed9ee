package sites // want package:`calls\[etcd\(env:ETCD_ENDPOINTS timeout=2s\); etcd\(env:ETCD_ENDPOINTS unbounded\); etcd\(host:etcd-0:2379 unbounded\)\]`

// The package holds the call sites of the etcd v3 client: the endpoints
// come from the configuration New is given, or from NewFromURL, followed
// through the client.

import (
	"context"
	"os"
	"time"

	clientv3 "go.etcd.io/etcd/client/v3"
)

func Config() {
	cli, _ := clientv3.New(clientv3.Config{Endpoints: []string{os.Getenv("ETCD_ENDPOINTS")}})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	cli.Get(ctx, "k")
	cli.Txn(context.Background()).Then(clientv3.OpPut("k", "v")).Commit()
}

func FromURL() {
	cli, _ := clientv3.NewFromURL("http://etcd-0:2379")
	cli.Grant(context.Background(), 10)
}
