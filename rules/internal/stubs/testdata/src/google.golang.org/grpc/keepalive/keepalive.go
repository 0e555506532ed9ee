// Package keepalive is a stub of google.golang.org/grpc/keepalive.
package keepalive

import "time"

type ClientParameters struct {
	Time                time.Duration
	Timeout             time.Duration
	PermitWithoutStream bool
}
