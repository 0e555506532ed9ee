package sites // want package:`calls\[cloud\(timeout=2s\); cloud\(unbounded\); cloud\(\); cloud\(timeout=1s\)\]`

// The package holds the call sites of aws-sdk-go-v2 that the join ties to
// a node: the service package names the node (s3, dynamodb, sqs), so the
// calls carry no address evidence of their own.

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

func Invoices(cfg aws.Config) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	s3.NewFromConfig(cfg).PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("invoices"), Key: aws.String("k")})
}

func Orders(cfg aws.Config) {
	dynamodb.NewFromConfig(cfg).Query(context.Background(), &dynamodb.QueryInput{TableName: aws.String("orders")})
}

// A consumer's long poll, then a bounded delete.
func Jobs(ctx context.Context, cfg aws.Config) {
	q := sqs.NewFromConfig(cfg)
	q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String("jobs"), WaitTimeSeconds: 20})
	c, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	q.DeleteMessage(c, &sqs.DeleteMessageInput{QueueUrl: aws.String("jobs")})
}
