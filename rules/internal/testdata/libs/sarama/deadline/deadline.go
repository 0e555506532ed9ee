// Package deadline holds ctxdeadline's cases for sarama (IBM/sarama and
// Shopify/sarama): no producer call takes a context, and every broker
// request is bounded by the Net timeouts, so only the consumer group's
// Consume takes one, and it waits by design.
package deadline

import (
	"context"
	"time"

	ibm "github.com/IBM/sarama"
	shopify "github.com/Shopify/sarama"
)

type handler struct{}

func (handler) Setup(ibm.ConsumerGroupSession) error   { return nil }
func (handler) Cleanup(ibm.ConsumerGroupSession) error { return nil }
func (handler) ConsumeClaim(s ibm.ConsumerGroupSession, c ibm.ConsumerGroupClaim) error {
	for m := range c.Messages() {
		s.MarkMessage(m, "")
	}
	return nil
}

// Silent: SendMessage takes no context; Net.ReadTimeout and
// Net.WriteTimeout (30s by default, never zero) bound its requests.
func Send() {
	cfg := ibm.NewConfig()
	cfg.Producer.Return.Successes = true
	p, err := ibm.NewSyncProducer([]string{"kafka:9092"}, cfg)
	if err != nil {
		return
	}
	p.SendMessage(&ibm.ProducerMessage{Topic: "orders", Value: ibm.StringEncoder("1")})
}

// Silent: the consumer group waits for messages by design, under a
// context with no deadline.
func Consume() {
	g, err := ibm.NewConsumerGroup([]string{"kafka:9092"}, "billing", ibm.NewConfig())
	if err != nil {
		return
	}
	for {
		if err := g.Consume(context.Background(), []string{"orders"}, handler{}); err != nil {
			return
		}
	}
}

// Trap: Producer.Timeout looks like a bound of SendMessage, but it is the
// broker's wait for acknowledgements (request.timeout.ms); what bounds the
// call is the Net timeouts, which a config cannot turn off.
func ProducerTimeout() {
	cfg := shopify.NewConfig()
	cfg.Producer.Return.Successes = true
	cfg.Producer.Timeout = 2 * time.Second
	p, err := shopify.NewSyncProducer([]string{"kafka:9092"}, cfg)
	if err != nil {
		return
	}
	p.SendMessages([]*shopify.ProducerMessage{{Topic: "orders", Value: shopify.StringEncoder("1")}})
}
