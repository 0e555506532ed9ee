// Package cli is faultline's command line: the subcommands check, graph,
// init, rules, explain and version, and the go vet protocol.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/rules"
)

// Exit codes.
const (
	ExitOK       = 0 // nothing at or above the -fail-on threshold
	ExitFindings = 1 // findings at or above the threshold
	ExitInput    = 2 // the input could not be analysed: bad flags, CUE errors, packages that fail to load
	ExitInternal = 3 // a bug in faultline
)

const usage = `faultline finds the failure modes of distributed systems in Go code and
in a CUE description of the system's topology.

Usage:

	faultline check   [flags] [packages]   run the rules; the CI gate (default ./...)
	faultline graph   [flags] [packages]   write the system graph (-format dot|svg|html|json)
	faultline init    [flags] [packages]   write a starter topology.cue inferred from the code
	faultline rules                        list the rules
	faultline explain RULE                 show a rule's documentation
	faultline libraries [-v]               list the client libraries faultline models
	faultline schema                       print the topology schema (for cue vet)
	faultline cache clean|info             empty the result cache, or say where it is and its size
	faultline version                      print the version

	go vet -vettool=$(command -v faultline) [packages]   run the code rules under go vet

Run 'faultline help COMMAND' (or 'faultline COMMAND -h') for a command's flags and examples.
Exit codes: 0 clean, 1 findings at or above -fail-on, 2 input error, 3 internal error.
`

// Main runs the command line and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "faultline: internal error: %v\n", r)
			if os.Getenv("FAULTLINE_DEBUG") != "" {
				fmt.Fprintf(stderr, "%s", debug.Stack())
			} else {
				fmt.Fprintln(stderr, "faultline: this is a bug; please report it with the command you ran (FAULTLINE_DEBUG=1 prints a stack trace)")
			}
			code = ExitInternal
		}
	}()
	if isVetProtocol(args) {
		// unitchecker owns the process from here: it parses os.Args with
		// the global flag set and exits.
		unitchecker.Main(rules.VetAnalyzers()...)
		return ExitInternal // not reached
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return ExitInput
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "check":
		return runCheck(rest, stdout, stderr)
	case "graph":
		return runGraph(rest, stdout, stderr)
	case "init":
		return runInit(rest, stdout, stderr)
	case "rules":
		return runRules(rest, stdout, stderr)
	case "explain":
		return runExplain(rest, stdout, stderr)
	case "libraries":
		return runLibraries(rest, stdout, stderr)
	case "schema":
		return runSchema(rest, stdout, stderr)
	case "cache":
		return runCache(rest, stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintf(stdout, "faultline %s %s/%s %s\n", version(), runtime.GOOS, runtime.GOARCH, runtime.Version())
		return ExitOK
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 && cmd == "help" {
			return runHelp(rest[0], stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return ExitOK
	}
	fmt.Fprintf(stderr, "faultline: unknown command %q\n\n%s", cmd, usage)
	return ExitInput
}

// isVetProtocol reports whether faultline was started by go vet: with
// -V=full or -flags to describe itself, or to analyse one unit, as
// `faultline [-flag=value…] FILE.cfg`: flags only (go vet passes them in
// the -name=value form), then the one .cfg file it wrote. A subcommand's
// argument that happens to end in .cfg (check -o out.cfg) is not that.
func isVetProtocol(args []string) bool {
	if len(args) == 0 {
		return false
	}
	switch args[0] {
	case "-V=full", "--V=full", "-V", "-flags", "--flags":
		return true
	}
	last := args[len(args)-1]
	if !strings.HasSuffix(last, ".cfg") || strings.HasPrefix(last, "-") {
		return false
	}
	for _, a := range args[:len(args)-1] {
		if !strings.HasPrefix(a, "-") {
			return false
		}
	}
	return true
}

// version is the module version faultline was built at, or "devel".
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// parseInterspersed parses flags that may come before, between or after
// positional arguments ("faultline check ./... -format json").
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// listFlag is a comma-separated list flag that may be repeated.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l = append(*l, v)
		}
	}
	return nil
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: faultline %s\n", synopsis)
		if ex := examples[name]; ex != "" {
			fmt.Fprintf(stderr, "\nExamples:\n%s", ex)
		}
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintf(stderr, "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

// examples are shown by 'faultline help CMD' and 'faultline CMD -h'.
var examples = map[string]string{
	"check": `	faultline check ./...                        the CI gate: text findings, exit 1 on warnings
	faultline check -format sarif -o f.sarif      for code scanning
	faultline check -report out ./...             every report (text, JSON, SARIF, DOT, SVG, HTML) into out/
	faultline check -baseline .faultline-baseline ./...   fail only on findings not in the baseline
	faultline check -C services/                  a directory of several modules, as one system
`,
	"graph": `	faultline graph -format svg -o system.svg     the system as a picture
	faultline graph -format html -o report.html   the interactive report
	faultline graph -focus web -depth 2           what entrypoint web reaches, two hops deep
`,
	"init": `	faultline init                                write topology.cue at the module root
	faultline init -o - ./services/...            print it instead
`,
	"explain":   "\tfaultline explain ctxdeadline\n",
	"libraries": "\tfaultline libraries -v                        every modelled API\n",
}

// runHelp prints the help of one command on stdout.
func runHelp(cmd string, stdout, stderr io.Writer) int {
	run := map[string]func([]string, io.Writer, io.Writer) int{
		"check": runCheck, "graph": runGraph, "init": runInit, "rules": runRules,
		"explain": runExplain, "libraries": runLibraries, "schema": runSchema, "cache": runCache,
	}[cmd]
	if run == nil {
		fmt.Fprintf(stderr, "faultline: unknown command %q\n\n%s", cmd, usage)
		return ExitInput
	}
	return run([]string{"-h"}, stdout, stdout)
}

// flagExit maps a flag parsing error to an exit code: -h is not an error.
func flagExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	return ExitInput
}

// positioned matches messages that start with a file:line position.
var positioned = regexp.MustCompile(`^\S+:\d+(:\d+)?: `)

// fail prints an error and returns its exit code: input errors are 2,
// anything else is an internal error.
func fail(stderr io.Writer, err error) int {
	var ie *analyzer.InputError
	if errors.As(err, &ie) {
		printInputError(stderr, err)
		return ExitInput
	}
	fmt.Fprintf(stderr, "faultline: internal error: %v\n", err)
	return ExitInternal
}

// printInputError prints an input error one line per problem, each
// starting with its position or with "faultline:". A "-flag: " prefix
// before a position goes: "-baseline: base.txt:2: …" prints as
// "base.txt:2: …", in the form editors jump to.
func printInputError(stderr io.Writer, err error) {
	for _, line := range strings.Split(strings.TrimRight(err.Error(), "\n"), "\n") {
		if flag, rest, ok := strings.Cut(line, ": "); ok && strings.HasPrefix(flag, "-") && positioned.MatchString(rest) {
			line = rest
		}
		if !positioned.MatchString(line) {
			line = "faultline: " + line
		}
		fmt.Fprintf(stderr, "%s\n", line)
	}
}
