// Package graphviztest finds a system Graphviz for tests that compare
// faultline's pictures with it.
package graphviztest

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// SystemDot returns the path of a system `dot` that can write SVG, or skips
// the test, saying why. A `dot` on PATH is not enough: Graphviz installed
// without its plugins configured (graphviz 2.43 before `dot -c`) exists
// but knows no output formats.
func SystemDot(t testing.TB) string {
	t.Helper()
	bin, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("no dot binary on PATH: the system Graphviz check is skipped")
	}
	if err := WritesSVG(bin); err != nil {
		t.Skipf("the system Graphviz cannot be used, so its check is skipped: %v", err)
	}
	return bin
}

// WritesSVG reports whether bin lays out a one-node graph as SVG.
func WritesSVG(bin string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-Tsvg")
	cmd.Stdin = strings.NewReader("digraph { a }")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("%s -Tsvg: %v: %s", bin, err, bytes.TrimSpace(stderr.Bytes()))
	}
	if !bytes.Contains(out, []byte("<svg")) {
		return fmt.Errorf("%s -Tsvg wrote no SVG", bin)
	}
	return nil
}
