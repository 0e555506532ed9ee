package sites // want package:`calls\[sql\(host:clickhouse-1:9000 host:clickhouse-2:9000 bounded\); sql\(host:clickhouse-1:9000 host:clickhouse-2:9000 bounded\); sql\(host:clickhouse-1:9000 host:clickhouse-2:9000\); sql\(env:METRICS_CLICKHOUSE_ADDR bounded\)\]`

// The package holds the call sites of clickhouse-go that the join ties to
// the ClickHouse node: the addresses of Options.Addr, followed through the
// connection and its batches.

import (
	"context"
	"os"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
)

func Events() error {
	c, err := clickhouse.Open(&clickhouse.Options{Addr: []string{"clickhouse-1:9000", "clickhouse-2:9000"}})
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := c.Exec(ctx, `INSERT INTO events VALUES (1)`); err != nil {
		return err
	}
	b, err := c.PrepareBatch(context.Background(), `INSERT INTO events`)
	if err != nil {
		return err
	}
	return b.Send()
}

func Metrics() ([]uint64, error) {
	c, err := clickhouse.Open(&clickhouse.Options{Addr: []string{os.Getenv("METRICS_CLICKHOUSE_ADDR")}})
	if err != nil {
		return nil, err
	}
	var ids []uint64
	err = c.Select(context.Background(), &ids, `SELECT id FROM metrics`)
	return ids, err
}
