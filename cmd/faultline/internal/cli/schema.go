package cli

import (
	"fmt"
	"io"

	"github.com/faultline-dev/faultline/graph/topology"
)

// runSchema prints the topology schema faultline unifies topologies with,
// so that `cue vet` can check a topology without faultline:
//
//	faultline schema > schema.cue
//	cue vet -c -d '#Topology' schema.cue topology.cue
func runSchema(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("schema", "schema", stderr)
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: faultline schema")
		return ExitInput
	}
	if _, err := stdout.Write(topology.Schema()); err != nil {
		return fail(stderr, err)
	}
	return ExitOK
}
