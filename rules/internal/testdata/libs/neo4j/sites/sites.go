package sites // want package:`calls\[bolt\(env:NEO4J_URL\); bolt\(env:NEO4J_URL\); bolt\(host:graph-db:7687\); bolt\(host:graph-db:7687\); bolt\(host:graph-db:7687\); bolt\(host:graph-db:7687\)\]`

// The package holds the call sites of the Neo4j driver that the join ties
// to the Neo4j node: the URL given to NewDriverWithContext, followed
// through the driver, its sessions, transactions and results.

import (
	"context"
	"os"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func People(ctx context.Context) ([]*neo4j.Record, error) {
	d, err := neo4j.NewDriverWithContext(os.Getenv("NEO4J_URL"), neo4j.NoAuth())
	if err != nil {
		return nil, err
	}
	s := d.NewSession(ctx, neo4j.SessionConfig{})
	res, err := s.Run(ctx, `MATCH (p:Person) RETURN p`, nil)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

func Graph() error {
	ctx := context.Background()
	d, err := neo4j.NewDriverWithContext("neo4j://graph-db:7687", neo4j.NoAuth())
	if err != nil {
		return err
	}
	if err := d.VerifyConnectivity(ctx); err != nil {
		return err
	}
	tx, err := d.NewSession(ctx, neo4j.SessionConfig{}).BeginTransaction(ctx)
	if err != nil {
		return err
	}
	if _, err := tx.Run(ctx, `CREATE (:Node)`, nil); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
