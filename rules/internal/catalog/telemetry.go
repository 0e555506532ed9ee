package catalog

import "strings"

// Telemetry: the instrumentation libraries that make an outbound client's
// calls produce metrics or traces, as data. An entry names a constructor,
// an option, a wrapper, a type or a package variable by its types.Object
// (FullName form, "pkg/path.Name" for types and variables) and says what it
// instruments. The resilience library reads the table as one more kind of
// protection (resilience.Telemetry), carried by values like breakers are:
// through transports, dial options, interceptor chains, helpers and facts;
// the unobserved rule reports the dependencies that carry none.
//
// Versions: a name that resolves in the program analysed is recognised,
// whatever its module version. Some names exist only in some versions
// (noted per entry); an entry whose name does not resolve costs nothing.

// Instrumented is what a telemetry API instruments.
type Instrumented string

// What telemetry instruments.
const (
	TelGRPCClient Instrumented = "grpc client"
	TelGRPCServer Instrumented = "grpc server"
	TelHTTPClient Instrumented = "http client"
	TelHTTPServer Instrumented = "http server"
	TelSQL        Instrumented = "sql"
	TelRedis      Instrumented = "redis"
	TelMongo      Instrumented = "mongodb"
	TelKafkaProd  Instrumented = "kafka producer"
	TelKafkaCons  Instrumented = "kafka consumer"
	TelPgx        Instrumented = "pgx"
)

// TelRole says how a telemetry API instruments.
type TelRole int

// The roles of telemetry APIs.
const (
	// TelBuilds: the result carries instrumentation (a transport, a
	// stats handler, an interceptor, an option, a client). Args >= 0
	// adds what its arguments from that index carry (a transport that
	// wraps a base transport: the base's protections stay).
	TelBuilds TelRole = iota + 1
	// TelMarks: the call instruments its argument Arg in place, after
	// the client was built (redisotel.InstrumentTracing(rdb)); Arg -1 is
	// the receiver.
	TelMarks
	// TelType: every value of the named type instruments
	// (&ochttp.Transport{}, &nethttp.Transport{}).
	TelType
	// TelVar: the package variable holds instrumentation
	// (grpc_prometheus.UnaryClientInterceptor).
	TelVar
	// TelField: a non-nil value stored into the field instruments the
	// struct (pgx ConnConfig.Tracer: any tracer). Name is
	// "pkg/path.Type.Field".
	TelField
	// TelPasses: a client library's API whose result carries what its
	// arguments from Args carry, and nothing of its own (sql.Open of the
	// driver name otelsql.Register returned, mongo.Connect with its
	// options).
	TelPasses
	// TelDerives: the result is derived from the receiver and carries
	// its instrumentation (a mongo Database of its Client).
	TelDerives
	// TelSets: the method sets its arguments on the receiver, which then
	// carries what they carry, as its result does (the ClientOptions of
	// SetMonitor, a go-redis v8 client given a hook).
	TelSets
)

// TelemetryAPI is one entry of the table.
type TelemetryAPI struct {
	Name     string
	Role     TelRole
	Args     int // TelBuilds: first argument whose protections count, -1 none; TelMarks: the argument instrumented
	For      Instrumented
	Versions string // where the API exists, when not every version has it
}

func telBuilds(name string, f Instrumented) TelemetryAPI {
	return TelemetryAPI{Name: name, Role: TelBuilds, Args: -1, For: f}
}

func telWraps(name string, from int, f Instrumented) TelemetryAPI {
	return TelemetryAPI{Name: name, Role: TelBuilds, Args: from, For: f}
}

const (
	otelhttpPath = "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	otelgrpcPath = "go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	promhttpPath = "github.com/prometheus/client_golang/prometheus/promhttp"
	otelsqlPath  = "github.com/XSAM/otelsql"
	otelmongo1   = "go.opentelemetry.io/contrib/instrumentation/go.mongodb.org/mongo-driver/mongo/otelmongo"
	otelmongo2   = "go.opentelemetry.io/contrib/instrumentation/go.mongodb.org/mongo-driver/v2/mongo/otelmongo"
	grpcProm     = "github.com/grpc-ecosystem/go-grpc-middleware/providers/prometheus"
	grpcPromOld  = "github.com/grpc-ecosystem/go-grpc-prometheus"
)

// TelemetryAPIs is the table (research: CLIENTS.md §7).
var TelemetryAPIs = []TelemetryAPI{
	// OpenTelemetry net/http (v0.72.0 read). The helpers Get, Head, Post,
	// PostForm and DefaultClient exist up to v0.64.0, gone in v0.65.0.
	telWraps(otelhttpPath+".NewTransport", 0, TelHTTPClient),
	{Name: otelhttpPath + ".DefaultClient", Role: TelVar, For: TelHTTPClient, Versions: "up to v0.64.0"},
	telBuilds(otelhttpPath+".NewHandler", TelHTTPServer),
	telBuilds(otelhttpPath+".NewMiddleware", TelHTTPServer),

	// OpenTelemetry gRPC (v0.72.0 read): stats handlers; the interceptors
	// exist up to v0.60.0, gone in v0.61.0.
	telBuilds(otelgrpcPath+".NewClientHandler", TelGRPCClient),
	// Any stats handler: it exists to record what the calls do.
	telBuilds("google.golang.org/grpc.WithStatsHandler", TelGRPCClient),
	telBuilds(otelgrpcPath+".NewServerHandler", TelGRPCServer),
	{Name: otelgrpcPath + ".UnaryClientInterceptor", Role: TelBuilds, Args: -1, For: TelGRPCClient, Versions: "up to v0.60.0"},
	{Name: otelgrpcPath + ".StreamClientInterceptor", Role: TelBuilds, Args: -1, For: TelGRPCClient, Versions: "up to v0.60.0"},
	{Name: otelgrpcPath + ".UnaryServerInterceptor", Role: TelBuilds, Args: -1, For: TelGRPCServer, Versions: "up to v0.60.0"},
	{Name: otelgrpcPath + ".StreamServerInterceptor", Role: TelBuilds, Args: -1, For: TelGRPCServer, Versions: "up to v0.60.0"},

	// OpenCensus (v0.24.0 read).
	{Name: "go.opencensus.io/plugin/ochttp.Transport", Role: TelType, For: TelHTTPClient},
	{Name: "go.opencensus.io/plugin/ochttp.Handler", Role: TelType, For: TelHTTPServer},
	{Name: "go.opencensus.io/plugin/ocgrpc.ClientHandler", Role: TelType, For: TelGRPCClient},
	{Name: "go.opencensus.io/plugin/ocgrpc.ServerHandler", Role: TelType, For: TelGRPCServer},

	// opentracing-contrib go-stdlib (v1.1.1 read). Its Transport traces
	// only requests that nethttp.TraceRequest prepared; faultline counts
	// the transport.
	{Name: "github.com/opentracing-contrib/go-stdlib/nethttp.Transport", Role: TelType, For: TelHTTPClient},
	telBuilds("github.com/opentracing-contrib/go-stdlib/nethttp.Middleware", TelHTTPServer),
	telBuilds("github.com/opentracing-contrib/go-stdlib/nethttp.MiddlewareFunc", TelHTTPServer),

	// Prometheus client_golang promhttp (v1.25.0 read).
	telWraps(promhttpPath+".InstrumentRoundTripperInFlight", 1, TelHTTPClient),
	telWraps(promhttpPath+".InstrumentRoundTripperCounter", 1, TelHTTPClient),
	telWraps(promhttpPath+".InstrumentRoundTripperDuration", 1, TelHTTPClient),
	telWraps(promhttpPath+".InstrumentRoundTripperTrace", 1, TelHTTPClient),
	telBuilds(promhttpPath+".InstrumentHandlerInFlight", TelHTTPServer),
	telBuilds(promhttpPath+".InstrumentHandlerDuration", TelHTTPServer),
	telBuilds(promhttpPath+".InstrumentHandlerCounter", TelHTTPServer),
	telBuilds(promhttpPath+".InstrumentHandlerTimeToWriteHeader", TelHTTPServer),
	telBuilds(promhttpPath+".InstrumentHandlerRequestSize", TelHTTPServer),
	telBuilds(promhttpPath+".InstrumentHandlerResponseSize", TelHTTPServer),

	// go-grpc-middleware providers/prometheus (v1.1.1 read) and the older
	// go-grpc-prometheus (v1.2.0 read), whose interceptors are package
	// variables.
	telBuilds("(*"+grpcProm+".ClientMetrics).UnaryClientInterceptor", TelGRPCClient),
	telBuilds("(*"+grpcProm+".ClientMetrics).StreamClientInterceptor", TelGRPCClient),
	telBuilds("(*"+grpcProm+".ServerMetrics).UnaryServerInterceptor", TelGRPCServer),
	telBuilds("(*"+grpcProm+".ServerMetrics).StreamServerInterceptor", TelGRPCServer),
	{Name: grpcPromOld + ".UnaryClientInterceptor", Role: TelVar, For: TelGRPCClient},
	{Name: grpcPromOld + ".StreamClientInterceptor", Role: TelVar, For: TelGRPCClient},
	telBuilds("(*"+grpcPromOld+".ClientMetrics).UnaryClientInterceptor", TelGRPCClient),
	telBuilds("(*"+grpcPromOld+".ClientMetrics).StreamClientInterceptor", TelGRPCClient),
	{Name: grpcPromOld + ".UnaryServerInterceptor", Role: TelVar, For: TelGRPCServer},
	{Name: grpcPromOld + ".StreamServerInterceptor", Role: TelVar, For: TelGRPCServer},

	// XSAM/otelsql (v0.44.0 read): Register returns the name of the
	// wrapping driver, which sql.Open then opens.
	telBuilds(otelsqlPath+".Open", TelSQL),
	telBuilds(otelsqlPath+".OpenDB", TelSQL),
	telBuilds(otelsqlPath+".WrapDriver", TelSQL),
	telBuilds(otelsqlPath+".Register", TelSQL),
	// RegisterDBStatsMetrics is left out: it records the pool's
	// statistics, not the queries' errors or latency.

	// go-redis: redisotel v9 instruments a built client; v8 adds a hook.
	{Name: "github.com/redis/go-redis/extra/redisotel/v9.InstrumentTracing", Role: TelMarks, Args: 0, For: TelRedis},
	{Name: "github.com/redis/go-redis/extra/redisotel/v9.InstrumentMetrics", Role: TelMarks, Args: 0, For: TelRedis},
	telBuilds("github.com/go-redis/redis/extra/redisotel/v8.NewTracingHook", TelRedis),
	telBuilds("github.com/go-redis/redis/extra/redisotel.NewTracingHook", TelRedis),

	// otelmongo v1 and v2: a command monitor set on the client options.
	telBuilds(otelmongo1+".NewMonitor", TelMongo),
	telBuilds(otelmongo2+".NewMonitor", TelMongo),

	// Client libraries' own APIs through which instrumentation reaches
	// the client: the driver name of otelsql.Register, a mongo client's
	// options and the databases and collections derived from it, a
	// go-redis v8 hook.
	{Name: "database/sql.Open", Role: TelPasses, Args: 0, For: TelSQL},
	{Name: "database/sql.OpenDB", Role: TelPasses, Args: 0, For: TelSQL},
	{Name: "github.com/jmoiron/sqlx.NewDb", Role: TelPasses, Args: 0, For: TelSQL},
	{Name: "github.com/jmoiron/sqlx.Open", Role: TelPasses, Args: 0, For: TelSQL},
	{Name: "github.com/jmoiron/sqlx.Connect", Role: TelPasses, Args: 0, For: TelSQL},
	{Name: "go.mongodb.org/mongo-driver/mongo.Connect", Role: TelPasses, Args: 1, For: TelMongo},
	{Name: "go.mongodb.org/mongo-driver/mongo.NewClient", Role: TelPasses, Args: 0, For: TelMongo},
	{Name: "go.mongodb.org/mongo-driver/v2/mongo.Connect", Role: TelPasses, Args: 0, For: TelMongo},
	{Name: "(*go.mongodb.org/mongo-driver/mongo.Client).Database", Role: TelDerives, For: TelMongo},
	{Name: "(*go.mongodb.org/mongo-driver/mongo.Database).Collection", Role: TelDerives, For: TelMongo},
	{Name: "(*go.mongodb.org/mongo-driver/v2/mongo.Client).Database", Role: TelDerives, For: TelMongo},
	{Name: "(*go.mongodb.org/mongo-driver/v2/mongo.Database).Collection", Role: TelDerives, For: TelMongo},
	{Name: "(*go.mongodb.org/mongo-driver/mongo/options.ClientOptions).SetMonitor", Role: TelSets, For: TelMongo},
	{Name: "(*go.mongodb.org/mongo-driver/v2/mongo/options.ClientOptions).SetMonitor", Role: TelSets, For: TelMongo},
	{Name: "(*go.mongodb.org/mongo-driver/mongo/options.ClientOptions).ApplyURI", Role: TelDerives, For: TelMongo},
	{Name: "(*go.mongodb.org/mongo-driver/v2/mongo/options.ClientOptions).ApplyURI", Role: TelDerives, For: TelMongo},
	{Name: "(*github.com/go-redis/redis/v8.hooks).AddHook", Role: TelSets, For: TelRedis},
	{Name: "(*github.com/jackc/pgx/v5/pgxpool.Pool).Acquire", Role: TelDerives, For: TelPgx},
	{Name: "github.com/jackc/pgx/v5/pgxpool.NewWithConfig", Role: TelPasses, Args: 1, For: TelPgx},
	{Name: "github.com/jackc/pgx/v5.ConnectConfig", Role: TelPasses, Args: 1, For: TelPgx},

	// pgx v5: any tracer set on ConnConfig.Tracer (tracelog, multitracer,
	// otelpgx) observes the queries.
	{Name: "github.com/jackc/pgx/v5.ConnConfig.Tracer", Role: TelField, For: TelPgx},
	telBuilds("github.com/exaring/otelpgx.NewTracer", TelPgx),

	// Kafka: the otelsarama fork wraps producers and consumers; franz-go's
	// kotel hooks are passed to kgo.WithHooks.
	telBuilds("github.com/dnwe/otelsarama.WrapSyncProducer", TelKafkaProd),
	telBuilds("github.com/dnwe/otelsarama.WrapAsyncProducer", TelKafkaProd),
	telBuilds("github.com/dnwe/otelsarama.WrapConsumer", TelKafkaCons),
	telBuilds("github.com/dnwe/otelsarama.WrapConsumerGroupHandler", TelKafkaCons),
	telBuilds("(*github.com/twmb/franz-go/plugin/kotel.Kotel).Hooks", TelKafkaProd),
	{Name: "github.com/twmb/franz-go/pkg/kgo.WithHooks", Role: TelPasses, Args: 0, For: TelKafkaProd},
	{Name: "github.com/twmb/franz-go/pkg/kgo.NewClient", Role: TelPasses, Args: 0, For: TelKafkaProd},

	// go-kit's tracing (opentracing, zipkin, opencensus TraceEndpoint,
	// TraceClient, HTTPClientTrace; v0.13.0 read) wraps endpoints, function
	// values the table cannot follow to a client: a package importing it is
	// unknown (unmodelledTelemetry), not judged.
}

// unmodelledTelemetry are the import path prefixes of instrumentation
// libraries: a package that imports one that is not in TelemetryAPIs may
// instrument its clients in a way faultline does not read, so what it
// calls is neither observed nor unobserved but unknown.
var unmodelledTelemetry = []string{
	"go.opentelemetry.io/contrib/instrumentation/",
	"go.opentelemetry.io/contrib/instrgen",
	"go.opencensus.io/plugin/",
	"github.com/opentracing-contrib/",
	"gopkg.in/DataDog/dd-trace-go.v1/contrib/",
	"github.com/DataDog/dd-trace-go/contrib/",
	"github.com/DataDog/dd-trace-go/v2/contrib/",
	"github.com/newrelic/go-agent/v3/integrations/",
	"github.com/newrelic/go-agent/_integrations/",
	"go.elastic.co/apm/module/",
	"go.elastic.co/apm/v2/module/",
	"github.com/honeycombio/beeline-go/wrappers/",
	"github.com/signalfx/signalfx-go-tracing/contrib/",
	"github.com/signalfx/splunk-otel-go/instrumentation/",
	"github.com/uptrace/opentelemetry-go-extra/",
	"github.com/uptrace/bun/extra/bunotel",
	"github.com/uptrace/opentelemetry-go-extra/otelsql",
	"github.com/redis/go-redis/extra/",
	"github.com/go-redis/redis/extra/",
	"github.com/redis/rueidis/rueidisotel",
	"github.com/exaring/otelpgx",
	"github.com/XSAM/otelsql",
	"github.com/dnwe/otelsarama",
	"github.com/twmb/franz-go/plugin/kotel",
	"github.com/twmb/franz-go/plugin/kprom",
	"github.com/jurabek/otelkafka",
	"github.com/grpc-ecosystem/go-grpc-prometheus",
	"github.com/grpc-ecosystem/go-grpc-middleware/providers/prometheus",
	"github.com/grpc-ecosystem/go-grpc-middleware/providers/openmetrics",
	"github.com/grpc-ecosystem/go-grpc-middleware/tracing/",
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/logging",
	"github.com/go-kit/kit/tracing/",
	"github.com/go-kit/kit/metrics/",
	"github.com/prometheus/client_golang/prometheus/promhttp",
	"github.com/ngrok/sqlmw",
	"github.com/luna-duclos/instrumentedsql",
	"github.com/gchaincl/sqlhooks",
	"github.com/lightstep/",
	"github.com/openzipkin/zipkin-go/middleware/",
	"github.com/labstack/echo-contrib/",
	"github.com/gin-contrib/opengintracing",
	"github.com/zsais/go-gin-prometheus",
	"github.com/slok/go-http-metrics",
	"go.nhat.io/otelsql",
	"gocloud.dev/internal/oc",
	"github.com/aws/aws-xray-sdk-go",
	"github.com/getsentry/sentry-go/http",
}

// inertTelemetry are instrumentation packages that instrument no client:
// the Go runtime's and the host's metrics. Importing them says nothing of
// the calls (tried on opentelemetry-demo, docs/tried-observed.md: its
// services import runtime beside otelgrpc and otelhttp).
var inertTelemetry = map[string]bool{
	"go.opentelemetry.io/contrib/instrumentation/runtime": true,
	"go.opentelemetry.io/contrib/instrumentation/host":    true,
}

// modelledTelemetry are the packages whose telemetry APIs the table models
// in full: importing them is no reason to be unsure.
var modelledTelemetry = func() map[string]bool {
	m := map[string]bool{}
	for _, a := range TelemetryAPIs {
		if a.Role != TelBuilds && a.Role != TelType && a.Role != TelVar && a.Role != TelMarks {
			continue // a client library's own API
		}
		path := a.Name
		if strings.HasPrefix(path, "(") {
			path = strings.TrimPrefix(path[:strings.Index(path, ")")], "(")
			path = strings.TrimPrefix(path, "*")
		}
		if i := strings.LastIndex(path, "."); i > strings.LastIndex(path, "/") {
			path = path[:i]
		}
		m[path] = true
	}
	return m
}()

// UnmodelledTelemetry reports whether the package path is an
// instrumentation library that faultline does not model: its calls are
// not in TelemetryAPIs, so code that imports it may be observed in ways
// faultline cannot see.
func UnmodelledTelemetry(path string) bool {
	if modelledTelemetry[path] || inertTelemetry[path] {
		return false
	}
	for p := range modelledTelemetry {
		if strings.HasPrefix(path, p+"/") {
			return false // otelgrpc/filters, otelhttp/filters: options of a modelled package
		}
	}
	for _, p := range unmodelledTelemetry {
		if strings.HasPrefix(path, p) || path == strings.TrimSuffix(p, "/") {
			return true
		}
	}
	return false
}

// TelemetryFix says how to instrument a client of the library whose
// package path is given, for the unobserved rule's messages; "" when no
// instrumentation of the library is modelled (the rule is silent then:
// faultline cannot tell what would observe it).
func TelemetryFix(path string) string {
	switch {
	case path == "google.golang.org/grpc":
		return "add grpc.WithStatsHandler(otelgrpc.NewClientHandler()) to its dial options"
	case path == "net/http":
		return "give it Transport: otelhttp.NewTransport(base)"
	case path == "database/sql", strings.HasPrefix(path, "github.com/jmoiron/sqlx"):
		return "open it with otelsql.Open (github.com/XSAM/otelsql) or wrap its driver"
	case strings.HasPrefix(path, "github.com/jackc/pgx/v5"):
		return "set ConnConfig.Tracer (otelpgx.NewTracer())"
	case strings.HasPrefix(path, "github.com/redis/go-redis/v9"):
		return "call redisotel.InstrumentTracing and InstrumentMetrics on the client"
	case strings.HasPrefix(path, "github.com/go-redis/redis/v8"):
		return "add the hook redisotel.NewTracingHook() to the client"
	case strings.HasPrefix(path, "go.mongodb.org/mongo-driver"):
		return "set options.Client().SetMonitor(otelmongo.NewMonitor())"
	case strings.HasPrefix(path, "github.com/twmb/franz-go/pkg/kgo"):
		return "add kgo.WithHooks(kotel.NewKotel(...).Hooks()...)"
	}
	return ""
}
