// Package pgxtracer sets a tracer on the pool's ConnConfig after parsing
// it (silent) and opens another pool bare (reported).
package pgxtracer

import (
	"context"
	"os"

	"github.com/exaring/otelpgx"
	"github.com/jackc/pgx/v5/pgxpool"
)

func Orders(ctx context.Context) error {
	cfg, err := pgxpool.ParseConfig(os.Getenv("ORDERS_DSN"))
	if err != nil {
		return err
	}
	cfg.ConnConfig.Tracer = otelpgx.NewTracer()
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return err
	}
	_, err = pool.Exec(ctx, `DELETE FROM carts`)
	return err
}

func Users(ctx context.Context) error {
	pool, err := pgxpool.New(ctx, os.Getenv("USERS_DSN")) // want `^SQL client for env USERS_DSN has no telemetry .*ConnConfig.Tracer`
	if err != nil {
		return err
	}
	_, err = pool.Exec(ctx, `DELETE FROM sessions`)
	return err
}
