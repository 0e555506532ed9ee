package topology

import (
	"testing"
)

func benchmarkLoad(b *testing.B, services int) {
	src := Generate(services, 5, 1)
	fsys := mapFS(string(src))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		g, err := LoadFS(fsys, ".", Options{})
		if err != nil || len(g.Nodes) < services {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoad1k loads a generated topology of 1,000 services (about
// 5,000 edges, 1,400 other nodes).
func BenchmarkLoad1k(b *testing.B) { benchmarkLoad(b, 1000) }

// BenchmarkLoad10k loads a generated topology of 10,000 services. Compare
// with `cue export` of the same file: see PERF.md.
func BenchmarkLoad10k(b *testing.B) { benchmarkLoad(b, 10000) }

// BenchmarkLoad10kUnified loads the same topology through the path taken for
// invalid input: the whole package evaluated unified with #Topology, as
// `cue vet` does, and the data read field by field. It measures the design
// that PERF.md compares against.
func BenchmarkLoad10kUnified(b *testing.B) {
	testForceStrict = true
	defer func() { testForceStrict = false }()
	benchmarkLoad(b, 10000)
}
