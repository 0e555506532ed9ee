// Package deadline holds ctxdeadline's cases for gocql v1: a cluster made
// by NewCluster bounds every request with its Timeout (11s), whatever the
// context, so none of these calls is reported.
package deadline

import (
	"context"
	"os"
	"time"

	"github.com/gocql/gocql"
)

func session() *gocql.Session {
	s, err := gocql.NewCluster(os.Getenv("CASSANDRA_HOSTS")).CreateSession()
	if err != nil {
		panic(err)
	}
	return s
}

// Silent: Background reaches the query, but the cluster's Timeout bounds
// each request.
func Background() error {
	return session().Query(`INSERT INTO orders (id) VALUES (?)`, 1).WithContext(context.Background()).Exec()
}

// Silent: no context at all; the query runs with Background, bounded by
// Timeout all the same.
func NoContext() (int, error) {
	var n int
	err := session().Query(`SELECT count(*) FROM orders`).Scan(&n)
	return n, err
}

// Silent: a helper handing its caller's context to the query gets no fact,
// since the query is bounded whatever the context.
func load(ctx context.Context, s *gocql.Session) map[string]any {
	m := map[string]any{}
	_ = s.Query(`SELECT * FROM orders WHERE id = ?`, 1).WithContext(ctx).MapScan(m)
	return m
}

func Helper() { load(context.TODO(), session()) }

// Silent: the same under a deadline of the caller's.
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	load(ctx, session())
}

// Silent: a batch and the wait for schema agreement (60s at most, each
// poll bounded by Timeout).
func Batch() error {
	s := session()
	b := s.NewBatch(gocql.LoggedBatch)
	b.Query(`INSERT INTO orders (id) VALUES (?)`, 2)
	if err := s.ExecuteBatch(b); err != nil {
		return err
	}
	return s.AwaitSchemaAgreement(context.Background())
}

// Not reported, though unbounded: a cluster whose Timeout is set to 0
// has no per-request timer (conn.go:1118), and the query waits on its
// context alone. faultline takes the bound from the catalogue, not from
// the ClusterConfig, and does not see this.
func TimeoutZero() error {
	cluster := gocql.NewCluster("cassandra-1")
	cluster.Timeout = 0
	s, err := cluster.CreateSession()
	if err != nil {
		return err
	}
	return s.Query(`DELETE FROM orders WHERE id = ?`, 3).Exec()
}
