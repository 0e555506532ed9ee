package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/faultline-dev/faultline/rules"
)

func runLibraries(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("libraries", "libraries [-v]", stderr)
	verbose := fs.Bool("v", false, "also print what faultline knows of each library's defaults and bounds")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	if err := writeLibraries(stdout, *verbose); err != nil {
		return fail(stderr, err)
	}
	return ExitOK
}

// writeLibraries writes the catalogue: a table of the library families,
// or with verbose, each family with its packages and notes.
func writeLibraries(w io.Writer, verbose bool) error {
	libs := rules.Libraries()
	if !verbose {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "LIBRARY\tCALLS\tAPIS\tVERSIONS")
		for _, l := range libs {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", l.Name, kinds(l), len(l.APIs), l.Versions)
		}
		return tw.Flush()
	}
	for i, l := range libs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s (%s)\n", l.Name, l.Versions)
		fmt.Fprintf(w, "  packages: %s\n", strings.Join(l.Paths, ", "))
		if k := kinds(l); k != "-" {
			fmt.Fprintf(w, "  calls:    %s, %d APIs\n", k, len(l.APIs))
		}
		fmt.Fprintf(w, "  %s\n", l.Notes)
	}
	return nil
}

// kinds lists the kinds of the library's calls, or "-".
func kinds(l *rules.Library) string {
	var ks []string
	for _, a := range l.APIs {
		if k := string(a.Kind); !slices.Contains(ks, k) {
			ks = append(ks, k)
		}
	}
	if len(ks) == 0 {
		return "-"
	}
	slices.Sort(ks)
	return strings.Join(ks, ",")
}
