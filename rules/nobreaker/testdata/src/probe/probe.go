// Package probe checks a server's gRPC health: a probe must see failures,
// not a breaker's; silent.
package probe

import (
	"context"
	"os"

	"example.com/pb/health"
	"google.golang.org/grpc"
)

func Ready(ctx context.Context) bool {
	conn, err := grpc.NewClient(os.Getenv("STORAGE_ADDR"))
	if err != nil {
		return false
	}
	_, err = health.NewHealthClient(conn).Charge(ctx, &health.ChargeRequest{})
	return err == nil
}
