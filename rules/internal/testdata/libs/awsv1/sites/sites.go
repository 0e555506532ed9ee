package sites // want package:`calls\[cloud\(timeout=2s\); cloud\(unbounded\); cloud\(\); cloud\(timeout=1s\)\]`

// The package holds the call sites of aws-sdk-go (v1) that the join ties
// to a node: the service package names the node (s3, dynamodb, sqs), so
// the calls carry no address evidence of their own.

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/dynamodb"
	"github.com/aws/aws-sdk-go/service/s3"
	"github.com/aws/aws-sdk-go/service/sqs"
)

func Invoices() {
	sess := session.Must(session.NewSession())
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	s3.New(sess).GetObjectWithContext(ctx, &s3.GetObjectInput{Bucket: aws.String("invoices"), Key: aws.String("k")})
}

func Orders(sess *session.Session) {
	dynamodb.New(sess).GetItemWithContext(context.Background(), &dynamodb.GetItemInput{TableName: aws.String("orders")})
}

// A consumer's long poll: a cloud call marked as a consumer's read.
func Jobs(ctx context.Context, sess *session.Session) {
	sqs.New(sess).ReceiveMessageWithContext(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String("jobs"), WaitTimeSeconds: aws.Int64(20)})
	c, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	sqs.New(sess).DeleteMessageWithContext(c, &sqs.DeleteMessageInput{QueueUrl: aws.String("jobs")})
}
