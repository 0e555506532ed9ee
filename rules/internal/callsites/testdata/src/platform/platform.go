package platform

// Package platform returns clients built from what its callers pass: the
// Returns facts carry its parameters for them to substitute.

import (
	"database/sql"
	"net/http"
	"os"

	"google.golang.org/grpc"
)

func OpenPostgres(dsn string) (*sql.DB, error) { // want OpenPostgres:`returns#0\(driver:postgres param:platform.OpenPostgres#0\)`
	return sql.Open("postgres", dsn)
}

func Dial(target string) (*grpc.ClientConn, error) { // want Dial:`returns#0\(param:platform.Dial#0\)`
	return grpc.NewClient(target)
}

// StoreAddr reads its address: a string result worth a fact.
func StoreAddr() string { // want StoreAddr:`returns#0\(env:STORE_ADDR host:store:7000\)`
	if a := os.Getenv("STORE_ADDR"); a != "" {
		return a
	}
	return "store:7000"
}

type Config struct{ Name string }

// String returns a field only: no fact (trap).
func (c Config) String() string { return c.Name }

// unexported: other packages cannot call it, no fact.
func openCache(addr string) *sql.DB { db, _ := sql.Open("mysql", addr); return db }

func Serve(srv *http.Server) error { return srv.ListenAndServe() } // want Serve:`starts\(http \(\*http.Server\).ListenAndServe\)`
