package servertimeout_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/valueflow/edit/edittest"
	"github.com/faultline-dev/faultline/rules/servertimeout"
)

// large is a package whose single function starts, in most of its
// statements, a server with no read timeout: http.ListenAndServe and its
// kin, http.Server literals (on one line, on several) with no
// ReadHeaderTimeout.
var large = edittest.Spec{
	Header: `package big

import (
	"net/http"
	"time"
)

func Big(u string) int {
	n := 0
`,
	Round: func(b *edittest.Body, i int) {
		// The fix rewrites the call into an http.Server literal.
		b.Fixed("\thttp.ListenAndServe(u, nil) // want `http.ListenAndServe serves with a zero http.Server`\n")
		b.Plain("\tn += len(u) + %d\n", i)
		b.Fixed("\thttp.ListenAndServeTLS(u, \"cert\", \"key\", nil) // want `http.ListenAndServeTLS serves with a zero http.Server`\n")
		b.Want("\thttp.Serve(nil, nil) // want `http.Serve serves with a zero http.Server`\n")
		// A server literal: the fix sets ReadHeaderTimeout in it.
		b.Plain("\ts%d := &http.Server{Addr: u}\n", i)
		b.Fixed("\ts%d.ListenAndServe() // want `http.Server starts serving with neither ReadHeaderTimeout nor ReadTimeout set`\n", i)
		// A literal on several lines: the fix adds a line.
		b.Plain("\tm%d := &http.Server{\n\t\tAddr: u,\n\t}\n", i)
		b.Fixed("\tm%d.ListenAndServe() // want `http.Server starts serving with neither ReadHeaderTimeout nor ReadTimeout set`\n", i)
		// Examined, not reported: a read timeout.
		b.Plain("\tt%d := &http.Server{ReadHeaderTimeout: time.Second}\n", i)
		b.Plain("\tt%d.ListenAndServe()\n", i)
	},
	Footer: "\treturn n\n}\n",
}

// TestLargeFunction checks that the input of BenchmarkLargeFunction
// exercises the rule: every server it reports is reported, with its fix.
func TestLargeFunction(t *testing.T) {
	const n = 2000
	if got := edittest.Test(t, servertimeout.Analyzer, large, n); got < n/3 {
		t.Errorf("only %d findings in %d statements", got, n)
	}
}

// BenchmarkLargeFunction analyses a package whose single function has n
// statements, half of them reported servers; ns/stmt stays flat when the
// work is linear in the function's size.
//
//	go test ./rules/servertimeout -run '^$' -bench LargeFunction -benchtime 1x
func BenchmarkLargeFunction(b *testing.B) {
	edittest.Bench(b, servertimeout.Analyzer, large, 5000, 20000, 50000)
}
