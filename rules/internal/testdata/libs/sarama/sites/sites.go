package sites // want package:`calls\[kafka\(env:KAFKA_BROKERS bounded\); kafka\(env:KAFKA_BROKERS topic:orders bounded\); kafka\(host:kafka-legacy:9092 bounded\); kafka\(host:kafka-legacy:9092 topic:payments bounded\); kafka\(host:kafka:9092 bounded\); kafka\(host:kafka:9092 topic:invoices unbounded\); kafka\(host:kafka:9092 bounded\); kafka\(host:kafka:9092 bounded\); kafka\(host:kafka:9092 bounded\); kafka\(host:kafka:9092 topic:ledger bounded\)\]`

// The package holds the call sites of sarama that the join ties to a
// node: the brokers the producer or consumer was built with, the topic of
// a message, and the topics consumed.

import (
	"context"
	"os"
	"strings"

	"github.com/IBM/sarama"
	shopify "github.com/Shopify/sarama"
)

func Produce() {
	cfg := sarama.NewConfig()
	cfg.Producer.Return.Successes = true
	p, _ := sarama.NewSyncProducer(strings.Split(os.Getenv("KAFKA_BROKERS"), ","), cfg)
	p.SendMessage(&sarama.ProducerMessage{Topic: "orders", Value: sarama.StringEncoder("1")})
}

func ProduceLegacy() {
	p, _ := shopify.NewSyncProducer([]string{"kafka-legacy:9092"}, nil)
	p.SendMessage(&shopify.ProducerMessage{Topic: "payments"})
}

type handler struct{}

func (handler) Setup(sarama.ConsumerGroupSession) error                                   { return nil }
func (handler) Cleanup(sarama.ConsumerGroupSession) error                                 { return nil }
func (handler) ConsumeClaim(sarama.ConsumerGroupSession, sarama.ConsumerGroupClaim) error { return nil }

func Consume() {
	g, _ := sarama.NewConsumerGroup([]string{"kafka:9092"}, "billing", sarama.NewConfig())
	g.Consume(context.Background(), []string{"invoices"}, handler{})
}

// A batch: the topics of a slice of messages are not followed.
func ProduceBatch() {
	p, _ := sarama.NewSyncProducer([]string{"kafka:9092"}, nil)
	p.SendMessages([]*sarama.ProducerMessage{{Topic: "audit"}})
}

func Partition() {
	c, _ := sarama.NewConsumer([]string{"kafka:9092"}, nil)
	c.ConsumePartition("ledger", 0, sarama.OffsetNewest)
}
