// Package deadline holds ctxdeadline's cases for aws-sdk-go (v1): every
// service package is one tree entry, whose WithContext operations take an
// aws.Context (an alias of context.Context).
package deadline

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/request"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/dynamodb"
	"github.com/aws/aws-sdk-go/service/kinesis"
	"github.com/aws/aws-sdk-go/service/s3"
	"github.com/aws/aws-sdk-go/service/s3/s3iface"
	"github.com/aws/aws-sdk-go/service/s3/s3manager"
	"github.com/aws/aws-sdk-go/service/sqs"
	"github.com/aws/aws-sdk-go/service/sqs/sqsiface"
	"github.com/aws/aws-sdk-go/service/transcribestreamingservice"
)

var sess = session.Must(session.NewSession())

func bucket() *s3.GetObjectInput {
	return &s3.GetObjectInput{Bucket: aws.String("invoices"), Key: aws.String("2024/01.pdf")}
}

// Hazard: the default HTTPClient is http.DefaultClient: nothing but the
// context bounds the request.
func Hazard() {
	s3.New(sess).GetObjectWithContext(context.Background(), bucket()) // want `context.Background\(\) reaches \(\*s3.S3\).GetObjectWithContext with no deadline: the SDK sets no timeout of its own on this call`
}

// Hazard: a cancellable context has no deadline either.
func Cancel() {
	ctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) reaches \(\*dynamodb.DynamoDB\).PutItemWithContext with no deadline \(context.WithCancel adds none\)`
	defer cancel()
	dynamodb.New(sess).PutItemWithContext(ctx, &dynamodb.PutItemInput{TableName: aws.String("orders")})
}

// Through a helper and an interface: the caller's context reaches the
// operation of s3iface.S3API.
func head(ctx context.Context, api s3iface.S3API, key string) error { // want head:"ctxdeadline\\(param0 → \\(s3iface.S3API\\).HeadObjectWithContext\\)"
	_, err := api.HeadObjectWithContext(ctx, &s3.HeadObjectInput{Bucket: aws.String("invoices"), Key: aws.String(key)})
	return err
}

func Helper() {
	head(context.TODO(), s3.New(sess), "k") // want `context.TODO\(\) reaches deadline.head → \(s3iface.S3API\).HeadObjectWithContext with no deadline`
}

// Hazard: s3manager's uploader is in the tree (service/s3/...).
func Upload() {
	up := s3manager.NewUploader(sess)
	up.UploadWithContext(context.Background(), &s3manager.UploadInput{Bucket: aws.String("b"), Key: aws.String("k"), Body: strings.NewReader("x")}) // want `reaches \(s3manager.Uploader\).UploadWithContext with no deadline`
}

// Safe: the same calls under context.WithTimeout.
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s3.New(sess).GetObjectWithContext(ctx, bucket())
	dynamodb.New(sess).PutItemWithContext(ctx, &dynamodb.PutItemInput{TableName: aws.String("orders")})
	head(ctx, s3.New(sess), "k")
}

// Silent: a long poll waits for messages by design (WaitTimeSeconds), on
// the client and through its interface.
func Poll(q sqsiface.SQSAPI) {
	in := &sqs.ReceiveMessageInput{QueueUrl: aws.String("https://sqs.eu-west-1.amazonaws.com/1/jobs"), WaitTimeSeconds: aws.Int64(20)}
	sqs.New(sess).ReceiveMessageWithContext(context.Background(), in)
	q.ReceiveMessageWithContext(context.Background(), in)
}

// Silent: a Kinesis subscription delivers events for up to 5 minutes by
// design, and a bidirectional event stream lives as long as its context.
func Streams() {
	kinesis.New(sess).SubscribeToShardWithContext(context.Background(), &kinesis.SubscribeToShardInput{ConsumerARN: aws.String("arn"), ShardId: aws.String("shard-0")})
	transcribestreamingservice.New(sess).StartStreamTranscriptionWithContext(context.Background(), &transcribestreamingservice.StartStreamTranscriptionInput{})
}

// Silent: the context-less variant is not recorded (the catalogue cannot
// list every operation of every service without a context).
func NoContext() {
	s3.New(sess).GetObject(bucket())
}

// Trap: WithResponseReadTimeout bounds each read of the response body,
// not the wait for the response.
func ReadTimeout() {
	s3.New(sess).GetObjectWithContext(context.Background(), bucket(), request.WithResponseReadTimeout(30*time.Second)) // want `reaches \(\*s3.S3\).GetObjectWithContext with no deadline`
}

// Trap: more retries are no bound: each attempt waits as long as the
// first.
func Retries() {
	svc := s3.New(sess, aws.NewConfig().WithMaxRetries(10))
	svc.DeleteObjectWithContext(context.Background(), &s3.DeleteObjectInput{Bucket: aws.String("b"), Key: aws.String("k")}) // want `reaches \(\*s3.S3\).DeleteObjectWithContext with no deadline`
}
