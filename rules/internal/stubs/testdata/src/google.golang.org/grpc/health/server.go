// Package health is a stub of google.golang.org/grpc/health with the real
// signatures of the parts the tests use.
package health

import (
	"context"
	"sync"

	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

type Server struct {
	healthpb.UnimplementedHealthServer
	mu        sync.RWMutex
	statusMap map[string]healthpb.HealthCheckResponse_ServingStatus
}

func NewServer() *Server {
	return &Server{statusMap: map[string]healthpb.HealthCheckResponse_ServingStatus{"": healthpb.HealthCheckResponse_SERVING}}
}

func (s *Server) Check(_ context.Context, in *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return &healthpb.HealthCheckResponse{Status: s.statusMap[in.Service]}, nil
}

func (s *Server) SetServingStatus(service string, servingStatus healthpb.HealthCheckResponse_ServingStatus) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.statusMap[service] = servingStatus
}

func (s *Server) Shutdown() {}
