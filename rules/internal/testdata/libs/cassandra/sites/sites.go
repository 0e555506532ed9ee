package sites // want package:`calls\[cql\(env:CASSANDRA_HOSTS bounded\); cql\(env:CASSANDRA_HOSTS bounded\); cql\(host:cassandra-1:9042 host:cassandra-2:9042 bounded\); cql\(host:cassandra-1:9042 host:cassandra-2:9042 bounded\)\]`

// The package holds the call sites of gocql that the join ties to the
// Cassandra node: the hosts come from NewCluster's arguments, followed
// through the cluster, its session and the query.

import (
	"context"
	"os"

	gocql2 "github.com/apache/cassandra-gocql-driver/v2"
	"github.com/gocql/gocql"
)

func Orders() error {
	s, err := gocql.NewCluster(os.Getenv("CASSANDRA_HOSTS")).CreateSession()
	if err != nil {
		return err
	}
	return s.Query(`INSERT INTO orders (id) VALUES (?)`, 1).WithContext(context.Background()).Exec()
}

func Hosts() error {
	cluster := gocql2.NewCluster("cassandra-1:9042", "cassandra-2:9042")
	s, err := cluster.CreateSession()
	if err != nil {
		return err
	}
	var n int
	return s.Query(`SELECT count(*) FROM users`).ScanContext(context.Background(), &n)
}
