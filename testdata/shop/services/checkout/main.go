// Command checkout is the gRPC service that turns a cart into a paid order:
// it records the order in Postgres, reserves stock with inventory, charges
// the customer through payment and announces the order on Kafka.
package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	_ "github.com/lib/pq" // registers the "postgres" database/sql driver
	"github.com/segmentio/kafka-go"
	"github.com/sony/gobreaker/v2"

	"example.com/shop/internal/clients"
	"example.com/shop/internal/events"
	"example.com/shop/internal/platform"
	checkoutv1 "example.com/shop/proto/checkout/v1"
	inventoryv1 "example.com/shop/proto/inventory/v1"
	paymentv1 "example.com/shop/proto/payment/v1"
)

func main() {
	log := platform.NewLogger("checkout")
	if err := run(log); err != nil {
		log.Error("checkout stopped", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger) error {
	addr := flag.String("addr", ":9090", "gRPC listen address")
	dsn := flag.String("database-url", os.Getenv("DATABASE_URL"), "Postgres DSN (env DATABASE_URL)")
	paymentAddr := flag.String("payment-addr", os.Getenv("PAYMENT_ADDR"), "payment gRPC address (env PAYMENT_ADDR)")
	inventoryAddr := flag.String("inventory-addr", os.Getenv("INVENTORY_ADDR"), "inventory gRPC address (env INVENTORY_ADDR)")
	brokers := flag.String("kafka-brokers", os.Getenv("KAFKA_BROKERS"), "comma-separated Kafka brokers (env KAFKA_BROKERS)")
	flag.Parse()
	if *dsn == "" || *paymentAddr == "" || *inventoryAddr == "" || *brokers == "" {
		return errors.New("DATABASE_URL, PAYMENT_ADDR, INVENTORY_ADDR and KAFKA_BROKERS must be set")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	db, err := platform.OpenPostgres(*dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	paymentConn, err := clients.Dial(*paymentAddr)
	if err != nil {
		return err
	}
	defer paymentConn.Close()
	inventoryConn, err := clients.Dial(*inventoryAddr)
	if err != nil {
		return err
	}
	defer inventoryConn.Close()

	writer := &kafka.Writer{
		Addr:         kafka.TCP(strings.Split(*brokers, ",")...),
		Topic:        events.OrderPlacedTopic,
		Balancer:     &kafka.Hash{},
		RequiredAcks: kafka.RequireAll,
		MaxAttempts:  5,
		WriteTimeout: 5 * time.Second,
		ReadTimeout:  5 * time.Second,
	}
	defer writer.Close()

	svc := &checkoutServer{
		log:       log,
		db:        db,
		payment:   paymentv1.NewPaymentServiceClient(paymentConn),
		inventory: inventoryv1.NewInventoryServiceClient(inventoryConn),
		events:    writer,
		paymentBreaker: gobreaker.NewCircuitBreaker[*paymentv1.ChargeResponse](gobreaker.Settings{
			Name:        "payment",
			MaxRequests: 3,
			Interval:    30 * time.Second,
			Timeout:     15 * time.Second, // how long the breaker stays open
			ReadyToTrip: func(c gobreaker.Counts) bool { return c.ConsecutiveFailures >= 5 },
			OnStateChange: func(name string, from, to gobreaker.State) {
				log.Warn("breaker state changed", "breaker", name, "from", from.String(), "to", to.String())
			},
		}),
	}
	srv := platform.NewGRPCServer()
	checkoutv1.RegisterCheckoutServiceServer(srv, svc)
	return platform.ServeGRPC(ctx, log, *addr, srv)
}
