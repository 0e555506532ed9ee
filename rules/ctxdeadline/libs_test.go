package ctxdeadline_test

import (
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
func TestLibraries(t *testing.T) {
	analysistest.Run(t, libtest.Dir(t), ctxdeadline.Analyzer,
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
		"example.com/libs/resty/deadline",
		"example.com/libs/rueidis/deadline",
		"example.com/libs/sarama/deadline",
		"example.com/libs/sqlx/deadline",
		"example.com/libs/twirp/deadline",
		"example.com/libs/twirp/haberdasher",
	)
}
