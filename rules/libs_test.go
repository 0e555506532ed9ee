package rules_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/ctxdeadline"
	"github.com/faultline-dev/faultline/rules/dialtimeout"
	"github.com/faultline-dev/faultline/rules/httptimeout"
	"github.com/faultline-dev/faultline/rules/internal/callsites"
	"github.com/faultline-dev/faultline/rules/internal/libtest"
	"github.com/faultline-dev/faultline/rules/nobreaker"
	"github.com/faultline-dev/faultline/rules/retrybackoff"
	"github.com/faultline-dev/faultline/rules/servertimeout"
	"github.com/faultline-dev/faultline/rules/unobserved"
)

// TestLibraries checks the rules on the client libraries of the
// catalogue, with their real types (rules/internal/testdata/libs, one
// directory per family), in one analysis: loading the real modules (the
// cloud SDKs above all) and building their SSA is most of the cost, and
// it is paid once for every suite (see libtest.Run).
//
// ctxdeadline (<family>/deadline): for each family, a call with no
// deadline is reported, its twin under a deadline is not, and where the
// library bounds a call itself (a default timeout, a timeout parameter, a
// client option, a stream or a read that waits by design) the call stays
// silent; the traps look bounded and are not. consumers/<library> holds
// the consumer-context cases: the contexts of sarama sessions, watermill
// messages, kafka-go read loops, amqp091 delivery loops and NATS callbacks,
// each with a per-message deadline twin and a discarded-deadline trap,
// asynq's handlers, whose context asynq bounds, and the handlers given a
// context by the library: Pub/Sub's Receive callbacks and watermill's cqrs
// handlers (bounded where the package adds middleware.Timeout). grpcconn/deadline holds gRPC
// calls on connections whose options are values: WaitForReady (default or
// per call), the service config's timeouts, keep-alive parameters and
// interceptor chains; a call that waits for the server to become ready
// names, as a related position, where WaitForReady was set.
//
// callsites (<family>/sites, grpcconn/edges): the kind of each call, its
// bound, and the evidence of what it reaches, followed through the
// library's builders and options; for the cloud SDKs, the managed service
// the call reaches; for gRPC connections, the attempts of the service
// config's retryPolicy for the method called and of retry interceptors,
// through helpers of another package.
//
// dialtimeout (grpcconn/dial): blocking gRPC dials whose options are
// values (slices, append chains, helpers of this package and of another,
// fields, globals, `...`) and NewClient followed by a loop that waits for
// the connection; every finding names, as a related position, the line
// that adds the blocking option (or, for a wait loop, creates the
// connection).
//
// servertimeout (servers/...): the servers of the HTTP frameworks (echo,
// gin, fiber v2 and v3, hertz, iris; chi and gorilla/mux routers served
// by net/http) and gRPC servers with no connection limits.
//
// callsites (routes/...): the routes hertz and iris register, with the
// prefixes of their groups and parties, for the join.
//
// httptimeout (httpvalues/timeout): the libraries that wrap a transport
// (otelhttp, opentracing-contrib's nethttp, OpenCensus' ochttp, promhttp)
// and those a client is handed to (go-kit, resty, oauth2, the GCE
// metadata client).
//
// nobreaker (grpcconn/streams) and retrybackoff (grpcconn/reconnect):
// long-lived gRPC streams of grpc-go's generic stream clients (a
// bidirectional xDS session, a watch re-opened in a reconnect loop) get no
// breaker finding, and their reconnect loops are judged for delay and
// jitter; a unary call, an upload and a listing stay request/response.
//
// unobserved (telemetry/...): each instrumentation family against its real
// module, instrumented (silent), its bare twin and a trap (reported):
// otelgrpc's stats handler through an appended slice and a handler built
// for nothing; go-grpc-middleware's Prometheus client metrics through a
// helper and metrics registered but never added; ocgrpc and
// grpc_prometheus' package variable; otelhttp, ochttp, promhttp and
// opentracing transports, one wrapped in a RoundTripper of the program's
// own, and a server wrapped by otelhttp beside a bare client; otelsql Open
// and Register, and pool statistics alone; redisotel on a built client;
// otelmongo's monitor set on the options; a pgx tracer on ConnConfig.
func TestLibraries(t *testing.T) {
	results := libtest.Run(t,
		libtest.Suite{Analyzer: ctxdeadline.Analyzer, Facts: true, Packages: []string{
			"example.com/libs/amqp/deadline",
			"example.com/libs/awsv1/deadline",
			"example.com/libs/awsv2/deadline",
			"example.com/libs/azure/deadline",
			"example.com/libs/cassandra/deadline",
			"example.com/libs/cassandra/deadline2",
			"example.com/libs/cassandra/dropped",
			"example.com/libs/clickhouse/deadline",
			"example.com/libs/connect/deadline",
			"example.com/libs/connect/pingv1connect",
			"example.com/libs/consul/deadline",
			"example.com/libs/consumers/amqp",
			"example.com/libs/consumers/asynq",
			"example.com/libs/consumers/cqrs",
			"example.com/libs/consumers/cqrsbounded",
			"example.com/libs/consumers/kafkago",
			"example.com/libs/consumers/nats",
			"example.com/libs/consumers/pubsub",
			"example.com/libs/consumers/sarama",
			"example.com/libs/consumers/watermill",
			"example.com/libs/consumers/watermillbounded",
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
			"example.com/libs/resty/deadline",
			"example.com/libs/rueidis/deadline",
			"example.com/libs/sarama/deadline",
			"example.com/libs/sqlx/deadline",
			"example.com/libs/twirp/deadline",
			"example.com/libs/twirp/haberdasher",
			"example.com/libs/handlers/chi",
			"example.com/libs/handlers/echo",
			"example.com/libs/handlers/echo/mw",
			"example.com/libs/handlers/fiber",
			"example.com/libs/handlers/gin",
			"example.com/libs/handlers/gin/fallback",
			"example.com/libs/handlers/gorilla",
			"example.com/libs/handlers/gorilla/wrapped",
			"example.com/libs/handlers/hertz",
			"example.com/libs/handlers/iris",
			"example.com/libs/handlers/iris/timeout",
			"example.com/libs/handlers/order/gin",
			"example.com/libs/handlers/order/echo",
			"example.com/libs/handlers/order/fiber",
			"example.com/libs/handlers/order/hertz",
			"example.com/libs/handlers/order/iris",
			"example.com/libs/handlers/cross/router",
			"example.com/libs/handlers/cross/server",
			"example.com/libs/gorm/dropped",
			"example.com/libs/redisv6/dropped",
			"example.com/libs/sqlx/dropped",
		}},
		libtest.Suite{Analyzer: callsites.Analyzer, Facts: true, Packages: []string{
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
		}},
		libtest.Suite{Analyzer: dialtimeout.Analyzer, Packages: []string{"example.com/libs/grpcconn/dial"}},
		libtest.Suite{Analyzer: nobreaker.Analyzer, Packages: []string{"example.com/libs/grpcconn/streams"}},
		libtest.Suite{Analyzer: retrybackoff.Analyzer, Packages: []string{"example.com/libs/grpcconn/reconnect"}},
		libtest.Suite{Analyzer: httptimeout.Analyzer, Packages: []string{"example.com/libs/httpvalues/timeout"}},
		libtest.Suite{Analyzer: unobserved.Analyzer, Packages: []string{
			"example.com/libs/telemetry/grpcotel",
			"example.com/libs/telemetry/grpcprom",
			"example.com/libs/telemetry/grpcoc",
			"example.com/libs/telemetry/httpinst",
			"example.com/libs/telemetry/sqlotel",
			"example.com/libs/telemetry/redisotel",
			"example.com/libs/telemetry/mongootel",
			"example.com/libs/telemetry/pgxtracer",
		}},
		libtest.Suite{Analyzer: servertimeout.Analyzer, Packages: []string{
			"example.com/libs/servers/echo",
			"example.com/libs/servers/gin",
			"example.com/libs/servers/fiber",
			"example.com/libs/servers/fiberv3",
			"example.com/libs/servers/routers",
			"example.com/libs/servers/grpcsrv",
			"example.com/libs/servers/hertz",
			"example.com/libs/servers/iris",
		}},
		libtest.Suite{Analyzer: callsites.Analyzer, Packages: []string{
			"example.com/libs/routes/hertz",
			"example.com/libs/routes/iris",
		}},
	)
	waitForReadyRelated(t, results, "example.com/libs/grpcconn/deadline")
	cloudServicesAre(t, results, "example.com/libs/awsv1/sites", "s3", "dynamodb", "sqs", "sqs")
	cloudServicesAre(t, results, "example.com/libs/awsv2/sites", "s3", "dynamodb", "sqs", "sqs")
	cloudServicesAre(t, results, "example.com/libs/azure/sites", "azblob", "azblob")
	cloudServicesAre(t, results, "example.com/libs/gcp/sites", "pubsub", "pubsub", "pubsub", "firestore", "firestore", "spanner", "bigtable")
	cloudServicesAre(t, results, "example.com/libs/minio/sites", "", "")
	blockingOptionRelated(t, results, "example.com/libs/grpcconn/dial")
	routesAre(t, results, "example.com/libs/routes/hertz", "POST /api/v1/orders", "GET /healthz", "GET /api/cart/:id", "PUT /api/v1/items")
	routesAre(t, results, "example.com/libs/routes/iris", "POST /api/v1/orders", "GET /healthz", "GET /api/cart/{id}", "PUT /api/v1/items")
}

// routesAre checks the HTTP routes the package pkg registers, "METHOD
// /path", in the order callsites records them (its functions' order).
func routesAre(t *testing.T, rs []*analysistest.Result, pkg string, want ...string) {
	t.Helper()
	var got []string
	for _, r := range rs {
		if r.Pass.Pkg.Path() != pkg {
			continue
		}
		if calls, ok := libtest.ResultOf(r, callsites.Analyzer).(*callsites.Calls); ok && calls != nil {
			for _, rt := range calls.Routes {
				got = append(got, rt.Method+" "+rt.Path)
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: routes: got %q, want %q", pkg, got, want)
	}
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

// blockingOptionRelated checks the findings of the package pkg: each is
// a blocking dial whose first related position is the line that adds the
// blocking option or creates the connection a loop waits for.
func blockingOptionRelated(t *testing.T, results []*analysistest.Result, pkg string) {
	t.Helper()
	n := 0
	for _, res := range results {
		if res.Pass.Pkg.Path() != pkg {
			continue
		}
		for _, d := range res.Diagnostics {
			n++
			if d.Category != dialtimeout.CategoryBlockingDial {
				t.Errorf("%s: category %q, want %q", d.Message, d.Category, dialtimeout.CategoryBlockingDial)
			}
			if len(d.Related) == 0 {
				t.Errorf("%s: no related position", d.Message)
				continue
			}
			p := res.Pass.Fset.Position(d.Related[0].Pos)
			src, err := os.ReadFile(p.Filename)
			if err != nil {
				t.Fatal(err)
			}
			line := strings.Split(string(src), "\n")[p.Line-1]
			if !strings.Contains(line, "WithBlock") && !strings.Contains(line, "WithReturnConnectionError") &&
				!strings.Contains(line, "BlockingOptions") && !strings.Contains(line, "NewClient") {
				t.Errorf("%s: related %q at %s, a line that adds no blocking option: %s", d.Message, d.Related[0].Message, p, line)
			}
		}
	}
	if n == 0 {
		t.Errorf("%s: no findings", pkg)
	}
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
		if calls, ok := libtest.ResultOf(r, callsites.Analyzer).(*callsites.Calls); ok && calls != nil {
			for _, s := range calls.Sites {
				got = append(got, s.Service)
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: services of the call sites: got %q, want %q", pkg, got, want)
	}
}
