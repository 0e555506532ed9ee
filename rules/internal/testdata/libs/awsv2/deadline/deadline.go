// Package deadline holds ctxdeadline's cases for aws-sdk-go-v2: the
// service clients of dynamodb, s3 and sqs (one tree entry, service/...,
// Type "Client", once cloud.go's list of services is replaced by it).
package deadline

import (
	"context"
	"net"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

func load() aws.Config {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	return cfg
}

// Hazard: the default BuildableClient has no Client.Timeout and no
// ResponseHeaderTimeout: nothing but the context bounds the operation.
func Hazard() {
	s3.NewFromConfig(load()).GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String("invoices"), Key: aws.String("k")}) // want `context.Background\(\) reaches \(\*s3.Client\).GetObject with no deadline: the SDK sets no timeout of its own on this call`
}

// Hazard: a cancellable context has no deadline either.
func Cancel() {
	ctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) reaches \(\*dynamodb.Client\).PutItem with no deadline \(context.WithCancel adds none\)`
	defer cancel()
	dynamodb.NewFromConfig(load()).PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String("orders"),
		Item:      map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: "1"}},
	})
}

// Through a helper: the caller's context reaches SendMessage.
func send(ctx context.Context, q *sqs.Client, body string) error { // want send:"ctxdeadline\\(param0 → \\(\\*sqs.Client\\).SendMessage\\)"
	_, err := q.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String("https://sqs.eu-west-1.amazonaws.com/1/jobs"), MessageBody: aws.String(body)})
	return err
}

func Helper() {
	send(context.TODO(), sqs.NewFromConfig(load()), "hello") // want `context.TODO\(\) reaches deadline.send → \(\*sqs.Client\).SendMessage with no deadline`
}

// Safe: the same operations under context.WithTimeout.
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	s3.NewFromConfig(load()).GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("invoices"), Key: aws.String("k")})
	dynamodb.NewFromConfig(load()).GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("orders")})
	send(ctx, sqs.NewFromConfig(load()), "hello")
}

// Silent: a long poll waits for messages by design (WaitTimeSeconds).
func Poll() {
	sqs.NewFromConfig(load()).ReceiveMessage(context.Background(), &sqs.ReceiveMessageInput{QueueUrl: aws.String("jobs"), WaitTimeSeconds: 20})
}

// Silent: a waiter is bounded by its maxWaitDur, which must be positive
// (the waiter derives a context with that timeout).
func Wait() {
	w := s3.NewBucketExistsWaiter(s3.NewFromConfig(load()))
	w.Wait(context.Background(), &s3.HeadBucketInput{Bucket: aws.String("invoices")}, time.Minute)
}

// Trap: more attempts are no bound: each attempt waits as long as the
// first.
func Retries() {
	cfg, _ := config.LoadDefaultConfig(context.Background(), config.WithRetryMaxAttempts(5))
	dynamodb.NewFromConfig(cfg).DeleteItem(context.Background(), &dynamodb.DeleteItemInput{TableName: aws.String("orders")}) // want `reaches \(\*dynamodb.Client\).DeleteItem with no deadline`
}

// Trap: a dialer timeout bounds the connect, not the wait for a response.
func DialTimeout() {
	hc := awshttp.NewBuildableClient().WithDialerOptions(func(d *net.Dialer) { d.Timeout = time.Second })
	cfg, _ := config.LoadDefaultConfig(context.Background(), config.WithHTTPClient(hc))
	s3.NewFromConfig(cfg).HeadObject(context.Background(), &s3.HeadObjectInput{Bucket: aws.String("b"), Key: aws.String("k")}) // want `reaches \(\*s3.Client\).HeadObject with no deadline`
}
