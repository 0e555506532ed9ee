// Package deadline holds ctxdeadline's cases for amqp091-go, whose entries
// are in messaging.go: PublishWithContext checks its context once, before
// it writes (channel.go:1914-1921), and what bounds the write is the
// connection, which faultline does not see, so it stays silent.
package deadline

import (
	"context"
	"time"

	amqp "github.com/rabbitmq/amqp091-go"
)

// Silent: PublishWithContext with no deadline: the context is only
// checked before the write.
func Publish() {
	conn, err := amqp.Dial("amqp://guest:guest@rabbitmq:5672/")
	if err != nil {
		return
	}
	ch, _ := conn.Channel()
	ch.PublishWithContext(context.Background(), "orders", "created", false, false, amqp.Publishing{Body: []byte("1")})
}

// Silent: a deadline does not bound the write either; the call is the
// same.
func PublishTimeout() {
	conn, _ := amqp.Dial("amqp://rabbitmq:5672/")
	ch, _ := conn.Channel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	ch.PublishWithContext(ctx, "orders", "created", false, false, amqp.Publishing{})
}

// Trap-like: the heartbeat is liveness, not a bound of a publish; the call
// stays silent for the reason above, not because of it.
func Heartbeat() {
	conn, _ := amqp.DialConfig("amqp://rabbitmq:5672/", amqp.Config{Heartbeat: time.Second})
	ch, _ := conn.Channel()
	ch.Publish("orders", "created", false, false, amqp.Publishing{})
}
