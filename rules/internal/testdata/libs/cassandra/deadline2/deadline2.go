// Package deadline2 holds ctxdeadline's cases for apache/cassandra-gocql-driver
// v2: its *Context methods take the context, and the cluster's Timeout
// (11s) bounds every request all the same.
package deadline2

import (
	"context"
	"time"

	gocql "github.com/apache/cassandra-gocql-driver/v2"
)

func session() *gocql.Session {
	s, err := gocql.NewCluster("cassandra-1", "cassandra-2").CreateSession()
	if err != nil {
		panic(err)
	}
	return s
}

// Silent: Background reaches ExecContext, bounded by Timeout.
func Background() error {
	return session().Query(`INSERT INTO orders (id) VALUES (?)`, 1).ExecContext(context.Background())
}

// Silent: a helper whose context reaches ScanContext gets no fact.
func count(ctx context.Context, s *gocql.Session) int {
	var n int
	_ = s.Query(`SELECT count(*) FROM orders`).ScanContext(ctx, &n)
	return n
}

func Helper() int { return count(context.TODO(), session()) }

func Safe() int {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return count(ctx, session())
}

// Silent: v2 batches execute themselves, with or without a context.
func Batch() error {
	b := session().Batch(gocql.LoggedBatch).Query(`INSERT INTO orders (id) VALUES (?)`, 2)
	if err := b.ExecContext(context.Background()); err != nil {
		return err
	}
	return b.WithContext(context.Background()).Exec()
}

// Silent: an iterator opened under a cancelable context.
func Iter() error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	return session().Query(`SELECT id FROM orders`).IterContext(ctx).Close()
}
