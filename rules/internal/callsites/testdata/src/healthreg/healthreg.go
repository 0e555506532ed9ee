package main // want package:`calls\[registers grpc.health.v1.Health; starts http http.ListenAndServe; starts grpc \(\*grpc.Server\).Serve\]`

// healthreg registers gRPC's health service through a helper and
// serves its routes on a modelled router.

import (
	"net/http"

	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

func newServer() *grpc.Server {
	srv := grpc.NewServer()
	healthpb.RegisterHealthServer(srv, health.NewServer())
	return srv
}

func main() {
	srv := newServer()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(http.ResponseWriter, *http.Request) {})
	go http.ListenAndServe(":8080", mux)
	srv.Serve(nil)
}
