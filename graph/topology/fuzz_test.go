package topology

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// FuzzLoad loads arbitrary text as a topology. It must never panic; an error
// must be Errors with a position in the file for every entry, unless the
// topology is too expensive to evaluate; a topology that loads must survive
// Format and load again to the same graph.
func FuzzLoad(f *testing.F) {
	archives, _ := filepath.Glob("testdata/*/*.txtar")
	for _, name := range archives {
		ar, err := txtar.ParseFile(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			if strings.HasSuffix(file.Name, ".cue") {
				f.Add(file.Data)
			}
		}
	}
	f.Add(Generate(12, 3, 1))
	f.Add([]byte("services: a: dependsOn: a: {}\x00"))
	// Cheap versions of the topologies too expensive to evaluate.
	f.Add([]byte("a0: a1\na1: a2\na2: a3\na3: 1\nservices: a: replicas: a0\n"))
	f.Add([]byte("s0: \"xx\"\ns1: s0+s0\ns2: s1+s1\nservices: (s2): {}\n"))
	f.Add([]byte("services: a: server: requestTimeout: \"99999999999h\"\n"))
	// Small limits: a worker that passes them keeps the abandoned
	// evaluation running, as the CLI would until it exits.
	opts := Options{Timeout: 10 * time.Second, MaxMemory: 1 << 30}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := LoadFS(mapFS(string(data)), ".", opts)
		if err != nil {
			var errs Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("error is not Errors: %T %v", err, err)
			}
			if errors.Is(err, ErrTooExpensive) {
				return
			}
			for _, e := range errs {
				if !e.Pos.IsValid() || e.Pos.File != "topology.cue" {
					t.Fatalf("error without a position in topology.cue: %q", e.Error())
				}
				if strings.HasPrefix(e.Msg, panicPrefix) {
					t.Fatalf("load panicked: %s", e.Msg)
				}
				if e.Msg == "" || strings.Contains(e.Error(), "\n") {
					t.Fatalf("error is not one line: %q", e.Error())
				}
			}
			return
		}
		text, err := Format(g)
		if err != nil {
			t.Fatalf("Format of a loaded graph: %v", err)
		}
		g2, err := LoadFS(mapFS(string(text)), ".", opts)
		if err != nil {
			t.Fatalf("formatted topology does not load: %v\n%s", err, text)
		}
		if a, b := stripPositions(g), stripPositions(g2); a != b {
			t.Fatalf("round trip changed the graph:\n%s\n---\n%s", a, b)
		}
	})
}
