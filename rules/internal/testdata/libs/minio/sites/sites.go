package sites // want package:`calls\[cloud\(env:MINIO_ENDPOINT timeout=5s\); cloud\(host:objects.internal:9000 bounded\)\]`

// The package holds the call sites of minio-go that the join ties to a
// node: the endpoint given to minio.New names what the client reaches (a
// MinIO server, Amazon S3…), so the calls name no fixed service. (A bare
// host with no port, "s3.amazonaws.com", is not taken as a host.)

import (
	"context"
	"os"
	"strings"
	"time"

	"github.com/minio/minio-go/v7"
)

func Upload() {
	c, _ := minio.New(os.Getenv("MINIO_ENDPOINT"), &minio.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c.PutObject(ctx, "invoices", "a.pdf", strings.NewReader("%PDF"), 4, minio.PutObjectOptions{})
}

func Stat() {
	c, _ := minio.NewCore("objects.internal:9000", &minio.Options{})
	c.StatObject(context.Background(), "archive", "a.pdf", minio.StatObjectOptions{})
}
