package analyzer

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// cacheModule writes a module of three packages: platform (a leaf that
// svc imports), svc and other (independent), each with findings, and
// returns its directory.
func cacheModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.24\n",
		"platform/platform.go": `package platform

import "net/http"

// Do runs f under the team's circuit breaker.
func Do(f func() error) error { return f() }

// Fetch uses the default client.
func Fetch(url string) (*http.Response, error) { return http.Get(url) }
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
	//faultline:ignore servertimeout the health port is internal
	_ = http.ListenAndServe(":8081", nil)
	_ = http.ListenAndServe(":8080", nil)
}
`,
		"svc/main_test.go": `package main

import (
	"net/http"
	"testing"
)

func TestMain(t *testing.T) { _, _ = http.Get("http://payment:8080/health") }
`,
		"other/other.go": `package other

import "net/http"

func Serve() error { return http.ListenAndServe(":9090", nil) }
`,
		"wrapped.cue":  `settings: wrappers: [{func: "example.com/m/platform.Do", provides: ["breaker"]}]` + "\n",
		"severity.cue": `settings: severity: servertimeout: "note"` + "\n",
	})
	return dir
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func openTestCache(t *testing.T) *Cache {
	t.Helper()
	c, err := OpenCache(t.TempDir(), 0)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func run(t *testing.T, cfg Config) *Result {
	t.Helper()
	res, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// sameResult fails unless a warm run's result is the cold run's, in every
// field a printer or the command line reads.
func sameResult(t *testing.T, what string, cold, warm *Result) {
	t.Helper()
	if len(cold.Findings) == 0 {
		t.Fatalf("%s: no findings: the test proves nothing", what)
	}
	if !reflect.DeepEqual(cold.Findings, warm.Findings) {
		t.Errorf("%s: findings differ:\ncold %+v\nwarm %+v", what, cold.Findings, warm.Findings)
	}
	if !reflect.DeepEqual(cold.Groups, warm.Groups) || !reflect.DeepEqual(cold.Graph, warm.Graph) {
		t.Errorf("%s: groups or graph differ", what)
	}
	if cold.Packages != warm.Packages || cold.Services != warm.Services || !reflect.DeepEqual(cold.analysed, warm.analysed) ||
		!slices.Equal(cold.PackageErrors, warm.PackageErrors) || !slices.Equal(cold.Unanalysed, warm.Unanalysed) {
		t.Errorf("%s: packages, services, files or errors differ: %d/%d %d/%d", what, cold.Packages, warm.Packages, cold.Services, warm.Services)
	}
}

// TestCacheWarm: a second run with nothing changed answers from the cache
// (nothing is analysed) with the first run's result, with and without
// tests, and without the cache the result is the same again.
func TestCacheWarm(t *testing.T) {
	dir := cacheModule(t)
	for _, tests := range []bool{false, true} {
		c := openTestCache(t)
		cfg := Config{Dir: dir, NoTopology: true, Tests: tests, Cache: c}
		var phases []string
		var mu sync.Mutex
		cfg.Progress = func(p Progress) {
			mu.Lock()
			defer mu.Unlock()
			if len(phases) == 0 || phases[len(phases)-1] != p.Phase {
				phases = append(phases, p.Phase)
			}
		}
		cold := run(t, cfg)
		if cold.Cached || !slices.Contains(phases, "analysing") {
			t.Errorf("tests=%v: cold run: cached %v, phases %v", tests, cold.Cached, phases)
		}
		phases = nil
		warm := run(t, cfg)
		if !warm.Cached || slices.Contains(phases, "analysing") || len(warm.cacheMissed) > 0 {
			t.Errorf("tests=%v: warm run: cached %v, phases %v, missed %v", tests, warm.Cached, phases, warm.cacheMissed)
		}
		sameResult(t, "warm", cold, warm)
		cfg.Cache, cfg.Progress = nil, nil
		sameResult(t, "without the cache", run(t, cfg), warm)
		if tests && !slices.ContainsFunc(warm.Findings, func(f Finding) bool { return f.File == "svc/main_test.go" }) {
			t.Errorf("-tests: no finding in svc/main_test.go")
		}
		if tests {
			// A test file edited: the test variant misses, alone.
			writeFiles(t, dir, map[string]string{"svc/main_test.go": "package main\n\nimport (\n\t\"net/http\"\n\t\"testing\"\n)\n\nfunc TestMain(t *testing.T) {\n\t_, _ = http.Get(\"http://payment:8080/health\")\n\t_, _ = http.Get(\"http://payment:8080/ready\")\n}\n"})
			cfg.Cache = c
			edited := run(t, cfg)
			if want := []string{"example.com/m/svc [example.com/m/svc.test]"}; !slices.Equal(edited.cacheMissed, want) {
				t.Errorf("-tests, a test file edited: missed %v, want %v", edited.cacheMissed, want)
			}
			cfg.Cache = nil
			sameResult(t, "-tests, a test file edited", run(t, cfg), edited)
		}
		if !slices.ContainsFunc(warm.Findings, func(f Finding) bool { return f.Suppression != nil && f.Suppression.Kind == "inSource" }) {
			t.Errorf("tests=%v: the finding the directive suppresses is missing from the warm run", tests)
		}
	}
}

// entries returns the cache's entry files.
func entries(t *testing.T, c *Cache) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(filepath.Join(c.Dir, cacheFormat), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// TestCacheCorrupt: entries that are truncated, altered, emptied or of
// another format are misses, recomputed and rewritten, never trusted.
func TestCacheCorrupt(t *testing.T) {
	dir := cacheModule(t)
	c := openTestCache(t)
	cfg := Config{Dir: dir, NoTopology: true, Cache: c}
	cold := run(t, cfg)
	files := entries(t, c)
	if len(files) < 3 {
		t.Fatalf("%d entries after the cold run, want one per package", len(files))
	}
	damage := []func([]byte) []byte{
		func(b []byte) []byte { return b[:len(b)/2] },                                          // truncated
		func(b []byte) []byte { b = bytes.Clone(b); b[len(b)-1] ^= 1; return b },               // a bit flipped in the payload
		func(b []byte) []byte { return nil },                                                   // empty
		func(b []byte) []byte { return bytes.Replace(b, []byte(" v1\n"), []byte(" v0\n"), 1) }, // another format
	}
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, damage[i%len(damage)](b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	again := run(t, cfg)
	if again.Cached || len(again.cacheMissed) != len(files) {
		t.Errorf("with every entry damaged: cached %v, missed %v, want all %d", again.Cached, again.cacheMissed, len(files))
	}
	sameResult(t, "recomputed", cold, again)
	warm := run(t, cfg)
	if !warm.Cached {
		t.Errorf("the recomputed entries were not rewritten: missed %v", warm.cacheMissed)
	}
	sameResult(t, "rewritten", cold, warm)
}

// TestCacheInvalidation: an edit of a package misses it and the packages
// that import it, not the others; a setting that reaches the analysis (a
// wrapper) misses every package, one that does not (a severity) misses
// none and still applies.
func TestCacheInvalidation(t *testing.T) {
	dir := cacheModule(t)
	c := openTestCache(t)
	cfg := Config{Dir: dir, NoTopology: true, Cache: c}
	total := 0
	cfg.Progress = func(p Progress) {
		if p.Phase == "analysing" && p.Done == 0 {
			total = p.Total
		}
	}
	cold := run(t, cfg)
	coldTotal := total

	// A comment in the leaf: its key and its importer's change, and only
	// they are analysed again (with their dependencies, for facts).
	p := filepath.Join(dir, "platform", "platform.go")
	src, _ := os.ReadFile(p)
	writeFiles(t, dir, map[string]string{"platform/platform.go": string(src) + "\n// edited\n"})
	total = 0
	edited := run(t, cfg)
	if want := []string{"example.com/m/platform", "example.com/m/svc"}; !slices.Equal(edited.cacheMissed, want) {
		t.Errorf("after editing platform: missed %v, want %v", edited.cacheMissed, want)
	}
	if total == 0 || total >= coldTotal {
		t.Errorf("after editing platform: %d packages analysed, want fewer than the cold run's %d", total, coldTotal)
	}
	sameResult(t, "a comment added", cold, edited)
	if r := run(t, cfg); !r.Cached {
		t.Errorf("after the partial run: missed %v, want its entries written", r.cacheMissed)
	}

	// A new call in the leaf: its finding appears (no stale entry).
	writeFiles(t, dir, map[string]string{"platform/platform.go": string(src) + "\nfunc Fetch2(url string) (*http.Response, error) { return http.Get(url) }\n"})
	grown := run(t, cfg)
	if grown.Cached || len(grown.Findings) != len(cold.Findings)+1 {
		t.Errorf("after adding a call: cached %v, %d findings, want %d", grown.Cached, len(grown.Findings), len(cold.Findings)+1)
	}
	writeFiles(t, dir, map[string]string{"platform/platform.go": string(src)})
	if back := run(t, cfg); !back.Cached {
		t.Errorf("the original file back: missed %v, want its entries again", back.cacheMissed)
	}

	// A wrapper declared: every package misses, and the finding the
	// breaker covers goes.
	wcfg := cfg
	wcfg.ConfigFile = "wrapped.cue"
	wrapped := run(t, wcfg)
	if len(wrapped.cacheMissed) != 3 {
		t.Errorf("with a wrapper declared: missed %v, want every package", wrapped.cacheMissed)
	}
	// An edit with the wrapper declared: the partial run checks the
	// declaration against every package, not only those it loads.
	writeFiles(t, dir, map[string]string{"other/other.go": "package other\n\nimport \"net/http\"\n\nfunc Serve() error { return http.ListenAndServe(\":9091\", nil) }\n"})
	wrapped2 := run(t, wcfg)
	if !slices.Equal(wrapped2.cacheMissed, []string{"example.com/m/other"}) {
		t.Errorf("with a wrapper, other edited: missed %v", wrapped2.cacheMissed)
	}
	wcfg.Cache = nil
	sameResult(t, "partial, with a wrapper", run(t, wcfg), wrapped2)
	wcfg.Cache = c
	writeFiles(t, dir, map[string]string{"other/other.go": "package other\n\nimport \"net/http\"\n\nfunc Serve() error { return http.ListenAndServe(\":9090\", nil) }\n"})
	nob := func(r *Result) int {
		return len(slices.DeleteFunc(slices.Clone(r.Findings), func(f Finding) bool { return f.Rule != "nobreaker" }))
	}
	if nob(wrapped) >= nob(cold) {
		t.Errorf("with a wrapper declared: %d nobreaker findings, want fewer than %d", nob(wrapped), nob(cold))
	}
	// A severity: the analysis is the same, the finding's severity is not.
	scfg := cfg
	scfg.ConfigFile = "severity.cue"
	sev := run(t, scfg)
	if !sev.Cached {
		t.Errorf("with a severity set: missed %v, want none", sev.cacheMissed)
	}
	for _, f := range sev.Findings {
		if f.Rule == "servertimeout" && f.Severity.String() != "note" {
			t.Errorf("with a severity set, from the cache: %s is %s, want note", f.Pos(), f.Severity)
		}
	}
	// Other rules: other keys.
	ecfg := cfg
	ecfg.Enable = []string{"servertimeout"}
	if r := run(t, ecfg); r.Cached {
		t.Errorf("with other rules enabled: answered from the cache")
	}
}

// TestCacheConcurrent: runs that share a cache at once all succeed with
// the same result, and leave whole entries.
func TestCacheConcurrent(t *testing.T) {
	dir := cacheModule(t)
	c := openTestCache(t)
	cfg := Config{Dir: dir, NoTopology: true, Cache: c}
	results := make([]*Result, 3)
	var wg sync.WaitGroup
	for i := range results {
		wg.Go(func() {
			res, err := Run(cfg)
			if err != nil {
				t.Error(err)
			}
			results[i] = res
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	for _, r := range results[1:] {
		sameResult(t, "concurrent", results[0], r)
	}
	for _, f := range entries(t, c) {
		if strings.HasPrefix(filepath.Base(f), ".tmp-") {
			t.Errorf("temporary file left behind: %s", f)
			continue
		}
		b, _ := os.ReadFile(f)
		if _, ok := checkEntry(b); !ok {
			t.Errorf("%s does not check out", f)
		}
	}
	warm := run(t, cfg)
	if !warm.Cached {
		t.Errorf("after concurrent runs: missed %v", warm.cacheMissed)
	}
	sameResult(t, "after concurrent runs", results[0], warm)
}

// TestCacheTrim: over its bound, the cache drops the least recently used
// entries first, down to 90 % of the bound; a hit counts as a use.
func TestCacheTrim(t *testing.T) {
	c := openTestCache(t)
	c.Max = 10 * 1000
	old := time.Now().Add(-48 * time.Hour)
	keys := []string{}
	for i := range 20 {
		k := strings.Repeat(string("0123456789abcdef"[i%16]), 63) + string("0123456789abcdef"[i/16])
		keys = append(keys, k)
		if err := c.put(k, bytes.Repeat([]byte{'x'}, 1000-len(cacheMagic)-32)); err != nil {
			t.Fatal(err)
		}
		mt := old.Add(time.Duration(i) * time.Minute) // key i is older than key i+1
		os.Chtimes(c.path(k), mt, mt)
	}
	if c.get(keys[0]) == nil { // a hit: key 0 becomes the most recent
		t.Fatal("entry 0 missing")
	}
	if err := c.Trim(); err != nil {
		t.Fatal(err)
	}
	n, size, _ := c.Size()
	if size > 9000 || n != 9 {
		t.Errorf("after trimming: %d entries, %d bytes; want 9, at most 9000", n, size)
	}
	if c.get(keys[0]) == nil {
		t.Errorf("the entry just used was trimmed")
	}
	if c.get(keys[1]) != nil {
		t.Errorf("the least recently used entry was kept")
	}
	if c.get(keys[19]) == nil {
		t.Errorf("the most recent entry was trimmed")
	}
	if err := c.Clean(); err != nil {
		t.Fatal(err)
	}
	if n, _, _ := c.Size(); n != 0 {
		t.Errorf("after Clean: %d entries", n)
	}
}

// TestCacheBroken: a run with a package that does not type-check writes
// no entry (its findings may be missing); once it is fixed, entries are
// written and found.
func TestCacheBroken(t *testing.T) {
	dir := cacheModule(t)
	writeFiles(t, dir, map[string]string{"broken/broken.go": "package broken\n\nfunc F() int { return \"no\" }\n"})
	c := openTestCache(t)
	cfg := Config{Dir: dir, NoTopology: true, Cache: c}
	for i := range 2 {
		res := run(t, cfg)
		if res.Cached || len(res.Unanalysed) != 1 {
			t.Errorf("run %d with a broken package: cached %v, unanalysed %v", i, res.Cached, res.Unanalysed)
		}
		if n := len(entries(t, c)); n != 0 {
			t.Errorf("run %d with a broken package: %d entries written, want none", i, n)
		}
	}
	writeFiles(t, dir, map[string]string{"broken/broken.go": "package broken\n\nfunc F() int { return 1 }\n"})
	run(t, cfg)
	if res := run(t, cfg); !res.Cached {
		t.Errorf("after the fix: missed %v", res.cacheMissed)
	}
}
