// Package deadline holds ctxdeadline's cases for clickhouse-go v2: over
// the native protocol the driver acquires a connection within DialTimeout
// (30s) and reads the answer under a ReadTimeout deadline (300s), whatever
// the context, so none of these calls is reported.
package deadline

import (
	"context"
	"os"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

func conn() driver.Conn {
	// Open dials nothing.
	c, err := clickhouse.Open(&clickhouse.Options{Addr: []string{os.Getenv("CLICKHOUSE_ADDR")}})
	if err != nil {
		panic(err)
	}
	return c
}

// Silent: Background reaches the query, bounded by ReadTimeout.
func Background() error {
	rows, err := conn().Query(context.Background(), `SELECT id FROM events`)
	if err != nil {
		return err
	}
	return rows.Close()
}

// Silent: a helper handing its caller's context to Select gets no fact.
func load(ctx context.Context, c driver.Conn) []uint64 {
	var ids []uint64
	_ = c.Select(ctx, &ids, `SELECT id FROM events`)
	return ids
}

func Helper() []uint64 { return load(context.TODO(), conn()) }

func Safe() []uint64 {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return load(ctx, conn())
}

// Silent: PrepareBatch is bounded like a query. Send writes the rows with
// no deadline but its context's: whether that can wait forever depends on
// the batch and the server, which faultline does not judge.
func Batch() error {
	b, err := conn().PrepareBatch(context.Background(), `INSERT INTO events`)
	if err != nil {
		return err
	}
	if err := b.Append(uint64(1)); err != nil {
		return err
	}
	return b.Send()
}

// Silent: Exec and Ping under a cancelable context, bounded by
// ReadTimeout all the same.
func Exec() error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := conn()
	if err := c.Ping(ctx); err != nil {
		return err
	}
	return c.Exec(ctx, `OPTIMIZE TABLE events`)
}

// Not reported, though unbounded after the response headers: over HTTP,
// ReadTimeout is only the transport's ResponseHeaderTimeout, and the
// first block of the body is read with no deadline. faultline does not
// tell the protocols apart.
func HTTP() error {
	c, err := clickhouse.Open(&clickhouse.Options{Addr: []string{"clickhouse:8123"}, Protocol: clickhouse.HTTP})
	if err != nil {
		return err
	}
	rows, err := c.Query(context.Background(), `SELECT id FROM events`)
	if err != nil {
		return err
	}
	return rows.Close()
}
