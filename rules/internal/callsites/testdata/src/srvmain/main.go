package main // want package:`calls\[starts http http.ListenAndServe; starts grpc \(\*grpc.Server\).Serve\]`

// A service: a gRPC server started in a goroutine, and an HTTP server
// started by another package's exported function (its Serving fact).

import (
	"net"

	"google.golang.org/grpc"

	"srvlib"
)

func main() {
	lis, _ := net.Listen("tcp", ":9000")
	s := grpc.NewServer()
	go func() { _ = s.Serve(lis) }()
	_ = srvlib.Run(":8080")
}
