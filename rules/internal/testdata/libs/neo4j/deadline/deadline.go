// Package deadline holds ctxdeadline's cases for the Neo4j driver v5:
// whether a call with no deadline can wait forever depends on a read
// timeout the server may hint, which faultline cannot see, so none of
// these calls is reported.
package deadline

import (
	"context"
	"os"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func driver() neo4j.DriverWithContext {
	// NewDriverWithContext does no I/O.
	d, err := neo4j.NewDriverWithContext(os.Getenv("NEO4J_URL"), neo4j.BasicAuth("neo4j", "secret", ""))
	if err != nil {
		panic(err)
	}
	return d
}

// Silent: Background reaches ExecuteQuery; the driver has no read timeout
// of its own, but the server's hint may give one.
func Background() error {
	_, err := neo4j.ExecuteQuery(context.Background(), driver(), `MATCH (n) RETURN count(n)`, nil, neo4j.EagerResultTransformer)
	return err
}

// Silent: a helper handing its caller's context to a session's Run gets
// no fact.
func run(ctx context.Context, s neo4j.SessionWithContext) error {
	res, err := s.Run(ctx, `MATCH (n:Person) RETURN n.name`, nil)
	if err != nil {
		return err
	}
	_, err = res.Collect(ctx)
	return err
}

func Helper() error {
	s := driver().NewSession(context.Background(), neo4j.SessionConfig{})
	return run(context.TODO(), s)
}

func Safe() error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	s := driver().NewSession(ctx, neo4j.SessionConfig{})
	defer s.Close(ctx)
	return run(ctx, s)
}

// Silent: a managed transaction, and a check of connectivity.
func Write() error {
	ctx := context.Background()
	d := driver()
	if err := d.VerifyConnectivity(ctx); err != nil {
		return err
	}
	s := d.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite})
	_, err := s.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return tx.Run(ctx, `CREATE (:Person {name: $name})`, map[string]any{"name": "Ada"})
	})
	return err
}

// Not a deadline: WithTxTimeout is a timeout the server applies to the
// transaction, not a bound of the call (a hung server never applies it);
// the call stays unjudged like the others.
func TxTimeout() error {
	ctx := context.Background()
	s := driver().NewSession(ctx, neo4j.SessionConfig{})
	_, err := s.Run(ctx, `MATCH (n) DETACH DELETE n`, nil, neo4j.WithTxTimeout(5*time.Second))
	return err
}
