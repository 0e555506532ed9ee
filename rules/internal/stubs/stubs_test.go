package stubs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestStubsTypeCheck loads every stub: the shared set must compile on its
// own, whatever fixtures use it.
func TestStubsTypeCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages with go list")
	}
	dir := GOPATH(t)
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
		Dir:  filepath.Join(dir, "src"),
		Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS=", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) < 40 {
		t.Errorf("only %d stub packages", len(pkgs))
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
	})
}

// TestAssemble checks that fixtures are copied beside the stubs, and may
// not add files to a stub's package.
func TestAssemble(t *testing.T) {
	write := func(root, file string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(root, filepath.Dir(file)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, file), []byte("package x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	own := t.TempDir()
	write(own, "a/a.go")
	write(own, "example.com/platform/retrying/retrying.go")
	src := filepath.Join(t.TempDir(), "src")
	if err := assemble(src, own); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"a/a.go", "example.com/platform/retrying/retrying.go", "google.golang.org/grpc/grpc.go"} {
		if _, err := os.Stat(filepath.Join(src, f)); err != nil {
			t.Error(err)
		}
	}

	copied := t.TempDir()
	write(copied, "google.golang.org/grpc/extra.go")
	err := assemble(filepath.Join(t.TempDir(), "src"), copied)
	if err == nil || !strings.Contains(err.Error(), "a file in the package of a shared stub") {
		t.Errorf("assemble accepted a file in the grpc stub's package: %v", err)
	}
}
