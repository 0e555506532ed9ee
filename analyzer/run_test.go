package analyzer

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
)

// TestRunTwice checks that runs keep to their own configuration: the same
// process analyses one module with a topology that declares a breaker
// wrapper and without it, one run after the other and both at once, and
// each run gets its own findings. Nothing a run configures stays behind
// in the rules' analyzers.
func TestRunTwice(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.24\n",
		"platform/platform.go": `package platform

// Do runs f under the team's circuit breaker.
func Do(f func() error) error { return f() }
`,
		"svc/main.go": `package main

import (
	"net/http"
	"time"

	"example.com/m/platform"
)

func main() {
	c := &http.Client{Timeout: time.Second}
	_ = platform.Do(func() error {
		_, err := c.Get("http://payment:8080/pay")
		return err
	})
}
`,
		"wrapped.cue": `settings: wrappers: [{func: "example.com/m/platform.Do", provides: ["breaker"]}]` + "\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wrapped := Config{Dir: dir, Topology: "wrapped.cue", Enable: []string{"nobreaker"}}
	plain := Config{Dir: dir, NoTopology: true, Enable: []string{"nobreaker"}}
	breakers := func(cfg Config) int {
		res, err := Run(cfg)
		if err != nil {
			t.Error(err)
			return -1
		}
		return len(slices.DeleteFunc(res.Findings, func(f Finding) bool { return f.File != "svc/main.go" }))
	}
	check := func(cfg Config, want int, what string) {
		if got := breakers(cfg); got != want {
			t.Errorf("%s: %d nobreaker findings in svc/main.go, want %d", what, got, want)
		}
	}
	check(plain, 1, "without the wrapper")
	check(wrapped, 0, "with the wrapper declared")
	check(plain, 1, "without it again, after a run that declared it")

	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { check(wrapped, 0, "concurrently, with the wrapper") })
		wg.Go(func() { check(plain, 1, "concurrently, without it") })
	}
	wg.Wait()
}
