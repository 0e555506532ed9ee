package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/faultline-dev/faultline/analyzer"
)

// progress is the one updating line faultline writes on a terminal while
// it works, in the manner of the go command: what it is doing, rewritten
// in place a few times a second, and cleared when it is done. Nothing is
// written when standard error is not a terminal (CI logs, pipes, files) or
// with -q.
type progress struct {
	w       io.Writer
	mu      sync.Mutex
	cur     string
	shown   string
	stop    chan struct{}
	stopped chan struct{}
}

// progressInterval is how often the line is redrawn.
const progressInterval = 150 * time.Millisecond

// startProgress starts the line on w when w is a terminal and not quiet;
// it returns nil otherwise (every method of a nil *progress does nothing).
func startProgress(w io.Writer, quiet bool) *progress {
	if quiet || !isTerminal(w) {
		return nil
	}
	p := &progress{w: w, stop: make(chan struct{}), stopped: make(chan struct{})}
	go p.loop()
	return p
}

// isTerminal reports whether w is a character device: a terminal (or,
// rarely, another device, where a carriage return does no harm).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0 && os.Getenv("TERM") != "dumb"
}

func (p *progress) loop() {
	t := time.NewTicker(progressInterval)
	defer t.Stop()
	defer close(p.stopped)
	for {
		select {
		case <-p.stop:
			return
		case <-t.C:
			p.draw()
		}
	}
}

// draw rewrites the line if it changed.
func (p *progress) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cur == p.shown {
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s", p.cur)
	p.shown = p.cur
}

// set replaces what the line says.
func (p *progress) set(s string) {
	if p == nil {
		return
	}
	const width = 100 // narrower than most terminals: a wrapped line cannot be rewritten
	if r := []rune(s); len(r) > width {
		s = string(r[:width-1]) + "…"
	}
	p.mu.Lock()
	p.cur = s
	p.mu.Unlock()
}

// analysis is the analyzer's progress callback.
func (p *progress) analysis(q analyzer.Progress) {
	if p == nil {
		return
	}
	var s string
	switch q.Phase {
	case "topology":
		s = "evaluating the topology"
	case "loading":
		s = "loading packages"
	case "analysing":
		s = fmt.Sprintf("analysing packages %d/%d", min(q.Done, q.Total), q.Total)
	case "system":
		s = "joining the code to the system graph"
	default:
		s = q.Phase
	}
	if q.Modules > 0 {
		s = fmt.Sprintf("module %d/%d %s: %s", q.ModuleIndex, q.Modules, q.Module, s)
	}
	p.set("faultline: " + s)
}

// building is the renderer's callback.
func (p *progress) building() {
	p.set("faultline: building faultline-render for the first picture (once per machine, tens of seconds)")
}

// done clears the line and stops redrawing it.
func (p *progress) done() {
	if p == nil {
		return
	}
	close(p.stop)
	<-p.stopped
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown != "" {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
	p.shown = ""
}

// wrap returns a writer for w that clears the line before anything else
// is written there (the next redraw puts it back below), or w itself
// without a line.
func (p *progress) wrap(w io.Writer) io.Writer {
	if p == nil {
		return w
	}
	return clearing{p: p, w: w}
}

type clearing struct {
	p *progress
	w io.Writer
}

func (c clearing) Write(b []byte) (int, error) {
	c.p.mu.Lock()
	defer c.p.mu.Unlock()
	if c.p.shown != "" {
		fmt.Fprint(c.w, "\r\x1b[K")
		c.p.shown = ""
	}
	return c.w.Write(b)
}

// callback returns the analyzer's progress callback, nil without a line.
func (p *progress) callback() func(analyzer.Progress) {
	if p == nil {
		return nil
	}
	return p.analysis
}

// onBuild returns the renderer's callback, nil without a line.
func (p *progress) onBuild() func() {
	if p == nil {
		return nil
	}
	return p.building
}

// useColor decides -color: always, never, or (auto) when the findings go
// to a terminal and NO_COLOR is not set (https://no-color.org).
func useColor(mode string, stdout io.Writer, out string) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	_, noColor := os.LookupEnv("NO_COLOR")
	return out == "" && !noColor && isTerminal(stdout)
}

// sourceLines returns a reader of the lines of files under root, each file
// read once.
func sourceLines(root string) func(file string, line int) string {
	cache := map[string][]string{}
	return func(file string, line int) string {
		lines, ok := cache[file]
		if !ok {
			if b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(file))); err == nil && len(b) < 16<<20 {
				lines = strings.Split(string(b), "\n")
			}
			cache[file] = lines
		}
		if line < 1 || line > len(lines) {
			return ""
		}
		return strings.TrimRight(lines[line-1], "\r")
	}
}

// codeGC wraps an analyzer progress callback (cb may be nil) so that, from
// the moment Go code starts loading, the collector runs twice as often as
// Go's default: loading and analysing a large module is mostly garbage, and
// this lowers the peak memory by about a sixth for about a tenth more time.
// A topology alone is left at the default, where the extra collections cost
// two fifths more CPU (10,000 generated services: 11.2 s against 7.8 s). GOGC in the environment overrides
// both. The returned function restores the setting; call it when the run
// is over.
func codeGC(cb func(analyzer.Progress)) (func(analyzer.Progress), func()) {
	if os.Getenv("GOGC") != "" {
		return cb, func() {}
	}
	var once sync.Once
	prev := -1
	var mu sync.Mutex
	wrapped := func(q analyzer.Progress) {
		if q.Phase == "loading" {
			once.Do(func() {
				mu.Lock()
				prev = debug.SetGCPercent(50)
				mu.Unlock()
			})
		}
		if cb != nil {
			cb(q)
		}
	}
	restore := func() {
		mu.Lock()
		defer mu.Unlock()
		if prev >= 0 {
			debug.SetGCPercent(prev)
			prev = -1
		}
	}
	return wrapped, restore
}
