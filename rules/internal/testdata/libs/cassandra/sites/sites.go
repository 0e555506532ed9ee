package sites // want package:`calls\[cql\(env:CASSANDRA_HOSTS bounded\); cql\(env:CASSANDRA_HOSTS bounded\); cql\(host:cassandra-1:9042 host:cassandra-2:9042 bounded\); cql\(host:cassandra-1:9042 host:cassandra-2:9042 bounded\); cql\(host:cassandra-3:9042 bounded\); cql\(host:cassandra-3:9042 bounded\)\]`

// The package holds the call sites of gocql that the join ties to the
// Cassandra node: the hosts come from NewCluster's arguments, followed
// through the cluster, its session and the query.

import (
	"context"
	"os"

	gocql2 "github.com/apache/cassandra-gocql-driver/v2"
	"github.com/gocql/gocql"
)

func Orders() error {
	s, err := gocql.NewCluster(os.Getenv("CASSANDRA_HOSTS")).CreateSession()
	if err != nil {
		return err
	}
	return s.Query(`INSERT INTO orders (id) VALUES (?)`, 1).WithContext(context.Background()).Exec()
}

func Hosts() error {
	cluster := gocql2.NewCluster("cassandra-1:9042", "cassandra-2:9042")
	s, err := cluster.CreateSession()
	if err != nil {
		return err
	}
	var n int
	return s.Query(`SELECT count(*) FROM users`).ScanContext(context.Background(), &n)
}

// A wrapper whose methods rewrap the query they hold, as jaeger's
// cassandra/gocql does: every builder leads back to the field the others
// read, and the hosts are found behind them all the same, once.

type Session struct{ s *gocql.Session }

func Open() (Session, error) {
	s, err := gocql.NewCluster("cassandra-3:9042").CreateSession()
	return Session{s: s}, err
}

type Query struct{ q *gocql.Query }

func wrap(q *gocql.Query) Query { return Query{q: q} }

func (s Session) Query(stmt string) Query             { return wrap(s.s.Query(stmt)) }
func (q Query) Consistency(c gocql.Consistency) Query { return wrap(q.q.Consistency(c)) }
func (q Query) PageSize(n int) Query                  { return wrap(q.q.PageSize(n)) }
func (q Query) Idempotent(v bool) Query               { return wrap(q.q.Idempotent(v)) }
func (q Query) Bind(v ...any) Query                   { return wrap(q.q.Bind(v...)) }
func (q Query) WithContext(ctx context.Context) Query { return wrap(q.q.WithContext(ctx)) }
func (q Query) SerialConsistency(c gocql.Consistency) Query {
	return wrap(q.q.SerialConsistency(gocql.SerialConsistency(c)))
}
func (q Query) Exec() error { return q.q.Exec() }
