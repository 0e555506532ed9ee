// Code written by hand in the shape protoc-gen-go-grpc v1.5 generates for
//
//	service FeedService {
//	  rpc List(google.protobuf.StringValue) returns (stream google.protobuf.StringValue);
//	  rpc Watch(google.protobuf.StringValue) returns (stream google.protobuf.StringValue);
//	  rpc Report(google.protobuf.StringValue) returns (stream google.protobuf.StringValue);
//	  rpc Upload(stream google.protobuf.StringValue) returns (google.protobuf.StringValue);
//	  rpc Chat(stream google.protobuf.StringValue) returns (stream google.protobuf.StringValue);
//	}
//
// with the messages of wrapperspb, so that the fixture needs no protoc.

package feedv1

import (
	context "context"

	grpc "google.golang.org/grpc"
	codes "google.golang.org/grpc/codes"
	status "google.golang.org/grpc/status"
	wrapperspb "google.golang.org/protobuf/types/known/wrapperspb"
)

const _ = grpc.SupportPackageIsVersion9

const (
	FeedService_List_FullMethodName   = "/feed.v1.FeedService/List"
	FeedService_Watch_FullMethodName  = "/feed.v1.FeedService/Watch"
	FeedService_Report_FullMethodName = "/feed.v1.FeedService/Report"
	FeedService_Upload_FullMethodName = "/feed.v1.FeedService/Upload"
	FeedService_Chat_FullMethodName   = "/feed.v1.FeedService/Chat"
)

// FeedServiceClient is the client API for FeedService service.
type FeedServiceClient interface {
	List(ctx context.Context, in *wrapperspb.StringValue, opts ...grpc.CallOption) (grpc.ServerStreamingClient[wrapperspb.StringValue], error)
	Watch(ctx context.Context, in *wrapperspb.StringValue, opts ...grpc.CallOption) (grpc.ServerStreamingClient[wrapperspb.StringValue], error)
	Report(ctx context.Context, in *wrapperspb.StringValue, opts ...grpc.CallOption) (grpc.ServerStreamingClient[wrapperspb.StringValue], error)
	Upload(ctx context.Context, opts ...grpc.CallOption) (grpc.ClientStreamingClient[wrapperspb.StringValue, wrapperspb.StringValue], error)
	Chat(ctx context.Context, opts ...grpc.CallOption) (grpc.BidiStreamingClient[wrapperspb.StringValue, wrapperspb.StringValue], error)
}

type feedServiceClient struct {
	cc grpc.ClientConnInterface
}

func NewFeedServiceClient(cc grpc.ClientConnInterface) FeedServiceClient {
	return &feedServiceClient{cc}
}

func (c *feedServiceClient) List(ctx context.Context, in *wrapperspb.StringValue, opts ...grpc.CallOption) (grpc.ServerStreamingClient[wrapperspb.StringValue], error) {
	cOpts := append([]grpc.CallOption{grpc.StaticMethod()}, opts...)
	stream, err := c.cc.NewStream(ctx, &FeedService_ServiceDesc.Streams[0], FeedService_List_FullMethodName, cOpts...)
	if err != nil {
		return nil, err
	}
	x := &grpc.GenericClientStream[wrapperspb.StringValue, wrapperspb.StringValue]{ClientStream: stream}
	if err := x.ClientStream.SendMsg(in); err != nil {
		return nil, err
	}
	if err := x.ClientStream.CloseSend(); err != nil {
		return nil, err
	}
	return x, nil
}

// This type alias is provided for backwards compatibility with existing code that references the prior non-generic stream type by name.
type FeedService_ListClient = grpc.ServerStreamingClient[wrapperspb.StringValue]

func (c *feedServiceClient) Watch(ctx context.Context, in *wrapperspb.StringValue, opts ...grpc.CallOption) (grpc.ServerStreamingClient[wrapperspb.StringValue], error) {
	cOpts := append([]grpc.CallOption{grpc.StaticMethod()}, opts...)
	stream, err := c.cc.NewStream(ctx, &FeedService_ServiceDesc.Streams[1], FeedService_Watch_FullMethodName, cOpts...)
	if err != nil {
		return nil, err
	}
	x := &grpc.GenericClientStream[wrapperspb.StringValue, wrapperspb.StringValue]{ClientStream: stream}
	if err := x.ClientStream.SendMsg(in); err != nil {
		return nil, err
	}
	if err := x.ClientStream.CloseSend(); err != nil {
		return nil, err
	}
	return x, nil
}

func (c *feedServiceClient) Report(ctx context.Context, in *wrapperspb.StringValue, opts ...grpc.CallOption) (grpc.ServerStreamingClient[wrapperspb.StringValue], error) {
	cOpts := append([]grpc.CallOption{grpc.StaticMethod()}, opts...)
	stream, err := c.cc.NewStream(ctx, &FeedService_ServiceDesc.Streams[2], FeedService_Report_FullMethodName, cOpts...)
	if err != nil {
		return nil, err
	}
	x := &grpc.GenericClientStream[wrapperspb.StringValue, wrapperspb.StringValue]{ClientStream: stream}
	if err := x.ClientStream.SendMsg(in); err != nil {
		return nil, err
	}
	if err := x.ClientStream.CloseSend(); err != nil {
		return nil, err
	}
	return x, nil
}

func (c *feedServiceClient) Upload(ctx context.Context, opts ...grpc.CallOption) (grpc.ClientStreamingClient[wrapperspb.StringValue, wrapperspb.StringValue], error) {
	cOpts := append([]grpc.CallOption{grpc.StaticMethod()}, opts...)
	stream, err := c.cc.NewStream(ctx, &FeedService_ServiceDesc.Streams[3], FeedService_Upload_FullMethodName, cOpts...)
	if err != nil {
		return nil, err
	}
	x := &grpc.GenericClientStream[wrapperspb.StringValue, wrapperspb.StringValue]{ClientStream: stream}
	return x, nil
}

func (c *feedServiceClient) Chat(ctx context.Context, opts ...grpc.CallOption) (grpc.BidiStreamingClient[wrapperspb.StringValue, wrapperspb.StringValue], error) {
	cOpts := append([]grpc.CallOption{grpc.StaticMethod()}, opts...)
	stream, err := c.cc.NewStream(ctx, &FeedService_ServiceDesc.Streams[4], FeedService_Chat_FullMethodName, cOpts...)
	if err != nil {
		return nil, err
	}
	x := &grpc.GenericClientStream[wrapperspb.StringValue, wrapperspb.StringValue]{ClientStream: stream}
	return x, nil
}

// FeedServiceServer is the server API for FeedService service.
type FeedServiceServer interface {
	List(*wrapperspb.StringValue, grpc.ServerStreamingServer[wrapperspb.StringValue]) error
	Watch(*wrapperspb.StringValue, grpc.ServerStreamingServer[wrapperspb.StringValue]) error
	Report(*wrapperspb.StringValue, grpc.ServerStreamingServer[wrapperspb.StringValue]) error
	Upload(grpc.ClientStreamingServer[wrapperspb.StringValue, wrapperspb.StringValue]) error
	Chat(grpc.BidiStreamingServer[wrapperspb.StringValue, wrapperspb.StringValue]) error
	mustEmbedUnimplementedFeedServiceServer()
}

// UnimplementedFeedServiceServer must be embedded to have forward compatible implementations.
type UnimplementedFeedServiceServer struct{}

func (UnimplementedFeedServiceServer) List(*wrapperspb.StringValue, grpc.ServerStreamingServer[wrapperspb.StringValue]) error {
	return status.Errorf(codes.Unimplemented, "method List not implemented")
}
func (UnimplementedFeedServiceServer) Watch(*wrapperspb.StringValue, grpc.ServerStreamingServer[wrapperspb.StringValue]) error {
	return status.Errorf(codes.Unimplemented, "method Watch not implemented")
}
func (UnimplementedFeedServiceServer) Report(*wrapperspb.StringValue, grpc.ServerStreamingServer[wrapperspb.StringValue]) error {
	return status.Errorf(codes.Unimplemented, "method Report not implemented")
}
func (UnimplementedFeedServiceServer) Upload(grpc.ClientStreamingServer[wrapperspb.StringValue, wrapperspb.StringValue]) error {
	return status.Errorf(codes.Unimplemented, "method Upload not implemented")
}
func (UnimplementedFeedServiceServer) Chat(grpc.BidiStreamingServer[wrapperspb.StringValue, wrapperspb.StringValue]) error {
	return status.Errorf(codes.Unimplemented, "method Chat not implemented")
}
func (UnimplementedFeedServiceServer) mustEmbedUnimplementedFeedServiceServer() {}

// This type alias is provided for backwards compatibility with existing code that references the prior non-generic stream type by name.
type FeedService_ListServer = grpc.ServerStreamingServer[wrapperspb.StringValue]

// This type alias is provided for backwards compatibility with existing code that references the prior non-generic stream type by name.
type FeedService_ChatServer = grpc.BidiStreamingServer[wrapperspb.StringValue, wrapperspb.StringValue]

func RegisterFeedServiceServer(s grpc.ServiceRegistrar, srv FeedServiceServer) {
	s.RegisterService(&FeedService_ServiceDesc, srv)
}

func _FeedService_List_Handler(srv interface{}, stream grpc.ServerStream) error {
	m := new(wrapperspb.StringValue)
	if err := stream.RecvMsg(m); err != nil {
		return err
	}
	return srv.(FeedServiceServer).List(m, &grpc.GenericServerStream[wrapperspb.StringValue, wrapperspb.StringValue]{ServerStream: stream})
}

func _FeedService_Watch_Handler(srv interface{}, stream grpc.ServerStream) error {
	m := new(wrapperspb.StringValue)
	if err := stream.RecvMsg(m); err != nil {
		return err
	}
	return srv.(FeedServiceServer).Watch(m, &grpc.GenericServerStream[wrapperspb.StringValue, wrapperspb.StringValue]{ServerStream: stream})
}

func _FeedService_Report_Handler(srv interface{}, stream grpc.ServerStream) error {
	m := new(wrapperspb.StringValue)
	if err := stream.RecvMsg(m); err != nil {
		return err
	}
	return srv.(FeedServiceServer).Report(m, &grpc.GenericServerStream[wrapperspb.StringValue, wrapperspb.StringValue]{ServerStream: stream})
}

func _FeedService_Upload_Handler(srv interface{}, stream grpc.ServerStream) error {
	return srv.(FeedServiceServer).Upload(&grpc.GenericServerStream[wrapperspb.StringValue, wrapperspb.StringValue]{ServerStream: stream})
}

func _FeedService_Chat_Handler(srv interface{}, stream grpc.ServerStream) error {
	return srv.(FeedServiceServer).Chat(&grpc.GenericServerStream[wrapperspb.StringValue, wrapperspb.StringValue]{ServerStream: stream})
}

// FeedService_ServiceDesc is the grpc.ServiceDesc for FeedService service.
var FeedService_ServiceDesc = grpc.ServiceDesc{
	ServiceName: "feed.v1.FeedService",
	HandlerType: (*FeedServiceServer)(nil),
	Methods:     []grpc.MethodDesc{},
	Streams: []grpc.StreamDesc{
		{StreamName: "List", Handler: _FeedService_List_Handler, ServerStreams: true},
		{StreamName: "Watch", Handler: _FeedService_Watch_Handler, ServerStreams: true},
		{StreamName: "Report", Handler: _FeedService_Report_Handler, ServerStreams: true},
		{StreamName: "Upload", Handler: _FeedService_Upload_Handler, ClientStreams: true},
		{StreamName: "Chat", Handler: _FeedService_Chat_Handler, ServerStreams: true, ClientStreams: true},
	},
	Metadata: "feed/v1/feed.proto",
}
