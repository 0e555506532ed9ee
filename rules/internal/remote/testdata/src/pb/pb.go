// Package pb looks like protoc-gen-go-grpc output.
package pb

import (
	"context"

	"google.golang.org/grpc"
)

type ChargeRequest struct{}
type ChargeReply struct{}

type PaymentClient interface { // interface methods get the fact of the implementation
	Charge(ctx context.Context, in *ChargeRequest, opts ...grpc.CallOption) (*ChargeReply, error) // want Charge:`remote\(grpc\)`
}

type paymentClient struct{ cc grpc.ClientConnInterface }

func NewPaymentClient(cc grpc.ClientConnInterface) PaymentClient { return &paymentClient{cc} }

func (c *paymentClient) Charge(ctx context.Context, in *ChargeRequest, opts ...grpc.CallOption) (*ChargeReply, error) { // want Charge:`remote\(grpc\)`
	out := new(ChargeReply)
	err := c.cc.Invoke(ctx, "/shop.Payment/Charge", in, out, opts...)
	return out, err
}
