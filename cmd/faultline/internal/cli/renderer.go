package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/faultline-dev/faultline/graph/svg"
)

// rendererName is the program that lays out pictures: a WebAssembly build
// of Graphviz (package graph/svg/builtin), in a program of its own so that
// faultline does not link it (see arch_test.go, TestFaultlineIsLean).
const rendererName = "faultline-render"

const modulePath = "github.com/faultline-dev/faultline"

// errNoRenderer says no renderer could be found or built.
var errNoRenderer = fmt.Errorf("%w: install it with go install %s/cmd/%s@latest, or pass -dot-binary with a Graphviz dot program", svg.ErrNoRenderer, modulePath, rendererName)

// renderer is the svg.Renderer of faultline's pictures: the Graphviz dot
// program given with -dot-binary, or else faultline-render, found (or
// built) by findRenderer the first time a picture is drawn, so that the
// formats without a picture never look for it.
type renderer struct {
	dotBinary string
	// building, when set, is called before faultline-render is built (the
	// first picture on a machine), which takes tens of seconds.
	building func()
}

func (r renderer) Render(ctx context.Context, dot []byte) ([]byte, error) {
	if r.dotBinary != "" {
		return svg.Dot(r.dotBinary).Render(ctx, dot)
	}
	prog, err := findRenderer(ctx, r.building)
	if err != nil {
		return nil, err
	}
	return svg.Program{Path: prog}.Render(ctx, dot)
}

var (
	findOnce sync.Once
	found    string
	findErr  error
)

// findRenderer returns the path of faultline-render, looking, in order, at
// $FAULTLINE_RENDER, next to the running program, on PATH, and in the user
// cache; when it is nowhere, it builds it into the cache with the go
// command: from faultline's own source tree when faultline runs from one
// (go run, tests), else `go install` at the version faultline was built
// at. The first picture then takes the time of that build (tens of
// seconds); later ones reuse it.
func findRenderer(ctx context.Context, building func()) (string, error) {
	findOnce.Do(func() { found, findErr = lookupRenderer(ctx, building) })
	return found, findErr
}

func lookupRenderer(ctx context.Context, building func()) (string, error) {
	exe := rendererName
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	if p := os.Getenv("FAULTLINE_RENDER"); p != "" {
		return p, nil
	}
	if self, err := os.Executable(); err == nil {
		if p := filepath.Join(filepath.Dir(self), exe); isFile(p) {
			return p, nil
		}
	}
	if p, err := exec.LookPath(exe); err == nil {
		return p, nil
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	src, ver := sourceRoot(), buildVersion()
	key := ver
	if src != "" {
		key = "src-" + treeHash(src)
	}
	if key == "" {
		return "", errNoRenderer
	}
	dir := filepath.Join(cache, "faultline", rendererName+"-"+key)
	target := filepath.Join(dir, exe)
	if isFile(target) {
		return target, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("%w (%v)", errNoRenderer, err)
	}
	// Build under a temporary name and rename, so that concurrent runs
	// never see a partial program.
	tmp, err := os.MkdirTemp(dir, "build-")
	if err != nil {
		return "", fmt.Errorf("%w (%v)", errNoRenderer, err)
	}
	defer os.RemoveAll(tmp)
	if building != nil {
		building()
	}
	var cmd *exec.Cmd
	if src != "" {
		cmd = exec.CommandContext(ctx, "go", "build", "-o", filepath.Join(tmp, exe), "./cmd/"+rendererName)
		cmd.Dir = src
	} else {
		cmd = exec.CommandContext(ctx, "go", "install", modulePath+"/cmd/"+rendererName+"@"+ver)
		cmd.Env = append(os.Environ(), "GOBIN="+tmp)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%w (building it failed: %v: %s)", errNoRenderer, err, strings.TrimSpace(stderr.String()))
	}
	if err := os.Rename(filepath.Join(tmp, exe), target); err != nil && !isFile(target) {
		return "", fmt.Errorf("%w (%v)", errNoRenderer, err)
	}
	return target, nil
}

// sourceRoot returns the root of faultline's source tree when this program
// was built from one that is still there (its file names were not trimmed).
func sourceRoot() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok || !filepath.IsAbs(file) {
		return ""
	}
	root := file
	for range 5 { // cmd/faultline/internal/cli/renderer.go
		root = filepath.Dir(root)
	}
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil || !bytes.Contains(data, []byte("module "+modulePath+"\n")) {
		return ""
	}
	if !isFile(filepath.Join(root, "cmd", rendererName, "main.go")) {
		return ""
	}
	return root
}

// buildVersion is the released version faultline was built at, or "".
func buildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Path != modulePath || bi.Main.Version == "" || bi.Main.Version == "(devel)" {
		return ""
	}
	return bi.Main.Version
}

// treeHash identifies the renderer's sources in a source tree, so that a
// changed renderer is rebuilt: the contents of go.sum and of the Go files
// it is built from.
func treeHash(root string) string {
	h := sha256.New()
	files := []string{filepath.Join(root, "go.sum"), filepath.Join(root, "cmd", rendererName, "main.go")}
	if ms, err := filepath.Glob(filepath.Join(root, "graph", "svg", "builtin", "*.go")); err == nil {
		files = append(files, ms...)
	}
	for _, f := range files {
		if fh, err := os.Open(f); err == nil {
			io.WriteString(h, filepath.Base(f))
			io.Copy(h, fh)
			fh.Close()
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}
