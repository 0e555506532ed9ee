package httptimeout_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/httptimeout"
	"github.com/faultline-dev/faultline/rules/internal/valueflow/edit/edittest"
)

// large is a package whose single function makes, in most of its
// statements, requests httptimeout reports or examines.
var large = edittest.Spec{
	// The shared retryablehttp and cleanhttp stubs.
	Stubs: []string{"github.com/hashicorp/go-retryablehttp", "github.com/hashicorp/go-cleanhttp"},
	Header: `package big

import (
	"context"
	"net/http"
	"time"

	retryablehttp "github.com/hashicorp/go-retryablehttp"
)

func Big(ctx context.Context, u string) (int, string) {
	n, s := 0, ""
`,
	Round: func(b *edittest.Body, i int) {
		b.Want("\thttp.Get(u) // want `http.Get uses http.DefaultClient`\n")
		b.Plain("\tn += len(u) + %d\n", i)
		// A client used once: reported at the request, with a fix.
		b.Plain("\tc%d := &http.Client{}\n", i)
		b.Fixed("\tc%d.Get(u) // want `\\(\\*http.Client\\).Get on an http.Client with no Timeout can wait forever`\n", i)
		// Do with a request built without a context.
		b.Plain("\treq%d, _ := http.NewRequest(\"GET\", u, nil)\n", i)
		b.Plain("\td%d := &http.Client{}\n", i)
		b.Fixed("\td%d.Do(req%d) // want `\\(\\*http.Client\\).Do on an http.Client with no Timeout, of a request built without a context`\n", i, i)
		// Examined, not reported: a timeout, an explicit context.
		b.Plain("\tt%d := &http.Client{Timeout: time.Second}\n", i)
		b.Plain("\tt%d.Get(u)\n", i)
		b.Plain("\tx%d, _ := http.NewRequestWithContext(ctx, \"GET\", u, nil)\n", i)
		b.Plain("\td%d.Do(x%d)\n", i, i)
		b.Plain("\ts = s + u\n")
		// A retryablehttp client: the fix assigns HTTPClient.Timeout
		// after the statement that builds it.
		b.Plain("\tr%d := retryablehttp.NewClient()\n", i)
		b.Fixed("\tr%d.Get(u) // want `\\(\\*retryablehttp.Client\\).Get on a retryablehttp.Client whose HTTPClient has no Timeout`\n", i)
		// A client used twice: reported once, where it is built.
		b.Fixed("\tg%d := &http.Client{} // want `http.Client built here has no Timeout and 2 requests through it have no deadline \\(Big: Get, Big: Head\\)`\n", i)
		b.Plain("\tg%d.Get(u)\n", i)
		b.Plain("\tg%d.Head(u)\n", i)
		// A client with a zero transport: the transport is reported too.
		b.Want("\tk%d := &http.Client{Transport: &http.Transport{}} // want `http.Transport with no dial timeout, no TLSHandshakeTimeout and no ResponseHeaderTimeout`\n", i)
		b.Fixed("\tk%d.Get(u) // want `\\(\\*http.Client\\).Get on an http.Client with no Timeout`\n", i)
	},
	Footer: "\treturn n, s\n}\n",
}

// TestLargeFunction checks that the input of BenchmarkLargeFunction
// exercises the rule: every request it reports is reported, with its fix.
func TestLargeFunction(t *testing.T) {
	const n = 2000
	if got := edittest.Test(t, httptimeout.Analyzer, large, n); got < n/3 {
		t.Errorf("only %d findings in %d statements", got, n)
	}
}

// BenchmarkLargeFunction analyses a package whose single function has n
// statements, a third of them reported requests. The time per statement
// (ns/stmt) stays flat when the work is linear in the function's size.
// Loading and type-checking are outside the timer; the analysis of the
// dependencies (ir, valueflow, httptimeout on net/http and the stubs) is
// in it, a constant.
//
//	go test ./rules/httptimeout -run '^$' -bench LargeFunction -benchtime 1x
func BenchmarkLargeFunction(b *testing.B) {
	edittest.Bench(b, httptimeout.Analyzer, large, 5000, 20000, 50000)
}
