package cli

import (
	"bytes"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/analyzer/report"
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
		common commonFlags
		format = fs.String("format", "dot", "output `format`: dot, svg, html or json")
		out    = fs.String("o", "", "write the output to `file` instead of standard output")
	)
	common.bind(fs)
	patterns, err := parseInterspersed(fs, args)
	if err != nil {
		return flagExit(err)
	}
	switch *format {
	case "json":
	case "dot", "svg", "html":
		fmt.Fprintf(stderr, "faultline: -format %s is not available in this build yet; use -format json\n", *format)
		return ExitInput
	default:
		fmt.Fprintf(stderr, "faultline: -format %q: want dot, svg, html or json\n", *format)
		return ExitInput
	}
	res, err := analyzer.Run(common.config(patterns))
	if err != nil {
		return fail(stderr, err)
	}
	for _, e := range res.PackageErrors {
		fmt.Fprintln(stderr, e)
	}
	if res.Graph == nil {
		fmt.Fprintln(stderr, "faultline: no graph: there is no topology and no service was found in the code")
		return ExitInput
	}
	var buf bytes.Buffer
	if err := (report.JSON{W: &buf}).Print(res.Findings, res.Graph); err != nil {
		return fail(stderr, err)
	}
	if err := writeOutput(*out, buf.Bytes(), stdout); err != nil {
		fmt.Fprintf(stderr, "faultline: -o: %v\n", err)
		return ExitInput
	}
	if len(res.PackageErrors) > 0 {
		return ExitInput
	}
	return ExitOK
}

func runInit(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "faultline: init is not available in this build yet")
	return ExitInput
}
