package dialtimeout_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/dialtimeout"
	"github.com/faultline-dev/faultline/rules/internal/valueflow/edit/edittest"
)

// large is a package whose single function dials, in most of its
// statements, with no timeout: net.Dial, zero net.Dialer literals (on one
// line, on several, declared as a value), tls.Dial.
var large = edittest.Spec{
	Header: `package big

import (
	"crypto/tls"
	"net"
	"time"
)

func Big(u string) int {
	n := 0
`,
	Round: func(b *edittest.Body, i int) {
		b.Fixed("\tnet.Dial(\"tcp\", u) // want `net.Dial has no timeout`\n")
		b.Plain("\tn += len(u) + %d\n", i)
		// A zero dialer: the fix sets Timeout in the literal.
		b.Plain("\td%d := &net.Dialer{}\n", i)
		b.Fixed("\td%d.Dial(\"tcp\", u) // want `\\(\\*net.Dialer\\).Dial on a net.Dialer with neither Timeout nor Deadline`\n", i)
		// A dialer variable initialised by a literal.
		b.Plain("\tv%d := net.Dialer{KeepAlive: time.Second}\n", i)
		b.Fixed("\tv%d.Dial(\"tcp\", u) // want `\\(\\*net.Dialer\\).Dial on a net.Dialer with neither Timeout nor Deadline`\n", i)
		// A literal on several lines: the fix adds a line.
		b.Plain("\tk%d := &net.Dialer{\n\t\tKeepAlive: time.Second,\n\t}\n", i)
		b.Fixed("\tk%d.Dial(\"tcp\", u) // want `\\(\\*net.Dialer\\).Dial on a net.Dialer with neither Timeout nor Deadline`\n", i)
		b.Fixed("\ttls.Dial(\"tcp\", u, nil) // want `tls.Dial has no timeout`\n")
		b.Want("\tnet.DialTimeout(\"tcp\", u, 0) // want `net.DialTimeout with a zero timeout has no timeout`\n")
		// Examined, not reported: timeouts, a loopback address.
		b.Plain("\tnet.DialTimeout(\"tcp\", u, time.Second)\n")
		b.Plain("\tnet.Dial(\"tcp\", \"127.0.0.1:80\")\n")
		b.Plain("\tt%d := &net.Dialer{Timeout: time.Second}\n", i)
		b.Plain("\tt%d.Dial(\"tcp\", u)\n", i)
	},
	Footer: "\treturn n\n}\n",
}

// TestLargeFunction checks that the input of BenchmarkLargeFunction
// exercises the rule: every dial it reports is reported, with its fix.
func TestLargeFunction(t *testing.T) {
	const n = 2000
	if got := edittest.Test(t, dialtimeout.Analyzer, large, n); got < n/3 {
		t.Errorf("only %d findings in %d statements", got, n)
	}
}

// BenchmarkLargeFunction analyses a package whose single function has n
// statements, half of them reported dials; ns/stmt stays flat when the
// work is linear in the function's size.
//
//	go test ./rules/dialtimeout -run '^$' -bench LargeFunction -benchtime 1x
func BenchmarkLargeFunction(b *testing.B) {
	edittest.Bench(b, dialtimeout.Analyzer, large, 5000, 20000, 50000)
}
