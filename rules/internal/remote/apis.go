package remote

import "github.com/faultline-dev/faultline/rules/internal/catalog"

// The catalogue's vocabulary, under the names the rules use.
type (
	// Kind is the kind of remote operation an API performs.
	Kind = catalog.Kind
	// API describes one function or method that performs a remote
	// operation.
	API = catalog.API
	// Bound says what bounds an API's calls besides its context.
	Bound = catalog.Bound
)

// The bounds of APIs.
const (
	Nothing = catalog.Nothing
	Own     = catalog.Own
	Unknown = catalog.Unknown
)

// The kinds of remote operation.
const (
	HTTP  = catalog.HTTP
	GRPC  = catalog.GRPC
	SQL   = catalog.SQL
	Redis = catalog.Redis
	Kafka = catalog.Kafka
	AMQP  = catalog.AMQP
	TCP   = catalog.TCP
	SMTP  = catalog.SMTP
	RPC   = catalog.RPC
	DNS   = catalog.DNS
	Cloud = catalog.Cloud
)
