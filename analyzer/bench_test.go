package analyzer_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/graph/topology"
)

// The benchmarks run whole analyses, as `faultline check` does. The
// figures in the README come from them (and from scripts/bench.sh, which
// also times go vet and cue export on the same inputs).

func benchRun(b *testing.B, cfg analyzer.Config) {
	b.Helper()
	b.ReportAllocs()
	for b.Loop() {
		res, err := analyzer.Run(cfg)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Findings) == 0 {
			b.Fatal("no findings")
		}
	}
}

// BenchmarkCheckShop is check on the sample system: code and topology.
func BenchmarkCheckShop(b *testing.B) {
	benchRun(b, analyzer.Config{Dir: filepath.Join("..", "testdata", "shop")})
}

// BenchmarkCheckShopCodeOnly is the same code without its topology.
func BenchmarkCheckShopCodeOnly(b *testing.B) {
	benchRun(b, analyzer.Config{Dir: filepath.Join("..", "testdata", "shop"), NoTopology: true})
}

// BenchmarkCheckLarge checks the module in $FAULTLINE_BENCH_DIR (a large
// real code base, e.g. a copy of jaeger or istio from the module cache),
// with its topology if it has one; BenchmarkCheckLargeGoRulesOnly runs the
// code rules alone.
func BenchmarkCheckLarge(b *testing.B) {
	dir := os.Getenv("FAULTLINE_BENCH_DIR")
	if dir == "" {
		b.Skip("set FAULTLINE_BENCH_DIR to a module to benchmark")
	}
	benchRun(b, analyzer.Config{Dir: dir})
}

// BenchmarkCheckLargeCodeOnly ignores the topology of $FAULTLINE_BENCH_DIR
// (for a module without one, write it with faultline init first), so that
// BenchmarkCheckLarge against it is the cost of the topology and the join.
func BenchmarkCheckLargeCodeOnly(b *testing.B) {
	dir := os.Getenv("FAULTLINE_BENCH_DIR")
	if dir == "" {
		b.Skip("set FAULTLINE_BENCH_DIR to a module to benchmark")
	}
	benchRun(b, analyzer.Config{Dir: dir, NoTopology: true})
}

func BenchmarkCheckLargeGoRulesOnly(b *testing.B) {
	dir := os.Getenv("FAULTLINE_BENCH_DIR")
	if dir == "" {
		b.Skip("set FAULTLINE_BENCH_DIR to a module to benchmark")
	}
	benchRun(b, analyzer.Config{Dir: dir, Enable: []string{"ctxdeadline", "httptimeout", "dialtimeout", "servertimeout", "deephealth", "nobreaker", "retrybackoff", "retrybound", "nestedretry", "directive"}})
}

// benchTopology checks a generated topology of n services (about 5 edges
// each) alone: load, graph rules, suppressions, fingerprints.
func benchTopology(b *testing.B, n int) {
	dir := b.TempDir()
	path := filepath.Join(dir, "topology.cue")
	if err := os.WriteFile(path, topology.Generate(n, 5, 1), 0o644); err != nil {
		b.Fatal(err)
	}
	benchRun(b, analyzer.Config{Dir: dir, Topology: path})
}

func BenchmarkCheckTopology1k(b *testing.B)  { benchTopology(b, 1000) }
func BenchmarkCheckTopology10k(b *testing.B) { benchTopology(b, 10000) }
