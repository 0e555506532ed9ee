package catalog

// Message consumers: where event-driven work gets its context. A handler
// that processes a message has no caller to give it a deadline: the
// context it runs remote calls with is the consumer's long-lived one (a
// session's, a loop's, Background), unless the handler bounds each
// message. ctxdeadline's consumer-context findings start here. Read in the
// modules of rules/internal/testdata/libs at the versions its go.mod
// requires.

// ConsumerContext is a library function that returns the context a
// message's handler runs under, with no deadline of its own.
type ConsumerContext struct {
	// Func is the function, in lint.FuncSet's form.
	Func string
	// Label names the consumer's context in messages, a noun phrase.
	Label string
	// Stall says what a handler call that never returns holds up.
	Stall string
	// Bounders are the middleware constructors of the library that put a
	// deadline on this context for every handler they wrap: a package
	// that calls one is taken to bound all its handlers (a router faultline
	// does not resolve, as for http.TimeoutHandler).
	Bounders []string
	// Replacers are the functions that replace the context (a message's
	// SetContext): which context a later read in the same function sees is
	// not followed.
	Replacers []string
}

// MessageRead is a library call that waits for the next message (or
// batch): a loop around it is a consumer loop, and a call made in that
// loop with a context from outside it has no deadline per message.
type MessageRead struct {
	Func  string // in lint.FuncSet's form
	Label string // the consumer, for messages
	Stall string // see ConsumerContext.Stall
}

// MessageType is a library's type of a delivered message: a loop that
// receives values of it from a channel is a consumer loop, and a function
// that takes one as its only parameter and is used as a value is a
// message handler (a callback the library calls per message).
type MessageType struct {
	Pkg, Name string
	Pointer   bool   // the message is *Name
	Label     string // the library, for messages: "a loop over amqp091-go messages"
	Stall     string // see ConsumerContext.Stall
}

const (
	stallPartition = "the partition's later messages wait behind it and the consumer's lag grows"
	stallSession   = "the partition's later messages wait behind it, and a rebalance waits for ConsumeClaim to return, so the whole group stops"
	stallQueue     = "the deliveries the channel has prefetched wait behind it unacknowledged, and the queue grows"
	stallNATS      = "the subscription's messages queue behind it until its pending limits are reached, and then NATS drops them (a slow consumer)"
	stallWatermill = "the subscriber's later messages wait behind it, and the router's handler stops consuming"
	stallPoll      = "the records already polled wait behind it and the consumer's lag grows"
)

// ConsumerContexts: IBM/sarama v1.61.1 and Shopify/sarama v1.38.1 give a
// ConsumerGroupHandler's Setup, ConsumeClaim and Cleanup a session whose
// Context is a context.WithCancel of the context given to
// ConsumerGroup.Consume (consumer_group.go newConsumerGroupSession), ended
// only when the session ends (a rebalance, Close): no deadline, and a
// ConsumeClaim that blocks holds the rebalance. watermill v1.5.1's
// Message.Context is the context a subscriber or middleware set, or
// context.Background() (message.go:182); subscribers set the subscription's
// long-lived one (pubsub/gochannel pubsub.go:388); middleware.Timeout
// (router/middleware/timeout.go) derives it per message with
// context.WithTimeout and sets it.
var ConsumerContexts = []ConsumerContext{
	{Func: "(github.com/IBM/sarama.ConsumerGroupSession).Context", Label: "the sarama ConsumeClaim session context (ConsumerGroupSession.Context(), cancelled only when the session ends)", Stall: stallSession},
	{Func: "(github.com/Shopify/sarama.ConsumerGroupSession).Context", Label: "the sarama ConsumeClaim session context (ConsumerGroupSession.Context(), cancelled only when the session ends)", Stall: stallSession},
	{
		Func:      "(*github.com/ThreeDotsLabs/watermill/message.Message).Context",
		Label:     "the watermill message context (Message.Context(): the subscriber's, unless a middleware sets one)",
		Stall:     stallWatermill,
		Bounders:  []string{"github.com/ThreeDotsLabs/watermill/message/router/middleware.Timeout"},
		Replacers: []string{"(*github.com/ThreeDotsLabs/watermill/message.Message).SetContext"},
	},
}

// MessageReads: kafka-go v0.4.51 Reader.ReadMessage and FetchMessage block
// until a message arrives or ctx ends (reader.go); franz-go's PollFetches
// and PollRecords likewise (consumer.go:522); SQS ReceiveMessage long
// polls; NATS NextMsgWithContext and jetstream's Consumer.Next and Fetch
// wait for the next message(s).
var MessageReads = []MessageRead{
	{Func: "(*github.com/segmentio/kafka-go.Reader).ReadMessage", Label: "kafka-go ReadMessage loop", Stall: stallPartition},
	{Func: "(*github.com/segmentio/kafka-go.Reader).FetchMessage", Label: "kafka-go FetchMessage loop", Stall: stallPartition},
	{Func: "(*github.com/twmb/franz-go/pkg/kgo.Client).PollFetches", Label: "franz-go PollFetches loop", Stall: stallPoll},
	{Func: "(*github.com/twmb/franz-go/pkg/kgo.Client).PollRecords", Label: "franz-go PollRecords loop", Stall: stallPoll},
	{Func: "(*github.com/nats-io/nats.go.Subscription).NextMsgWithContext", Label: "NATS NextMsgWithContext loop", Stall: stallNATS},
	{Func: "(*github.com/nats-io/nats.go.Subscription).NextMsg", Label: "NATS NextMsg loop", Stall: stallNATS},
	{Func: "(github.com/nats-io/nats.go/jetstream.Consumer).Next", Label: "JetStream Next loop", Stall: stallNATS},
	{Func: "(github.com/nats-io/nats.go/jetstream.Consumer).Fetch", Label: "JetStream Fetch loop", Stall: stallNATS},
	{Func: "(*github.com/aws/aws-sdk-go-v2/service/sqs.Client).ReceiveMessage", Label: "SQS ReceiveMessage loop", Stall: stallQueue},
	{Func: "(*github.com/aws/aws-sdk-go/service/sqs.SQS).ReceiveMessageWithContext", Label: "SQS ReceiveMessage loop", Stall: stallQueue},
}

// MessageTypes: amqp091-go v1.17.0 Channel.Consume and ConsumeWithContext
// return a <-chan Delivery (streadway/amqp the same); sarama's
// ConsumerGroupClaim.Messages and PartitionConsumer.Messages a
// <-chan *ConsumerMessage; nats.go's Subscribe, QueueSubscribe and
// JetStream's Subscribe call a MsgHandler func(*Msg), ChanSubscribe
// delivers on a chan *Msg, and jetstream's Consumer.Consume calls a
// MessageHandler func(Msg); watermill's Subscriber.Subscribe returns a
// <-chan *Message and its router calls a HandlerFunc func(*Message).
var MessageTypes = []MessageType{
	{Pkg: "github.com/rabbitmq/amqp091-go", Name: "Delivery", Label: "amqp091-go", Stall: stallQueue},
	{Pkg: "github.com/streadway/amqp", Name: "Delivery", Label: "streadway/amqp", Stall: stallQueue},
	{Pkg: "github.com/IBM/sarama", Name: "ConsumerMessage", Pointer: true, Label: "sarama", Stall: stallPartition},
	{Pkg: "github.com/Shopify/sarama", Name: "ConsumerMessage", Pointer: true, Label: "sarama", Stall: stallPartition},
	{Pkg: "github.com/segmentio/kafka-go", Name: "Message", Label: "kafka-go", Stall: stallPartition},
	{Pkg: "github.com/twmb/franz-go/pkg/kgo", Name: "Record", Pointer: true, Label: "franz-go", Stall: stallPoll},
	{Pkg: "github.com/nats-io/nats.go", Name: "Msg", Pointer: true, Label: "NATS", Stall: stallNATS},
	{Pkg: "github.com/nats-io/nats.go/jetstream", Name: "Msg", Label: "JetStream", Stall: stallNATS},
	{Pkg: "github.com/ThreeDotsLabs/watermill/message", Name: "Message", Pointer: true, Label: "watermill", Stall: stallWatermill},
}

// ConsumerCallback is a library function that takes a message handler
// as a function value and calls it, per message, with a context of its
// own as the handler's first parameter: that parameter is the consumer's
// context, with no deadline per message.
type ConsumerCallback struct {
	Func  string // in lint.FuncSet's form
	Arg   int    // the handler's index in Func's signature, receiver not counted
	Label string // the context, for messages: a noun phrase
	Stall string // see ConsumerContext.Stall
	// Bounders: see ConsumerContext.Bounders.
	Bounders []string
}

const stallPubSub = "the messages Receive has pulled wait behind it, their ack deadlines extended up to MaxExtension, and at MaxOutstandingMessages the subscription stops pulling"

// ConsumerCallbacks: cloud.google.com/go/pubsub v1.52.0's
// Subscription.Receive (subscription.go:1242-1269: "The context passed to
// f will be canceled when ctx is Done or there is a fatal service error";
// it is a context.WithCancel of Receive's, :1347, wrapped for tracing,
// :1498) and pubsub/v2 v2.6.0's Subscriber.Receive (subscriber.go:205):
// no deadline per message. watermill v1.5.1's cqrs handlers
// (components/cqrs command_handler.go:37, event_handler.go:38,69) are
// called with CtxWithOriginalMessage(msg.Context(), msg)
// (command_processor.go:341, event_processor.go:344,
// event_processor_group.go:230): the message's context, which
// middleware.Timeout bounds, as for Message.Context.
var ConsumerCallbacks = []ConsumerCallback{
	{Func: "(*cloud.google.com/go/pubsub.Subscription).Receive", Arg: 1, Label: "the context Pub/Sub's Subscription.Receive hands its callback (cancelled only when Receive's context is done)", Stall: stallPubSub},
	{Func: "(*cloud.google.com/go/pubsub/v2.Subscriber).Receive", Arg: 1, Label: "the context Pub/Sub's Subscriber.Receive hands its callback (cancelled only when Receive's context is done)", Stall: stallPubSub},
	{Func: "github.com/ThreeDotsLabs/watermill/components/cqrs.NewCommandHandler", Arg: 1, Label: "the watermill cqrs command handler's context (the message's: the subscriber's, unless a middleware sets one)", Stall: stallWatermill, Bounders: []string{"github.com/ThreeDotsLabs/watermill/message/router/middleware.Timeout"}},
	{Func: "github.com/ThreeDotsLabs/watermill/components/cqrs.NewEventHandler", Arg: 1, Label: "the watermill cqrs event handler's context (the message's: the subscriber's, unless a middleware sets one)", Stall: stallWatermill, Bounders: []string{"github.com/ThreeDotsLabs/watermill/message/router/middleware.Timeout"}},
	{Func: "github.com/ThreeDotsLabs/watermill/components/cqrs.NewGroupEventHandler", Arg: 0, Label: "the watermill cqrs event handler's context (the message's: the subscriber's, unless a middleware sets one)", Stall: stallWatermill, Bounders: []string{"github.com/ThreeDotsLabs/watermill/message/router/middleware.Timeout"}},
}
