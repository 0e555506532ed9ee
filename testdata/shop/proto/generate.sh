#!/bin/sh
# Regenerates the Go code for the shop's gRPC APIs. The generated files are
# committed, so building the shop needs none of these tools.
#
# Tools (versions the committed code was generated with):
#   apt-get install -y protobuf-compiler                              # protoc 3.21.12
#   go install google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12
#   go install google.golang.org/grpc/cmd/protoc-gen-go-grpc@v1.6.2
set -eu
cd "$(dirname "$0")"
PATH="$(go env GOPATH)/bin:$PATH"
protoc -I . \
	--go_out=. --go_opt=paths=source_relative \
	--go-grpc_out=. --go-grpc_opt=paths=source_relative \
	checkout/v1/checkout.proto \
	inventory/v1/inventory.proto \
	payment/v1/payment.proto \
	recommendations/v1/recommendations.proto
