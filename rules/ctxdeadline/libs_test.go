package ctxdeadline_test

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/ctxdeadline"
	"github.com/faultline-dev/faultline/rules/internal/libtest"
)

// TestLibraries checks ctxdeadline on the client libraries of the
// catalogue, with their real types (rules/internal/testdata/libs, one
// directory per family): for each, a call with no deadline is reported,
// its twin under a deadline is not, and where the library bounds a call
// itself (a default timeout, a timeout parameter, a client option, a
// stream or a read that waits by design) the call stays silent; the traps
// look bounded and are not. The families run in one analysis, so that the
// libraries they share are loaded once.
//
// grpcconn/deadline holds gRPC calls on connections whose options are
// values: WaitForReady (default or per call), the service config's
// timeouts, keep-alive parameters and interceptor chains; a call that
// waits for the server to become ready names, as a related position,
// where WaitForReady was set (see waitForReadyRelated).
func TestLibraries(t *testing.T) {
	results := analysistest.Run(t, libtest.Dir(t), ctxdeadline.Analyzer,
		"example.com/libs/amqp/deadline",
		"example.com/libs/awsv1/deadline",
		"example.com/libs/awsv2/deadline",
		"example.com/libs/azure/deadline",
		"example.com/libs/cassandra/deadline",
		"example.com/libs/cassandra/deadline2",
		"example.com/libs/clickhouse/deadline",
		"example.com/libs/connect/deadline",
		"example.com/libs/connect/pingv1connect",
		"example.com/libs/consul/deadline",
		"example.com/libs/elasticsearch/deadline",
		"example.com/libs/elasticsearch/deadline7",
		"example.com/libs/etcd/deadline",
		"example.com/libs/fasthttp/deadline",
		"example.com/libs/franz/deadline",
		"example.com/libs/gcp/deadline",
		"example.com/libs/gokit/deadline",
		"example.com/libs/goredis/deadline",
		"example.com/libs/goredis/deadline8",
		"example.com/libs/gorm/deadline",
		"example.com/libs/gorm/dropped",
		"example.com/libs/grpcconn/deadline",
		"example.com/libs/grpcgateway/deadline",
		"example.com/libs/grpcgateway/orderspb",
		"example.com/libs/httpvalues/deadline",
		"example.com/libs/memcache/deadline",
		"example.com/libs/minio/deadline",
		"example.com/libs/mongo/deadline",
		"example.com/libs/mongo/deadline2",
		"example.com/libs/nats/deadline",
		"example.com/libs/neo4j/deadline",
		"example.com/libs/olivere/deadline",
		"example.com/libs/opensearch/deadline",
		"example.com/libs/pgx/deadline",
		"example.com/libs/redigo/deadline",
		"example.com/libs/redisv6/deadline",
		"example.com/libs/redisv6/dropped",
		"example.com/libs/resty/deadline",
		"example.com/libs/rueidis/deadline",
		"example.com/libs/sarama/deadline",
		"example.com/libs/sqlx/deadline",
		"example.com/libs/sqlx/dropped",
		"example.com/libs/twirp/deadline",
		"example.com/libs/twirp/haberdasher",
	)
	waitForReadyRelated(t, results, "example.com/libs/grpcconn/deadline")
}

// waitForReadyRelated checks the findings of the package pkg: each names
// the remote calls its context reaches first, and each that says the call
// waits for the server to become ready names, as a related position, a
// line that sets WaitForReady (an option, a helper of another package, a
// service config).
func waitForReadyRelated(t *testing.T, results []*analysistest.Result, pkg string) {
	t.Helper()
	ready := 0
	for _, res := range results {
		if res.Pass.Pkg.Path() != pkg {
			continue
		}
		for _, d := range res.Diagnostics {
			if len(d.Related) == 0 || !strings.HasPrefix(d.Related[0].Message, "the context reaches ") {
				t.Errorf("%s: related = %v, want the remote calls reached first", d.Message, d.Related)
			}
			if !strings.Contains(d.Message, "waits for the server to become ready") {
				continue
			}
			ready++
			var found bool
			for _, r := range d.Related {
				if !strings.Contains(r.Message, "WaitForReady") && !strings.Contains(r.Message, "waitForReady") {
					continue
				}
				found = true
				p := res.Pass.Fset.Position(r.Pos)
				src, err := os.ReadFile(p.Filename)
				if err != nil {
					t.Fatal(err)
				}
				line := strings.Split(string(src), "\n")[p.Line-1]
				if !strings.Contains(line, "WaitForReady") && !strings.Contains(line, "platform.") && !strings.Contains(line, "ServiceConfig") {
					t.Errorf("%s: related %q at %s, a line that sets no WaitForReady: %s", d.Message, r.Message, p, line)
				}
			}
			if !found {
				t.Errorf("%s: no related position for WaitForReady in %v", d.Message, d.Related)
			}
		}
	}
	if ready == 0 {
		t.Errorf("%s: no WaitForReady findings", pkg)
	}
}
