package main // want package:`calls\[grpc\(grpc:ext\.v1\.Search host:search:50051 unbounded breaker=no\); bind extpb\.NewSearchClient#0=host:search:50051; registers shop\.payment\.v1\.PaymentService\]`

import (
	"context"

	"google.golang.org/grpc"

	"extpb"
	"regwrap"
)

func main() {
	conn, _ := grpc.NewClient("search:50051")
	_, _ = extpb.NewSearchClient(conn).Query(context.Background(), &extpb.Req{})

	s := grpc.NewServer()
	(&regwrap.Handler{}).Register(s)
}
