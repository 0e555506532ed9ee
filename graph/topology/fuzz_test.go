package topology

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// FuzzLoad loads arbitrary text as a topology. It must never panic; an error
// must be Errors with a position in the file for every entry; a topology
// that loads must survive Format and load again to the same graph.
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
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := LoadFS(mapFS(string(data)), ".", Options{})
		if err != nil {
			var errs Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("error is not Errors: %T %v", err, err)
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
		g2, err := LoadFS(mapFS(string(text)), ".", Options{})
		if err != nil {
			t.Fatalf("formatted topology does not load: %v\n%s", err, text)
		}
		if a, b := stripPositions(g), stripPositions(g2); a != b {
			t.Fatalf("round trip changed the graph:\n%s\n---\n%s", a, b)
		}
	})
}
