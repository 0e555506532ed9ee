// Package e2ehelpers is an integration-test package outside _test.go
// files (jaeger's cmd/jaeger/internal/integration): helpers that take a
// *testing.T, and a query client that only the test setup builds. None
// of it is a production dependency: silent. The package is judged by its
// code, not by its name: its production function is still reported.
package e2ehelpers

import (
	"context"
	"net/http"
	"os"
	"testing"

	"example.com/pb/payment"
	"google.golang.org/grpc"
)

// purge empties the storage between tests (jaeger's purge(t)).
func purge(t *testing.T) {
	req, _ := http.NewRequestWithContext(context.Background(), "POST", os.Getenv("PURGER_ENDPOINT"), nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
}

// reader reads back what the test wrote (jaeger's traceReader); only the
// test setup builds one.
type reader struct{ client payment.PaymentServiceClient }

func newReader() (*reader, error) {
	conn, err := grpc.NewClient(os.Getenv("QUERY_ADDR"))
	if err != nil {
		return nil, err
	}
	return &reader{client: payment.NewPaymentServiceClient(conn)}, nil
}

// Get is called by the storage test suite through an interface.
func (r *reader) Get(ctx context.Context) error {
	_, err := r.client.Charge(ctx, &payment.ChargeRequest{})
	return err
}

// Suite is the end-to-end test's state.
type Suite struct {
	Reader interface{ Get(context.Context) error }
}

// Setup builds the reader and purges the storage.
func (s *Suite) Setup(t *testing.T) {
	r, err := newReader()
	if err != nil {
		t.Fatal(err)
	}
	s.Reader = r
	t.Cleanup(func() { purge(t) })
}

// Notify is production code in the same package: reported.
func Notify(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "POST", os.Getenv("NOTIFY_URL"), nil)
	resp, err := http.DefaultClient.Do(req) // want `^no circuit breaker guards the HTTP service at env NOTIFY_URL \(called in Notify\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
