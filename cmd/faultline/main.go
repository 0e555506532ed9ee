// Command faultline is a static resilience analyzer for Go services: it
// finds calls that can wait forever, missing circuit breakers, unsafe
// retries, single points of failure and cascade paths, in Go code and in a
// CUE description of the system's topology.
//
// Run `faultline help` for usage. The same binary speaks the go vet
// protocol: go vet -vettool=$(command -v faultline) ./...
package main

import (
	"os"

	"github.com/faultline-dev/faultline/cmd/faultline/internal/cli"
)

func main() {
	if code, ok := cli.Supervise(os.Args, os.Stderr); ok {
		os.Exit(code)
	}
	os.Exit(cli.ChildExit(cli.Main(os.Args[1:], os.Stdout, os.Stderr)))
}
