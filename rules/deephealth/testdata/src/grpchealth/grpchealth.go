// Package grpchealth implements the gRPC health service.
package grpchealth

import (
	"context"
	"database/sql"
	"sync/atomic"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

// deepServer queries the database on every Check.
type deepServer struct {
	healthpb.UnimplementedHealthServer
	db *sql.DB
}

func (s *deepServer) Check(ctx context.Context, req *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) { // want `^liveness gRPC health Check of \*deepServer calls \(\*sql\.DB\)\.QueryContext via \(\*deepServer\)\.count: when the database is slow or down every instance fails its gRPC health probe and, probed for liveness, is restarted at once; answer Check from a status a background check keeps \(grpc/health.s SetServingStatus\), or check dependencies only for a readiness service name$`
	if _, err := s.count(ctx); err != nil {
		return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_NOT_SERVING}, nil
	}
	return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}, nil
}

func (s *deepServer) count(ctx context.Context) (int, error) {
	rows, err := s.db.QueryContext(ctx, "select count(*) from jobs")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	return 0, nil
}

// Watch polls the database for every watcher: a readiness note.
func (s *deepServer) Watch(req *healthpb.HealthCheckRequest, stream grpc.ServerStreamingServer[healthpb.HealthCheckResponse]) error { // want `^readiness gRPC health Watch of \*deepServer calls \(\*sql\.DB\)\.PingContext: when the database is slow or down every instance turns unready at once`
	for {
		status := healthpb.HealthCheckResponse_SERVING
		if s.db.PingContext(stream.Context()) != nil {
			status = healthpb.HealthCheckResponse_NOT_SERVING
		}
		if err := stream.Send(&healthpb.HealthCheckResponse{Status: status}); err != nil {
			return err
		}
		time.Sleep(time.Second)
	}
}

// splitServer checks the database only for the readiness service name, the
// Kubernetes convention for telling liveness and readiness apart.
type splitServer struct {
	healthpb.UnimplementedHealthServer
	db *sql.DB
}

func (s splitServer) Check(ctx context.Context, req *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) { // want `^readiness gRPC health Check of splitServer for service "readiness" calls \(\*sql\.DB\)\.PingContext: when the database`
	switch req.GetService() {
	case "liveness":
		return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}, nil
	case "readiness":
		if err := s.db.PingContext(ctx); err != nil {
			return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_NOT_SERVING}, nil
		}
	}
	return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}, nil
}

// Trap: the guard names the liveness service, so the check stays a
// liveness one.
type wrongSplit struct {
	healthpb.UnimplementedHealthServer
	db *sql.DB
}

func (s *wrongSplit) Check(ctx context.Context, req *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) { // want `^liveness gRPC health Check of \*wrongSplit calls \(\*sql\.DB\)\.PingContext`
	if req.Service != "liveness" {
		return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}, nil
	}
	if err := s.db.PingContext(ctx); err != nil {
		return nil, err
	}
	return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}, nil
}

// cachedServer answers from a status a background loop keeps.
type cachedServer struct {
	healthpb.UnimplementedHealthServer
	up atomic.Bool
}

func (s *cachedServer) Check(ctx context.Context, req *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
	if !s.up.Load() {
		return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_NOT_SERVING}, nil
	}
	return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}, nil
}

func (s *cachedServer) poll(ctx context.Context, db *sql.DB) {
	for ctx.Err() == nil {
		s.up.Store(db.PingContext(ctx) == nil)
		time.Sleep(5 * time.Second)
	}
}

// The standard server, updated from a background check: never reported.
func register(ctx context.Context, srv *grpc.Server, db *sql.DB) {
	hs := health.NewServer()
	healthpb.RegisterHealthServer(srv, hs)
	go func() {
		for ctx.Err() == nil {
			status := healthpb.HealthCheckResponse_SERVING
			if db.PingContext(ctx) != nil {
				status = healthpb.HealthCheckResponse_NOT_SERVING
			}
			hs.SetServingStatus("", status)
			time.Sleep(5 * time.Second)
		}
	}()
	cs := &cachedServer{}
	go cs.poll(ctx, db)
	healthpb.RegisterHealthServer(srv, cs)
	healthpb.RegisterHealthServer(srv, &deepServer{db: db})
}

// A type that wraps the standard server and overrides nothing stays silent.
type wrapped struct {
	*health.Server
}

// A type with a Check method that is not a health server.
type jobs struct{ db *sql.DB }

func (j *jobs) Check(ctx context.Context, req *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
	_, err := j.db.QueryContext(ctx, "select 1")
	return nil, err
}
