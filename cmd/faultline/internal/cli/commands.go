package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/analyzer/report"
	"github.com/faultline-dev/faultline/graph/topology"
	"github.com/faultline-dev/faultline/rules"
)

func runRules(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("rules", "rules", stderr)
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tCHECKS\tSUMMARY")
	for _, r := range rules.All() {
		side := "code"
		switch {
		case r.Analyzer != nil && r.Check != nil:
			side = "code+graph"
		case r.Check != nil:
			side = "graph"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Name, r.Severity, side, r.Summary)
	}
	if err := tw.Flush(); err != nil {
		return fail(stderr, err)
	}
	return ExitOK
}

func runExplain(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("explain", "explain RULE", stderr)
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: faultline explain RULE ('faultline rules' lists them)")
		return ExitInput
	}
	name := fs.Arg(0)
	r := rules.Lookup(name)
	if r == nil {
		msg := fmt.Sprintf("faultline: unknown rule %q", name)
		if s := rules.Nearest(name); s != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", s)
		}
		fmt.Fprintln(stderr, msg+"; 'faultline rules' lists them")
		return ExitInput
	}
	fmt.Fprint(stdout, r.Doc)
	fmt.Fprintf(stdout, "\nDefault severity: %s.\n", r.Severity)
	return ExitOK
}

func runGraph(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("graph", "graph [flags] [packages]", stderr)
	var (
		common    commonFlags
		format    = fs.String("format", "dot", "output `format`: "+orList(graphFormats))
		out       = fs.String("o", "", "write the output to `file` instead of standard output")
		focus     = fs.String("focus", "", "draw only what this `entrypoint` (or node) reaches")
		depth     = fs.Int("depth", 0, "draw only nodes at most `n` hops from the -focus entrypoint, or from every entrypoint (0: no limit)")
		dotBinary = fs.String("dot-binary", "", "render SVG with this Graphviz dot `program` instead of the built-in renderer")
	)
	common.bind(fs)
	patterns, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if err := checkFormat(*format, graphFormats); err != nil {
		fmt.Fprintf(stderr, "faultline: %v\n", err)
		return ExitInput
	}
	if *depth < 0 {
		fmt.Fprintf(stderr, "faultline: -depth %d: want 0 (no limit) or more\n", *depth)
		return ExitInput
	}
	stderr, prog, stop, err := common.start(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "faultline: %v\n", err)
		return ExitInput
	}
	defer stop()
	cfg := common.config(patterns)
	cfg.Graph = true
	var restoreGC func()
	cfg.Progress, restoreGC = codeGC(prog.callback())
	defer restoreGC()
	res, err := analyzer.Run(cfg)
	if err != nil {
		return fail(stderr, err)
	}
	inputErr := printLoadErrors(stderr, res)
	if res.Graph == nil {
		fmt.Fprintln(stderr, "faultline: no graph: there is no topology and no service was found in the code")
		return ExitInput
	}
	pic := report.Picture{Focus: *focus, Depth: *depth, Renderer: renderer{dotBinary: *dotBinary, building: prog.onBuild()}}
	var buf bytes.Buffer
	err = printers(res, pic)[*format].Print(&buf, res, res.Findings)
	if pe := (*report.PictureError)(nil); errors.As(err, &pe) {
		// The HTML report without its picture: still written.
		fmt.Fprintf(stderr, "faultline: warning: %v\n", err)
		err = nil
	}
	if err != nil {
		fmt.Fprintf(stderr, "faultline: %v\n", err)
		return ExitInput
	}
	if err := writeOutput(*out, buf.Bytes(), stdout); err != nil {
		fmt.Fprintf(stderr, "faultline: -o: %v\n", err)
		return ExitInput
	}
	if inputErr {
		return ExitInput
	}
	return ExitOK
}

func runInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("init", "init [flags] [packages]", stderr)
	var (
		dir   = fs.String("C", "", "infer the topology of the module in `dir`")
		out   = fs.String("o", "", "write the topology to `file` (default: topology.cue at the module root; - for standard output)")
		force = fs.Bool("force", false, "overwrite an existing file")
		tests = fs.Bool("tests", false, "analyze _test.go files too")
		deps  = fs.Bool("deps", false, "analyze the code of dependencies too, for clients and wrappers in other modules (several times slower)")
		safe  = fs.Bool("safe", os.Getenv("FAULTLINE_SAFE") == "1", "for code you do not trust: the go command runs no C toolchain, downloads no toolchain and changes no file (see check -h)")
		mani  listFlag
	)
	fs.Var(&mani, "manifests", manifestsUsage)
	patterns, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(err)
	}
	progress, restoreGC := codeGC(nil)
	defer restoreGC()
	res, err := analyzer.Run(analyzer.Config{Dir: *dir, Patterns: patterns, Tests: *tests, Deps: *deps, Safe: *safe, NoTopology: true, NoRules: true, Manifests: mani, Progress: progress})
	if err != nil {
		return fail(stderr, err)
	}
	inputErr := printLoadErrors(stderr, res)
	if res.Graph == nil || len(res.Graph.Nodes) == 0 {
		fmt.Fprintln(stderr, "faultline: no services found: init looks for main packages and the calls they make")
		return ExitInput
	}
	data, err := topology.Format(res.Graph)
	if err != nil {
		return fail(stderr, err)
	}
	path := *out
	if path == "" {
		path = filepath.Join(res.Root, "topology.cue")
	}
	// What could not be loaded is missing from the topology: it is still
	// written, as a start, but the run is an input error.
	done := ExitOK
	if inputErr {
		done = ExitInput
		fmt.Fprintf(stderr, "faultline: the topology is incomplete: %d %s could not be analysed (errors above)\n", len(res.Unanalysed), plural(len(res.Unanalysed), "package"))
	}
	if path == "-" {
		_, err := stdout.Write(data)
		if err != nil {
			return fail(stderr, err)
		}
		return done
	}
	if _, err := os.Stat(path); err == nil && !*force {
		fmt.Fprintf(stderr, "faultline: %s exists; not overwriting it (use -force, or -o FILE to write elsewhere)\n", path)
		return ExitInput
	}
	if err := writeFileAtomic(path, data); err != nil {
		fmt.Fprintf(stderr, "faultline: %v\n", err)
		return ExitInput
	}
	fmt.Fprintf(stderr, "faultline: wrote %s: %d services, %d nodes, %d edges inferred from %d packages; set replicas, zones and entrypoints, then run faultline check\n",
		path, res.Services, len(res.Graph.Nodes), len(res.Graph.Edges), res.Packages)
	return done
}
