package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/faultline-dev/faultline/analyzer"
)

// cacheHelp is what 'faultline help cache' prints.
const cacheHelp = `usage: faultline cache clean|info

faultline check keeps what the code rules found in each package in a
cache, so that a run whose packages did not change answers without loading
or analysing them. The graph rules, the join with the topology and the
manifests always run again.

	faultline cache clean    remove every entry
	faultline cache info     print the cache's directory, entries and size

Where: $FAULTLINE_CACHE, or faultline in the user cache directory
($XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS,
%LocalAppData% on Windows). FAULTLINE_CACHE=off, or check -cache=off,
turns it off.

Size: at most $FAULTLINE_CACHE_MAX (such as 512MiB or 4GiB; default 1GiB);
after a run that writes entries, the least recently used are removed.

A package's entry is found again only when nothing that could change its
results changed: the faultline executable (its SHA-256), the Go version
and build environment (GOOS, GOARCH, GOFLAGS and its build tags,
CGO_ENABLED, GOEXPERIMENT), -tests, -deps, -safe, -nolint, the rules that
run and the settings that reach them (wrappers, remotes), the package's
files and, recursively, those of every package it imports. When some
packages miss, only they (the edited packages and their importers) are
analysed again; the entries of the others stand.
`

// cacheDir returns the directory of the result cache: $FAULTLINE_CACHE,
// or faultline in the user's cache directory (os.UserCacheDir). It
// returns "" when FAULTLINE_CACHE is "off" or no directory can be found.
func cacheDir() string {
	switch d := os.Getenv("FAULTLINE_CACHE"); d {
	case "off":
		return ""
	case "":
		ucd, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(ucd, "faultline")
	default:
		if abs, err := filepath.Abs(d); err == nil {
			return abs
		}
		return d
	}
}

// cacheMax is the size bound of the cache: FAULTLINE_CACHE_MAX, or the
// default.
func cacheMax() (int64, error) {
	s := os.Getenv("FAULTLINE_CACHE_MAX")
	if s == "" {
		return analyzer.DefaultCacheMax, nil
	}
	var b byteSize
	if err := b.Set(s); err != nil || b <= 0 {
		return 0, fmt.Errorf("FAULTLINE_CACHE_MAX=%s: want a size such as 512MiB or 4GiB", s)
	}
	return int64(b), nil
}

// openCache returns the cache check uses (-cache=on) or nil (-cache=off,
// FAULTLINE_CACHE=off, or no cache directory). A cache that cannot be
// created is no error: the run goes without.
func openCache(mode string) (*analyzer.Cache, error) {
	switch mode {
	case "on":
	case "off":
		return nil, nil
	default:
		return nil, fmt.Errorf("-cache %q: want on or off", mode)
	}
	max, err := cacheMax()
	if err != nil {
		return nil, err
	}
	dir := cacheDir()
	if dir == "" {
		return nil, nil
	}
	c, err := analyzer.OpenCache(dir, max)
	if err != nil {
		return nil, nil
	}
	return c, nil
}

func runCache(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprint(stderr, cacheHelp)
		return ExitInput
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, cacheHelp)
		return ExitOK
	case "clean", "info":
	default:
		fmt.Fprintf(stderr, "faultline: cache: unknown command %q\n\n%s", args[0], cacheHelp)
		return ExitInput
	}
	dir := cacheDir()
	if dir == "" {
		fmt.Fprintln(stdout, "the cache is off (FAULTLINE_CACHE=off, or no user cache directory)")
		return ExitOK
	}
	c := &analyzer.Cache{Dir: dir}
	if args[0] == "clean" {
		if err := c.Clean(); err != nil {
			fmt.Fprintf(stderr, "faultline: cache clean: %v\n", err)
			return ExitInput
		}
		return ExitOK
	}
	n, size, err := c.Size()
	if err != nil {
		fmt.Fprintf(stderr, "faultline: cache info: %v\n", err)
		return ExitInput
	}
	max, err := cacheMax()
	if err != nil {
		fmt.Fprintf(stderr, "faultline: %v\n", err)
		return ExitInput
	}
	fmt.Fprintf(stdout, "%s: %d entries, %d bytes (at most %d)\n", dir, n, size, max)
	return ExitOK
}
