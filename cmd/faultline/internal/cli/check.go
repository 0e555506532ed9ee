package cli

import (
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/analyzer/baseline"
	"github.com/faultline-dev/faultline/analyzer/report"
	"github.com/faultline-dev/faultline/rules"
)

// commonFlags are the flags check, graph and init share.
type commonFlags struct {
	dir        string
	topology   string
	configFile string
	tests      bool
	deps       bool
	enable     listFlag
	disable    listFlag
	modules    listFlag
	safe       bool
	nolint     bool
	quiet      bool
	cpuProfile string
	memProfile string

	manifests listFlag

	topoTimeout time.Duration
	topoMemory  byteSize
}

func (c *commonFlags) bind(fs *flag.FlagSet) {
	fs.StringVar(&c.dir, "C", "", "analyze the module in `dir`: package patterns and -topology are relative to it (output files stay relative to the current directory)")
	fs.StringVar(&c.topology, "topology", "", "the topology: a .cue `file` or a directory (default: topology.cue or faultline/ at the module root)")
	fs.StringVar(&c.configFile, "config", "", "the configuration `file`: settings only, in the topology's schema (default: faultline.cue or .faultline.cue at the module root)")
	fs.BoolVar(&c.tests, "tests", false, "analyze _test.go files too")
	fs.BoolVar(&c.deps, "deps", false, "analyze the code of dependencies too, for facts about wrappers in other modules (several times slower)")
	fs.Var(&c.enable, "enable", "run only these `rules` (comma-separated)")
	fs.Var(&c.disable, "disable", "do not run these `rules` (comma-separated)")
	fs.Var(&c.modules, "modules", "at a directory that holds several Go modules, analyse only these module `dirs` (comma-separated, relative to it; default: every module below it)")
	fs.Var(&c.manifests, "manifests", manifestsUsage)
	fs.DurationVar(&c.topoTimeout, "topology-timeout", 0, "the `time` the topology's evaluation may take (default 1m; -1s: no limit)")
	fs.Var(&c.topoMemory, "topology-memory", "the `memory` the topology's evaluation may take, such as 512MiB or 8GiB (default 4GiB; -1: no limit)")
	fs.BoolVar(&c.safe, "safe", os.Getenv("FAULTLINE_SAFE") == "1", "for code you do not trust: load packages with CGO_ENABLED=0, GOTOOLCHAIN=local and without -mod=mod, so the go command runs no C toolchain, downloads no toolchain and changes no file (default from FAULTLINE_SAFE=1)")
	fs.StringVar(&c.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to `file` (go tool pprof FILE), for a slow run's report")
	fs.StringVar(&c.memProfile, "memprofile", "", "write a heap profile at the end of the run to `file`")
	fs.BoolVar(&c.quiet, "q", false, "quiet: no progress line on a terminal, and no summary")
	fs.BoolVar(&c.nolint, "nolint", true, "honour golangci-lint's //nolint:faultline and //nolint:RULE comments as suppressions (-nolint=false: only //faultline:ignore)")
}

const manifestsUsage = "read replicas, zones and public routes from deployment manifests: Kubernetes YAML (also helm template or kustomize build output) or docker-compose `files or dirs` (comma-separated or repeated)"

// start begins what check and graph do around a run: the profiles the
// flags ask for and the progress line on a terminal. It returns the writer
// to use for standard error from then on (it clears the line before
// writing), the line, and the function that ends both.
func (c *commonFlags) start(stderr io.Writer) (io.Writer, *progress, func(), error) {
	stopProfiles, err := c.profile()
	if err != nil {
		return stderr, nil, nil, err
	}
	prog := startProgress(stderr, c.quiet)
	return prog.wrap(stderr), prog, func() { prog.done(); stopProfiles() }, nil
}

// profile starts the profiles the flags ask for; the function it returns
// writes them.
func (c *commonFlags) profile() (func(), error) {
	var cpu *os.File
	if c.cpuProfile != "" {
		f, err := os.Create(c.cpuProfile)
		if err != nil {
			return nil, fmt.Errorf("-cpuprofile: %v", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return nil, fmt.Errorf("-cpuprofile: %v", err)
		}
		cpu = f
	}
	return func() {
		if cpu != nil {
			pprof.StopCPUProfile()
			cpu.Close()
		}
		if c.memProfile != "" {
			if f, err := os.Create(c.memProfile); err == nil {
				runtime.GC() // up-to-date statistics of what is live
				pprof.WriteHeapProfile(f)
				f.Close()
			}
		}
	}, nil
}

func (c *commonFlags) config(patterns []string) analyzer.Config {
	return analyzer.Config{
		Dir:        c.dir,
		Patterns:   patterns,
		Tests:      c.tests,
		Deps:       c.deps,
		Topology:   c.topology,
		ConfigFile: c.configFile,
		Enable:     c.enable,
		Disable:    c.disable,
		Modules:    c.modules,
		Safe:       c.safe,
		NoNolint:   !c.nolint,

		Manifests: c.manifests,

		TopologyTimeout: c.topoTimeout,
		TopologyMemory:  int64(c.topoMemory),
	}
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", "check [flags] [packages]", stderr)
	var (
		common      commonFlags
		format      = fs.String("format", "text", "output `format`: "+orList(checkFormats))
		out         = fs.String("o", "", "write the output to `file` instead of standard output")
		failOn      = fs.String("fail-on", "warning", "exit 1 when unsuppressed, unbaselined findings at or above this `severity` remain: error, warning, note or never")
		baselineIn  = fs.String("baseline", "", "report and fail only on findings not in this baseline `file`")
		baselineOut = fs.String("write-baseline", "", "write the current findings to this baseline `file`")
		reportDir   = fs.String("report", "", "also write every report (text, JSON, SARIF, DOT, SVG, HTML) into `dir`")
		color       = fs.String("color", "auto", "text output: colour positions by severity and show each finding's source line: `auto` (when standard output is a terminal and NO_COLOR is unset), always or never")
		verbose     = fs.Bool("v", false, "text output: each finding's whole message (why it matters and how to fix it), not only its headline")
		fix         = fs.Bool("fix", false, "apply the suggested fixes of the findings reported (rewriting the Go files, gofmt-formatted); fixed findings are then not reported")
		newFromRev  = fs.String("new-from-rev", "", "report and fail only on findings on lines changed since this git `revision` (uncommitted and untracked files count as changed)")
		cacheMode   = fs.String("cache", "on", "keep the code rules' results per package between runs, in $FAULTLINE_CACHE (default: faultline in the user cache directory; see 'faultline help cache'): `on` or off")
	)
	common.bind(fs)
	patterns, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(err)
	}
	threshold, ok := rules.ParseSeverity(*failOn)
	if !ok && *failOn != "never" {
		fmt.Fprintf(stderr, "faultline: -fail-on %q: want error, warning, note or never\n", *failOn)
		return ExitInput
	}
	if *color != "auto" && *color != "always" && *color != "never" {
		fmt.Fprintf(stderr, "faultline: -color %q: want auto, always or never\n", *color)
		return ExitInput
	}
	if err := checkFormat(*format, checkFormats); err != nil {
		fmt.Fprintf(stderr, "faultline: %v\n", err)
		return ExitInput
	}
	cache, err := openCache(*cacheMode)
	if err != nil {
		fmt.Fprintf(stderr, "faultline: %v\n", err)
		return ExitInput
	}
	var base *baseline.Baseline
	if *baselineIn != "" {
		if base, err = readBaseline(*baselineIn); err != nil {
			printInputError(stderr, fmt.Errorf("-baseline: %w", err))
			return ExitInput
		}
	}

	var changed *changes
	if *newFromRev != "" {
		if changed, err = changedSince(cmp.Or(common.dir, "."), *newFromRev); err != nil {
			printInputError(stderr, err)
			return ExitInput
		}
	}

	stderr, prog, stop, err := common.start(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "faultline: %v\n", err)
		return ExitInput
	}
	defer stop()
	cfg := common.config(patterns)
	var restoreGC func()
	cfg.Progress, restoreGC = codeGC(prog.callback())
	defer restoreGC()
	cfg.Cache = cache
	res, err := analyzer.Run(cfg)
	if err != nil {
		return fail(stderr, err)
	}
	inputErr := printLoadErrors(stderr, res)

	findings := res.Findings
	baselined, old := 0, 0
	var stale []baseline.Entry
	if base != nil {
		findings, baselined, stale = base.Apply(findings, res.Checked)
	}
	if changed != nil {
		findings, old = keepNew(findings, res.Root, changed)
	}
	if *fix {
		fr := applyFixes(findings, res.Root)
		for _, p := range fr.problems {
			fmt.Fprintf(stderr, "faultline: -fix: %s\n", p)
		}
		if len(fr.fixed) > 0 || fr.skipped > 0 {
			msg := fmt.Sprintf("faultline: applied %d %s in %d %s (%s)", len(fr.fixed), map[bool]string{true: "fix", false: "fixes"}[len(fr.fixed) == 1], len(fr.files), plural(len(fr.files), "file"), strings.Join(fr.files, ", "))
			if fr.skipped > 0 {
				msg += fmt.Sprintf("; %d not applied (overlapping another, or unparsable): run -fix again", fr.skipped)
			}
			fmt.Fprintln(stderr, msg)
		}
		var rest []analyzer.Finding
		for i, f := range findings {
			if !fr.fixed[i] {
				rest = append(rest, f)
			}
		}
		findings = rest
	}

	// check draws the whole graph (-report), with faultline-render.
	ps := printers(res, report.Picture{Renderer: renderer{building: prog.onBuild()}})
	text := report.Text{Verbose: *verbose, Dir: workDir()}
	if useColor(*color, stdout, *out) {
		text.Color, text.Source = true, sourceLines(res.Root)
	}
	ps["text"] = text
	var buf bytes.Buffer
	if err := ps[*format].Print(&buf, res, findings); err != nil {
		return fail(stderr, err)
	}
	if err := writeOutput(*out, buf.Bytes(), stdout); err != nil {
		fmt.Fprintf(stderr, "faultline: -o: %v\n", err)
		return ExitInput
	}
	if *baselineOut != "" {
		// Accepted findings this run could not check are carried over from
		// the baseline being rewritten (or the one given with -baseline).
		old := base
		if old == nil {
			if _, err := os.Stat(*baselineOut); err == nil {
				if old, err = readBaseline(*baselineOut); err != nil {
					printInputError(stderr, fmt.Errorf("-write-baseline: %w", err))
					return ExitInput
				}
			}
		}
		var keep []baseline.Entry
		if old != nil {
			keep = old.Unchecked(res.Checked)
		}
		var b bytes.Buffer
		if err := baseline.Write(&b, res.Findings, keep); err != nil {
			return fail(stderr, err)
		}
		if err := writeOutput(*baselineOut, b.Bytes(), nil); err != nil {
			fmt.Fprintf(stderr, "faultline: -write-baseline: %v\n", err)
			return ExitInput
		}
	}
	if *reportDir != "" {
		if err := writeReports(*reportDir, ps, res, findings, stderr); err != nil {
			fmt.Fprintf(stderr, "faultline: -report: %v\n", err)
			return ExitInput
		}
	}

	if (*format == "text" || *out != "") && !common.quiet {
		line := summary(res, findings, baselined)
		if changed != nil {
			line += fmt.Sprintf("; %d more outside the lines changed since %s", old, *newFromRev)
		}
		fmt.Fprintln(stderr, line)
	}
	if len(stale) > 0 {
		fmt.Fprintf(stderr, "faultline: %d baseline entries no longer occur; prune them with -write-baseline:\n", len(stale))
		for _, e := range stale {
			fmt.Fprintf(stderr, "\t%s %s %s: %s\n", e.Fingerprint, e.Rule, e.File, e.Message)
		}
	}

	if inputErr {
		return ExitInput
	}
	if *failOn == "never" {
		return ExitOK
	}
	for _, f := range findings {
		if f.Suppression == nil && f.Severity >= threshold {
			return ExitFindings
		}
	}
	return ExitOK
}

// The output formats each command accepts, in the order its help and
// errors list them; printers has a printer for each.
var (
	checkFormats = []string{"text", "json", "sarif", "github"}
	graphFormats = []string{"dot", "svg", "html", "json"}
)

// printers is the table of faultline's output formats: the printer of
// each by name, configured for the run res. check's -format, the files of
// check -report and graph's -format all take their printer from it. pic
// says what the picture formats (dot, svg, html) and json show of the
// graph, and how pictures are drawn.
func printers(res *analyzer.Result, pic report.Picture) map[string]report.Printer {
	srcRoot := report.RepoRoot(res.Root)
	return map[string]report.Printer{
		"text":   report.Text{Dir: workDir()},
		"json":   report.JSON{Picture: pic},
		"sarif":  report.SARIF{Version: version(), SrcRoot: srcRoot},
		"github": report.GitHub{SrcRoot: srcRoot},
		"dot":    report.DOT{Picture: pic},
		"svg":    report.SVG{Picture: pic},
		"html":   report.HTML{Picture: pic, Title: reportTitle(res), Version: version()},
	}
}

// workDir is the directory faultline was started in, which text output's
// paths are relative to; "" when it cannot be known.
func workDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	return wd
}

// checkFormat returns an error when format is not one of accepted.
func checkFormat(format string, accepted []string) error {
	if slices.Contains(accepted, format) {
		return nil
	}
	return fmt.Errorf("-format %q: want %s", format, orList(accepted))
}

// orList joins words as "a, b, c or d".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// summary is the one-line account printed to standard error.
func summary(res *analyzer.Result, fs []analyzer.Finding, baselined int) string {
	var count [4]int
	suppressed := 0
	for _, f := range fs {
		if f.Suppression != nil {
			suppressed++
			continue
		}
		if int(f.Severity) < len(count) {
			count[f.Severity]++
		}
	}
	total := count[rules.Error] + count[rules.Warning] + count[rules.Note]
	var where string
	pkgs := fmt.Sprintf("%d %s", res.Packages, plural(res.Packages, "package"))
	if n := len(res.Modules); n > 0 {
		pkgs += fmt.Sprintf(" of %d %s", n, plural(n, "module"))
	}
	switch {
	case res.Packages > 0 && res.Topology != "":
		where = fmt.Sprintf("in %s and %s", pkgs, res.Topology)
	case res.Packages > 0:
		where = "in " + pkgs
	case res.Topology != "":
		where = "in " + res.Topology
	default:
		return "faultline: nothing was analysed (errors above)"
	}
	if n := len(res.Manifests); n > 0 {
		where += fmt.Sprintf(" with %d %s", n, plural(n, "manifest file"))
	}
	var b strings.Builder
	if total == 0 {
		fmt.Fprintf(&b, "faultline: no findings %s", where)
	} else {
		fmt.Fprintf(&b, "faultline: %d %s %s: %s", total, plural(total, "finding"), where, counts(count))
	}
	var extra []string
	if suppressed > 0 {
		extra = append(extra, fmt.Sprintf("%d suppressed", suppressed))
	}
	if baselined > 0 {
		extra = append(extra, fmt.Sprintf("%d baselined", baselined))
	}
	if res.Excluded > 0 {
		extra = append(extra, fmt.Sprintf("%d in paths %s excludes", res.Excluded, cmp.Or(res.Config, res.Topology)))
	}
	if len(extra) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(extra, ", "))
	}
	if n := testInfraCount(fs); n > 0 {
		fmt.Fprintf(&b, "; %d of them in paths that look like test infrastructure (test/, e2e/, examples/, samples/, mocks/...; settings.exclude leaves them out)", n)
	}
	if n := len(res.Unanalysed); n > 0 {
		const show = 5
		names := res.Unanalysed[:min(n, show)]
		more := ""
		if n > show {
			more = fmt.Sprintf(" and %d more", n-show)
		}
		fmt.Fprintf(&b, "; %d %s not analysed (errors above): %s%s", n, plural(n, "package"), strings.Join(names, ", "), more)
	}
	if res.TopologyError != nil {
		b.WriteString("; the topology has errors (above), so only the code rules ran")
	}
	// One line per missing deadline upstream that findings in several
	// services share: fixing it clears them all.
	// Their positions are written as the text output writes them,
	// relative to the directory faultline runs in.
	rel := func(pos string) string { return pos }
	if wd := workDir(); wd != "" && res.Root != "" {
		if root, err := filepath.Abs(res.Root); err == nil && root != wd {
			rel = func(pos string) string {
				i := strings.LastIndexByte(pos, ':')
				if i <= 0 || filepath.IsAbs(filepath.FromSlash(pos[:i])) {
					return pos
				}
				r, err := filepath.Rel(wd, filepath.Join(root, filepath.FromSlash(pos[:i])))
				if err != nil {
					return pos
				}
				return filepath.ToSlash(r) + pos[i:]
			}
		}
	}
	for _, g := range res.Groups {
		const show = 5
		names := make([]string, 0, show)
		for _, f := range g.Findings[:min(len(g.Findings), show)] {
			names = append(names, rel(f))
		}
		more := ""
		if n := len(g.Findings); n > show {
			more = fmt.Sprintf(" and %d more", n-show)
		}
		msg := g.Message
		if g.Top != "" {
			msg = strings.ReplaceAll(msg, g.Top, rel(g.Top))
		}
		fmt.Fprintf(&b, "\nfaultline: %s (%d findings: %s%s)", report.Clean(msg), len(g.Findings), strings.Join(names, ", "), more)
	}
	return b.String()
}

// printLoadErrors prints what could not be loaded: the topology's errors
// and the packages' errors. It reports whether there were any: the run is
// then an input error (exit 2), although everything else was analysed.
func printLoadErrors(stderr io.Writer, res *analyzer.Result) bool {
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "faultline: warning: %s\n", report.Clean(w))
	}
	if res.TopologyError != nil {
		printInputError(stderr, res.TopologyError)
	}
	for _, e := range res.PackageErrors {
		// go's own messages may go on over indented lines ("to add:\n\tgo
		// get …"); anything else that could forge a line is escaped.
		for i, line := range strings.Split(e, "\n") {
			if i > 0 {
				fmt.Fprint(stderr, "\t")
			}
			fmt.Fprintln(stderr, report.Clean(strings.TrimLeft(line, "\t")))
		}
	}
	return res.TopologyError != nil || len(res.PackageErrors) > 0
}

// readBaseline reads a baseline file, which must be a regular file.
func readBaseline(path string) (*baseline.Baseline, error) {
	f, err := openRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return baseline.Read(f, path)
}

// openRegular opens a file for reading, refusing anything but a regular
// file (after symlinks): a FIFO would hang the gate and a device such as
// /dev/zero would never end.
func openRegular(path string) (*os.File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file (%s): give the path of a file", path, fi.Mode().Type())
	}
	return os.Open(path)
}

func counts(c [4]int) string {
	var parts []string
	for _, s := range []rules.Severity{rules.Error, rules.Warning, rules.Note} {
		if c[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c[s], plural(c[s], s.String())))
		}
	}
	return strings.Join(parts, ", ")
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// writeOutput writes data to path, or to w when path is empty. A file is
// written to a temporary name and renamed, so it is never left partial.
func writeOutput(path string, data []byte, w io.Writer) error {
	if path == "" {
		if w == nil {
			return nil
		}
		_, err := w.Write(data)
		return err
	}
	return writeFileAtomic(path, data)
}

func writeFileAtomic(path string, data []byte) error {
	// A device, a pipe or a terminal named directly (-o /dev/stdout, -o
	// /dev/null, a FIFO the user made) is written as it is: renaming a file
	// over it would replace it. Reached through a symbolic link elsewhere
	// (a link a repository could ship at an output path), it is refused: a
	// FIFO would hang the gate, a device would take the report.
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		if lfi, err := os.Lstat(path); err == nil && lfi.Mode()&os.ModeSymlink != 0 && !systemPath(path) {
			return fmt.Errorf("%s is a symbolic link to a %s, not to a file: faultline writes reports to files (or to a device or FIFO named directly, such as /dev/stdout); remove the link or choose another path", path, kindOf(fi.Mode()))
		}
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// systemPath reports whether path names one of the system's own device
// paths (/dev/stdout, /dev/fd/3, /proc/self/fd/1), which are symbolic links
// to the process's files by design.
func systemPath(path string) bool {
	abs, err := filepath.Abs(path)
	return err == nil && (strings.HasPrefix(abs, "/dev/") || strings.HasPrefix(abs, "/proc/"))
}

// kindOf names the type of a file that is not a regular file.
func kindOf(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "FIFO"
	case m&os.ModeDevice != 0:
		return "device"
	case m&os.ModeSocket != 0:
		return "socket"
	case m.IsDir():
		return "directory"
	}
	return "special file"
}

// reportFiles are the files check -report writes, in order, and their
// formats.
var reportFiles = []struct{ name, format string }{
	{"findings.txt", "text"}, {"findings.json", "json"}, {"findings.sarif", "sarif"},
	{"graph.dot", "dot"}, {"graph.svg", "svg"}, {"report.html", "html"},
}

// writeReports writes every report into dir with the printers ps:
// findings.txt, findings.json, findings.sarif and report.html, and
// graph.dot and graph.svg when there is a graph. A graph too large to draw
// (or whose layout times out) is only a warning: graph.svg is left out and
// report.html says why.
func writeReports(dir string, ps map[string]report.Printer, res *analyzer.Result, fs []analyzer.Finding, stderr io.Writer) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var svgData []byte // graph.svg, which report.html shows too
	var picErr error   // why there is no graph.svg
	for _, f := range reportFiles {
		p := ps[f.format]
		switch f.format {
		case "dot", "svg":
			if res.Graph == nil {
				continue
			}
		case "html":
			// The picture is laid out once, for graph.svg.
			if html, ok := p.(report.HTML); ok {
				html.SVG, html.NoSVG = svgData, picErr
				p = html
			}
		}
		var buf bytes.Buffer
		err := p.Print(&buf, res, fs)
		switch f.format {
		case "svg":
			if err != nil {
				picErr = err
				fmt.Fprintf(stderr, "faultline: -report: warning: no graph.svg: %v\n", err)
				continue
			}
			svgData = buf.Bytes()
		case "html":
			if pe := (*report.PictureError)(nil); errors.As(err, &pe) {
				err = nil // said above, for graph.svg
			}
		}
		if err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
		if err := writeFileAtomic(filepath.Join(dir, f.name), buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// reportTitle names the system in the HTML report: the module path, or the
// topology's directory.
func reportTitle(res *analyzer.Result) string {
	if res.Module != "" {
		return res.Module
	}
	return filepath.Base(res.Root)
}

// byteSize is a flag holding a number of bytes: 4GiB, 512MiB, 1000000,
// or -1 for no limit.
type byteSize int64

func (b *byteSize) String() string { return strconv.FormatInt(int64(*b), 10) }

func (b *byteSize) Set(s string) error {
	units := []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}}
	mult := int64(1)
	num := strings.TrimSpace(s)
	for _, u := range units {
		if n, ok := strings.CutSuffix(num, u.suffix); ok {
			num, mult = strings.TrimSpace(n), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || (n > 0 && n > (1<<62)/mult) {
		return fmt.Errorf("want a size such as 512MiB or 8GiB, or -1 for no limit")
	}
	if n < 0 {
		*b = -1
		return nil
	}
	*b = byteSize(n * mult)
	return nil
}
