// Package cloud holds cloud SDK and pgx cases.
package cloud

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Blobs struct {
	s3     *s3.Client
	bucket string
}

// Get passes ctx to the SDK.
func (b *Blobs) Get(ctx context.Context, key string) error { // want Get:`ctxdeadline\(param0 → \(\*s3.Client\).GetObject\)`
	_, err := b.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: &b.bucket, Key: &key})
	return err
}

func warm(b *Blobs) {
	_ = b.Get(context.Background(), "index") // want `context.Background\(\) reaches \(\*cloud.Blobs\).Get → \(\*s3.Client\).GetObject with no deadline: the SDK sets no timeout of its own on this call`
}

func warmBounded(b *Blobs) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = b.Get(ctx, "index")
}

// A long poll waits by design.
func poll(c *sqs.Client, url string) {
	_, _ = c.ReceiveMessage(context.Background(), &sqs.ReceiveMessageInput{QueueUrl: &url, WaitTimeSeconds: 20})
}

func send(c *sqs.Client, url, body string) {
	_, _ = c.SendMessage(context.TODO(), &sqs.SendMessageInput{QueueUrl: &url, MessageBody: &body}) // want `context.TODO\(\) reaches \(\*sqs.Client\).SendMessage`
}

func pgxQuery(pool *pgxpool.Pool) {
	_, _ = pool.Exec(context.Background(), "VACUUM") // want `context.Background\(\) reaches \(\*pgxpool.Pool\).Exec with no deadline: a hung database`
}

// LISTEN waits for notifications by design.
func listen(conn *pgx.Conn) {
	_, _ = conn.WaitForNotification(context.Background())
}
