package svg

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
)

// RendererName is the program that lays out pictures.
const RendererName = "faultline-render"

const modulePath = "github.com/faultline-dev/faultline"

// ErrNoRenderer says no renderer could be found or built.
var ErrNoRenderer = errors.New("no SVG renderer: install it with go install " + modulePath + "/cmd/" + RendererName + "@latest, or pass -dot-binary with a Graphviz dot program")

var (
	findOnce sync.Once
	found    string
	findErr  error
)

// FindRenderer returns the path of faultline-render, looking, in order, at
// $FAULTLINE_RENDER, next to the running program, on PATH, and in the user
// cache; when it is nowhere, it builds it into the cache with the go
// command: from faultline's own source tree when faultline runs from one
// (go run, tests), else `go install` at the version faultline was built
// at. The first picture then takes the time of that build (tens of
// seconds); later ones reuse it.
func FindRenderer(ctx context.Context) (string, error) {
	findOnce.Do(func() { found, findErr = findRenderer(ctx) })
	return found, findErr
}

func findRenderer(ctx context.Context) (string, error) {
	exe := RendererName
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
	src, version := sourceRoot(), buildVersion()
	key := version
	if src != "" {
		key = "src-" + treeHash(src)
	}
	if key == "" {
		return "", ErrNoRenderer
	}
	dir := filepath.Join(cache, "faultline", RendererName+"-"+key)
	target := filepath.Join(dir, exe)
	if isFile(target) {
		return target, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("%w (%v)", ErrNoRenderer, err)
	}
	// Build under a temporary name and rename, so that concurrent runs
	// never see a partial program.
	tmp, err := os.MkdirTemp(dir, "build-")
	if err != nil {
		return "", fmt.Errorf("%w (%v)", ErrNoRenderer, err)
	}
	defer os.RemoveAll(tmp)
	var cmd *exec.Cmd
	if src != "" {
		cmd = exec.CommandContext(ctx, "go", "build", "-o", filepath.Join(tmp, exe), "./cmd/"+RendererName)
		cmd.Dir = src
	} else {
		cmd = exec.CommandContext(ctx, "go", "install", modulePath+"/cmd/"+RendererName+"@"+version)
		cmd.Env = append(os.Environ(), "GOBIN="+tmp)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%w (building it failed: %v: %s)", ErrNoRenderer, err, strings.TrimSpace(stderr.String()))
	}
	if err := os.Rename(filepath.Join(tmp, exe), target); err != nil && !isFile(target) {
		return "", fmt.Errorf("%w (%v)", ErrNoRenderer, err)
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
	root := filepath.Dir(filepath.Dir(filepath.Dir(file))) // graph/svg/renderer.go
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil || !bytes.Contains(data, []byte("module "+modulePath+"\n")) {
		return ""
	}
	if !isFile(filepath.Join(root, "cmd", RendererName, "main.go")) {
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
	files := []string{filepath.Join(root, "go.sum"), filepath.Join(root, "cmd", RendererName, "main.go")}
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
