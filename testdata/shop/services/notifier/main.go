// Command notifier consumes order events from Kafka, sends each customer
// an order confirmation by e-mail through the SMTP relay, and records the
// confirmations it sent in its Postgres database.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/smtp"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	_ "github.com/lib/pq" // registers the "postgres" database/sql driver
	"github.com/segmentio/kafka-go"

	"example.com/shop/internal/events"
	"example.com/shop/internal/platform"
	"example.com/shop/internal/retry"
)

func main() {
	log := platform.NewLogger("notifier")
	if err := run(log); err != nil {
		log.Error("notifier stopped", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger) error {
	brokers := flag.String("kafka-brokers", os.Getenv("KAFKA_BROKERS"), "comma-separated Kafka brokers (env KAFKA_BROKERS)")
	smtpAddr := flag.String("smtp-addr", os.Getenv("SMTP_ADDR"), "SMTP relay host:port (env SMTP_ADDR)")
	from := flag.String("from", "orders@shop.example", "sender address")
	dsn := flag.String("database-url", os.Getenv("NOTIFICATIONS_DATABASE_URL"), "Postgres DSN of the sent confirmations (env NOTIFICATIONS_DATABASE_URL)")
	flag.Parse()
	if *brokers == "" || *smtpAddr == "" || *dsn == "" {
		return errors.New("KAFKA_BROKERS, SMTP_ADDR and NOTIFICATIONS_DATABASE_URL must be set")
	}
	host, _, err := net.SplitHostPort(*smtpAddr)
	if err != nil {
		return fmt.Errorf("SMTP_ADDR: %w", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	reader := kafka.NewReader(kafka.ReaderConfig{
		Brokers:  strings.Split(*brokers, ","),
		GroupID:  "notifier",
		Topic:    events.OrderPlacedTopic,
		MaxBytes: 1 << 20,
		MaxWait:  time.Second,
		Dialer:   &kafka.Dialer{Timeout: 10 * time.Second},
	})
	defer reader.Close()

	db, err := platform.OpenPostgres(*dsn)
	if err != nil {
		return err
	}
	defer db.Close()

	n := &notifier{log: log, db: db, mail: &mailer{
		addr: *smtpAddr,
		from: *from,
		auth: smtp.PlainAuth("", os.Getenv("SMTP_USER"), os.Getenv("SMTP_PASSWORD"), host),
	}}
	log.Info("consuming", "topic", events.OrderPlacedTopic)
	for {
		// Waiting for the next message without a deadline is what a
		// consumer does; shutdown cancels ctx.
		msg, err := reader.FetchMessage(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("fetch message: %w", err)
		}
		if err := n.handle(ctx, msg); err != nil {
			// There is no dead-letter topic: the message is skipped and the
			// customer gets no e-mail.
			log.Error("drop order event", "offset", msg.Offset, "err", err)
		}
		commitCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err = reader.CommitMessages(commitCtx, msg)
		cancel()
		if err != nil {
			return fmt.Errorf("commit offset %d: %w", msg.Offset, err)
		}
	}
}

type notifier struct {
	log  *slog.Logger
	db   *sql.DB // the confirmations sent, one row per order
	mail *mailer
}

// handle sends the confirmation e-mail for one order event.
func (n *notifier) handle(ctx context.Context, msg kafka.Message) error {
	var ev events.OrderPlaced
	if err := json.Unmarshal(msg.Value, &ev); err != nil {
		return fmt.Errorf("decode event: %w", err)
	}
	// Correct counterpart [ctxdeadline]: the duplicate check runs under a
	// deadline of its own, derived per message from the loop's context.
	checkCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
	var sent bool
	err := n.db.QueryRowContext(checkCtx, "SELECT EXISTS (SELECT 1 FROM confirmations WHERE order_id = $1)", ev.OrderID).Scan(&sent)
	cancel()
	if err != nil {
		return fmt.Errorf("check confirmation of order %s: %w", ev.OrderID, err)
	}
	if sent {
		return nil // a redelivery: the customer has the e-mail already
	}
	body := confirmation(n.mail.from, ev)
	// Deliberate mistake [nestedretry]: this loop retries mailer.send, which
	// already retries with backoff (internal/retry): up to 3 x 3 = 9 SMTP
	// sessions per message, and a slow relay gets the multiplied load.
	for attempt := 1; attempt <= 3; attempt++ {
		if err = n.mail.send(ctx, ev.Email, body); err == nil {
			return n.record(ctx, ev)
		}
		n.log.Warn("send confirmation", "order", ev.OrderID, "attempt", attempt, "err", err)
		delay := time.Duration(attempt)*time.Second + rand.N(500*time.Millisecond)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay):
		}
	}
	return fmt.Errorf("send confirmation for order %s: %w", ev.OrderID, err)
}

// record stores that the confirmation of ev was sent.
func (n *notifier) record(ctx context.Context, ev events.OrderPlaced) error {
	// Deliberate mistake [ctxdeadline consumer-context]: the insert runs with
	// the consumer loop's context (signal.NotifyContext, no deadline): a
	// database that hangs blocks this message, and every later message of
	// the partition waits behind it while the consumer's lag grows.
	_, err := n.db.ExecContext(ctx, "INSERT INTO confirmations (order_id, email) VALUES ($1, $2)", ev.OrderID, ev.Email)
	return err
}

func confirmation(from string, ev events.OrderPlaced) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: Your order %s\r\n\r\n", from, ev.Email, ev.OrderID)
	fmt.Fprintf(&b, "Thank you for your order of %d item(s), total %d.%02d %s.\r\n",
		len(ev.Items), ev.TotalCents/100, ev.TotalCents%100, ev.Currency)
	return []byte(b.String())
}

// mailer sends e-mail through the SMTP relay.
type mailer struct {
	addr string
	from string
	auth smtp.Auth
}

// send delivers msg to one recipient, retrying transient failures twice
// with jittered backoff.
func (m *mailer) send(ctx context.Context, to string, msg []byte) error {
	return retry.Do(ctx, 2, func(context.Context) error {
		// Deliberate mistake [dialtimeout]: smtp.SendMail has no timeout and
		// no context: a relay that accepts the connection and never answers
		// blocks this consumer for good.
		return smtp.SendMail(m.addr, m.auth, m.from, []string{to}, msg)
	})
}
