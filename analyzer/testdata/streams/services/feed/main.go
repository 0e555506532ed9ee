// Command feed serves FeedService's streaming methods; each reads its
// incoming context from its stream.
package main

import (
	"database/sql"
	"log"
	"net"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/wrapperspb"

	feedv1 "example.com/streams/proto/feed/v1"
)

type feedServer struct {
	feedv1.UnimplementedFeedServiceServer
	db *sql.DB
}

// List: web opens it within a request whose context has no deadline, so
// the query has none either (reported, naming web's call).
func (s *feedServer) List(req *wrapperspb.StringValue, stream feedv1.FeedService_ListServer) error {
	rows, err := s.db.QueryContext(stream.Context(), `SELECT id FROM items WHERE kind = $1`, req.GetValue())
	if err != nil {
		return err
	}
	return rows.Close()
}

// Watch: web's watcher re-opens it in a reconnect loop with a context of
// its own, held open on purpose; but web's follow handler opens it once
// within a request with no deadline (reported, naming that call).
func (s *feedServer) Watch(req *wrapperspb.StringValue, stream grpc.ServerStreamingServer[wrapperspb.StringValue]) error {
	ctx := stream.Context()
	_, err := s.db.ExecContext(ctx, `UPDATE watchers SET n = n + 1 WHERE kind = $1`, req.GetValue())
	return err
}

// Report: no service calls it (silent: a deadline set by an unseen caller
// cannot be ruled out).
func (s *feedServer) Report(req *wrapperspb.StringValue, stream feedv1.FeedService_ListServer) error {
	_, err := s.db.ExecContext(stream.Context(), `INSERT INTO reports (kind) VALUES ($1)`, req.GetValue())
	return err
}

// Upload: web uploads under a deadline (silent).
func (s *feedServer) Upload(stream grpc.ClientStreamingServer[wrapperspb.StringValue, wrapperspb.StringValue]) error {
	_, err := s.db.ExecContext(stream.Context(), `INSERT INTO uploads DEFAULT VALUES`)
	return err
}

// Chat: web holds a bidirectional session open for its life, with no
// deadline on purpose (silent).
func (s *feedServer) Chat(stream feedv1.FeedService_ChatServer) error {
	_, err := s.db.ExecContext(stream.Context(), `INSERT INTO sessions DEFAULT VALUES`)
	return err
}

func main() {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	lis, err := net.Listen("tcp", ":9090")
	if err != nil {
		log.Fatal(err)
	}
	srv := grpc.NewServer()
	feedv1.RegisterFeedServiceServer(srv, &feedServer{db: db})
	log.Fatal(srv.Serve(lis))
}
