package sites // want package:`calls\[amqp\(env:RABBITMQ_URL bounded\); amqp\(topic:created topic:orders\); amqp\(host:rabbitmq:5672 bounded\)\]`

// The package holds the call sites of amqp091-go (its entries are in
// messaging.go): Dial's URL, and the exchange and routing key of a
// publish.

import (
	"context"
	"os"

	amqp "github.com/rabbitmq/amqp091-go"
)

func Publish() {
	conn, _ := amqp.Dial(os.Getenv("RABBITMQ_URL"))
	ch, _ := conn.Channel()
	ch.PublishWithContext(context.Background(), "orders", "created", false, false, amqp.Publishing{})
}

func Literal() {
	amqp.Dial("amqp://guest:guest@rabbitmq:5672/")
}
