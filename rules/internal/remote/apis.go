package remote

// Kind is the kind of remote operation an API performs.
type Kind string

// The kinds of remote operation.
const (
	HTTP  Kind = "http"
	GRPC  Kind = "grpc"
	SQL   Kind = "sql"
	Redis Kind = "redis"
	Kafka Kind = "kafka"
	AMQP  Kind = "amqp"
	TCP   Kind = "tcp"
	SMTP  Kind = "smtp"
	RPC   Kind = "rpc"
	DNS   Kind = "dns"
	Cloud Kind = "cloud"
)

// API describes one function or method that performs a remote operation.
// The table below is data: entries are resolved to types.Objects of the
// package being analysed and compared by identity, never by name alone.
type API struct {
	Pkg  string // import path of the declaring package
	Type string // receiver or interface type; "" for package-level functions
	Name string // function or method; "*" for every method of Type whose first parameter is a context.Context
	Kind Kind

	// Ctx is the index of the context.Context parameter (receiver not
	// counted), or -1 when the API takes none and so cannot be bounded by
	// a context deadline.
	Ctx int
	// Req is the index of an *http.Request (or retryablehttp.Request)
	// parameter whose context bounds the call, or -1.
	Req int
	// Consume marks APIs that wait for work to arrive (a queue consumer's
	// read): blocking forever on them is their purpose, not a hazard.
	Consume bool
	// Bounded marks APIs that carry their own bound (net.DialTimeout).
	Bounded bool
}

func fn(pkg, name string, kind Kind, ctx int) API {
	return API{Pkg: pkg, Name: name, Kind: kind, Ctx: ctx, Req: -1}
}

func method(pkg, typ, name string, kind Kind, ctx int) API {
	return API{Pkg: pkg, Type: typ, Name: name, Kind: kind, Ctx: ctx, Req: -1}
}

func httpDo(pkg, typ, name string) API {
	return API{Pkg: pkg, Type: typ, Name: name, Kind: HTTP, Ctx: -1, Req: 0}
}

func wildcard(pkg, typ string, kind Kind) API {
	return API{Pkg: pkg, Type: typ, Name: "*", Kind: kind, Ctx: 0, Req: -1}
}

// APIs is the table of remote operations faultline knows.
var APIs = func() []API {
	t := []API{
		// net/http: the package-level helpers use http.DefaultClient.
		fn("net/http", "Get", HTTP, -1),
		fn("net/http", "Head", HTTP, -1),
		fn("net/http", "Post", HTTP, -1),
		fn("net/http", "PostForm", HTTP, -1),
		httpDo("net/http", "Client", "Do"),
		method("net/http", "Client", "Get", HTTP, -1),
		method("net/http", "Client", "Head", HTTP, -1),
		method("net/http", "Client", "Post", HTTP, -1),
		method("net/http", "Client", "PostForm", HTTP, -1),
		httpDo("net/http", "Transport", "RoundTrip"),
		httpDo("net/http", "RoundTripper", "RoundTrip"),

		// net.
		fn("net", "Dial", TCP, -1),
		{Pkg: "net", Name: "DialTimeout", Kind: TCP, Ctx: -1, Req: -1, Bounded: true},
		fn("net", "DialTCP", TCP, -1),
		fn("net", "DialUDP", TCP, -1),
		fn("net", "DialUnix", TCP, -1),
		fn("net", "DialIP", TCP, -1),
		method("net", "Dialer", "Dial", TCP, -1),
		method("net", "Dialer", "DialContext", TCP, 0),
		fn("net", "LookupHost", DNS, -1),
		fn("net", "LookupIP", DNS, -1),
		fn("net", "LookupAddr", DNS, -1),
		fn("net", "LookupCNAME", DNS, -1),
		fn("net", "LookupMX", DNS, -1),
		fn("net", "LookupNS", DNS, -1),
		fn("net", "LookupSRV", DNS, -1),
		fn("net", "LookupTXT", DNS, -1),
		fn("net", "LookupPort", DNS, -1),
		wildcard("net", "Resolver", DNS),

		// crypto/tls.
		fn("crypto/tls", "Dial", TCP, -1),
		fn("crypto/tls", "DialWithDialer", TCP, -1),
		method("crypto/tls", "Dialer", "Dial", TCP, -1),
		method("crypto/tls", "Dialer", "DialContext", TCP, 0),
		method("crypto/tls", "Conn", "Handshake", TCP, -1),
		method("crypto/tls", "Conn", "HandshakeContext", TCP, 0),

		// net/smtp and net/rpc have no context API at all.
		fn("net/smtp", "Dial", SMTP, -1),
		fn("net/smtp", "SendMail", SMTP, -1),
		fn("net/rpc", "Dial", RPC, -1),
		fn("net/rpc", "DialHTTP", RPC, -1),
		fn("net/rpc", "DialHTTPPath", RPC, -1),
		method("net/rpc", "Client", "Call", RPC, -1),

		// gRPC: generated stubs call ClientConnInterface.Invoke/NewStream.
		method("google.golang.org/grpc", "ClientConnInterface", "Invoke", GRPC, 0),
		method("google.golang.org/grpc", "ClientConnInterface", "NewStream", GRPC, 0),
		method("google.golang.org/grpc", "ClientConn", "Invoke", GRPC, 0),
		method("google.golang.org/grpc", "ClientConn", "NewStream", GRPC, 0),
		fn("google.golang.org/grpc", "Invoke", GRPC, 0),
		fn("google.golang.org/grpc", "NewClientStream", GRPC, 0),

		// Kafka (segmentio/kafka-go).
		method("github.com/segmentio/kafka-go", "Writer", "WriteMessages", Kafka, 0),
		{Pkg: "github.com/segmentio/kafka-go", Type: "Reader", Name: "ReadMessage", Kind: Kafka, Ctx: 0, Req: -1, Consume: true},
		{Pkg: "github.com/segmentio/kafka-go", Type: "Reader", Name: "FetchMessage", Kind: Kafka, Ctx: 0, Req: -1, Consume: true},
		method("github.com/segmentio/kafka-go", "Reader", "CommitMessages", Kafka, 0),
		fn("github.com/segmentio/kafka-go", "Dial", Kafka, -1),
		fn("github.com/segmentio/kafka-go", "DialContext", Kafka, 0),
		fn("github.com/segmentio/kafka-go", "DialLeader", Kafka, 0),
		method("github.com/segmentio/kafka-go", "Dialer", "DialContext", Kafka, 0),
		method("github.com/segmentio/kafka-go", "Dialer", "DialLeader", Kafka, 0),

		// AMQP.
		method("github.com/rabbitmq/amqp091-go", "Channel", "PublishWithContext", AMQP, 0),
		method("github.com/rabbitmq/amqp091-go", "Channel", "Publish", AMQP, -1),
		fn("github.com/rabbitmq/amqp091-go", "Dial", AMQP, -1),
		method("github.com/streadway/amqp", "Channel", "Publish", AMQP, -1),
		fn("github.com/streadway/amqp", "Dial", AMQP, -1),

		// hashicorp/go-retryablehttp.
		fn("github.com/hashicorp/go-retryablehttp", "Get", HTTP, -1),
		fn("github.com/hashicorp/go-retryablehttp", "Head", HTTP, -1),
		fn("github.com/hashicorp/go-retryablehttp", "Post", HTTP, -1),
		fn("github.com/hashicorp/go-retryablehttp", "PostForm", HTTP, -1),
		httpDo("github.com/hashicorp/go-retryablehttp", "Client", "Do"),
		method("github.com/hashicorp/go-retryablehttp", "Client", "Get", HTTP, -1),
		method("github.com/hashicorp/go-retryablehttp", "Client", "Head", HTTP, -1),
		method("github.com/hashicorp/go-retryablehttp", "Client", "Post", HTTP, -1),
		method("github.com/hashicorp/go-retryablehttp", "Client", "PostForm", HTTP, -1),
	}

	// database/sql: the *Context methods take a context; the others cannot
	// be bounded by one.
	for _, typ := range []string{"DB", "Tx", "Conn", "Stmt"} {
		for _, m := range []string{"Query", "QueryRow", "Exec"} {
			if typ != "Conn" {
				t = append(t, method("database/sql", typ, m, SQL, -1))
			}
			t = append(t, method("database/sql", typ, m+"Context", SQL, 0))
		}
	}
	t = append(t,
		method("database/sql", "DB", "Ping", SQL, -1),
		method("database/sql", "DB", "PingContext", SQL, 0),
		method("database/sql", "DB", "Prepare", SQL, -1),
		method("database/sql", "DB", "PrepareContext", SQL, 0),
		method("database/sql", "DB", "Begin", SQL, -1),
		method("database/sql", "DB", "BeginTx", SQL, 0),
		method("database/sql", "DB", "Conn", SQL, 0),
		method("database/sql", "Tx", "Prepare", SQL, -1),
		method("database/sql", "Tx", "PrepareContext", SQL, 0),
		method("database/sql", "Tx", "Commit", SQL, -1),
		method("database/sql", "Conn", "PingContext", SQL, 0),
		method("database/sql", "Conn", "PrepareContext", SQL, 0),
		method("database/sql", "Conn", "BeginTx", SQL, 0),
	)

	// go-redis: every command method takes the context first.
	for _, pkg := range []string{"github.com/redis/go-redis/v9", "github.com/go-redis/redis/v8"} {
		for _, typ := range []string{"cmdable", "statefulCmdable", "Cmdable", "StatefulCmdable", "UniversalClient", "Pipeliner"} {
			t = append(t, wildcard(pkg, typ, Redis))
		}
		t = append(t,
			method(pkg, "Client", "Do", Redis, 0),
			method(pkg, "Client", "Process", Redis, 0),
			method(pkg, "ClusterClient", "Do", Redis, 0),
			method(pkg, "ClusterClient", "Process", Redis, 0),
			method(pkg, "Pipeline", "Exec", Redis, 0),
		)
	}

	// pgx (v4, v5): every method of a connection, pool or transaction that
	// takes a context first talks to the database; LISTEN/NOTIFY waits for
	// notifications by design.
	for _, pkg := range []string{"github.com/jackc/pgx/v5", "github.com/jackc/pgx/v4"} {
		t = append(t,
			wildcard(pkg, "Conn", SQL),
			wildcard(pkg, "Tx", SQL),
			API{Pkg: pkg, Type: "Conn", Name: "WaitForNotification", Kind: SQL, Ctx: 0, Req: -1, Consume: true},
			wildcard(pkg+"/pgxpool", "Pool", SQL),
			wildcard(pkg+"/pgxpool", "Conn", SQL),
			wildcard(pkg+"/pgxpool", "Tx", SQL),
		)
	}

	// aws-sdk-go-v2: every operation of a service client takes the context
	// first; long polls and event streams wait by design.
	for _, svc := range []string{
		"athena", "cloudwatch", "cloudwatchlogs", "dynamodb", "ec2", "ecs", "eventbridge",
		"firehose", "kinesis", "kms", "lambda", "rds", "s3", "secretsmanager", "sesv2",
		"sfn", "sns", "sqs", "ssm", "sts",
	} {
		t = append(t, wildcard("github.com/aws/aws-sdk-go-v2/service/"+svc, "Client", Cloud))
	}
	t = append(t,
		API{Pkg: "github.com/aws/aws-sdk-go-v2/service/sqs", Type: "Client", Name: "ReceiveMessage", Kind: Cloud, Ctx: 0, Req: -1, Consume: true},
		API{Pkg: "github.com/aws/aws-sdk-go-v2/service/kinesis", Type: "Client", Name: "SubscribeToShard", Kind: Cloud, Ctx: 0, Req: -1, Consume: true},
		wildcard("github.com/aws/aws-sdk-go-v2/feature/s3/manager", "Uploader", Cloud),
		wildcard("github.com/aws/aws-sdk-go-v2/feature/s3/manager", "Downloader", Cloud),
	)

	// Google Cloud Storage: object and bucket operations take the context
	// first.
	t = append(t,
		wildcard("cloud.google.com/go/storage", "ObjectHandle", Cloud),
		wildcard("cloud.google.com/go/storage", "BucketHandle", Cloud),
	)
	return t
}()
