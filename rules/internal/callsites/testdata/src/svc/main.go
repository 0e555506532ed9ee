package main // want package:`calls\[grpc\(env:PAYMENT_ADDR grpc:shop\.payment\.v1\.PaymentService unbounded breaker=no\); sql\(driver:postgres env:DATABASE_URL unbounded breaker=no\); redis\(flag:redis-addr host:localhost:6379 unbounded breaker=no attempts=4\); kafka\(env:KAFKA_BROKERS topic:orders unbounded breaker=no attempts=10\); http\(host:ads\.internal:8080 unbounded breaker=no\); bind pb\.NewPaymentServiceClient#0=env:PAYMENT_ADDR; bind clients\.NewCatalog#0=env:CATALOG_URL; bind clients\.Config\.URL=host:recs:9000\]`

import (
	"context"
	"database/sql"
	"flag"
	"net/http"
	"os"

	"clients"
	"pb"

	"github.com/redis/go-redis/v9"
	"github.com/segmentio/kafka-go"
	"google.golang.org/grpc"
)

var redisAddr = flag.String("redis-addr", "localhost:6379", "redis address")

type server struct {
	payment pb.PaymentServiceClient
	db      *sql.DB
}

func newServer() *server {
	conn, _ := grpc.NewClient(os.Getenv("PAYMENT_ADDR"))
	db, _ := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	return &server{payment: pb.NewPaymentServiceClient(conn), db: db}
}

func (s *server) charge(ctx context.Context) error {
	_, err := s.payment.Charge(ctx, &pb.ChargeRequest{})
	return err
}

func (s *server) load(ctx context.Context) error {
	_, err := s.db.QueryContext(ctx, "select 1")
	return err
}

func main() {
	s := newServer()
	_ = s.charge(context.Background())
	_ = s.load(context.Background())
	rdb := redis.NewClient(&redis.Options{Addr: *redisAddr})
	rdb.Get(context.Background(), "k")
	w := &kafka.Writer{Addr: kafka.TCP(os.Getenv("KAFKA_BROKERS")), Topic: "orders"}
	_ = w.WriteMessages(context.Background())
	c := clients.NewCatalog(os.Getenv("CATALOG_URL"))
	_ = c.List(context.Background())
	_ = clients.Fetch(clients.Config{URL: "http://recs:9000"})
	_, _ = http.Get("http://ads.internal:8080/ads")
}
