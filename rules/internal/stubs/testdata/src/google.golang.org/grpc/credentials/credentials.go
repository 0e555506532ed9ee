// Package credentials is a stub of google.golang.org/grpc/credentials.
package credentials

type TransportCredentials interface {
	Info() ProtocolInfo
}

type ProtocolInfo struct{ SecurityProtocol string }
