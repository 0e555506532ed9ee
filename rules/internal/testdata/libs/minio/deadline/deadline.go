// Package deadline holds ctxdeadline's cases for minio-go v7: the default
// transport's ResponseHeaderTimeout (1 minute) bounds the wait for
// headers, so requests with no body (HEAD, DELETE) are bounded; uploads
// and downloads are bounded by their context alone.
package deadline

import (
	"context"
	"os"
	"strings"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

func client() *minio.Client {
	c, err := minio.New(os.Getenv("MINIO_ENDPOINT"), &minio.Options{Creds: credentials.NewStaticV4("k", "s", ""), Secure: true})
	if err != nil {
		panic(err)
	}
	return c
}

// Hazard: an upload's body is written before the header timeout starts.
func Hazard() {
	client().PutObject(context.Background(), "invoices", "2024/01.pdf", strings.NewReader("%PDF"), 4, minio.PutObjectOptions{}) // want `context.Background\(\) reaches \(\*minio.Client\).PutObject with no deadline: the SDK sets no timeout of its own on this call`
}

// Hazard: a download's body is read after the headers arrive.
func Download() {
	ctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) reaches \(\*minio.Client\).GetObject with no deadline \(context.WithCancel adds none\)`
	defer cancel()
	obj, err := client().GetObject(ctx, "invoices", "2024/01.pdf", minio.GetObjectOptions{})
	if err == nil {
		obj.Close()
	}
}

// Through a helper: the caller's context reaches the listing.
func list(ctx context.Context, c *minio.Client, prefix string) int { // want list:"ctxdeadline\\(param0 → \\(\\*minio.Client\\).ListObjects\\)"
	n := 0
	for range c.ListObjects(ctx, "invoices", minio.ListObjectsOptions{Prefix: prefix}) {
		n++
	}
	return n
}

func Helper() {
	list(context.TODO(), client(), "2024/") // want `context.TODO\(\) reaches deadline.list → \(\*minio.Client\).ListObjects with no deadline`
}

// Safe: the same calls under context.WithTimeout.
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	client().PutObject(ctx, "invoices", "2024/01.pdf", strings.NewReader("%PDF"), 4, minio.PutObjectOptions{})
	list(ctx, client(), "2024/")
}

// Silent: HEAD and DELETE requests read no body: the header timeout,
// retried, bounds them.
func Bounded() {
	c := client()
	c.StatObject(context.Background(), "invoices", "2024/01.pdf", minio.StatObjectOptions{})
	c.BucketExists(context.Background(), "invoices")
	c.RemoveObject(context.Background(), "invoices", "2024/01.pdf", minio.RemoveObjectOptions{})
}

// Silent: bucket notifications wait for events by design.
func Listen() {
	for range client().ListenBucketNotification(context.Background(), "invoices", "", ".pdf", []string{"s3:ObjectCreated:*"}) {
	}
}

// Trap: MaxRetries bounds the attempts, not how long each one waits.
func Retries() {
	c, _ := minio.New("minio:9000", &minio.Options{MaxRetries: 2})
	c.FGetObject(context.Background(), "invoices", "2024/01.pdf", "/tmp/01.pdf", minio.GetObjectOptions{}) // want `reaches \(\*minio.Client\).FGetObject with no deadline`
}
