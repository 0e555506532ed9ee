package callsites_test

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/internal/callsites"
	"github.com/faultline-dev/faultline/rules/internal/libtest"
)

// TestLibraries checks the call sites of the catalogue's client libraries,
// with their real types (rules/internal/testdata/libs, one directory per
// family): the kind of each call, its bound, and the evidence of what it
// reaches, followed through the library's builders and options; for the
// cloud SDKs, the managed service the call reaches; for gRPC connections
// (grpcconn/edges), the attempts of the service config's retryPolicy for
// the method called and of retry interceptors, through helpers of another
// package. The families run in
// one analysis, so that the libraries they share are loaded once.
func TestLibraries(t *testing.T) {
	rs := analysistest.Run(t, libtest.Dir(t), callsites.Analyzer,
		"example.com/libs/amqp/sites",
		"example.com/libs/awsv1/sites",
		"example.com/libs/awsv2/sites",
		"example.com/libs/azure/sites",
		"example.com/libs/cassandra/sites",
		"example.com/libs/clickhouse/sites",
		"example.com/libs/connect/sites",
		"example.com/libs/consul/sites",
		"example.com/libs/elasticsearch/sites",
		"example.com/libs/etcd/sites",
		"example.com/libs/fasthttp/sites",
		"example.com/libs/franz/sites",
		"example.com/libs/gcp/sites",
		"example.com/libs/gokit/sites",
		"example.com/libs/goredis/sites",
		"example.com/libs/gorm/sites",
		"example.com/libs/grpcconn/edges",
		"example.com/libs/grpcgateway/sites",
		"example.com/libs/memcache/sites",
		"example.com/libs/minio/sites",
		"example.com/libs/mongo/sites",
		"example.com/libs/nats/sites",
		"example.com/libs/neo4j/sites",
		"example.com/libs/olivere/sites",
		"example.com/libs/opensearch/sites",
		"example.com/libs/pgx/sites",
		"example.com/libs/redigo/sites",
		"example.com/libs/redisv6/sites",
		"example.com/libs/resty/sites",
		"example.com/libs/rueidis/sites",
		"example.com/libs/sarama/sites",
		"example.com/libs/sqlx/sites",
		"example.com/libs/twirp/sites",
	)
	cloudServicesAre(t, rs, "example.com/libs/awsv1/sites", "s3", "dynamodb", "sqs", "sqs")
	cloudServicesAre(t, rs, "example.com/libs/awsv2/sites", "s3", "dynamodb", "sqs", "sqs")
	cloudServicesAre(t, rs, "example.com/libs/azure/sites", "azblob", "azblob")
	cloudServicesAre(t, rs, "example.com/libs/gcp/sites", "pubsub", "pubsub", "pubsub", "firestore", "firestore", "spanner", "bigtable")
	cloudServicesAre(t, rs, "example.com/libs/minio/sites", "", "")
}

// cloudServicesAre checks the managed services the call sites of the
// package pkg reach, in the order of the sites (which the package fact's
// text does not show).
func cloudServicesAre(t *testing.T, rs []*analysistest.Result, pkg string, want ...string) {
	t.Helper()
	var got []string
	for _, r := range rs {
		if r.Pass.Pkg.Path() != pkg {
			continue
		}
		if calls, ok := r.Action.Result.(*callsites.Calls); ok && calls != nil {
			for _, s := range calls.Sites {
				got = append(got, s.Service)
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: services of the call sites: got %q, want %q", pkg, got, want)
	}
}
