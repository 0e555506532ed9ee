// Package platform holds the plumbing every shop service shares: logging,
// hardened HTTP and gRPC servers with graceful shutdown, and the Postgres
// connection pool.
package platform

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/XSAM/otelsql"
	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/keepalive"
)

// NewLogger returns a JSON logger that tags every record with the service
// name, and installs it as the default logger.
func NewLogger(service string) *slog.Logger {
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil)).With("service", service)
	slog.SetDefault(log)
	return log
}

// HardenHTTPServer bounds how long a client may take to send a request and
// to read the response, so slow or stalled clients cannot pin connections.
// Fields the caller already set are kept.
func HardenHTTPServer(srv *http.Server) {
	if srv.ReadHeaderTimeout == 0 {
		srv.ReadHeaderTimeout = 5 * time.Second
	}
	if srv.ReadTimeout == 0 {
		srv.ReadTimeout = 10 * time.Second
	}
	if srv.WriteTimeout == 0 {
		srv.WriteTimeout = 15 * time.Second
	}
	if srv.IdleTimeout == 0 {
		srv.IdleTimeout = 60 * time.Second
	}
	if srv.MaxHeaderBytes == 0 {
		srv.MaxHeaderBytes = 1 << 20
	}
}

// NewGRPCServer returns a gRPC server with connection limits and the
// standard health service registered.
func NewGRPCServer(opts ...grpc.ServerOption) *grpc.Server {
	base := []grpc.ServerOption{
		grpc.ConnectionTimeout(5 * time.Second),
		grpc.KeepaliveParams(keepalive.ServerParameters{
			MaxConnectionIdle:     5 * time.Minute,
			MaxConnectionAge:      30 * time.Minute,
			MaxConnectionAgeGrace: 10 * time.Second,
			Time:                  2 * time.Minute,
			Timeout:               20 * time.Second,
		}),
		grpc.MaxConcurrentStreams(256),
	}
	srv := grpc.NewServer(append(base, opts...)...)
	healthpb.RegisterHealthServer(srv, health.NewServer())
	return srv
}

// ServeGRPC serves srv on addr until ctx is cancelled, then stops it
// gracefully, cutting off calls still running after ten seconds.
func ServeGRPC(ctx context.Context, log *slog.Logger, addr string, srv *grpc.Server) error {
	var lc net.ListenConfig
	lis, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(lis) }()
	log.Info("serving gRPC", "addr", lis.Addr().String())

	select {
	case err := <-errc:
		return fmt.Errorf("serve gRPC: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	stopped := make(chan struct{})
	go func() {
		srv.GracefulStop()
		close(stopped)
	}()
	select {
	case <-stopped:
	case <-time.After(10 * time.Second):
		srv.Stop()
	}
	return nil
}

// OpenPostgres opens a connection pool to the Postgres database at dsn.
// The caller's binary must register the "postgres" driver.
func OpenPostgres(dsn string) (*sql.DB, error) {
	db, err := otelsql.Open("postgres", dsn) // queries traced and measured: counterpart of unobserved
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(10)
	db.SetConnMaxLifetime(30 * time.Minute)
	db.SetConnMaxIdleTime(5 * time.Minute)
	return db, nil
}
