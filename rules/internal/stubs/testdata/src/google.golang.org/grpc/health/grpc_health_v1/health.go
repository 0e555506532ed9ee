// Package grpc_health_v1 is a stub of
// google.golang.org/grpc/health/grpc_health_v1 with the real signatures
// of the parts the tests use.
package grpc_health_v1

import (
	"context"
	"errors"

	"google.golang.org/grpc"
)

type HealthCheckResponse_ServingStatus int32

const (
	HealthCheckResponse_UNKNOWN         HealthCheckResponse_ServingStatus = 0
	HealthCheckResponse_SERVING         HealthCheckResponse_ServingStatus = 1
	HealthCheckResponse_NOT_SERVING     HealthCheckResponse_ServingStatus = 2
	HealthCheckResponse_SERVICE_UNKNOWN HealthCheckResponse_ServingStatus = 3
)

type HealthCheckRequest struct {
	Service string
}

func (x *HealthCheckRequest) GetService() string {
	if x != nil {
		return x.Service
	}
	return ""
}

type HealthCheckResponse struct {
	Status HealthCheckResponse_ServingStatus
}

type HealthListRequest struct{}

type HealthListResponse struct {
	Statuses map[string]*HealthCheckResponse
}

type HealthServer interface {
	Check(context.Context, *HealthCheckRequest) (*HealthCheckResponse, error)
	List(context.Context, *HealthListRequest) (*HealthListResponse, error)
	Watch(*HealthCheckRequest, grpc.ServerStreamingServer[HealthCheckResponse]) error
}

type UnimplementedHealthServer struct{}

func (UnimplementedHealthServer) Check(context.Context, *HealthCheckRequest) (*HealthCheckResponse, error) {
	return nil, errors.New("method Check not implemented")
}
func (UnimplementedHealthServer) List(context.Context, *HealthListRequest) (*HealthListResponse, error) {
	return nil, errors.New("method List not implemented")
}
func (UnimplementedHealthServer) Watch(*HealthCheckRequest, grpc.ServerStreamingServer[HealthCheckResponse]) error {
	return errors.New("method Watch not implemented")
}

type Health_WatchServer = grpc.ServerStreamingServer[HealthCheckResponse]

var Health_ServiceDesc = grpc.ServiceDesc{ServiceName: "grpc.health.v1.Health", HandlerType: (*HealthServer)(nil)}

func RegisterHealthServer(s grpc.ServiceRegistrar, srv HealthServer) {
	s.RegisterService(&Health_ServiceDesc, srv)
}
